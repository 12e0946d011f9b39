//! The header's search field: `/` focuses it from anywhere, ArrowDown moves into the results.
//! Where the page's module holds the search page (`route::Module::Study`, and 404.html's
//! whole app), it searches as the student types (the URL follows, so a search can be shared).
//! Elsewhere the search page is another page and module: Enter opens it, so that every other
//! module does not carry the search page's code (about 18 KiB gzip of the reader's, 32 of
//! the library's). A plain form as written at build time does the same without the app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::browser;
use crate::app::current::{use_route, Views};
use crate::app::live_query::{use_live_query, use_type_query};
use crate::app::navigate::{use_go, Entry};
use crate::route::{self, View};

fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    browser::element(ev.target()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
    })
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let route = use_route();
    let input = NodeRef::<leptos::html::Input>::new();
    let live = use_live_query();
    let on_search_page = move || route.with(|r| matches!(r.view, View::Search { .. }));
    let live_here = expect_context::<Views>().holds(&View::Search { query: String::new() });
    // Where Enter opens the search page, the field keeps what is typed until then (also words
    // typed before the app started, which it hands over as if typed).
    let current = move || if on_search_page() || !live_here { live.text.get() } else { String::new() };
    let type_query = use_type_query();
    let go = use_go();

    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !typing_in_field(&ev) {
            if let Some(el) = input.get_untracked() {
                ev.prevent_default();
                let _ = el.focus();
                el.select();
            }
        }
    });

    let on_input = move |ev: leptos::ev::Event| {
        if live_here {
            type_query(event_target_value(&ev));
        } else {
            live.text.set(event_target_value(&ev));
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = input.get_untracked().map(|el| el.value()).unwrap_or_default();
        if !live_here && !query.trim().is_empty() {
            go(View::Search { query }, Entry::Push);
        }
    };
    let on_key = |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "ArrowDown" {
            let first = browser::document()
                .and_then(|d| d.query_selector(".results a.result-link").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(first) = first {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
    };

    view! {
        <form class="search-box" role="search" action=route::search_href("") on:submit=on_submit>
            <label for="search-input" class="visually-hidden">"Search documents and glossary"</label>
            <input
                id="search-input"
                name="q"
                node_ref=input
                type="search"
                placeholder="Search (press /)"
                autocomplete="off"
                aria-keyshortcuts="/"
                prop:value=current
                on:input=on_input
                on:keydown=on_key
            />
        </form>
    }
}
