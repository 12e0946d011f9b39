//! The search query as it is being typed. Results follow every keystroke, but the URL (which
//! makes a search shareable) is written only once typing pauses: browsers refuse more than
//! about a hundred history writes in thirty seconds (Safari throws), and a long query typed
//! at speed would reach that.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use super::current::use_route;
use super::navigate::{use_go, Entry};
use crate::route::View;

/// How long typing must pause before the URL follows.
const URL_DELAY_MS: u32 = 600;

#[derive(Clone, Copy)]
pub struct LiveQuery {
    /// What the search field holds now; the search page shows its results.
    pub text: RwSignal<String>,
    /// The query the app last wrote to the URL, to tell its own writes from a visit
    /// (back, forward, a link) that brings another query.
    written: StoredValue<String>,
}

/// Provides the live query, following the URL whenever a visit brings a search.
pub fn provide() {
    let route = use_route();
    let live = LiveQuery { text: RwSignal::new(String::new()), written: StoredValue::new(String::new()) };
    Effect::new(move |_| {
        if let View::Search { query } = route.get().view {
            if live.written.with_value(|w| *w != query) {
                live.written.set_value(query.clone());
                live.text.set(query);
            }
        }
    });
    provide_context(live);
}

pub fn use_live_query() -> LiveQuery {
    expect_context::<LiveQuery>()
}

/// Returns the field's input handler: results at once, the URL after a pause (or at once
/// when the search starts from another view, which is a new history entry).
pub fn use_type_query() -> impl Fn(String) + 'static {
    let live = use_live_query();
    let route = use_route();
    let go = use_go();
    let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
    move |query: String| {
        live.text.set(query.clone());
        let write = {
            let go = go.clone();
            move |query: String, entry: Entry| {
                live.written.set_value(query.clone());
                go(View::Search { query }, entry);
            }
        };
        if !route.with_untracked(|r| matches!(r.view, View::Search { .. })) {
            pending.borrow_mut().take();
            write(query, Entry::Push);
            return;
        }
        let timeout = Timeout::new(URL_DELAY_MS, move || write(query, Entry::Replace));
        // Dropping the previous timeout cancels it: only the pause after the last key writes.
        *pending.borrow_mut() = Some(timeout);
    }
}
