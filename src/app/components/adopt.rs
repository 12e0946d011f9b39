//! Adopting the page written at build time as it stands. While the app hydrates that page, a
//! part that is static markup for the app (a passage's text, the whole aligned table of a
//! comparison) is already exactly what the app would render: the app takes its element over
//! without walking the nodes inside, which is most of a long page's hydration. Such a part
//! re-renders in full the first time what it shows changes (a note, a setting).

use std::sync::atomic::{AtomicBool, Ordering};

/// One part's choice, made when it is created: adopt the page's element on its first render.
pub struct Adopt(AtomicBool);

impl Adopt {
    pub fn new() -> Self {
        Adopt(AtomicBool::new(hydrating()))
    }

    /// True on the first render while hydrating, false from then on.
    pub fn now(&self) -> bool {
        self.0.swap(false, Ordering::Relaxed)
    }
}

/// Whether the app is hydrating the page written at build time: set around the hydration by
/// [`hydrating_in`], so that exactly the parts the hydration creates adopt, and none created
/// after it (a setting's change, another view).
static HYDRATING: AtomicBool = AtomicBool::new(false);

fn hydrating() -> bool {
    HYDRATING.load(Ordering::Relaxed)
}

/// Runs `hydrate` (the hydration of the page, which runs every part's first render) with
/// adoption on. The host writes pages and never hydrates one.
#[cfg(target_arch = "wasm32")]
pub fn hydrating_in(hydrate: impl FnOnce()) {
    HYDRATING.store(true, Ordering::Relaxed);
    hydrate();
    HYDRATING.store(false, Ordering::Relaxed);
}
