//! Saving change by change. Several tabs of the companion share one saved copy, and each tab's
//! copy in memory is only as fresh as its last read: saving a tab's whole copy would undo what
//! another tab saved meanwhile (a note added there vanishes, a note deleted there comes back).
//! So the app saves each change as a change (a note put or deleted, an answer set, an import)
//! applied to the saved copy as it is just before the write, and records deletions with their
//! time. Each change carries its own time, so a change applied late (one that waited for
//! storage to free up) never reverts a newer one, and a deleted note never comes back from an
//! older copy; only a save of that note made after the delete puts it back.

use serde::{Deserialize, Serialize};

use super::{json, merge, Entry, Note, Workspace};
use crate::analysis::sources::AddedSource;

/// What a deletion removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Note,
    Answer,
    Source,
}

/// A deletion: a note or a source (by id) or an answer (by question), at a time.
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

    /// Whether a save at `at` of the entry `id` is older than what is here (the entry or its
    /// deletion). On equal times the deletion wins, so every order of the same changes agrees.
    fn is_older<E: Entry>(&self, id: &str, at: f64) -> bool {
        let here = self.work.entry::<E>(id).map(E::updated);
        here.is_some_and(|t| t > at) || self.removed_at(E::KIND, id).is_some_and(|t| t >= at)
    }

    /// A note or a source saved, or put back where it stood (`index`) by "Undo".
    fn put<E: Entry>(&mut self, entry: &E, index: Option<usize>) {
        if self.is_older::<E>(entry.id(), entry.updated()) {
            return;
        }
        self.forget_removal(E::KIND, entry.id());
        match index {
            Some(at) => self.work.restore(at, entry.clone()),
            None => self.work.upsert(entry.clone()),
        }
    }

    /// A note or a source deleted, unless it was saved after the deletion.
    fn delete<E: Entry>(&mut self, id: &str, at: f64) {
        if !self.work.entry::<E>(id).is_some_and(|e| e.updated() > at) {
            self.work.remove::<E>(id);
            self.record_removal(E::KIND, id, at);
        }
    }

    /// Applies one change to this copy. A change older than what it would replace does nothing.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::PutNote(note) => self.put(note, None),
            Change::RestoreNote { index, note } => self.put(note, Some(*index)),
            Change::DeleteNote { id, at } => self.delete::<Note>(id, *at),
            Change::PutSource(source) => self.put(source, None),
            Change::RestoreSource { index, source } => self.put(source, Some(*index)),
            Change::DeleteSource { id, at } => self.delete::<AddedSource>(id, *at),
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
            Change::Import(incoming) => {
                self.work = merge(&self.work, incoming).workspace;
                let work = &self.work;
                self.removed.retain(|r| match r.kind {
                    Kind::Note => work.entry::<Note>(&r.id).is_none(),
                    Kind::Answer => work.answer(&r.id).is_none(),
                    Kind::Source => work.entry::<AddedSource>(&r.id).is_none(),
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

    /// The app removes and puts back either kind through `Entry` alone: its changes are the
    /// kind's own, the entry put back with the undo's time.
    #[test]
    fn an_entry_names_its_own_changes() {
        let n = note("x", "d", "p1", "", "mine");
        assert_eq!(Note::deletion("x".into(), 5.0), Change::DeleteNote { id: "x".into(), at: 5.0 });
        assert_eq!(n.clone().restoration(2, 9.0), Change::RestoreNote { index: 2, note: Note { updated: 9.0, ..n } });
        let s = super::super::fixtures::source("added-x", "A source", "One paragraph.");
        assert_eq!(
            AddedSource::deletion("added-x".into(), 5.0),
            Change::DeleteSource { id: "added-x".into(), at: 5.0 }
        );
        assert_eq!(
            s.clone().restoration(0, 9.0),
            Change::RestoreSource { index: 0, source: AddedSource { updated: 9.0, ..s } }
        );
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

    proptest! {
        /// Sources are put, deleted and put back by the notes' rules: the same changes made to
        /// notes and to sources, at any times (equal ones and late ones among them), each applied
        /// to storage as read back just before the write, leave the same entries in the same
        /// order with the same content, and the same record of deletions.
        #[test]
        fn sources_follow_the_notes_rules(
            steps in proptest::collection::vec((0..3usize, 0..3usize, 0..4usize, 0..12u32), 1..40),
        ) {
            let template = super::super::fixtures::source("added-x", "A source", "One paragraph.");
            let as_source = |id: &str, text: &str, at: f64| AddedSource {
                id: format!("added-{id}"),
                from: text.to_string(),
                updated: at,
                ..template.clone()
            };
            let mut storage = Saved::default().to_json(0.0);
            for (i, (kind, id, index, at)) in steps.into_iter().enumerate() {
                let (id, at, text) = (format!("n{id}"), 1000.0 + f64::from(at), format!("v{i}"));
                let changes = match kind {
                    0 => [put(&id, &text, at), Change::PutSource(as_source(&id, &text, at))],
                    1 => [
                        Change::DeleteNote { id: id.clone(), at },
                        Change::DeleteSource { id: format!("added-{id}"), at },
                    ],
                    _ => [
                        Change::RestoreNote { index, note: Note { updated: at, ..note(&id, "d", "p1", "", &text) } },
                        Change::RestoreSource { index, source: as_source(&id, &text, at) },
                    ],
                };
                for change in &changes {
                    let mut fresh = saved::read(&storage).saved;
                    fresh.apply(change);
                    storage = fresh.to_json(0.0);
                }
            }
            let end = saved::read(&storage).saved;
            let sources: Vec<(String, String)> =
                end.work.sources.iter().map(|s| (s.id.replacen("added-", "", 1), s.from.clone())).collect();
            prop_assert_eq!(texts(&end), sources);
            let removed = |kind: Kind| -> Vec<(String, u64)> {
                let mut r: Vec<_> = end
                    .removed
                    .iter()
                    .filter(|r| r.kind == kind)
                    .map(|r| (r.id.replacen("added-", "", 1), r.at.to_bits()))
                    .collect();
                r.sort();
                r
            };
            prop_assert_eq!(removed(Kind::Note), removed(Kind::Source));
        }
    }
}
