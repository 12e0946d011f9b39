//! Every ordered pair of documents, aligned and diffed at build time and emitted packed
//! (see `analysis::comparison::pack`): the comparison view opens instantly and the app
//! carries neither the aligner nor the diff.

use super::corpus::CleanDoc;
use companion_core::analysis::comparison::{compare_texts, pack};

pub fn emit(docs: &[CleanDoc]) -> String {
    // The title is the column heading, not a passage: skipped, as `comparison::compare` does.
    let texts: Vec<Vec<&str>> =
        docs.iter().map(|d| d.blocks.iter().skip(1).map(|b| b.text.as_str()).collect()).collect();
    let mut out = String::from("/// Packed comparisons, row-major: left document `i`, right document `j` at `i * n + j`.\npub static COMPARISONS: &[&[u16]] = &[\n");
    for left in &texts {
        for right in &texts {
            let packed = pack(&compare_texts(left, right, 1));
            out.push_str(&format!("&{packed:?},\n"));
        }
    }
    out.push_str("];\n");
    out
}
