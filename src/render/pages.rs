//! Every view that is a page of its own (`route::page_views`), and 404.html, rendered with the
//! app's own components into `<dist>/<path>/index.html`, from the page template (Trunk's
//! `index.html` with the loader and the policy in). The text, the alignments and the glossary
//! marks are then in the HTML, readable before the wasm (or without it); the wasm hydrates the
//! page.

use std::fs;
use std::path::Path;

use ashraf3_companion::app::render_page;
use ashraf3_companion::corpus::{self, CLAIMS, QUANTITIES};
use ashraf3_companion::route::{self, Module, Route};

use crate::loader;
use crate::style::Stylesheet;
use crate::template::Template;
use crate::worker_files::ModuleFiles;

/// Writes every page into `dist`, each but 404.html holding the stylesheet; says how many and
/// their size.
pub fn write(
    dist: &Path,
    template: &str,
    modules: &[(Module, ModuleFiles)],
    stylesheet: &Stylesheet,
) -> Result<String, String> {
    let template =
        Template::parse(template, corpus::CORPUS_TEXT_FILE).map_err(|e| format!("the page template: {e}"))?;
    let pages = pages();
    let mut bytes = 0;
    for (file, base, href, module) in &pages {
        let (body, title) = render_page(href);
        // `<!>` marks where two text nodes meet, which hydration needs; an HTML checker reads
        // it as a bogus comment, so it is written as the empty comment the browser makes of it.
        let body = body.replace("<!>", "<!---->");
        let html = template.page(base.as_deref(), href, &title, &body, Module::shows_text_in(*module));
        let html = if base.is_some() { stylesheet.inline(&html) } else { html };
        let html = match module {
            Some(module) => {
                let (_, files) =
                    modules.iter().find(|(m, _)| m == module).ok_or_else(|| format!("no {module:?} module"))?;
                // The root page receives the links of earlier versions (`?view=…`).
                loader::name_module(&html, files, file == "index.html").map_err(|e| format!("{file}: {e}"))?
            }
            None => html,
        };
        let path = dist.join(file);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, &html).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += html.len();
    }
    Ok(format!("render: {} pages, {} KB of HTML", pages.len(), bytes / 1024))
}

/// Each page: its file, its `<base>` (none for 404.html, which has no fixed depth), the
/// address of the view it shows and the module it loads (none for 404.html: the whole app's,
/// which Trunk names on the template, as it may stand for any address).
fn pages() -> Vec<(String, Option<String>, String, Option<Module>)> {
    let docs: Vec<&str> = corpus::documents().iter().map(|d| d.id).collect();
    let quantities: Vec<&str> = QUANTITIES.iter().map(|q| q.id).collect();
    let claims: Vec<&str> = CLAIMS.iter().map(|c| c.id).collect();
    let mut pages: Vec<_> = route::page_views(&docs, &quantities, &claims)
        .iter()
        .map(|v| {
            let (file, base) = route::page_file(v);
            (file, Some(base), route::href(&Route::new(v.clone())), Some(Module::of(v)))
        })
        .collect();
    // What a static host serves for any address it has no file for.
    pages.push(("404.html".into(), None, "not-found/".into(), None));
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every page of the real corpus, rendered into a folder as the build does: a rendering
    /// panic fails here first, and each page holds its view's text under the template's head.
    #[test]
    fn renders_every_page_into_its_folder() {
        let dist = std::env::temp_dir().join(format!("companion-pages-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        let template = r#"<html><head><base href="./"><title>Companion</title><link rel="stylesheet" href="./style-1.css"><script type="module" data-module="./all.js" data-wasm="./all_bg.wasm">x()</script></head><body></body></html>"#;
        fs::write(dist.join("style-1.css"), "main{margin:0}").unwrap();
        let stylesheet = Stylesheet::of(template, &dist).unwrap();
        let modules: Vec<_> = Module::ALL
            .iter()
            .map(|m| {
                (*m, ModuleFiles { module: format!("{}-1.js", m.name()), wasm: format!("{}-1_bg.wasm", m.name()) })
            })
            .collect();
        let said = write(&dist, template, &modules, &stylesheet).unwrap();
        assert!(said.starts_with(&format!("render: {} pages, ", pages().len())), "{said}");
        let read = |file: &str| fs::read_to_string(dist.join(file)).unwrap();
        let reader = read("read/lends-hope/index.html");
        assert!(
            reader.starts_with(
                r#"<html><head><base href="../../"><meta name="companion-view" content="read/lends-hope/">"#
            ),
            "{reader}"
        );
        assert!(reader.contains("<main") && reader.ends_with("</body></html>"), "{reader}");
        assert!(read("index.html").contains(r#"<base href="./">"#));
        // Every page holds the stylesheet but 404.html, which finds the root by its file.
        for (file, _, _, _) in pages() {
            let page = read(&file);
            let (inline, linked) = (page.contains("<style>main{margin:0}</style>"), page.contains("style-1.css"));
            assert_eq!((inline, linked), (file != "404.html", file == "404.html"), "{file}");
        }
        assert!(!read("404.html").contains("<base"));
        for (file, _, _, module) in pages() {
            let page = read(&file);
            assert!(page.contains("<h1"), "{file} has no heading");
            let name = module.map_or("all", Module::name);
            assert!(page.contains(&format!(r#"data-module="./{name}"#)), "{file} does not load the {name} module");
        }
        let loads = |file: &str, name: &str| read(file).contains(&format!(r#"data-wasm="./{name}"#));
        assert!(loads("index.html", "library-1_bg.wasm"));
        assert!(loads("glossary/index.html", "glossary-1_bg.wasm"));
        assert!(loads("read/lends-hope/index.html", "reading-1_bg.wasm"));
        assert!(loads("compare/lends-hope/home-to-mek/index.html", "compare-1_bg.wasm"));
        assert!(loads("claims/index.html", "claims-1_bg.wasm"));
        assert!(loads("notes/index.html", "work-1_bg.wasm"));
        assert!(loads("404.html", "all_bg.wasm"));
        assert!(read("index.html").contains(r#"data-all-wasm="./all_bg.wasm""#), "the root page names the whole app");
        assert!(!read("read/lends-hope/index.html").contains("data-all-wasm"));
        // The corpus text is named, and so fetched, only where the module shows it.
        let names_text = |file: &str| read(file).contains(r#"<meta name="companion-text""#);
        for file in [
            "read/lends-hope/index.html",
            "compare/lends-hope/home-to-mek/index.html",
            "search/index.html",
            "notes/index.html",
            "404.html",
        ] {
            assert!(names_text(file), "{file} names no corpus text");
        }
        for file in ["index.html", "glossary/index.html", "claims/index.html", "lineage/index.html"] {
            assert!(!names_text(file), "{file} names the corpus text");
        }
        // Nor does it open glossary tooltips: none of its pages marks a term.
        for (file, _, _, module) in pages() {
            if module.is_some_and(|m| !m.shows_text()) {
                assert!(
                    !read(&file).contains("term-wrap"),
                    "{file} marks glossary terms, which its module does not open"
                );
            }
        }
        fs::remove_dir_all(&dist).unwrap();
    }
}
