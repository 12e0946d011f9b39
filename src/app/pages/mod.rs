//! One module per view. `view_for` is the router's dispatch table.

mod compare;
mod figures;
mod glossary;
mod library;
mod not_found;
mod reader;
mod search;

use leptos::prelude::*;

use crate::route::View;

pub use not_found::NotFound;

pub fn view_for(view: View) -> AnyView {
    match view {
        View::Library => view! { <library::Library/> }.into_any(),
        View::Read { doc, original, figure, query, term } => {
            view! { <reader::Reader doc_id=doc original=original figure=figure query=query term=term/> }.into_any()
        }
        View::NotFound { what } => view! { <NotFound what=what/> }.into_any(),
        View::Compare { left, right } => view! { <compare::Compare left=left right=right/> }.into_any(),
        View::Glossary => view! { <glossary::Glossary/> }.into_any(),
        View::Figures { quantity } => view! { <figures::Figures quantity=quantity/> }.into_any(),
        // The search page follows the query as it is typed, not only the URL.
        View::Search { .. } => view! { <search::Search/> }.into_any(),
    }
}
