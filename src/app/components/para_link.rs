//! "Copy link to paragraph N": copies the paragraph's absolute URL and puts its fragment in
//! the address bar. Where the clipboard is unavailable (an insecure context, a sandboxed
//! iframe) the link is shown instead so it can be copied by hand.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::browser;

#[component]
pub fn ParaLink(
    /// The paragraph's element id.
    id: &'static str,
    /// Its number as readers count ("3" for `p3`).
    label: String,
    /// The relative URL of the view the paragraph is in.
    href: String,
    /// Where to report the outcome (a polite live region shared by the page).
    status: RwSignal<String>,
) -> impl IntoView {
    let name = format!("Copy link to paragraph {label}");
    let copy = move |_| {
        let url = browser::absolute(&format!("{href}#{id}"));
        browser::replace_hash(id);
        spawn_local(async move {
            let ok = browser::copy_text(&url).await;
            status.set(if ok {
                "Link copied".to_string()
            } else {
                format!("Copy this link: {url}")
            });
        });
    };
    view! {
        <button type="button" class="para-link" aria-label=name title="Copy link to this paragraph" on:click=copy>
            <span aria-hidden="true">"¶"</span>
        </button>
    }
}
