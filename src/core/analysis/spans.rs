//! Splits a block's text into the pieces the UI renders, so components never slice text.
//!
//! Two levels: top-level pieces are plain text, a glossary term or a figure's number (these
//! never overlap: a figure's number wins over a term it overlaps, because it is the more
//! specific link); inside each piece, runs carry the flags that only style text (a search
//! hit, a highlighted quote, right-to-left script).

use std::ops::Range;

use crate::model::Mark;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Plain,
    /// Index into `GLOSSARY`.
    Term(u16),
    /// Index into `FIGURES` (and `FIGURE_MARKS`, in the same order).
    Figure(u16),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: &'a str,
    pub hit: bool,
    pub quote: bool,
    /// Text that differs from the aligned passage in a comparison.
    pub changed: bool,
    /// Text the student highlighted with a note.
    pub noted: bool,
    /// Arabic-script text (the corpus has Persian: اشرف۳, ۱۲۰), isolated so it keeps its
    /// own direction inside English sentences.
    pub rtl: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    pub kind: PieceKind,
    pub runs: Vec<Run<'a>>,
}

/// What to lay over a block's text. Ranges are byte offsets into the text.
#[derive(Clone, Debug, Default)]
pub struct Layers<'m> {
    pub terms: &'m [Mark],
    pub figures: Vec<(Range<usize>, u16)>,
    pub hits: Vec<Range<usize>>,
    pub quotes: Vec<Range<usize>>,
    pub changes: Vec<Range<usize>>,
    pub notes: Vec<Range<usize>>,
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Byte ranges of right-to-left runs (spaces between two RTL characters stay inside).
pub fn rtl_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, c) in text.char_indices() {
        if is_rtl(c) {
            let end = i + c.len_utf8();
            match out.last_mut() {
                Some(r) if text[r.end..i].chars().all(|c| c == ' ') => r.end = end,
                _ => out.push(i..end),
            }
        }
    }
    out
}

fn covered(ranges: &[Range<usize>], at: usize) -> bool {
    ranges.iter().any(|r| r.start <= at && at < r.end)
}

fn runs_of<'a>(text: &'a str, span: Range<usize>, layers: &Layers, rtl: &[Range<usize>]) -> Vec<Run<'a>> {
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for r in layers.hits.iter().chain(&layers.quotes).chain(&layers.changes).chain(&layers.notes).chain(rtl) {
        cuts.extend([r.start, r.end].into_iter().filter(|c| span.contains(c)));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Run {
            text: &text[w[0]..w[1]],
            hit: covered(&layers.hits, w[0]),
            quote: covered(&layers.quotes, w[0]),
            changed: covered(&layers.changes, w[0]),
            noted: covered(&layers.notes, w[0]),
            rtl: covered(rtl, w[0]),
        })
        .collect()
}

/// The pieces of `text` under `layers`, in order, covering the text exactly once.
pub fn pieces<'a>(text: &'a str, layers: &Layers) -> Vec<Piece<'a>> {
    let len = text.len();
    let valid = |r: &Range<usize>| {
        r.start < r.end && r.end <= len && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    let mut tops: Vec<(Range<usize>, PieceKind)> =
        layers.figures.iter().filter(|(r, _)| valid(r)).map(|(r, f)| (r.clone(), PieceKind::Figure(*f))).collect();
    for m in layers.terms {
        let r = m.start as usize..m.end as usize;
        if valid(&r) && !tops.iter().any(|(t, _)| t.start < r.end && r.start < t.end) {
            tops.push((r, PieceKind::Term(m.term)));
        }
    }
    // Unstable sort (one sort routine less in the app) made stable by the position in `tops`.
    let mut order: Vec<usize> = (0..tops.len()).collect();
    order.sort_unstable_by_key(|&i| (tops[i].0.start, i));
    let tops = order.into_iter().map(|i| tops[i].clone());
    let rtl = rtl_ranges(text);
    let mut out = Vec::with_capacity(tops.len() * 2 + 1);
    let mut at = 0;
    for (r, kind) in tops {
        if r.start < at {
            continue; // overlapping figures: the first one wins
        }
        if at < r.start {
            out.push(Piece { kind: PieceKind::Plain, runs: runs_of(text, at..r.start, layers, &rtl) });
        }
        out.push(Piece { kind, runs: runs_of(text, r.clone(), layers, &rtl) });
        at = r.end;
    }
    if at < len || out.is_empty() {
        out.push(Piece { kind: PieceKind::Plain, runs: runs_of(text, at..len, layers, &rtl) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(p: &[Piece]) -> String {
        p.iter().flat_map(|p| p.runs.iter().map(|r| r.text)).collect()
    }

    #[test]
    fn covers_text_once_with_terms_and_hits() {
        let text = "The MEK’s camp in Manëz";
        let terms = [Mark { start: 4, end: 7, term: 0 }, Mark { start: 20, end: 26, term: 1 }];
        let layers = Layers { terms: &terms, hits: vec![5..14], ..Default::default() };
        let p = pieces(text, &layers);
        assert_eq!(flat(&p), text);
        assert_eq!(p[1].kind, PieceKind::Term(0));
        assert_eq!(p[1].runs.iter().map(|r| (r.text, r.hit)).collect::<Vec<_>>(), vec![("M", false), ("EK", true)]);
        assert_eq!(p.last().unwrap().kind, PieceKind::Term(1));
    }

    #[test]
    fn figures_win_over_overlapping_terms() {
        let text = "Ashraf 3 has 3,000 members";
        let terms = [Mark { start: 0, end: 8, term: 0 }, Mark { start: 13, end: 18, term: 9 }];
        let layers = Layers { terms: &terms, figures: vec![(13..18, 4)], ..Default::default() };
        let kinds: Vec<_> = pieces(text, &layers).iter().map(|p| p.kind).collect();
        assert_eq!(kinds, vec![PieceKind::Term(0), PieceKind::Plain, PieceKind::Figure(4), PieceKind::Plain]);
    }

    #[test]
    fn changes_split_runs() {
        let text = "one two three";
        let layers = Layers { changes: vec![4..7], ..Default::default() };
        let p = pieces(text, &layers);
        let runs: Vec<_> = p[0].runs.iter().map(|r| (r.text, r.changed)).collect();
        assert_eq!(runs, vec![("one ", false), ("two", true), (" three", false)]);
    }

    #[test]
    fn noted_text_splits_runs() {
        let text = "one two three";
        let layers = Layers { notes: vec![4..13], hits: vec![0..3], ..Default::default() };
        let runs: Vec<_> = pieces(text, &layers)[0].runs.iter().map(|r| (r.text, r.hit, r.noted)).collect();
        assert_eq!(runs, vec![("one", true, false), (" ", false, false), ("two three", false, true)]);
    }

    #[test]
    fn persian_runs_are_isolated() {
        let text = "Camp Ashraf 3 (اشرف۳) serves";
        let p = pieces(text, &Layers::default());
        let rtl: Vec<_> = p[0].runs.iter().filter(|r| r.rtl).map(|r| r.text).collect();
        assert_eq!(rtl, vec!["اشرف۳"]);
        assert_eq!(flat(&p), text);
    }

    #[test]
    fn bad_ranges_are_ignored_not_panics() {
        let text = "Manëz";
        let terms = [Mark { start: 3, end: 4, term: 0 }, Mark { start: 2, end: 99, term: 1 }];
        let layers = Layers { terms: &terms, hits: vec![4..5], ..Default::default() };
        assert_eq!(flat(&pieces(text, &layers)), text);
        assert_eq!(flat(&pieces("", &layers)), "");
    }
}
