//! The document title names the view, so tabs, history and screen readers say where you are.

use leptos::prelude::*;

use crate::app::browser;

pub fn use_page_title(title: impl Fn() -> String + 'static) {
    Effect::new(move |_| browser::set_title(&format!("{} · Ashraf 3 reading companion", title())));
}
