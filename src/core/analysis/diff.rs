//! Word-level differences between two aligned passages, with the `similar` crate's patience
//! diff over words. The result is byte ranges in each text, ready to be laid over the text
//! as `<del>` (left) and `<ins>` (right).

use std::ops::Range;

use similar::{Algorithm, ChangeTag, TextDiff};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Ranges of `old` that `new` does not have.
    pub old: Vec<Range<usize>>,
    /// Ranges of `new` that `old` does not have.
    pub new: Vec<Range<usize>>,
}

/// Adds a range, joining it to the previous one when only whitespace separates them, so a
/// run of changed words reads as one change rather than a word-by-word stutter.
fn push(ranges: &mut Vec<Range<usize>>, text: &str, r: Range<usize>) {
    if let Some(last) = ranges.last_mut() {
        if text[last.end..r.start].chars().all(char::is_whitespace) {
            last.end = r.end;
            return;
        }
    }
    ranges.push(r);
}

pub fn changed_ranges(old: &str, new: &str) -> Changes {
    let diff = TextDiff::configure().algorithm(Algorithm::Patience).diff_words(old, new);
    let (mut o, mut n) = (0, 0);
    let mut out = Changes::default();
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        let blank = change.value().trim().is_empty();
        match change.tag() {
            ChangeTag::Equal => {
                o += len;
                n += len;
            }
            ChangeTag::Delete => {
                if !blank {
                    push(&mut out.old, old, o..o + len);
                }
                o += len;
            }
            ChangeTag::Insert => {
                if !blank {
                    push(&mut out.new, new, n..n + len);
                }
                n += len;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn words_changed_on_each_side() {
        let old = "The camp was built on 34 hectares of farmland.";
        let new = "The camp was constructed on 34 hectares of old farmland.";
        let c = changed_ranges(old, new);
        assert_eq!(pieces(old, &c.old), vec!["built"]);
        assert_eq!(pieces(new, &c.new), vec!["constructed", "old"]);
    }

    #[test]
    fn runs_of_words_are_joined() {
        let old = "members were transferred to European countries, mostly to Albania.";
        let new =
            "members were transferred to various European countries, predominantly Albania, for humanitarian reasons.";
        let c = changed_ranges(old, new);
        assert_eq!(pieces(new, &c.new), vec!["various", "predominantly Albania, for humanitarian reasons."]);
        assert_eq!(pieces(old, &c.old), vec!["mostly to Albania."]);
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(changed_ranges("same text", "same text"), Changes::default());
        let c = changed_ranges("", "new words");
        assert_eq!(pieces("new words", &c.new), vec!["new words"]);
        let c = changed_ranges("Manëz, Durrës", "Manëz, Durres");
        assert_eq!(pieces("Manëz, Durrës", &c.old), vec!["Durrës"]);
    }
}
