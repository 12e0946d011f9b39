//! The page for a URL the app cannot read (an unknown view, document or quantity): it says
//! what was wrong instead of showing nothing, and leads back to the library.

use leptos::prelude::*;

use crate::app::components::title::use_page_title;
use crate::route;

/// What every unreadable URL leads to: what was wrong, and a way back.
#[component]
pub fn NotFound(what: String) -> impl IntoView {
    use_page_title(|| "Not found".to_string());
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Not found"</h1>
            <p>{what}</p>
            <p>"The link may be mistyped or come from another version of the companion."</p>
            <p><a href=route::library_href()>"Back to the library"</a></p>
        </section>
    }
}
