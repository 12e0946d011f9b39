//! The line that tells the outcome of an action (a link copied, notes saved or imported),
//! which screen readers speak as it changes. Kept in the page while silent, so that it is
//! heard when it speaks, but drawn only then: empty, it would float over the text.

use leptos::prelude::*;

#[component]
pub fn Status(message: RwSignal<String>) -> impl IntoView {
    view! { <p class="status" class:idle=move || message.with(String::is_empty) role="status">{move || message.get()}</p> }
}
