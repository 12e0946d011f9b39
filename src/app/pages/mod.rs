//! One module per view, and which wasm module (`route::Module`) renders which: the app's
//! dispatch tables.

mod added;
mod assignment;
mod claims;
mod compare;
mod figures;
mod glossary;
mod library;
mod lineage;
mod not_found;
mod notes;
mod questions;
mod reader;
mod review;
mod search;
mod teacher;

use leptos::prelude::*;

use crate::app::components::tooltip::watch_terms;
use crate::app::current::Views;
use crate::route::{Module, View};

use not_found::Elsewhere;
pub use not_found::NotFound;

/// What a view can do only with the app, for its page's note (see `NeedsApp`).
pub fn needs_app(view: &View) -> Option<&'static str> {
    Some(match view {
        View::Read { .. } => {
            "Notes on passages, the glossary’s tooltips and the highlighting of a figure, claim or search"
        }
        View::Compare { .. } => "Choosing other documents, swapping the columns and notes on passages",
        View::Figures { .. } => "Your estimate before the values",
        View::Claims(_) => "Filtering and sorting the claims",
        View::Questions => "Writing and saving your answers",
        View::Notes => "Your notes, their export and import",
        View::Search { .. } => "Search",
        View::Assignment { .. } => "Opening the assignment in your link, and saving and handing in your answers",
        View::Teacher { .. } => "Composing an assignment’s link and reviewing hand-ins",
        View::Added { .. } => "A source you added: it is kept in your browser, and only the app can show it",
        View::Library | View::Glossary | View::Claim { .. } | View::Lineage | View::NotFound { .. } => return None,
    })
}

/// Every view: the page renderer's, and 404.html's module (src/main.rs), as a host's 404 page
/// may stand for any address.
pub const ALL: Views = Views::new(None, any, watch_terms);
/// The modules of the pages (src/bin): each renders only its own views, so its wasm holds only
/// their code.
pub const LIBRARY: Views = Views::new(Some(Module::Library), library, watch_terms);
pub const GLOSSARY: Views = Views::new(Some(Module::Glossary), glossary, watch_terms);
pub const READING: Views = Views::new(Some(Module::Reading), reading, watch_terms);
pub const COMPARE: Views = Views::new(Some(Module::Compare), compare, watch_terms);
pub const CLAIMS: Views = Views::new(Some(Module::Claims), claims, watch_terms);
pub const STUDY: Views = Views::new(Some(Module::Study), study, watch_terms);
pub const WORK: Views = Views::new(Some(Module::Work), work, watch_terms);

fn any(view: View) -> AnyView {
    match Module::of(&view) {
        Module::Library => library(view),
        Module::Glossary => glossary(view),
        Module::Reading => reading(view),
        Module::Compare => compare(view),
        Module::Claims => claims(view),
        Module::Study => study(view),
        Module::Work => work(view),
    }
}

fn library(view: View) -> AnyView {
    match view {
        View::Library => view! { <library::Library/> }.into_any(),
        View::NotFound { what } => view! { <NotFound what=what/> }.into_any(),
        other => elsewhere(other),
    }
}

fn glossary(view: View) -> AnyView {
    match view {
        View::Glossary => view! { <glossary::Glossary/> }.into_any(),
        View::Lineage => view! { <lineage::Lineage/> }.into_any(),
        other => elsewhere(other),
    }
}

fn reading(view: View) -> AnyView {
    match view {
        View::Read { doc, original, figure, query, term, claim } => view! {
            <reader::Reader doc_id=doc original=original figure=figure query=query term=term claim=claim/>
        }
        .into_any(),
        other => elsewhere(other),
    }
}

fn compare(view: View) -> AnyView {
    match view {
        View::Compare { left, right } => view! { <compare::Compare left=left right=right/> }.into_any(),
        other => elsewhere(other),
    }
}

fn claims(view: View) -> AnyView {
    match view {
        View::Claims(filter) => view! { <claims::Claims filter=filter/> }.into_any(),
        View::Claim { id } => view! { <claims::ClaimPage id=id/> }.into_any(),
        other => elsewhere(other),
    }
}

fn study(view: View) -> AnyView {
    match view {
        View::Figures { quantity, predict } => {
            view! { <figures::Figures quantity=quantity predict=predict/> }.into_any()
        }
        View::Questions => view! { <questions::Questions/> }.into_any(),
        View::Search { .. } => view! { <search::Search/> }.into_any(),
        other => elsewhere(other),
    }
}

fn work(view: View) -> AnyView {
    match view {
        View::Notes => view! { <notes::Notes/> }.into_any(),
        View::Assignment { code } => view! { <assignment::AssignmentPage code=code/> }.into_any(),
        View::Teacher { code } => view! { <teacher::Teacher code=code/> }.into_any(),
        View::Added { source, query } => view! { <added::AddedReader source=source query=query/> }.into_any(),
        other => elsewhere(other),
    }
}

/// A view another module shows reached this one all the same (links and `navigate::use_go`
/// load its page instead): its page is loaded in place of this one.
fn elsewhere(view: View) -> AnyView {
    view! { <Elsewhere view=view/> }.into_any()
}
