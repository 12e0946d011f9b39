//! Predict, then reveal: opened from a guided question that asks for it (`&predict=1`), a
//! figure's page first asks the student for an estimate and shows the sources' values only
//! afterwards. The estimate is kept with the answers and shown above the sources' figures
//! from then on, however the page is opened; opened otherwise (a link, an embed), the page
//! shows its figures at once.

use leptos::prelude::*;

use crate::analysis::figures::{group, parse_estimate, Quantity};
use crate::app::workspace::use_work;
use crate::corpus::QUESTIONS;
use crate::route;

#[component]
pub fn Predict(quantity: &'static Quantity, ask: bool, children: ChildrenFn) -> impl IntoView {
    let Some(question) = QUESTIONS.iter().find(|q| q.predict == Some(quantity.id)) else {
        return children().into_any();
    };
    let work = use_work();
    let skipped = RwSignal::new(!ask);
    let estimate = move || work.data.with(|w| w.answer(question.id).and_then(|a| a.estimate));
    let shown = move || skipped.get() || estimate().is_some();
    let unit = move |n: f64| if n == 1.0 { quantity.unit_one } else { quantity.unit };
    let children = StoredValue::new(children);
    view! {
        <Show when=shown fallback=move || view! { <EstimateForm quantity=quantity question=question.id skipped=skipped/> }>
            {move || estimate().map(|n| view! {
                <p class="your-estimate">
                    <strong>"Your estimate: " {group(n)} " " {unit(n)}</strong>
                    ", made before you saw the figures. Compare it with what each source states below. "
                    <a href=route::question_href(question.id)>"Back to the question"</a>
                </p>
            })}
            {children.with_value(|c| c())}
        </Show>
    }
    .into_any()
}

#[component]
fn EstimateForm(quantity: &'static Quantity, question: &'static str, skipped: RwSignal<bool>) -> impl IntoView {
    let work = use_work();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    // A click (or Enter), not a form's submission, which a frame sandboxed without
    // `allow-forms` blocks.
    let save = move || match parse_estimate(&value.get_untracked()) {
        Some(n) => {
            work.answer(question, None, Some(Some(n)));
        }
        None => error.set(true),
    };
    let enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.is_composing() {
            ev.prevent_default();
            save();
        }
    };
    view! {
        <section class="predict" aria-labelledby="predict-first">
            <h2 id="predict-first">"Predict first"</h2>
            <p>"Before the sources’ figures are shown: what do you expect them to say? Your estimate is kept with your answers, and the figures appear once you have made it."</p>
            <label for="estimate">{format!("Your estimate ({})", quantity.unit)}</label>
            <input id="estimate" type="text" inputmode="numeric" autocomplete="off" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) on:keydown=enter/>
            {move || error.get().then(|| view! { <p class="notice" role="alert">"Give a number, such as 1500."</p> })}
            <div class="note-actions">
                <button type="button" class="primary" on:click=move |_| save()>"Save my estimate and show the figures"</button>
                <button type="button" on:click=move |_| skipped.set(true)>"Show the figures without estimating"</button>
            </div>
        </section>
    }
}
