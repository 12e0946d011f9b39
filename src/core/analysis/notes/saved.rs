//! Reading the saved copy back, entry by entry. An import is all or nothing (a damaged file is
//! refused whole), but the saved copy is the student's work: one damaged note must not take the
//! others with it. What cannot be read is set aside, each piece under a key of its own with the
//! time it was set aside and why, until the student downloads or dismisses it; the rest is read.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::changes::{Removed, Saved};
use super::json::{header, list, read_answer, read_note, read_source};

/// Saved data that could not be read: why, and the text as it was saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub why: String,
    pub text: String,
}

/// The saved copy as far as it can be read, and what could not be.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub saved: Saved,
    pub unreadable: Vec<Unreadable>,
}

/// Reads the saved copy: a file that is not the companion's notes at all is unreadable whole;
/// otherwise each note or answer that cannot be read (or repeats an id already read) is
/// unreadable alone, and the rest is kept.
pub fn read(text: &str) -> Read {
    let object = match header(text) {
        Ok(object) => object,
        Err(e) => {
            return Read {
                saved: Saved::default(),
                unreadable: vec![Unreadable { why: e.to_string(), text: text.into() }],
            }
        }
    };
    let mut r = Read::default();
    let (mut ids, mut questions) = (HashSet::new(), HashSet::new());
    for (i, item) in entries(&object, "notes", &mut r).iter().enumerate() {
        match read_note(i + 1, item) {
            Ok(note) if ids.insert(note.id.clone()) => r.saved.work.notes.push(note),
            Ok(note) => {
                set_aside(&mut r, format!("note {} has the same id as an earlier one ({})", i + 1, note.id), item)
            }
            Err(e) => set_aside(&mut r, invalid(e), item),
        }
    }
    for (i, item) in entries(&object, "answers", &mut r).iter().enumerate() {
        match read_answer(i + 1, item) {
            Ok(answer) if questions.insert(answer.question.clone()) => r.saved.work.answers.push(answer),
            Ok(answer) => set_aside(&mut r, format!("answer {} repeats question {}", i + 1, answer.question), item),
            Err(e) => set_aside(&mut r, invalid(e), item),
        }
    }
    for (i, item) in entries(&object, "sources", &mut r).iter().enumerate() {
        match read_source(i + 1, item) {
            Ok(source) if r.saved.work.source(&source.id).is_none() => r.saved.work.sources.push(source),
            Ok(source) => {
                set_aside(&mut r, format!("source {} has the same id as an earlier one ({})", i + 1, source.id), item)
            }
            Err(e) => set_aside(&mut r, invalid(e), item),
        }
    }
    // The record of deletions is the app's, not the student's work: what cannot be read of it
    // is dropped.
    r.saved.removed = list(&object, "removed")
        .unwrap_or_default()
        .iter()
        .filter_map(|v| Removed::deserialize(v).ok())
        .filter(|r| r.at.is_finite())
        .collect();
    r
}

/// The list under `key`; a value there that is not a list is set aside whole.
fn entries(object: &serde_json::Map<String, Value>, key: &str, r: &mut Read) -> Vec<Value> {
    match list(object, key) {
        Ok(items) => items.to_vec(),
        Err(e) => {
            set_aside(r, invalid(e), object.get(key).unwrap_or(&Value::Null));
            Vec::new()
        }
    }
}

fn set_aside(r: &mut Read, why: String, value: &Value) {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    r.unreadable.push(Unreadable { why: format!("This saved entry could not be read: {why}."), text });
}

fn invalid(e: super::ImportError) -> String {
    match e {
        super::ImportError::Invalid(why) => why,
        other => other.to_string(),
    }
}

/// The prefix of every set-aside entry's key in storage.
pub const ASIDE_PREFIX: &str = "ashraf3-companion.notes.unreadable";

/// A piece of saved data set aside: when, why, and the data as it was saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    /// Milliseconds since the epoch; 0 when unknown (a copy an earlier version set aside).
    pub at: f64,
    pub why: String,
    pub data: String,
}

impl SetAside {
    /// The key it is kept under: its own, from its time and its place among those set aside
    /// at once, so a later one never replaces it.
    pub fn key(&self, n: usize) -> String {
        format!("{ASIDE_PREFIX}.{}-{n}", self.at.max(0.0) as u64)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("strings and a number serialise")
    }

    /// What is kept under `key`: what [`SetAside::to_json`] wrote, or (under the single key
    /// earlier versions used) the raw data.
    pub fn from_saved(value: &str) -> SetAside {
        serde_json::from_str(value).unwrap_or_else(|_| SetAside {
            at: 0.0,
            why: "Set aside by an earlier version of the companion.".into(),
            data: value.to_string(),
        })
    }

    /// A name for its download.
    pub fn file_name(&self, key: &str) -> String {
        let tail = key.strip_prefix(ASIDE_PREFIX).unwrap_or(key).trim_start_matches('.');
        if tail.is_empty() {
            "ashraf3-notes-set-aside.txt".into()
        } else {
            format!("ashraf3-notes-set-aside-{tail}.txt")
        }
    }
}

/// Whether a storage key holds set-aside data.
pub fn is_aside_key(key: &str) -> bool {
    key == ASIDE_PREFIX || key.strip_prefix(ASIDE_PREFIX).is_some_and(|rest| rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::to_json;
    use super::*;

    #[test]
    fn one_damaged_note_is_set_aside_alone() {
        let mut v: Value = serde_json::from_str(&to_json(&sample(), 0.0)).unwrap();
        v["notes"][1]["id"] = "".into();
        v["answers"][0]["question"] = 5.into();
        let r = read(&v.to_string());
        let ids: Vec<&str> = r.saved.work.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["n-1", "n-3"]);
        assert_eq!(r.saved.work.answers.len(), 1);
        assert_eq!(r.unreadable.len(), 2);
        assert_eq!(r.unreadable[0].why, "This saved entry could not be read: note 2 has no id.");
        assert!(r.unreadable[0].text.contains("a highlight"), "the entry as it was saved");
        assert!(r.unreadable[1].why.starts_with("This saved entry could not be read: answer 1 cannot be read"));
    }

    #[test]
    fn a_file_that_is_not_notes_is_set_aside_whole() {
        for text in ["{broken", "[]", r#"{"schema":"ashraf3-companion/notes","version":9}"#] {
            let r = read(text);
            assert_eq!(r.saved, Saved::default());
            assert_eq!(r.unreadable.len(), 1, "{text}");
            assert_eq!(r.unreadable[0].text, text);
        }
        let r = read(&edited_notes("\"none\""));
        assert_eq!(r.unreadable.len(), 1);
        assert!(r.unreadable[0].why.contains("not a list"), "{:?}", r.unreadable);
        assert_eq!(r.saved.work.answers.len(), 2, "the answers are still read");
    }

    fn edited_notes(notes: &str) -> String {
        let mut v: Value = serde_json::from_str(&to_json(&sample(), 0.0)).unwrap();
        v["notes"] = serde_json::from_str(notes).unwrap();
        v.to_string()
    }

    #[test]
    fn a_repeated_id_keeps_the_first() {
        let r = read(&edited_notes(
            &serde_json::to_string(&[note("a", "d", "p", "", "one"), note("a", "d", "p", "", "two")]).unwrap(),
        ));
        assert_eq!(r.saved.work.notes.len(), 1);
        assert_eq!(r.saved.work.notes[0].text, "one");
        assert!(r.unreadable[0].text.contains("two"));
    }

    #[test]
    fn set_aside_entries_keep_their_own_keys() {
        let a = SetAside { at: 1_700_000_000_000.0, why: "why".into(), data: "{x".into() };
        assert_eq!(a.key(0), "ashraf3-companion.notes.unreadable.1700000000000-0");
        assert_ne!(a.key(0), a.key(1));
        assert_eq!(SetAside::from_saved(&a.to_json()), a);
        let legacy = SetAside::from_saved("{x");
        assert_eq!((legacy.at, legacy.data.as_str()), (0.0, "{x"));
        assert!(is_aside_key(ASIDE_PREFIX) && is_aside_key(&a.key(3)));
        assert!(!is_aside_key("ashraf3-companion.notes.v1") && !is_aside_key("ashraf3-companion.notes.unreadablex"));
        assert_eq!(a.file_name(&a.key(0)), "ashraf3-notes-set-aside-1700000000000-0.txt");
        assert_eq!(legacy.file_name(ASIDE_PREFIX), "ashraf3-notes-set-aside.txt");
    }
}
