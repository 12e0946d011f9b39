//! Glossary term with its tooltip, following WCAG 2.2 SC 1.4.13 (content on hover or focus):
//! it opens on hover, on keyboard focus and on tap; the pointer can move onto it; it stays
//! until pointer and focus have left or Escape is pressed; it sits below the term, never over
//! it. One tooltip is open at a time, app-wide.

use leptos::prelude::*;

use super::definition::Definition;
use crate::corpus::GLOSSARY;
use crate::route;

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
    // The tooltip is open while this term holds the app-wide slot. Hover and focus claim it;
    // leaving releases it unless the other still holds; a tap toggles it. Handlers use the
    // `try_` accessors: a term removed by navigation still receives focusout.
    let hover = StoredValue::new(false);
    let focused = StoredValue::new(false);
    let open_at_press = StoredValue::new(None::<bool>);
    let tip_id = format!("tip-{key}");
    let wrap = NodeRef::<leptos::html::Span>::new();

    let is_mine = {
        let key = key.clone();
        move || open_tip.try_with_untracked(|o| o.as_deref() == Some(key.as_str())).unwrap_or(false)
    };
    let open = {
        let key = key.clone();
        move || open_tip.with(|o| o.as_deref() == Some(key.as_str()))
    };
    let claim = {
        let key = key.clone();
        move || {
            open_tip.try_set(Some(key.clone()));
        }
    };
    let release = {
        let key = key.clone();
        move || {
            open_tip.try_update(|o| {
                if o.as_deref() == Some(key.as_str()) {
                    *o = None;
                }
            });
        }
    };
    let (claim_hover, claim_focus, claim_tap) = (claim.clone(), claim.clone(), claim);
    let (release_hover, release_focus, release_tap) = (release.clone(), release.clone(), release);
    let mine_at_press = is_mine.clone();

    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrap.try_get_untracked().flatten())
            .is_some_and(|(t, w)| w.contains(Some(&t)));
        if !inside {
            focused.try_set_value(false);
            if !hover.try_get_value().unwrap_or(false) {
                release_focus();
            }
        }
    };
    // A tap (or a click without a preceding mouse hover) toggles, judged by the state before
    // the press: the tap's own focus must not count as opening it.
    let on_click = move |_| {
        let Some(was_open) = open_at_press.try_get_value().flatten() else { return };
        open_at_press.try_set_value(None);
        if was_open {
            release_tap();
        } else {
            claim_tap();
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
                    hover.try_set_value(true);
                    claim_hover();
                }
            }
            on:pointerleave=move |ev| {
                if ev.pointer_type() == "mouse" {
                    hover.try_set_value(false);
                    if !focused.try_get_value().unwrap_or(false) {
                        release_hover();
                    }
                }
            }
            on:pointerdown=move |ev| {
                let touch = ev.pointer_type() != "mouse";
                open_at_press.try_set_value(touch.then(&mine_at_press));
            }
            on:focusin=move |_| {
                focused.try_set_value(true);
                claim_focus();
            }
            on:focusout=on_focusout
        >
            <button type="button" class="term" aria-describedby=described on:click=on_click>
                {children()}
            </button>
            // Rendered only while open: a closed tooltip's text would otherwise sit inside the
            // sentence for find-in-page, copying and text matching.
            <Show when=open>
                <span role="tooltip" id=tip_id.clone() class="tooltip">
                    <strong class="tip-label">{entry.label}</strong>
                    {(!entry.expansion.is_empty()).then(|| view! { <span class="tip-expansion">" (" {entry.expansion} ")"</span> })}
                    " "
                    <Definition sentences=entry.sentences compact_form=true/>
                    <a class="tip-more" href=route::glossary_entry_href(entry.id)>"Full glossary entry"</a>
                </span>
            </Show>
        </span>
    }
    .into_any()
}
