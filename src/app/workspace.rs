//! The student's own work (notes and answers), shared through context and saved in
//! `localStorage` as the same versioned JSON the export writes. Several tabs share that copy,
//! so each change is saved as a change (`analysis::notes::changes`): storage is read again
//! just before every write and the one change applied to what it holds, and the `storage`
//! event brings what other tabs saved into this one. Nothing is ever lost without the page
//! saying so: when storage is blocked the work lives in memory for the tab; when it is full,
//! the changes wait in memory (the page says so where the student writes) and are saved as
//! soon as there is room; saved entries that cannot be read are set aside, each under a key
//! of its own, until the student downloads or dismisses them (My notes).

use leptos::prelude::*;

use super::browser;
use super::persist::load_into;
use crate::analysis::notes::changes::{Change, Saved};
use crate::analysis::notes::drafts::{self, Draft, Drafts};
use crate::analysis::notes::saved::{self, SetAside};
use crate::analysis::notes::{self, Entry, Note, Workspace};

const KEY: &str = "ashraf3-companion.notes.v1";
/// In `sessionStorage`: this tab's notes being written.
const DRAFTS_KEY: &str = "ashraf3-companion.drafts.v1";

/// How often changes that wait for room in storage are tried again.
const RETRY_MS: u32 = 2_000;

/// Where the work is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// In this browser's storage: it survives reloads.
    Saved,
    /// Storage is full: the last changes wait in this tab until there is room.
    Waiting,
    /// Only in this tab (storage blocked, or holding data that could not be set aside).
    TabOnly,
}

#[derive(Clone, Copy)]
pub struct Work {
    pub data: RwSignal<Workspace>,
    pub keeping: RwSignal<Keeping>,
    /// What happened to saved data that could not be read, said once at the top of the page.
    pub problem: RwSignal<Option<String>>,
    /// Saved data set aside because it could not be read: its storage key and what it holds.
    pub set_aside: RwSignal<Vec<(String, SetAside)>>,
    /// The last deleted note and where it stood, for "Undo".
    pub deleted: Undo<Note>,
    /// Notes being written in this tab, by editor (see `analysis::notes::drafts`).
    pub drafts: RwSignal<Drafts>,
    /// This tab's copy with its record of deletions (what `data` shows).
    saved: StoredValue<Saved>,
    /// Changes not yet in storage (it was full), oldest first.
    waiting: StoredValue<Vec<Change>>,
    retrying: StoredValue<bool>,
    counter: StoredValue<u32>,
}

/// Said wherever the student writes, while the work cannot be saved.
pub const TAB_ONLY: &str = "This browser does not let the companion save here (a sandboxed frame, a private window, or storage that is off): your notes and answers are kept only until this tab closes. Export them from My notes to keep them.";

/// Said next to the editor while changes wait for room in storage.
pub const WAITING: &str = "This browser’s storage is full, so your last change is not saved yet: it is kept in this tab and saved as soon as there is room (close other sites’ tabs or clear their data). Export your notes from My notes to be safe.";

impl Work {
    /// No work yet, as every page is written.
    fn empty() -> Self {
        Work {
            data: RwSignal::new(Workspace::default()),
            keeping: RwSignal::new(Keeping::Saved),
            problem: RwSignal::new(None),
            set_aside: RwSignal::new(Vec::new()),
            deleted: Undo::default(),
            drafts: RwSignal::new(Drafts::new()),
            saved: StoredValue::new(Saved::default()),
            waiting: StoredValue::new(Vec::new()),
            retrying: StoredValue::new(false),
            counter: StoredValue::new(0),
        }
    }

    /// The saved work, in place of none; then follows what other tabs save.
    fn load(self) {
        if let Some(text) = browser::tab_get(DRAFTS_KEY) {
            load_into(self.drafts, drafts::from_json(&text));
        }
        if browser::storage_blocked() {
            // Said where the student works (notes, questions), not on every page of a frame.
            load_into(self.keeping, Keeping::TabOnly);
            // What this tab kept on its other pages (`browser::storage_get` reads the tab's
            // store here).
            if let Some(kept) = self.read_storage() {
                self.show(kept);
            }
            return;
        }
        if let Some(fresh) = self.read_storage() {
            self.show(fresh);
        }
        self.list_set_aside();
        browser::on_storage(move |key| match key.as_deref() {
            Some(KEY) | None => {
                self.refresh();
                self.list_set_aside();
            }
            Some(key) if saved::is_aside_key(key) => self.list_set_aside(),
            _ => {}
        });
    }

    /// What storage holds now, as far as it can be read. Entries that cannot be read are set
    /// aside first, each under a key of its own, and only then left out of the saved copy;
    /// if a copy cannot be made, nothing is written over them: the work stays in this tab.
    fn read_storage(self) -> Option<Saved> {
        let Some(text) = browser::storage_get(KEY) else { return Some(Saved::default()) };
        let read = saved::read(&text);
        if read.unreadable.is_empty() {
            return Some(read.saved);
        }
        let at = now();
        let copies: Vec<(String, SetAside)> = read
            .unreadable
            .iter()
            .enumerate()
            .map(|(n, u)| {
                let aside = SetAside { at, why: u.why.clone(), data: u.text.clone() };
                (aside.key(n), aside)
            })
            .collect();
        let all_copied = copies.iter().all(|(key, aside)| browser::storage_set(key, &aside.to_json()));
        let count = copies.len();
        if !all_copied || !browser::storage_set(KEY, &read.saved.to_json(at)) {
            self.keeping.set(Keeping::TabOnly);
            self.problem.set(Some("Some of your saved notes could not be read, and this browser’s storage is too full to set them aside: nothing was changed in storage, and your work in this tab is kept only until it closes. Export it from My notes.".into()));
            self.saved.set_value(read.saved);
            return None;
        }
        self.problem.set(Some(format!(
            "{} of your saved notes and answers could not be read. {} set aside, not deleted: download {} from My notes. Everything else is here.",
            if count == 1 { "One entry".to_string() } else { format!("{count} entries") },
            if count == 1 { "It was" } else { "They were" },
            if count == 1 { "it" } else { "them" },
        )));
        self.list_set_aside();
        Some(read.saved)
    }

    /// Shows `saved` with the changes still waiting applied on top.
    fn show(self, mut saved: Saved) {
        self.waiting.with_value(|w| w.iter().for_each(|c| saved.apply(c)));
        load_into(self.data, saved.work.clone());
        self.saved.set_value(saved);
    }

    /// What another tab saved.
    fn refresh(self) {
        if self.keeping.get_untracked() == Keeping::TabOnly {
            return;
        }
        if self.waiting.with_value(Vec::is_empty) {
            if let Some(fresh) = self.read_storage() {
                self.show(fresh);
            }
        } else {
            // The other tab may have freed room: the waiting changes go in with its work.
            self.flush();
        }
    }

    fn list_set_aside(self) {
        let mut found: Vec<(String, SetAside)> = browser::storage_keys()
            .into_iter()
            .filter(|k| saved::is_aside_key(k))
            .filter_map(|k| browser::storage_get(&k).map(|v| (k, SetAside::from_saved(&v))))
            .collect();
        found.sort_by(|a, b| a.1.at.total_cmp(&b.1.at).then_with(|| a.0.cmp(&b.0)));
        load_into(self.set_aside, found);
    }

    /// Removes a set-aside copy, once the student has it or does not want it.
    pub fn dismiss_set_aside(self, key: &str) {
        browser::storage_remove(key);
        self.set_aside.update(|list| list.retain(|(k, _)| k != key));
    }

    /// Saves one change: applied to what storage holds just now, and written back. Returns
    /// whether it is in storage (false: it waits in this tab, or storage is blocked).
    pub fn change(self, change: Change) -> bool {
        if self.keeping.get_untracked() == Keeping::TabOnly {
            self.keep_in_tab(&[change]);
            return false;
        }
        self.waiting.update_value(|w| w.push(change));
        self.flush()
    }

    /// Applies changes to this tab's copy only, where storage cannot take them. Where the
    /// browser refuses storage, the copy goes to the tab's own store, so that the tab's next
    /// page (each kind of view is a page of its own) still has it; where storage is only full,
    /// nothing is written, as what it holds and could not be set aside must not be overwritten.
    fn keep_in_tab(self, changes: &[Change]) {
        let mut saved = self.saved.get_value();
        changes.iter().for_each(|c| saved.apply(c));
        load_into(self.data, saved.work.clone());
        if browser::storage_blocked() {
            browser::storage_set(KEY, &saved.to_json(now()));
        }
        self.saved.set_value(saved);
    }

    /// Writes the waiting changes into storage; on failure they keep waiting, shown in this tab.
    fn flush(self) -> bool {
        let Some(mut fresh) = self.read_storage() else {
            // Storage could not take the set-aside copies: the work stays in this tab.
            let waiting = self.waiting.get_value();
            self.waiting.set_value(Vec::new());
            self.keep_in_tab(&waiting);
            return false;
        };
        self.waiting.with_value(|w| w.iter().for_each(|c| fresh.apply(c)));
        let written = browser::storage_set(KEY, &fresh.to_json(now()));
        if written {
            self.waiting.set_value(Vec::new());
            load_into(self.keeping, Keeping::Saved);
        } else {
            load_into(self.keeping, Keeping::Waiting);
            self.retry_later();
        }
        load_into(self.data, fresh.work.clone());
        self.saved.set_value(fresh);
        written
    }

    fn retry_later(self) {
        if self.retrying.get_value() {
            return;
        }
        self.retrying.set_value(true);
        gloo_timers::callback::Timeout::new(RETRY_MS, move || {
            self.retrying.set_value(false);
            if !self.waiting.with_value(Vec::is_empty) {
                self.flush();
            }
        })
        .forget();
    }

    /// The draft of an editor, if one is kept.
    pub fn draft(self, editor: &str) -> Option<Draft> {
        self.drafts.with_untracked(|d| d.get(editor).cloned())
    }

    /// Keeps what an editor holds, as it is typed; `None` once it is saved or cancelled.
    pub fn set_draft(self, editor: &str, draft: Option<Draft>) {
        self.drafts.update(|d| match draft {
            Some(draft) => {
                d.insert(editor.to_string(), draft);
            }
            None => {
                d.remove(editor);
            }
        });
        let json = self.drafts.with_untracked(|d| (!d.is_empty()).then(|| drafts::to_json(d)));
        browser::tab_set(DRAFTS_KEY, json.as_deref());
    }

    /// Whether a note is being written in this tab.
    pub fn has_drafts(self) -> bool {
        self.drafts.with_untracked(|d| !d.is_empty())
    }

    /// A new note id.
    pub fn new_id(self) -> String {
        let n = self.counter.get_value();
        self.counter.set_value(n + 1);
        notes::new_id(now(), n)
    }

    pub fn put_note(self, note: Note) -> bool {
        self.change(Change::PutNote(note))
    }

    /// Sets an answer's text and/or its estimate (see `Workspace::set_answer`).
    pub fn answer(self, question: &str, text: Option<String>, estimate: Option<Option<f64>>) -> bool {
        self.change(Change::Answer { question: question.to_string(), text, estimate, at: now() })
    }
}

/// The last entry of one kind (a note, an added source) the student removed and where it
/// stood, for "Undo": both kinds are removed and put back alike (`notes::Entry`).
pub struct Undo<E: Entry + Send + Sync + 'static>(RwSignal<Option<(usize, E)>>);

// Derived, these would ask `E: Copy`; the signal is a handle, copied whatever it holds.
impl<E: Entry + Send + Sync + 'static> Clone for Undo<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: Entry + Send + Sync + 'static> Copy for Undo<E> {}

impl<E: Entry + Send + Sync + 'static> Default for Undo<E> {
    fn default() -> Self {
        Undo(RwSignal::new(None))
    }
}

impl<E: Entry + Send + Sync + 'static> Undo<E> {
    /// Removes the entry `id` from the work and keeps it to put back; returns it, or `None`
    /// when it is not there (another tab removed it), which leaves the last one to undo.
    pub fn remove(self, work: Work, id: &str) -> Option<E> {
        let found = work.data.with_untracked(|w| {
            let at = E::list(w).iter().position(|e| e.id() == id)?;
            Some((at, E::list(w)[at].clone()))
        })?;
        work.change(E::deletion(id.to_string(), now()));
        self.0.set(Some(found.clone()));
        Some(found.1)
    }

    /// Puts the last removed entry back where it stood; returns it.
    pub fn undo(self, work: Work) -> Option<E> {
        let (index, entry) = self.0.get_untracked()?;
        work.change(entry.clone().restoration(index, now()));
        self.0.set(None);
        Some(entry)
    }

    /// Whether there is something to undo (tracked).
    pub fn pending(self) -> bool {
        self.0.with(Option::is_some)
    }

    /// Forgets the last removal: "Undo" goes.
    pub fn dismiss(self) {
        self.0.set(None);
    }
}

/// Milliseconds since the epoch, as the notes record times.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Provides the work as context and loads the saved work after the first render (the page
/// written at build time has none).
pub fn provide() -> Work {
    let work = Work::empty();
    let mut once = Some(work);
    Effect::new(move |_| {
        if let Some(work) = once.take() {
            untrack(|| work.load());
        }
    });
    provide_context(work);
    work
}

pub fn use_work() -> Work {
    expect_context::<Work>()
}

/// Where the student writes: says so while the work is kept for this tab only, or waits for
/// room in storage.
#[component]
pub fn KeepingNotice() -> impl IntoView {
    let work = use_work();
    view! {
        {move || match work.keeping.get() {
            Keeping::Saved => None,
            Keeping::TabOnly => Some(view! { <p class="notice keeping">{TAB_ONLY} " " <a href=crate::route::notes_href()>"My notes"</a></p> }),
            Keeping::Waiting => Some(view! { <p class="notice keeping" role="alert">{WAITING} " " <a href=crate::route::notes_href()>"Export from My notes"</a></p> }),
        }}
    }
}
