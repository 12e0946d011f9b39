//! The saved and exported JSON: written in one versioned schema, read strictly (a damaged or
//! foreign file is refused with a sentence the student can act on, never half-read), and
//! migrated from older versions.

use std::collections::HashSet;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::changes::Removed;
use super::{finite, is_blank, Answer, Note, Workspace, MAX_IMPORT_BYTES, SCHEMA, VERSION};
use crate::analysis::sources::{self, AddedSource, Kind};

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    NotJson(String),
    Foreign,
    NewerVersion(u32),
    Invalid(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson(why) => {
                write!(f, "This file is not a notes export of the reading companion (it is not JSON: {why}).")
            }
            ImportError::Foreign => write!(f, "This file is JSON but not a notes export of the reading companion."),
            ImportError::NewerVersion(v) => write!(
                f,
                "This file was made by a newer version of the companion (schema version {v}); \
                 this one reads version {VERSION}."
            ),
            ImportError::Invalid(why) => write!(f, "This notes file is damaged: {why}."),
        }
    }
}

impl std::error::Error for ImportError {}

#[derive(Serialize)]
struct Export<'a> {
    schema: &'a str,
    version: u32,
    #[serde(serialize_with = "finite")]
    exported: f64,
    notes: Vec<&'a Note>,
    answers: &'a [Answer],
    /// Added sources (a teacher's source pack holds only these). Written only when there are
    /// some, so a file without sources is exactly what earlier versions wrote, and earlier
    /// versions, which do not know the key, read the notes and answers of a file with them.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sources: &'a [AddedSource],
    /// Only in the saved form: what was deleted, and when (see `changes`). Readers that do not
    /// know the key ignore it, so the saved form is still version 1.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    removed: &'a [Removed],
}

/// The saved and exported form. Blank notes (see [`is_blank`]) are left out, so a note
/// opened and left empty never makes the saved work unreadable.
pub fn to_json(w: &Workspace, exported: f64) -> String {
    with_removed(w, &[], exported)
}

/// [`to_json`] with the record of deletions, as the app saves it.
pub(super) fn with_removed(w: &Workspace, removed: &[Removed], exported: f64) -> String {
    let export = Export {
        removed,
        schema: SCHEMA,
        version: VERSION,
        exported,
        notes: w.notes.iter().filter(|n| !is_blank(n)).collect(),
        answers: &w.answers,
        sources: &w.sources,
    };
    serde_json::to_string_pretty(&export).expect("notes serialise: string keys only, numbers made finite")
}

/// Steps that bring a file up one schema version: `STEPS[0]` reads version 1 and writes
/// version 2, and so on. Raising [`VERSION`] without adding a step does not compile.
type Step = fn(Value) -> Result<Value, ImportError>;
const STEPS: &[Step] = &[];
const _: () = assert!(STEPS.len() + 1 == VERSION as usize);

/// Brings a file of an older schema version up to this one, so work saved years ago opens.
fn migrate(version: u32, value: Value) -> Result<Value, ImportError> {
    let first = (version as usize).saturating_sub(1);
    STEPS.iter().skip(first).try_fold(value, |value, step| step(value))
}

pub(super) fn list<'a>(object: &'a serde_json::Map<String, Value>, key: &str) -> Result<&'a [Value], ImportError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(ImportError::Invalid(format!("its list of {key} is not a list"))),
    }
}

/// Entry `n` of a list (`what`: "note", "answer", "source"), read and then checked: `problems`
/// pairs each way it can be damaged with the words that say so, and the first that holds is
/// the error.
fn read_entry<T: DeserializeOwned>(
    what: &str,
    n: usize,
    value: &Value,
    problems: impl Fn(&T) -> Vec<(bool, &'static str)>,
) -> Result<T, ImportError> {
    let invalid = |why: &str| Err(ImportError::Invalid(format!("{what} {n} {why}")));
    let entry = match T::deserialize(value) {
        Ok(entry) => entry,
        Err(e) => return invalid(&format!("cannot be read ({e})")),
    };
    match problems(&entry).into_iter().find(|(damaged, _)| *damaged) {
        Some((_, why)) => invalid(why),
        None => Ok(entry),
    }
}

pub(super) fn read_note(n: usize, value: &Value) -> Result<Note, ImportError> {
    read_entry("note", n, value, |note: &Note| {
        vec![
            (note.id.is_empty(), "has no id"),
            (note.anchor.doc.is_empty(), "has no document"),
            (note.anchor.block.is_empty(), "does not say which paragraph it is on"),
            (is_blank(note), "is empty: it has neither text nor a quoted passage"),
            (!note.created.is_finite() || !note.updated.is_finite(), "has a time that is not a number"),
        ]
    })
}

pub(super) fn read_answer(n: usize, value: &Value) -> Result<Answer, ImportError> {
    read_entry("answer", n, value, |answer: &Answer| {
        vec![
            (answer.question.is_empty(), "does not say which question it answers"),
            (!answer.updated.is_finite(), "has a time that is not a number"),
            (answer.estimate.is_some_and(|e| !e.is_finite()), "has an estimate that is not a number"),
        ]
    })
}

pub(super) fn read_source(n: usize, value: &Value) -> Result<AddedSource, ImportError> {
    read_entry("source", n, value, |source: &AddedSource| {
        let has_text = source.passages.iter().any(|p| p.kind == Kind::Paragraph && !p.text.trim().is_empty());
        vec![
            (!sources::is_added(&source.id), "has no id of an added source"),
            (source.provenance.title.trim().is_empty(), "has no title"),
            (!has_text, "has no paragraph of text"),
            (!source.added.is_finite() || !source.updated.is_finite(), "has a time that is not a number"),
        ]
    })
}

/// Reads what [`to_json`] writes, from this version or an older one.
pub fn from_json(text: &str) -> Result<Workspace, ImportError> {
    let object = header(text)?;
    let mut w = Workspace::default();
    let (mut ids, mut questions) = (HashSet::new(), HashSet::new());
    for (i, item) in list(&object, "notes")?.iter().enumerate() {
        let note = read_note(i + 1, item)?;
        if !ids.insert(note.id.clone()) {
            let first = w.notes.iter().position(|n| n.id == note.id).map_or(0, |p| p + 1);
            return Err(ImportError::Invalid(format!("notes {first} and {} have the same id ({})", i + 1, note.id)));
        }
        w.notes.push(note);
    }
    for (i, item) in list(&object, "answers")?.iter().enumerate() {
        let answer = read_answer(i + 1, item)?;
        if !questions.insert(answer.question.clone()) {
            let first = w.answers.iter().position(|a| a.question == answer.question).unwrap_or(0);
            let (first, q) = (first + 1, &answer.question);
            return Err(ImportError::Invalid(format!("answers {first} and {} answer the same question ({q})", i + 1)));
        }
        w.answers.push(answer);
    }
    for (i, item) in list(&object, "sources")?.iter().enumerate() {
        let source = read_source(i + 1, item)?;
        if let Some(first) = w.sources.iter().position(|s| s.id == source.id) {
            let (first, id) = (first + 1, &source.id);
            return Err(ImportError::Invalid(format!("sources {first} and {} have the same id ({id})", i + 1)));
        }
        w.sources.push(source);
    }
    Ok(w)
}

/// The file's top level, checked (size, JSON, schema, version) and migrated to this version.
pub(super) fn header(text: &str) -> Result<serde_json::Map<String, Value>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        let mb = MAX_IMPORT_BYTES / (1024 * 1024);
        return Err(ImportError::Invalid(format!("it is larger than {mb} MB, far more than notes can fill")));
    }
    // Some editors begin a saved file with a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::NotJson("the file is empty".into()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Value::Object(object) = &value else { return Err(ImportError::Foreign) };
    if object.get("schema").and_then(Value::as_str) != Some(SCHEMA) {
        return Err(ImportError::Foreign);
    }
    let version = match object.get("version").and_then(Value::as_u64) {
        None => return Err(ImportError::Invalid("its schema version is missing or not a whole number".into())),
        Some(0) => return Err(ImportError::Invalid("its schema version is 0, which no companion writes".into())),
        Some(v) if v > u64::from(VERSION) => {
            return Err(ImportError::NewerVersion(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        Some(v) => v as u32,
    };
    match migrate(version, value)? {
        Value::Object(object) => Ok(object),
        _ => Err(ImportError::Invalid("it could not be brought up to this version".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn rejects(text: &str) -> ImportError {
        from_json(text).expect_err(text)
    }

    #[test]
    fn round_trip() {
        let w = sample();
        let json = to_json(&w, 1_700_000_002_000.0);
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["version"], VERSION);
        assert_eq!(v["exported"], 1_700_000_002_000.0);
        assert!(json.contains("\n  \"notes\": ["), "pretty: {json}");
        assert_eq!(from_json(&json), Ok(w));
        assert_eq!(from_json(&to_json(&Workspace::default(), 0.0)), Ok(Workspace::default()));
        // A byte-order mark from an editor is not damage.
        assert!(from_json(&format!("\u{FEFF}{json}")).is_ok());
    }

    #[test]
    fn foreign_and_broken_files_are_named() {
        assert!(matches!(rejects(""), ImportError::NotJson(_)));
        assert!(matches!(rejects("{not json"), ImportError::NotJson(_)));
        assert_eq!(rejects("[]"), ImportError::Foreign);
        assert_eq!(rejects("42"), ImportError::Foreign);
        assert_eq!(rejects(r#"{"schema":"other"}"#), ImportError::Foreign);
        assert_eq!(rejects(r#"{"notes":[]}"#), ImportError::Foreign);
        let newer = format!(r#"{{"schema":"{SCHEMA}","version":2,"notes":[{{"shape":"unknown"}}]}}"#);
        assert_eq!(rejects(&newer), ImportError::NewerVersion(2));
        for version in ["0", "-1", "1.5", "\"1\"", "null"] {
            let text = format!(r#"{{"schema":"{SCHEMA}","version":{version}}}"#);
            assert!(matches!(rejects(&text), ImportError::Invalid(_)), "{version}");
        }
        assert!(rejects("{not json").to_string().starts_with(
            "This file is not a notes export of the reading companion (it is not JSON: key must be a string"
        ));
        assert_eq!(rejects("[]").to_string(), "This file is JSON but not a notes export of the reading companion.");
        assert_eq!(
            rejects(&newer).to_string(),
            "This file was made by a newer version of the companion (schema version 2); this one reads version 1."
        );
    }

    /// The sample's JSON with one edit made to its parsed value.
    fn edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(&to_json(&sample(), 0.0)).unwrap();
        edit(&mut v);
        v.to_string()
    }

    fn damage(text: &str) -> String {
        match rejects(text) {
            ImportError::Invalid(why) => why,
            other => panic!("{other:?} for {text}"),
        }
    }

    #[test]
    fn damaged_notes_are_named_in_plain_words() {
        let no_doc = edited(|v| {
            v["notes"][2]["anchor"].as_object_mut().unwrap().remove("doc");
        });
        assert_eq!(damage(&no_doc), "note 3 has no document");
        assert_eq!(rejects(&no_doc).to_string(), "This notes file is damaged: note 3 has no document.");
        assert_eq!(
            damage(&edited(|v| v["notes"][0]["anchor"]["block"] = "".into())),
            "note 1 does not say which paragraph it is on"
        );
        assert_eq!(damage(&edited(|v| v["notes"][1]["id"] = "".into())), "note 2 has no id");
        assert_eq!(damage(&edited(|v| v["notes"][2]["id"] = "n-1".into())), "notes 1 and 3 have the same id (n-1)");
        // A highlight may have no text; a note on the whole paragraph may not.
        assert_eq!(
            damage(&edited(|v| v["notes"][2]["text"] = " ".into())),
            "note 3 is empty: it has neither text nor a quoted passage"
        );
        assert!(damage(&edited(|v| v["notes"][0]["anchor"]["doc"] = 5.into()))
            .starts_with("note 1 cannot be read (invalid type"));
        assert!(damage(&edited(|v| v["notes"][0]["created"] = Value::Null)).starts_with("note 1 cannot be read"));
        assert!(damage(&edited(|v| v["notes"] = "none".into())).contains("not a list"));
        assert_eq!(
            damage(&edited(|v| v["answers"][1]["question"] = "".into())),
            "answer 2 does not say which question it answers"
        );
        assert_eq!(
            damage(&edited(|v| v["answers"][1]["question"] = "q-sources".into())),
            "answers 1 and 2 answer the same question (q-sources)"
        );
    }

    #[test]
    fn non_finite_numbers_never_make_a_file_unreadable() {
        let mut w = sample();
        w.notes[0].created = f64::NAN;
        w.notes[0].updated = f64::INFINITY;
        w.answers[1].estimate = Some(f64::NEG_INFINITY);
        let back = from_json(&to_json(&w, f64::NAN)).unwrap();
        assert_eq!((back.notes[0].created, back.notes[0].updated), (0.0, 0.0));
        assert_eq!(back.answers[1].estimate, None);
        // JSON cannot spell infinity; an overflowing number is refused, not read as one.
        let overflow = edited(|v| v["answers"][1]["estimate"] = 1.0.into()).replace("1.0", "1e999");
        assert!(matches!(rejects(&overflow), ImportError::NotJson(why) if why.contains("out of range")));
        let mut w = Workspace::default();
        w.set_answer("q", Some("x".into()), Some(Some(f64::NAN)), 1.0);
        assert_eq!(w.answer("q").unwrap().estimate, None);
    }

    #[test]
    fn files_over_the_guard_are_refused_before_parsing() {
        let mut w = Workspace::default();
        w.upsert_note(note("n-big", "d", "p1", "", &"x".repeat(MAX_IMPORT_BYTES)));
        let why = damage(&to_json(&w, 0.0));
        assert!(why.contains("larger than 5 MB"), "{why}");
    }

    #[test]
    fn truncated_files_never_panic() {
        let json = to_json(&sample(), 1.5);
        assert!(json.chars().any(|c| c.len_utf8() > 1), "the sample should hold multi-byte text");
        for (at, _) in json.char_indices() {
            assert!(from_json(&json[..at]).is_err(), "{}", &json[..at]);
        }
        assert!(from_json(&json).is_ok());
    }

    #[test]
    fn blank_notes_are_not_saved() {
        let mut w = sample();
        w.upsert_note(note("n-new", "home-to-mek", "p9", "", ""));
        assert_eq!(from_json(&to_json(&w, 0.0)), Ok(sample()));
    }
}
