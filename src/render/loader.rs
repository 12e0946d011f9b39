//! The page's loader (`src/loader.js`) put into the script Trunk writes for it. Trunk only names
//! this build's module and wasm (Trunk.toml's `pattern_script`: an empty module script with
//! `data-module` and `data-wasm`); the loader itself is a readable file in the repository, so
//! start-up is written in one place. It goes in before the Content-Security-Policy step, which
//! hashes it, and every page inherits it from the template.

use crate::worker_files::ModuleFiles;

/// The loader as written, with its comments.
const LOADER: &str = include_str!("../loader.js");

/// The attribute that marks Trunk's loader script (it holds the wasm's name).
const MARK: &str = "data-wasm=";

/// `html` with the loader inside Trunk's empty loader script.
pub fn inline(html: &str) -> Result<String, String> {
    let at = match html.match_indices(MARK).map(|(i, _)| i).collect::<Vec<_>>()[..] {
        [at] => at,
        [] => return Err(format!("no loader script ({MARK}…, Trunk.toml's pattern_script)")),
        _ => return Err(format!("more than one loader script ({MARK}…)")),
    };
    if !html[..at].rfind('<').is_some_and(|open| html[open..].starts_with("<script")) {
        return Err(format!("{MARK}… is not on a <script>"));
    }
    let body = at + html[at..].find('>').ok_or("no end to the loader's <script>")? + 1;
    if !html[body..].starts_with("</script>") {
        return Err("the loader's <script> is not empty".into());
    }
    Ok(format!("{}{}{}", &html[..body], compact(LOADER), &html[body..]))
}

/// `html` with the worker's loader named on the loader's script, as `data-worker`.
pub fn name_worker(html: &str, file: &str) -> Result<String, String> {
    match html.match_indices(MARK).count() {
        1 => Ok(html.replacen(MARK, &format!("data-worker=\"./{file}\" {MARK}"), 1)),
        _ => Err(format!("no single loader script ({MARK}…) to name the worker on")),
    }
}

/// Names a page's module on its loader script (the files of `worker_files::name_modules`), in
/// place of the whole app's that Trunk wrote there; with `keep_all`, the whole app's stay named
/// beside it (`data-all-module`, `data-all-wasm`), for the links of earlier versions the root
/// page receives (see src/loader.js).
pub fn name_module(html: &str, files: &ModuleFiles, keep_all: bool) -> Result<String, String> {
    const MODULE: &str = "data-module=\"";
    const WASM: &str = "data-wasm=\"";
    let mut html = html.to_string();
    if keep_all {
        let whole = |attribute| value_at(&html, attribute).map(|at| html[at].to_string());
        let (module, wasm) = (whole(MODULE)?, whole(WASM)?);
        html = html.replacen(MARK, &format!("data-all-module=\"{module}\" data-all-wasm=\"{wasm}\" {MARK}"), 1);
    }
    for (attribute, file) in [(MODULE, &files.module), (WASM, &files.wasm)] {
        let at = value_at(&html, attribute)?;
        html.replace_range(at, &format!("./{file}"));
    }
    Ok(html)
}

/// Where the value of the loader script's `attribute` (`data-wasm="`) stands: the one
/// `attribute` in the page.
fn value_at(html: &str, attribute: &str) -> Result<std::ops::Range<usize>, String> {
    let at = match html.match_indices(attribute).map(|(i, _)| i + attribute.len()).collect::<Vec<_>>()[..] {
        [at] => at,
        _ => return Err(format!("no single {attribute}…\" on the loader script")),
    };
    Ok(at..at + html[at..].find('"').ok_or("an unclosed attribute on the loader script")?)
}

/// The loader without its comment lines, indentation and blank lines: what each page carries.
/// Line breaks stay, so the code means what the file says.
fn compact(js: &str) -> String {
    js.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The script Trunk writes from Trunk.toml's pattern, with the placeholders it fills in.
    fn trunk_script() -> String {
        let toml = include_str!("../../Trunk.toml");
        let line = toml.lines().find(|l| l.starts_with("pattern_script")).expect("Trunk.toml has a pattern_script");
        let pattern = line.split_once('\'').and_then(|(_, r)| r.rsplit_once('\'')).expect("a literal string").0;
        pattern.replace("{base}", "./").replace("{js}", "app-1.js").replace("{wasm}", "app-1_bg.wasm")
    }

    #[test]
    fn fills_trunks_script_with_the_loader() {
        let script = trunk_script();
        assert_eq!(script, r#"<script type="module" data-module="./app-1.js" data-wasm="./app-1_bg.wasm"></script>"#);
        let html = inline(&format!("<head><script>first()</script>{script}</head>")).unwrap();
        let (_, body) = html.split_once(r#"data-wasm="./app-1_bg.wasm">"#).unwrap();
        let body = body.strip_suffix("</script></head>").unwrap();
        assert_eq!(body, compact(LOADER));
        assert!(html.starts_with("<head><script>first()</script>"));
    }

    #[test]
    fn names_a_pages_module_on_the_loader_script() {
        let html = inline(&format!("<head>{}</head>", trunk_script())).unwrap();
        let files = ModuleFiles { module: "compare-2.js".into(), wasm: "compare-2_bg.wasm".into() };
        let named = name_module(&html, &files, false).unwrap();
        assert!(
            named.starts_with(
                r#"<head><script type="module" data-module="./compare-2.js" data-wasm="./compare-2_bg.wasm">"#
            ),
            "{named}"
        );
        assert_eq!(named.replace("compare-2", "app-1"), html, "the rest is unchanged");
        assert!(name_module("<head></head>", &files, false).is_err());
        let root = name_module(&html, &files, true).unwrap();
        assert!(root.contains(r#"data-module="./compare-2.js" data-all-module="./app-1.js" data-all-wasm="./app-1_bg.wasm" data-wasm="./compare-2_bg.wasm">"#), "{root}");
    }

    #[test]
    fn names_the_workers_loader_on_the_loader_script() {
        let html = inline(&format!("<head>{}</head>", trunk_script())).unwrap();
        let named = name_worker(&html, "companion-worker-1_loader.js").unwrap();
        assert!(named.contains(r#"<script type="module" data-module="./app-1.js" data-worker="./companion-worker-1_loader.js" data-wasm="./app-1_bg.wasm">"#), "{named}");
        assert!(name_worker("<head></head>", "w.js").is_err());
    }

    /// What the loader must still do, comments aside: read the names Trunk gave, fetch the text
    /// and the wasm beside the module, start the whole app at once for an old `?view=` link,
    /// wait for a 404 page's root, and mark a page whose app could not start.
    #[test]
    fn the_compact_loader_keeps_the_code_and_drops_the_comments() {
        let js = compact(LOADER);
        assert!(!js.lines().any(|l| l.starts_with("//") || l.starts_with(' ')), "{js}");
        assert!(js.len() < LOADER.len() / 2, "the comments are most of the file");
        for code in [
            r#"document.querySelector("script[data-wasm]").dataset"#,
            "import(at(module))",
            "const wasm = fetch(at(wasmFile))",
            "(legacy && files.allModule) || files.module",
            "module_or_path: wasm",
            "window.companionText = fetch(at(text.content))",
            "const legacy = /[?&]view=/.test(location.search)",
            r#"html.classList.add("app-failed")"#,
            r#"addEventListener("companion-rooted", run, { once: true })"#,
            r#"hasAttribute("data-unrooted")"#,
        ] {
            assert!(js.contains(code), "the loader lost {code}");
        }
        assert!(!js.contains("</script"), "the loader would end its own script");
    }

    #[test]
    fn refuses_a_page_without_one_empty_loader_script() {
        assert!(inline("<head><script>x()</script></head>").is_err());
        let script = trunk_script();
        assert!(inline(&format!("{script}{script}")).is_err());
        assert!(inline(&script.replace("></script>", ">x()</script>")).is_err());
        assert!(inline(r#"<meta data-wasm="x">"#).is_err());
    }
}
