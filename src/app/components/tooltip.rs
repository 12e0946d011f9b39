//! Glossary term with its tooltip, following WCAG 2.2 SC 1.4.13 (content on hover or focus):
//! it opens on hover, on keyboard focus and on tap; the pointer can move onto it; it stays
//! until pointer and focus have left or Escape is pressed; it sits below the term, never over
//! it. One tooltip is open at a time, app-wide.

use leptos::prelude::*;

use crate::corpus::GLOSSARY;
use crate::route::{self, Route, View};

/// The key of the open tooltip, if any.
#[derive(Clone, Copy)]
pub struct OpenTip(pub RwSignal<Option<String>>);

pub fn provide_open_tip() {
    provide_context(OpenTip(RwSignal::new(None)));
}

pub fn use_open_tip() -> RwSignal<Option<String>> {
    expect_context::<OpenTip>().0
}

/// The glossary page's anchor for a term.
pub fn entry_href(term_id: &str) -> String {
    format!("{}#term-{term_id}", route::href(&Route::new(View::Glossary)))
}

#[component]
pub fn GlossaryTerm(
    /// Index into `GLOSSARY`.
    term: u16,
    /// Unique on the page: names the tooltip element.
    key: String,
    children: Children,
) -> impl IntoView {
    let Some(entry) = GLOSSARY.get(term as usize) else {
        return children().into_any();
    };
    let open_tip = use_open_tip();
    let hover = RwSignal::new(false);
    let focus = RwSignal::new(false);
    let tapped = RwSignal::new(false);
    let touch = StoredValue::new(false);
    let tip_id = format!("tip-{key}");
    let wrap = NodeRef::<leptos::html::Span>::new();

    let mine = {
        let key = key.clone();
        move || open_tip.with(|o| o.as_deref() == Some(key.as_str()))
    };
    let open = {
        let mine = mine.clone();
        move || mine() && (hover.get() || focus.get() || tapped.get())
    };
    let claim = move || open_tip.set(Some(key.clone()));
    let claim_hover = claim.clone();
    let claim_focus = claim.clone();

    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrap.get_untracked())
            .is_some_and(|(t, w)| w.contains(Some(&t)));
        if !inside {
            focus.set(false);
            tapped.set(false);
        }
    };
    let on_click = move |_| {
        // A mouse already opened it by hovering; a tap (or Enter) toggles it.
        if !touch.get_value() && hover.get_untracked() {
            return;
        }
        let now = !(tapped.get_untracked() && mine());
        tapped.set(now);
        if now {
            claim();
        }
    };
    let described = {
        let tip_id = tip_id.clone();
        let open = open.clone();
        move || open().then(|| tip_id.clone())
    };

    view! {
        <span
            class="term-wrap"
            node_ref=wrap
            on:pointerenter=move |ev| {
                if ev.pointer_type() == "mouse" {
                    hover.set(true);
                    claim_hover();
                }
            }
            on:pointerleave=move |ev| {
                if ev.pointer_type() == "mouse" {
                    hover.set(false);
                }
            }
            on:pointerdown=move |ev| touch.set_value(ev.pointer_type() != "mouse")
            on:focusin=move |_| {
                focus.set(true);
                claim_focus();
            }
            on:focusout=on_focusout
        >
            <button type="button" class="term" aria-describedby=described on:click=on_click>
                {children()}
            </button>
            // Rendered only while open: a closed tooltip's text would otherwise sit inside the
            // sentence for find-in-page, copying and text matching.
            <Show when=open.clone()>
                <span role="tooltip" id=tip_id.clone() class="tooltip">
                    <strong class="tip-label">{entry.label}</strong>
                    {(!entry.expansion.is_empty()).then(|| view! { <span class="tip-expansion">" (" {entry.expansion} ")"</span> })}
                    <span class="tip-definition">" " {entry.definition}</span>
                    <span class="tip-source">"Source: " {entry.source}</span>
                    <a class="tip-more" href=entry_href(entry.id)>"Full glossary entry"</a>
                </span>
            </Show>
        </span>
    }
    .into_any()
}
