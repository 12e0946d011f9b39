//! The hand-in: what a student exports for an assignment. One JSON file for the teacher's
//! review (it names the assignment and its version, so a file for another one is never mixed
//! in, and carries each question's prompt, so it reads on its own), and the same content as
//! Markdown to read, through the notes' own Markdown export.

use serde::{Deserialize, Serialize};

use super::Assignment;
use crate::analysis::notes::{Answer, Note, Workspace, MAX_IMPORT_BYTES};

pub const SCHEMA: &str = "ashraf3-companion/hand-in";
pub const VERSION: u32 = 1;

/// Which assignment a hand-in answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentRef {
    pub id: String,
    pub version: u32,
    pub title: String,
}

/// One question's answer; empty text and no estimate when the student left it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandedAnswer {
    pub question: String,
    pub prompt: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub estimate: Option<f64>,
}

impl HandedAnswer {
    pub fn is_missing(&self) -> bool {
        self.text.trim().is_empty() && self.estimate.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandIn {
    pub schema: String,
    pub version: u32,
    pub assignment: AssignmentRef,
    pub student: String,
    /// Milliseconds since the epoch.
    pub exported: f64,
    pub answers: Vec<HandedAnswer>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl HandIn {
    /// The hand-in of `assignment` from the student's work: every question in the teacher's
    /// order (answered or not), and the student's notes on passages.
    pub fn new(
        assignment: &Assignment,
        prompt: &dyn Fn(&super::Item) -> String,
        student: &str,
        work: &Workspace,
        now: f64,
    ) -> HandIn {
        let answers = assignment
            .items
            .iter()
            .map(|item| {
                let saved = work.answer(&assignment.answer_key(item));
                HandedAnswer {
                    question: item.key(),
                    prompt: prompt(item),
                    text: saved.map(|a| a.text.clone()).unwrap_or_default(),
                    estimate: saved.and_then(|a| a.estimate).filter(|e| e.is_finite()),
                }
            })
            .collect();
        HandIn {
            schema: SCHEMA.into(),
            version: VERSION,
            assignment: AssignmentRef {
                id: assignment.id.clone(),
                version: assignment.version,
                title: assignment.title.clone(),
            },
            student: student.trim().to_string(),
            exported: if now.is_finite() { now } else { 0.0 },
            answers,
            notes: work.notes.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The answers and notes as a workspace, for the notes' Markdown export (its answers keyed
    /// by question key, in the assignment's order).
    pub fn as_workspace(&self) -> Workspace {
        let answers = self
            .answers
            .iter()
            .filter(|a| !a.is_missing())
            .map(|a| Answer { question: a.question.clone(), text: a.text.clone(), estimate: a.estimate, updated: 0.0 })
            .collect();
        Workspace { notes: self.notes.clone(), answers, ..Workspace::default() }
    }

    /// The Markdown file's title: the assignment, its version and the student.
    pub fn markdown_title(&self) -> String {
        format!("{} (version {}), handed in by {}", self.assignment.title, self.assignment.version, self.student)
    }

    /// A file name from the student's name and the assignment id, safe on every system.
    pub fn file_name(&self, extension: &str) -> String {
        let name: String = self
            .student
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        format!("hand-in-{}-v{}-{}.{extension}", self.assignment.id, self.assignment.version, name)
    }
}

/// Reads a hand-in file, or says in plain words why it is not one.
pub fn from_json(text: &str) -> Result<HandIn, String> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err("it is too large to be a hand-in".into());
    }
    // The schema and version first, read without building the whole document (a review reads
    // hundreds of files at once), then the hand-in itself.
    #[derive(Default, Deserialize)]
    struct Head {
        schema: Option<String>,
        version: Option<u64>,
    }
    let head: Head = match serde_json::from_str(text) {
        Ok(head) => head,
        Err(e) if e.is_syntax() || e.is_eof() => return Err("it is not a JSON file".into()),
        Err(_) => Head::default(),
    };
    match head.schema.as_deref() {
        Some(SCHEMA) => {}
        Some(crate::analysis::notes::SCHEMA) => {
            return Err("it is an export of My notes, not a hand-in for an assignment".into())
        }
        _ => return Err("it is not a hand-in from the reading companion".into()),
    }
    match head.version {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(format!("it was made by a newer companion (hand-in format {v})")),
        None => return Err("it has no format version".into()),
    }
    let h: HandIn = serde_json::from_str(text).map_err(|e| format!("it is damaged ({e})"))?;
    if h.student.trim().is_empty() {
        return Err("it does not name the student".into());
    }
    if h.assignment.id.is_empty() {
        return Err("it does not name its assignment".into());
    }
    Ok(h)
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    pub fn hand_in(student: &str, answers: &[(&str, &str)]) -> HandIn {
        HandIn {
            schema: SCHEMA.into(),
            version: VERSION,
            assignment: AssignmentRef { id: "lx4k2-9zz".into(), version: 2, title: "Week 3".into() },
            student: student.into(),
            exported: 1_700_000_000_000.0,
            answers: answers
                .iter()
                .map(|(q, text)| HandedAnswer {
                    question: q.to_string(),
                    prompt: format!("Prompt of {q}"),
                    text: text.to_string(),
                    estimate: None,
                })
                .collect(),
            notes: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::sample;
    use super::*;
    use crate::analysis::notes::fixtures as notes;

    #[test]
    fn a_hand_in_holds_every_question_in_order() {
        let a = sample();
        let mut w = notes::sample();
        w.answers.push(notes::answer(&a.answer_key(&a.items[1]), "Mine.", Some(1200.0)));
        // The same guided question answered outside the assignment is not its answer.
        w.answers.push(notes::answer("who-wrote", "Outside.", None));
        let h = HandIn::new(&a, &|i| format!("P {}", i.key()), "  Ana Lima ", &w, 5.0);
        assert_eq!(h.student, "Ana Lima");
        assert_eq!(h.assignment, AssignmentRef { id: a.id.clone(), version: 2, title: a.title.clone() });
        let keys: Vec<&str> = h.answers.iter().map(|x| x.question.as_str()).collect();
        assert_eq!(keys, ["who-wrote", "own-a1"]);
        assert!(h.answers[0].is_missing());
        assert_eq!((h.answers[1].text.as_str(), h.answers[1].estimate), ("Mine.", Some(1200.0)));
        assert_eq!(h.notes.len(), 3);
        assert_eq!(from_json(&h.to_json()), Ok(h.clone()));
        assert_eq!(h.file_name("json"), "hand-in-lx4k2-9zz-v2-Ana-Lima.json");
        assert_eq!(h.as_workspace().answers.len(), 1);
    }

    #[test]
    fn files_that_are_not_hand_ins_say_what_they_are() {
        assert_eq!(from_json("{not json"), Err("it is not a JSON file".into()));
        assert!(from_json(r#"{"schema":"ashraf3-companion/notes","version":1}"#).unwrap_err().contains("My notes"));
        assert!(from_json(r#"{"schema":"x"}"#).unwrap_err().contains("not a hand-in"));
        assert!(from_json(r#"{"schema":"ashraf3-companion/hand-in","version":9}"#).unwrap_err().contains("newer"));
        assert!(from_json(r#"{"schema":"ashraf3-companion/hand-in","version":1}"#).unwrap_err().contains("damaged"));
        let mut h = fixtures::hand_in("", &[]);
        assert!(from_json(&h.to_json()).unwrap_err().contains("student"));
        h.student = "B".into();
        assert!(from_json(&h.to_json()).is_ok());
    }
}
