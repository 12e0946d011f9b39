//! A panic must never leave a frozen or blank page: the hook writes a visible message with a
//! reload button, built with DOM calls (no HTML strings), then logs the panic.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn show(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let panel = document.create_element("div").ok()?;
    panel.set_id("panic");
    panel.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h1").ok()?;
    heading.set_text_content(Some("Something went wrong"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(
        "The companion hit an internal error and stopped. Your saved settings are untouched. Reloading the page usually fixes it.",
    ));
    let detail = document.create_element("pre").ok()?;
    detail.set_text_content(Some(message));
    let button: web_sys::HtmlElement = document.create_element("button").ok()?.dyn_into().ok()?;
    button.set_text_content(Some("Reload"));
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    button.set_onclick(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    for child in [&heading, &text, &detail, button.as_ref()] {
        panel.append_child(child).ok()?;
    }
    body.append_child(&panel).ok()?;
    button.focus().ok()
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        show(&info.to_string());
        console_error_panic_hook::hook(info);
    }));
}
