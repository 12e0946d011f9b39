//! The one way code moves the app to another view (the comparison's selectors and swap, search
//! typing): a route goes in, the router navigates to its absolute URL. Links in the page need
//! none of this, the router follows their hrefs (resolved against the `<base>`). The router
//! resolves a relative path against its own idea of the current path, not the `<base>`, and a
//! path with the sub-path in front gets its base a second time: only a full URL is unambiguous.
//!
//! A view this page's module does not hold (`current::Views`) is another page: the browser
//! loads it, from a link or from code, and the router never sees it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::*;

use super::browser;
use super::current::{use_route, Views};
use crate::route::{self, Route, View};

/// How a navigation treats history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new history entry, scrolled to the top: another view.
    Push,
    /// The same entry, scroll kept: a refinement of the current view (a query being typed).
    Replace,
}

/// Returns `go(view, entry)`. The embed form stays the embed form.
pub fn use_go() -> impl Fn(View, Entry) + Clone + 'static {
    let navigate = use_navigate();
    let current = use_route();
    let views = expect_context::<Views>();
    move |view: View, entry: Entry| {
        let embed = current.with_untracked(|r| r.embed);
        let replace = entry == Entry::Replace;
        let held = views.holds(&view);
        let url = browser::absolute(&route::href(&Route { view, embed }));
        if held {
            navigate(&url, NavigateOptions { replace, scroll: !replace, ..Default::default() });
        } else {
            browser::load(&url, replace);
        }
    }
}

/// Leaves a click on a link to a view of another module to the browser, which loads its page:
/// the router, which would otherwise take the click (it listens on the window as the event
/// bubbles), then finds it handled. Clicks the router leaves alone (a modifier key, a target)
/// are left alone here too.
pub fn leave_links_to_other_pages(views: Views) {
    let Some(window) = browser::window() else { return };
    if views.module.is_none() {
        return;
    }
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let path = ev.composed_path();
        let Some(link) = (0..path.length()).find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !link.target().is_empty() || link.has_attribute("download") {
            return;
        }
        let url = link.href();
        if browser::relative_of(&url).is_some_and(|relative| !views.holds(&route::parse(&relative).view)) {
            ev.prevent_default();
            browser::load(&url, false);
        }
    });
    let _ = window.add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    on_click.forget();
}
