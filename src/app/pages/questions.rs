//! The guided questions the instructor set (`questions.toml`), grouped by section, each with
//! the passages, claims and figures it points to and a field for the student's answer, saved
//! like the notes. A question that asks for a prediction sends the student to the figure's
//! page, which asks for the estimate before it shows the values.

use leptos::prelude::*;

use crate::analysis::figures::group;
use crate::app::components::hash_target::use_hash_target;
use crate::app::components::title::use_page_title;
use crate::app::workspace::{use_work, KeepingNotice};
use crate::corpus::QUESTIONS;
use crate::model::{LinkTarget, Question};
use crate::route;

pub fn link_href(t: &LinkTarget) -> String {
    match t {
        LinkTarget::Passage { doc, block } => route::passage_href(doc, block),
        LinkTarget::Document(d) => route::read_href(d),
        LinkTarget::Claim(c) => route::claim_href(c),
        LinkTarget::Quantity(q) => route::figures_href(Some(q)),
        LinkTarget::Compare(a, b) => route::compare_href(Some(a), Some(b)),
        LinkTarget::Lineage => route::lineage_href(None),
    }
}

#[component]
pub fn Questions() -> impl IntoView {
    use_page_title(|| "Guided questions".to_string());
    let _ = use_hash_target(None);
    let mut sections: Vec<&'static str> = Vec::new();
    for q in QUESTIONS {
        if !sections.contains(&q.section) {
            sections.push(q.section);
        }
    }
    let mut number = 0;
    let body = sections
        .into_iter()
        .map(|s| {
            let items = QUESTIONS
                .iter()
                .filter(|q| q.section == s)
                .map(|q| {
                    number += 1;
                    view! { <li><QuestionItem question=q number=number/></li> }
                })
                .collect_view();
            view! { <section class="question-section"><h2>{s}</h2><ol class="questions">{items}</ol></section> }
        })
        .collect_view();
    view! {
        <h1>"Guided questions"</h1>
        <p class="lede">
            "Questions for reading the five documents as sources. Your answers are saved with your notes, in this browser only; "
            <a href=route::notes_href()>"My notes"</a>
            " exports both, to hand in."
        </p>
        <p class="hint no-print">
            "Teaching with the companion? "
            <a href=route::teacher_href(None)>"Make an assignment"</a>
            " from these questions and your own, and review your students’ hand-ins."
        </p>
        <KeepingNotice/>
        {body}
    }
}

#[component]
fn QuestionItem(question: &'static Question, number: usize) -> impl IntoView {
    let work = use_work();
    let field = format!("answer-{}", question.id);
    let (heading, labelled) = (format!("question-{}", question.id), format!("question-{}", question.id));
    let text = move || work.data.with(|w| w.answer(question.id).map(|a| a.text.clone()).unwrap_or_default());
    let estimate = move || work.data.with(|w| w.answer(question.id).and_then(|a| a.estimate));
    let links =
        question.links.iter().map(|l| view! { <li><a href=link_href(&l.target)>{l.label}</a></li> }).collect_view();
    let predict = question.predict.map(|q| {
        view! {
            <p class="predict-ask">
                {move || match estimate() {
                    Some(n) => format!("Your estimate: {}. ", group(n)),
                    None => "This question asks for your estimate before you see the figures. ".to_string(),
                }}
                <a href=route::predict_href(q)>{move || if estimate().is_some() { "See the figures" } else { "Make your estimate" }}</a>
            </p>
        }
    });
    view! {
        <article class="question" id=route::question_anchor(question.id) aria-labelledby=labelled>
            <h3 id=heading>{format!("Question {number}")}</h3>
            <p class="prompt">{question.prompt}</p>
            {predict}
            <ul class="question-links" aria-label="Sources for this question">{links}</ul>
            <label for=field.clone()>"Your answer"</label>
            <textarea
                id=field
                rows="4"
                prop:value=text
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    work.answer(question.id, Some(value), None);
                }
            ></textarea>
        </article>
    }
}
