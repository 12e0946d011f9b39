//! Side-by-side reading of any two documents: aligned passages, word-level differences, a
//! summary, and two ways of scrolling (together as one table, or each column on its own).

use leptos::prelude::*;

use super::added;
use crate::analysis::comparison::{Comparison, Row, RowKind, Side};
use crate::analysis::sources;
use crate::app::components::adopt::Adopt;
use crate::app::components::block_text::{BlockText, ChangeTag};
use crate::app::components::changes::PairChanges;
use crate::app::components::para_notes::{track_selection_in, NoteEditor, NotesHere, Selection};
use crate::app::components::title::use_page_title;
use crate::app::navigate::{use_go, Entry};
use crate::app::settings::use_settings;
use crate::app::worker;
use crate::app::workspace::{use_work, Work};
use crate::corpus;
use crate::model::{BlockKind, Document};
use crate::route::{self, View};
use companion_worker::{Ask, Reply};

/// The pair a comparison opens with when the URL names none: the two encyclopedia revisions.
const DEFAULT_PAIR: (&str, &str) = ("encyclopedia-earlier", "encyclopedia-later");

/// Resolves the URL's pair; unknown ids are reported and replaced so the page stays usable.
/// Either side may be a source added in this browser.
fn resolve(
    work: Work,
    left: Option<String>,
    right: Option<String>,
) -> (&'static Document, &'static Document, Vec<String>) {
    let mut problems = Vec::new();
    let mut pick = |id: Option<String>, fallback: &str| match id {
        None => corpus::document(fallback),
        Some(id) => corpus::document(&id).or_else(|| added::document(work, &id)).or_else(|| {
            problems.push(format!("There is no document with the id “{id}”; another one is shown instead."));
            corpus::document(fallback)
        }),
    };
    let a = pick(left, DEFAULT_PAIR.0).unwrap_or(&corpus::documents()[0]);
    let b = pick(right, if a.id == DEFAULT_PAIR.1 { DEFAULT_PAIR.0 } else { DEFAULT_PAIR.1 })
        .unwrap_or(&corpus::documents()[1]);
    (a, b, problems)
}

#[component]
pub fn Compare(left: Option<String>, right: Option<String>) -> impl IntoView {
    let work = use_work();
    if !left.iter().chain(&right).any(|id| sources::is_added(id)) {
        let (a, b, problems) = resolve(work, left, right);
        return view! { <Pair a=a b=b problems=problems aligned=None/> }.into_any();
    }
    // An added source is in this browser's storage, read once the app has started: the pair
    // is drawn when it is there, and again only when one of its sources changes.
    let ids = [left.clone(), right.clone()];
    let versions = Memo::new(move |_| {
        work.data.with(|w| ids.clone().map(|id| id.and_then(|id| w.source(&id).map(|s| s.updated.to_bits()))))
    });
    (move || {
        versions.track();
        let (a, b, problems) = untrack(|| resolve(work, left.clone(), right.clone()));
        view! { <AlignedPair a=a b=b problems=problems/> }
    })
    .into_any()
}

/// A side as the comparison shows it: an added source with the glossary marks the worker finds.
async fn marked(work: Work, doc: &'static Document) -> Result<&'static Document, String> {
    match work.data.with_untracked(|w| w.source(doc.id).cloned()) {
        Some(source) => added::marked(&source).await,
        None => Ok(doc),
    }
}

/// The pair and its comparison: from the build for two bundled documents, from the worker when
/// either side is an added source.
async fn aligned(
    work: Work,
    a: &'static Document,
    b: &'static Document,
) -> Result<(&'static Document, &'static Document, Comparison), String> {
    if let (Some(i), Some(j)) = (corpus::position(a.id), corpus::position(b.id)) {
        return Ok((a, b, corpus::comparison(i, j)));
    }
    let (a, b) = (marked(work, a).await?, marked(work, b).await?);
    let passages = |d: &Document| d.blocks.iter().skip(1).map(|b| b.text.to_string()).collect();
    match worker::ask(Ask::Compare { left: passages(a), right: passages(b) }).await? {
        Reply::Compare(comparison) => Ok((a, b, comparison)),
        _ => Err(worker::UNAVAILABLE.into()),
    }
}

/// A pair with an added source, once the worker has aligned it (or its message if it cannot).
#[component]
fn AlignedPair(a: &'static Document, b: &'static Document, problems: Vec<String>) -> impl IntoView {
    let work = use_work();
    let shown = worker::pending(async move {
        let (a, b, comparison) = aligned(work, a, b).await?;
        Ok(ViewFn::from(move || {
            view! { <Pair a=a b=b problems=problems.clone() aligned=Some(comparison.clone())/> }
        }))
    });
    view! { <worker::Pending waiting="Aligning the passages…" heading="Compare two documents" shown=shown/> }
}

/// The pair side by side. A bundled pair's alignment was computed at build time; a pair with
/// an added source was `aligned` by the worker.
#[component]
fn Pair(
    a: &'static Document,
    b: &'static Document,
    problems: Vec<String>,
    aligned: Option<Comparison>,
) -> impl IntoView {
    let work = use_work();
    use_page_title(move || format!("Compare: {} and {}", a.short_title, b.short_title));
    let settings = use_settings();
    let go = use_go();
    let go = move |x: &str, y: &str| go(View::Compare { left: Some(x.into()), right: Some(y.into()) }, Entry::Push);
    let go_left = go.clone();
    let go_right = go.clone();
    let comparison = StoredValue::new(match (aligned, corpus::position(a.id), corpus::position(b.id)) {
        (Some(c), _, _) => c,
        (None, Some(i), Some(j)) => corpus::comparison(i, j),
        // Only reached with a document neither bundled nor added, which `resolve` never gives.
        (None, _, _) => Comparison { rows: Vec::new(), summary: Default::default() },
    });
    let selection = RwSignal::new(None);
    // Either side may be an added source, which the corpus does not know.
    track_selection_in(selection, move |id| [a, b].into_iter().find(|d| d.id == id));
    let notes = (NotesHere::new(a, selection), NotesHere::new(b, selection));
    let options = move |selected: &'static str| {
        let added = work.data.with_untracked(|w| {
            w.sources
                .iter()
                .map(|s| (s.id.clone(), format!("{} (added by you)", s.provenance.title)))
                .collect::<Vec<_>>()
        });
        corpus::documents()
            .iter()
            .map(|d| (d.id.to_string(), d.short_title.to_string()))
            .chain(added)
            .map(|(id, label)| view! { <option selected=id == selected value=id>{label}</option> })
            .collect_view()
    };

    view! {
        <h1>"Compare two documents"</h1>
        {problems.into_iter().map(|p| view! { <p class="notice" role="alert">{p}</p> }).collect_view()}
        <form class="pair" on:submit=|ev| ev.prevent_default()>
            <div class="pick">
                <label for="left-doc">"Left document"</label>
                <select id="left-doc" on:change=move |ev| go_left(&event_target_value(&ev), b.id)>{options(a.id)}</select>
            </div>
            <button type="button" class="swap" on:click=move |_| go(b.id, a.id)>
                <span aria-hidden="true">"⇄ "</span><span class="swap-label">"Swap documents"</span>
            </button>
            <div class="pick">
                <label for="right-doc">"Right document"</label>
                <select id="right-doc" on:change=move |ev| go_right(a.id, &event_target_value(&ev))>{options(b.id)}</select>
            </div>
        </form>
        <OtherPairs a=a b=b/>
        {(a.id == b.id).then(|| view! { <p class="notice" role="status">"Both sides show the same document: choose another one on either side."</p> })}
        <Summary summary=comparison.with_value(|c| c.summary) a=a b=b/>
        <PairChanges a=a.id b=b.id/>
        // Shown where there is room; on a phone it would push the passages a screen down, so
        // there it is folded, one tap away. Two forms, one shown by the stylesheet, as the
        // reader's provenance: the page written at build time is right on every screen.
        <div class="legend-wide"><Legend/></div>
        <details class="legend-narrow">
            <summary>"How differences are marked"</summary>
            <Legend/>
        </details>
        <label class="setting lock">
            // `checked` for the page written at build time: a binding sets a property, which HTML does not carry.
            <input type="checkbox" checked=settings.sync_scroll.get_untracked() bind:checked=settings.sync_scroll/>
            " Scroll both columns together"
        </label>
        <Passages comparison=comparison a=a b=b notes=notes/>
        <NoteOnSelection selection=selection docs=[a, b]/>
    }
}

/// The aligned passages, in one table or in two columns. The page written at build time is
/// adopted as it stands (see `adopt.rs`): nothing in it but the texts changes, so the whole
/// table is, until a note or a setting changes a text.
#[component]
fn Passages(
    comparison: StoredValue<Comparison>,
    a: &'static Document,
    b: &'static Document,
    notes: (NotesHere, NotesHere),
) -> impl IntoView {
    let settings = use_settings();
    let adopt = Adopt::new();
    move || {
        let locked = settings.sync_scroll.get();
        if adopt.now() {
            // What the texts follow: the first change renders the passages in full. The notes
            // are read, not only tracked, so that their memos follow the saved work from now.
            settings.glossary_marks.track();
            notes.0.placed.with(|_| ());
            notes.1.placed.with(|_| ());
            return if locked {
                view! { <table class="cmp-table" inner_html=""></table> }.into_any()
            } else {
                view! { <div class="cmp-panes" inner_html=""></div> }.into_any()
            };
        }
        if locked {
            view! { <Locked comparison=comparison.get_value() a=a b=b notes=notes/> }.into_any()
        } else {
            view! { <Unlocked comparison=comparison.get_value() a=a b=b notes=notes/> }.into_any()
        }
    }
}

#[component]
fn Summary(summary: crate::analysis::comparison::Summary, a: &'static Document, b: &'static Document) -> impl IntoView {
    let s = summary;
    view! {
        <p class="cmp-summary" id="cmp-summary">
            <strong>"Passages: "</strong>
            {format!(
                "{} shared, {} changed, {} only in “{}”, {} only in “{}”.",
                s.shared, s.changed, s.only_left, a.short_title, s.only_right, b.short_title
            )}
        </p>
    }
}

/// Links to the pairs one step away, for a page without the app, whose selects cannot move:
/// shown only then, like the note on what needs the app. Any pair is two links away.
#[component]
fn OtherPairs(a: &'static Document, b: &'static Document) -> impl IntoView {
    let link = |x: &'static Document, y: &'static Document| {
        view! { <li><a href=route::compare_href(Some(x.id), Some(y.id))>{format!("{} with {}", x.short_title, y.short_title)}</a></li> }
    };
    let others = || corpus::documents().iter().filter(|d| d.id != a.id && d.id != b.id);
    view! {
        <nav class="needs-app other-pairs" aria-label="Other comparisons">
            <p>"Without the app, another pair opens from these links:"</p>
            <ul>
                {link(b, a)}
                {others().map(|d| link(a, d)).collect_view()}
                {others().map(|d| link(d, b)).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Legend() -> impl IntoView {
    view! {
        <dl class="legend" aria-label="How differences are marked">
            <div><dt><del>"struck through"</del></dt><dd>"words only in the left passage"</dd></div>
            <div><dt><ins>"underlined"</ins></dt><dd>"words only in the right passage"</dd></div>
            <div><dt>{kind_badge(RowKind::Shared)}</dt><dd>"the same passage in both"</dd></div>
            <div><dt>{kind_badge(RowKind::Changed)}</dt><dd>"the same passage, with words changed"</dd></div>
            <div><dt>{kind_badge(RowKind::OnlyLeft)}</dt><dd>"a passage only the left document has"</dd></div>
            <div><dt>{kind_badge(RowKind::OnlyRight)}</dt><dd>"a passage only the right document has"</dd></div>
        </dl>
    }
}

fn kind_badge(kind: RowKind) -> AnyView {
    match kind {
        RowKind::Shared => view! { <span class="badge shared">"= Shared"</span> }.into_any(),
        RowKind::Changed => view! { <span class="badge changed">"≠ Changed"</span> }.into_any(),
        RowKind::OnlyLeft => view! { <span class="badge gap">"← Only left"</span> }.into_any(),
        RowKind::OnlyRight => view! { <span class="badge gap">"Only right →"</span> }.into_any(),
    }
}

/// One side of a row: its passages, or a note that the other document has no counterpart.
fn side_view(doc: &'static Document, side: &Side, tag: ChangeTag, scope: &'static str, notes: NotesHere) -> AnyView {
    if side.blocks.is_empty() {
        return view! { <p class="no-counterpart">"No matching passage in this document."</p> }.into_any();
    }
    side.blocks
        .iter()
        .zip(&side.changes)
        .map(|(&i, changes)| {
            let block = &doc.blocks[i];
            let text = view! {
                <BlockText block=block scope=scope changes=changes.clone() change_tag=tag noted=notes.ranges(i)/>
            };
            let reader = route::passage_href(doc.id, block.id);
            if block.kind.is_heading() {
                view! { <p class="cmp-heading" data-doc=doc.id data-block=block.id>{text}</p> }.into_any()
            } else {
                let label = format!(
                    "Open paragraph {} of “{}” in the reader",
                    block.id.trim_start_matches('p'),
                    doc.short_title
                );
                let caption = matches!(block.kind, BlockKind::Caption | BlockKind::Byline);
                view! {
                    <p class:cmp-caption=caption data-doc=doc.id data-block=block.id>
                        {text}
                        " "
                        <a class="para-ref" href=reader aria-label=label>"¶"</a>
                    </p>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Locked: one table, so aligned passages share a row and both columns scroll as one.
#[component]
fn Locked(
    comparison: Comparison,
    a: &'static Document,
    b: &'static Document,
    notes: (NotesHere, NotesHere),
) -> impl IntoView {
    let rows = comparison
        .rows
        .iter()
        .map(|row: &Row| {
            view! {
                <tr class=format!("cmp-row {}", row.kind.class())>
                    <td>
                        <span class="cell-doc">{a.short_title}</span>
                        {kind_badge(row.kind)}
                        {side_view(a, &row.left, ChangeTag::Del, "left", notes.0)}
                    </td>
                    <td>
                        <span class="cell-doc">{b.short_title}</span>
                        {side_view(b, &row.right, ChangeTag::Ins, "right", notes.1)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cmp-table" aria-describedby="cmp-summary">
            <caption class="visually-hidden">{format!("Aligned passages: {} on the left, {} on the right", a.short_title, b.short_title)}</caption>
            <thead>
                <tr>
                    <th scope="col">{a.short_title}<span class="th-relation">{a.relation}</span></th>
                    <th scope="col">{b.short_title}<span class="th-relation">{b.relation}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Unlocked: each document in its own scrolling column, read at its own pace.
#[component]
fn Unlocked(
    comparison: Comparison,
    a: &'static Document,
    b: &'static Document,
    notes: (NotesHere, NotesHere),
) -> impl IntoView {
    let column = |doc: &'static Document, left: bool| {
        let tag = if left { ChangeTag::Del } else { ChangeTag::Ins };
        let scope = if left { "left" } else { "right" };
        let here = if left { notes.0 } else { notes.1 };
        let parts = comparison
            .rows
            .iter()
            .map(|row| if left { &row.left } else { &row.right })
            .filter(|side| !side.blocks.is_empty())
            .map(|side| side_view(doc, side, tag, scope, here))
            .collect_view();
        let heading_id = format!("col-{scope}");
        let labelled = heading_id.clone();
        view! {
            <section class="cmp-pane" aria-labelledby=labelled tabindex="0">
                <h2 id=heading_id>{doc.short_title}</h2>
                {parts}
            </section>
        }
    };
    view! { <div class="cmp-panes">{column(a, true)}{column(b, false)}</div> }
}

/// Words selected in either column can take a note, as in the reader; the note then shows in
/// both views and in My notes.
#[component]
fn NoteOnSelection(selection: Selection, docs: [&'static Document; 2]) -> impl IntoView {
    let adding = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let on_save = Callback::new(move |_| {
        saved.set(true);
        selection.set(None);
    });
    let target = move || {
        selection.get().and_then(|(doc, block, quote)| {
            docs.into_iter().find(|d| d.id == doc)?.block(block).map(|b| (doc, b, quote))
        })
    };
    view! {
        {move || target().map(|(doc, block, quote)| {
            let title = docs.into_iter().find(|d| d.id == doc).map_or(doc, |d| d.short_title);
            let body = if adding.get() {
                view! { <NoteEditor block=block doc=doc quote=quote text=String::new() id=None done=adding on_save=on_save/> }
                    .into_any()
            } else {
                view! {
                    <p>"Selected in “" {title} "”: “" {quote} "”"</p>
                    <button type="button" on:click=move |_| adding.set(true)>"Add a note on the selection"</button>
                }
                .into_any()
            };
            view! { <div class="cmp-note" role="region" aria-label="Note on the selected words">{body}</div> }
        })}
        <Show when=move || saved.get()>
            <p class="notice" role="status">"Done. Your notes are in the reader beside their passage, and in My notes."</p>
        </Show>
    }
}
