//! The header's search field: searches as the student types (the URL follows, so a search can
//! be shared), `/` focuses it from anywhere, ArrowDown moves into the results.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::browser;
use crate::app::current::use_route;
use crate::app::live_query::{use_live_query, use_type_query};
use crate::route::View;

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
    let current = move || if on_search_page() { live.text.get() } else { String::new() };
    let type_query = use_type_query();

    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !typing_in_field(&ev) {
            if let Some(el) = input.get_untracked() {
                ev.prevent_default();
                let _ = el.focus();
                el.select();
            }
        }
    });

    let on_input = move |ev: leptos::ev::Event| type_query(event_target_value(&ev));
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
        <form class="search-box" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">"Search documents and glossary"</label>
            <input
                id="search-input"
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
