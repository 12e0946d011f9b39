//! A glossary definition, sentence by sentence, each with what it rests on: a passage of one
//! of the five documents, or a named reference outside the corpus. Students see which is which
//! in the tooltip (compact) and in the glossary (with the quote, a link to the passage, and a
//! link to the figures where the sources differ).

use leptos::prelude::*;

use crate::analysis::glossary::{Basis, Sentence};
use crate::corpus;
use crate::route;

/// The basis in brackets after a tooltip's sentence, and where the sources differ on a
/// figure, the link to their figures side by side: one source's passage cannot show that.
fn compact(sentence: &'static Sentence) -> impl IntoView {
    let basis = match &sentence.basis {
        Basis::Seed { doc, .. } => corpus::short_title(doc).to_string(),
        Basis::Outside { reference } => format!("outside the corpus: {reference}"),
    };
    let figures =
        sentence.disputed.map(|q| view! { "; " <a href=route::figures_href(Some(q))>"compare the figures"</a> });
    view! { " [" {basis} {figures} "]" }
}

/// The basis under a glossary sentence: the quote and its passage, or the reference.
fn full(basis: &'static Basis) -> AnyView {
    match basis {
        Basis::Seed { doc, quote, block } => view! {
            <span class="basis">
                "From the sources: “" {*quote} "” — "
                <a href=route::passage_href(doc, block)>{corpus::short_title(doc)}</a>
            </span>
        }
        .into_any(),
        Basis::Outside { reference } => {
            view! { <span class="basis outside">"Outside the corpus: " {*reference}</span> }.into_any()
        }
    }
}

fn disputed(sentence: &'static Sentence) -> Option<impl IntoView> {
    sentence.disputed.map(|q| {
        let label = corpus::quantity(q).map_or("", |(_, q)| q.label);
        view! { <a class="disputed" href=route::figures_href(Some(q))>"Compare the figures: " {label}</a> }
    })
}

#[component]
pub fn Definition(sentences: &'static [Sentence], compact_form: bool) -> impl IntoView {
    if compact_form {
        let text =
            sentences.iter().map(|s| view! { {s.text} <span class="tip-basis">{compact(s)}</span> " " }).collect_view();
        return view! { <span class="tip-definition">{text}</span> }.into_any();
    }
    let items = sentences.iter().map(|s| view! { <li>{s.text} " " {full(&s.basis)} {disputed(s)}</li> }).collect_view();
    view! { <ul class="definition">{items}</ul> }.into_any()
}
