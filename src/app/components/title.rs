//! The document title names the view, so tabs, history and screen readers say where you are.

use leptos::prelude::*;

use crate::app::browser;

pub fn use_page_title(title: impl Fn() -> String + 'static) {
    let full = move || format!("{} · Ashraf 3 reading companion", title());
    // At once, for the page the renderer writes (effects only run in the browser).
    browser::set_title(&untrack(&full));
    Effect::new(move |_| browser::set_title(&full()));
}
