//! Notes anchored on the real corpus: every paragraph places on itself, and a quote finds its
//! words again when the paragraph id, the spacing or the case changed (`analysis::notes::place`).

use ashraf3_companion::analysis::notes::{place, Anchor, Placement};
use ashraf3_companion::corpus;
use ashraf3_companion::model::Document;

/// A document's blocks as `place` takes them.
fn blocks(doc: &'static Document) -> Vec<(&'static str, &'static str)> {
    doc.blocks.iter().map(|b| (b.id, b.text)).collect()
}

/// The block holding "Durrës County", and that block's index, in a document.
fn durres() -> (&'static Document, usize) {
    corpus::documents()
        .iter()
        .find_map(|d| d.blocks.iter().position(|b| b.text.contains("Durrës County")).map(|b| (d, b)))
        .expect("the corpus names Durrës County")
}

#[test]
fn place_against_the_corpus() {
    let (doc, b) = durres();
    let bs = blocks(doc);
    let (id, text) = bs[b];
    let anchor = |block: &str, quote: &str| Anchor { doc: doc.id.into(), block: block.into(), quote: quote.into() };
    let at = text.find("Durrës County").unwrap();
    let exact = Placement::Exact { block: b, range: at..at + "Durrës County".len() };
    assert_eq!(place(&anchor(id, "Durrës County"), &bs), exact);
    assert_eq!(place(&anchor(id, " Durrës County\n"), &bs), exact, "white space around a selection");
    // The quote copied with other spaces, case and without diacritics still lands.
    assert_eq!(place(&anchor(id, "durres\u{a0}  county"), &bs), exact);
    assert_eq!(place(&anchor(id, ""), &bs), Placement::Exact { block: b, range: 0..text.len() });

    // Another paragraph's id: the quote has moved, to its first occurrence.
    let other = bs.iter().position(|(_, t)| !t.contains("Durrës County")).unwrap();
    let first = bs.iter().position(|(_, t)| t.contains("Durrës County")).unwrap();
    let at = bs[first].1.find("Durrës County").unwrap();
    let moved = Placement::Moved { block: first, range: at..at + "Durrës County".len() };
    assert_eq!(place(&anchor(bs[other].0, "Durrës County"), &bs), moved);
    assert!(matches!(place(&anchor("p-gone", "Durrës County"), &bs), Placement::Moved { .. }));

    assert_eq!(place(&anchor(id, "words no document has ever printed"), &bs), Placement::Lost);
    assert_eq!(place(&anchor("p-gone", ""), &bs), Placement::Lost);
    assert_eq!(place(&anchor(id, "x"), &[]), Placement::Lost);

    // Every paragraph of every document places exactly on itself.
    for d in corpus::documents() {
        let bs = blocks(d);
        for (i, (id, text)) in bs.iter().enumerate() {
            let quote: String = text.chars().take(40).collect();
            let got = place(&Anchor { doc: d.id.into(), block: id.to_string(), quote: quote.clone() }, &bs);
            let len = quote.trim().len();
            let start = text.find(quote.trim()).unwrap();
            assert_eq!(got, Placement::Exact { block: i, range: start..start + len }, "{} {id}", d.id);
        }
    }
}
