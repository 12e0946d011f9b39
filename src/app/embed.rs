//! Embedding in course pages. In an iframe the app reports its content height to the parent
//! whenever it changes, with two messages:
//!
//! - `{type: "ashraf3-companion:resize", height}`: this app's own message, which
//!   `embed-resize.js` (or the snippet the Embed panel shows) applies to the right iframe;
//! - `{subject: "lti.frameResize", height}`: the message Canvas listens for.
//!
//! The Embed panel offers a copy-ready `<iframe>` for the current view and that script, and
//! leads teachers to the assignments page (an assignment's link embeds the same way).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;
use super::components::copy::copy_button;
use super::components::status::Status;
use super::components::title::PageTitle;
use super::current::use_route;
use crate::route::{self, Route};

pub const MESSAGE_TYPE: &str = "ashraf3-companion:resize";

fn post_height(height: f64) {
    let Some(window) = browser::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let height = height.ceil();
    let own = js_sys::Object::new();
    let lti = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), &v);
    };
    set(&own, "type", JsValue::from_str(MESSAGE_TYPE));
    set(&own, "height", JsValue::from_f64(height));
    set(&lti, "subject", JsValue::from_str("lti.frameResize"));
    set(&lti, "height", JsValue::from_f64(height));
    // The parent's origin is unknown (any course platform), so the message carries nothing
    // but a height: not even the frame's URL, which may hold a student's search.
    let _ = parent.post_message(&own, "*");
    let _ = parent.post_message(&lti, "*");
}

/// Starts reporting the body's height to the parent frame, if there is one.
pub fn report_height() {
    let Some(window) = browser::window() else {
        return;
    };
    let framed = window.parent().ok().flatten().is_some_and(|p| p != window);
    if !framed {
        return;
    }
    let Some(body) = browser::document().and_then(|d| d.body()) else {
        return;
    };
    let last = std::cell::Cell::new(-1.0);
    let observer = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let Some(body) = browser::document().and_then(|d| d.body()) else {
            return;
        };
        let h = body.get_bounding_client_rect().height();
        if (h - last.get()).abs() >= 1.0 {
            last.set(h);
            post_height(h);
        }
    });
    if let Ok(ro) = web_sys::ResizeObserver::new(observer.as_ref().unchecked_ref()) {
        ro.observe(&body);
    }
    observer.forget();
}

#[component]
pub fn EmbedPanel() -> impl IntoView {
    let route = use_route();
    let open = RwSignal::new(false);
    let title = use_context::<PageTitle>();
    let snippet = move || {
        let r = route.get();
        let src = browser::absolute(&route::href(&Route { embed: true, ..r }));
        // The view's title once it has one: the view sets it after the route has changed.
        let title = title.map(|PageTitle(t)| t.get()).unwrap_or_default();
        route::iframe_snippet(&src, &title)
    };
    let origin = browser::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let script = route::resize_snippet(&origin);
    let script_text = script.clone();
    let status = RwSignal::new(String::new());
    // Escape closes the panel, from its button or from inside it, and focus goes back to the
    // button that opened it.
    let button = NodeRef::<leptos::html::Button>::new();
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    view! {
        <div class="embed-tool no-print" on:keydown=close_on_escape>
            <button type="button" node_ref=button aria-expanded=move || open.get().to_string() aria-controls="embed-panel" on:click=move |_| open.update(|o| *o = !*o)>
                "Embed"
            </button>
            <section id="embed-panel" class="embed-panel" aria-labelledby="embed-heading" hidden=move || !open.get()>
                <h2 id="embed-heading">"Embed this view in a course page"</h2>
                <label for="embed-iframe">"1. Paste this where the view should appear:"</label>
                <textarea id="embed-iframe" readonly rows="4" prop:value=snippet></textarea>
                {copy_button("Copy iframe code", Signal::derive(snippet), status)}
                <label for="embed-script">"2. Add this once to the page, so the frame fits its content (Canvas resizes on its own):"</label>
                <textarea id="embed-script" readonly rows="6" prop:value=script></textarea>
                {copy_button("Copy resize script", Signal::derive(move || script_text.clone()), status)}
                <Status message=status/>
                <p>
                    "To set students questions on the documents and collect their answers: "
                    <a href=route::teacher_href(None)>"make an assignment"</a>
                    "."
                </p>
            </section>
        </div>
    }
}
