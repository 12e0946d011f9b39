//! The search index, built from the cleaned blocks and written as its own file
//! (`search-index-<hash>.bin` in `OUT_DIR`, written beside the app by the page renderer): the
//! app fetches it the first time someone searches, so the wasm does not carry it. The emitted
//! source names the file and, for host builds (tests, benchmarks), includes its bytes.

use std::path::Path;

use super::corpus::CleanDoc;
use super::{fetched_file, Result};
use companion_core::analysis::search::IndexBuf;

pub fn emit(docs: &[CleanDoc], out: &Path) -> Result<String> {
    let texts: Vec<Vec<&str>> = docs.iter().map(|d| d.blocks.iter().map(|b| b.text.as_str()).collect()).collect();
    let bytes = IndexBuf::build(&texts)?.to_bytes();
    fetched_file(out, "search-index", "bin", &bytes, "the search index")
}
