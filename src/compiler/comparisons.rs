//! Every ordered pair of documents, aligned and diffed at build time and packed (see
//! `analysis::comparison::pack`) for the corpus text file: the comparison view opens
//! instantly and the app carries neither the aligner nor the diff.

use super::corpus::CleanDoc;
use companion_core::analysis::comparison::{compare_texts, pack};

/// `((left, right), packed)` for every ordered pair of positions, the diagonal included.
pub fn packed(docs: &[CleanDoc]) -> Vec<((usize, usize), Vec<u32>)> {
    // The title is the column heading, not a passage: skipped, as `comparison::compare` does.
    let texts: Vec<Vec<&str>> =
        docs.iter().map(|d| d.blocks.iter().skip(1).map(|b| b.text.as_str()).collect()).collect();
    let mut out = Vec::new();
    for (l, left) in texts.iter().enumerate() {
        for (r, right) in texts.iter().enumerate() {
            out.push(((l, r), pack(&compare_texts(left, right, 1))));
        }
    }
    out
}
