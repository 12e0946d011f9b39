//! App-wide reader settings, shared through context and remembered in `localStorage` when the
//! browser allows it. When storage is blocked (a sandboxed iframe, a privacy mode) they live in
//! memory for the visit. Like the notes, a setting is saved as a change: storage is read again
//! before the write and only the setting the student changed is written, and the `storage`
//! event brings another tab's change into this one. Saved data that cannot be read is kept
//! aside, never overwritten silently, and the page says so.

use leptos::prelude::*;

use super::browser;
use super::persist::load_into;
use crate::prefs::Prefs;

const KEY: &str = "ashraf3-companion.settings.v1";
const BACKUP_KEY: &str = "ashraf3-companion.settings.unreadable";

#[derive(Clone, Copy)]
pub struct Settings {
    /// Underline glossary terms and offer their tooltips.
    pub glossary_marks: RwSignal<bool>,
    /// Scroll the two columns of a comparison together.
    pub sync_scroll: RwSignal<bool>,
    /// A message about saved data that could not be read, shown once in the page.
    pub notice: RwSignal<Option<String>>,
    /// The settings as this tab last read or wrote them: what differs from it is a change.
    known: StoredValue<Prefs>,
}

impl Settings {
    /// The settings every page is written with.
    fn defaults() -> Self {
        let prefs = Prefs::default();
        Settings {
            glossary_marks: RwSignal::new(prefs.glossary_marks),
            sync_scroll: RwSignal::new(prefs.sync_scroll),
            notice: RwSignal::new(None),
            known: StoredValue::new(prefs),
        }
    }

    /// What is saved now (the defaults where nothing readable is).
    fn read(self) -> Prefs {
        match browser::storage_get(KEY) {
            None => Prefs::default(),
            Some(text) => Prefs::from_saved(&text).unwrap_or_else(|| {
                // Keep the unreadable value so nothing the student saved is lost.
                browser::storage_set(BACKUP_KEY, &text);
                self.notice.set(Some(
                    "Your saved settings could not be read, so the defaults are in use. The old value was kept aside in this browser's storage.".to_string(),
                ));
                Prefs::default()
            }),
        }
    }

    fn current(self) -> Prefs {
        Prefs { glossary_marks: self.glossary_marks.get(), sync_scroll: self.sync_scroll.get() }
    }

    /// Shows `prefs` as what storage holds.
    fn show(self, prefs: Prefs) {
        self.known.set_value(prefs);
        load_into(self.glossary_marks, prefs.glossary_marks);
        load_into(self.sync_scroll, prefs.sync_scroll);
    }

    /// Writes the settings the student changed since the last read onto what storage holds now.
    fn save_changes(self, now: Prefs) {
        let known = self.known.get_value();
        if now == known {
            return;
        }
        let mut saved = self.read();
        if now.glossary_marks != known.glossary_marks {
            saved.glossary_marks = now.glossary_marks;
        }
        if now.sync_scroll != known.sync_scroll {
            saved.sync_scroll = now.sync_scroll;
        }
        browser::storage_set(KEY, &saved.to_saved());
        self.show(saved);
    }
}

/// Provides the settings as context; loads the saved ones after the first render, saves each
/// change, and follows what other tabs save.
pub fn provide() -> Settings {
    let settings = Settings::defaults();
    Effect::new(move |loaded: Option<()>| {
        let now = settings.current();
        if loaded.is_none() {
            untrack(|| {
                settings.show(settings.read());
                browser::on_storage(move |key| {
                    if key.as_deref().is_none_or(|k| k == KEY) {
                        settings.show(settings.read());
                    }
                });
            });
        } else {
            untrack(|| settings.save_changes(now));
        }
    });
    provide_context(settings);
    settings
}

pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}
