//! The corpus text file (`corpus-text-<hash>.txt`, format in `companion_core::corpus_text`):
//! every document's cleaned blocks with their glossary marks, its seed, and every pair's
//! comparison. The app fetches it at start-up instead of carrying it in the wasm, and the
//! pages already show the text before it arrives. The emitted source names the file and, for
//! host builds (page renderer, tests), includes it.

use std::path::Path;

use super::corpus::CleanDoc;
use super::{comparisons, fetched_file, Result};
use companion_core::corpus_text::Writer;
use companion_core::model::Mark;

/// `marks[d][b]` holds the glossary marks of block `b` of document `d`.
pub fn emit(docs: &[CleanDoc], marks: &[Vec<Vec<Mark>>], out: &Path) -> Result<String> {
    let mut w = Writer::default();
    for (doc, marks) in docs.iter().zip(marks) {
        let named = |e: String| format!("{}: {e}", doc.spec.seed);
        w.document(&doc.spec.id, &doc.original).map_err(named)?;
        for ((block, id), marks) in doc.blocks.iter().zip(&doc.ids).zip(marks) {
            w.block(id, block.kind, &block.text, marks).map_err(named)?;
        }
    }
    for ((l, r), packed) in comparisons::packed(docs) {
        w.comparison(l, r, &packed)?;
    }
    fetched_file(out, "corpus-text", "txt", w.finish().as_bytes(), "the corpus text")
}
