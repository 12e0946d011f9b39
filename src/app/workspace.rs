//! The student's own work (notes and answers), shared through context and saved in
//! `localStorage` as the same versioned JSON the export writes. Nothing is ever lost without
//! the page saying so: when storage is blocked or full the work lives in memory for the tab
//! and the page offers the export; saved data that cannot be read is set aside (kept in
//! storage under another key and in memory, exportable), never overwritten.

use leptos::prelude::*;

use super::browser;
use super::persist::{load_into, load_then_save};
use crate::analysis::notes::{self, Note, Workspace};

const KEY: &str = "ashraf3-companion.notes.v1";
const ASIDE_KEY: &str = "ashraf3-companion.notes.unreadable";

/// Where the work is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// In this browser's storage: it survives reloads.
    Saved,
    /// Only in this tab (storage blocked, full, or holding data that must not be replaced).
    TabOnly,
}

#[derive(Clone, Copy)]
pub struct Work {
    pub data: RwSignal<Workspace>,
    pub keeping: RwSignal<Keeping>,
    /// Why the work is not saved, or what happened to unreadable saved data.
    pub problem: RwSignal<Option<String>>,
    /// Saved data that could not be read, kept so the student can export it.
    pub set_aside: RwSignal<Option<String>>,
    /// The last deleted note and where it stood, for "Undo".
    pub deleted: RwSignal<Option<(usize, Note)>>,
    counter: StoredValue<u32>,
}

/// Said wherever the student writes, while the work cannot be saved.
pub const TAB_ONLY: &str = "This browser does not let the companion save here (a sandboxed frame, a private window, or storage that is off or full): your notes and answers are kept only until this tab closes. Export them from My notes to keep them.";

impl Work {
    /// No work yet, as every page is written.
    fn empty() -> Self {
        Work {
            data: RwSignal::new(Workspace::default()),
            keeping: RwSignal::new(Keeping::Saved),
            problem: RwSignal::new(None),
            set_aside: RwSignal::new(None),
            deleted: RwSignal::new(None),
            counter: StoredValue::new(0),
        }
    }

    /// The saved work, in place of none.
    fn load(self) {
        let (mut data, mut keeping, mut problem, mut aside) = (Workspace::default(), Keeping::Saved, None, None);
        if browser::storage_blocked() {
            // Said where the student works (notes, questions), not on every page of a frame.
            keeping = Keeping::TabOnly;
        } else if let Some(text) = browser::storage_get(KEY) {
            match notes::from_json(&text) {
                Ok(w) => data = w,
                Err(e) => {
                    // Keep the old value where it is unless a copy is safely aside.
                    let copied = browser::storage_get(ASIDE_KEY).as_deref() == Some(text.as_str())
                        || browser::storage_set(ASIDE_KEY, &text);
                    if !copied {
                        keeping = Keeping::TabOnly;
                    }
                    problem = Some(format!(
                        "Your saved notes could not be read ({e}). They were set aside, not deleted: download them from My notes. New notes start empty."
                    ));
                    aside = Some(text);
                }
            }
        }
        load_into(self.data, data);
        load_into(self.keeping, keeping);
        load_into(self.problem, problem);
        load_into(self.set_aside, aside);
    }

    fn save(self) {
        if self.keeping.get_untracked() == Keeping::TabOnly {
            return;
        }
        let json = self.data.with_untracked(|w| notes::to_json(w, now()));
        if !browser::storage_set(KEY, &json) {
            self.keeping.set(Keeping::TabOnly);
            self.problem.set(Some(
                "Your notes could not be saved (this browser's storage is full or refused): they are kept until this tab closes. Export them from My notes to keep them.".into(),
            ));
        }
    }

    /// A new note id.
    pub fn new_id(self) -> String {
        let n = self.counter.get_value();
        self.counter.set_value(n + 1);
        notes::new_id(now(), n)
    }

    pub fn delete(self, id: &str) {
        let removed = self.data.try_update(|w| w.remove_note(id)).flatten();
        self.deleted.set(removed);
    }

    pub fn undo_delete(self) {
        if let Some((at, note)) = self.deleted.get_untracked() {
            self.data.update(|w| w.restore_note(at, note));
            self.deleted.set(None);
        }
    }
}

/// Milliseconds since the epoch, as the notes record times.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Provides the work as context; loads the saved work after the first render, and saves it
/// whenever it changes.
pub fn provide() -> Work {
    let work = Work::empty();
    load_then_save(move || work.load(), move || work.data.track(), move || work.save());
    provide_context(work);
    work
}

pub fn use_work() -> Work {
    expect_context::<Work>()
}

/// Where the student writes: says so while the work is kept for this tab only.
#[component]
pub fn KeepingNotice() -> impl IntoView {
    let work = use_work();
    view! {
        <Show when=move || work.keeping.get() == Keeping::TabOnly>
            <p class="notice keeping">{TAB_ONLY} " " <a href=crate::route::notes_href()>"My notes"</a></p>
        </Show>
    }
}
