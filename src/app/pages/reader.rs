//! The clean reader: one document with provenance, linkable paragraphs, the original one
//! click away, and previous/next.

use leptos::prelude::*;

use super::NotFound;
use crate::app::components::block_text::BlockText;
use crate::app::components::hash_target::use_hash_target;
use crate::app::components::para_link::ParaLink;
use crate::app::components::para_notes::{track_selection, NotesHere, ParaNotes, Placed};
use crate::app::components::para_tools::{OpenTools, ToolsToggle};
use crate::app::components::provenance::Provenance;
use crate::app::components::status::Status;
use crate::app::components::title::use_page_title;
use std::ops::Range;

use crate::analysis::claims::{self, ClaimMark};
use crate::analysis::figures::FigureMark;
use crate::analysis::search;
use crate::app::current::use_route;
use crate::app::search_index::{use_search_index, IndexState};
use crate::corpus::{self, CLAIM_MARKS, FIGURE_MARKS, GLOSSARY};
use crate::model::{Block, BlockKind, ContentNote, Document};
use crate::route;

#[component]
pub fn Reader(
    doc_id: String,
    original: bool,
    figure: Option<String>,
    query: Option<String>,
    term: Option<String>,
    claim: Option<String>,
) -> impl IntoView {
    let Some(doc) = corpus::document(&doc_id) else {
        return view! { <NotFound what=format!("There is no document with the id “{doc_id}”.")/> }.into_any();
    };
    use_page_title(move || doc.title.to_string());
    let emphasis = Emphasis {
        term: term.as_deref().and_then(|t| GLOSSARY.iter().position(|g| g.id == t)).map(|i| i as u16),
        figure: figure.as_deref().and_then(|id| FIGURE_MARKS.iter().find(|f| f.id == id && f.doc == doc.id)),
        claim: claim.as_deref().and_then(|id| claims::claim_marks(&CLAIM_MARKS, id)).map(|c| (c, doc.id)),
    };
    let missing = emphasis.missing(term.as_deref(), figure.as_deref(), claim.as_deref());
    let first_emphasis = emphasis
        .figure
        .map(|f| f.block)
        .or_else(|| emphasis.claim_here().next().map(|m| m.block))
        .or_else(|| doc.blocks.iter().find(|b| !emphasis.hits(b).is_empty()).map(|b| b.id));
    let target = use_hash_target(first_emphasis);
    let found = search_hits(doc, query);
    let status = RwSignal::new(String::new());
    let selection = RwSignal::new(None);
    track_selection(selection);
    let notes = NotesHere::new(doc, selection);
    let tools = OpenTools::new(doc.id, selection);

    let body = if original {
        view! { <Original doc=doc/> }.into_any()
    } else {
        // Drawn again, once, when a search's hits arrive with the index.
        let blocks = move || {
            let found = found.get();
            doc.blocks
                .iter()
                .skip(1)
                .enumerate()
                .map(|(i, b)| {
                    let searched = found.get(i + 1).cloned().unwrap_or_default();
                    let note =
                        doc.content_notes.iter().find(|n| n.first == b.id).map(|n| view! { <ContentNoteView note=n/> });
                    (note, block_view(doc, (i + 1, b), emphasis, searched, target, status, (notes, tools)))
                })
                .collect_view()
        };
        view! {
            <p class="view-switch"><a href=route::text_href(doc.id, true)>"View original"</a></p>
            <LostNotes placed=notes.placed/>
            <div class="text" lang=doc.language>{blocks}</div>
        }
        .into_any()
    };

    view! {
        <article class="reader" aria-labelledby="title">
            <header class="reader-head">
                <p class="doc-relation-tag">{doc.relation}</p>
                <h1 id="title">{doc.title}</h1>
                // Shown where there is room; on a phone it would push the text a screen down, so
                // there it is folded and the relation tag above the title stands for it. Two
                // forms, one shown by the stylesheet: the page written at build time is right on
                // every screen, before the app and without it.
                <section class="about about-wide">
                    <h2 class="about-title">"About this source"</h2>
                    <Provenance doc=doc/>
                </section>
                <details class="about about-narrow">
                    <summary><h2 class="about-title">"About this source"</h2></summary>
                    <Provenance doc=doc/>
                </details>
            </header>
            {missing.map(|m| view! { <p class="notice" role="alert">{m}</p> })}
            {body}
            <Status message=status/>
        </article>
        <DocNav doc=doc/>
    }
    .into_any()
}

/// The seed exactly as received, "View original".
#[component]
fn Original(doc: &'static Document) -> impl IntoView {
    view! {
        <p class="view-switch"><a href=route::text_href(doc.id, false)>"View cleaned text"</a></p>
        <h2>"Original as received"</h2>
        <p class="hint">"The seed file exactly as it reached the project, website chrome included."</p>
        <pre class="original" tabindex="0" role="region" aria-label="Original text">{doc.original}</pre>
    }
}

/// What the URL asks the reader to mark beyond the glossary: a term's occurrences, or the
/// quote a figure comes from.
#[derive(Clone, Copy)]
struct Emphasis {
    term: Option<u16>,
    figure: Option<&'static FigureMark>,
    /// A claim's passages, and the document whose passages on it are highlighted.
    claim: Option<(&'static [ClaimMark], &'static str)>,
}

impl Emphasis {
    fn hits(self, block: &Block) -> Vec<Range<usize>> {
        let Some(term) = self.term else { return Vec::new() };
        block.marks.iter().filter(|m| m.term == term).map(|m| m.start as usize..m.end as usize).collect()
    }

    /// What the address asked to mark that is not here (a mistyped or outdated link): said,
    /// rather than the text shown as if nothing had been asked.
    fn missing(self, term: Option<&str>, figure: Option<&str>, claim: Option<&str>) -> Option<String> {
        if let Some(t) = term.filter(|_| self.term.is_none()) {
            return Some(format!("There is no glossary term with the id “{t}”: no term is marked."));
        }
        if let Some(f) = figure.filter(|_| self.figure.is_none()) {
            return Some(format!("This document states no figure with the id “{f}”: no figure is marked."));
        }
        match (claim, self.claim) {
            (Some(c), None) => Some(format!("There is no claim with the id “{c}”: no passage is marked.")),
            (_, Some((c, _))) if self.claim_here().next().is_none() => {
                Some(format!("This document says nothing on the claim “{}”: no passage is marked.", c[0].text))
            }
            _ => None,
        }
    }

    /// The claim's passages in this document.
    fn claim_here(self) -> impl Iterator<Item = &'static ClaimMark> {
        self.claim.into_iter().flat_map(|(c, d)| c.iter().filter(move |m| m.doc == d))
    }

    fn quotes(self, block: &Block) -> Vec<Range<usize>> {
        let figure =
            self.figure.filter(|f| f.block == block.id).map(|f| f.quote_range.0 as usize..f.quote_range.1 as usize);
        let claim = self.claim_here().filter(|m| m.block == block.id);
        figure.into_iter().chain(claim.map(|m| m.range.0 as usize..m.range.1 as usize)).collect()
    }
}

/// Numbers in this block that the figure data holds, each leading to its comparison.
fn figure_numbers(doc: &Document, block: &Block) -> Vec<(Range<usize>, u16)> {
    FIGURE_MARKS
        .iter()
        .enumerate()
        .filter(|(_, f)| f.doc == doc.id && f.block == block.id)
        .map(|(i, f)| (f.number_range.0 as usize..f.number_range.1 as usize, i as u16))
        .collect()
}

fn figure_link(i: u16) -> (String, String) {
    let f = &FIGURE_MARKS[i as usize];
    (
        route::quantity_figure_href(f.quantity, f.id),
        format!("{}: compare this figure across sources ({})", f.number, f.label),
    )
}

fn block_view(
    doc: &'static Document,
    (at, block): (usize, &'static Block),
    emphasis: Emphasis,
    searched: Vec<Range<usize>>,
    target: Memo<String>,
    status: RwSignal<String>,
    (notes, tools): (NotesHere, OpenTools),
) -> AnyView {
    let is_target = move || target.with(|t| t == block.id);
    let text = view! {
        <BlockText
            block=block
            scope=doc.id
            hits=[emphasis.hits(block), searched].concat()
            quotes=emphasis.quotes(block)
            figures=figure_numbers(doc, block)
            figure_link=figure_link
            noted=notes.ranges(at)
        />
    };
    match block.kind {
        BlockKind::Title | BlockKind::Heading => {
            view! { <h2 id=block.id tabindex="-1" class:is-target=is_target>{text}</h2> }.into_any()
        }
        BlockKind::Subheading => {
            view! { <h3 id=block.id tabindex="-1" class:is-target=is_target>{text}</h3> }.into_any()
        }
        kind => {
            let class = match kind {
                BlockKind::Caption => "para caption",
                BlockKind::Byline => "para byline",
                _ => "para",
            };
            let label = block.id.trim_start_matches('p').to_string();
            view! {
                <div class=class class:tools-open=tools.is_open(block.id) on:keydown=tools.escape(block.id)>
                    <p id=block.id tabindex="-1" class:is-target=is_target data-doc=doc.id data-block=block.id on:click=move |_| tools.open(block.id)>{text}</p>
                    <ToolsToggle tools=tools block=block.id label=label.clone()/>
                    <ParaLink doc=doc.id id=block.id label=label.clone() status=status/>
                    <ClaimsHere doc=doc.id block=block.id/>
                    <ParaNotes block=block at=at doc=doc.id placed=notes.placed selection=notes.selection label=label/>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn DocNav(doc: &'static Document) -> impl IntoView {
    let at = corpus::position(doc.id).unwrap_or(0);
    let prev = at.checked_sub(1).and_then(|i| corpus::documents().get(i));
    let next = corpus::documents().get(at + 1);
    view! {
        <nav class="doc-nav" id="doc-nav" tabindex="-1" aria-label="Documents">
            <ul>
                {prev.map(|d| view! { <li><a rel="prev" href=route::read_href(d.id)>"Previous: " {d.title}</a></li> })}
                <li><a href=route::library_href()>"Back to the library"</a></li>
                {next.map(|d| view! { <li><a rel="next" href=route::read_href(d.id)>"Next: " {d.title}</a></li> })}
            </ul>
        </nav>
    }
}

/// The claims a passage bears on, each a link to its row in the claims grid.
#[component]
fn ClaimsHere(doc: &'static str, block: &'static str) -> impl IntoView {
    let here = claims::in_block(&CLAIM_MARKS, doc, block);
    (!here.is_empty()).then(|| {
        let count = format!("Claims this passage bears on ({})", here.len());
        let links = here
            .into_iter()
            .map(|(id, text)| view! { <li><a href=route::claim_href(id)>{text}</a></li> })
            .collect_view();
        view! {
            <details class="claims-here">
                <summary>{count}</summary>
                <ul>{links}</ul>
            </details>
        }
    })
}

/// Before passages with graphic allegations: what follows, and a link past it.
#[component]
fn ContentNoteView(note: &'static ContentNote) -> impl IntoView {
    let here = use_route().get_untracked();
    let (href, label) = match note.skip_to {
        Some(id) => (route::in_page(&here, id), "Skip these passages"),
        None => (route::in_page(&here, "doc-nav"), "Skip to the end of the document"),
    };
    view! {
        <aside class="content-note" aria-label="Content note">
            <p><strong>"Content note: "</strong>{note.note}</p>
            <p><a href=href>{label}</a></p>
        </aside>
    }
}

/// Notes whose words are no longer in the document: shown, never dropped.
#[component]
fn LostNotes(placed: Memo<Vec<Placed>>) -> impl IntoView {
    let lost =
        move || placed.with(|p| p.iter().filter(|x| x.block().is_none()).map(|x| x.note.clone()).collect::<Vec<_>>());
    view! {
        <Show when=move || !lost().is_empty()>
            <section class="lost-notes" aria-labelledby="lost-notes">
                <h2 id="lost-notes">"Notes that no longer find their passage"</h2>
                <p class="hint">"The words these notes were written on are not in this text any more. The notes are kept; you can export them from My notes."</p>
                <ul>
                    {move || lost().into_iter().map(|n| view! { <li><q>{n.anchor.quote}</q> " — " {n.text}</li> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Opened from a search result: the query's hits in every block, once the search index has
/// arrived (the index is fetched only when a reader link carries a query).
fn search_hits(doc: &'static Document, query: Option<String>) -> Signal<Vec<Vec<Range<usize>>>> {
    let Some(query) = query else { return Signal::stored(Vec::new()) };
    let index = use_search_index();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text).collect();
    let at = corpus::position(doc.id).unwrap_or(0);
    Signal::derive(move || match index.get() {
        IndexState::Ready(index) => search::doc_marks(&index, at, &texts, &query),
        _ => Vec::new(),
    })
}
