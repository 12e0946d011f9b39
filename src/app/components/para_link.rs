//! "Copy link to paragraph N": copies the paragraph's absolute URL and puts its fragment in
//! the address bar.

use leptos::prelude::*;

use super::copy::copy_and_report;
use crate::app::browser;
use crate::route;

#[component]
pub fn ParaLink(
    /// The document the paragraph is in.
    doc: &'static str,
    /// The paragraph's element id.
    id: &'static str,
    /// Its number as readers count ("3" for `p3`).
    label: String,
    /// Where to report the outcome (a polite live region shared by the page).
    status: RwSignal<String>,
) -> impl IntoView {
    let name = format!("Copy link to paragraph {label}");
    let copy = move |_| {
        browser::replace_hash(id);
        copy_and_report(browser::absolute(&route::passage_href(doc, id)), "Link copied", status);
    };
    view! {
        <button type="button" class="para-link" aria-label=name title="Copy link to this paragraph" on:click=copy>
            <span aria-hidden="true">"¶"</span>
        </button>
    }
}
