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

/// One term's hold on the app-wide tooltip slot. Hover and focus claim it; leaving releases it
/// unless the other still holds; a tap toggles it. Every access is a `try_`: a term removed by
/// navigation still receives focusout.
#[derive(Clone)]
struct Tip {
    slot: RwSignal<Option<String>>,
    key: String,
    hover: StoredValue<bool>,
    focused: StoredValue<bool>,
    /// Whether the tooltip was open when a touch press began (`None` for a mouse press).
    open_at_press: StoredValue<Option<bool>>,
}

impl Tip {
    fn new(key: String) -> Tip {
        Tip {
            slot: use_open_tip(),
            key,
            hover: StoredValue::new(false),
            focused: StoredValue::new(false),
            open_at_press: StoredValue::new(None),
        }
    }

    /// Whether the slot holds this term's tooltip.
    fn holds(&self, slot: &Option<String>) -> bool {
        slot.as_deref() == Some(self.key.as_str())
    }

    fn is_open(&self) -> bool {
        self.slot.with(|o| self.holds(o))
    }

    fn claim(&self) {
        self.slot.try_set(Some(self.key.clone()));
    }

    fn release(&self) {
        self.slot.try_update(|o| {
            if self.holds(o) {
                *o = None;
            }
        });
    }

    fn set_hover(&self, on: bool) {
        self.hold(self.hover, self.focused, on);
    }

    fn set_focus(&self, on: bool) {
        self.hold(self.focused, self.hover, on);
    }

    /// Hover and focus each hold the tooltip open; it closes when neither does.
    fn hold(&self, flag: StoredValue<bool>, other: StoredValue<bool>, on: bool) {
        flag.try_set_value(on);
        if on {
            self.claim();
        } else if !other.try_get_value().unwrap_or(false) {
            self.release();
        }
    }

    /// A press remembers whether the tooltip was open before it: the tap's own focus must not
    /// count as opening it.
    fn press(&self, touch: bool) {
        let was_open = self.slot.try_with_untracked(|o| self.holds(o)).unwrap_or(false);
        self.open_at_press.try_set_value(touch.then_some(was_open));
    }

    /// A tap (or a click without a preceding mouse hover) toggles.
    fn click(&self) {
        let Some(was_open) = self.open_at_press.try_get_value().flatten() else { return };
        self.open_at_press.try_set_value(None);
        if was_open {
            self.release();
        } else {
            self.claim();
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
    let tip = Tip::new(key);
    let wrap = NodeRef::<leptos::html::Span>::new();
    let (enter, leave, down, focus_in, focus_out, click) =
        (tip.clone(), tip.clone(), tip.clone(), tip.clone(), tip.clone(), tip.clone());
    let open = {
        let tip = tip.clone();
        move || tip.is_open()
    };
    let described = {
        let (tip_id, open) = (tip_id.clone(), open.clone());
        move || open().then(|| tip_id.clone())
    };
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrap.try_get_untracked().flatten())
            .is_some_and(|(t, w)| w.contains(Some(&t)));
        if !inside {
            focus_out.set_focus(false);
        }
    };

    view! {
        <span
            class="term-wrap"
            node_ref=wrap
            on:pointerenter=move |ev| if ev.pointer_type() == "mouse" { enter.set_hover(true) }
            on:pointerleave=move |ev| if ev.pointer_type() == "mouse" { leave.set_hover(false) }
            on:pointerdown=move |ev| down.press(ev.pointer_type() != "mouse")
            on:focusin=move |_| focus_in.set_focus(true)
            on:focusout=on_focusout
        >
            <button type="button" class="term" aria-describedby=described on:click=move |_| click.click()>
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
