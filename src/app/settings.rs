//! App-wide reader settings, shared through context and remembered in `localStorage` when the
//! browser allows it. When storage is blocked (a sandboxed iframe, a privacy mode) they live in
//! memory for the visit. Saved data that cannot be read is kept aside, never overwritten
//! silently, and the page says so.

use leptos::prelude::*;

use super::browser;
use super::persist::{load_into, load_then_save};
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
}

impl Settings {
    /// The settings every page is written with.
    fn defaults() -> Self {
        let prefs = Prefs::default();
        Settings {
            glossary_marks: RwSignal::new(prefs.glossary_marks),
            sync_scroll: RwSignal::new(prefs.sync_scroll),
            notice: RwSignal::new(None),
        }
    }

    /// The saved settings, in place of the defaults.
    fn load(self) {
        let mut notice = None;
        let saved = match browser::storage_get(KEY) {
            None => Prefs::default(),
            Some(text) => Prefs::from_saved(&text).unwrap_or_else(|| {
                // Keep the unreadable value so nothing the student saved is lost.
                browser::storage_set(BACKUP_KEY, &text);
                notice = Some(
                    "Your saved settings could not be read, so the defaults are in use. The old value was kept aside in this browser's storage.".to_string(),
                );
                Prefs::default()
            }),
        };
        load_into(self.glossary_marks, saved.glossary_marks);
        load_into(self.sync_scroll, saved.sync_scroll);
        load_into(self.notice, notice);
    }

    fn save(self) {
        let prefs = Prefs {
            glossary_marks: self.glossary_marks.get_untracked(),
            sync_scroll: self.sync_scroll.get_untracked(),
        };
        browser::storage_set(KEY, &prefs.to_saved());
    }
}

/// Provides the settings as context; loads the saved ones after the first render, and saves
/// them whenever one changes.
pub fn provide() -> Settings {
    let settings = Settings::defaults();
    load_then_save(
        move || settings.load(),
        move || {
            settings.glossary_marks.track();
            settings.sync_scroll.track();
        },
        move || settings.save(),
    );
    provide_context(settings);
    settings
}

pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}
