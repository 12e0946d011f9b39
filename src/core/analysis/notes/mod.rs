//! The student's own work: notes on passages and answers to the guided questions. It is theirs,
//! so it must survive the app changing under it and being open in several tabs: notes are
//! anchored by quotation as well as by paragraph id (a re-cleaned corpus moves paragraphs,
//! `anchor`), saved and exported as one versioned JSON schema that later versions migrate
//! instead of rejecting (`json`), saved change by change so that two tabs never undo each
//! other (`changes`), kept while still being typed (`drafts`), read back entry by entry so that one damaged entry is set aside alone
//! (`saved`), merged on import without overwriting (`merge`), and exported as Markdown that
//! no viewer renders as HTML (`markdown`).

use serde::{Deserialize, Serialize, Serializer};

use crate::analysis::sources::AddedSource;

mod anchor;
pub mod changes;
pub mod drafts;
mod json;
mod markdown;
mod merge;
pub mod saved;
mod search;

pub use anchor::{place, Placement};
pub use json::{from_json, to_json, ImportError};
pub use markdown::{to_markdown, MarkdownContext};
pub use merge::{merge, Merged};
pub use search::search;

pub const SCHEMA: &str = "ashraf3-companion/notes";
pub const VERSION: u32 = 1;

/// Larger than any student's notes by far, small enough that reading it cannot stall the page.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Where a note is: a paragraph and, inside it, the words it is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    /// Missing fields read as empty so validation can name what is missing in plain words.
    #[serde(default)]
    pub doc: String,
    #[serde(default)]
    pub block: String,
    /// The quoted words; empty for a note on the whole paragraph.
    #[serde(default)]
    pub quote: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    #[serde(default)]
    pub id: String,
    pub anchor: Anchor,
    /// Empty for a highlight (a note that only marks its quote).
    #[serde(default)]
    pub text: String,
    /// Milliseconds since the epoch.
    #[serde(serialize_with = "finite")]
    pub created: f64,
    #[serde(serialize_with = "finite")]
    pub updated: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The question's id.
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub text: String,
    /// A number the question asks the student to estimate, when it asks for one.
    #[serde(serialize_with = "finite_or_none")]
    pub estimate: Option<f64>,
    #[serde(serialize_with = "finite")]
    pub updated: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// Sources the student added beside the five (`analysis::sources`).
    #[serde(default)]
    pub sources: Vec<AddedSource>,
}

// JSON has no NaN or infinity (serde_json would write `null`, which then fails to read back):
// a bad number from a form must not make the whole saved work unreadable.
fn finite<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(if x.is_finite() { *x } else { 0.0 })
}

fn finite_or_none<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x.filter(|v| v.is_finite()) {
        Some(v) => s.serialize_some(&v),
        None => s.serialize_none(),
    }
}

/// A quote of nothing but white space is a note on the whole paragraph, as an empty one is.
fn whole_paragraph(anchor: &Anchor) -> bool {
    anchor.quote.trim().is_empty()
}

/// A note that neither says nor marks anything: the app may hold one while the student is
/// writing it, but it is not saved (and a file holding one is damaged).
fn is_blank(note: &Note) -> bool {
    note.text.trim().is_empty() && whole_paragraph(&note.anchor)
}

impl Workspace {
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question)
    }

    /// Changes what is `Some` (`Some(None)` clears the estimate) and creates the answer if
    /// absent. An answer left with no text and no estimate is removed: clearing the box is
    /// deleting the answer, and nothing empty is saved.
    pub fn set_answer(&mut self, question: &str, text: Option<String>, estimate: Option<Option<f64>>, now: f64) {
        let estimate = estimate.map(|e| e.filter(|v| v.is_finite()));
        let at = match self.answers.iter().position(|a| a.question == question) {
            Some(at) => at,
            None if text.is_none() && estimate.is_none() => return,
            None => {
                let blank =
                    Answer { question: question.to_string(), text: String::new(), estimate: None, updated: now };
                self.answers.push(blank);
                self.answers.len() - 1
            }
        };
        let answer = &mut self.answers[at];
        if let Some(text) = text {
            answer.text = text;
        }
        if let Some(estimate) = estimate {
            answer.estimate = estimate;
        }
        answer.updated = now;
        // Exactly empty, not blank: a space typed first into the box must not vanish.
        if answer.text.is_empty() && answer.estimate.is_none() {
            self.answers.remove(at);
        }
    }

    /// The note or source with this id.
    pub fn entry<E: Entry>(&self, id: &str) -> Option<&E> {
        E::list(self).iter().find(|e| e.id() == id)
    }

    /// Replaces the entry with its id, or adds it at the end.
    pub fn upsert<E: Entry>(&mut self, entry: E) {
        let list = E::list_mut(self);
        match list.iter_mut().find(|e| e.id() == entry.id()) {
            Some(old) => *old = entry,
            None => list.push(entry),
        }
    }

    /// The entry and where it stood, so that undo puts it back in its place.
    pub fn remove<E: Entry>(&mut self, id: &str) -> Option<(usize, E)> {
        let list = E::list_mut(self);
        let at = list.iter().position(|e| e.id() == id)?;
        Some((at, list.remove(at)))
    }

    /// Undoes [`Workspace::remove`]. If the entry is back already (an undo repeated), it is
    /// replaced where it is rather than doubled.
    pub fn restore<E: Entry>(&mut self, at: usize, entry: E) {
        let list = E::list_mut(self);
        if let Some(old) = list.iter_mut().find(|e| e.id() == entry.id()) {
            *old = entry;
        } else {
            let at = at.min(list.len());
            list.insert(at, entry);
        }
    }

    // The notes' own names for the three above, as the notes' tests call them.
    pub fn upsert_note(&mut self, note: Note) {
        self.upsert(note);
    }

    pub fn remove_note(&mut self, id: &str) -> Option<(usize, Note)> {
        self.remove(id)
    }

    pub fn restore_note(&mut self, at: usize, note: Note) {
        self.restore(at, note);
    }

    pub fn source(&self, id: &str) -> Option<&AddedSource> {
        self.entry(id)
    }

    pub fn notes_on(&self, doc: &str) -> Vec<&Note> {
        self.notes.iter().filter(|n| n.anchor.doc == doc).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.answers.is_empty() && self.sources.is_empty()
    }
}

/// What the work keeps by id and saves change by change: a note or an added source. Both are
/// put, deleted and put back ("Undo") by the same rules (`changes`), so they share one way.
pub trait Entry: Clone {
    /// How the record of deletions names this kind of entry.
    const KIND: changes::Kind;
    fn id(&self) -> &str;
    /// When it was last saved, in milliseconds since the epoch.
    fn updated(&self) -> f64;
    fn list(work: &Workspace) -> &[Self];
    fn list_mut(work: &mut Workspace) -> &mut Vec<Self>;
    /// The change that deletes the entry `id` at `at`.
    fn deletion(id: String, at: f64) -> changes::Change;
    /// The change that puts this entry back where it stood (`index`), saved at `at` ("Undo").
    fn restoration(self, index: usize, at: f64) -> changes::Change;
}

/// Both kinds are kept alike: by `id`, with the time of their last save in `updated`.
macro_rules! entry {
    ($type:ty, $kind:ident, $list:ident, $delete:ident, $restore:ident, $field:ident) => {
        impl Entry for $type {
            const KIND: changes::Kind = changes::Kind::$kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn updated(&self) -> f64 {
                self.updated
            }
            fn list(work: &Workspace) -> &[Self] {
                &work.$list
            }
            fn list_mut(work: &mut Workspace) -> &mut Vec<Self> {
                &mut work.$list
            }
            fn deletion(id: String, at: f64) -> changes::Change {
                changes::Change::$delete { id, at }
            }
            fn restoration(self, index: usize, at: f64) -> changes::Change {
                changes::Change::$restore { index, $field: Self { updated: at, ..self } }
            }
        }
    };
}

entry!(Note, Note, notes, DeleteNote, RestoreNote, note);
entry!(AddedSource, Source, sources, DeleteSource, RestoreSource, source);

/// A fresh id, unique enough for one student's notes: from the time and a counter.
pub fn new_id(now: f64, counter: u32) -> String {
    let mut ms = if now.is_finite() && now > 0.0 { now as u64 } else { 0 };
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((ms % 36) as u32, 36).unwrap_or('0'));
        ms /= 36;
        if ms == 0 {
            break;
        }
    }
    let time: String = digits.into_iter().rev().collect();
    format!("n-{time}-{counter}")
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    pub fn note(id: &str, doc: &str, block: &str, quote: &str, text: &str) -> Note {
        let anchor = Anchor { doc: doc.into(), block: block.into(), quote: quote.into() };
        Note { id: id.into(), anchor, text: text.into(), created: 1_700_000_000_000.0, updated: 1_700_000_000_500.0 }
    }

    pub fn answer(question: &str, text: &str, estimate: Option<f64>) -> Answer {
        Answer { question: question.into(), text: text.into(), estimate, updated: 1_700_000_001_000.0 }
    }

    pub fn source(id: &str, title: &str, text: &str) -> crate::analysis::sources::AddedSource {
        use crate::analysis::sources::{read, AddedSource, Format, Provenance};
        AddedSource {
            id: id.into(),
            provenance: Provenance { title: title.into(), outlet: "A paper".into(), ..Default::default() },
            passages: read(text.as_bytes(), Format::Text).expect("a fixture reads"),
            from: "pasted".into(),
            added: 1_700_000_002_000.0,
            updated: 1_700_000_002_000.0,
        }
    }

    pub fn sample() -> Workspace {
        Workspace {
            notes: vec![
                note("n-1", "home-to-mek", "p3", "Manëz, Durrës County", "Where the camp is.\nSecond line."),
                note("n-2", "home-to-mek", "p4", "a highlight", ""),
                note("n-3", "other-doc", "p1", "", "On the whole paragraph: «اشرف۳»"),
            ],
            answers: vec![
                answer("q-sources", "Two of them cite the same report.", None),
                answer("q-count", "", Some(2500.0)),
            ],
            sources: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn answers_update_only_what_is_given() {
        let mut w = Workspace::default();
        w.set_answer("q", None, None, 1.0);
        assert!(w.is_empty());
        w.set_answer("q", Some("first".into()), None, 2.0);
        w.set_answer("q", None, Some(Some(7.0)), 3.0);
        assert_eq!(w.answer("q"), Some(&answer_at("q", "first", Some(7.0), 3.0)));
        w.set_answer("q", Some("second".into()), None, 4.0);
        assert_eq!(w.answer("q"), Some(&answer_at("q", "second", Some(7.0), 4.0)));
        w.set_answer("q", None, Some(None), 5.0);
        assert_eq!(w.answer("q").unwrap().estimate, None);
        w.set_answer("q", Some(" ".into()), None, 6.0);
        assert_eq!(w.answer("q").unwrap().text, " ");
        w.set_answer("q", Some(String::new()), None, 6.0);
        assert_eq!(w.answer("q"), None, "a cleared answer is removed");
    }

    fn answer_at(question: &str, text: &str, estimate: Option<f64>, updated: f64) -> Answer {
        Answer { updated, ..answer(question, text, estimate) }
    }

    #[test]
    fn remove_then_restore_keeps_the_order() {
        let mut w = sample();
        let (at, removed) = w.remove_note("n-2").unwrap();
        assert_eq!(at, 1);
        assert_eq!(w.notes.len(), 2);
        assert_eq!(w.remove_note("n-2"), None);
        w.restore_note(at, removed.clone());
        assert_eq!(w, sample());
        w.restore_note(at, removed);
        assert_eq!(w, sample(), "a repeated undo does not double the note");
        let (_, last) = w.remove_note("n-3").unwrap();
        w.notes.clear();
        w.restore_note(5, last);
        assert_eq!(w.notes.len(), 1, "the index is clamped");

        let mut w = sample();
        w.upsert_note(note("n-2", "home-to-mek", "p4", "a highlight", "Now with words."));
        assert_eq!(w.notes[1].text, "Now with words.");
        assert_eq!(w.notes.len(), 3);
        assert_eq!(w.notes_on("home-to-mek").len(), 2);
    }

    #[test]
    fn new_ids_differ() {
        let a = new_id(1_700_000_000_000.0, 0);
        assert_eq!(a, format!("n-{}-0", "loyw3v28"));
        assert_ne!(a, new_id(1_700_000_000_000.0, 1));
        assert_ne!(a, new_id(1_700_000_000_001.0, 0));
        assert_eq!(new_id(f64::NAN, 3), "n-0-3");
    }
}
