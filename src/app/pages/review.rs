//! Reviewing hand-ins on the teacher's page: many files opened at once or dropped, read into
//! one table (`analysis::assignment::review`): a row per student, a column per question, each
//! answer in full with the student's estimates and notes, sortable by name, a missing answer
//! said as such, and a view of one question with every student's answer together; exported as
//! CSV. Files for another assignment or version, duplicates and files that are not hand-ins
//! are listed apart with their reason. Nothing leaves the browser, and nothing is kept once
//! the tab closes unless the teacher keeps the review in this browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::assignment::review::{self, Expected, Review, Row};
use crate::analysis::assignment::Assignment;
use crate::analysis::figures::group;
use crate::app::browser;
use crate::app::components::status::Status;
use crate::app::pages::assignment::prompt;

fn kept_key(assignment: &Option<Assignment>) -> String {
    format!("ashraf3-companion.review.{}", assignment.as_ref().map_or("any", |a| a.id.as_str()))
}

/// The files a file input or a drop holds.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default()
}

#[component]
pub fn ReviewPanel(assignment: Option<Assignment>) -> impl IntoView {
    let files = RwSignal::new(Vec::<(String, String)>::new());
    let status = RwSignal::new(String::new());
    let ascending = RwSignal::new(true);
    let focus = RwSignal::new(String::new());
    let key = kept_key(&assignment);
    let for_review = StoredValue::new(assignment.clone());
    let table = Memo::new(move |_| {
        files.with(|f| {
            for_review.with_value(|a| match a {
                Some(a) => review::review(Expected::Assignment { assignment: a, prompt: &prompt }, f),
                None => review::review(Expected::FirstFile, f),
            })
        })
    });
    {
        let key = key.clone();
        Effect::new(move |_| {
            if let Some(kept) = browser::storage_get(&key) {
                let kept = review::files_from_json(&kept);
                status.set(format!("The review kept in this browser is open again ({} files).", kept.len()));
                files.set(kept);
            }
        });
    }
    let read = move |list: Vec<web_sys::File>| {
        if list.is_empty() {
            return;
        }
        let started = js_sys::Date::now();
        status.set(format!("Reading {} files…", list.len()));
        wasm_bindgen_futures::spawn_local(async move {
            let mut read = Vec::with_capacity(list.len());
            for file in list {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
                read.push((file.name(), text.unwrap_or_default()));
            }
            let count = read.len();
            files.update(|f| f.extend(read));
            let (rows, aside) = table.with_untracked(|t| (t.rows.len(), t.set_aside.len()));
            // Measured once the table is drawn, on the next frame.
            gloo_timers::future::TimeoutFuture::new(0).await;
            status.set(format!(
                "{count} files read in {} ms: {rows} students in the table, {aside} files set aside.",
                (js_sys::Date::now() - started).round()
            ));
        });
    };
    let on_input = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        read(files_of(input.as_ref().and_then(|i| i.files())));
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let list = js_sys::Reflect::get(&ev, &"dataTransfer".into())
            .and_then(|dt| js_sys::Reflect::get(&dt, &"files".into()))
            .ok()
            .and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
        read(files_of(list));
    };
    let keep_key = key.clone();
    let keep = move |_| {
        let ok = browser::storage_set(&keep_key, &review::files_to_json(&files.get_untracked()));
        status.set(
            if ok {
                "This review is kept in this browser: it opens again with this page’s link."
            } else {
                "This browser could not keep the review (storage is blocked or full)."
            }
            .into(),
        );
    };
    let forget = move |_| {
        browser::storage_remove(&key);
        files.set(Vec::new());
        status.set("The review is cleared, and nothing of it is kept in this browser.".into());
    };
    let csv = move |_| {
        let (text, name) = table.with_untracked(|t| {
            let name = t.assignment.as_ref().map_or("review".to_string(), |(id, v, _)| format!("review-{id}-v{v}"));
            (review::to_csv(t), format!("{name}.csv"))
        });
        let ok = browser::download(&name, "text/csv", &text);
        status.set(
            if ok { "CSV file made: it is in your downloads." } else { "This browser could not make the file." }.into(),
        );
    };
    let about = match &assignment {
        Some(a) => format!("Hand-ins for “{}”, version {}. Files for another assignment or version are set aside.", a.title, a.version),
        None => "Open this page with an assignment’s teacher link to check the files against it; without one, the first hand-in read decides which assignment the table is for.".into(),
    };
    view! {
        <section class="review" aria-labelledby="review">
            <h2 id="review">"Review hand-ins"</h2>
            <p>{about}</p>
            <p class="hint">"The files are read in this browser only: nothing is sent anywhere, and the table is gone when this tab closes unless you keep it here."</p>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for="hand-in-files">"Open hand-in files (JSON), as many as you like, or drop them here"</label>
                <input id="hand-in-files" type="file" multiple accept=".json,application/json" on:change=on_input/>
            </div>
            <Status message=status/>
            <SetAsideList table=table/>
            <Show when=move || table.with(|t| !t.rows.is_empty())>
                <div class="notes-toolbar no-print">
                    <button type="button" on:click=csv>"Export the table as CSV"</button>
                    <button type="button" on:click=keep.clone()>"Keep this review in this browser"</button>
                    <button type="button" on:click=forget.clone()>"Clear the review"</button>
                </div>
                <label for="review-focus">"Show"</label>
                <select id="review-focus" prop:value=move || focus.get() on:change=move |ev| focus.set(event_target_value(&ev))>
                    <option value="">"Every question, one row per student"</option>
                    {move || table.with(|t| t.columns.iter().enumerate().map(|(i, c)| view! {
                        <option value=c.key.clone()>{format!("Question {}: {}", i + 1, c.prompt)}</option>
                    }).collect_view())}
                </select>
                {move || {
                    let key = focus.get();
                    if key.is_empty() {
                        view! { <ReviewTable table=table ascending=ascending/> }.into_any()
                    } else {
                        view! { <OneQuestion table=table key=key ascending=ascending/> }.into_any()
                    }
                }}
            </Show>
        </section>
    }
}

#[component]
fn SetAsideList(table: Memo<Review>) -> impl IntoView {
    view! {
        <Show when=move || table.with(|t| !t.set_aside.is_empty())>
            <section class="notice set-aside" aria-labelledby="set-aside-files">
                <h3 id="set-aside-files">{move || format!("Set aside ({}), not in the table", table.with(|t| t.set_aside.len()))}</h3>
                <ul>
                    {move || table.with(|t| t.set_aside.iter().map(|s| view! { <li><strong>{s.file.clone()}</strong>": "{s.why.clone()}</li> }).collect_view())}
                </ul>
            </section>
        </Show>
    }
}

fn sorted(t: &Review, ascending: bool) -> Vec<Row> {
    let mut rows = t.rows.clone();
    if !ascending {
        rows.reverse();
    }
    rows
}

fn answer_view(a: &Option<crate::analysis::assignment::handin::HandedAnswer>) -> AnyView {
    match a {
        None => view! { <span class="missing">"No answer"</span> }.into_any(),
        Some(a) => view! {
            {a.estimate.map(|e| view! { <p class="estimate">"Estimate: " {group(e)}</p> })}
            <p class="note-text">{a.text.clone()}</p>
        }
        .into_any(),
    }
}

/// Rows drawn per task: 200 hand-ins drawn at once would hold the page for half a second, so
/// the table grows by this many rows a task, and the page answers input in between.
const ROWS_PER_TASK: usize = 25;

#[component]
fn ReviewTable(table: Memo<Review>, ascending: RwSignal<bool>) -> impl IntoView {
    let sort = move || if ascending.get() { "ascending" } else { "descending" };
    let rows = Memo::new(move |_| table.with(|t| sorted(t, ascending.get())));
    let shown = RwSignal::new(ROWS_PER_TASK);
    Effect::new(move |_| {
        if shown.get() < rows.with(Vec::len) {
            gloo_timers::callback::Timeout::new(0, move || {
                shown.try_update(|s| *s += ROWS_PER_TASK);
            })
            .forget();
        }
    });
    view! {
        <div class="review-scroll" tabindex="0" role="region" aria-labelledby="review-caption">
            <table class="review-table">
                <caption id="review-caption">{move || table.with(|t| format!("{} hand-ins, one row per student", t.rows.len()))}</caption>
                <thead>
                    <tr>
                        <th scope="col" aria-sort=sort>
                            <button type="button" on:click=move |_| ascending.update(|a| *a = !*a)>
                                "Student" <span aria-hidden="true">{move || if ascending.get() { " ▲" } else { " ▼" }}</span>
                            </button>
                        </th>
                        {move || table.with(|t| t.columns.iter().enumerate().map(|(i, c)| view! {
                            <th scope="col">{format!("Question {}", i + 1)}<span class="column-prompt">{c.prompt.clone()}</span></th>
                        }).collect_view())}
                        <th scope="col">"Notes"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                        key=|row| row.student.clone()
                        children=|row| view! { <ReviewRow row=row/> }
                    />
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ReviewRow(row: Row) -> impl IntoView {
    let notes = row.notes.len();
    let missing = row.missing();
    view! {
        <tr>
            <th scope="row">{row.student.clone()}{(missing > 0).then(|| view! { <span class="missing">{format!(" ({missing} missing)")}</span> })}</th>
            {row.answers.iter().map(|a| view! { <td>{answer_view(a)}</td> }).collect_view()}
            <td>
                {(notes > 0).then(|| view! {
                    <details>
                        <summary>{format!("{notes} notes")}</summary>
                        <ul>{row.notes.iter().map(|n| view! { <li><q>{n.anchor.quote.clone()}</q>" "{n.text.clone()}</li> }).collect_view()}</ul>
                    </details>
                })}
            </td>
        </tr>
    }
}

/// One question with every student's answer together.
#[component]
fn OneQuestion(table: Memo<Review>, key: String, ascending: RwSignal<bool>) -> impl IntoView {
    move || {
        table.with(|t| {
            let Some(at) = t.columns.iter().position(|c| c.key == key) else {
                return ().into_any();
            };
            let answered = t.rows.iter().filter(|r| r.answers[at].is_some()).count();
            view! {
                <section class="one-question" aria-labelledby="one-question">
                    <h3 id="one-question">{format!("Question {}", at + 1)}</h3>
                    <p class="prompt">{t.columns[at].prompt.clone()}</p>
                    <p>{format!("{answered} of {} students answered.", t.rows.len())}</p>
                    <dl>
                        {sorted(t, ascending.get()).into_iter().map(|r| view! {
                            <dt>{r.student.clone()}</dt>
                            <dd>{answer_view(&r.answers[at])}</dd>
                        }).collect_view()}
                    </dl>
                </section>
            }
            .into_any()
        })
    }
}
