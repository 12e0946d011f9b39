//! The files Trunk does not name by their content, named so: the page modules' (src/bin, one
//! per `route::Module`) and the added sources' worker's (src/worker). Trunk hashes only the
//! main app's files: for index.html's `data-type="worker"` link it writes `companion-worker.js`,
//! `companion-worker_bg.wasm` and the loader that imports both, `companion-worker_loader.js`,
//! under the same names in every build. A host, a proxy or a browser that keeps a file by its
//! name (for a day, or for good when it is told the companion's files never change) could then
//! pair a new page with an old worker, which would not understand its requests. This step gives
//! each file a name with a hash of its content, as Trunk names the app's: the module and the
//! wasm first, then the loader, rewritten to import those names, and returns the loader's name,
//! which the page renderer writes on the page's loader script (`loader::name_worker`).

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use ashraf3_companion::route::Module;

use crate::precache::hex;

/// The worker's binary (src/worker), as Trunk names its files.
const WORKER: &str = "companion-worker";

/// `<stem>-<hash><suffix>`: the first 16 hex digits of the content's sha256.
fn hashed(stem: &str, suffix: &str, bytes: &[u8]) -> String {
    format!("{stem}-{}{suffix}", hex(&Sha256::digest(bytes)[..8]))
}

/// The files of one page module (`route::Module`), as the pages name them.
#[derive(Debug, PartialEq)]
pub struct ModuleFiles {
    pub module: String,
    pub wasm: String,
}

/// Renames each page module's two files in `dist` (Trunk writes `<name>.js` and
/// `<name>_bg.wasm` for index.html's `data-bin="<name>"` links) by their content; returns their
/// new names, in the order of `Module::ALL`. The loader hands the module its wasm's name, so the
/// module's own default name for it goes unused.
pub fn name_modules(dist: &Path) -> Result<Vec<(Module, ModuleFiles)>, String> {
    Module::ALL
        .iter()
        .map(|&m| {
            let stem = m.name();
            let [module, wasm] = [".js", "_bg.wasm"].map(|suffix| {
                let path = dist.join(format!("{stem}{suffix}"));
                let bytes = fs::read(&path)
                    .map_err(|e| format!("{}: {e} (index.html's data-bin=\"{stem}\" link)", path.display()))?;
                let name = hashed(stem, suffix, &bytes);
                fs::rename(&path, dist.join(&name)).map_err(|e| format!("{}: {e}", path.display()))?;
                Ok::<_, String>(name)
            });
            Ok((m, ModuleFiles { module: module?, wasm: wasm? }))
        })
        .collect()
}

/// Renames the worker's three files in `dist` by their content; returns the loader's new name.
pub fn name_by_content(dist: &Path) -> Result<String, String> {
    let read = |suffix: &str| {
        let path = dist.join(format!("{WORKER}{suffix}"));
        fs::read(&path).map_err(|e| format!("{}: {e} (index.html's data-type=\"worker\" link)", path.display()))
    };
    let (module, wasm, loader) = (read(".js")?, read("_bg.wasm")?, read("_loader.js")?);
    let loader = String::from_utf8(loader).map_err(|_| format!("{WORKER}_loader.js is not text"))?;
    let (module_name, wasm_name) = (hashed(WORKER, ".js", &module), hashed(WORKER, "_bg.wasm", &wasm));
    let mut named = loader;
    for (old, new) in [(format!("{WORKER}.js"), &module_name), (format!("{WORKER}_bg.wasm"), &wasm_name)] {
        let quoted = format!("\"./{old}\"");
        if named.matches(&quoted).count() != 1 {
            return Err(format!("{WORKER}_loader.js does not name {quoted} once: {named}"));
        }
        named = named.replace(&quoted, &format!("\"./{new}\""));
    }
    let loader_name = hashed(WORKER, "_loader.js", named.as_bytes());
    for (name, bytes) in [(&module_name, &module[..]), (&wasm_name, &wasm[..]), (&loader_name, named.as_bytes())] {
        let path = dist.join(name);
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for suffix in [".js", "_bg.wasm", "_loader.js"] {
        let path = dist.join(format!("{WORKER}{suffix}"));
        fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(loader_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder with the worker's files as Trunk writes them.
    fn trunk_build(tag: &str, wasm: &[u8]) -> std::path::PathBuf {
        let dist = std::env::temp_dir().join(format!("companion-worker-files-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(&dist).unwrap();
        fs::write(dist.join("companion-worker.js"), "let wasm_bindgen = 1;").unwrap();
        fs::write(dist.join("companion-worker_bg.wasm"), wasm).unwrap();
        let loader = r#"importScripts("./companion-worker.js");wasm_bindgen("./companion-worker_bg.wasm");"#;
        fs::write(dist.join("companion-worker_loader.js"), loader).unwrap();
        dist
    }

    fn names(dist: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dist).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    fn is_hashed(name: &str, suffix: &str) -> bool {
        let hash = name.strip_prefix("companion-worker-").and_then(|n| n.strip_suffix(suffix)).unwrap_or("");
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
    }

    #[test]
    fn each_file_is_named_by_its_content_and_the_loader_imports_those_names() {
        let dist = trunk_build("names", b"\0asm one");
        let loader = name_by_content(&dist).unwrap();
        let names = names(&dist);
        assert_eq!(names.len(), 3, "{names:?}: the unhashed names are gone");
        let module = names.iter().find(|n| is_hashed(n, ".js")).expect("the module, hashed");
        let wasm = names.iter().find(|n| is_hashed(n, "_bg.wasm")).expect("the wasm, hashed");
        assert!(is_hashed(&loader, "_loader.js") && names.contains(&loader), "{loader}");
        assert_eq!(fs::read(dist.join(wasm)).unwrap(), b"\0asm one", "the content is unchanged");
        assert_eq!(
            fs::read_to_string(dist.join(&loader)).unwrap(),
            format!(r#"importScripts("./{module}");wasm_bindgen("./{wasm}");"#)
        );
        fs::remove_dir_all(&dist).unwrap();
    }

    /// A new wasm is a new wasm name and so a new loader name, which the pages carry; the module,
    /// unchanged, keeps its name.
    #[test]
    fn a_changed_wasm_renames_the_wasm_and_the_loader() {
        let (one, two) = (trunk_build("one", b"\0asm one"), trunk_build("two", b"\0asm two"));
        let (loader_one, loader_two) = (name_by_content(&one).unwrap(), name_by_content(&two).unwrap());
        assert_ne!(loader_one, loader_two);
        let (names_one, names_two) = (names(&one), names(&two));
        let wasm = |names: &[String]| names.iter().find(|n| n.ends_with("_bg.wasm")).cloned();
        let module = |names: &[String]| names.iter().find(|n| is_hashed(n, ".js")).cloned();
        assert_ne!(wasm(&names_one), wasm(&names_two));
        assert_eq!(module(&names_one), module(&names_two));
        fs::remove_dir_all(&one).unwrap();
        fs::remove_dir_all(&two).unwrap();
    }

    #[test]
    fn a_build_without_the_worker_or_with_another_loader_is_an_error() {
        let missing = trunk_build("missing", b"\0asm");
        fs::remove_file(missing.join("companion-worker_bg.wasm")).unwrap();
        assert!(name_by_content(&missing).unwrap_err().contains("data-type=\"worker\""));
        let other = trunk_build("other", b"\0asm");
        fs::write(other.join("companion-worker_loader.js"), "importScripts('./companion-worker.js');").unwrap();
        assert!(name_by_content(&other).unwrap_err().contains("does not name"));
        assert_eq!(names(&other).len(), 3, "nothing renamed");
        fs::remove_dir_all(&missing).unwrap();
        fs::remove_dir_all(&other).unwrap();
    }

    #[test]
    fn each_page_module_is_named_by_its_content() {
        let dist = std::env::temp_dir().join(format!("companion-module-files-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(&dist).unwrap();
        for m in Module::ALL {
            fs::write(dist.join(format!("{}.js", m.name())), "export default 1;").unwrap();
            fs::write(dist.join(format!("{}_bg.wasm", m.name())), m.name()).unwrap();
        }
        let named = name_modules(&dist).unwrap();
        assert_eq!(named.iter().map(|(m, _)| *m).collect::<Vec<_>>(), Module::ALL);
        for (m, files) in &named {
            let hash = |name: &str, suffix: &str| {
                name.strip_prefix(&format!("{}-", m.name())).and_then(|n| n.strip_suffix(suffix)).map(str::len)
            };
            assert_eq!((hash(&files.module, ".js"), hash(&files.wasm, "_bg.wasm")), (Some(16), Some(16)), "{files:?}");
            assert_eq!(fs::read(dist.join(&files.wasm)).unwrap(), m.name().as_bytes(), "the content is unchanged");
        }
        assert_eq!(names(&dist).len(), 2 * Module::ALL.len(), "the unhashed names are gone");
        for m in Module::ALL {
            fs::write(dist.join(format!("{}.js", m.name())), "").unwrap();
            if m != Module::Compare {
                fs::write(dist.join(format!("{}_bg.wasm", m.name())), "").unwrap();
            }
        }
        let missing = name_modules(&dist).unwrap_err();
        assert!(missing.contains("compare_bg.wasm") && missing.contains("data-bin=\"compare\""), "{missing}");
        fs::remove_dir_all(&dist).unwrap();
    }
}
