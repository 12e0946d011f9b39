//! Every view that is a page of its own (`route::page_views`), and 404.html, rendered with the
//! app's own components into `<dist>/<path>/index.html`, from the page template (Trunk's
//! `index.html` with the loader and the policy in). The text, the alignments and the glossary
//! marks are then in the HTML, readable before the wasm (or without it); the wasm hydrates the
//! page.

use std::fs;
use std::path::Path;

use ashraf3_companion::app::render_page;
use ashraf3_companion::corpus::{self, CLAIMS, QUANTITIES};
use ashraf3_companion::route::{self, Route};

use crate::template::Template;

/// Writes every page into `dist`; says how many and their size.
pub fn write(dist: &Path, template: &str) -> Result<String, String> {
    let template =
        Template::parse(template, corpus::CORPUS_TEXT_FILE).map_err(|e| format!("the page template: {e}"))?;
    let pages = pages();
    let mut bytes = 0;
    for (file, base, href) in &pages {
        let (body, title) = render_page(href);
        // `<!>` marks where two text nodes meet, which hydration needs; an HTML checker reads
        // it as a bogus comment, so it is written as the empty comment the browser makes of it.
        let body = body.replace("<!>", "<!---->");
        let html = template.page(base.as_deref(), href, &title, &body);
        let path = dist.join(file);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, &html).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += html.len();
    }
    Ok(format!("render: {} pages, {} KB of HTML", pages.len(), bytes / 1024))
}

/// Each page: its file, its `<base>` (none for 404.html, which has no fixed depth) and the
/// address of the view it shows.
fn pages() -> Vec<(String, Option<String>, String)> {
    let docs: Vec<&str> = corpus::documents().iter().map(|d| d.id).collect();
    let quantities: Vec<&str> = QUANTITIES.iter().map(|q| q.id).collect();
    let claims: Vec<&str> = CLAIMS.iter().map(|c| c.id).collect();
    let mut pages: Vec<(String, Option<String>, String)> = route::page_views(&docs, &quantities, &claims)
        .iter()
        .map(|v| {
            let (file, base) = route::page_file(v);
            (file, Some(base), route::href(&Route::new(v.clone())))
        })
        .collect();
    // What a static host serves for any address it has no file for.
    pages.push(("404.html".into(), None, "not-found/".into()));
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
        let template =
            r#"<html><head><base href="./"><title>Companion</title><script>x()</script></head><body></body></html>"#;
        let said = write(&dist, template).unwrap();
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
        assert!(!read("404.html").contains("<base"));
        for (file, _, _) in pages() {
            assert!(read(&file).contains("<h1"), "{file} has no heading");
        }
        fs::remove_dir_all(&dist).unwrap();
    }
}
