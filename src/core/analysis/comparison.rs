//! A comparison of two documents shaped for rendering: aligned rows, and on each side the
//! blocks of the row with the byte ranges that differ from the other side. Built from
//! `align` (which passages correspond) and `diff` (which words differ).

use std::ops::Range;

use super::{align, diff};
use crate::model::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// The same text on both sides.
    Shared,
    /// Corresponding passages whose wording differs.
    Changed,
    /// A passage only the left document has.
    OnlyLeft,
    /// A passage only the right document has.
    OnlyRight,
}

impl RowKind {
    /// A CSS class naming the kind.
    pub fn class(self) -> &'static str {
        match self {
            RowKind::Shared => "shared",
            RowKind::Changed => "changed",
            RowKind::OnlyLeft => "only-left",
            RowKind::OnlyRight => "only-right",
        }
    }
}

/// One side of a row: indices into the document's blocks, and for each of them the byte
/// ranges of its text that the other side does not have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Side {
    pub blocks: Vec<usize>,
    pub changes: Vec<Vec<Range<usize>>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub left: Side,
    pub right: Side,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub shared: usize,
    pub changed: usize,
    pub only_left: usize,
    pub only_right: usize,
}

impl Summary {
    fn add(&mut self, kind: RowKind) {
        match kind {
            RowKind::Shared => self.shared += 1,
            RowKind::Changed => self.changed += 1,
            RowKind::OnlyLeft => self.only_left += 1,
            RowKind::OnlyRight => self.only_right += 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub rows: Vec<Row>,
    pub summary: Summary,
}

/// Splits ranges of a row's joined text (blocks joined by "\n") back onto its blocks.
fn per_block(texts: &[&str], ranges: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    let mut out = Vec::with_capacity(texts.len());
    let mut offset = 0;
    for t in texts {
        let (lo, hi) = (offset, offset + t.len());
        out.push(
            ranges
                .iter()
                .filter_map(|r| {
                    let (a, b) = (r.start.max(lo), r.end.min(hi));
                    (a < b).then(|| a - lo..b - lo)
                })
                .collect(),
        );
        offset = hi + 1;
    }
    out
}

fn side(blocks: Vec<usize>, texts: &[&str], ranges: &[Range<usize>]) -> Side {
    Side { changes: per_block(texts, ranges), blocks }
}

/// Compares two documents' non-title blocks (the titles are shown as column headings).
pub fn compare(left: &Document, right: &Document) -> Comparison {
    let l: Vec<&str> = left.blocks.iter().skip(1).map(|b| b.text).collect();
    let r: Vec<&str> = right.blocks.iter().skip(1).map(|b| b.text).collect();
    compare_texts(&l, &r, 1)
}

/// Compares two sequences of passages; `first` is the block index of the first passage.
pub fn compare_texts(left: &[&str], right: &[&str], first: usize) -> Comparison {
    let mut summary = Summary::default();
    let rows = align::align(left, right)
        .into_iter()
        .map(|m| {
            let lt: Vec<&str> = m.left.iter().map(|&i| left[i]).collect();
            let rt: Vec<&str> = m.right.iter().map(|&i| right[i]).collect();
            let lb: Vec<usize> = m.left.iter().map(|&i| i + first).collect();
            let rb: Vec<usize> = m.right.iter().map(|&i| i + first).collect();
            let (kind, lr, rr) = match (lt.is_empty(), rt.is_empty()) {
                (false, true) => (RowKind::OnlyLeft, vec![], vec![]),
                (true, _) => (RowKind::OnlyRight, vec![], vec![]),
                (false, false) => {
                    let (a, b) = (lt.join("\n"), rt.join("\n"));
                    if a.trim() == b.trim() {
                        (RowKind::Shared, vec![], vec![])
                    } else {
                        let d = diff::changed_ranges(&a, &b);
                        (RowKind::Changed, d.old, d.new)
                    }
                }
            };
            summary.add(kind);
            Row { kind, left: side(lb, &lt, &lr), right: side(rb, &rt, &rr) }
        })
        .collect();
    Comparison { rows, summary }
}

/// Packs a comparison into numbers, so the build step can emit every pair's comparison as
/// static data and the app needs neither the aligner nor the diff at run time. Per row: the
/// kind, then each side as a block count followed, per block, by its index, its range count
/// and the ranges' bounds. The added sources' worker sends the page an added pair's
/// comparison packed the same way.
pub fn pack(c: &Comparison) -> Vec<u32> {
    let mut out = Vec::new();
    let mut push = |n: usize| out.push(u32::try_from(n).expect("comparison values fit in u32"));
    for row in &c.rows {
        push(row.kind as usize);
        for side in [&row.left, &row.right] {
            push(side.blocks.len());
            for (&block, ranges) in side.blocks.iter().zip(&side.changes) {
                push(block);
                push(ranges.len());
                for r in ranges {
                    push(r.start);
                    push(r.end);
                }
            }
        }
    }
    out
}

/// Reads back what [`pack`] wrote. Data that ends early yields the rows read so far: the
/// input is the build's own corpus text file or the worker's answer, so this never happens
/// outside a broken build.
pub fn unpack(data: &[u32]) -> Comparison {
    const KINDS: [RowKind; 4] = [RowKind::Shared, RowKind::Changed, RowKind::OnlyLeft, RowKind::OnlyRight];
    let mut it = data.iter().map(|&n| n as usize);
    let mut summary = Summary::default();
    let mut rows = Vec::new();
    let side = |it: &mut dyn Iterator<Item = usize>| -> Option<Side> {
        let mut s = Side::default();
        for _ in 0..it.next()? {
            s.blocks.push(it.next()?);
            let n = it.next()?;
            s.changes.push((0..n).map(|_| Some(it.next()?..it.next()?)).collect::<Option<_>>()?);
        }
        Some(s)
    };
    while let Some(kind) = it.next().and_then(|k| KINDS.get(k).copied()) {
        let (Some(left), Some(right)) = (side(&mut it), side(&mut it)) else { break };
        summary.add(kind);
        rows.push(Row { kind, left, right });
    }
    Comparison { rows, summary }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_split_onto_blocks() {
        let texts = ["abc", "de"];
        // "abc\nde": a change over "c\nd" touches both blocks.
        assert_eq!(per_block(&texts, &[2..5]), vec![vec![2..3], vec![0..1]]);
    }

    #[test]
    fn kinds_and_summary() {
        let left = ["Same words here.", "Old wording of a passage about the camp.", "Gone passage entirely different."];
        let right =
            ["Same words here.", "New wording of a passage about the camp.", "Brand new text about police raids."];
        let c = compare_texts(&left, &right, 0);
        let kinds: Vec<RowKind> = c.rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds[0], RowKind::Shared);
        assert_eq!(kinds[1], RowKind::Changed);
        assert_eq!(c.summary.shared + c.summary.changed + c.summary.only_left + c.summary.only_right, c.rows.len());
        let changed = &c.rows[1];
        assert_eq!(&left[1][changed.left.changes[0][0].clone()], "Old");
        assert_eq!(&right[1][changed.right.changes[0][0].clone()], "New");
        assert_eq!(unpack(&pack(&c)), c);
    }
}
