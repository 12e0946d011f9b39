//! The one way code moves the app to another view (the comparison's selectors and swap, search
//! typing): a route goes in, the router navigates to its absolute URL. Links in the page need
//! none of this, the router follows their hrefs (resolved against the `<base>`). The router
//! resolves a relative path against its own idea of the current path, not the `<base>`, and a
//! path with the sub-path in front gets its base a second time: only a full URL is unambiguous.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::browser;
use super::current::use_route;
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
    move |view: View, entry: Entry| {
        let embed = current.with_untracked(|r| r.embed);
        let replace = entry == Entry::Replace;
        navigate(
            &browser::absolute(&route::href(&Route { view, embed })),
            NavigateOptions { replace, scroll: !replace, ..Default::default() },
        );
    }
}
