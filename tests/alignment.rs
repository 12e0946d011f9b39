//! Alignment and differences on the real pairs a student compares.

use ashraf3_companion::analysis::comparison::{compare, Comparison, RowKind};
use ashraf3_companion::corpus::document;
use ashraf3_companion::model::Document;

fn pair(a: &str, b: &str) -> (&'static Document, &'static Document, Comparison) {
    let (a, b) = (document(a).unwrap(), document(b).unwrap());
    (a, b, compare(a, b))
}

/// The block index of the passage containing `phrase`.
fn find(doc: &Document, phrase: &str) -> usize {
    doc.blocks
        .iter()
        .position(|b| b.text.contains(phrase))
        .unwrap_or_else(|| panic!("{}: no passage with {phrase:?}", doc.id))
}

/// The right-hand blocks aligned with left block `i` (empty if unmatched).
fn partners(c: &Comparison, i: usize) -> Vec<usize> {
    c.rows.iter().find(|r| r.left.blocks.contains(&i)).map(|r| r.right.blocks.clone()).unwrap_or_default()
}

#[test]
fn encyclopedia_revisions_align_on_residents_transfer_and_raid() {
    let (a, b, c) = pair("encyclopedia-earlier", "encyclopedia-later");
    for (left, right) in [
        ("In 2013, after the closure of the Camp Liberty", "In 2013, following the closure of Camp Liberty"),
        (
            "On June 20, 2023, the Albanian police raided the camp",
            "On June 20, 2023, Albanian police conducted a controversial raid",
        ),
        ("Albania did not grant refugee status", "Albania did not grant refugee status"),
        ("In 2022, Albania suffered a cyber-attack", "Preceding the raid, in 2022, Albania suffered a cyber-attack"),
    ] {
        let (i, j) = (find(a, left), find(b, right));
        assert!(partners(&c, i).contains(&j), "{left:?} should align with {right:?}, got {:?}", partners(&c, i));
    }
}

#[test]
fn the_residents_paragraphs_align() {
    // The earlier revision gives all figures in one paragraph (Guardian 2018, NYT 2020, AP
    // 2022); the later one splits them over two, and the AP sentence is kept almost verbatim.
    let (a, b, c) = pair("encyclopedia-earlier", "encyclopedia-later");
    let i = find(a, "In 2018, The Guardian reported that about 2,300");
    let residents =
        [find(b, "Arron Merat reported that approximately 2,300"), find(b, "In 2022, AP News reported that 3,000")];
    assert!(partners(&c, i).iter().any(|j| residents.contains(j)), "got {:?}", partners(&c, i));
}

#[test]
fn the_thwarted_attacks_paragraph_is_only_in_the_later_revision() {
    let (_, b, c) = pair("encyclopedia-earlier", "encyclopedia-later");
    let j = find(b, "Albanian police have successfully thwarted");
    let row = c.rows.iter().find(|r| r.right.blocks.contains(&j)).unwrap();
    assert_eq!(row.kind, RowKind::OnlyRight);
    assert!(row.left.blocks.is_empty());
}

#[test]
fn the_summary_quotes_align_with_the_pmoi_originals() {
    let (a, b, c) = pair("lends-hope", "source-of-hope");
    for (summary, original) in [
        (
            "On Wednesday, January 8, 2020, Khameini referenced the meeting",
            "A few days prior to the [November uprising]",
        ),
        ("However, Habibi noted, “what’s important", "But what’s important is that Khamenei implicitly acknowledged"),
        ("According to Habibi, the regime has confirmed their fear", "by creating TV series, writing fake stories"),
        ("But by these acts, the regime not only has failed", "But by these acts the regime not only has failed"),
    ] {
        let (i, j) = (find(a, summary), find(b, original));
        assert!(partners(&c, i).contains(&j), "{summary:?} should align with {original:?}, got {:?}", partners(&c, i));
    }
}

#[test]
fn every_block_appears_once_and_rows_do_not_cross() {
    for (x, y) in [
        ("encyclopedia-earlier", "encyclopedia-later"),
        ("lends-hope", "source-of-hope"),
        ("home-to-mek", "encyclopedia-later"),
    ] {
        let (a, b, c) = pair(x, y);
        let left: Vec<usize> = c.rows.iter().flat_map(|r| r.left.blocks.clone()).collect();
        let right: Vec<usize> = c.rows.iter().flat_map(|r| r.right.blocks.clone()).collect();
        assert_eq!(left, (1..a.blocks.len()).collect::<Vec<_>>(), "{x}");
        assert_eq!(right, (1..b.blocks.len()).collect::<Vec<_>>(), "{y}");
        let s = c.summary;
        assert_eq!(s.shared + s.changed + s.only_left + s.only_right, c.rows.len());
    }
}

#[test]
fn differences_point_at_the_changed_words() {
    let (a, b, c) = pair("encyclopedia-earlier", "encyclopedia-later");
    let i = find(a, "In 2013, after the closure of the Camp Liberty");
    let row = c.rows.iter().find(|r| r.left.blocks.contains(&i)).unwrap();
    assert_eq!(row.kind, RowKind::Changed);
    let k = row.left.blocks.iter().position(|&x| x == i).unwrap();
    let removed: Vec<&str> = row.left.changes[k].iter().map(|r| &a.blocks[i].text[r.clone()]).collect();
    assert!(removed.iter().any(|w| w.contains("after")), "{removed:?}");
    let j = row.right.blocks[0];
    let added: Vec<&str> = row.right.changes[0].iter().map(|r| &b.blocks[j].text[r.clone()]).collect();
    assert!(added.iter().any(|w| w.contains("humanitarian")), "{added:?}");
    // Headings present in both revisions are shared.
    let h = find(a, "Raid by Albanian police");
    assert!(c.rows.iter().any(|r| r.left.blocks == [h] && r.kind == RowKind::Shared));
    println!("encyclopedia pair: {:?}", c.summary);
}

#[test]
fn compiled_in_comparisons_are_the_aligners_for_every_ordered_pair() {
    use ashraf3_companion::corpus::{self, comparison};
    for (i, a) in corpus::documents().iter().enumerate() {
        for (j, b) in corpus::documents().iter().enumerate() {
            assert_eq!(comparison(i, j), compare(a, b), "{} x {}", a.id, b.id);
        }
    }
    assert!(comparison(corpus::documents().len(), 0).rows.is_empty(), "an unknown position gives an empty comparison");
}
