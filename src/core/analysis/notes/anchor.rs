//! Where a note lands in today's text: its paragraph, or the paragraph its words moved to.

use std::ops::Range;

use super::{whole_paragraph, Anchor};
use crate::analysis::fold::fold_char;

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
