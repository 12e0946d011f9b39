//! Searching within the student's notes.

use super::{Note, Workspace};
use crate::analysis::fold::fold;

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
    use super::super::fixtures::*;
    use super::*;

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
