//! Saving app state whenever it changes, but not when it is first loaded: writing back the
//! value just read would replace saved data the app could not read (and has set aside) with
//! the defaults it fell back to.

use leptos::prelude::*;

/// Runs `save` after every change that `track` reads, skipping the first run (the load).
pub fn save_on_change(track: impl Fn() + 'static, save: impl Fn() + 'static) {
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
