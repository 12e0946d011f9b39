//! The header's search field: searches as the student types (the URL follows, so a search can
//! be shared), `/` focuses it from anywhere, ArrowDown moves into the results.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::app::browser;
use crate::app::shell::use_route;
use crate::route::{self, Route, View};

fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable"))
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let route = use_route();
    let input = NodeRef::<leptos::html::Input>::new();
    let current = move || route.with(|r| match &r.view { View::Search { query } => query.clone(), _ => String::new() });
    let navigate = use_navigate();
    let on_search_page = move || route.with(|r| matches!(r.view, View::Search { .. }));

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
        let query = event_target_value(&ev);
        let href = route::href(&Route::new(View::Search { query }));
        // Typing refines one search: replace the history entry instead of adding one a key.
        let replace = on_search_page();
        navigate(&format!("{}{}", browser::base_dir(), href), NavigateOptions { replace, scroll: false, ..Default::default() });
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
