//! The corpus, glossary, figures, claims and questions compiled in by `build.rs` from
//! `src/data/`, and the documents' text read from the corpus text file the build writes beside
//! the app (blocks with their glossary marks, seeds, comparisons): the page already shows that
//! text, so the wasm does not carry it as well. The browser fetches the file before the app
//! starts (`app::start`) and hands it to [`install`]; the host (page renderer, tests) reads
//! the copy compiled into host builds.

use crate::analysis::claims::{
    self, Change, ChangeKind, Claim, ClaimMark, Origin, Passage, Retelling, Source, Stance, Topic,
};
use crate::analysis::comparison::{self, Comparison};
use crate::analysis::figures::{self, Bound, Date, Figure, FigureKind, FigureMark, Kind, Quantity, Value};
use crate::analysis::glossary::{Basis, Sentence, Term, Usage};
#[cfg(not(target_arch = "wasm32"))]
use crate::analysis::search::{Index, IndexBuf};
use crate::corpus_text;
use crate::model::{ContentNote, Document, LinkTarget, Question, QuestionLink, Relation};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
include!(concat!(env!("OUT_DIR"), "/glossary.rs"));
include!(concat!(env!("OUT_DIR"), "/figures.rs"));
include!(concat!(env!("OUT_DIR"), "/search.rs"));
include!(concat!(env!("OUT_DIR"), "/text.rs"));
include!(concat!(env!("OUT_DIR"), "/claims.rs"));
include!(concat!(env!("OUT_DIR"), "/questions.rs"));

/// The claims' passages and the figures' places, computed by the build from `CLAIMS` and
/// `FIGURES`: the reader needs only these, so its module does not carry the claims' and
/// figures' whole data (their quotes, stances, origins and values).
pub static CLAIM_MARKS: [ClaimMark; claims::mark_count(CLAIMS)] = claims::marks(CLAIMS);
pub static FIGURE_MARKS: [FigureMark; FIGURES.len()] = figures::marks(FIGURES, QUANTITIES);

/// The documents with their text, and every pair's packed comparison (row-major: left `i`,
/// right `j` at `i * n + j`).
struct Text {
    docs: &'static [Document],
    comparisons: Vec<&'static [u32]>,
}

static TEXT: OnceLock<Text> = OnceLock::new();

/// Reads the corpus text file into the documents, once for the life of the program (the text
/// is borrowed for it). A file of another build or not of this format is refused with a reason.
pub fn install(text: &'static str) -> Result<(), String> {
    let read = corpus_text::read(text)?;
    let n = DOCUMENT_HEADS.len();
    if read.docs.len() != n || DOCUMENT_HEADS.iter().zip(&read.docs).any(|(head, t)| head.id != t.id) {
        return Err("it names other documents than this version of the app".into());
    }
    // A mark names its term by position: one past the glossary would fail at the first tooltip.
    if read.docs.iter().flat_map(|d| &d.blocks).flat_map(|b| b.marks).any(|m| usize::from(m.term) >= GLOSSARY.len()) {
        return Err("it marks terms this version of the app's glossary does not have".into());
    }
    let docs = DOCUMENT_HEADS
        .iter()
        .zip(read.docs)
        .map(|(head, t)| Document { original: t.original, blocks: Vec::leak(t.blocks), ..*head })
        .collect();
    let mut comparisons = vec![&[][..]; n * n];
    for ((l, r), packed) in read.comparisons.into_iter().filter(|((l, r), _)| *l < n && *r < n) {
        comparisons[l * n + r] = Vec::leak(packed);
    }
    let _ = TEXT.set(Text { docs: Vec::leak(docs), comparisons });
    Ok(())
}

fn text() -> Option<&'static Text> {
    #[cfg(not(target_arch = "wasm32"))]
    if TEXT.get().is_none() {
        let text = std::str::from_utf8(CORPUS_TEXT_BYTES).expect("the build wrote the corpus text as UTF-8");
        install(text).expect("the build wrote a valid corpus text file");
    }
    TEXT.get()
}

/// Every document, in corpus order, with its text once the corpus text is installed (in the
/// browser the app starts only then; before, the documents have no blocks).
pub fn documents() -> &'static [Document] {
    text().map_or(DOCUMENT_HEADS, |t| t.docs)
}

/// The document with this id, if there is one.
pub fn document(id: &str) -> Option<&'static Document> {
    documents().iter().find(|d| d.id == id)
}

/// A document's short title for labels, or the id itself when no document has it.
pub fn short_title(id: &str) -> &str {
    document(id).map_or(id, |d| d.short_title)
}

/// Position of a document in corpus order (for previous/next).
pub fn position(id: &str) -> Option<usize> {
    documents().iter().position(|d| d.id == id)
}

/// The comparison of two documents (by position), computed at build time.
pub fn comparison(left: usize, right: usize) -> Comparison {
    let n = DOCUMENT_HEADS.len();
    let packed = text().filter(|_| left < n && right < n).map_or(&[][..], |t| t.comparisons[left * n + right]);
    comparison::unpack(packed)
}

/// The quantity with this id, if there is one.
pub fn quantity(id: &str) -> Option<(u16, &'static Quantity)> {
    QUANTITIES.iter().enumerate().find(|(_, q)| q.id == id).map(|(i, q)| (i as u16, q))
}

/// The figures stating quantity `q`, in data-file order.
pub fn figures_of(q: u16) -> Vec<&'static Figure> {
    FIGURES.iter().filter(|f| f.quantity == q).collect()
}

/// The text of block `b` of document `d` (what the search index was built from).
pub fn block_text(d: usize, b: usize) -> &'static str {
    documents().get(d).and_then(|doc| doc.blocks.get(b)).map_or("", |b| b.text)
}

/// The claim with this id, if there is one.
pub fn claim(id: &str) -> Option<&'static Claim> {
    CLAIMS.iter().find(|c| c.id == id)
}

/// The search index on the host (tests, benchmarks), read once from the bytes the build
/// wrote; the browser fetches the same file instead (`app::search_index`).
#[cfg(not(target_arch = "wasm32"))]
pub fn search_index() -> Index<'static> {
    static INDEX: std::sync::OnceLock<IndexBuf> = std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| IndexBuf::from_bytes(SEARCH_INDEX_BYTES).expect("the build wrote a valid search index"))
        .as_index()
}
