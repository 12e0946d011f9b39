//! Property tests for what a URL can bring: any text in the query string must parse without
//! panicking, every link the app writes must read back as the view it names, and any search
//! query must be answered with snippets cut on character boundaries and bounded work.

use ashraf3_companion::analysis::claims::{Filter, Sort};
use ashraf3_companion::analysis::search::{self, MAX_QUERY_WORDS};
use ashraf3_companion::corpus::{self, block_text, search_index, GLOSSARY};
use ashraf3_companion::route::{self, Route, View};
use proptest::prelude::*;

/// Text as URLs and students bring it: letters with diacritics, quotes, `&`, `=`, `%`, `+`,
/// `#`, spaces, Persian, emoji.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('Z'),
            Just('ë'),
            Just('"'),
            Just('&'),
            Just('='),
            Just('%'),
            Just('+'),
            Just('#'),
            Just(' '),
            Just('?'),
            Just('ا'),
            Just('😀'),
            Just('7'),
            any::<char>(),
        ],
        0..24,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn id() -> impl Strategy<Value = String> {
    text().prop_filter("a named value", |s| !s.trim().is_empty())
}

fn view() -> impl Strategy<Value = View> {
    prop_oneof![
        Just(View::Library),
        (id(), any::<bool>(), proptest::option::of(id()), proptest::option::of(id()), proptest::option::of(id()))
            .prop_map(|(doc, original, figure, query, term)| View::Read {
                doc,
                original,
                figure,
                query,
                term,
                claim: None
            }),
        (id(), id()).prop_map(|(doc, claim)| View::Read {
            doc,
            original: false,
            figure: None,
            query: None,
            term: None,
            claim: Some(claim)
        }),
        (proptest::option::of(id()), proptest::option::of(id()), proptest::sample::select(Sort::ALL.to_vec()))
            .prop_map(|(topic, doc, sort)| View::Claims(Filter { topic, doc, sort })),
        id().prop_map(|id| View::Claim { id }),
        Just(View::Lineage),
        Just(View::Questions),
        Just(View::Notes),
        (proptest::option::of(id()), proptest::option::of(id()))
            .prop_map(|(left, right)| View::Compare { left, right }),
        Just(View::Glossary),
        (proptest::option::of(id()), any::<bool>()).prop_map(|(quantity, predict)| View::Figures { quantity, predict }),
        text().prop_map(|query| View::Search { query }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_query_string_parses(s in text(), raw in ".{0,64}") {
        let _ = route::parse(&s);
        let _ = route::parse(&raw);
        let _ = route::parse(&format!("?view=read&doc={s}&q={raw}"));
    }

    #[test]
    fn every_link_reads_back_as_its_view(view in view(), embed in any::<bool>()) {
        let r = Route { view, embed };
        let href = route::href(&r);
        prop_assert_eq!(route::parse(&href), r, "{}", href);
    }

    #[test]
    fn parse_then_href_is_stable(s in text()) {
        let once = route::parse(&format!("?view=search&q={s}"));
        prop_assert_eq!(route::parse(&route::href(&once)), once);
    }

    #[test]
    fn any_search_is_answered_with_whole_characters(q in text()) {
        let results = search::search(&search_index(), &block_text, &q);
        for group in &results.groups {
            for hit in &group.hits {
                let text = block_text(group.doc, hit.block);
                for r in &hit.ranges {
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
                for m in &hit.snippet.marks {
                    prop_assert!(hit.snippet.text.is_char_boundary(m.start) && hit.snippet.text.is_char_boundary(m.end));
                }
                let _ = hit.snippet.pieces();
            }
        }
        for hit in search::search_glossary(GLOSSARY, &q) {
            let _ = (hit.label.pieces(), hit.expansion.pieces(), hit.definition.pieces());
        }
        let _ = search::suggest(&search_index(), &q);
    }

    #[test]
    fn a_query_of_any_length_searches_at_most_the_cap(words in proptest::collection::vec("[a-z]{1,8}", 0..60)) {
        let q = words.join(" ");
        let counted: usize = search::parse(&q)
            .iter()
            .map(|p| match p {
                search::Part::Word(_) => 1,
                search::Part::Phrase(ws) => ws.len(),
            })
            .sum();
        prop_assert!(counted <= MAX_QUERY_WORDS);
        prop_assert_eq!(search::is_capped(&q), words.len() > MAX_QUERY_WORDS);
    }
}

#[test]
fn reader_marks_for_a_huge_query_stay_bounded() {
    let q = "camp ".repeat(20_000);
    assert!(search::is_capped(&q));
    let blocks: Vec<&str> = corpus::documents()[0].blocks.iter().map(|b| b.text).collect();
    let marks = search::doc_marks(&search_index(), 0, &blocks, &q);
    assert_eq!(marks.len(), blocks.len());
}
