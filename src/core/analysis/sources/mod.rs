//! Sources a student or a teacher adds beside the five (lateral reading): what is pasted or
//! opened is read into passages like a seed (`read`), checked before anything is kept (each
//! bad input named in a sentence the student can act on, and nothing changed), given the
//! provenance the library shows for the five, with "not stated" for what the student does not
//! know, and kept with the student's work (`notes`: saved change by change, exported and
//! imported with it). An added source is never part of the unit's checked corpus: no figures or
//! claims are extracted from it; its numbers are only pointed out, to be checked by hand.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::analysis::clean::{self, CleanBlock};
use crate::analysis::glossary::{Matcher, Term};
use crate::model::{BlockKind, Mark};

mod read;

pub use read::{decode_entities, passages_of, Format};

/// A text larger than this is not an article a class reads (and storage holds a few MB).
pub const MAX_BYTES: usize = 1024 * 1024;

/// The id of every added source starts with this, so it never names a bundled document.
pub const ID_PREFIX: &str = "added-";

/// Said for every provenance field the student leaves empty.
pub const NOT_STATED: &str = "not stated";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Heading,
    Paragraph,
}

/// One block of an added source's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub kind: Kind,
    pub text: String,
}

/// What the library shows for a source. Only the title is required; an empty field is shown
/// as "not stated", never guessed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub date: String,
    /// Where it was found, as text (never made a link: it is the student's word, unchecked).
    #[serde(default)]
    pub address: String,
    /// The source's relation to the subject ("Albanian newspaper", "critic of the MEK").
    #[serde(default)]
    pub relation: String,
}

/// A field as the page shows it.
pub fn shown(field: &str) -> &str {
    match field.trim() {
        "" => NOT_STATED,
        s => s,
    }
}

impl Provenance {
    /// Label and value of each field, in the order the library shows the five's.
    pub fn facts(&self) -> [(&'static str, &str); 5] {
        [
            ("Outlet", shown(&self.outlet)),
            ("Author", shown(&self.author)),
            ("Date", shown(&self.date)),
            ("Address", shown(&self.address)),
            ("Relation", shown(&self.relation)),
        ]
    }
}

/// An added source as it is kept and exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddedSource {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub provenance: Provenance,
    #[serde(default)]
    pub passages: Vec<Passage>,
    /// How it came in: "pasted", or the file's name.
    #[serde(default)]
    pub from: String,
    /// Milliseconds since the epoch.
    pub added: f64,
    pub updated: f64,
}

impl AddedSource {
    /// What it says, without when: the same source exported twice is the same source.
    pub fn same_content(&self, other: &AddedSource) -> bool {
        self.provenance == other.provenance && self.passages == other.passages
    }

    pub fn word_count(&self) -> usize {
        self.passages.iter().map(|p| clean::word_count(&p.text)).sum()
    }

    /// Its passages as the build's blocks, with their fragment ids (`p1`, `h-history`).
    pub fn blocks(&self) -> Vec<(String, CleanBlock)> {
        let blocks: Vec<CleanBlock> = self
            .passages
            .iter()
            .map(|p| CleanBlock {
                kind: if p.kind == Kind::Heading { BlockKind::Heading } else { BlockKind::Paragraph },
                text: p.text.clone(),
            })
            .collect();
        clean::block_ids(&blocks).into_iter().zip(blocks).collect()
    }
}

/// Why a text or a title cannot be added. Nothing is kept when one of these is said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Empty,
    Binary,
    TooLarge(usize),
    NoParagraphs,
    NotAReadableFile(String),
    NoTitle,
    TitleUsed(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => write!(f, "There is no text to add: paste the article’s text or open a file that holds it."),
            Problem::Binary => write!(f, "This file is not text (it may be a PDF, an image or a word-processor file): save the article as .txt, .md or .html and open that."),
            Problem::TooLarge(n) => write!(
                f,
                "This text is {:.1} MB, more than the 1 MB an added source may hold: add the article alone, without the rest of the page or site.",
                *n as f64 / (1024.0 * 1024.0)
            ),
            Problem::NoParagraphs => write!(f, "No paragraph of text was found in it (only headings, markup or site furniture): check that it is the article itself."),
            Problem::NotAReadableFile(name) => write!(f, "“{name}” is not a file the companion reads: open a .txt, .md or .html file, or paste the text."),
            Problem::NoTitle => write!(f, "Give the source a title: it is how the library, the comparison and your notes name it."),
            Problem::TitleUsed(t) => write!(f, "A source with the title “{t}” is already in the library: give this one a title of its own."),
        }
    }
}

impl std::error::Error for Problem {}

/// Reads the bytes of a pasted text or an opened file into passages, or says why not.
pub fn read(bytes: &[u8], format: Format) -> Result<Vec<Passage>, Problem> {
    if bytes.len() > MAX_BYTES {
        return Err(Problem::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Problem::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Problem::Binary)?;
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    let passages = passages_of(text, format);
    if !passages.iter().any(|p| p.kind == Kind::Paragraph) {
        return Err(Problem::NoParagraphs);
    }
    Ok(passages)
}

/// Titles compare with case and spacing folded: "The Camp" and "the  camp" are one title.
fn same_title(a: &str, b: &str) -> bool {
    clean::normalize_space(a).to_lowercase() == clean::normalize_space(b).to_lowercase()
}

/// The title, trimmed, if no other source (bundled or added) has it.
pub fn check_title<'a>(title: &str, taken: impl IntoIterator<Item = &'a str>) -> Result<String, Problem> {
    let title = clean::normalize_space(title);
    if title.is_empty() {
        return Err(Problem::NoTitle);
    }
    match taken.into_iter().find(|t| same_title(t, &title)) {
        Some(t) => Err(Problem::TitleUsed(t.to_string())),
        None => Ok(title),
    }
}

/// An id for a new source from its title, different from every id in `taken`.
pub fn new_id<'a>(title: &str, taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let slug: String = clean::slug(title).chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    let base = format!("{ID_PREFIX}{}", if slug.is_empty() { "source" } else { slug });
    free(&base, taken)
}

/// `base`, or `base-2`, `base-3`… whichever is first not in `taken`.
pub fn free<'a>(base: &str, taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
    std::iter::once(base.to_string())
        .chain((2u32..).map(|k| format!("{base}-{k}")))
        .find(|id| !taken.clone().into_iter().any(|t| t == id))
        .unwrap_or_default()
}

/// Whether an id names an added source (and so no bundled document).
pub fn is_added(id: &str) -> bool {
    id.starts_with(ID_PREFIX)
}

/// The numbers in a passage (digits with their separators: "3,000", "2.5", "1990s"), to be
/// checked by hand: an added source's figures are not in the unit's checked data.
pub fn numbers(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_numeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let separator =
                matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}') && chars.get(j + 1).is_some_and(|n| n.1.is_numeric());
            if c.is_numeric() || separator {
                j += if separator { 2 } else { 1 };
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |c| c.0);
        out.push(start..end);
        i = j;
    }
    out
}

/// The matcher for the glossary's terms, as the build makes it for the seeds.
pub fn matcher(terms: &[Term]) -> Matcher {
    let names = |t: &Term| std::iter::once(t.label).chain(t.aliases.iter().copied()).map(String::from).collect();
    let exact = |t: &Term| t.exact_case.iter().map(|e| e.to_string()).collect();
    Matcher::new(&terms.iter().map(|t| (names(t), exact(t))).collect::<Vec<_>>())
}

// How the page sends the glossary's terms to the added sources' worker, as one text: each term
// ended by RS, its names split by US, and GS before its exact-case names (no name holds a
// control character: tests/worker.rs checks the glossary's round trip).
const TERM_END: char = '\u{1e}';
const NAME: char = '\u{1f}';
const EXACT: char = '\u{1d}';

/// The glossary's terms as one text, for the added sources' worker ([`terms_of_text`]).
pub fn terms_text(terms: &[Term]) -> String {
    let mut out = String::new();
    for t in terms {
        for (i, name) in std::iter::once(&t.label).chain(t.aliases).enumerate() {
            if i > 0 {
                out.push(NAME);
            }
            out += name;
        }
        out.push(EXACT);
        out += &t.exact_case.join(&NAME.to_string());
        out.push(TERM_END);
    }
    out
}

/// What [`terms_text`] wrote, as a matcher is made of.
pub fn terms_of_text(text: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let split = |s: &str| s.split(NAME).filter(|n| !n.is_empty()).map(String::from).collect();
    text.split_terminator(TERM_END)
        .map(|t| {
            let (names, exact) = t.split_once(EXACT).unwrap_or((t, ""));
            (split(names), split(exact))
        })
        .collect()
}

/// The glossary's terms in a passage, as the build marks the seeds.
pub fn marks(matcher: &Matcher, text: &str) -> Vec<Mark> {
    matcher.find(text).into_iter().map(|f| f.mark).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    proptest! {
        /// Any bytes in any format: an answer, never a panic, and only passages with text.
        #[test]
        fn any_input_reads_or_is_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400), f in 0..3u8) {
            let format = [Format::Text, Format::Markdown, Format::Html][f as usize];
            if let Ok(passages) = read(&bytes, format) {
                prop_assert!(passages.iter().all(|p| !p.text.is_empty() && p.text.trim() == p.text));
            }
        }

        /// Text that looks like markup, in every format; numbers on character boundaries.
        #[test]
        fn any_markup_like_text(s in "[<>/a-z!=&#;0-9 \n\"'.,-]{0,300}") {
            for format in [Format::Text, Format::Markdown, Format::Html] {
                for p in passages_of(&s, format) {
                    for r in numbers(&p.text) {
                        prop_assert!(p.text.get(r).is_some());
                    }
                }
            }
            let script = format!("<script>{s}</script><p>kept</p>");
            let read = passages_of(&script, Format::Html);
            prop_assert!(read.iter().all(|p| p.text == "kept" || !s.to_ascii_lowercase().contains("</script")));
        }
    }

    #[test]
    fn each_bad_input_is_named() {
        assert_eq!(read(b"", Format::Text), Err(Problem::Empty));
        assert_eq!(read(b" \n\t\n", Format::Text), Err(Problem::Empty));
        assert_eq!(read(b"%PDF-1.4\n\x00\x01binary", Format::Text), Err(Problem::Binary));
        assert_eq!(read(&[0xff, 0xfe, 0x41], Format::Text), Err(Problem::Binary));
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(read(&big, Format::Text), Err(Problem::TooLarge(MAX_BYTES + 1)));
        assert!(Problem::TooLarge(MAX_BYTES + 1).to_string().contains("1.0 MB"));
        assert_eq!(
            read(b"<html><script>x()</script><h1>Only a heading</h1></html>", Format::Html),
            Err(Problem::NoParagraphs)
        );
        assert_eq!(read(b"# Heading\n\n## Another", Format::Markdown), Err(Problem::NoParagraphs));
        assert!(read(b"\xEF\xBB\xBFA text.", Format::Text).is_ok(), "a byte-order mark is not binary");
    }

    #[test]
    fn titles_are_required_and_unique() {
        let taken = ["Lends Hope", "Camp report"];
        assert_eq!(check_title("  ", taken), Err(Problem::NoTitle));
        assert_eq!(check_title("camp  REPORT", taken), Err(Problem::TitleUsed("Camp report".into())));
        assert_eq!(check_title(" A new  one ", taken), Ok("A new one".into()));
    }

    #[test]
    fn ids_are_fresh_and_never_a_bundled_documents() {
        let taken = ["added-camp-report", "added-camp-report-2"];
        assert_eq!(new_id("Camp report!", taken), "added-camp-report-3");
        assert_eq!(new_id("«»", taken), "added-source");
        assert!(is_added(&new_id("lends-hope", [])));
    }

    #[test]
    fn numbers_are_found_for_checking() {
        let t = "About 3,000 people, 2.5 km; in the 1990s, ۳ and 12 000.";
        let found: Vec<&str> = numbers(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["3,000", "2.5", "1990", "۳", "12", "000"]);
    }

    #[test]
    fn provenance_says_not_stated() {
        let p = Provenance { title: "T".into(), outlet: "Paper".into(), ..Default::default() };
        assert_eq!(p.facts()[0], ("Outlet", "Paper"));
        assert_eq!(p.facts()[1], ("Author", NOT_STATED));
    }

    #[test]
    fn blocks_get_the_builds_ids() {
        let s = AddedSource {
            id: "added-x".into(),
            provenance: Provenance::default(),
            passages: read(b"A.\n\n== H ==\n\nB.", Format::Text).unwrap(),
            from: "pasted".into(),
            added: 0.0,
            updated: 0.0,
        };
        let ids: Vec<String> = s.blocks().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["p1", "h-h", "p2"]);
        assert_eq!(s.word_count(), 3);
    }
}

/// Added sources are kept with the student's work: saved change by change, exported and
/// imported with it, a teacher's source pack being an export with sources only.
#[cfg(test)]
mod kept_with_the_work {
    use crate::analysis::notes::changes::{Change, Saved};
    use crate::analysis::notes::fixtures::{note, sample, source};
    use crate::analysis::notes::{from_json, merge, saved, to_json, Workspace};

    #[test]
    fn a_file_without_sources_is_what_earlier_versions_wrote_and_read() {
        let json = to_json(&sample(), 0.0);
        assert!(!json.contains("\"sources\""));
        let mut with = sample();
        with.sources.push(source("added-a", "A", "One paragraph."));
        let json = to_json(&with, 0.0);
        assert_eq!(from_json(&json), Ok(with.clone()));
        // What an earlier version reads of it: its notes and answers, the sources ignored.
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(value["notes"].is_array() && value["sources"][0]["provenance"]["title"] == "A");
    }

    #[test]
    fn a_source_pack_holds_sources_only() {
        let pack = Workspace { sources: vec![source("added-a", "A", "Text.")], ..Default::default() };
        let json = to_json(&pack, 0.0);
        assert!(json.contains("\"notes\": []"));
        let m = merge(&sample(), &from_json(&json).unwrap());
        assert_eq!(m.workspace.sources.len(), 1);
        assert_eq!(m.summary(), "Imported 1 source.");
    }

    #[test]
    fn a_damaged_source_is_refused_on_import_and_set_aside_alone_when_saved() {
        let mut w = sample();
        w.sources.push(source("added-a", "A", "Text."));
        w.sources.push(source("added-b", "B", "Text two."));
        let json = to_json(&w, 0.0).replace("\"title\": \"B\"", "\"title\": \"\"");
        let e = from_json(&json).unwrap_err().to_string();
        assert_eq!(e, "This notes file is damaged: source 2 has no title.");
        let read = saved::read(&json);
        assert_eq!(read.saved.work.sources.len(), 1);
        assert_eq!(read.saved.work.notes, w.notes, "the notes are not taken with it");
        assert_eq!(read.unreadable.len(), 1);
        let bad_id = to_json(&w, 0.0).replace("\"id\": \"added-a\"", "\"id\": \"lends-hope\"");
        assert!(from_json(&bad_id).is_err(), "an added source never takes a bundled document's id");
    }

    #[test]
    fn each_damaged_source_is_named() {
        let w = Workspace { sources: vec![source("added-a", "A", "Text.")], ..Default::default() };
        let damage = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut v: serde_json::Value = serde_json::from_str(&to_json(&w, 0.0)).unwrap();
            edit(&mut v["sources"][0]);
            from_json(&v.to_string()).unwrap_err().to_string()
        };
        let says = |why: &str| format!("This notes file is damaged: source 1 {why}.");
        assert_eq!(damage(&|s| s["id"] = "a".into()), says("has no id of an added source"));
        assert_eq!(damage(&|s| s["provenance"]["title"] = " ".into()), says("has no title"));
        assert_eq!(damage(&|s| s["passages"] = serde_json::json!([])), says("has no paragraph of text"));
        let unreadable = damage(&|s| s["updated"] = "soon".into());
        assert!(
            unreadable.starts_with("This notes file is damaged: source 1 cannot be read (invalid type"),
            "{unreadable}"
        );
    }

    #[test]
    fn removing_and_undoing_follow_the_changes_rules() {
        let mut s = Saved::default();
        let a = source("added-a", "A", "Text.");
        s.apply(&Change::PutSource(a.clone()));
        s.apply(&Change::DeleteSource { id: "added-a".into(), at: a.updated + 10.0 });
        assert!(s.work.sources.is_empty());
        s.apply(&Change::PutSource(a.clone()));
        assert!(s.work.sources.is_empty(), "an older copy from another tab does not bring it back");
        let back = crate::analysis::sources::AddedSource { updated: a.updated + 20.0, ..a.clone() };
        s.apply(&Change::RestoreSource { index: 0, source: back });
        assert_eq!(s.work.sources.len(), 1, "undo puts it back");
        assert!(s.removed.is_empty());
        assert_eq!(saved::read(&s.to_json(0.0)).saved, s);
    }

    #[test]
    fn colliding_imports_keep_both_renamed_and_notes_follow() {
        let mut mine = Workspace::default();
        mine.sources.push(source("added-report", "Report", "My text."));
        let mut theirs = Workspace::default();
        theirs.sources.push(source("added-report", "Report", "Their text."));
        theirs.sources.push(source("added-other", "report", "Third text."));
        theirs.notes.push(note("n-1", "added-report", "p1", "Their", "On theirs."));
        let m = merge(&mine, &theirs);
        let titles: Vec<(&str, &str)> =
            m.workspace.sources.iter().map(|s| (s.id.as_str(), s.provenance.title.as_str())).collect();
        assert_eq!(
            titles,
            [
                ("added-report", "Report"),
                ("added-report-2", "Report (imported)"),
                ("added-other", "report (imported 2)")
            ]
        );
        assert_eq!(m.workspace.notes[0].anchor.doc, "added-report-2", "the note is on their text, renamed");
        assert!(m.summary().contains("“Report” collided with a source here, so both are kept and the imported one is now “Report (imported)”"), "{}", m.summary());
        let again = merge(&m.workspace, &theirs);
        assert_eq!(again.workspace, m.workspace, "importing the same file twice adds nothing");
        assert!(again.renamed_sources.is_empty());
    }
}
