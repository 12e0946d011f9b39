//! On a phone a paragraph's tools ("Add a note", the "¶" link) would put a row of buttons
//! between every two paragraphs, so there they show on one paragraph at a time: the one the
//! student taps, selects words in, or opens with its "Tools for paragraph N" button (a real
//! button, reached by Tab and by a screen reader, shown when it has the keyboard's focus). The
//! state is only a class on the paragraph: the page written at build time has every paragraph
//! closed, the app renders the same, and the stylesheet decides what a screen shows (a wide
//! screen shows every paragraph's tools, as it has room for them, and no toggle).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::para_notes::Selection;

/// The paragraph of the page whose tools are open, by block id.
#[derive(Clone, Copy)]
pub struct OpenTools(RwSignal<Option<&'static str>>);

impl OpenTools {
    /// Words selected in a paragraph of `doc` open that paragraph's tools, so the note on them
    /// is at hand.
    pub fn new(doc: &'static str, selection: Selection) -> Self {
        let open = RwSignal::new(None);
        Effect::new(move |_| {
            if let Some((d, b, _)) = selection.get() {
                if d == doc {
                    open.set(Some(b));
                }
            }
        });
        OpenTools(open)
    }

    pub fn is_open(self, block: &'static str) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let open = self.0;
        move || open.with(|o| *o == Some(block))
    }

    /// A tap on the paragraph's text opens its tools (and closes the others').
    pub fn open(self, block: &'static str) {
        if self.0.get_untracked() != Some(block) {
            self.0.set(Some(block));
        }
    }

    /// Escape from anywhere among the paragraph's tools folds them, and the keyboard's focus
    /// goes back to the paragraph's toggle, as a menu closed with Escape does. Not from a field:
    /// there Escape belongs to the text being typed.
    pub fn escape(self, block: &'static str) -> impl Fn(web_sys::KeyboardEvent) + Copy + 'static {
        move |ev| {
            let in_field = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
            if ev.key() != "Escape" || in_field || self.0.get_untracked() != Some(block) {
                return;
            }
            self.0.set(None);
            let toggle = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|wrapper| wrapper.query_selector(".para-tools").ok().flatten())
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(toggle) = toggle {
                let _ = toggle.focus();
            }
        }
    }
}

/// The paragraph's own control for its tools.
#[component]
pub fn ToolsToggle(
    tools: OpenTools,
    block: &'static str,
    /// The paragraph's number as readers count it ("3").
    label: String,
) -> impl IntoView {
    let open = tools.is_open(block);
    let toggle = move |_| tools.0.update(|o| *o = if *o == Some(block) { None } else { Some(block) });
    view! {
        <button
            type="button"
            class="para-tools"
            aria-expanded=move || open().to_string()
            aria-label=format!("Tools for paragraph {label}")
            on:click=toggle
        >
            <span aria-hidden="true">"⋯"</span>
        </button>
    }
}
