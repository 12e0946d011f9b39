//! Loading saved app state once the first render is in the page. The first render uses the
//! defaults, as the page written at build time does, so the browser hydrates that page as it
//! is; the saved state then updates it.

use leptos::prelude::*;

/// Sets a loaded value only where it differs from the default the page was written with: a set
/// re-renders what reads the signal, and the hydrated page should stay where nothing changed.
pub fn load_into<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|now| *now != value) {
        signal.set(value);
    }
}
