//! The app taking over the page written at build time. The app loads once that page has (the
//! text comes first), so a student may already be scrolling, tabbing and typing in it: the app
//! carries on from there, at the same scroll position, with the same control focused and the
//! same words typed, and acts on those words as if typed into it.

use leptos::prelude::IntoView;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use super::browser;
use crate::route;

/// What a student can reach and use, in document order: the app's render of a view has the
/// same controls in the same order as the page written from it.
const CONTROLS: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// A control by its place among [`CONTROLS`] and what names it, so that a render that differs
/// (a returning student's notes add buttons) is never handed the wrong one.
struct Control {
    index: usize,
    name: String,
}

enum Typed {
    Text(String),
    Checked(bool),
}

/// Starts the app on the page written at build time. When that page was rendered for this
/// address, the app hydrates it: it adopts the nodes the browser already shows, so nothing is
/// laid out or painted again, and the scroll position, the focus and a selection simply stay.
/// Otherwise (a host's 404.html at an unknown address, a link of an earlier version moved to
/// its view) it renders the view below the page and removes the page in the same task, so
/// the browser never paints in between. Either way the words typed and the boxes ticked
/// before the app arrived are handed to it as if typed there, and the document is marked as
/// run by the app (the page's "needs the app" notes then go).
pub fn start<N: IntoView + 'static>(app: impl FnOnce() -> N + 'static) {
    let Some(document) = browser::document() else { return };
    let Some(body) = document.body() else { return };
    let before = controls_from(&body);
    let focused =
        document.active_element().and_then(|a| before.iter().position(|c| *c == a)).map(|i| Control::at(i, &before[i]));
    let typed: Vec<_> =
        before.iter().enumerate().filter_map(|(i, c)| typed(c).map(|t| (Control::at(i, c), t))).collect();
    if rendered_for_here(&document) {
        hydrate(app);
    } else {
        let children = body.children();
        let page: Vec<Element> =
            (0..children.length()).filter_map(|i| children.item(i)).filter(|e| e.tag_name() != "SCRIPT").collect();
        leptos::mount::mount_to_body(app);
        for node in &page {
            node.remove();
        }
    }
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("app");
    }
    let after = controls_from(&body);
    if let Some(el) = focused.and_then(|c| c.find(&after)).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        if document.active_element().as_ref() != Some(&el) {
            let _ = el.focus();
        }
    }
    for (control, typed) in typed {
        if let Some(el) = control.find(&after) {
            retype(&el, typed);
        }
    }
}

// Hydration is compiled for the browser only; the host renders the pages it hydrates.
#[cfg(target_arch = "wasm32")]
fn hydrate<N: IntoView + 'static>(app: impl FnOnce() -> N + 'static) {
    super::components::adopt::hydrating_in(|| leptos::mount::hydrate_body(app));
}

#[cfg(not(target_arch = "wasm32"))]
fn hydrate<N: IntoView + 'static>(_: impl FnOnce() -> N + 'static) {}

/// Whether the page holds this address's view, as the page renderer names it in its
/// `<meta name="companion-view">`. The query is left out: the app's first render leaves it
/// out too, and applies it once the page is hydrated (`shell::Shell`).
fn rendered_for_here(document: &web_sys::Document) -> bool {
    let Some(meta) = document.query_selector(r#"meta[name="companion-view"]"#).ok().flatten() else { return false };
    let rendered = route::parse(&meta.get_attribute("content").unwrap_or_default()).view;
    let here = browser::current_relative();
    route::parse(here.split('?').next().unwrap_or_default()).view == rendered
}

impl Control {
    fn at(index: usize, el: &Element) -> Control {
        Control { index, name: name(el) }
    }

    fn find(&self, controls: &[Element]) -> Option<Element> {
        controls.get(self.index).filter(|el| name(el) == self.name).cloned()
    }
}

/// The controls in `root` and below it, in document order.
fn controls_from(root: &Element) -> Vec<Element> {
    let own = root.matches(CONTROLS).unwrap_or(false).then(|| root.clone());
    let Ok(list) = root.query_selector_all(CONTROLS) else { return own.into_iter().collect() };
    own.into_iter().chain((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())).collect()
}

fn name(el: &Element) -> String {
    let id = el.id();
    let label = if id.is_empty() { el.text_content().unwrap_or_default() } else { id };
    format!("{} {}", el.tag_name(), label.trim())
}

/// What the student changed in a field, if anything.
fn typed(el: &Element) -> Option<Typed> {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "checkbox" | "radio" => {
                (input.checked() != input.default_checked()).then(|| Typed::Checked(input.checked()))
            }
            "button" | "submit" | "reset" | "file" | "hidden" | "image" => None,
            _ => (input.value() != input.default_value()).then(|| Typed::Text(input.value())),
        };
    }
    let area = el.dyn_ref::<HtmlTextAreaElement>().filter(|a| !a.read_only())?;
    (Ok(area.value()) != area.default_value()).then(|| Typed::Text(area.value()))
}

/// Puts the student's change into the app's field and tells the app, as the browser would.
fn retype(el: &Element, typed: Typed) {
    let event = match typed {
        Typed::Text(text) => {
            if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                input.set_value(&text);
            } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(&text);
            }
            "input"
        }
        Typed::Checked(checked) => {
            if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                input.set_checked(checked);
            }
            "change"
        }
    };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(event, &init) {
        let _ = el.dispatch_event(&event);
    }
}
