//! Glossary term with its tooltip, following WCAG 2.2 SC 1.4.13 (content on hover or focus):
//! it opens on hover, on keyboard focus and on tap; the pointer can move onto it; it stays
//! until pointer and focus have left or Escape is pressed; it sits below the term, never over
//! it. One tooltip is open at a time, app-wide.

use leptos::ev;
use leptos::prelude::*;

use super::definition::Definition;
use crate::corpus::GLOSSARY;
use crate::route;

/// The key of the open tooltip, if any.
#[derive(Clone, Copy)]
pub struct OpenTip(pub RwSignal<Option<String>>);

pub fn use_open_tip() -> RwSignal<Option<String>> {
    expect_context::<OpenTip>().0
}

/// Provides the tooltip slot and listens, once for the whole page, to what opens and closes
/// tooltips: a term holds no listeners of its own, so a page with hundreds of terms hydrates
/// as fast as one without (each would otherwise add six). The events bubble to the window;
/// each is traced to its term by the `data-tip` key on the term's wrapper.
pub fn provide_open_tip() {
    let slot = RwSignal::new(None);
    provide_context(OpenTip(slot));
    let tips =
        Tips { slot, hover: StoredValue::new(None), focused: StoredValue::new(None), press: StoredValue::new(None) };
    // WCAG 1.4.13: a tooltip opened by hover is dismissible with Escape wherever focus is.
    let _ = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            slot.set(None);
        }
    });
    let _ = window_event_listener(ev::pointerover, move |ev| {
        if ev.pointer_type() == "mouse" {
            tips.hover_to(key_at(ev.target()));
        }
    });
    // Leaving the window: pointerover fires nowhere after it.
    let _ = window_event_listener(ev::pointerout, move |ev| {
        if ev.pointer_type() == "mouse" && ev.related_target().is_none() {
            tips.hover_to(None);
        }
    });
    let _ =
        window_event_listener(ev::pointerdown, move |ev| tips.press(key_at(ev.target()), ev.pointer_type() != "mouse"));
    let _ = window_event_listener(ev::focusin, move |ev| tips.focus_to(key_at(ev.target())));
    let _ = window_event_listener(ev::focusout, move |ev| {
        if ev.related_target().is_none() {
            tips.focus_to(None);
        }
    });
    let _ = window_event_listener(ev::click, move |ev| {
        let on_term = element(ev.target()).and_then(|e| e.closest(".term").ok().flatten()).is_some();
        if on_term {
            tips.click(key_at(ev.target()));
        }
    });
}

fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    target?.dyn_into::<web_sys::Element>().ok()
}

/// The key of the term whose wrapper (the term and its open tooltip) holds `target`.
fn key_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    element(target)?.closest(".term-wrap").ok().flatten()?.get_attribute("data-tip")
}

/// Which term the mouse is over and which holds focus: each holds its tooltip open, and it
/// closes when neither does. Every access is a `try_`: events may arrive while the app is
/// torn down.
#[derive(Clone, Copy)]
struct Tips {
    slot: RwSignal<Option<String>>,
    hover: StoredValue<Option<String>>,
    focused: StoredValue<Option<String>>,
    /// The term a touch press began on, and whether its tooltip was open then (the tap's own
    /// focus must not count as opening it).
    press: StoredValue<Option<(String, bool)>>,
}

impl Tips {
    fn hover_to(self, key: Option<String>) {
        self.hold(self.hover, self.focused, key);
    }

    fn focus_to(self, key: Option<String>) {
        self.hold(self.focused, self.hover, key);
    }

    /// Moves one holder (hover or focus) to `key`: the term it leaves closes unless the other
    /// holder still holds it; the term it reaches opens.
    fn hold(self, holder: StoredValue<Option<String>>, other: StoredValue<Option<String>>, key: Option<String>) {
        let Some(old) = holder.try_get_value() else { return };
        if old == key {
            return;
        }
        holder.try_set_value(key.clone());
        if let Some(old) = old.filter(|o| other.try_get_value().flatten().as_ref() != Some(o)) {
            self.release(&old);
        }
        if key.is_some() {
            self.slot.try_set(key);
        }
    }

    fn release(self, key: &str) {
        self.slot.try_update(|o| {
            if o.as_deref() == Some(key) {
                *o = None;
            }
        });
    }

    fn press(self, key: Option<String>, touch: bool) {
        let pressed = key.filter(|_| touch).map(|k| {
            let was_open = self.slot.try_with_untracked(|o| o.as_ref() == Some(&k)).unwrap_or(false);
            (k, was_open)
        });
        self.press.try_set_value(pressed);
    }

    /// A tap (or a click without a preceding mouse hover) toggles.
    fn click(self, key: Option<String>) {
        let Some(Some((pressed, was_open))) = self.press.try_get_value() else { return };
        self.press.try_set_value(None);
        if key.as_ref() != Some(&pressed) {
            return;
        }
        if was_open {
            self.release(&pressed);
        } else {
            self.slot.try_set(Some(pressed));
        }
    }
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
    let tip_id = format!("tip-{key}");
    let slot = use_open_tip();
    let open = {
        let key = key.clone();
        move || slot.with(|o| o.as_ref() == Some(&key))
    };
    let described = {
        let (tip_id, open) = (tip_id.clone(), open.clone());
        move || open().then(|| tip_id.clone())
    };

    view! {
        <span class="term-wrap" data-tip=key>
            <button type="button" class="term" aria-describedby=described>
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
