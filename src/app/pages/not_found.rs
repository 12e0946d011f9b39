//! The page for a URL the app cannot read (an unknown view, document or quantity): it says
//! what was wrong instead of showing nothing, and leads back to the library.

use leptos::prelude::*;

use crate::app::browser;
use crate::app::components::title::use_page_title;
use crate::app::current::use_route;
use crate::route::{self, Route, View};

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

/// A view another page shows, reached here all the same: that page is loaded in place of this
/// one (see `pages::elsewhere`), and until it is the student is told so.
#[component]
pub fn Elsewhere(view: View) -> impl IntoView {
    let embed = use_route().with_untracked(|r| r.embed);
    let url = browser::absolute(&route::href(&Route { view, embed }));
    Effect::new(move |_| browser::load(&url, true));
    view! { <p role="status">"Opening the page…"</p> }
}
