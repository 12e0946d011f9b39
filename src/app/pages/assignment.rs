//! The student's side of an assignment: the page opens the assignment its link holds
//! (`assignment/?a=…`, see `analysis::assignment::link`) and shows its title, instructions
//! and questions in the teacher's order, each with its links and a box for the answer. The
//! answers are kept like the guided questions' (saved in this browser, change by change),
//! under the assignment's own keys, so two assignments never mix. Handing in asks for the
//! student's name, then exports the JSON file the teacher's review reads, Markdown to read,
//! or prints.

use leptos::prelude::*;

use crate::analysis::assignment::handin::HandIn;
use crate::analysis::assignment::{link, Assignment, Item, Target};
use crate::analysis::figures::{group, parse_estimate};
use crate::analysis::notes::{self, MarkdownContext};
use crate::app::browser;
use crate::app::components::status::Status;
use crate::app::components::title::use_page_title;
use crate::app::workspace::{now, use_work, KeepingNotice};
use crate::corpus::{self, CLAIMS, QUANTITIES, QUESTIONS};
use crate::model::Question;
use crate::route;

/// The student's name is asked once per browser, and offered again for the next hand-in.
const NAME_KEY: &str = "ashraf3-companion.student-name";

/// What a teacher's link points to: its label and its address in the companion.
pub fn target_link(t: &Target) -> (String, String) {
    let doc = |d: &str| corpus::document(d).map_or_else(|| d.to_string(), |x| x.short_title.to_string());
    match t {
        Target::Passage { doc: d, block } => (format!("{}, paragraph {block}", doc(d)), route::passage_href(d, block)),
        Target::Document(d) => (doc(d), route::read_href(d)),
        Target::Claim(c) => {
            let text = CLAIMS.iter().find(|x| x.id == c).map_or_else(|| c.clone(), |x| x.text.to_string());
            (format!("Claim: {text}"), route::claim_href(c))
        }
        Target::Quantity(q) => {
            let label = QUANTITIES.iter().find(|x| x.id == q).map_or_else(|| q.clone(), |x| x.label.to_string());
            (format!("Figures: {label}"), route::figures_href(Some(q)))
        }
        Target::Compare(a, b) => (format!("{} beside {}", doc(a), doc(b)), route::compare_href(Some(a), Some(b))),
        Target::Lineage => ("How the documents relate".into(), route::lineage_href(None)),
    }
}

pub fn guided(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// An item's prompt as the student reads it.
pub fn prompt(item: &Item) -> String {
    match item {
        Item::Guided(id) => guided(id)
            .map_or_else(|| format!("(A guided question this companion does not have: {id})"), |q| q.prompt.into()),
        Item::Own(q) => q.prompt.clone(),
    }
}

/// An item's links: a guided question's own, or the teacher's.
fn links(item: &Item) -> Vec<(String, String)> {
    match item {
        Item::Guided(id) => guided(id)
            .map(|q| q.links.iter().map(|l| (l.label.to_string(), super::questions::link_href(&l.target))).collect())
            .unwrap_or_default(),
        Item::Own(q) => q.links.iter().map(target_link).collect(),
    }
}

#[component]
pub fn AssignmentPage(code: Option<String>) -> impl IntoView {
    let assignment = code.as_deref().map(link::decode);
    let title = match &assignment {
        Some(Ok(a)) => a.title.clone(),
        _ => "Assignment".to_string(),
    };
    use_page_title(move || title.clone());
    match assignment {
        // The page as written at build time: the query (the assignment) follows.
        None => view! {
            <h1>"Assignment"</h1>
            <p class="lede">"This page shows an assignment your teacher made as a link. Open the link exactly as you were given it, from your course page or message."</p>
        }
        .into_any(),
        Some(Err(e)) => view! {
            <h1>"Assignment"</h1>
            <p class="notice" role="alert">{e.to_string()}</p>
            <p><a href=route::questions_href()>"The guided questions"</a>" are open to everyone."</p>
        }
        .into_any(),
        Some(Ok(a)) => view! { <Assigned assignment=a/> }.into_any(),
    }
}

#[component]
fn Assigned(assignment: Assignment) -> impl IntoView {
    let a = StoredValue::new(assignment.clone());
    let items = assignment
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| view! { <li><AssignedQuestion assignment=a item=item.clone() number=n + 1/></li> })
        .collect_view();
    view! {
        <h1>{assignment.title.clone()}</h1>
        <p class="assignment-meta">
            {format!("Assignment, version {}", assignment.version)}
            {(!assignment.due.trim().is_empty()).then(|| format!(" · Due: {}", assignment.due))}
        </p>
        {(!assignment.instructions.trim().is_empty()).then(|| view! { <p class="assignment-instructions">{assignment.instructions.clone()}</p> })}
        <p class="hint">"Your answers are saved in this browser as you type, apart from your other work; nothing is sent anywhere. Hand them in below."</p>
        <KeepingNotice/>
        <ol class="questions">{items}</ol>
        <HandInPanel assignment=a/>
    }
}

#[component]
fn AssignedQuestion(assignment: StoredValue<Assignment>, item: Item, number: usize) -> impl IntoView {
    let work = use_work();
    let key = assignment.with_value(|a| a.answer_key(&item));
    let field = format!("answer-{number}");
    let (heading, labelled) = (format!("assigned-{number}"), format!("assigned-{number}"));
    let text = {
        let key = key.clone();
        move || work.data.with(|w| w.answer(&key).map(|a| a.text.clone()).unwrap_or_default())
    };
    let predict = match &item {
        Item::Guided(id) if assignment.with_value(|a| a.estimates_first) => guided(id).and_then(|q| q.predict),
        _ => None,
    };
    let estimate = predict.map(|q| view! { <AssignedEstimate key=key.clone() quantity=q number=number/> });
    let links =
        links(&item).into_iter().map(|(label, href)| view! { <li><a href=href>{label}</a></li> }).collect_view();
    let save_key = key.clone();
    view! {
        <article class="question" aria-labelledby=labelled>
            <h2 id=heading>{format!("Question {number}")}</h2>
            <p class="prompt">{prompt(&item)}</p>
            {estimate}
            <ul class="question-links" aria-label=format!("Sources for question {number}")>{links}</ul>
            <label for=field.clone()>{format!("Your answer to question {number}")}</label>
            <textarea
                id=field
                rows="4"
                prop:value=text
                on:input=move |ev| {
                    work.answer(&save_key, Some(event_target_value(&ev)), None);
                }
            ></textarea>
        </article>
    }
}

/// The teacher asked for estimates before the figures: the estimate is asked here, and the
/// figures' link is offered once it is made.
#[component]
fn AssignedEstimate(key: String, quantity: &'static str, number: usize) -> impl IntoView {
    let work = use_work();
    let unit = QUANTITIES.iter().find(|q| q.id == quantity).map_or("", |q| q.unit);
    let key = StoredValue::new(key);
    let saved = move || key.with_value(|k| work.data.with(|w| w.answer(k).and_then(|a| a.estimate)));
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let field = format!("estimate-{number}");
    let save = move || match parse_estimate(&typed.get_untracked()) {
        Some(n) => {
            error.set(false);
            key.with_value(|k| work.answer(k, None, Some(Some(n))));
        }
        None => error.set(true),
    };
    view! {
        <div class="predict-ask">
            <Show
                when=move || saved().is_some()
                fallback=move || {
                    let field = field.clone();
                    view! {
                    <label for=field.clone()>{format!("Your estimate ({unit}), before you see the figures")}</label>
                    <input id=field.clone() type="text" inputmode="numeric" autocomplete="off" prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <button type="button" on:click=move |_| save()>{format!("Save my estimate for question {number}")}</button>
                    {move || error.get().then(|| view! { <p class="notice" role="alert">"Give a number, such as 1500."</p> })}
                    }
                }
            >
                <p>
                    {move || format!("Your estimate: {} {unit}. ", saved().map(group).unwrap_or_default())}
                    <a href=route::figures_href(Some(quantity))>"See the figures"</a>
                </p>
            </Show>
        </div>
    }
}

/// Today's date as a file or heading names it (YYYY-MM-DD).
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect()
}

#[component]
fn HandInPanel(assignment: StoredValue<Assignment>) -> impl IntoView {
    let work = use_work();
    let name = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(saved) = browser::storage_get(NAME_KEY) {
            name.set(saved);
        }
    });
    let status = RwSignal::new(String::new());
    let missing_name = RwSignal::new(false);
    let name_field = NodeRef::<leptos::html::Input>::new();
    let hand_in = move || -> Option<HandIn> {
        let student = name.get_untracked();
        if student.trim().is_empty() {
            missing_name.set(true);
            if let Some(input) = name_field.get_untracked() {
                let _ = input.focus();
            }
            return None;
        }
        missing_name.set(false);
        browser::storage_set(NAME_KEY, student.trim());
        Some(assignment.with_value(|a| work.data.with_untracked(|w| HandIn::new(a, &prompt, &student, w, now()))))
    };
    let said = move |ok: bool, what: &str| {
        status.set(if ok {
            format!("{what} made: it is in your downloads.")
        } else {
            "This browser could not make the file.".into()
        })
    };
    let json = move |_| {
        if let Some(h) = hand_in() {
            said(browser::download(&h.file_name("json"), "application/json", &h.to_json()), "Hand-in file");
        }
    };
    let markdown = move |_| {
        if let Some(h) = hand_in() {
            let code = link::encode(&assignment.get_value()).unwrap_or_default();
            let md = handin_markdown(&h, &browser::absolute(&route::assignment_href(&code)));
            said(browser::download(&h.file_name("md"), "text/markdown", &md), "Markdown file");
        }
    };
    let print = move |_| {
        if hand_in().is_some() {
            browser::print();
        }
    };
    view! {
        <section class="hand-in" aria-labelledby="hand-in">
            <h2 id="hand-in">"Hand in"</h2>
            <p>"The file for your teacher holds your answers to this assignment and your notes on passages, with your name. Upload it where your course page asks for it."</p>
            <label for="student-name">"Your name"</label>
            <input id="student-name" type="text" autocomplete="name" node_ref=name_field prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            {move || missing_name.get().then(|| view! { <p class="notice" role="alert">"Write your name first: your teacher needs it to tell the hand-ins apart."</p> })}
            <div class="notes-toolbar no-print">
                <button type="button" class="primary" on:click=json>"Download the hand-in for your teacher (JSON)"</button>
                <button type="button" on:click=markdown>"Download as Markdown"</button>
                <button type="button" on:click=print>"Print"</button>
            </div>
            <Status message=status/>
        </section>
    }
}

/// The hand-in as Markdown, through the notes' export: the same escaping, the same layout.
fn handin_markdown(h: &HandIn, assignment_link: &str) -> String {
    let title = h.markdown_title();
    let date = today();
    let doc_title = |d: &str| corpus::document(d).map_or_else(|| d.to_string(), |x| x.title.to_string());
    let passage = |an: &notes::Anchor| browser::absolute(&route::passage_href(&an.doc, &an.block));
    let question_prompt = |q: &str| h.answers.iter().find(|a| a.question == q).map(|a| a.prompt.clone());
    let question_link = |_: &str| Some(assignment_link.to_string());
    let ctx = MarkdownContext {
        title: &title,
        exported: &date,
        doc_title: &doc_title,
        passage_link: &passage,
        question_prompt: &question_prompt,
        question_link: &question_link,
    };
    notes::to_markdown(&h.as_workspace(), &ctx)
}
