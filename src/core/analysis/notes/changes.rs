//! Saving change by change. Several tabs of the companion share one saved copy, and each tab's
//! copy in memory is only as fresh as its last read: saving a tab's whole copy would undo what
//! another tab saved meanwhile (a note added there vanishes, a note deleted there comes back).
//! So the app saves each change as a change (a note put or deleted, an answer set, an import)
//! applied to the saved copy as it is just before the write, and records deletions with their
//! time. Each change carries its own time, so a change applied late (one that waited for
//! storage to free up) never reverts a newer one, and a deleted note never comes back from an
//! older copy; only a save of that note made after the delete puts it back.

use serde::{Deserialize, Serialize};

use super::{json, merge, Note, Workspace};
use crate::analysis::sources::AddedSource;

/// What a deletion removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Note,
    Answer,
    Source,
}

/// A deletion: a note (by id) or an answer (by question), at a time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    pub kind: Kind,
    pub id: String,
    pub at: f64,
}

/// The saved copy: the work and the record of what was deleted from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub work: Workspace,
    pub removed: Vec<Removed>,
}

/// One change the student made. Times are milliseconds since the epoch.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A note written or edited; its `updated` is the change's time.
    PutNote(Note),
    /// A note deleted.
    DeleteNote { id: String, at: f64 },
    /// A deleted note put back ("Undo") where it stood; its `updated` is the change's time.
    RestoreNote { index: usize, note: Note },
    /// An answer's text and/or estimate, as [`Workspace::set_answer`] takes them.
    Answer { question: String, text: Option<String>, estimate: Option<Option<f64>>, at: f64 },
    /// A source added (or its provenance edited); its `updated` is the change's time.
    PutSource(AddedSource),
    /// An added source removed (its notes are kept: they show as notes without their passage).
    DeleteSource { id: String, at: f64 },
    /// A removed source put back ("Undo") where it stood; its `updated` is the change's time.
    RestoreSource { index: usize, source: AddedSource },
    /// An imported file, merged (see [`merge`]): importing it again adds nothing.
    Import(Workspace),
}

impl Saved {
    fn removed_at(&self, kind: Kind, id: &str) -> Option<f64> {
        self.removed.iter().find(|r| r.kind == kind && r.id == id).map(|r| r.at)
    }

    fn forget_removal(&mut self, kind: Kind, id: &str) {
        self.removed.retain(|r| !(r.kind == kind && r.id == id));
    }

    fn record_removal(&mut self, kind: Kind, id: &str, at: f64) {
        match self.removed.iter_mut().find(|r| r.kind == kind && r.id == id) {
            Some(r) => r.at = r.at.max(at),
            None => self.removed.push(Removed { kind, id: id.to_string(), at }),
        }
    }

    /// Whether a save at `at` of the note `id` is newer than what is here (the note or its
    /// deletion). On equal times the deletion wins, so every order of the same changes agrees.
    fn note_is_older(&self, id: &str, at: f64) -> bool {
        let here = self.work.notes.iter().find(|n| n.id == id).map(|n| n.updated);
        self.is_older(Kind::Note, id, here, at)
    }

    /// The same for an added source.
    fn source_is_older(&self, id: &str, at: f64) -> bool {
        let here = self.work.source(id).map(|s| s.updated);
        self.is_older(Kind::Source, id, here, at)
    }

    fn is_older(&self, kind: Kind, id: &str, here: Option<f64>, at: f64) -> bool {
        here.is_some_and(|t| t > at) || self.removed_at(kind, id).is_some_and(|t| t >= at)
    }

    /// Applies one change to this copy. A change older than what it would replace does nothing.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::PutNote(note) => {
                if !self.note_is_older(&note.id, note.updated) {
                    self.forget_removal(Kind::Note, &note.id);
                    self.work.upsert_note(note.clone());
                }
            }
            Change::RestoreNote { index, note } => {
                if !self.note_is_older(&note.id, note.updated) {
                    self.forget_removal(Kind::Note, &note.id);
                    self.work.restore_note(*index, note.clone());
                }
            }
            Change::DeleteNote { id, at } => {
                let newer = self.work.notes.iter().any(|n| n.id == *id && n.updated > *at);
                if !newer {
                    self.work.remove_note(id);
                    self.record_removal(Kind::Note, id, *at);
                }
            }
            Change::Answer { question, text, estimate, at } => {
                let here = self.work.answer(question).map(|a| a.updated);
                let older =
                    here.is_some_and(|t| t > *at) || self.removed_at(Kind::Answer, question).is_some_and(|t| t > *at);
                if older {
                    return;
                }
                self.work.set_answer(question, text.clone(), *estimate, *at);
                if self.work.answer(question).is_some() {
                    self.forget_removal(Kind::Answer, question);
                } else if here.is_some() {
                    self.record_removal(Kind::Answer, question, *at);
                }
            }
            Change::PutSource(source) => {
                if !self.source_is_older(&source.id, source.updated) {
                    self.forget_removal(Kind::Source, &source.id);
                    self.work.upsert_source(source.clone());
                }
            }
            Change::RestoreSource { index, source } => {
                if !self.source_is_older(&source.id, source.updated) {
                    self.forget_removal(Kind::Source, &source.id);
                    self.work.restore_source(*index, source.clone());
                }
            }
            Change::DeleteSource { id, at } => {
                if !self.work.source(id).is_some_and(|s| s.updated > *at) {
                    self.work.sources.retain(|s| s.id != *id);
                    self.record_removal(Kind::Source, id, *at);
                }
            }
            Change::Import(incoming) => {
                self.work = merge(&self.work, incoming).workspace;
                let work = &self.work;
                self.removed.retain(|r| match r.kind {
                    Kind::Note => !work.notes.iter().any(|n| n.id == r.id),
                    Kind::Answer => work.answer(&r.id).is_none(),
                    Kind::Source => work.source(&r.id).is_none(),
                });
            }
        }
    }

    /// The saved form: the export's JSON with the record of deletions.
    pub fn to_json(&self, now: f64) -> String {
        json::with_removed(&self.work, &self.removed, now)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::saved;
    use super::*;
    use proptest::prelude::*;

    fn put(id: &str, text: &str, at: f64) -> Change {
        Change::PutNote(Note { updated: at, ..note(id, "d", "p1", "", text) })
    }

    fn texts(s: &Saved) -> Vec<(String, String)> {
        s.work.notes.iter().map(|n| (n.id.clone(), n.text.clone())).collect()
    }

    #[test]
    fn an_older_change_never_reverts_a_newer_one() {
        let mut s = Saved::default();
        s.apply(&put("x", "new", 20.0));
        s.apply(&put("x", "old", 10.0));
        assert_eq!(texts(&s), [("x".to_string(), "new".to_string())]);
        s.apply(&Change::DeleteNote { id: "x".into(), at: 15.0 });
        assert_eq!(s.work.notes.len(), 1, "a delete older than the edit leaves the edit");
        s.apply(&Change::DeleteNote { id: "x".into(), at: 30.0 });
        s.apply(&put("x", "stale copy", 25.0));
        assert!(s.work.notes.is_empty(), "an older copy does not resurrect a deleted note");
        let restored = Note { updated: 40.0, ..note("x", "d", "p1", "", "undone") };
        s.apply(&Change::RestoreNote { index: 0, note: restored });
        assert_eq!(texts(&s), [("x".to_string(), "undone".to_string())], "undo after the delete puts it back");
        assert!(s.removed.is_empty());
    }

    #[test]
    fn answers_are_changed_field_by_field() {
        let mut s = Saved::default();
        let answer = |text: Option<&str>, estimate: Option<Option<f64>>, at: f64| Change::Answer {
            question: "q".into(),
            text: text.map(Into::into),
            estimate,
            at,
        };
        s.apply(&answer(Some("mine"), None, 1.0));
        s.apply(&answer(None, Some(Some(5.0)), 2.0));
        assert_eq!((s.work.answers[0].text.as_str(), s.work.answers[0].estimate), ("mine", Some(5.0)));
        s.apply(&answer(Some(""), Some(None), 3.0));
        assert!(s.work.answers.is_empty());
        s.apply(&answer(Some("typed earlier, saved late"), None, 2.5));
        assert!(s.work.answers.is_empty(), "a cleared answer stays cleared against older text");
        s.apply(&answer(Some("again"), None, 4.0));
        assert_eq!(s.work.answers[0].text, "again");
    }

    #[test]
    fn the_saved_form_keeps_deletions_and_the_export_does_not() {
        let mut s = Saved { work: sample(), removed: vec![] };
        s.apply(&Change::DeleteNote { id: "n-2".into(), at: 1_800_000_000_000.0 });
        let json = s.to_json(0.0);
        assert!(json.contains("\"removed\""));
        assert_eq!(saved::read(&json).saved, s);
        assert!(!super::super::to_json(&s.work, 0.0).contains("removed"));
        assert_eq!(super::super::from_json(&json), Ok(s.work), "older readers ignore the record");
    }

    /// What a tab does: its changes are made from what it last saw.
    #[derive(Clone, Debug)]
    enum Act {
        Add(bool),
        Edit(bool, usize),
        Delete(bool, usize),
        Undo(bool),
        Refresh(bool),
    }

    fn act() -> impl Strategy<Value = Act> {
        prop_oneof![
            any::<bool>().prop_map(Act::Add),
            (any::<bool>(), 0..6usize).prop_map(|(t, i)| Act::Edit(t, i)),
            (any::<bool>(), 0..6usize).prop_map(|(t, i)| Act::Delete(t, i)),
            any::<bool>().prop_map(Act::Undo),
            any::<bool>().prop_map(Act::Refresh),
        ]
    }

    proptest! {
        /// Two tabs, each acting on its own (possibly stale) copy and saving change by change
        /// into one storage: whatever the interleaving, both tabs end with what storage holds,
        /// and each note is there exactly when its last save came after its last delete, with
        /// its last saved text.
        #[test]
        fn two_tabs_converge_and_no_delete_resurrects(acts in proptest::collection::vec(act(), 1..40)) {
            let mut storage = Saved::default().to_json(0.0);
            let mut tabs = [Saved::default(), Saved::default()];
            let mut undo: [Option<(usize, Note)>; 2] = [None, None];
            // The expected fate of each note: Some(text) when its last change saved it.
            let mut expected: std::collections::BTreeMap<String, Option<String>> = Default::default();
            for (clock, a) in acts.into_iter().enumerate() {
                let at = 1000.0 + clock as f64;
                let tab = |t: bool| usize::from(t);
                let (t, change) = match a {
                    Act::Refresh(t) => {
                        tabs[tab(t)] = saved::read(&storage).saved;
                        continue;
                    }
                    Act::Add(t) => (tab(t), put(&format!("n{clock}"), &format!("v{clock}"), at)),
                    Act::Edit(t, i) => match tabs[tab(t)].work.notes.get(i) {
                        Some(n) => (tab(t), put(&n.id, &format!("v{clock}"), at)),
                        None => continue,
                    },
                    Act::Delete(t, i) => match tabs[tab(t)].work.notes.get(i).map(|n| n.id.clone()) {
                        Some(id) => {
                            let at_index = tabs[tab(t)].work.notes.iter().position(|n| n.id == id).unwrap();
                            undo[tab(t)] = Some((at_index, tabs[tab(t)].work.notes[at_index].clone()));
                            (tab(t), Change::DeleteNote { id, at })
                        }
                        None => continue,
                    },
                    Act::Undo(t) => match undo[tab(t)].take() {
                        Some((index, n)) => (tab(t), Change::RestoreNote { index, note: Note { updated: at, ..n } }),
                        None => continue,
                    },
                };
                match &change {
                    Change::PutNote(n) | Change::RestoreNote { note: n, .. } => {
                        expected.insert(n.id.clone(), Some(n.text.clone()));
                    }
                    Change::DeleteNote { id, .. } => {
                        expected.insert(id.clone(), None);
                    }
                    _ => {}
                }
                // Re-read before the write, apply the one change, write.
                let mut fresh = saved::read(&storage).saved;
                fresh.apply(&change);
                storage = fresh.to_json(0.0);
                tabs[t] = fresh;
            }
            let end = saved::read(&storage).saved;
            for t in &mut tabs {
                *t = saved::read(&storage).saved;
            }
            prop_assert_eq!(&tabs[0], &tabs[1]);
            for (id, text) in &expected {
                let here = end.work.notes.iter().find(|n| &n.id == id).map(|n| n.text.clone());
                prop_assert_eq!(&here, text, "note {}", id);
            }
        }

        /// Changes that waited (storage was full) and are applied late, in any order, never
        /// undo a newer change: the result is the same as applying them in time order.
        #[test]
        fn late_changes_do_not_revert_newer_ones(
            order in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle(),
            kinds in proptest::collection::vec((0..3usize, 0..3usize), 8),
        ) {
            let changes: Vec<Change> = kinds
                .iter()
                .enumerate()
                .map(|(i, (kind, id))| {
                    let (id, at) = (format!("n{id}"), 10.0 + i as f64);
                    if *kind == 0 { Change::DeleteNote { id, at } } else { put(&id, &format!("v{i}"), at) }
                })
                .collect();
            let mut in_time = Saved::default();
            changes.iter().for_each(|c| in_time.apply(c));
            let mut shuffled = Saved::default();
            order.iter().for_each(|&i| shuffled.apply(&changes[i]));
            let sorted = |s: &Saved| {
                let mut t = texts(s);
                t.sort();
                t
            };
            prop_assert_eq!(sorted(&in_time), sorted(&shuffled));
        }
    }
}
