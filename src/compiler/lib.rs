//! The build-time data compiler: reads the human-edited files in `src/data`, checks each
//! against the cleaned corpus (a mistake fails the build with the file and entry named) and
//! writes Rust source for the app's `corpus` module, and the files the app fetches (the corpus
//! text, the search index). Each module handles one data file or one output; the app's
//! `build.rs` calls [`generate`].

pub mod claims;
pub mod comparisons;
pub mod corpus;
pub mod figures;
pub mod glossary;
pub mod questions;
pub mod search;
pub mod text;

use std::path::Path;

pub type Result<T> = std::result::Result<T, String>;

pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Checks that every id in a data file is a lower-case slug (it goes into URLs) and is used
/// once; `what` names the kind of entry in the message.
pub(crate) fn unique_ids<'a>(file: &str, what: &str, ids: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(format!("{file}: {what} id {id:?} must be a lower-case slug"));
        }
        if !seen.insert(id) {
            return Err(format!("{file}: {what} id {id:?} is used twice"));
        }
    }
    Ok(())
}

/// Writes `bytes` as a file the app fetches, `<stem>-<hash>.<ext>` in `out`, named by an FNV-1a
/// hash of its content so that new content is a new URL (no stale cache). Returns the source
/// that names it (`<STEM>_FILE`) and, for host builds (page renderer, tests, benchmarks),
/// includes it (`<STEM>_BYTES`); `what` says what it holds.
fn fetched_file(out: &Path, stem: &str, ext: &str, bytes: &[u8], what: &str) -> Result<String> {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let name = format!("{stem}-{hash:016x}.{ext}");
    let path = out.join(&name);
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let constant = stem.to_uppercase().replace('-', "_");
    Ok(format!(
        "/// The file of {what}, beside index.html.\npub static {constant}_FILE: &str = {};\n#[cfg(not(target_arch = \"wasm32\"))]\npub static {constant}_BYTES: &[u8] = include_bytes!({});\n",
        lit(&name),
        lit(&path.display().to_string())
    ))
}

/// A Rust string literal for `s` (Debug output of `str` is valid Rust source).
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// `Some("…")` or `None`.
pub fn opt_lit(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), |s| format!("Some({s:?})"))
}

pub fn generate(data: &Path, out: &Path) -> Result<()> {
    let docs = corpus::load(&data.join("documents.toml"), &data.join("seeds"))?;
    let figures = figures::load(&data.join("figures.toml"), &docs)?;
    let quantities: Vec<&str> = figures.quantities.iter().map(|q| q.id.as_str()).collect();
    let glossary = glossary::load(&data.join("glossary.toml"), &docs, &quantities)?;
    let found = glossary::match_corpus(&glossary, &docs);
    write(&out.join("corpus.rs"), &corpus::emit(&docs))?;
    write(&out.join("text.rs"), &text::emit(&docs, &glossary::marks(&found), out)?)?;
    write(&out.join("glossary.rs"), &glossary::emit(&glossary, &docs, &found))?;
    write(&out.join("figures.rs"), &figures::emit(&figures))?;
    write(&out.join("search.rs"), &search::emit(&docs, out)?)?;
    let (claims_src, claims) = claims::load(&data.join("claims.toml"), &data.join("retelling.toml"), &docs)?;
    write(&out.join("claims.rs"), &claims_src)?;
    let known = questions::Known { claims: &claims, quantities: &quantities };
    write(&out.join("questions.rs"), &questions::load(&data.join("questions.toml"), &docs, &known)?)?;
    Ok(())
}

/// The real corpus, cleaned, for the tests of every emitter.
#[cfg(test)]
pub(crate) fn test_docs() -> Vec<corpus::CleanDoc> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    corpus::load(&data.join("documents.toml"), &data.join("seeds")).unwrap()
}
