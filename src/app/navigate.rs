//! The one way code moves the app to another view (the comparison's selectors and swap, search
//! typing): a route goes in, the router's relative navigation comes out. Links in the page need
//! none of this, the router follows their relative hrefs. Passing the router anything but the
//! relative href of a route (a path with the sub-path in front, say) makes it add its base a
//! second time, and the URL then 404s on reload.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::shell::use_route;
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
            &route::href(&Route { view, embed }),
            NavigateOptions { replace, scroll: !replace, ..Default::default() },
        );
    }
}
