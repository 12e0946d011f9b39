//! Importing a file: merged into what is here, never overwriting it.

use std::collections::HashMap;

use super::{Answer, Note, Workspace};
use crate::analysis::sources::{self, AddedSource};

/// What an import did. The counts do not overlap: `kept_both` notes were added as copies and
/// `kept_both` answers appended to the student's own, and neither is in the `added_` counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub workspace: Workspace,
    pub added_notes: usize,
    pub added_answers: usize,
    pub unchanged: usize,
    pub kept_both: usize,
    pub added_sources: usize,
    /// Imported sources that collided with one here (same id or title, other content), kept
    /// beside it under a new title: the title in the file and the title given.
    pub renamed_sources: Vec<(String, String)>,
}

/// What a note says, without when: the same note exported twice is the same note.
fn same_content(a: &Note, b: &Note) -> bool {
    a.anchor == b.anchor && a.text == b.text
}

fn is_blank_answer(a: &Answer) -> bool {
    a.text.trim().is_empty() && a.estimate.is_none()
}

const IMPORTED: &str = "(imported) ";

/// Where an imported note or source goes.
enum Slot {
    /// Already here under this id: the same entry, or the copy an earlier import made of it.
    Already(String),
    /// Not here yet: the first id that is free.
    Free(String),
}

/// Tries `id`, then its copies' ids ("<id>-2", "-3"…) in turn, up to the first id not taken.
/// `here` says whether an id is taken and, if so, whether that entry is a copy of the incoming
/// one. Notes and sources are placed alike, so that importing a file twice adds nothing.
fn slot(id: &str, here: impl Fn(&str) -> Option<bool>) -> Slot {
    let mut k = 1u64;
    loop {
        let candidate = if k == 1 { id.to_string() } else { format!("{id}-{k}") };
        match here(&candidate) {
            Some(true) => return Slot::Already(candidate),
            Some(false) => k += 1,
            None => return Slot::Free(candidate),
        }
    }
}

/// Merge, never overwrite: notes equal to one already there (same id and same content) are
/// skipped (unchanged); a new id is added; the same id with different content is added as a
/// copy with a new id ("<id>-2", "-3"... first free) (kept_both). A copy made by an earlier
/// import counts as already there, so importing the same file twice adds nothing.
///
/// Answers are keyed by question: absent (or empty here) → added; equal → unchanged;
/// different → the base keeps its text and estimate, and the incoming text is appended after
/// a blank line with an "(imported) " prefix, with the incoming estimate when it differs
/// (kept_both). An estimate the base lacks is taken from the incoming answer (kept_both).
pub fn merge(base: &Workspace, incoming: &Workspace) -> Merged {
    let mut m = Merged {
        workspace: base.clone(),
        added_notes: 0,
        added_answers: 0,
        unchanged: 0,
        kept_both: 0,
        added_sources: 0,
        renamed_sources: Vec::new(),
    };
    let moved = merge_sources(&mut m, &incoming.sources);
    let notes = &mut m.workspace.notes;
    let mut index: HashMap<String, usize> = notes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
    let incoming_notes = incoming.notes.iter().map(|n| match moved.iter().find(|(from, _)| *from == n.anchor.doc) {
        Some((_, to)) => {
            let mut n = n.clone();
            n.anchor.doc = to.clone();
            n
        }
        None => n.clone(),
    });
    for note in &incoming_notes.collect::<Vec<_>>() {
        match slot(&note.id, |id| index.get(id).map(|&i| same_content(&notes[i], note))) {
            Slot::Already(_) => m.unchanged += 1,
            Slot::Free(id) => {
                if id == note.id {
                    m.added_notes += 1;
                } else {
                    m.kept_both += 1;
                }
                index.insert(id.clone(), notes.len());
                notes.push(Note { id, ..note.clone() });
            }
        }
    }
    let answers = &mut m.workspace.answers;
    for answer in incoming.answers.iter().filter(|a| !is_blank_answer(a)) {
        let Some(mine) = answers.iter_mut().find(|a| a.question == answer.question) else {
            answers.push(answer.clone());
            m.added_answers += 1;
            continue;
        };
        if is_blank_answer(mine) {
            *mine = answer.clone();
            m.added_answers += 1;
            continue;
        }
        let mut changed = false;
        if mine.estimate.is_none() && answer.estimate.is_some() {
            mine.estimate = answer.estimate;
            changed = true;
        }
        let mut theirs = Vec::new();
        let text = answer.text.trim();
        if !text.is_empty() && text != mine.text.trim() {
            theirs.push(text.to_string());
        }
        if let (Some(a), Some(b)) = (mine.estimate, answer.estimate) {
            if a != b {
                theirs.push(format!("Estimate: {b}"));
            }
        }
        let appended = format!("{IMPORTED}{}", theirs.join("\n"));
        if !theirs.is_empty() && !mine.text.contains(&appended) {
            let own = mine.text.trim_end();
            mine.text = if own.is_empty() { appended } else { format!("{own}\n\n{appended}") };
            changed = true;
        }
        if changed {
            mine.updated = mine.updated.max(answer.updated);
            m.kept_both += 1;
        } else {
            m.unchanged += 1;
        }
    }
    m
}

/// The same source, or the copy an earlier import made of it (which differs only in its id
/// and its title).
fn is_copy_of(here: &AddedSource, incoming: &AddedSource) -> bool {
    let untitled = |s: &AddedSource| sources::Provenance { title: String::new(), ..s.provenance.clone() };
    here.passages == incoming.passages && untitled(here) == untitled(incoming)
}

/// Sources are merged like notes, and one that collides with a source here (the same id or the
/// same title, other content) is kept beside it, renamed, and the import says so. Returns the
/// ids the imported sources were moved to, so the file's notes on them follow.
fn merge_sources(m: &mut Merged, incoming: &[AddedSource]) -> Vec<(String, String)> {
    let mut moved = Vec::new();
    for source in incoming {
        let here = &m.workspace.sources;
        let id = match slot(&source.id, |id| here.iter().find(|s| s.id == id).map(|s| is_copy_of(s, source))) {
            Slot::Already(id) => {
                if id != source.id {
                    moved.push((source.id.clone(), id));
                }
                m.unchanged += 1;
                continue;
            }
            Slot::Free(id) => id,
        };
        let title_taken =
            |t: &str| here.iter().any(|s| sources::check_title(t, [s.provenance.title.as_str()]).is_err());
        let title = &source.provenance.title;
        let new_title = if id != source.id || title_taken(title) {
            std::iter::once(format!("{title} (imported)"))
                .chain((2u32..).map(|k| format!("{title} (imported {k})")))
                .find(|t| !title_taken(t))
                .unwrap_or_default()
        } else {
            title.clone()
        };
        if new_title != *title {
            m.renamed_sources.push((title.clone(), new_title.clone()));
        } else {
            m.added_sources += 1;
        }
        if id != source.id {
            moved.push((source.id.clone(), id.clone()));
        }
        let provenance = sources::Provenance { title: new_title, ..source.provenance.clone() };
        m.workspace.sources.push(AddedSource { id, provenance, ..source.clone() });
    }
    moved
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Merged {
    /// "Imported 3 notes and 1 answer; 2 were already here; 1 kept beside yours."
    pub fn summary(&self) -> String {
        let renamed = self.renamed_sources.len();
        if self.added_notes + self.added_answers + self.unchanged + self.kept_both + self.added_sources + renamed == 0 {
            return "The file held no notes, answers or sources.".into();
        }
        let mut imported = Vec::new();
        if self.added_notes > 0 {
            imported.push(count(self.added_notes, "note", "notes"));
        }
        if self.added_answers > 0 {
            imported.push(count(self.added_answers, "answer", "answers"));
        }
        if self.added_sources + renamed > 0 {
            imported.push(count(self.added_sources + renamed, "source", "sources"));
        }
        let mut parts = vec![if imported.is_empty() {
            "Nothing new was imported".to_string()
        } else {
            format!("Imported {}", imported.join(" and "))
        }];
        if self.unchanged > 0 {
            parts.push(count(self.unchanged, "was already here", "were already here"));
        }
        if self.kept_both > 0 {
            parts.push(format!("{} kept beside yours", self.kept_both));
        }
        for (from, to) in &self.renamed_sources {
            parts.push(format!(
                "“{from}” collided with a source here, so both are kept and the imported one is now “{to}”"
            ));
        }
        format!("{}.", parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn merge_never_overwrites() {
        let base = sample();
        let mut incoming = sample();
        incoming.notes[0].text = "My classmate's reading.".into(); // same id, different content
        incoming.notes[1].updated += 99.0; // the same note, saved later: already here
        incoming.notes.push(note("n-9", "other-doc", "p2", "new", "A new note."));
        let m = merge(&base, &incoming);
        let json = |notes: &[Note]| serde_json::to_string(notes).unwrap();
        assert_eq!(json(&m.workspace.notes[..base.notes.len()]), json(&base.notes));
        assert_eq!(m.workspace.answers, base.answers);
        let ids: Vec<&str> = m.workspace.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["n-1", "n-2", "n-3", "n-1-2", "n-9"]);
        assert_eq!(m.workspace.notes[3].text, "My classmate's reading.");
        assert_eq!((m.added_notes, m.added_answers, m.unchanged, m.kept_both), (1, 0, 4, 1));
        assert_eq!(m.summary(), "Imported 1 note; 4 were already here; 1 kept beside yours.");

        // The same file again adds nothing, and a third version of n-1 takes the next id.
        let again = merge(&m.workspace, &incoming);
        assert_eq!(again.workspace, m.workspace);
        assert_eq!(again.summary(), "Nothing new was imported; 6 were already here.");
        incoming.notes[0].text = "A third reading.".into();
        let third = merge(&m.workspace, &incoming);
        assert_eq!(third.workspace.notes.last().unwrap().id, "n-1-3");

        let into_empty = merge(&Workspace::default(), &sample());
        assert_eq!(into_empty.workspace, sample());
        assert_eq!(into_empty.summary(), "Imported 3 notes and 2 answers.");
        assert_eq!(
            merge(&Workspace::default(), &Workspace::default()).summary(),
            "The file held no notes, answers or sources."
        );
        let counts = Merged {
            workspace: Workspace::default(),
            added_notes: 3,
            added_answers: 1,
            unchanged: 2,
            kept_both: 1,
            added_sources: 0,
            renamed_sources: Vec::new(),
        };
        assert_eq!(counts.summary(), "Imported 3 notes and 1 answer; 2 were already here; 1 kept beside yours.");
    }

    #[test]
    fn conflicting_answers_are_appended() {
        let base = sample();
        let incoming = Workspace {
            notes: vec![],
            answers: vec![
                answer("q-sources", "They all go back to one press release.", Some(3.0)),
                answer("q-count", "", Some(3000.0)),
                answer("q-new", "Fresh.", None),
            ],
            sources: vec![],
        };
        let m = merge(&base, &incoming);
        let sources = m.workspace.answer("q-sources").unwrap();
        assert_eq!(
            sources.text,
            "Two of them cite the same report.\n\n(imported) They all go back to one press release."
        );
        assert_eq!(sources.estimate, Some(3.0), "the base had none, so the incoming one is taken");
        let count = m.workspace.answer("q-count").unwrap();
        assert_eq!((count.text.as_str(), count.estimate), ("(imported) Estimate: 3000", Some(2500.0)));
        assert_eq!((m.added_answers, m.unchanged, m.kept_both), (1, 0, 2));
        assert_eq!(merge(&m.workspace, &incoming).workspace, m.workspace, "importing twice appends once");
    }

    fn work(entries: &[(usize, usize, usize)]) -> Workspace {
        let mut w = Workspace::default();
        for &(id, title, text) in entries {
            let (id, text) = (format!("added-s{id}"), format!("Text {text}."));
            if w.source(&id).is_none() {
                w.sources.push(source(&id, &format!("Title {title}"), &text));
            }
            let note_id = format!("n-{id}");
            if !w.notes.iter().any(|n| n.id == note_id) {
                w.notes.push(note(&note_id, &id, "p1", "", &text));
            }
        }
        w
    }

    proptest::proptest! {
        /// Notes and sources are placed by the same rule: whatever collides (ids, titles,
        /// texts), an import keeps everything that was here, and importing the same file again
        /// adds nothing, its notes still on the sources they were written on.
        #[test]
        fn importing_twice_adds_nothing(
            here in proptest::collection::vec((0..3usize, 0..3usize, 0..3usize), 0..5),
            file in proptest::collection::vec((0..3usize, 0..3usize, 0..3usize), 0..5),
        ) {
            let (here, file) = (work(&here), work(&file));
            let once = merge(&here, &file);
            proptest::prop_assert_eq!(&once.workspace.notes[..here.notes.len()], &here.notes[..]);
            proptest::prop_assert_eq!(&once.workspace.sources[..here.sources.len()], &here.sources[..]);
            let twice = merge(&once.workspace, &file);
            proptest::prop_assert_eq!(&twice.workspace, &once.workspace);
            proptest::prop_assert_eq!(twice.unchanged, file.notes.len() + file.sources.len());
            for n in &once.workspace.notes[here.notes.len()..] {
                let on = once.workspace.source(&n.anchor.doc).map(|s| s.passages[0].text.as_str());
                proptest::prop_assert_eq!(on, Some(n.text.as_str()), "note {} is on its source", n.id);
            }
        }
    }
}
