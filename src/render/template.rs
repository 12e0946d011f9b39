//! Trunk's `index.html` as a page template: its `<head>` (styles, the loader, the start-up
//! check, the Content-Security-Policy) kept as built, the `<base>` set for the page's depth, its title and its body filled in.

use companion_core::html::escape;

pub struct Template {
    head: String,
    tail: String,
    /// Names the corpus text file, so the loader fetches it beside the wasm (see src/loader.js).
    text_meta: String,
}

const BASE: &str = r#"<base href="./">"#;

/// Names the `<meta>` that holds the view a page was rendered for; `app::takeover` reads it.
const VIEW_META: &str = "companion-view";

impl Template {
    /// `text_file` is the corpus text's file, which every page names for the loader.
    pub fn parse(html: &str, text_file: &str) -> Result<Template, String> {
        if !html.contains(BASE) {
            return Err(format!("no {BASE} in the template"));
        }
        let body = html.find("<body").ok_or("no <body>")?;
        let open = body + html[body..].find('>').ok_or("no end to <body>")? + 1;
        let close = html.rfind("</body>").ok_or("no </body>")?;
        // Trunk may put its scripts at the end of <body>: they stay, after the page.
        let scripts = html[open..close].find("<script").map(|i| open + i).unwrap_or(close);
        let text_meta = format!(r#"<meta name="companion-text" content="{}">"#, escape(text_file));
        Ok(Template { head: html[..open].to_string(), tail: html[scripts..].to_string(), text_meta })
    }

    /// `base: None` for 404.html, which has no fixed depth (index.html's start-up script then
    /// finds the root in the address). `view` is the address the body was rendered for: the app
    /// hydrates the page only when its address is that view (see `app::takeover`). `text`: the
    /// page's module reads the corpus text (`Module::shows_text`), so the page names it for the
    /// loader to fetch.
    pub fn page(&self, base: Option<&str>, view: &str, title: &str, body: &str, text: bool) -> String {
        let head = self.head.replace(BASE, &base.map(|b| format!(r#"<base href="{b}">"#)).unwrap_or_default());
        let head = match (head.find("<title>"), head.find("</title>")) {
            (Some(a), Some(b)) => {
                let title = if title.is_empty() { head[a + "<title>".len()..b].to_string() } else { escape(title) };
                let meta = format!(r#"<meta name="{VIEW_META}" content="{}">"#, escape(view));
                let text_meta = if text { self.text_meta.as_str() } else { "" };
                format!("{}{meta}{text_meta}<title>{title}{}", &head[..a], &head[b..])
            }
            _ => head,
        };
        format!("{head}{body}{}", self.tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_base_title_and_body_and_keeps_scripts() {
        let t = Template::parse(r#"<html><head><base href="./"><title>App</title></head><body class="x"><main id="boot">…</main><script>s()</script></body></html>"#, "t.txt").unwrap();
        let page = t.page(Some("../../"), "read/a/", "A & B", "<main>text</main>", true);
        assert_eq!(
            page,
            r#"<html><head><base href="../../"><meta name="companion-view" content="read/a/"><meta name="companion-text" content="t.txt"><title>A &amp; B</title></head><body class="x"><main>text</main><script>s()</script></body></html>"#
        );
    }

    #[test]
    fn a_page_whose_module_shows_no_text_does_not_name_it() {
        let t =
            Template::parse(r#"<html><head><base href="./"><title>App</title></head><body></body></html>"#, "t.txt")
                .unwrap();
        assert_eq!(
            t.page(Some("../"), "claims/", "Claims", "x", false),
            r#"<html><head><base href="../"><meta name="companion-view" content="claims/"><title>Claims</title></head><body>x</body></html>"#
        );
    }

    #[test]
    fn the_not_found_page_has_no_base() {
        let t =
            Template::parse(r#"<html><head><base href="./"><title>App</title></head><body></body></html>"#, "t.txt")
                .unwrap();
        assert_eq!(
            t.page(None, "not-found/", "", "x", true),
            r#"<html><head><meta name="companion-view" content="not-found/"><meta name="companion-text" content="t.txt"><title>App</title></head><body>x</body></html>"#
        );
    }

    /// 404.html finds the app's root before the first view folder in the address: index.html's
    /// start-up script names those folders, and must name every one the pages are written to.
    #[test]
    fn the_not_found_page_knows_every_view_folder() {
        use ashraf3_companion::corpus::{self, CLAIMS, QUANTITIES};
        use ashraf3_companion::route;
        use std::collections::BTreeSet;
        let html = include_str!("../../index.html");
        let list = html.split("(?:").nth(1).and_then(|s| s.split(')').next()).expect("the folder list in index.html");
        let named: BTreeSet<&str> = list.split('|').collect();
        let docs: Vec<&str> = corpus::documents().iter().map(|d| d.id).collect();
        let quantities: Vec<&str> = QUANTITIES.iter().map(|q| q.id).collect();
        let claims: Vec<&str> = CLAIMS.iter().map(|c| c.id).collect();
        let files: Vec<String> =
            route::page_views(&docs, &quantities, &claims).iter().map(|v| route::page_file(v).0).collect();
        let mut folders: BTreeSet<&str> = files.iter().filter_map(|f| f.split_once('/').map(|(top, _)| top)).collect();
        folders.insert("not-found");
        assert_eq!(named, folders);
    }

    #[test]
    fn a_template_without_base_is_refused() {
        assert!(Template::parse("<html><head></head><body></body></html>", "t.txt").is_err());
    }
}
