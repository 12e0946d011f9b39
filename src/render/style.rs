//! The stylesheet inside each page: a page that links it waits one more round trip (on a school
//! network, 150 ms and more) before its first paint and its load event, after which the loader
//! starts the app; a page that holds it paints as soon as it has arrived. The stylesheet's file
//! stays beside the pages for 404.html, which has no fixed depth and finds the app's root by
//! asking the host for it (index.html's start-up script), and links it. The inline copy is
//! allowed by its sha256 in the Content-Security-Policy (`csp`), so no 'unsafe-inline'.

use std::fs;
use std::path::Path;

/// The template's stylesheet: its `<link>` as Trunk wrote it, and its rules as the pages hold
/// them (without the file's comments and spare whitespace, which every page would carry).
#[derive(Debug)]
pub struct Stylesheet {
    pub link: String,
    pub rules: String,
}

impl Stylesheet {
    /// The one stylesheet `html` links, read from `dist`.
    pub fn of(html: &str, dist: &Path) -> Result<Stylesheet, String> {
        const OPEN: &str = r#"<link rel="stylesheet" href=""#;
        let links: Vec<usize> = html.match_indices(OPEN).map(|(i, _)| i).collect();
        let [at] = links[..] else {
            return Err(format!("{} stylesheet links, where one was expected", links.len()));
        };
        let end = at + html[at..].find('>').ok_or("no end to the stylesheet's <link>")? + 1;
        let link = &html[at..end];
        let href = &link[OPEN.len()..];
        let href = &href[..href.find('"').ok_or("no end to the stylesheet's href")?];
        let path = dist.join(href.trim_start_matches("./"));
        let rules = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if rules.to_ascii_lowercase().contains("</style") {
            return Err(format!("{}: holds </style, which would end an inline copy", path.display()));
        }
        Ok(Stylesheet { link: link.to_string(), rules: compact(&rules) })
    }

    /// `html` with the stylesheet inside it in place of its link.
    pub fn inline(&self, html: &str) -> String {
        html.replacen(&self.link, &format!("<style>{}</style>", self.rules), 1)
    }
}

/// `css` without comments, its whitespace runs as one space, and none beside `{`, `}`, `;` or
/// `,`; what is inside quotes is kept as written.
fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                if std::mem::take(&mut space) && !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
                    out.push(' ');
                }
                out.push(c);
                for q in chars.by_ref() {
                    out.push(q);
                    if q == c {
                        break;
                    }
                }
            }
            c => {
                let tight = matches!(c, '{' | '}' | ';' | ',') || out.ends_with(['{', '}', ';', ',']) || out.is_empty();
                if std::mem::take(&mut space) && !tight {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_spare_whitespace_go_quotes_stay() {
        let css = "/* why */\n:root {\n  --a: 1px; /* note */\n}\n.a > .b, .c:hover { font-family: \"Segoe  UI\", sans-serif; content: ' a ; b ' }\n@media screen and (max-width: 700px) {\n  .a { margin: 0 auto }\n}\n";
        assert_eq!(
            compact(css),
            ":root{--a: 1px;}.a > .b,.c:hover{font-family: \"Segoe  UI\",sans-serif;content: ' a ; b '}@media screen and (max-width: 700px){.a{margin: 0 auto}}"
        );
    }

    #[test]
    fn the_link_becomes_the_rules() {
        let dist = std::env::temp_dir().join(format!("companion-style-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        fs::write(dist.join("style-1.css"), "p{color:red}").unwrap();
        let html = r#"<head><link rel="stylesheet" href="./style-1.css" crossorigin="anonymous" integrity="sha384-x"/></head>"#;
        let sheet = Stylesheet::of(html, &dist).unwrap();
        assert_eq!(sheet.rules, "p{color:red}");
        assert_eq!(sheet.inline(html), "<head><style>p{color:red}</style></head>");

        assert!(Stylesheet::of("<head></head>", &dist).unwrap_err().contains("0 stylesheet links"));
        let missing = html.replace("style-1", "style-2");
        assert!(Stylesheet::of(&missing, &dist).is_err());
        fs::write(dist.join("style-1.css"), "p::after{content:'</STYLE>'}").unwrap();
        assert!(Stylesheet::of(html, &dist).unwrap_err().contains("</style"));
        fs::remove_dir_all(&dist).unwrap();
    }
}
