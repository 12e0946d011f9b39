//! The teacher's page: compose an assignment (a title, instructions, guided questions chosen
//! and ordered, questions of the teacher's own with links into the companion, estimates
//! before the figures, a due date) into a link that holds all of it, with its embed snippet;
//! opened from such a link (`teacher/?a=…`) it edits that assignment (same id, next version)
//! and reviews its hand-ins (`review.rs`). Nothing is stored: the link is the assignment.

use leptos::prelude::*;

use super::assignment::{prompt, target_link};
use super::review::ReviewPanel;
use crate::analysis::assignment::link::{self, LinkError, MAX_CHARS};
use crate::analysis::assignment::{self, Assignment, Item, OwnQuestion, Target};
use crate::app::browser;
use crate::app::components::copy::copy_button;
use crate::app::components::status::Status;
use crate::app::components::title::use_page_title;
use crate::app::workspace::now;
use crate::corpus::{self, CLAIMS, QUANTITIES, QUESTIONS};
use crate::route;

/// What the composer holds, field by field.
#[derive(Clone, Copy)]
struct Draft {
    id: RwSignal<String>,
    title: RwSignal<String>,
    instructions: RwSignal<String>,
    due: RwSignal<String>,
    estimates_first: RwSignal<bool>,
    items: RwSignal<Vec<Item>>,
    /// The assignment the page was opened with: edits keep its id and raise its version.
    base: StoredValue<Option<Assignment>>,
}

impl Draft {
    fn new(base: Option<Assignment>) -> Draft {
        let b = base.clone().unwrap_or_default();
        Draft {
            id: RwSignal::new(b.id),
            title: RwSignal::new(b.title),
            instructions: RwSignal::new(b.instructions),
            due: RwSignal::new(b.due),
            estimates_first: RwSignal::new(b.estimates_first),
            items: RwSignal::new(b.items),
            base: StoredValue::new(base),
        }
    }

    fn assignment(self) -> Assignment {
        let mut a = Assignment {
            id: self.id.get(),
            version: 1,
            title: self.title.get().trim().to_string(),
            instructions: self.instructions.get().trim().to_string(),
            due: self.due.get().trim().to_string(),
            estimates_first: self.estimates_first.get(),
            items: self.items.get(),
        };
        if let Some(base) = self.base.get_value() {
            a.version = if (Assignment { version: base.version, ..a.clone() }) == base {
                base.version
            } else {
                base.version + 1
            };
        }
        a
    }
}

#[component]
pub fn Teacher(code: Option<String>) -> impl IntoView {
    use_page_title(|| "Assignments for teachers".to_string());
    let opened = code.as_deref().map(link::decode);
    let base = opened.as_ref().and_then(|r| r.as_ref().ok()).cloned();
    let draft = Draft::new(base.clone());
    // A new assignment's id is made in the browser, once (the page written at build time has none).
    Effect::new(move |_| {
        if draft.id.get_untracked().is_empty() {
            draft.id.set(assignment::new_id(now(), (js_sys::Math::random() * f64::from(u32::MAX)) as u32));
        }
    });
    let problem = opened.and_then(Result::err).map(|e| {
        view! { <p class="notice" role="alert">{format!("{e} A new assignment is started below instead.")}</p> }
    });
    let editing = base.as_ref().map(|b| {
        view! { <p class="hint">{format!("Editing “{}”, version {}: the new link keeps its id and is version {} once you change anything. Hand-ins of the old version stay readable with the old link.", b.title, b.version, b.version + 1)}</p> }
    });
    view! {
        <h1>"Assignments for teachers"</h1>
        <p class="lede">
            "Compose an assignment from the guided questions and your own, share it as a link (in a course page, a message or an embedded frame), then read every student’s hand-in in one table. There is no account and no server: the link holds the whole assignment, the students’ answers stay in their browsers until they hand in a file, and the review stays in this tab."
        </p>
        {problem}
        {editing}
        <Composer draft=draft/>
        <Output draft=draft/>
        <ReviewPanel assignment=base/>
    }
}

#[component]
fn Composer(draft: Draft) -> impl IntoView {
    view! {
        <section class="composer" aria-labelledby="compose">
            <h2 id="compose">"Compose"</h2>
            <label for="a-title">"Title"</label>
            <input id="a-title" type="text" prop:value=move || draft.title.get() on:input=move |ev| draft.title.set(event_target_value(&ev))/>
            <label for="a-instructions">"Instructions"</label>
            <textarea id="a-instructions" rows="3" prop:value=move || draft.instructions.get() on:input=move |ev| draft.instructions.set(event_target_value(&ev))></textarea>
            <label for="a-due">"Due (as students should read it, e.g. “Friday 12 March, 9:00”)"</label>
            <input id="a-due" type="text" prop:value=move || draft.due.get() on:input=move |ev| draft.due.set(event_target_value(&ev))/>
            <label class="setting">
                <input type="checkbox" prop:checked=move || draft.estimates_first.get() on:change=move |ev| draft.estimates_first.set(event_target_checked(&ev))/>
                " Ask for estimates before the figures are shown"
            </label>
            <ItemList draft=draft/>
            <AddGuided draft=draft/>
            <AddOwn draft=draft/>
        </section>
    }
}

#[component]
fn ItemList(draft: Draft) -> impl IntoView {
    let moved = move |from: usize, to: usize| draft.items.update(|v| v.swap(from, to));
    view! {
        <h3 id="chosen">"Questions in this assignment"</h3>
        <Show when=move || draft.items.with(|v| !v.is_empty()) fallback=|| view! { <p class="hint">"No questions yet: add guided questions or your own below."</p> }>
            <ol class="chosen" aria-labelledby="chosen">
                {move || {
                    let items = draft.items.get();
                    let count = items.len();
                    items.into_iter().enumerate().map(|(i, item)| {
                        let n = i + 1;
                        let kind = if matches!(item, Item::Guided(_)) { "Guided question" } else { "Your question" };
                        let links = match &item {
                            Item::Own(q) => q.links.iter().map(|t| view! { <li>{target_link(t).0}</li> }).collect_view().into_any(),
                            Item::Guided(_) => ().into_any(),
                        };
                        view! {
                            <li>
                                <p><strong>{kind}</strong>": "{prompt(&item)}</p>
                                <ul class="question-links">{links}</ul>
                                <div class="note-actions">
                                    <button type="button" disabled=i == 0 aria-label=format!("Move question {n} up") on:click=move |_| moved(i, i - 1)>"Up"</button>
                                    <button type="button" disabled=n == count aria-label=format!("Move question {n} down") on:click=move |_| moved(i, i + 1)>"Down"</button>
                                    <button type="button" aria-label=format!("Remove question {n}") on:click=move |_| draft.items.update(|v| { v.remove(i); })>"Remove"</button>
                                </div>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </Show>
    }
}

#[component]
fn AddGuided(draft: Draft) -> impl IntoView {
    let chosen = RwSignal::new(QUESTIONS.first().map(|q| q.id.to_string()).unwrap_or_default());
    let add = move |_| {
        let id = chosen.get_untracked();
        draft.items.update(|v| {
            if !v.contains(&Item::Guided(id.clone())) {
                v.push(Item::Guided(id));
            }
        });
    };
    let options = QUESTIONS.iter().map(|q| view! { <option value=q.id>{q.prompt}</option> }).collect_view();
    view! {
        <div class="add-guided">
            <label for="a-guided">"A guided question"</label>
            <select id="a-guided" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
            <button type="button" on:click=add>"Add the guided question"</button>
        </div>
    }
}

/// Where a teacher's link can point, picked from lists of what the companion holds.
#[component]
fn AddOwn(draft: Draft) -> impl IntoView {
    let prompt_text = RwSignal::new(String::new());
    let links = RwSignal::new(Vec::<Target>::new());
    let kind = RwSignal::new("passage".to_string());
    let first_doc = corpus::documents().first().map(|d| d.id.to_string()).unwrap_or_default();
    let doc = RwSignal::new(first_doc.clone());
    let other = RwSignal::new(corpus::documents().get(1).map(|d| d.id.to_string()).unwrap_or_default());
    let block = RwSignal::new(String::new());
    let claim = RwSignal::new(CLAIMS.first().map(|c| c.id.to_string()).unwrap_or_default());
    let quantity = RwSignal::new(QUANTITIES.first().map(|q| q.id.to_string()).unwrap_or_default());
    let error = RwSignal::new(None::<&'static str>);
    let documents: Vec<(String, String)> =
        corpus::documents().iter().map(|d| (d.id.to_string(), d.short_title.to_string())).collect();
    let blocks = Signal::derive(move || {
        corpus::document(&doc.get())
            .map(|d| {
                let words = |text: &str| text.chars().take(70).collect::<String>();
                d.blocks.iter().map(|b| (b.id.to_string(), format!("{}: {}…", b.id, words(b.text)))).collect()
            })
            .unwrap_or_default()
    });
    let add_link = move |_| {
        // The paragraph shown as chosen: the one picked, if this document has it, or its first.
        let chosen_block = || {
            let d = corpus::document(&doc.get_untracked())?;
            let picked = d.blocks.iter().find(|b| b.id == block.get_untracked());
            picked.or(d.blocks.first()).map(|b| b.id.to_string())
        };
        let target = match kind.get_untracked().as_str() {
            "passage" => Target::Passage { doc: doc.get_untracked(), block: chosen_block().unwrap_or_default() },
            "document" => Target::Document(doc.get_untracked()),
            "claim" => Target::Claim(claim.get_untracked()),
            "quantity" => Target::Quantity(quantity.get_untracked()),
            "compare" => Target::Compare(doc.get_untracked(), other.get_untracked()),
            _ => Target::Lineage,
        };
        links.update(|l| {
            if !l.contains(&target) {
                l.push(target);
            }
        });
    };
    let add_question = move |_| {
        let text = prompt_text.get_untracked();
        if text.trim().is_empty() {
            error.set(Some("Write the question’s prompt first."));
            return;
        }
        error.set(None);
        draft.items.update(|v| {
            // Keys stay unique through removals and reorders: one more than the largest in use.
            let next = v
                .iter()
                .filter_map(|i| match i {
                    Item::Own(q) => q.key.trim_start_matches('c').parse::<u32>().ok(),
                    Item::Guided(_) => None,
                })
                .max()
                .map_or(1, |n| n + 1);
            v.push(Item::Own(OwnQuestion {
                key: format!("c{next}"),
                prompt: text.trim().to_string(),
                links: links.get_untracked(),
            }));
        });
        prompt_text.set(String::new());
        links.set(Vec::new());
    };
    let shows = move |kinds: &'static [&'static str]| Signal::derive(move || !kinds.contains(&kind.get().as_str()));
    let kinds: Vec<(String, String)> = [
        ("passage", "A passage"),
        ("document", "A document"),
        ("claim", "A claim"),
        ("quantity", "A quantity’s figures"),
        ("compare", "Two documents side by side"),
        ("lineage", "How the documents relate"),
    ]
    .map(|(v, label)| (v.to_string(), label.to_string()))
    .into();
    let claims: Vec<(String, String)> = CLAIMS.iter().map(|c| (c.id.to_string(), c.text.to_string())).collect();
    let quantities: Vec<(String, String)> =
        QUANTITIES.iter().map(|q| (q.id.to_string(), q.label.to_string())).collect();
    view! {
        <fieldset class="add-own">
            <legend>"A question of your own"</legend>
            <label for="a-own-prompt">"Your question"</label>
            <textarea id="a-own-prompt" rows="2" prop:value=move || prompt_text.get() on:input=move |ev| prompt_text.set(event_target_value(&ev))></textarea>
            <Pick id="a-link-kind" label="Link it to" value=kind options=kinds hidden=Signal::stored(false)/>
            <Pick id="a-link-doc" label="Document" value=doc options=documents.clone() hidden=shows(&["passage", "document", "compare"])/>
            <Pick id="a-link-block" label="Paragraph" value=block options=blocks hidden=shows(&["passage"])/>
            <Pick id="a-link-other" label="Beside" value=other options=documents hidden=shows(&["compare"])/>
            <Pick id="a-link-claim" label="Claim" value=claim options=claims hidden=shows(&["claim"])/>
            <Pick id="a-link-quantity" label="Quantity" value=quantity options=quantities hidden=shows(&["quantity"])/>
            <button type="button" on:click=add_link>"Add the link"</button>
            <ul class="question-links" aria-label="Links of your question">
                {move || links.get().into_iter().enumerate().map(|(i, t)| {
                    let label = target_link(&t).0;
                    view! {
                        <li>
                            {label.clone()} " "
                            <button type="button" aria-label=format!("Remove the link to {label}") on:click=move |_| links.update(|l| { l.remove(i); })>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <p class="notice" role="alert">{e}</p> })}
            <button type="button" on:click=add_question>"Add your question"</button>
        </fieldset>
    }
}

/// One choice of a question's link (its kind, a document, a paragraph, a claim…): a labelled
/// list of `(value, label)` options, hidden while the chosen kind of link does not use it.
#[component]
fn Pick(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    hidden: Signal<bool>,
) -> impl IntoView {
    view! {
        <div hidden=hidden>
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(v, text)| {
                    let picked = v.clone();
                    view! { <option value=v selected=move || value.get() == picked>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The link, its length against the limit, the embed snippet and the link to edit it later.
#[component]
fn Output(draft: Draft) -> impl IntoView {
    let code = Memo::new(move |_| link::encode(&draft.assignment()));
    let status = RwSignal::new(String::new());
    let student_link = move || code.get().map(|c| browser::absolute(&route::assignment_href(&c))).unwrap_or_default();
    let edit_link = move || code.get().map(|c| browser::absolute(&route::teacher_href(Some(&c)))).unwrap_or_default();
    let snippet = move || {
        code.get()
            .map(|c| {
                let src = browser::absolute(&crate::route::href(&route::Route {
                    view: route::View::Assignment { code: Some(c) },
                    embed: true,
                }));
                route::iframe_snippet(&src, &draft.title.get())
            })
            .unwrap_or_default()
    };
    let size = move || match code.get() {
        Ok(c) => format!("{} of {MAX_CHARS} characters used ({} left).", c.len(), MAX_CHARS - c.len()),
        Err(LinkError::TooLong(n)) => format!("{n} of {MAX_CHARS} characters: too long by {}.", n - MAX_CHARS),
        Err(_) => {
            format!("At most {MAX_CHARS} characters: a link this long passes course platforms and mail unharmed.")
        }
    };
    let problem = move || match code.get() {
        Ok(_) => None,
        Err(LinkError::TooLong(_)) => Some(
            "This assignment is too long for a link. Shorten the instructions or the prompts, or make two assignments."
                .to_string(),
        ),
        Err(LinkError::Invalid(why)) => Some(format!("No link yet: {why}.")),
        Err(e) => Some(e.to_string()),
    };
    view! {
        <section class="assignment-output" aria-labelledby="share">
            <h2 id="share">"Share"</h2>
            <p id="link-size">{size}</p>
            {move || problem().map(|p| view! { <p class="notice" role="status">{p}</p> })}
            <Show when=move || code.with(Result::is_ok)>
                <label for="a-link">"The assignment’s link, for students"</label>
                <textarea id="a-link" readonly rows="3" aria-describedby="link-size" prop:value=student_link></textarea>
                {copy_button("Copy the link", Signal::derive(student_link), status)}
                " "
                <a href=move || code.get().map(|c| route::assignment_href(&c)).unwrap_or_default() target="_blank" rel="noopener">"Open it as a student"</a>
                <label for="a-embed">"To embed it in a course page"</label>
                <textarea id="a-embed" readonly rows="4" prop:value=snippet></textarea>
                {copy_button("Copy the embed code", Signal::derive(snippet), status)}
                <label for="a-edit">"Keep this link to edit the assignment or review its hand-ins later (it is not stored anywhere else)"</label>
                <textarea id="a-edit" readonly rows="3" prop:value=edit_link></textarea>
                {copy_button("Copy the teacher’s link", Signal::derive(edit_link), status)}
            </Show>
            <Status message=status/>
        </section>
    }
}
