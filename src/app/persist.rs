//! Loading saved app state once the first render is in the page, and saving it whenever it
//! changes after that. The first render uses the defaults, as the page written at build time
//! does, so the browser hydrates that page as it is; the saved state then updates it. The
//! load is never saved back: writing the value just read would replace saved data the app could
//! not read (and has set aside) with the defaults it fell back to.

use leptos::prelude::*;

/// Runs `load` after the first render, then `save` after every change that `track` reads.
pub fn load_then_save(load: impl FnOnce() + 'static, track: impl Fn() + 'static, save: impl Fn() + 'static) {
    let mut once = Some((load, track, save));
    Effect::new(move |_| {
        if let Some((load, track, save)) = once.take() {
            untrack(load);
            save_on_change(track, save);
        }
    });
}

/// Sets a loaded value only where it differs from the default the page was written with: a set
/// re-renders what reads the signal, and the hydrated page should stay where nothing changed.
pub fn load_into<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|now| *now != value) {
        signal.set(value);
    }
}

/// Runs `save` after every change that `track` reads, skipping the first run (the load).
fn save_on_change(track: impl Fn() + 'static, save: impl Fn() + 'static) {
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        track();
        if first.get_value() {
            first.set_value(false);
        } else {
            save();
        }
    });
}
