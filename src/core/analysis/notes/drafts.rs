//! Notes being written: what the student has typed in an open editor, kept as it is typed so
//! that leaving the view, reloading the tab or a new version taking over never drops it. A
//! draft belongs to one editor (a new note on a paragraph, or the edit of one note) and lives
//! until the note is saved or the editor cancelled. The app keeps drafts per tab
//! (`sessionStorage`): a draft is not yet work to share with other tabs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What an open editor holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub quote: String,
}

/// Every draft of a tab, by editor.
pub type Drafts = BTreeMap<String, Draft>;

/// The editor a draft belongs to: a new note on a paragraph (`note: None`) or one note's edit.
pub fn editor_key(doc: &str, block: &str, note: Option<&str>) -> String {
    format!("{doc}/{block}/{}", note.map_or("new".to_string(), |id| format!("note:{id}")))
}

pub fn to_json(drafts: &Drafts) -> String {
    serde_json::to_string(drafts).expect("string keys and strings serialise")
}

/// What [`to_json`] wrote; anything else (damaged, or from another version) reads as no drafts:
/// a draft is a convenience, and the saved notes are elsewhere.
pub fn from_json(text: &str) -> Drafts {
    serde_json::from_str(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_round_trip_and_keys_differ() {
        let mut d = Drafts::new();
        d.insert(editor_key("lends-hope", "p4", None), Draft { text: "half a thought".into(), quote: String::new() });
        d.insert(editor_key("lends-hope", "p4", Some("new")), Draft { text: "an edit".into(), quote: "x".into() });
        assert_eq!(d.len(), 2, "a note whose id is `new` is not the new-note editor");
        assert_eq!(from_json(&to_json(&d)), d);
        assert_eq!(from_json("{broken"), Drafts::new());
        assert_eq!(from_json("[]"), Drafts::new());
    }
}
