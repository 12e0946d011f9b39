//! The student's own work: notes on passages and answers to the guided questions. It is theirs,
//! so it must survive the app changing under it: notes are anchored by quotation as well as by
//! paragraph id (a re-cleaned corpus moves paragraphs), and it is saved and exported as one
//! versioned JSON schema that later versions migrate instead of rejecting. Reading a file is
//! strict, so a damaged or foreign file is refused with a sentence the student can act on,
//! never half-read; importing merges and never overwrites what is already here.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::fold::{fold, fold_char};

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

    pub fn upsert_note(&mut self, note: Note) {
        match self.notes.iter_mut().find(|n| n.id == note.id) {
            Some(old) => *old = note,
            None => self.notes.push(note),
        }
    }

    /// The note and where it stood, so that undo puts it back in its place.
    pub fn remove_note(&mut self, id: &str) -> Option<(usize, Note)> {
        let at = self.notes.iter().position(|n| n.id == id)?;
        Some((at, self.notes.remove(at)))
    }

    /// Undoes [`Workspace::remove_note`]. If the note is back already (an undo repeated), it is
    /// replaced where it is rather than doubled.
    pub fn restore_note(&mut self, at: usize, note: Note) {
        if let Some(old) = self.notes.iter_mut().find(|n| n.id == note.id) {
            *old = note;
        } else {
            let at = at.min(self.notes.len());
            self.notes.insert(at, note);
        }
    }

    pub fn notes_on(&self, doc: &str) -> Vec<&Note> {
        self.notes.iter().filter(|n| n.anchor.doc == doc).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.answers.is_empty()
    }
}

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

/// Where a note's anchor lands in a document's blocks today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// In the paragraph it names. Ranges are in bytes of the block's text.
    Exact {
        block: usize,
        range: Range<usize>,
    },
    /// The paragraph it names no longer holds the quote, but this one does.
    Moved {
        block: usize,
        range: Range<usize>,
    },
    Lost,
}

impl Placement {
    /// The block and the byte range the note lands on, wherever it was found.
    pub fn at(&self) -> Option<(usize, &Range<usize>)> {
        match self {
            Placement::Exact { block, range } | Placement::Moved { block, range } => Some((*block, range)),
            Placement::Lost => None,
        }
    }
}

/// Folded text (case, diacritics and typographic punctuation ignored, white space runs made
/// one space) and, for each of its bytes, the offset in `s` of the character it came from,
/// with a final `s.len()`. A re-cleaned corpus changes apostrophes and spaces (the pages
/// use non-breaking ones), and a quote copied from the page may differ the same way.
fn loose(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
                offsets.push(i);
            }
            continue;
        }
        fold_char(c, &mut |f| {
            out.push(f);
            offsets.extend(std::iter::repeat_n(i, f.len_utf8()));
        });
    }
    offsets.push(s.len());
    (out, offsets)
}

fn find_loose(quote: &str, text: &str) -> Option<Range<usize>> {
    let (folded, offsets) = loose(text);
    let at = folded.find(quote)?;
    let range = offsets[at]..offsets[at + quote.len()];
    (!range.is_empty()).then_some(range)
}

/// blocks: (id, text) in document order. Exact: the quote is in the named block (a note on the
/// whole paragraph: the whole block). Moved: the named block no longer holds it but another
/// does. Lost: no block holds it, or the whole paragraph's block is gone. A verbatim match is
/// preferred to a loose one (see [`loose`]), and the first match to later ones.
pub fn place(anchor: &Anchor, blocks: &[(&str, &str)]) -> Placement {
    let named = blocks.iter().position(|(id, _)| *id == anchor.block);
    if whole_paragraph(anchor) {
        return named.map_or(Placement::Lost, |b| Placement::Exact { block: b, range: 0..blocks[b].1.len() });
    }
    let quote = anchor.quote.trim();
    let folded = loose(quote).0;
    let find = |text: &str, tolerant: bool| {
        if tolerant {
            find_loose(&folded, text)
        } else {
            text.find(quote).map(|at| at..at + quote.len())
        }
    };
    if let Some(b) = named {
        for tolerant in [false, true] {
            if let Some(range) = find(blocks[b].1, tolerant) {
                return Placement::Exact { block: b, range };
            }
        }
    }
    for tolerant in [false, true] {
        for (b, (_, text)) in blocks.iter().enumerate() {
            if Some(b) == named {
                continue;
            }
            if let Some(range) = find(text, tolerant) {
                return Placement::Moved { block: b, range };
            }
        }
    }
    Placement::Lost
}

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
}

/// The saved and exported form. Blank notes (see [`is_blank`]) are left out, so a note
/// opened and left empty never makes the saved work unreadable.
pub fn to_json(w: &Workspace, exported: f64) -> String {
    let export = Export {
        schema: SCHEMA,
        version: VERSION,
        exported,
        notes: w.notes.iter().filter(|n| !is_blank(n)).collect(),
        answers: &w.answers,
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

fn list<'a>(object: &'a serde_json::Map<String, Value>, key: &str) -> Result<&'a [Value], ImportError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(ImportError::Invalid(format!("its list of {key} is not a list"))),
    }
}

fn read_note(n: usize, value: &Value) -> Result<Note, ImportError> {
    let invalid = |why: &str| Err(ImportError::Invalid(format!("note {n} {why}")));
    let note = match Note::deserialize(value) {
        Ok(note) => note,
        Err(e) => return invalid(&format!("cannot be read ({e})")),
    };
    if note.id.is_empty() {
        return invalid("has no id");
    }
    if note.anchor.doc.is_empty() {
        return invalid("has no document");
    }
    if note.anchor.block.is_empty() {
        return invalid("does not say which paragraph it is on");
    }
    if is_blank(&note) {
        return invalid("is empty: it has neither text nor a quoted passage");
    }
    if !note.created.is_finite() || !note.updated.is_finite() {
        return invalid("has a time that is not a number");
    }
    Ok(note)
}

fn read_answer(n: usize, value: &Value) -> Result<Answer, ImportError> {
    let invalid = |why: &str| Err(ImportError::Invalid(format!("answer {n} {why}")));
    let answer = match Answer::deserialize(value) {
        Ok(answer) => answer,
        Err(e) => return invalid(&format!("cannot be read ({e})")),
    };
    if answer.question.is_empty() {
        return invalid("does not say which question it answers");
    }
    if !answer.updated.is_finite() {
        return invalid("has a time that is not a number");
    }
    if answer.estimate.is_some_and(|e| !e.is_finite()) {
        return invalid("has an estimate that is not a number");
    }
    Ok(answer)
}

/// Reads what [`to_json`] writes, from this version or an older one.
pub fn from_json(text: &str) -> Result<Workspace, ImportError> {
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
    let value = migrate(version, value)?;
    let Value::Object(object) = &value else {
        return Err(ImportError::Invalid("it could not be brought up to this version".into()));
    };

    let mut w = Workspace::default();
    let (mut ids, mut questions) = (HashSet::new(), HashSet::new());
    for (i, item) in list(object, "notes")?.iter().enumerate() {
        let note = read_note(i + 1, item)?;
        if !ids.insert(note.id.clone()) {
            let first = w.notes.iter().position(|n| n.id == note.id).map_or(0, |p| p + 1);
            return Err(ImportError::Invalid(format!("notes {first} and {} have the same id ({})", i + 1, note.id)));
        }
        w.notes.push(note);
    }
    for (i, item) in list(object, "answers")?.iter().enumerate() {
        let answer = read_answer(i + 1, item)?;
        if !questions.insert(answer.question.clone()) {
            let first = w.answers.iter().position(|a| a.question == answer.question).unwrap_or(0);
            let (first, q) = (first + 1, &answer.question);
            return Err(ImportError::Invalid(format!("answers {first} and {} answer the same question ({q})", i + 1)));
        }
        w.answers.push(answer);
    }
    Ok(w)
}

/// What an import did. The counts do not overlap: `kept_both` notes were added as copies and
/// `kept_both` answers appended to the student's own, and neither is in the `added_` counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub workspace: Workspace,
    pub added_notes: usize,
    pub added_answers: usize,
    pub unchanged: usize,
    pub kept_both: usize,
}

/// What a note says, without when: the same note exported twice is the same note.
fn same_content(a: &Note, b: &Note) -> bool {
    a.anchor == b.anchor && a.text == b.text
}

fn is_blank_answer(a: &Answer) -> bool {
    a.text.trim().is_empty() && a.estimate.is_none()
}

const IMPORTED: &str = "(imported) ";

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
    let mut m = Merged { workspace: base.clone(), added_notes: 0, added_answers: 0, unchanged: 0, kept_both: 0 };
    let notes = &mut m.workspace.notes;
    let mut index: HashMap<String, usize> = notes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
    for note in &incoming.notes {
        // The id, then its copies, up to the first id not taken: that one is where it goes.
        let ids = std::iter::once(note.id.clone()).chain((2u64..).map(|k| format!("{}-{k}", note.id)));
        let mut free = None;
        for id in ids {
            match index.get(&id) {
                Some(&i) if same_content(&notes[i], note) => break,
                Some(_) => {}
                None => {
                    free = Some(id);
                    break;
                }
            }
        }
        match free {
            None => m.unchanged += 1,
            Some(id) => {
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

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Merged {
    /// "Imported 3 notes and 1 answer; 2 were already here; 1 kept beside yours."
    pub fn summary(&self) -> String {
        if self.added_notes + self.added_answers + self.unchanged + self.kept_both == 0 {
            return "The file held no notes or answers.".into();
        }
        let mut imported = Vec::new();
        if self.added_notes > 0 {
            imported.push(count(self.added_notes, "note", "notes"));
        }
        if self.added_answers > 0 {
            imported.push(count(self.added_answers, "answer", "answers"));
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
        format!("{}.", parts.join("; "))
    }
}

/// What the Markdown export needs from the app (titles and absolute links are the app's business).
pub struct MarkdownContext<'a> {
    /// "My notes on Camp Ashraf 3".
    pub title: &'a str,
    /// A date the app formats.
    pub exported: &'a str,
    pub doc_title: &'a dyn Fn(&str) -> String,
    /// The absolute URL of the passage.
    pub passage_link: &'a dyn Fn(&Anchor) -> String,
    pub question_prompt: &'a dyn Fn(&str) -> Option<String>,
    pub question_link: &'a dyn Fn(&str) -> String,
}

/// A heading is one line: a line break would end it and spill the rest into the text.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The notes and answers as a Markdown file the student can keep, print or paste into an
/// essay. Nothing is escaped: the student's words are theirs, Markdown included; only quotes
/// keep their `>` on every line so a line break cannot end them.
pub fn to_markdown(w: &Workspace, ctx: &MarkdownContext) -> String {
    let mut out = format!("# {}\n\nExported {}.\n", one_line(ctx.title), one_line(ctx.exported));
    let notes: Vec<&Note> = w.notes.iter().filter(|n| !is_blank(n)).collect();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n");
        let mut docs: Vec<&str> = Vec::new();
        for n in &notes {
            if !docs.contains(&n.anchor.doc.as_str()) {
                docs.push(&n.anchor.doc);
            }
        }
        for doc in docs {
            out.push_str(&format!("\n### {}\n", one_line(&(ctx.doc_title)(doc))));
            for n in notes.iter().filter(|n| n.anchor.doc == doc) {
                out.push('\n');
                if whole_paragraph(&n.anchor) {
                    out.push_str("> (the whole paragraph)\n");
                } else {
                    for line in n.anchor.quote.trim().lines().map(str::trim_end) {
                        out.push_str(&if line.is_empty() { ">\n".to_string() } else { format!("> {line}\n") });
                    }
                }
                out.push_str(&format!("\n[Read the passage]({})\n", (ctx.passage_link)(&n.anchor)));
                if !n.text.trim().is_empty() {
                    out.push_str(&format!("\n{}\n", n.text.trim()));
                }
            }
        }
    }
    let answers: Vec<&Answer> =
        w.answers.iter().filter(|a| !a.text.trim().is_empty() || a.estimate.is_some()).collect();
    if !answers.is_empty() {
        out.push_str("\n## Answers to the questions\n");
        for a in answers {
            let prompt = (ctx.question_prompt)(&a.question).unwrap_or_else(|| a.question.clone());
            out.push_str(&format!(
                "\n### {}\n\n[The question]({})\n",
                one_line(&prompt),
                (ctx.question_link)(&a.question)
            ));
            if let Some(e) = a.estimate {
                out.push_str(&format!("\nEstimate: {e}\n"));
            }
            if !a.text.trim().is_empty() {
                out.push_str(&format!("\n{}\n", a.text.trim()));
            }
        }
    }
    out
}

/// Notes matching a search within notes: every word of `query` (folded, so case and
/// diacritics don't matter; punctuation at its ends ignored) occurs in the note text, its
/// quote or its document id. Empty query: all notes.
pub fn search<'a>(w: &'a Workspace, query: &str) -> Vec<&'a Note> {
    let folded = fold(query);
    let words: Vec<&str> = folded
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .collect();
    w.notes
        .iter()
        .filter(|n| {
            let hay = fold(&format!("{}\n{}\n{}", n.text, n.anchor.quote, n.anchor.doc));
            words.iter().all(|word| hay.contains(word))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: &str, doc: &str, block: &str, quote: &str, text: &str) -> Note {
        let anchor = Anchor { doc: doc.into(), block: block.into(), quote: quote.into() };
        Note { id: id.into(), anchor, text: text.into(), created: 1_700_000_000_000.0, updated: 1_700_000_000_500.0 }
    }

    fn answer(question: &str, text: &str, estimate: Option<f64>) -> Answer {
        Answer { question: question.into(), text: text.into(), estimate, updated: 1_700_000_001_000.0 }
    }

    fn sample() -> Workspace {
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
        }
    }

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
        assert_eq!(merge(&Workspace::default(), &Workspace::default()).summary(), "The file held no notes or answers.");
        let counts =
            Merged { workspace: Workspace::default(), added_notes: 3, added_answers: 1, unchanged: 2, kept_both: 1 };
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

    fn markdown(w: &Workspace) -> String {
        let ctx = MarkdownContext {
            title: "My notes on Camp Ashraf 3",
            exported: "1 March 2026",
            doc_title: &|d| format!("Title of {d}"),
            passage_link: &|a| format!("https://x.org/{}#{}", a.doc, a.block),
            question_prompt: &|q| (q == "q-sources").then(|| "Which sources\nagree?".to_string()),
            question_link: &|q| format!("https://x.org/questions#{q}"),
        };
        to_markdown(w, &ctx)
    }

    #[test]
    fn markdown_export() {
        let mut w = sample();
        w.notes[0].anchor.quote = "First line of the quote\n\nafter a blank line".into();
        w.notes.push(note("n-4", "home-to-mek", "p5", "later", "Back in the first document."));
        // Documents in the order of their first note, each once; quotes keep `>` on every line.
        let expected = r#"# My notes on Camp Ashraf 3

Exported 1 March 2026.

## Notes

### Title of home-to-mek

> First line of the quote
>
> after a blank line

[Read the passage](https://x.org/home-to-mek#p3)

Where the camp is.
Second line.

> a highlight

[Read the passage](https://x.org/home-to-mek#p4)

> later

[Read the passage](https://x.org/home-to-mek#p5)

Back in the first document.

### Title of other-doc

> (the whole paragraph)

[Read the passage](https://x.org/other-doc#p1)

On the whole paragraph: «اشرف۳»

## Answers to the questions

### Which sources agree?

[The question](https://x.org/questions#q-sources)

Two of them cite the same report.

### q-count

[The question](https://x.org/questions#q-count)

Estimate: 2500
"#;
        assert_eq!(markdown(&w), expected);
        assert_eq!(markdown(&Workspace::default()), "# My notes on Camp Ashraf 3\n\nExported 1 March 2026.\n");
    }

    #[test]
    fn search_folds_case_and_diacritics() {
        let w = sample();
        let ids = |q: &str| search(&w, q).iter().map(|n| n.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("durres"), ["n-1"]);
        assert_eq!(ids("DURRËS camp"), ["n-1"]);
        assert_eq!(ids("\"manez,\""), ["n-1"]);
        assert_eq!(ids("durres highlight"), Vec::<&str>::new());
        assert_eq!(ids("other-doc"), ["n-3"]);
        assert_eq!(ids("اشرف۳"), ["n-3"]);
        assert_eq!(ids(""), ["n-1", "n-2", "n-3"]);
        assert_eq!(ids("  "), ["n-1", "n-2", "n-3"]);
    }
}
