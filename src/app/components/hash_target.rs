//! The URL fragment as the page's target: scrolled to (and focused) once the view has
//! rendered, because the browser's own jump happened before the element existed.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::app::browser;
use crate::app::current::FirstRenderDone;

/// The current fragment without `#`. When it is empty, `fallback` (if any) is scrolled to.
pub fn use_hash_target(fallback: Option<&'static str>) -> Memo<String> {
    let hash = use_location().hash;
    // Empty in the first render, as in the page written at build time (which has no fragment:
    // the browser's own jump finds the target there).
    let done = expect_context::<FirstRenderDone>().0;
    let target =
        Memo::new(move |_| if done.get() { hash.get().trim_start_matches('#').to_string() } else { String::new() });
    Effect::new(move |_| {
        let id = target.get();
        let id = if id.is_empty() { fallback.unwrap_or_default().to_string() } else { id };
        if !id.is_empty() {
            request_animation_frame(move || {
                browser::scroll_to_id(&id);
            });
        }
    });
    target
}
