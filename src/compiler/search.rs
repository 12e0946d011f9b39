//! The search index, built from the cleaned blocks and emitted as static data.

use super::corpus::CleanDoc;
use super::{lit, Result};
use companion_core::analysis::search::IndexBuf;

fn list(xs: &[u32]) -> String {
    xs.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

pub fn emit(docs: &[CleanDoc]) -> Result<String> {
    let texts: Vec<Vec<&str>> = docs.iter().map(|d| d.blocks.iter().map(|b| b.text.as_str()).collect()).collect();
    let index = IndexBuf::build(&texts)?;
    Ok(format!(
        "pub static SEARCH_INDEX: Index<'static> = Index {{ vocab: {}, starts: &[{}], post_starts: &[{}], postings: &[{}] }};\n",
        lit(&index.vocab),
        list(&index.starts),
        list(&index.post_starts),
        list(&index.postings)
    ))
}
