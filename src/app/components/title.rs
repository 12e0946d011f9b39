//! The document title names the view, so tabs, history and screen readers say where you are.
//! It is also kept as a signal, for what repeats it (the frame title in the Embed panel).

use leptos::prelude::*;

use crate::app::browser;

/// The title of the view shown, as the document title has it.
#[derive(Clone, Copy)]
pub struct PageTitle(pub RwSignal<String>);

pub fn provide_page_title() {
    provide_context(PageTitle(RwSignal::new(String::new())));
}

pub fn use_page_title(title: impl Fn() -> String + 'static) {
    let full = move || format!("{} · Ashraf 3 reading companion", title());
    let shown = use_context::<PageTitle>();
    let set = move |title: String| {
        browser::set_title(&title);
        if let Some(PageTitle(shown)) = shown {
            shown.set(title);
        }
    };
    // At once, for the page the renderer writes (effects only run in the browser).
    set(untrack(&full));
    Effect::new(move |_| set(full()));
}
