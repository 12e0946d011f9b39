//! The search index, fetched the first time a view needs it (a search, a reader link that
//! marks a search's hits) rather than carried in the wasm. The service worker precaches the
//! file with the rest of the build, so search works offline after the first visit; if the
//! file cannot be fetched, the view says so instead of showing no results.

use leptos::prelude::*;

use super::{browser, fetch};
use crate::analysis::search::{Index, IndexBuf};
use crate::corpus::SEARCH_INDEX_FILE;

#[derive(Clone, Debug)]
pub enum IndexState {
    Idle,
    Loading,
    Ready(Index<'static>),
    Failed(String),
}

#[derive(Clone, Copy)]
struct SearchIndex(RwSignal<IndexState>);

pub fn provide() {
    provide_context(SearchIndex(RwSignal::new(IndexState::Idle)));
}

/// The index's state; the first call starts the fetch.
pub fn use_search_index() -> RwSignal<IndexState> {
    let state = expect_context::<SearchIndex>().0;
    // The page renderer has no network: its page waits for the app.
    if matches!(state.get_untracked(), IndexState::Idle) && browser::window().is_some() {
        state.set(IndexState::Loading);
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = match fetch().await {
                // Loaded once for the life of the page, so the index can be borrowed freely.
                Ok(buf) => IndexState::Ready(Box::leak(Box::new(buf)).as_index()),
                Err(e) => IndexState::Failed(format!(
                    "The search index could not be loaded ({e}). Check the connection and reload the page."
                )),
            };
            state.set(loaded);
        });
    }
    state
}

async fn fetch() -> Result<IndexBuf, String> {
    IndexBuf::from_bytes(&fetch::bytes(SEARCH_INDEX_FILE).await?)
}
