//! A panic must never leave a frozen or blank page. The hook opens a modal dialog over the
//! stopped page (which `showModal` makes inert, so nothing dead can be clicked), with "Reload"
//! and "Back to the library", built with DOM calls (no HTML strings), then logs the panic.
//! A second panic (a dead app can keep failing) adds nothing: one message is enough.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;
use crate::route::{self, Route, View};

static SHOWN: AtomicBool = AtomicBool::new(false);

fn element(document: &web_sys::Document, tag: &str, text: &str) -> Option<web_sys::HtmlElement> {
    let el: web_sys::HtmlElement = document.create_element(tag).ok()?.dyn_into().ok()?;
    el.set_text_content(Some(text));
    Some(el)
}

/// A button that loads `href` (or reloads, for `None`) with a full page load: the app's own
/// navigation died with it.
fn button(document: &web_sys::Document, label: &str, href: Option<String>) -> Option<web_sys::HtmlElement> {
    let button = element(document, "button", label)?;
    button.set_attribute("type", "button").ok()?;
    let go = Closure::<dyn Fn()>::new(move || {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = match &href {
                Some(href) => location.assign(href),
                None => location.reload(),
            };
        }
    });
    button.set_onclick(Some(go.as_ref().unchecked_ref()));
    go.forget();
    Some(button)
}

/// The library, in the embed form when the page was.
fn library_url(location: &web_sys::Location) -> String {
    let embed = route::parse(&location.search().unwrap_or_default()).embed;
    browser::absolute(&route::href(&Route { view: View::Library, embed }))
}

fn show(message: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let dialog: web_sys::HtmlDialogElement = document.create_element("dialog").ok()?.dyn_into().ok()?;
    dialog.set_id("panic");
    dialog.set_attribute("aria-labelledby", "panic-title").ok()?;
    let heading = element(&document, "h1", "Something went wrong")?;
    heading.set_id("panic-title");
    let text = element(
        &document,
        "p",
        "The companion hit an internal error and stopped. Your saved settings are untouched. Reloading the page usually fixes it.",
    )?;
    let detail = element(&document, "pre", message)?;
    let actions = element(&document, "p", "")?;
    actions.set_class_name("panic-actions");
    let reload = button(&document, "Reload", None)?;
    actions.append_child(&reload).ok()?;
    let back = button(&document, "Back to the library", Some(library_url(&window.location())))?;
    actions.append_child(&back).ok()?;
    for child in [&heading, &text, &detail, &actions] {
        dialog.append_child(child).ok()?;
    }
    // Escape would close the dialog and leave the dead page in front.
    let keep_open = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| ev.prevent_default());
    dialog.add_event_listener_with_callback("cancel", keep_open.as_ref().unchecked_ref()).ok()?;
    keep_open.forget();
    document.body()?.append_child(&dialog).ok()?;
    if dialog.show_modal().is_err() {
        dialog.set_open(true);
    }
    reload.focus().ok()
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        if !SHOWN.swap(true, Ordering::Relaxed) {
            show(&info.to_string());
        }
        console_error_panic_hook::hook(info);
    }));
}
