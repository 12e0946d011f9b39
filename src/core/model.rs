//! Shapes of the corpus. `build.rs` emits `static` values of these types, so every field is
//! borrowed for `'static`; a document's blocks borrow from the corpus text file, read once
//! (`corpus_text`).

/// What a block of cleaned text is, so the reader can give it the right element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The document's own title (one per document, rendered as its `h1`).
    Title,
    /// A section heading (`h2`).
    Heading,
    /// A sub-section heading (`h3`).
    Subheading,
    /// Body text.
    Paragraph,
    /// An image caption kept from the page; the image itself was not received.
    Caption,
    /// An attribution line such as "Reporting by PMOI/MEK".
    Byline,
}

impl BlockKind {
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Title | BlockKind::Heading | BlockKind::Subheading)
    }
}

/// A glossary term found in a block: byte offsets into `Block::text` and the term's index
/// in `GLOSSARY`. Computed once, at build time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub term: u16,
}

#[derive(Debug)]
pub struct Block {
    /// Stable fragment id: `p3` for the third paragraph-like block, `h-history` for headings.
    pub id: &'static str,
    pub kind: BlockKind,
    pub text: &'static str,
    pub marks: &'static [Mark],
}

/// How one document relates to another (summary of, revision of).
#[derive(Debug)]
pub struct Relation {
    pub kind: &'static str,
    pub target: &'static str,
    pub note: &'static str,
}

/// A short note shown before passages that report graphic allegations, with a way past them.
#[derive(Debug)]
pub struct ContentNote {
    /// The first block the note covers.
    pub first: &'static str,
    /// The block after the last one it covers (`None`: it runs to the end).
    pub skip_to: Option<&'static str>,
    pub note: &'static str,
}

#[derive(Debug)]
pub struct Document {
    pub id: &'static str,
    pub seed: &'static str,
    pub title: &'static str,
    pub short_title: &'static str,
    pub outlet: &'static str,
    pub date: &'static str,
    /// ISO date used for ordering and time axes, when the text states one.
    pub date_iso: Option<&'static str>,
    pub language: &'static str,
    pub relation: &'static str,
    pub licence: &'static str,
    pub related: &'static [Relation],
    pub content_notes: &'static [ContentNote],
    /// The seed exactly as received, for "view original".
    pub original: &'static str,
    pub blocks: &'static [Block],
    pub word_count: usize,
}

impl Document {
    /// Minutes at 200 words a minute, a common figure for students reading for study.
    pub fn reading_minutes(&self) -> usize {
        self.word_count.div_ceil(200).max(1)
    }

    pub fn block(&self, id: &str) -> Option<&'static Block> {
        self.blocks.iter().find(|b| b.id == id)
    }
}

/// A guided question from `questions.toml`, as the instructor wrote it.
#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    /// The heading it is grouped under.
    pub section: &'static str,
    pub prompt: &'static str,
    /// A quantity id: its figures page asks for the student's estimate before the values.
    pub predict: Option<&'static str>,
    pub links: &'static [QuestionLink],
}

/// Where a question points the student.
#[derive(Debug)]
pub struct QuestionLink {
    pub label: &'static str,
    pub target: LinkTarget,
}

#[derive(Debug)]
pub enum LinkTarget {
    /// A passage of a document (located at build time).
    Passage {
        doc: &'static str,
        block: &'static str,
    },
    Document(&'static str),
    Claim(&'static str),
    Quantity(&'static str),
    Compare(&'static str, &'static str),
    Lineage,
}
