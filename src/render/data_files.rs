//! The files the app fetches, written beside the pages: the corpus text (read before the app
//! hydrates) and the search index (read on the first search). The build step (`src/build.rs`)
//! names each by a hash of its content and compiles that name into the app, for the browser and
//! for the host alike; the host build also holds the bytes (`corpus::*_BYTES`), which are
//! written here. The wasm names the same files, as both builds run the same step on the same
//! data.

use std::fs;
use std::path::Path;

use ashraf3_companion::corpus::{CORPUS_TEXT_BYTES, CORPUS_TEXT_FILE, SEARCH_INDEX_BYTES, SEARCH_INDEX_FILE};

/// The files the app fetches: name and content.
pub const FILES: [(&str, &[u8]); 2] = [(CORPUS_TEXT_FILE, CORPUS_TEXT_BYTES), (SEARCH_INDEX_FILE, SEARCH_INDEX_BYTES)];

/// Writes `files` into `dist`, once the pages are there: 404.html, whose whole app reads the
/// corpus text on any page, must name the file written here (its `companion-text` meta, which
/// the loader fetches).
pub fn write(dist: &Path, files: &[(&str, &[u8])]) -> Result<Vec<String>, String> {
    let not_found = dist.join("404.html");
    let page = fs::read_to_string(&not_found).map_err(|e| format!("{}: {e}", not_found.display()))?;
    let named = text_file_named(&page).ok_or_else(|| format!("{} names no corpus text file", not_found.display()))?;
    if !files.iter().any(|(name, _)| *name == named) {
        return Err(format!("{} names {named}, which is not among the files written", not_found.display()));
    }
    let mut said = Vec::new();
    for (name, bytes) in files {
        let path = dist.join(name);
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        said.push(format!("data-files: {name} ({} KB)", bytes.len() / 1024));
    }
    Ok(said)
}

/// The file a page's `companion-text` meta names.
fn text_file_named(page: &str) -> Option<&str> {
    let (_, rest) = page.split_once(r#"<meta name="companion-text" content=""#)?;
    rest.split_once('"').map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real files: named by the build, non-empty, of the kinds the app fetches.
    #[test]
    fn the_app_fetches_the_corpus_text_and_the_search_index() {
        let [(text, text_bytes), (index, index_bytes)] = FILES;
        assert!(text.starts_with("corpus-text-") && text.ends_with(".txt"), "{text}");
        assert!(index.starts_with("search-index-") && index.ends_with(".bin"), "{index}");
        assert!(std::str::from_utf8(text_bytes).is_ok_and(|t| t.len() > 50_000));
        assert!(index_bytes.len() > 10_000);
    }

    #[test]
    fn writes_the_files_the_page_names() {
        let dist = std::env::temp_dir().join(format!("companion-data-files-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        let page = |name: &str| format!(r#"<head><meta name="companion-text" content="{name}"><title>x</title>"#);
        let files: [(&str, &[u8]); 2] = [("t-1.txt", b"text"), ("i-1.bin", b"index")];

        fs::write(dist.join("404.html"), page("t-1.txt")).unwrap();
        let said = write(&dist, &files).unwrap();
        assert_eq!(said, ["data-files: t-1.txt (0 KB)", "data-files: i-1.bin (0 KB)"]);
        assert_eq!(fs::read(dist.join("t-1.txt")).unwrap(), b"text");
        assert_eq!(fs::read(dist.join("i-1.bin")).unwrap(), b"index");

        // A page naming another build's text would fetch a file that is not there.
        fs::write(dist.join("404.html"), page("t-2.txt")).unwrap();
        assert!(write(&dist, &files).unwrap_err().contains("names t-2.txt"));
        fs::write(dist.join("404.html"), "<head></head>").unwrap();
        assert!(write(&dist, &files).is_err());
        fs::remove_dir_all(&dist).unwrap();
    }
}
