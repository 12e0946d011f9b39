//! The search index, built from the cleaned blocks and written as its own file
//! (`search-index-<hash>.bin` in `OUT_DIR`, copied beside the app by `tools/precache.py`): the
//! app fetches it the first time someone searches, so the wasm does not carry it. The emitted
//! source names the file and, for host builds (tests, benchmarks), includes its bytes.

use std::path::Path;

use super::corpus::CleanDoc;
use super::{lit, Result};
use companion_core::analysis::search::IndexBuf;

/// FNV-1a: a content hash for the file name, so a new index is a new URL (no stale cache).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

pub fn emit(docs: &[CleanDoc], out: &Path) -> Result<String> {
    let texts: Vec<Vec<&str>> = docs.iter().map(|d| d.blocks.iter().map(|b| b.text.as_str()).collect()).collect();
    let bytes = IndexBuf::build(&texts)?.to_bytes();
    let name = format!("search-index-{:016x}.bin", fnv(&bytes));
    let path = out.join(&name);
    std::fs::write(&path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!(
        "/// The search index's file, beside index.html.\npub static SEARCH_INDEX_FILE: &str = {};\n#[cfg(not(target_arch = \"wasm32\"))]\npub static SEARCH_INDEX_BYTES: &[u8] = include_bytes!({});\n",
        lit(&name),
        lit(&path.display().to_string())
    ))
}
