//! Sources the student added (lateral reading): the form that adds one from pasted text or a
//! file, their list in the library, marked as added by the student and outside the unit's
//! checked corpus, and the reader for one (`added/?source=<id>`), with the glossary's marks
//! and tooltips and its numbers pointed out to be checked by hand. Reading, checking and
//! marking are `analysis::sources`; this renders what it returns.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::NotFound;
use crate::analysis::notes::changes::Change;
use crate::analysis::search;
use crate::analysis::sources::{self, AddedSource, Format, Problem, Provenance};
use crate::app::components::block_text::BlockText;
use crate::app::components::needs_app::NeedsApp;
use crate::app::components::para_notes::{track_selection_in, NotesHere, ParaNotes};
use crate::app::components::para_tools::{OpenTools, ToolsToggle};
use crate::app::components::status::Status;
use crate::app::components::title::use_page_title;
use crate::app::worker;
use crate::app::workspace::{now, use_work, KeepingNotice, Undo, Work};
use crate::corpus::{self, GLOSSARY};
use crate::model::{Block, BlockKind, Document, Mark};
use crate::route;
use companion_worker::{Ask, Reply};

/// What every view of an added source says of it.
pub const ADDED_BY_YOU: &str = "added by you — not part of the unit’s checked corpus";

thread_local! {
    /// Each version of a source shown in this tab, as a document of the reader (whose text
    /// components and notes borrow it for the page's life, as they do the corpus's), with its
    /// glossary marks or (for search, which needs none) without.
    static SHOWN: RefCell<HashMap<(String, u64, bool), &'static Document>> = RefCell::new(HashMap::new());
}

fn leak(s: &str) -> &'static str {
    s.to_string().leak()
}

/// The source as a document: its passages as blocks, with the glossary marks the worker found
/// in each (`marks`, one list a passage). Nothing else of a bundled document's record (seed,
/// licence, relations) is claimed for it.
fn document_of(source: &AddedSource, marks: Option<Vec<Vec<Mark>>>) -> &'static Document {
    let key = (source.id.clone(), source.updated.to_bits(), marks.is_some());
    if let Some(doc) = SHOWN.with_borrow(|m| m.get(&key).copied()) {
        return doc;
    }
    let title = leak(&source.provenance.title);
    // The title first, as a bundled document's blocks start (the reader and the comparison
    // show it as the heading, not as a passage).
    let heading = Block { id: "title", kind: BlockKind::Title, text: title, marks: &[] };
    let mut marks = marks.unwrap_or_default().into_iter();
    let blocks: Vec<Block> = std::iter::once(heading)
        .chain(source.blocks().into_iter().map(|(id, b)| Block {
            id: id.leak(),
            kind: b.kind,
            marks: marks.next().unwrap_or_default().leak(),
            text: b.text.leak(),
        }))
        .collect();
    let doc: &'static Document = Box::leak(Box::new(Document {
        id: leak(&source.id),
        seed: "",
        title,
        short_title: title,
        outlet: leak(sources::shown(&source.provenance.outlet)),
        date: leak(sources::shown(&source.provenance.date)),
        date_iso: None,
        language: "",
        relation: ADDED_BY_YOU,
        licence: "",
        related: &[],
        content_notes: &[],
        original: "",
        blocks: blocks.leak(),
        word_count: source.word_count(),
    }));
    SHOWN.with_borrow_mut(|m| m.insert(key, doc));
    doc
}

/// The source as a document with its glossary marks, which the worker finds (the glossary's
/// terms travel with the request), or the message to show when the worker cannot answer.
pub async fn marked(source: &AddedSource) -> Result<&'static Document, String> {
    let key = (source.id.clone(), source.updated.to_bits(), true);
    if let Some(doc) = SHOWN.with_borrow(|m| m.get(&key).copied()) {
        return Ok(doc);
    }
    let passages = source.passages.iter().map(|p| p.text.clone()).collect();
    match worker::ask(Ask::Marks { terms: sources::terms_text(GLOSSARY), passages }).await? {
        Reply::Marks(marks) => Ok(document_of(source, Some(marks))),
        _ => Err(worker::UNAVAILABLE.into()),
    }
}

#[component]
pub fn AddedReader(source: Option<String>, query: Option<String>) -> impl IntoView {
    let work = use_work();
    let Some(id) = source else {
        // The page as written at build time (and the app's first render): which source it
        // shows is in the query, and the source is in this browser's storage.
        use_page_title(|| "A source you added".to_string());
        return view! {
            <h1>"A source you added"</h1>
            <p>"This page shows a source added to the library in this browser. Open it from the " <a href=route::library_href()>"library"</a> "."</p>
        }
        .into_any();
    };
    let found = {
        let id = id.clone();
        Memo::new(move |_| work.data.with(|w| w.source(&id).cloned()))
    };
    use_page_title(move || {
        found.with(|s| s.as_ref().map_or("Source not found".into(), |s| s.provenance.title.clone()))
    });
    view! {
        {move || match found.get() {
            Some(source) => view! { <Marked source=source query=query.clone()/> }.into_any(),
            None => view! {
                <NotFound what=format!("There is no added source with the id “{id}” in this browser (it may have been removed, or added in another browser: import it from My notes).")/>
            }
            .into_any(),
        }}
    }
    .into_any()
}

/// The reader once the worker has marked the source's glossary terms.
#[component]
fn Marked(source: AddedSource, query: Option<String>) -> impl IntoView {
    let heading = source.provenance.title.clone();
    let shown = worker::pending(async move {
        let doc = marked(&source).await?;
        Ok(ViewFn::from(move || view! { <AddedText source=source.clone() doc=doc query=query.clone()/> }))
    });
    view! { <worker::Pending waiting="Opening the source…" heading=heading shown=shown/> }
}

/// The source's passages; opened from a search result (`query`), its hits marked as the
/// bundled reader marks them.
#[component]
fn AddedText(source: AddedSource, doc: &'static Document, query: Option<String>) -> impl IntoView {
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text).collect();
    let hits = query.map(|q| search::blocks_marks(&texts, &q)).unwrap_or_default();
    let selection = RwSignal::new(None);
    track_selection_in(selection, move |id| corpus::document(id).or((id == doc.id).then_some(doc)));
    let notes = NotesHere::new(doc, selection);
    let tools = OpenTools::new(doc.id, selection);
    let text = doc
        .blocks
        .iter()
        .enumerate()
        .skip(1)
        .map(|(at, block)| {
            let hits = hits.get(at).cloned().unwrap_or_default();
            let body = view! { <BlockText block=block scope=doc.id hits=hits noted=notes.ranges(at)/> };
            if block.kind.is_heading() {
                return view! { <h2 id=block.id tabindex="-1">{body}</h2> }.into_any();
            }
            let numbers: Vec<&str> = sources::numbers(block.text).into_iter().map(|r| &block.text[r]).collect();
            let check = (!numbers.is_empty())
                .then(|| view! { <p class="to-check">"Numbers to check by hand: " {numbers.join(" · ")}</p> });
            let label = block.id.trim_start_matches('p').to_string();
            view! {
                <div class="para" class:tools-open=tools.is_open(block.id) on:keydown=tools.escape(block.id)>
                    <p id=block.id tabindex="-1" data-doc=doc.id data-block=block.id on:click=move |_| tools.open(block.id)>{body}</p>
                    <ToolsToggle tools=tools block=block.id label=label.clone()/>
                    <ParaNotes block=block at=at doc=doc.id placed=notes.placed selection=notes.selection label=label/>
                    {check}
                </div>
            }
            .into_any()
        })
        .collect_view();
    let p = source.provenance.clone();
    view! {
        <article class="reader added" aria-labelledby="title">
            <header class="reader-head">
                <p class="doc-relation-tag">"Added by you — not part of the unit’s checked corpus"</p>
                <h1 id="title">{p.title.clone()}</h1>
                <section class="about">
                    <h2 class="about-title">"About this source"</h2>
                    <Facts provenance=p.clone() words=source.word_count()/>
                    <p class="hint">{format!("As you entered it ({}); the companion has not checked it.", source.from)}</p>
                </section>
                <p class="notice">"The unit’s figures and claims are not extracted from a source you add: its numbers are listed under each paragraph for you to check by hand against the other sources."</p>
            </header>
            <div class="text">{text}</div>
        </article>
        <nav class="doc-nav" aria-label="Documents">
            <ul>
                <li><a href=route::compare_href(Some(doc.id), None)>"Compare side by side with another document"</a></li>
                <li><a href=route::library_href()>"Back to the library"</a></li>
            </ul>
        </nav>
    }
}

/// An added source of this browser as a document without glossary marks (what search reads),
/// once the saved work has been read.
pub fn document(work: Work, id: &str) -> Option<&'static Document> {
    work.data.with_untracked(|w| w.source(id).map(|s| document_of(s, None)))
}

/// The provenance as the library shows the five's, "not stated" where the student left it empty.
#[component]
fn Facts(provenance: Provenance, words: usize) -> impl IntoView {
    let facts = provenance
        .facts()
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value.to_string()}</dd></div> })
        .collect_view();
    view! { <dl class="doc-facts">{facts}<div><dt>"Words"</dt><dd>{words}</dd></div></dl> }
}

/// The sources added in this browser, in the library, each removable with undo.
#[component]
pub fn AddedSources() -> impl IntoView {
    let work = use_work();
    let status = RwSignal::new(String::new());
    let removed = Undo::<AddedSource>::default();
    let remove = move |id: String| {
        if let Some(source) = removed.remove(work, &id) {
            status.set(format!("Removed “{}” (your notes on it are kept).", source.provenance.title));
        }
    };
    let undo = move |_| {
        if let Some(source) = removed.undo(work) {
            status.set(format!("“{}” is back.", source.provenance.title));
        }
    };
    let list = move || {
        work.data.with(|w| {
            w.sources
                .iter()
                .map(|s| {
                    let title_id = format!("doc-{}", s.id);
                    let labelled_by = title_id.clone();
                    let id = s.id.clone();
                    let label = format!("Remove “{}”", s.provenance.title);
                    view! {
                        <li>
                            <article class="doc-card added" aria-labelledby=labelled_by>
                                <h3 id=title_id>
                                    <a href=route::added_href(&s.id)>
                                        {s.provenance.title.clone()}
                                        <span class="doc-relation">" — " {ADDED_BY_YOU}</span>
                                    </a>
                                </h3>
                                <Facts provenance=s.provenance.clone() words=s.word_count()/>
                                <button type="button" aria-label=label on:click=move |_| remove(id.clone())>"Remove"</button>
                            </article>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="added-sources" aria-labelledby="added-title">
            <h2 id="added-title">"Sources you added"</h2>
            <p class="hint">"Outside sources you add for lateral reading are kept in this browser with your notes, and exported with them from My notes. They are not part of the unit’s checked corpus."</p>
            <ul class="doc-list">{list}</ul>
            <div class="undo-line">
                <Status message=status/>
                <Show when=move || removed.pending()>
                    <button type="button" on:click=undo>"Undo"</button>
                </Show>
            </div>
            <AddSource/>
        </section>
    }
}

/// Reads the bytes of the file chosen in `input`, if one is.
async fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<Result<(String, Vec<u8>), Problem>> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    if file.size() > sources::MAX_BYTES as f64 {
        return Some(Err(Problem::TooLarge(file.size() as usize)));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(Ok((name, js_sys::Uint8Array::new(&buffer).to_vec())))
}

/// Checks and keeps a new source (the worker reads the text); nothing is kept when a check
/// fails, and the message says why.
async fn add(
    work: Work,
    bytes: Vec<u8>,
    format: Format,
    from: String,
    provenance: Provenance,
) -> Result<AddedSource, String> {
    let passages = match worker::ask(Ask::Read { bytes, format }).await? {
        Reply::Read(passages) => passages,
        _ => return Err(worker::UNAVAILABLE.into()),
    };
    let title = work.data.with_untracked(|w| {
        let bundled = corpus::documents().iter().map(|d| d.title);
        sources::check_title(&provenance.title, bundled.chain(w.sources.iter().map(|s| s.provenance.title.as_str())))
    });
    let title = title.map_err(|e| e.to_string())?;
    let id = work.data.with_untracked(|w| sources::new_id(&title, w.sources.iter().map(|s| s.id.as_str())));
    let at = now();
    let source =
        AddedSource { id, provenance: Provenance { title, ..provenance }, passages, from, added: at, updated: at };
    work.change(Change::PutSource(source.clone()));
    Ok(source)
}

/// The form: the text (pasted, or a file) and its provenance.
#[component]
fn AddSource() -> impl IntoView {
    let work = use_work();
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<(String, String)>);
    let text = NodeRef::<leptos::html::Textarea>::new();
    let file = NodeRef::<leptos::html::Input>::new();
    let fields: [(&str, &str, NodeRef<leptos::html::Input>); 6] = [
        ("source-title", "Title", NodeRef::new()),
        ("source-outlet", "Outlet (the site, paper or publisher)", NodeRef::new()),
        ("source-author", "Author", NodeRef::new()),
        ("source-date", "Date", NodeRef::new()),
        ("source-address", "Address (where you found it, as text)", NodeRef::new()),
        ("source-relation", "Relation to the subject", NodeRef::new()),
    ];
    let refs: [NodeRef<leptos::html::Input>; 6] = fields.map(|f| f.2);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |i: usize| refs[i].get_untracked().map(|e| e.value()).unwrap_or_default();
        let provenance = Provenance {
            title: value(0),
            outlet: value(1),
            author: value(2),
            date: value(3),
            address: value(4),
            relation: value(5),
        };
        let pasted = text.get_untracked().map(|t| t.value()).unwrap_or_default();
        let input = file.get_untracked();
        wasm_bindgen_futures::spawn_local(async move {
            let chosen = match &input {
                Some(input) => chosen_file(input.unchecked_ref()).await,
                None => None,
            };
            let result = match chosen {
                Some(Err(e)) => Err(e.to_string()),
                Some(Ok((name, bytes))) => match Format::of_file(&name) {
                    Some(format) => add(work, bytes, format, name, provenance).await,
                    None => Err(Problem::NotAReadableFile(name).to_string()),
                },
                None => add(work, pasted.into_bytes(), Format::Text, "pasted".into(), provenance).await,
            };
            match result {
                Ok(source) => {
                    error.set(None);
                    added.set(Some((source.provenance.title.clone(), route::added_href(&source.id))));
                    refs.iter().filter_map(|r| r.get_untracked()).for_each(|e| e.set_value(""));
                    if let Some(t) = text.get_untracked() {
                        t.set_value("");
                    }
                    if let Some(f) = input {
                        f.set_value("");
                    }
                }
                Err(e) => {
                    added.set(None);
                    error.set(Some(format!("{e} Nothing was added.")));
                }
            }
        });
    };
    let inputs = fields
        .into_iter()
        .map(|(id, label, node)| {
            view! {
                <p class="field">
                    <label for=id>{label}</label>
                    <input id=id type="text" node_ref=node autocomplete="off"/>
                </p>
            }
        })
        .collect_view();
    view! {
        <details class="add-source">
            <summary>"Add a source"</summary>
            <NeedsApp what="Adding a source"/>
            <form on:submit=submit novalidate>
                <fieldset>
                    <legend>"The text"</legend>
                    <p class="field">
                        <label for="source-text">"Paste the article’s text"</label>
                        <textarea id="source-text" rows="6" node_ref=text></textarea>
                    </p>
                    <p class="field">
                        <label for="source-file">"or open a file (.txt, .md or .html: a web page is read as text, never shown as a page)"</label>
                        <input id="source-file" type="file" accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" node_ref=file/>
                    </p>
                </fieldset>
                <fieldset>
                    <legend>"Where it comes from"</legend>
                    <p class="hint">"Only the title is needed. Leave empty what you do not know: it is shown as “not stated”, never guessed."</p>
                    {inputs}
                </fieldset>
                <KeepingNotice/>
                <p class="error" role="alert">{move || error.get()}</p>
                <button type="submit">"Add source"</button>
                <p role="status">
                    {move || added.get().map(|(title, href)| view! { "Added “" {title} "”. " <a href=href>"Read it"</a> })}
                </p>
            </form>
        </details>
    }
}
