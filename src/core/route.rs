//! Every view's URL. Each view is a page of its own (`read/<doc>/index.html`, written at build
//! time), how it is shown lives in the query (`?figure=…`, `?embed=1`) and the fragment is left
//! for paragraphs (`#p3`): a plain static host needs no rewrite rules. Links are relative to
//! the app's root, which every page's `<base>` names, so they work under any sub-path.

use crate::analysis::claims::{Filter, Sort};
use crate::analysis::sources;

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
    /// An assignment a teacher made, as its link (`?a=<code>`) holds it, for the student.
    Assignment {
        code: Option<String>,
    },
    /// The teacher's page: compose an assignment (or edit the one `code` holds), review hand-ins.
    Teacher {
        code: Option<String>,
    },
    /// A source the student added (`analysis::sources`), kept in this browser: it has no page
    /// of its own at build time, so one page (`added/`) shows each, named in the query.
    Added {
        source: Option<String>,
        /// A search whose hits are marked, as in the reader.
        query: Option<String>,
    },
    /// A URL the app cannot read: the message names what was wrong.
    NotFound {
        what: String,
    },
}

/// The wasm module a page loads: each holds only its own views, so a page downloads and starts
/// the code of what it shows, not the whole app. Moving to a view of another module is a
/// plain page load (the pages are written at build time and precached, so offline too).
/// The names are the binaries' (`src/bin/<name>.rs`), which Trunk builds one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// The library and the message for an unreadable URL.
    Library,
    /// The glossary and the lineage.
    Glossary,
    /// The reader.
    Reading,
    /// The comparison of two documents.
    Compare,
    /// The claims grid and each claim's page.
    Claims,
    /// The figures, the guided questions and search.
    Study,
    /// The student's own work and the teacher's: My notes, assignments, added sources.
    Work,
}

impl Module {
    pub const ALL: [Module; 7] = [
        Module::Library,
        Module::Glossary,
        Module::Reading,
        Module::Compare,
        Module::Claims,
        Module::Study,
        Module::Work,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Module::Library => "library",
            Module::Glossary => "glossary",
            Module::Reading => "reading",
            Module::Compare => "compare",
            Module::Claims => "claims",
            Module::Study => "study",
            Module::Work => "work",
        }
    }

    /// Whether this module shows `view`: its own views only. The header's search field of
    /// another module's page opens the search page on Enter (`components::search_box`).
    pub fn shows(self, view: &View) -> bool {
        Module::of(view) == self
    }

    /// Whether this module's pages show the documents' text (the reader, the comparisons,
    /// search's snippets, notes on passages, an added source's glossary marks): only their
    /// pages fetch the corpus text before the app starts and open glossary tooltips. The
    /// library, the glossary and the claims name documents and quote claims' passages from
    /// data compiled in, and mark no terms.
    pub const fn shows_text(self) -> bool {
        matches!(self, Module::Reading | Module::Compare | Module::Study | Module::Work)
    }

    /// [`Module::shows_text`] for the module a page loads; `None`, the whole app (404.html's),
    /// may show any view, the text included.
    pub const fn shows_text_in(module: Option<Module>) -> bool {
        match module {
            Some(m) => m.shows_text(),
            None => true,
        }
    }

    /// The module whose page shows `view`.
    pub fn of(view: &View) -> Module {
        match view {
            View::Library | View::NotFound { .. } => Module::Library,
            View::Glossary | View::Lineage => Module::Glossary,
            View::Read { .. } => Module::Reading,
            View::Compare { .. } => Module::Compare,
            View::Claims(_) | View::Claim { .. } => Module::Claims,
            View::Figures { .. } | View::Search { .. } | View::Questions => Module::Study,
            View::Notes | View::Assignment { .. } | View::Teacher { .. } | View::Added { .. } => Module::Work,
        }
    }
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

/// Decodes one `application/x-www-form-urlencoded` value (`+` is a space); invalid escapes are
/// kept literally.
pub fn decode(s: &str) -> String {
    form_urlencoded::parse(format!("={s}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}

/// Encodes a query value as a form does: a space is `+`, everything but unreserved characters
/// is percent-escaped.
pub fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
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

/// Reads the URL of a view relative to the app's root (`read/lends-hope/?figure=f-1`, or the
/// query-only form of earlier versions, `?view=read&doc=lends-hope`). Never fails: what it
/// cannot read becomes `View::NotFound`.
pub fn parse(relative: &str) -> Route {
    let (path, query) = relative.split_once('?').unwrap_or((relative, ""));
    let pairs = pairs(query);
    let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let nonempty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
    let flag = |key: &str| matches!(get(key).as_deref(), Some("1" | "true"));
    let embed = flag("embed");
    let segments: Vec<String> =
        path.split('/').filter(|s| !s.is_empty() && *s != "." && *s != "index.html").map(decode).collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let read = |doc: String| View::Read {
        doc,
        original: flag("original"),
        figure: nonempty("figure"),
        query: nonempty("q"),
        term: nonempty("term"),
        claim: nonempty("claim"),
    };
    // An order the claims cannot take is treated like an unknown topic: the claims in the
    // usual order, and the page (which reads the address) says so.
    let claims = || {
        View::Claims(Filter {
            topic: nonempty("topic"),
            doc: nonempty("doc"),
            sort: nonempty("sort").and_then(|s| Sort::parse(&s)).unwrap_or_default(),
        })
    };
    let figures = |quantity: Option<String>| View::Figures { quantity, predict: flag("predict") };
    let view = match segments.as_slice() {
        [] => match get("view").as_deref() {
            None | Some("") | Some("library") => View::Library,
            Some("read") => match nonempty("doc") {
                Some(doc) => read(doc),
                None => View::NotFound { what: "This reader link does not say which document to open.".into() },
            },
            Some("compare") => View::Compare { left: nonempty("a"), right: nonempty("b") },
            Some("glossary") => View::Glossary,
            Some("figures") => figures(nonempty("quantity")),
            Some("search") => View::Search { query: get("q").unwrap_or_default() },
            Some("claims") => claims(),
            Some("claim") => match nonempty("id") {
                Some(id) => View::Claim { id },
                None => View::NotFound { what: "This claim link does not say which claim to open.".into() },
            },
            Some("lineage") => View::Lineage,
            Some("questions") => View::Questions,
            Some("notes") => View::Notes,
            Some(other) => View::NotFound { what: format!("There is no view called “{other}”.") },
        },
        ["read", doc] => read(doc.to_string()),
        ["read"] => View::NotFound { what: "This reader link does not say which document to open.".into() },
        ["compare"] => View::Compare { left: nonempty("a"), right: nonempty("b") },
        ["compare", a] => View::Compare { left: Some(a.to_string()), right: nonempty("b") },
        ["compare", a, b] => View::Compare { left: Some(a.to_string()), right: Some(b.to_string()) },
        ["glossary"] => View::Glossary,
        ["figures"] => figures(None),
        ["figures", q] => figures(Some(q.to_string())),
        ["search"] => View::Search { query: get("q").unwrap_or_default() },
        ["claims"] => claims(),
        ["claims", id] => View::Claim { id: id.to_string() },
        ["lineage"] => View::Lineage,
        ["questions"] => View::Questions,
        ["notes"] => View::Notes,
        ["assignment"] => View::Assignment { code: get("a") },
        ["teacher"] => View::Teacher { code: get("a") },
        ["added"] => View::Added { source: nonempty("source"), query: nonempty("q") },
        ["not-found"] => View::NotFound { what: "There is no page at this address.".into() },
        _ => View::NotFound { what: format!("There is no page at “{}”.", segments.join("/")) },
    };
    Route { view, embed }
}

/// A page's address relative to the app's root ("read/lends-hope/?figure=f-1"), what [`parse`]
/// reads: its path below `base_dir` (the root's path, "/courses/unit-3/companion/") and its
/// query (`search`, with or without its "?").
pub fn below(base_dir: &str, pathname: &str, search: &str) -> String {
    let path = pathname.strip_prefix(base_dir).unwrap_or(pathname.trim_start_matches('/'));
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{search}")
    }
}

/// Whether a relative URL is in the query-only form of earlier versions (`?view=…`), which
/// the app rewrites to the view's own path once it has started.
pub fn is_legacy(relative: &str) -> bool {
    let (path, query) = relative.split_once('?').unwrap_or((relative, ""));
    path.trim_matches(|c| c == '/' || c == '.').trim_end_matches("index.html").is_empty()
        && pairs(query).iter().any(|(k, _)| k == "view")
}

/// The URL of a route relative to the app's root: a path for the view (each is a page of its
/// own, `read/<doc>/index.html`), a query for how it is shown. Every page's `<base>` names the
/// root, so the same link works from any page, at any depth, under any sub-path.
pub fn href(route: &Route) -> String {
    let mut q: Vec<(&str, String)> = Vec::new();
    let mut opt = |key: &'static str, value: &Option<String>| {
        if let Some(v) = value {
            q.push((key, v.clone()));
        }
    };
    let path = match &route.view {
        View::Library => String::new(),
        View::Read { doc, original, figure, query, term, claim } => {
            opt("original", &original.then(|| "1".to_string()));
            opt("figure", figure);
            opt("q", query);
            opt("term", term);
            opt("claim", claim);
            format!("read/{}/", encode(doc))
        }
        // A pair with an added source has no page of its own: the comparison page reads it
        // from the query.
        View::Compare { left: Some(a), right: Some(b) } if ![a, b].iter().any(|d| sources::is_added(d)) => {
            format!("compare/{}/{}/", encode(a), encode(b))
        }
        View::Compare { left, right } => {
            opt("a", left);
            opt("b", right);
            "compare/".into()
        }
        View::Glossary => "glossary/".into(),
        View::Figures { quantity, predict } => {
            opt("predict", &predict.then(|| "1".to_string()));
            match quantity {
                Some(x) => format!("figures/{}/", encode(x)),
                None => "figures/".into(),
            }
        }
        View::Search { query } => {
            q.push(("q", query.clone()));
            "search/".into()
        }
        View::Claims(filter) => {
            opt("topic", &filter.topic);
            opt("doc", &filter.doc);
            opt("sort", &(filter.sort != Sort::default()).then(|| filter.sort.key().to_string()));
            "claims/".into()
        }
        View::Claim { id } => format!("claims/{}/", encode(id)),
        View::Lineage => "lineage/".into(),
        View::Questions => "questions/".into(),
        View::Notes => "notes/".into(),
        View::Assignment { code } => {
            opt("a", code);
            "assignment/".into()
        }
        View::Teacher { code } => {
            opt("a", code);
            "teacher/".into()
        }
        View::Added { source, query } => {
            opt("source", source);
            opt("q", query);
            "added/".into()
        }
        View::NotFound { .. } => "not-found/".into(),
    };
    if route.embed {
        q.push(("embed", "1".into()));
    }
    let path = if path.is_empty() { "./".to_string() } else { path };
    if q.is_empty() {
        return path;
    }
    let body: Vec<String> = q.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    format!("{path}?{}", body.join("&"))
}

/// Every view that is a page of its own, written at build time as
/// `<href>index.html`: the library, each reader, the comparison chooser and each ordered pair,
/// the glossary, the figures and each quantity, the claims and each claim, the lineage, the
/// questions, the notes, the search page and the page of sources added in the browser.
pub fn page_views(docs: &[&str], quantities: &[&str], claims: &[&str]) -> Vec<View> {
    let own = |s: &&str| Some(s.to_string());
    let mut views = vec![View::Library];
    views.extend(docs.iter().map(|d| reader(d, None, None, None)));
    views.push(View::Compare { left: None, right: None });
    for a in docs {
        views.extend(docs.iter().filter(|b| *b != a).map(|b| View::Compare { left: own(a), right: own(b) }));
    }
    views.push(View::Glossary);
    views.push(View::Figures { quantity: None, predict: false });
    views.extend(quantities.iter().map(|q| View::Figures { quantity: own(q), predict: false }));
    views.push(View::Claims(Filter::default()));
    views.extend(claims.iter().map(|c| View::Claim { id: c.to_string() }));
    views.extend([View::Lineage, View::Questions, View::Notes, View::Search { query: String::new() }]);
    views.extend([View::Assignment { code: None }, View::Teacher { code: None }]);
    views.push(View::Added { source: None, query: None });
    views
}

/// The file a page view is written to, relative to the app's root, and the `<base href>` that
/// leads from it back to the root.
pub fn page_file(view: &View) -> (String, String) {
    let path = href(&Route::new(view.clone()));
    let path = path.split('?').next().unwrap_or_default().trim_start_matches("./");
    let depth = path.matches('/').count();
    (format!("{path}index.html"), if depth == 0 { "./".into() } else { "../".repeat(depth) })
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

/// The library (the app's root page).
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

/// A search hit's passage in the reader (an added source's, or a bundled document's), the
/// query's words marked.
pub fn search_passage_href(doc: &str, block: &str, query: &str) -> String {
    if sources::is_added(doc) {
        with_fragment(View::Added { source: Some(doc.into()), query: Some(query.into()) }, block)
    } else {
        with_fragment(reader(doc, None, Some(query), None), block)
    }
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

/// A link to an element of the page `route` shows (a bare `#anchor` would resolve against
/// the `<base>`, the library).
pub fn in_page(route: &Route, anchor: &str) -> String {
    format!("{}#{anchor}", href(route))
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

/// The student's page of the assignment a link's code holds.
pub fn assignment_href(code: &str) -> String {
    href(&Route::new(View::Assignment { code: Some(code.into()) }))
}

/// The teacher's page, editing the assignment `code` holds, or composing a new one.
pub fn teacher_href(code: Option<&str>) -> String {
    href(&Route::new(View::Teacher { code: code.map(Into::into) }))
}

/// A source the student added, in its reader.
pub fn added_href(source: &str) -> String {
    href(&Route::new(View::Added { source: Some(source.into()), query: None }))
}

/// One paragraph of an added source; a bundled document's passage otherwise.
pub fn any_passage_href(doc: &str, block: &str) -> String {
    if crate::analysis::sources::is_added(doc) {
        with_fragment(View::Added { source: Some(doc.into()), query: None }, block)
    } else {
        passage_href(doc, block)
    }
}

pub fn search_href(query: &str) -> String {
    href(&Route::new(View::Search { query: query.into() }))
}

/// A copy-ready `<iframe>` for an embed URL. `allow-popups` and
/// `allow-popups-to-escape-sandbox` let the frame's "open in the full companion" link open a
/// normal tab; `allow-downloads` and `allow-modals` let a student export notes or hand in an
/// assignment (a file) and print from inside the frame. Nothing else is granted beyond
/// scripts and storage.
pub fn iframe_snippet(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals\"></iframe>",
        crate::html::escape(src),
        crate::html::escape(title)
    )
}

/// The course page's resize script, published beside the app as `embed-resize.js`: the one
/// copy, also pasted inline by the Embed panel.
pub const RESIZE_SCRIPT: &str = include_str!("../../public/embed-resize.js");

/// The inline form of [`RESIZE_SCRIPT`] for a companion published at `origin`.
pub fn resize_snippet(origin: &str) -> String {
    format!("<script data-companion-origin=\"{}\">\n{RESIZE_SCRIPT}</script>", crate::html::escape(origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each page loads one module, which must show its view; no other module does.
    #[test]
    fn each_page_has_the_one_module_that_shows_it() {
        let views = page_views(&["a", "b"], &["q"], &["c"]);
        for view in &views {
            let own = Module::of(view);
            assert!(own.shows(view), "{view:?}");
            let also: Vec<Module> = Module::ALL.into_iter().filter(|m| *m != own && m.shows(view)).collect();
            assert!(also.is_empty(), "{view:?} is also shown by {also:?}");
        }
        for module in Module::ALL {
            assert!(views.iter().any(|v| Module::of(v) == module), "no page loads {module:?}");
        }
        assert_eq!(Module::of(&parse("not-a-view/").view), Module::Library);
    }

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
            View::Assignment { code: Some("1.eyJ9.0a1b2c3d".into()) },
            View::Assignment { code: None },
            View::Teacher { code: Some("1.x.y".into()) },
            View::Teacher { code: None },
            View::Added { source: Some("added-a-report".into()), query: None },
            View::Added { source: Some("added-a-report".into()), query: Some("“Manëz” & co".into()) },
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
        assert!(s.contains("title=\"A &quot;quoted&quot; &lt;title&gt;\""));
        assert!(s.contains("allow-popups-to-escape-sandbox allow-downloads allow-modals\""), "{s}");
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
            (assignment_href("1.ab.cd"), View::Assignment { code: Some("1.ab.cd".into()) }, None),
            (teacher_href(None), View::Teacher { code: None }, None),
            (predict_href("residents"), View::Figures { quantity: Some("residents".into()), predict: true }, None),
        ];
        for (link, view, fragment) in cases {
            let (query, frag) = match link.split_once('#') {
                Some((q, f)) => (q, Some(f)),
                None => (link.as_str(), None),
            };
            assert_eq!(parse(query), Route::new(view), "{link}");
            assert_eq!(frag, fragment, "{link}");
            assert!(!link.starts_with('/') && !link.contains("//"), "relative to the root: {link}");
        }
        assert_eq!(text_href("lends-hope", true), "read/lends-hope/?original=1");
        assert_eq!(compare_href(Some("a"), Some("b")), "compare/a/b/");
        assert_eq!(library_href(), "./");
        assert_eq!(added_href("added-x"), "added/?source=added-x");
        assert_eq!(any_passage_href("added-x", "p2"), "added/?source=added-x#p2");
        assert_eq!(search_passage_href("added-x", "p2", "camp & co"), "added/?source=added-x&q=camp+%26+co#p2");
        assert_eq!(compare_href(Some("added-x"), Some("lends-hope")), "compare/?a=added-x&b=lends-hope");
        assert_eq!(
            parse("compare/?a=added-x&b=added-y").view,
            View::Compare { left: Some("added-x".into()), right: Some("added-y".into()) }
        );
        assert_eq!(any_passage_href("lends-hope", "p2"), passage_href("lends-hope", "p2"));
    }

    #[test]
    fn the_pasted_resize_script_is_the_published_file() {
        let s = resize_snippet("https://example.org");
        assert!(s.starts_with("<script data-companion-origin=\"https://example.org\">\n"));
        assert!(s.contains(RESIZE_SCRIPT) && s.ends_with("</script>"));
        assert!(!RESIZE_SCRIPT.contains("</script"), "the file must not end the inline script early");
    }

    /// Links of earlier versions land on the same view as the path that replaces them.
    #[test]
    fn query_links_of_earlier_versions_still_read() {
        let cases = [
            ("?view=read&doc=a&figure=f", "read/a/?figure=f"),
            ("index.html?view=compare&a=x&b=y", "compare/x/y/"),
            ("?view=claim&id=c", "claims/c/"),
            ("?view=figures&quantity=residents&embed=1", "figures/residents/?embed=1"),
            ("?view=glossary", "glossary/"),
        ];
        for (old, new) in cases {
            assert!(is_legacy(old), "{old}");
            assert!(!is_legacy(new), "{new}");
            assert_eq!(parse(old), parse(new), "{old}");
            assert_eq!(href(&parse(old)), new);
        }
        assert!(!is_legacy("?embed=1") && !is_legacy(""));
    }

    #[test]
    fn an_address_is_read_below_the_root() {
        let base = "/courses/unit-3/companion/";
        assert_eq!(below(base, "/courses/unit-3/companion/read/a/", "?figure=f"), "read/a/?figure=f");
        assert_eq!(below(base, "/courses/unit-3/companion/", ""), "");
        assert_eq!(below(base, "/courses/unit-3/companion/", "view=glossary"), "?view=glossary");
        assert_eq!(below("/", "/compare/a/b/", ""), "compare/a/b/");
        assert_eq!(parse(&below(base, "/courses/unit-3/companion/claims/c/", "?embed=1")), parse("claims/c/?embed=1"));
    }

    #[test]
    fn every_page_has_a_file_and_a_way_back_to_the_root() {
        let views = page_views(&["a", "b"], &["residents"], &["c"]);
        let files: Vec<(String, String)> = views.iter().map(page_file).collect();
        assert!(files.contains(&("index.html".into(), "./".into())));
        assert!(files.contains(&("read/a/index.html".into(), "../../".into())));
        assert!(files.contains(&("compare/b/a/index.html".into(), "../../../".into())));
        assert!(files.contains(&("compare/index.html".into(), "../".into())));
        assert!(files.contains(&("search/index.html".into(), "../".into())));
        assert!(files.contains(&("claims/c/index.html".into(), "../../".into())));
        let mut unique = files.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), files.len(), "two views in one file");
        for v in &views {
            assert_eq!(parse(page_file(v).0.trim_end_matches("index.html")).view, *v);
        }
    }

    #[test]
    fn bad_urls_are_not_found_not_panics() {
        assert!(matches!(parse("read/").view, View::NotFound { .. }));
        assert!(matches!(parse("nope/x/").view, View::NotFound { .. }));
        assert!(matches!(parse("read/a/b/c/").view, View::NotFound { .. }));
        assert!(matches!(parse("?view=nope").view, View::NotFound { .. }));
        assert!(matches!(parse("?view=read").view, View::NotFound { .. }));
        assert!(matches!(parse("?view=read&doc=%E2%28%A1%").view, View::Read { .. }));
        assert_eq!(parse("?view=search&q=a%").view, View::Search { query: "a%".into() });
        assert_eq!(parse("").view, View::Library);
        assert_eq!(parse("?&&=").view, View::Library);
        assert_eq!(parse("?view=claims&sort=colour").view, View::Claims(Filter::default()));
        assert!(matches!(parse("?view=claim").view, View::NotFound { .. }));
    }
}
