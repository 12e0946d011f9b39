//! The corpus text file, as the app reads it before it starts: the host reads the very file
//! the build wrote for the browser, so every host test of the documents also tests this path.

use ashraf3_companion::corpus::{self, CORPUS_TEXT_BYTES, DOCUMENT_HEADS};

/// The file the build wrote, as the host build includes it.
fn corpus_text() -> &'static str {
    std::str::from_utf8(CORPUS_TEXT_BYTES).unwrap()
}

#[test]
fn every_document_gets_its_text_and_seed() {
    let docs = corpus::documents();
    assert_eq!(docs.len(), DOCUMENT_HEADS.len());
    for (doc, head) in docs.iter().zip(DOCUMENT_HEADS) {
        assert_eq!((doc.id, doc.title, doc.word_count), (head.id, head.title, head.word_count));
        assert!(head.blocks.is_empty() && head.original.is_empty(), "{}: the wasm carries no text", doc.id);
        assert!(doc.blocks.len() > 10, "{}: {} blocks", doc.id, doc.blocks.len());
        let seed =
            std::fs::read_to_string(format!("{}/src/data/seeds/{}", env!("CARGO_MANIFEST_DIR"), doc.seed)).unwrap();
        assert_eq!(doc.original, seed, "{}: the seed as received", doc.id);
        assert!(doc.blocks.iter().any(|b| !b.marks.is_empty()), "{}: glossary marks", doc.id);
    }
    // Every ordered pair has its comparison, the diagonal (all shared) included.
    for l in 0..docs.len() {
        for r in 0..docs.len() {
            assert!(!corpus::comparison(l, r).rows.is_empty(), "comparison {l} {r}");
        }
    }
}

#[test]
fn a_file_of_another_build_or_format_is_refused() {
    corpus::documents(); // installed first: a refused file must not replace it
    assert!(corpus::install("<!doctype html><title>Welcome</title>")
        .unwrap_err()
        .contains("not the companion’s corpus text"));
    let renamed = corpus_text().replacen("\u{1f}home-to-mek\u{1f}", "\u{1f}elsewhere\u{1f}", 1);
    assert_ne!(renamed, corpus_text());
    assert!(corpus::install(Box::leak(renamed.into_boxed_str())).unwrap_err().contains("other documents"));
    // A glossary mark naming a term past the glossary's end.
    let marked = corpus_text()
        .split('\u{1e}')
        .find_map(|r| r.split('\u{1f}').nth(3).filter(|m| r.starts_with("B\u{1f}") && !m.is_empty()).map(|m| (r, m)))
        .expect("a block with marks");
    let far = corpus_text().replacen(marked.0, &marked.0.replacen(marked.1, "0,1,65000", 1), 1);
    assert!(corpus::install(Box::leak(far.into_boxed_str())).unwrap_err().contains("glossary does not have"));
    assert_eq!(corpus::documents()[0].id, "home-to-mek");
}
