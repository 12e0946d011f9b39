//! App-wide reader settings, shared through context and remembered in `localStorage` when the
//! browser allows it. When storage is blocked (a sandboxed iframe, a privacy mode) they live in
//! memory for the visit. Saved data that cannot be read is kept aside, never overwritten
//! silently, and the page says so.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::browser;

const KEY: &str = "ashraf3-companion.settings.v1";
const BACKUP_KEY: &str = "ashraf3-companion.settings.unreadable";

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Saved {
    glossary_marks: bool,
    sync_scroll: bool,
}

impl Default for Saved {
    fn default() -> Self {
        Saved {
            glossary_marks: true,
            sync_scroll: true,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Settings {
    /// Underline glossary terms and offer their tooltips.
    pub glossary_marks: RwSignal<bool>,
    /// Scroll the two columns of a comparison together.
    pub sync_scroll: RwSignal<bool>,
    /// A message about saved data that could not be read, shown once in the page.
    pub notice: RwSignal<Option<String>>,
    /// Whether settings persist beyond this visit.
    pub persistent: bool,
}

impl Settings {
    fn load() -> Self {
        let persistent = browser::storage().is_some();
        let mut notice = None;
        let saved = match browser::storage_get(KEY) {
            None => Saved::default(),
            Some(text) => serde_json::from_str::<Saved>(&text).unwrap_or_else(|_| {
                // Keep the unreadable value so nothing the student saved is lost.
                browser::storage_set(BACKUP_KEY, &text);
                notice = Some(
                    "Your saved settings could not be read, so the defaults are in use. The old value was kept aside in this browser's storage.".to_string(),
                );
                Saved::default()
            }),
        };
        Settings {
            glossary_marks: RwSignal::new(saved.glossary_marks),
            sync_scroll: RwSignal::new(saved.sync_scroll),
            notice: RwSignal::new(notice),
            persistent,
        }
    }

    fn save(self) {
        let saved = Saved {
            glossary_marks: self.glossary_marks.get_untracked(),
            sync_scroll: self.sync_scroll.get_untracked(),
        };
        if let Ok(text) = serde_json::to_string(&saved) {
            browser::storage_set(KEY, &text);
        }
    }
}

/// Creates the settings, saves them whenever one changes, and provides them as context.
pub fn provide() -> Settings {
    let settings = Settings::load();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        settings.glossary_marks.track();
        settings.sync_scroll.track();
        // Loading is not a change: writing back then would replace an unreadable value.
        if first.get_value() {
            first.set_value(false);
        } else {
            settings.save();
        }
    });
    provide_context(settings);
    settings
}

pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}
