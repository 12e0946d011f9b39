//! One block's text with its glossary terms, figure numbers, search hits and highlighted
//! quote, as pieces computed by `analysis::spans`.

use std::ops::Range;

use leptos::prelude::*;

use super::adopt::Adopt;
use super::tooltip::{self, GlossaryTerm};
use crate::analysis::spans::{self, Layers, PieceKind, Run};
use crate::app::settings::use_settings;
use crate::model::Block;

/// Where a figure's number leads and how a screen reader announces the link.
pub type FigureLink = fn(u16) -> (String, String);

/// How changed text is marked: `<del>` on the left side of a comparison, `<ins>` on the right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChangeTag {
    #[default]
    Del,
    Ins,
}

fn run_view(run: &Run<'static>, tag: ChangeTag) -> AnyView {
    let text = run.text;
    let inner = if run.rtl { view! { <bdi dir="rtl" lang="fa">{text}</bdi> }.into_any() } else { text.into_any() };
    let inner = match (run.changed, tag) {
        (false, _) => inner,
        (true, ChangeTag::Del) => view! { <del>{inner}</del> }.into_any(),
        (true, ChangeTag::Ins) => view! { <ins>{inner}</ins> }.into_any(),
    };
    let inner = match (run.hit, run.quote) {
        (true, _) => view! { <mark class="hit">{inner}</mark> }.into_any(),
        (false, true) => view! { <mark class="quote">{inner}</mark> }.into_any(),
        (false, false) => inner,
    };
    if run.noted {
        view! { <mark class="noted">{inner}</mark> }.into_any()
    } else {
        inner
    }
}

#[component]
pub fn BlockText(
    block: &'static Block,
    /// Makes tooltip keys unique across the page (the document id, or a column name).
    scope: &'static str,
    #[prop(optional)] hits: Vec<Range<usize>>,
    #[prop(optional)] quotes: Vec<Range<usize>>,
    #[prop(optional)] figures: Vec<(Range<usize>, u16)>,
    #[prop(optional)] figure_link: Option<FigureLink>,
    #[prop(optional)] changes: Vec<Range<usize>>,
    #[prop(optional)] change_tag: ChangeTag,
    /// The student's highlighted passages (follow the notes as they change).
    #[prop(optional, into)]
    noted: Option<Signal<Vec<Range<usize>>>>,
) -> impl IntoView {
    let settings = use_settings();
    // The glossary terms in an adopted text work without the app's help: see `GlossaryTerm`.
    let adopt = Adopt::new();
    move || {
        let marks = if settings.glossary_marks.get() { block.marks } else { &[] };
        let noted = noted.map(|n| n.get()).unwrap_or_default();
        if adopt.now() {
            return view! { <span class="text-run" inner_html=""></span> }.into_any();
        }
        let layers = Layers {
            terms: marks,
            figures: figures.clone(),
            hits: hits.clone(),
            quotes: quotes.clone(),
            changes: changes.clone(),
            notes: noted,
        };
        let pieces = spans::pieces(block.text, &layers)
            .into_iter()
            .enumerate()
            .map(|(i, piece)| {
                let runs: Vec<AnyView> = piece.runs.iter().map(|r| run_view(r, change_tag)).collect();
                match piece.kind {
                    PieceKind::Plain => runs.into_any(),
                    PieceKind::Term(t) => {
                        let key = format!("{scope}-{}-{i}", block.id);
                        view! { <GlossaryTerm term=t key=key>{runs}</GlossaryTerm> }.into_any()
                    }
                    PieceKind::Figure(f) => match figure_link {
                        Some(link) => {
                            let (href, label) = link(f);
                            view! { <a class="figure-num" href=href aria-label=label>{runs}</a> }.into_any()
                        }
                        None => runs.into_any(),
                    },
                }
            })
            .collect_view();
        tooltip::follow_rerender();
        view! { <span class="text-run">{pieces}</span> }.into_any()
    }
}
