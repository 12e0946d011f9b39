//! Where a page written at build time has a feature that needs the app (the wasm), a note that
//! says so. The stylesheet hides it while the app starts and once it runs, and shows it when
//! JavaScript is off or the app failed to start (`no-js`, `app-failed` without `app` on
//! `<html>`, set by index.html's start-up check), so a reader without the app knows what the
//! page cannot do and why, and still has the text and every link.

use leptos::prelude::*;

/// `what` names the features ("Search and the glossary's tooltips").
#[component]
pub fn NeedsApp(what: &'static str) -> impl IntoView {
    view! {
            <p class="needs-app">
                "Only with the companion’s app: "
                <strong>{what}</strong>
                ". The app has not started in this browser: JavaScript is off, or one of its files ("
                <code>".wasm"</code>
                ", "
                <code>".js"</code>
                ", "
                <code>".txt"</code>
                ") was blocked by a filter or could not be loaded. The text and every link work without it. To use the rest, allow JavaScript for this site, reload, or try another browser or network."
            </p>
    }
}
