//! Copying to the clipboard with a spoken result. Where the clipboard is unavailable (an
//! insecure context, a sandboxed iframe) the text itself is shown so it can be copied by hand.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::browser;

/// Copies `text` and reports the outcome in `status` (a polite live region). A success
/// message clears itself after a few seconds; a "copy by hand" message stays.
pub fn copy_and_report(text: String, done: &'static str, status: RwSignal<String>) {
    spawn_local(async move {
        let ok = browser::copy_text(&text).await;
        status.try_set(if ok { done.to_string() } else { format!("Copying is blocked here. Select and copy: {text}") });
        if ok {
            gloo_timers::future::TimeoutFuture::new(4_000).await;
            status.try_update(|s| {
                if s == done {
                    s.clear();
                }
            });
        }
    });
}

/// A button that copies the current value of `text`.
pub fn copy_button(label: &'static str, text: Signal<String>, status: RwSignal<String>) -> impl IntoView {
    view! {
        <button type="button" on:click=move |_| copy_and_report(text.get_untracked(), "Copied", status)>{label}</button>
    }
}
