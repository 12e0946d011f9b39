//! My notes: every note the student wrote, grouped by document with its words and a link back
//! to the passage, searchable; export as Markdown (to read or hand in) and JSON (to move or
//! back up), import a JSON export (merged, never overwriting), and a print view. Everything
//! stays in this browser: there is no account and no server.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::assignment;
use crate::analysis::figures::group;
use crate::analysis::notes::changes::Change;
use crate::analysis::notes::{self, Anchor, MarkdownContext, Note};
use crate::app::browser;
use crate::app::components::status::Status;
use crate::app::components::title::use_page_title;
use crate::app::workspace::{now, use_work, Keeping, KeepingNotice, Work};
use crate::corpus::{self, QUESTIONS};
use crate::route;

/// A document's title, or an added source's, or the id itself when neither is here.
fn doc_title(work: Work, id: &str) -> String {
    match corpus::document(id) {
        Some(d) => d.title.to_string(),
        None => {
            work.data.with_untracked(|w| w.source(id).map_or_else(|| id.to_string(), |s| s.provenance.title.clone()))
        }
    }
}

/// Today's date as the export names it (YYYY-MM-DD).
fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect()
}

fn markdown(work: Work) -> String {
    let date = today();
    let passage = |a: &Anchor| browser::absolute(&route::any_passage_href(&a.doc, &a.block));
    let doc_title = |id: &str| doc_title(work, id);
    // An assignment's answer: its prompt and link are in the assignment's link, which only the
    // student's hand-in carries; here it is named by the assignment and the question's key.
    let prompt = |q: &str| match assignment::from_answer_key(q) {
        Some((id, key)) => Some(format!("Assignment {id}, question {key} (its prompt is on the assignment's page)")),
        None => QUESTIONS.iter().find(|x| x.id == q).map(|x| x.prompt.to_string()),
    };
    let question =
        |q: &str| assignment::from_answer_key(q).is_none().then(|| browser::absolute(&route::question_href(q)));
    let ctx = MarkdownContext {
        title: "My notes on Camp Ashraf 3",
        exported: &date,
        doc_title: &doc_title,
        passage_link: &passage,
        question_prompt: &prompt,
        question_link: &question,
    };
    work.data.with_untracked(|w| notes::to_markdown(w, &ctx))
}

#[component]
pub fn Notes() -> impl IntoView {
    use_page_title(|| "My notes".to_string());
    let work = use_work();
    let status = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let keeping = move || {
        match work.keeping.get() {
        Keeping::Saved => "Your notes and answers are saved in this browser only: nothing is sent anywhere. Export them to hand them in or to move them to another browser.",
        Keeping::TabOnly => "Your notes and answers are kept only until this tab closes: this browser does not let the companion save them. Export them to keep them.",
        Keeping::Waiting => "Your last changes are kept in this tab until this browser’s storage has room again; they are then saved. Export your notes and answers to be safe.",
    }
    };
    view! {
        <h1>"My notes"</h1>
        <p class="lede">{keeping}</p>
        <KeepingNotice/>
        <SetAside status=status/>
        <NotesToolbar status=status/>
        <Status message=status/>
        <div class="notes-search no-print">
            <label for="notes-query">"Search your notes"</label>
            <input id="notes-query" type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
        </div>
        <NoteList query=query/>
        <Answers/>
    }
}

/// Export, import and print.
#[component]
fn NotesToolbar(status: RwSignal<String>) -> impl IntoView {
    let work = use_work();
    let export_md = move |_| {
        let ok = browser::download(&format!("ashraf3-notes-{}.md", today()), "text/markdown", &markdown(work));
        status.set(
            if ok { "Markdown file made: it is in your downloads." } else { "This browser could not make the file." }
                .into(),
        );
    };
    let export_json = move |pack: bool| {
        let json = work.data.with_untracked(|w| match pack {
            false => notes::to_json(w, now()),
            true => notes::to_json(&notes::Workspace { sources: w.sources.clone(), ..Default::default() }, now()),
        });
        let name = if pack { "ashraf3-sources" } else { "ashraf3-notes" };
        let ok = browser::download(&format!("{name}-{}.json", today()), "application/json", &json);
        status.set(
            if ok { "JSON file made: it is in your downloads." } else { "This browser could not make the file." }
                .into(),
        );
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            let message = match text.map(|t| notes::from_json(&t)) {
                None => "This file could not be read. Your notes are unchanged.".to_string(),
                Some(Err(e)) => format!("{e} Your notes are unchanged."),
                Some(Ok(incoming)) => {
                    let summary = work.data.with_untracked(|w| notes::merge(w, &incoming)).summary();
                    work.change(Change::Import(incoming));
                    summary
                }
            };
            status.set(message);
        });
    };
    view! {
        <div class="notes-toolbar no-print">
            <button type="button" on:click=export_md>"Export as Markdown"</button>
            <button type="button" on:click=move |_| export_json(false)>"Export as JSON"</button>
            <button type="button" on:click=move |_| export_json(true)>"Export sources only (a source pack)"</button>
            <label class="import">
                "Import a JSON export "
                <input type="file" accept=".json,application/json" on:change=import/>
            </label>
            <button type="button" on:click=move |_| browser::print()>"Print"</button>
        </div>
    }
}

/// Saved data that could not be read, each piece set aside with its time: offered for
/// download, removed only when the student dismisses it.
#[component]
fn SetAside(status: RwSignal<String>) -> impl IntoView {
    let work = use_work();
    view! {
        <Show when=move || work.set_aside.with(|l| !l.is_empty())>
            <section class="notice set-aside" aria-labelledby="set-aside">
                <h2 id="set-aside">"Saved data set aside"</h2>
                <p>"These were saved in this browser but could not be read, so they were set aside, not deleted. Download each to keep it or to ask for help; dismiss it once you have it."</p>
                <ul>
                    {move || work.set_aside.get().into_iter().map(|(key, aside)| {
                        let when = if aside.at > 0.0 {
                            format!("Set aside {}", String::from(js_sys::Date::new(&aside.at.into()).to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)))
                        } else {
                            "Set aside by an earlier version".to_string()
                        };
                        let name = aside.file_name(&key);
                        let data = aside.data.clone();
                        let dismiss_key = key.clone();
                        view! {
                            <li>
                                <p><strong>{when}</strong> ": " {aside.why.clone()}</p>
                                <button type="button" on:click=move |_| {
                                    if browser::download(&name, "text/plain", &data) {
                                        status.set("The set-aside data was downloaded as it was saved.".into());
                                    }
                                }>"Download"</button>
                                " "
                                <button type="button" on:click=move |_| work.dismiss_set_aside(&dismiss_key)>"Dismiss"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// The notes, grouped by document in corpus order, filtered by the search.
#[component]
fn NoteList(query: RwSignal<String>) -> impl IntoView {
    let work = use_work();
    let groups = move || {
        let q = query.get();
        work.data.with(|w| {
            let found: Vec<Note> = notes::search(w, &q).into_iter().cloned().collect();
            let of = |keep: &dyn Fn(&Note) -> bool| found.iter().filter(|n| keep(n)).cloned().collect::<Vec<_>>();
            // An import may bring notes on documents this build does not bundle: kept and shown.
            let unknown = of(&|n| corpus::document(&n.anchor.doc).is_none() && w.source(&n.anchor.doc).is_none());
            let added = w.sources.iter().map(|s| {
                (s.id.clone(), format!("{} (added by you)", s.provenance.title), of(&|n| n.anchor.doc == s.id))
            });
            corpus::documents()
                .iter()
                .map(|d| (d.id.to_string(), d.title.to_string(), of(&|n| n.anchor.doc == d.id)))
                .chain(added)
                .chain(std::iter::once((
                    "other".to_string(),
                    "Notes on documents this companion does not bundle".to_string(),
                    unknown,
                )))
                .filter(|(_, _, n)| !n.is_empty())
                .collect::<Vec<_>>()
        })
    };
    let empty = move || {
        if work.data.with(|w| w.notes.is_empty()) {
            "No notes yet. In the reader, select words in a paragraph and press “Note on selection”, or press “Add a note” under any paragraph."
        } else {
            "No note matches this search."
        }
    };
    view! {
        <Show when=move || !groups().is_empty() fallback=move || view! { <p class="hint">{empty}</p> }>
            {move || groups().into_iter().map(|(id, title, list)| view! {
                <section class="notes-group" aria-labelledby=format!("notes-{id}")>
                    <h2 id=format!("notes-{id}")>{title}</h2>
                    <ul class="note-list">
                        {list.into_iter().map(|n| view! { <li><NoteItem note=n/></li> }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </Show>
    }
}

#[component]
fn NoteItem(note: Note) -> impl IntoView {
    let work = use_work();
    let quote = if note.anchor.quote.is_empty() {
        "(the whole paragraph)".to_string()
    } else {
        format!("“{}”", note.anchor.quote)
    };
    let here = corpus::document(&note.anchor.doc).is_some()
        || work.data.with_untracked(|w| w.source(&note.anchor.doc).is_some());
    let link = here.then(|| {
        view! { <a href=route::any_passage_href(&note.anchor.doc, &note.anchor.block)>"Read the passage"</a> }
    });
    let id = note.id.clone();
    view! {
        <blockquote>{quote}</blockquote>
        <p class="note-text">{note.text}</p>
        <p class="note-actions">
            {link}
            <button type="button" class="no-print" on:click=move |_| { work.deleted.remove(work, &id); }>"Delete"</button>
        </p>
    }
}

/// The answers to the guided questions, in the questions' order, so the page (and its print)
/// is the whole of the student's work.
#[component]
fn Answers() -> impl IntoView {
    let work = use_work();
    let answered = move || {
        work.data.with(|w| {
            QUESTIONS
                .iter()
                .filter_map(|q| {
                    w.answer(q.id).filter(|a| !a.text.trim().is_empty() || a.estimate.is_some()).map(|a| (q, a.clone()))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="answers" aria-labelledby="answers">
            <h2 id="answers">"Answers to the guided questions"</h2>
            <p>
                <a href=route::questions_href()>{move || format!("{} of {} questions answered", answered().len(), QUESTIONS.len())}</a>
            </p>
            <ol class="answer-list">
                {move || answered().into_iter().map(|(q, a)| view! {
                    <li>
                        <p class="prompt">{q.prompt}</p>
                        {a.estimate.map(|n| view! { <p>"Estimate: " {group(n)}</p> })}
                        <p class="note-text">{a.text}</p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
