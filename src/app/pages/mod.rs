//! One module per view. `view_for` is the router's dispatch table.

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
mod search;

use leptos::prelude::*;

use crate::route::View;

pub use not_found::NotFound;

pub fn view_for(view: View) -> AnyView {
    match view {
        View::Library => view! { <library::Library/> }.into_any(),
        View::Read { doc, original, figure, query, term, claim } => view! {
            <reader::Reader doc_id=doc original=original figure=figure query=query term=term claim=claim/>
        }
        .into_any(),
        View::NotFound { what } => view! { <NotFound what=what/> }.into_any(),
        View::Compare { left, right } => view! { <compare::Compare left=left right=right/> }.into_any(),
        View::Glossary => view! { <glossary::Glossary/> }.into_any(),
        View::Figures { quantity, predict } => {
            view! { <figures::Figures quantity=quantity predict=predict/> }.into_any()
        }
        View::Claims(filter) => view! { <claims::Claims filter=filter/> }.into_any(),
        View::Claim { id } => view! { <claims::ClaimPage id=id/> }.into_any(),
        View::Lineage => view! { <lineage::Lineage/> }.into_any(),
        View::Questions => view! { <questions::Questions/> }.into_any(),
        View::Notes => view! { <notes::Notes/> }.into_any(),
        // The search page follows the query as it is typed, not only the URL.
        View::Search { .. } => view! { <search::Search/> }.into_any(),
    }
}
