//! `sw.js`, the service worker (`sw.template.js`) with the build's file list, each file's
//! sha256 (the worker checks every file it caches against it) and a version derived from those
//! hashes, so that any change to any file, a page included, makes a new cache. The last step of
//! the build, as it lists every file the others wrote; `--precache <dist>` runs it alone (the
//! browser suite makes new deployments with it).

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

const TEMPLATE: &str = include_str!("sw.template.js");
const WORKER: &str = "sw.js";

/// Writes `<dist>/sw.js`; says how many files it lists, their size and the version.
pub fn write(dist: &Path) -> Result<String, String> {
    let mut names = Vec::new();
    list(dist, "", &mut names)?;
    names.sort();
    let mut files = Vec::new();
    for name in &names {
        let path = dist.join(name);
        files.push((name.as_str(), fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?));
    }
    let (version, worker) = worker(&files);
    let path = dist.join(WORKER);
    fs::write(&path, worker).map_err(|e| format!("{}: {e}", path.display()))?;
    let kb = files.iter().map(|(_, bytes)| bytes.len()).sum::<usize>() / 1024;
    Ok(format!("precache: {} files, {kb} KB in the offline cache, version {version}", files.len()))
}

/// Every file under `dir`, as a path relative to the build with `/` (the worker itself aside).
fn list(dir: &Path, prefix: &str, names: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        let kind = entry.file_type().map_err(|e| format!("{name}: {e}"))?;
        if kind.is_dir() {
            list(&entry.path(), &format!("{name}/"), names)?;
        } else if name != WORKER {
            names.push(name);
        }
    }
    Ok(())
}

/// The build's version and its worker, from its files (sorted by name).
fn worker(files: &[(&str, Vec<u8>)]) -> (String, String) {
    let mut build = Sha256::new();
    let mut listed = Vec::new();
    for (name, bytes) in files {
        let sha = Sha256::digest(bytes);
        build.update(name.as_bytes());
        build.update([0]);
        build.update(sha);
        // A page is cached as its folder ("./", "read/<doc>/"), the URL students open; hosts
        // may redirect index.html there.
        let url = match name.strip_suffix("index.html") {
            Some("") => "./",
            Some(folder) if folder.ends_with('/') => folder,
            _ => name,
        };
        listed.push((url, hex(&sha)));
    }
    let version = hex(&build.finalize())[..16].to_string();
    let list = serde_json::to_string(&listed).expect("names and hashes are strings");
    (version.clone(), TEMPLATE.replace("__VERSION__", &version).replace("__FILES__", &list))
}

/// Lower-case hex, as the service worker checks hashes and as the worker's files are named.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(css: &str) -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("404.html", b"gone".to_vec()),
            ("index.html", b"library".to_vec()),
            ("read/a/index.html", b"reader".to_vec()),
            ("style.css", css.as_bytes().to_vec()),
        ]
    }

    #[test]
    fn lists_each_page_as_its_folder_with_its_sha256() {
        let (version, sw) = worker(&files("p{}"));
        assert_eq!(version.len(), 16);
        assert!(sw.contains(&format!(r#"const VERSION = "{version}";"#)));
        let sha = |s: &str| hex(&Sha256::digest(s));
        let expected = format!(
            r#"const FILES = [["404.html","{}"],["./","{}"],["read/a/","{}"],["style.css","{}"]];"#,
            sha("gone"),
            sha("library"),
            sha("reader"),
            sha("p{}")
        );
        assert!(sw.contains(&expected), "{sw}");
        assert_eq!(sha(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    /// The added sources' worker's files (named by their content, `worker_files`) are cached
    /// with the rest, so an added source opens offline after one visit.
    #[test]
    fn caches_the_added_sources_worker() {
        const NAMES: [&str; 3] = [
            "companion-worker-0a1b2c3d4e5f6071.js",
            "companion-worker-1a1b2c3d4e5f6071_bg.wasm",
            "companion-worker-2a1b2c3d4e5f6071_loader.js",
        ];
        let mut with_worker = files("p{}");
        for name in NAMES {
            with_worker.push((name, name.as_bytes().to_vec()));
        }
        let (version, sw) = worker(&with_worker);
        for name in NAMES {
            assert!(sw.contains(&format!(r#"["{name}",""#)), "{name} in {sw}");
        }
        assert_ne!(version, worker(&files("p{}")).0);
    }

    #[test]
    fn any_changed_file_is_a_new_version() {
        assert_eq!(worker(&files("p{}")).0, worker(&files("p{}")).0);
        assert_ne!(worker(&files("p{}")).0, worker(&files("p{ }")).0);
    }

    #[test]
    fn the_template_has_one_place_for_each() {
        assert_eq!(TEMPLATE.matches("__VERSION__").count(), 1);
        assert_eq!(TEMPLATE.matches("__FILES__").count(), 1);
    }

    /// On disk: every file under the build, in sub-folders too, and never the worker itself,
    /// which it rewrites (a second run gives the same version).
    #[test]
    fn writes_sw_js_for_the_files_of_a_folder() {
        let dist = std::env::temp_dir().join(format!("companion-precache-{}", std::process::id()));
        fs::create_dir_all(dist.join("read/a")).unwrap();
        for (name, bytes) in files("p{}") {
            fs::write(dist.join(name), bytes).unwrap();
        }
        let first = write(&dist).unwrap();
        assert!(first.starts_with("precache: 4 files, 0 KB in the offline cache, version "), "{first}");
        let sw = fs::read_to_string(dist.join("sw.js")).unwrap();
        assert_eq!(sw, worker(&files("p{}")).1);
        assert_eq!(write(&dist).unwrap(), first);
        fs::remove_dir_all(&dist).unwrap();
    }
}
