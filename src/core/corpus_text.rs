//! The corpus's text as a file of its own: every document's cleaned blocks with their glossary
//! marks, each seed as received, and every pair's packed comparison. The build writes it
//! ([`Writer`]) and the app reads it once at start-up ([`read`]), so the wasm carries the code
//! and the page carries the text, not both. One module holds both sides, so they agree.
//!
//! The format is plain text that gzip shrinks well and a person can inspect: a header line,
//! then records ended by RS (U+001E), each a type letter and fields split by US (U+001F). The
//! build refuses text that holds either separator.

use crate::model::{Block, BlockKind, Mark};

const HEADER: &str = "companion-corpus-text 1\n";
const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';
const KINDS: [(BlockKind, &str); 6] = [
    (BlockKind::Title, "T"),
    (BlockKind::Heading, "H"),
    (BlockKind::Subheading, "S"),
    (BlockKind::Paragraph, "P"),
    (BlockKind::Caption, "C"),
    (BlockKind::Byline, "B"),
];

/// Builds the file, record by record, in corpus order.
pub struct Writer(String);

impl Default for Writer {
    fn default() -> Self {
        Writer(HEADER.to_string())
    }
}

impl Writer {
    fn record(&mut self, fields: &[&str]) -> Result<(), String> {
        if let Some(f) = fields.iter().find(|f| f.contains([RECORD, FIELD])) {
            let start: String = f.chars().take(40).collect();
            return Err(format!("a text holds a control character U+001E or U+001F: {start:?}…"));
        }
        self.0 += &fields.join(&FIELD.to_string());
        self.0.push(RECORD);
        Ok(())
    }

    /// Starts a document: the blocks that follow are its own.
    pub fn document(&mut self, id: &str, original: &str) -> Result<(), String> {
        self.record(&["D", id, original])
    }

    pub fn block(&mut self, id: &str, kind: BlockKind, text: &str, marks: &[Mark]) -> Result<(), String> {
        let marks: Vec<String> = marks.iter().map(|m| format!("{},{},{}", m.start, m.end, m.term)).collect();
        let kind = KINDS.iter().find(|(k, _)| *k == kind).map_or("P", |(_, letter)| letter);
        self.record(&["B", id, kind, &marks.join(" "), text])
    }

    /// The comparison of the documents at positions `left` and `right`, packed.
    pub fn comparison(&mut self, left: usize, right: usize, packed: &[u32]) -> Result<(), String> {
        let numbers: Vec<String> = packed.iter().map(u32::to_string).collect();
        self.record(&["A", &left.to_string(), &right.to_string(), &numbers.join(" ")])
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// One document's text, as read back.
#[derive(Debug)]
pub struct DocText {
    pub id: &'static str,
    pub original: &'static str,
    pub blocks: Vec<Block>,
}

/// The whole file, as read back: documents in corpus order, and comparisons by position.
#[derive(Debug, Default)]
pub struct CorpusText {
    pub docs: Vec<DocText>,
    pub comparisons: Vec<((usize, usize), Vec<u32>)>,
}

/// Reads the file. The text is borrowed for the life of the program (the app reads it once), so
/// the blocks point into it; their marks are leaked for the same reason. Anything that is not
/// this format, such as a host's HTML page in its place, is refused with a reason.
pub fn read(text: &'static str) -> Result<CorpusText, String> {
    let body = text.strip_prefix(HEADER).ok_or("it is not the companion’s corpus text (wrong first line)")?;
    let mut out = CorpusText::default();
    for (n, record) in body.split_terminator(RECORD).enumerate() {
        let fields: Vec<&'static str> = record.split(FIELD).collect();
        let bad = |why: &str| format!("record {} is malformed: {why}", n + 1);
        match fields.as_slice() {
            ["D", id, original] => out.docs.push(DocText { id, original, blocks: Vec::new() }),
            ["B", id, kind, marks, text] => {
                let doc = out.docs.last_mut().ok_or_else(|| bad("a block before any document"))?;
                let kind = KINDS.iter().find(|(_, l)| l == kind).ok_or_else(|| bad("unknown block kind"))?.0;
                let marks = read_marks(marks, text).ok_or_else(|| bad("a mark outside its text"))?;
                doc.blocks.push(Block { id, kind, text, marks: Vec::leak(marks) });
            }
            ["A", left, right, packed] => {
                let pos = |s: &str| s.parse::<usize>().map_err(|_| bad("a position is not a number"));
                let packed = numbers(packed).ok_or_else(|| bad("a comparison value is not a number"))?;
                out.comparisons.push(((pos(left)?, pos(right)?), packed));
            }
            _ => return Err(bad("unknown record")),
        }
    }
    Ok(out)
}

fn numbers<T: std::str::FromStr>(s: &str) -> Option<Vec<T>> {
    s.split_ascii_whitespace().map(|n| n.parse().ok()).collect()
}

/// Marks as `start,end,term`, each checked to fall on the text's character boundaries, so
/// slicing the text at a mark can never panic.
fn read_marks(s: &str, text: &str) -> Option<Vec<Mark>> {
    s.split_ascii_whitespace()
        .map(|m| {
            let [start, end, term] = numbers::<u32>(&m.replace(',', " "))?.try_into().ok()?;
            let ok = start <= end && text.get(start as usize..end as usize).is_some();
            ok.then_some(Mark { start, end, term: u16::try_from(term).ok()? })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written() -> String {
        let mut w = Writer::default();
        w.document("a", "Raw\ttext\nwith lines").unwrap();
        w.block("title", BlockKind::Title, "The MEK camp", &[Mark { start: 4, end: 7, term: 2 }]).unwrap();
        w.block("p1", BlockKind::Paragraph, "Plain “quoted” text.", &[Mark { start: 0, end: 5, term: 1 }]).unwrap();
        w.document("b", "").unwrap();
        w.comparison(0, 1, &[1, 0, 65535]).unwrap();
        w.finish()
    }

    #[test]
    fn round_trip() {
        let read = read(Box::leak(written().into_boxed_str())).unwrap();
        assert_eq!(read.docs.len(), 2);
        assert_eq!(read.docs[0].original, "Raw\ttext\nwith lines");
        let title = &read.docs[0].blocks[0];
        assert_eq!((title.id, title.kind, title.text), ("title", BlockKind::Title, "The MEK camp"));
        assert_eq!(title.marks, &[Mark { start: 4, end: 7, term: 2 }]);
        assert_eq!(read.docs[0].blocks[1].text, "Plain “quoted” text.");
        assert!(read.docs[1].blocks.is_empty());
        assert_eq!(read.comparisons, vec![((0, 1), vec![1, 0, 65535])]);
    }

    #[test]
    fn separators_in_text_are_refused_at_build_time() {
        let mut w = Writer::default();
        assert!(w.document("a", "bad \u{1e} text").unwrap_err().contains("U+001E"));
    }

    #[test]
    fn other_files_and_damage_are_refused() {
        assert!(read("<!doctype html><title>Not found</title>").unwrap_err().contains("wrong first line"));
        let text = written();
        // A mark cut through "“" (a three-byte character) or past the end of its text.
        for bad in [text.replace("0,5,1", "7,9,1"), text.replace("0,5,1", "0,50,1")] {
            assert!(read(Box::leak(bad.into_boxed_str())).unwrap_err().contains("a mark outside its text"));
        }
        let orphan = format!("{HEADER}B\u{1f}p1\u{1f}P\u{1f}\u{1f}text\u{1e}");
        assert!(read(Box::leak(orphan.into_boxed_str())).unwrap_err().contains("before any document"));
        let junk = text.replace("65535", "65535x");
        assert!(read(Box::leak(junk.into_boxed_str())).unwrap_err().contains("not a number"));
    }
}
