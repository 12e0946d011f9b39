//! Every view's URL. The app is one `index.html`, so a view lives in the query string
//! (`?view=read&doc=…`) and the fragment is left for paragraphs (`#p3`): a plain static
//! host needs no rewrite rules, and the same relative links work under any sub-path.

use crate::analysis::claims::{Filter, Sort};

/// Which screen a URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Library,
    Read {
        doc: String,
        /// Show the seed as received instead of the cleaned text.
        original: bool,
        /// A figure id whose quote is highlighted.
        figure: Option<String>,
        /// A search query whose hits are marked.
        query: Option<String>,
        /// A glossary term id whose occurrences are marked.
        term: Option<String>,
        /// A claim id whose passages in this document are highlighted.
        claim: Option<String>,
    },
    Compare {
        left: Option<String>,
        right: Option<String>,
    },
    Glossary,
    Figures {
        quantity: Option<String>,
        /// Ask for the student's estimate before showing the values (from a guided question).
        predict: bool,
    },
    Search {
        query: String,
    },
    /// The claims grid, filtered and sorted.
    Claims(Filter),
    /// One claim: every document's treatment and its origins.
    Claim {
        id: String,
    },
    /// How the five documents relate, and what the summary changed in its retelling.
    Lineage,
    /// The guided questions and the student's answers.
    Questions,
    /// The student's notes, with export, import and print.
    Notes,
    /// A URL the app cannot read: the message names what was wrong.
    NotFound {
        what: String,
    },
}

/// A view plus how it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    /// Shown inside another page's iframe: no app navigation.
    pub embed: bool,
}

impl Route {
    pub fn new(view: View) -> Self {
        Route { view, embed: false }
    }
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes `application/x-www-form-urlencoded` text; invalid escapes are kept literally.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query value: everything but unreserved characters is percent-escaped.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Query pairs in order, decoded. Accepts a leading `?`.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// Reads a URL's query string. Never fails: what it cannot read becomes `View::NotFound`.
pub fn parse(query: &str) -> Route {
    let pairs = pairs(query);
    let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let nonempty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
    let embed = matches!(get("embed").as_deref(), Some("1" | "true"));
    let view = match get("view").as_deref() {
        None | Some("") | Some("library") => View::Library,
        Some("read") => match nonempty("doc") {
            Some(doc) => View::Read {
                doc,
                original: matches!(get("original").as_deref(), Some("1" | "true")),
                figure: nonempty("figure"),
                query: nonempty("q"),
                term: nonempty("term"),
                claim: nonempty("claim"),
            },
            None => View::NotFound { what: "This reader link does not say which document to open.".into() },
        },
        Some("compare") => View::Compare { left: nonempty("a"), right: nonempty("b") },
        Some("glossary") => View::Glossary,
        Some("figures") => View::Figures {
            quantity: nonempty("quantity"),
            predict: matches!(get("predict").as_deref(), Some("1" | "true")),
        },
        Some("search") => View::Search { query: get("q").unwrap_or_default() },
        Some("claims") => match nonempty("sort").map(|s| (Sort::parse(&s), s)) {
            Some((None, s)) => View::NotFound { what: format!("The claims cannot be sorted by “{s}”.") },
            sort => View::Claims(Filter {
                topic: nonempty("topic"),
                doc: nonempty("doc"),
                sort: sort.and_then(|(s, _)| s).unwrap_or_default(),
            }),
        },
        Some("claim") => match nonempty("id") {
            Some(id) => View::Claim { id },
            None => View::NotFound { what: "This claim link does not say which claim to open.".into() },
        },
        Some("lineage") => View::Lineage,
        Some("questions") => View::Questions,
        Some("notes") => View::Notes,
        Some(other) => View::NotFound { what: format!("There is no view called “{other}”.") },
    };
    Route { view, embed }
}

/// The relative URL (query only) of a route: resolved against the page's own address, so
/// it works at any depth of any host.
pub fn href(route: &Route) -> String {
    let mut q: Vec<(&str, String)> = Vec::new();
    match &route.view {
        View::Library => {}
        View::Read { doc, original, figure, query, term, claim } => {
            q.push(("view", "read".into()));
            q.push(("doc", doc.clone()));
            if *original {
                q.push(("original", "1".into()));
            }
            if let Some(f) = figure {
                q.push(("figure", f.clone()));
            }
            if let Some(s) = query {
                q.push(("q", s.clone()));
            }
            if let Some(t) = term {
                q.push(("term", t.clone()));
            }
            if let Some(c) = claim {
                q.push(("claim", c.clone()));
            }
        }
        View::Compare { left, right } => {
            q.push(("view", "compare".into()));
            if let Some(a) = left {
                q.push(("a", a.clone()));
            }
            if let Some(b) = right {
                q.push(("b", b.clone()));
            }
        }
        View::Glossary => q.push(("view", "glossary".into())),
        View::Figures { quantity, predict } => {
            q.push(("view", "figures".into()));
            if let Some(x) = quantity {
                q.push(("quantity", x.clone()));
            }
            if *predict {
                q.push(("predict", "1".into()));
            }
        }
        View::Search { query } => {
            q.push(("view", "search".into()));
            q.push(("q", query.clone()));
        }
        View::Claims(filter) => {
            q.push(("view", "claims".into()));
            if let Some(t) = &filter.topic {
                q.push(("topic", t.clone()));
            }
            if let Some(d) = &filter.doc {
                q.push(("doc", d.clone()));
            }
            if filter.sort != Sort::default() {
                q.push(("sort", filter.sort.key().into()));
            }
        }
        View::Claim { id } => {
            q.push(("view", "claim".into()));
            q.push(("id", id.clone()));
        }
        View::Lineage => q.push(("view", "lineage".into())),
        View::Questions => q.push(("view", "questions".into())),
        View::Notes => q.push(("view", "notes".into())),
        View::NotFound { .. } => q.push(("view", "not-found".into())),
    }
    if route.embed {
        q.push(("embed", "1".into()));
    }
    if q.is_empty() {
        return "./".into();
    }
    let body: Vec<String> = q.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    format!("?{}", body.join("&"))
}

/// A route plus a fragment (`#p3`, `#term-mek`): the one way the app writes a link.
fn with_fragment(view: View, fragment: &str) -> String {
    format!("{}#{fragment}", href(&Route::new(view)))
}

/// The reader on `doc`, marking a figure's quote, a search's hits or a term's occurrences.
fn reader(doc: &str, figure: Option<&str>, query: Option<&str>, term: Option<&str>) -> View {
    let own = |s: Option<&str>| s.map(str::to_string);
    View::Read {
        doc: doc.into(),
        original: false,
        figure: own(figure),
        query: own(query),
        term: own(term),
        claim: None,
    }
}

/// The library (the app's own page, without a query).
pub fn library_href() -> String {
    href(&Route::new(View::Library))
}

/// A document in the reader.
pub fn read_href(doc: &str) -> String {
    href(&Route::new(reader(doc, None, None, None)))
}

/// A document as received (`original`) or cleaned.
pub fn text_href(doc: &str, original: bool) -> String {
    href(&Route::new(View::Read { doc: doc.into(), original, figure: None, query: None, term: None, claim: None }))
}

/// One paragraph (or heading) of a document in the reader.
pub fn passage_href(doc: &str, block: &str) -> String {
    with_fragment(reader(doc, None, None, None), block)
}

/// A figure's passage in the reader, its quote highlighted.
pub fn figure_passage_href(doc: &str, figure: &str, block: &str) -> String {
    with_fragment(reader(doc, Some(figure), None, None), block)
}

/// A search hit's passage in the reader, the query's words marked.
pub fn search_passage_href(doc: &str, block: &str, query: &str) -> String {
    with_fragment(reader(doc, None, Some(query), None), block)
}

/// A glossary term's occurrences in a document, at the first one when known.
pub fn term_passage_href(doc: &str, term: &str, block: Option<&str>) -> String {
    let view = reader(doc, None, None, Some(term));
    match block {
        Some(b) => with_fragment(view, b),
        None => href(&Route::new(view)),
    }
}

/// Two documents side by side (`None`: the default pair).
pub fn compare_href(left: Option<&str>, right: Option<&str>) -> String {
    href(&Route::new(View::Compare { left: left.map(Into::into), right: right.map(Into::into) }))
}

pub fn glossary_href() -> String {
    href(&Route::new(View::Glossary))
}

/// The element id of a glossary entry, the target of [`glossary_entry_href`].
pub fn term_anchor(term: &str) -> String {
    format!("term-{term}")
}

/// A link to an element of the page it is on.
pub fn in_page(anchor: &str) -> String {
    format!("#{anchor}")
}

pub fn glossary_entry_href(term: &str) -> String {
    with_fragment(View::Glossary, &term_anchor(term))
}

/// The figures overview (`None`) or one quantity.
pub fn figures_href(quantity: Option<&str>) -> String {
    href(&Route::new(View::Figures { quantity: quantity.map(Into::into), predict: false }))
}

/// A quantity's page that asks for the student's estimate before it shows the values.
pub fn predict_href(quantity: &str) -> String {
    href(&Route::new(View::Figures { quantity: Some(quantity.into()), predict: true }))
}

/// The element id of a figure's row, the target of [`quantity_figure_href`].
pub fn figure_anchor(figure: &str) -> String {
    format!("fig-{figure}")
}

/// One figure's row in its quantity's comparison.
pub fn quantity_figure_href(quantity: &str, figure: &str) -> String {
    with_fragment(View::Figures { quantity: Some(quantity.into()), predict: false }, &figure_anchor(figure))
}

/// The claims grid as `filter` selects it.
pub fn claims_href(filter: &Filter) -> String {
    href(&Route::new(View::Claims(filter.clone())))
}

/// One claim's page.
pub fn claim_href(id: &str) -> String {
    href(&Route::new(View::Claim { id: id.into() }))
}

/// The element id of a claim's row in the grid.
pub fn claim_anchor(id: &str) -> String {
    format!("claim-{id}")
}

/// A claim's passage in the reader, its quote highlighted.
pub fn claim_passage_href(doc: &str, claim: &str, block: &str) -> String {
    let view = View::Read {
        doc: doc.into(),
        original: false,
        figure: None,
        query: None,
        term: None,
        claim: Some(claim.into()),
    };
    with_fragment(view, block)
}

/// The lineage of the documents; `anchor` targets a section (`changes`).
pub fn lineage_href(anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => with_fragment(View::Lineage, a),
        None => href(&Route::new(View::Lineage)),
    }
}

pub fn questions_href() -> String {
    href(&Route::new(View::Questions))
}

/// The element id of a question, the target of [`question_href`].
pub fn question_anchor(id: &str) -> String {
    format!("q-{id}")
}

/// One question in the questions view.
pub fn question_href(id: &str) -> String {
    with_fragment(View::Questions, &question_anchor(id))
}

pub fn notes_href() -> String {
    href(&Route::new(View::Notes))
}

pub fn search_href(query: &str) -> String {
    href(&Route::new(View::Search { query: query.into() }))
}

fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// A copy-ready `<iframe>` for an embed URL. `allow-popups` and
/// `allow-popups-to-escape-sandbox` let the frame's "open in the full companion" link open a
/// normal tab; nothing else is granted beyond scripts and storage.
pub fn iframe_snippet(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>",
        attr_escape(src),
        attr_escape(title)
    )
}

/// The course page's resize script, published beside the app as `embed-resize.js`: the one
/// copy, also pasted inline by the Embed panel.
pub const RESIZE_SCRIPT: &str = include_str!("../../public/embed-resize.js");

/// The inline form of [`RESIZE_SCRIPT`] for a companion published at `origin`.
pub fn resize_snippet(origin: &str) -> String {
    format!("<script data-companion-origin=\"{}\">\n{RESIZE_SCRIPT}</script>", attr_escape(origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let views = [
            View::Library,
            View::Read {
                doc: "lends-hope".into(),
                original: true,
                figure: Some("residents-1".into()),
                query: Some("troll farm".into()),
                term: Some("mek".into()),
                claim: Some("us-request".into()),
            },
            View::Compare { left: Some("a".into()), right: None },
            View::Claims(Filter { topic: Some("raid".into()), doc: Some("lends-hope".into()), sort: Sort::Contested }),
            View::Claims(Filter::default()),
            View::Claim { id: "troll-farm".into() },
            View::Lineage,
            View::Questions,
            View::Notes,
            View::Glossary,
            View::Figures { quantity: Some("residents".into()), predict: false },
            View::Search { query: "“Manëz” & co".into() },
        ];
        for v in views {
            for embed in [false, true] {
                let r = Route { view: v.clone(), embed };
                assert_eq!(parse(&href(&r)), r, "{}", href(&r));
            }
        }
    }

    #[test]
    fn iframe_snippet_escapes_attributes() {
        let s = iframe_snippet("https://x/?view=read&doc=a&embed=1", "A \"quoted\" <title>");
        assert!(s.contains("src=\"https://x/?view=read&amp;doc=a&amp;embed=1\""));
        assert!(s.contains("title=\"A &quot;quoted&quot; &lt;title>\""));
    }

    /// Every link builder: the query reads back as the view it names, the fragment as given.
    #[test]
    fn link_builders_name_their_views() {
        let read = |figure: Option<&str>, query: Option<&str>, term: Option<&str>| View::Read {
            doc: "lends-hope".into(),
            original: false,
            figure: figure.map(Into::into),
            query: query.map(Into::into),
            term: term.map(Into::into),
            claim: None,
        };
        let cases = [
            (library_href(), View::Library, None),
            (read_href("lends-hope"), read(None, None, None), None),
            (passage_href("lends-hope", "p3"), read(None, None, None), Some("p3")),
            (figure_passage_href("lends-hope", "f-1", "p2"), read(Some("f-1"), None, None), Some("p2")),
            (search_passage_href("lends-hope", "p4", "troll farm"), read(None, Some("troll farm"), None), Some("p4")),
            (term_passage_href("lends-hope", "mek", Some("p1")), read(None, None, Some("mek")), Some("p1")),
            (term_passage_href("lends-hope", "mek", None), read(None, None, Some("mek")), None),
            (compare_href(Some("a"), None), View::Compare { left: Some("a".into()), right: None }, None),
            (glossary_entry_href("mek"), View::Glossary, Some("term-mek")),
            (figures_href(None), View::Figures { quantity: None, predict: false }, None),
            (
                quantity_figure_href("residents", "r-1"),
                View::Figures { quantity: Some("residents".into()), predict: false },
                Some("fig-r-1"),
            ),
            (search_href("a & b"), View::Search { query: "a & b".into() }, None),
            (claims_href(&Filter::default()), View::Claims(Filter::default()), None),
            (claim_href("c"), View::Claim { id: "c".into() }, None),
            (
                claim_passage_href("lends-hope", "c", "p2"),
                View::Read {
                    doc: "lends-hope".into(),
                    original: false,
                    figure: None,
                    query: None,
                    term: None,
                    claim: Some("c".into()),
                },
                Some("p2"),
            ),
            (lineage_href(Some("changes")), View::Lineage, Some("changes")),
            (questions_href(), View::Questions, None),
            (question_href("who-wrote"), View::Questions, Some("q-who-wrote")),
            (notes_href(), View::Notes, None),
            (predict_href("residents"), View::Figures { quantity: Some("residents".into()), predict: true }, None),
        ];
        for (link, view, fragment) in cases {
            let (query, frag) = match link.split_once('#') {
                Some((q, f)) => (q, Some(f)),
                None => (link.as_str(), None),
            };
            assert_eq!(parse(query), Route::new(view), "{link}");
            assert_eq!(frag, fragment, "{link}");
            assert!(!link.contains('/') || link == "./", "relative to the page, never a path: {link}");
        }
        assert_eq!(text_href("lends-hope", true), "?view=read&doc=lends-hope&original=1");
    }

    #[test]
    fn the_pasted_resize_script_is_the_published_file() {
        let s = resize_snippet("https://example.org");
        assert!(s.starts_with("<script data-companion-origin=\"https://example.org\">\n"));
        assert!(s.contains(RESIZE_SCRIPT) && s.ends_with("</script>"));
        assert!(!RESIZE_SCRIPT.contains("</script"), "the file must not end the inline script early");
    }

    #[test]
    fn bad_urls_are_not_found_not_panics() {
        assert!(matches!(parse("?view=nope").view, View::NotFound { .. }));
        assert!(matches!(parse("?view=read").view, View::NotFound { .. }));
        assert!(matches!(parse("?view=read&doc=%E2%28%A1%").view, View::Read { .. }));
        assert_eq!(parse("?view=search&q=a%").view, View::Search { query: "a%".into() });
        assert_eq!(parse("").view, View::Library);
        assert_eq!(parse("?&&=").view, View::Library);
        assert!(matches!(parse("?view=claims&sort=colour").view, View::NotFound { .. }));
        assert!(matches!(parse("?view=claim").view, View::NotFound { .. }));
    }
}
