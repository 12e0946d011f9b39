//! Search on the real corpus: folding, prefixes, phrases, grouping in corpus order, marks.

use ashraf3_companion::analysis::search::{self as find, search, search_glossary, suggest, Results};
use ashraf3_companion::corpus::{self, block_text, search_index, GLOSSARY};

fn run(q: &str) -> Results {
    search(&search_index(), &block_text, q)
}

fn per_doc(r: &Results) -> Vec<(&'static str, usize)> {
    r.groups.iter().map(|g| (corpus::documents()[g.doc].id, g.count)).collect()
}

fn marked(r: &Results) -> Vec<&'static str> {
    r.groups
        .iter()
        .flat_map(|g| {
            g.hits.iter().flat_map(move |h| h.ranges.iter().map(move |x| &block_text(g.doc, h.block)[x.clone()]))
        })
        .collect()
}

#[test]
fn troll_farm_is_only_in_the_earlier_revision() {
    let r = run("\"troll farm\"");
    assert_eq!(per_doc(&r), vec![("encyclopedia-earlier", 3)]);
    assert!(marked(&r).iter().all(|m| m.eq_ignore_ascii_case("troll farm")), "{:?}", marked(&r));
}

#[test]
fn rrumbullaku_by_prefix_and_count() {
    assert_eq!(per_doc(&run("Rrumbullaku")), vec![("encyclopedia-earlier", 2), ("encyclopedia-later", 1)]);
    assert_eq!(per_doc(&run("rrumb")), per_doc(&run("Rrumbullaku")));
}

#[test]
fn diacritics_and_case_do_not_matter() {
    assert_eq!(marked(&run("Manez")), vec!["Manëz", "Manëz"]);
    let durres = marked(&run("durres"));
    assert!(durres.contains(&"Durres") && durres.contains(&"Durrës"), "{durres:?}");
    assert_eq!(marked(&run("cuci")), vec!["Çuçi"]);
}

#[test]
fn groups_follow_corpus_order_and_blocks_reading_order() {
    let r = run("camp");
    let docs: Vec<usize> = r.groups.iter().map(|g| g.doc).collect();
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted);
    for g in &r.groups {
        assert!(g.hits.windows(2).all(|w| w[0].block < w[1].block));
        assert_eq!(g.count, g.hits.iter().map(|h| h.ranges.len()).sum::<usize>());
    }
    assert_eq!(r.total, r.groups.iter().map(|g| g.count).sum::<usize>());
}

#[test]
fn all_words_must_occur_in_the_block() {
    let r = run("police pepper");
    assert_eq!(per_doc(&r).len(), 1);
    for g in &r.groups {
        for h in &g.hits {
            let t = block_text(g.doc, h.block).to_lowercase();
            assert!(t.contains("police") && t.contains("pepper"));
        }
    }
}

#[test]
fn snippets_mark_the_hit() {
    let r = run("stipend");
    for g in &r.groups {
        for h in &g.hits {
            let s = &h.snippet;
            assert!(s.marks.iter().any(|m| s.text[m.clone()].eq_ignore_ascii_case("stipend")), "{s:?}");
        }
    }
}

#[test]
fn glossary_and_suggestions() {
    let g = search_glossary(GLOSSARY, "prosecution");
    let spak = g.iter().find(|h| GLOSSARY[h.term].id == "spak").expect("SPAK is found by its alias");
    let def = &spak.definition;
    assert_eq!(def.marks.iter().map(|m| &def.text[m.clone()]).collect::<Vec<_>>(), ["prosecution", "Prosecution"]);
    assert!(spak.label.marks.is_empty(), "nothing to mark in “SPAK”");
    // A phrase marks its words as one run, in the label as elsewhere.
    let farm = search_glossary(GLOSSARY, "\"troll farm\"");
    let entries: Vec<&str> = farm.iter().map(|h| GLOSSARY[h.term].id).collect();
    assert_eq!(entries, ["troll-farm", "nyt"], "the entry, and the newspaper whose interviews it rests on");
    let label = &farm[0].label;
    assert_eq!(label.marks.iter().map(|m| &label.text[m.clone()]).collect::<Vec<_>>(), ["troll farm"]);
    assert!(run("Rumbullaku").groups.is_empty());
    assert!(suggest(&search_index(), "Rumbullaku").contains(&"rrumbullaku".to_string()));
}

/// The added sources' reader marks a search's hits without the index; on the corpus's own
/// texts it marks exactly what the bundled reader marks.
#[test]
fn marks_without_the_index_are_the_readers_marks() {
    let index = search_index();
    for (d, doc) in corpus::documents().iter().enumerate() {
        let blocks: Vec<&str> = doc.blocks.iter().map(|b| b.text).collect();
        for q in ["camp", "Manez", "\"troll farm\"", "albania pol", "rrumb", "1,000", "zzzz"] {
            assert_eq!(find::blocks_marks(&blocks, q), find::doc_marks(&index, d, &blocks, q), "{} / {q}", doc.id);
        }
    }
}
