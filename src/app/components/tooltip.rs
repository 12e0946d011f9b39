//! Glossary term with its tooltip, following WCAG 2.2 SC 1.4.13 (content on hover or focus):
//! it opens on hover, on keyboard focus and on tap; the pointer can move onto it; it stays
//! until pointer and focus have left or Escape is pressed; it sits below the term, never over
//! it. One tooltip is open at a time, app-wide.

use leptos::ev;
use leptos::prelude::*;

use super::definition::Definition;
use crate::analysis::glossary::Term;
use crate::app::browser;
use crate::corpus::GLOSSARY;
use crate::route;
use wasm_bindgen::JsCast;

/// Listens, once for the whole page, to what opens and closes tooltips, and shows the one
/// open: a term holds no listeners of its own, so a page with hundreds of terms hydrates
/// as fast as one without (each would otherwise add six). The events bubble to the window;
/// each is traced to its term by the `data-tip` key on the term's wrapper.
pub fn watch_terms() {
    let slot = RwSignal::new(None);
    Effect::new(move |_| slot.with(|key| show(key.as_deref())));
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
        let on_term = browser::element(ev.target()).and_then(|e| e.closest(".term").ok().flatten()).is_some();
        // A click the keyboard made (Enter or Space on the term: no pointer, detail 0) toggles,
        // so a tooltip closed with Escape opens again without leaving the term.
        match (on_term, ev.detail()) {
            (false, _) => {}
            (true, 0) => tips.toggle(key_at(ev.target())),
            (true, _) => tips.click(key_at(ev.target())),
        }
    });
}

/// The key of the term whose wrapper (the term and its open tooltip) holds `target`.
fn key_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    browser::element(target)?.closest(".term-wrap").ok().flatten()?.get_attribute("data-tip")
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

    /// Opens the term's tooltip, or closes it if it is the one open.
    fn turn(self, key: String, open: bool) {
        if open {
            self.slot.try_set(Some(key));
        } else {
            self.release(&key);
        }
    }

    fn toggle(self, key: Option<String>) {
        let Some(key) = key else { return };
        let open = self.slot.try_with_untracked(|o| o.as_ref() == Some(&key)).unwrap_or(false);
        self.turn(key, !open);
    }

    /// A tap (or a click without a preceding mouse hover) toggles.
    fn click(self, key: Option<String>) {
        let Some(Some((pressed, was_open))) = self.press.try_get_value() else { return };
        self.press.try_set_value(None);
        if key.as_ref() == Some(&pressed) {
            self.turn(pressed, !was_open);
        }
    }
}

/// A term as the text holds it: its button and, while it is open, its tooltip (see [`show`]).
/// The term itself is static markup, so a page's hundreds of terms cost hydration nothing
/// beyond the nodes, and a passage whose text the app leaves as written (`BlockText`) still
/// has working terms.
#[component]
pub fn GlossaryTerm(
    /// Index into `GLOSSARY`.
    term: u16,
    /// Unique on the page: names the tooltip element.
    key: String,
    children: Children,
) -> impl IntoView {
    if GLOSSARY.get(term as usize).is_none() {
        return children().into_any();
    }
    view! {
        <span class="term-wrap" data-tip=key data-term=term.to_string()>
            <button type="button" class="term">{children()}</button>
        </span>
    }
    .into_any()
}

#[component]
fn Tooltip(entry: &'static Term, id: String) -> impl IntoView {
    view! {
        <span role="tooltip" id=id class="tooltip">
            <strong class="tip-label">{entry.label}</strong>
            {(!entry.expansion.is_empty()).then(|| view! { <span class="tip-expansion">" (" {entry.expansion} ")"</span> })}
            " "
            <Definition sentences=entry.sentences compact_form=true/>
            <a class="tip-more" href=route::glossary_entry_href(entry.id)>"Full glossary entry"</a>
        </span>
    }
}

/// The open tooltip: the button that names it in `aria-describedby`, and its mounted view
/// (dropping it takes the tooltip out of the page).
struct Shown {
    key: String,
    button: web_sys::Element,
    _view: Box<dyn std::any::Any>,
}

thread_local! {
    static SHOWN: std::cell::RefCell<Option<Shown>> = const { std::cell::RefCell::new(None) };
}

/// Closes the open tooltip and opens the one of the term keyed `key`, if it is on the page.
/// Rendered only while open: a closed tooltip's text would otherwise sit inside the sentence
/// for find-in-page, copying and text matching.
fn show(key: Option<&str>) {
    let old = SHOWN.with(|s| s.borrow_mut().take());
    if let Some(old) = old {
        let _ = old.button.remove_attribute("aria-describedby");
    }
    let Some(key) = key else { return };
    let selector = format!(".term-wrap[data-tip=\"{key}\"]");
    let Some(wrap) = browser::document().and_then(|d| d.query_selector(&selector).ok().flatten()) else { return };
    let entry = wrap.get_attribute("data-term").and_then(|t| t.parse::<usize>().ok()).and_then(|t| GLOSSARY.get(t));
    let (Some(entry), Some(button)) = (entry, wrap.query_selector(".term").ok().flatten()) else { return };
    let Ok(wrap) = wrap.dyn_into::<web_sys::HtmlElement>() else { return };
    let id = format!("tip-{key}");
    let _ = button.set_attribute("aria-describedby", &id);
    let view = leptos::mount::mount_to(wrap, move || view! { <Tooltip entry=entry id=id/> });
    SHOWN.with(|s| *s.borrow_mut() = Some(Shown { key: key.to_owned(), button, _view: Box::new(view) }));
}

/// Called by a text as it renders afresh: its new nodes replace those of its terms, and an
/// open tooltip whose term was among them would go with the old nodes while the pointer or
/// focus still holds it open (search hits arriving in the reader, a note on the passage).
/// Once the new nodes are in the page, the tooltip opens again on its term's new markup.
pub fn follow_rerender() {
    if SHOWN.with(|s| s.borrow().is_none()) {
        return;
    }
    request_animation_frame(|| {
        let moved = SHOWN.with(|s| s.borrow().as_ref().filter(|s| !s.button.is_connected()).map(|s| s.key.clone()));
        if let Some(key) = moved {
            show(Some(&key));
        }
    });
}
