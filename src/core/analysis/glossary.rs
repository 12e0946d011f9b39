//! Glossary terms and where the corpus uses them. Matching is whole-word and takes the longest
//! name first ("People's Mojahedin Organization of Iran" before "Mojahedin"), on folded text so
//! case, diacritics and typographic apostrophes don't matter ("Durres" finds "Durrës", "MEK’s"
//! marks "MEK"), except for names listed as exact-case (so "UN" is not "un"). A slash or an
//! apostrophe ends a word, which is what makes "PMOI/MEK" two marks and "MEK's" one.

use std::collections::HashMap;

use super::fold::{fold, fold_with_offsets};
use crate::model::Mark;

/// A glossary entry as compiled in.
#[derive(Debug)]
pub struct Term {
    pub id: &'static str,
    pub label: &'static str,
    pub expansion: &'static str,
    /// The whole definition, its sentences joined (what search reads).
    pub definition: &'static str,
    /// The same definition sentence by sentence, each with what it rests on.
    pub sentences: &'static [Sentence],
    pub aliases: &'static [&'static str],
    /// The names that match only with this exact capitalisation (so "UN" is not "un"), for
    /// marking text the build has not seen (added sources).
    pub exact_case: &'static [&'static str],
}

/// One sentence the glossary states, and what it rests on.
#[derive(Debug)]
pub struct Sentence {
    pub text: &'static str,
    pub basis: Basis,
    /// A quantity whose figures the sources dispute: the sentence says they differ and
    /// links there, instead of settling it.
    pub disputed: Option<&'static str>,
}

#[derive(Debug)]
pub enum Basis {
    /// A passage of a bundled document, verbatim (checked at build time).
    Seed { doc: &'static str, quote: &'static str, block: &'static str },
    /// Knowledge from outside the corpus, with the reference it comes from ("Publisher,
    /// Title (Year)").
    Outside { reference: &'static str },
}

/// How often one document uses one name of a term, and where.
#[derive(Debug)]
pub struct Usage {
    pub term: u16,
    pub doc: u16,
    /// The name as the document writes it.
    pub alias: &'static str,
    pub count: u16,
    /// Block ids of the occurrences, in reading order, each once.
    pub blocks: &'static [&'static str],
}

/// The usage rows of one term. `all` is sorted by term, as the build emits it.
pub fn usage_of(all: &'static [Usage], term: u16) -> &'static [Usage] {
    let start = all.partition_point(|u| u.term < term);
    let end = all.partition_point(|u| u.term <= term);
    &all[start..end]
}

/// A name to look for, already folded.
#[derive(Debug)]
struct Pattern {
    folded: String,
    term: u16,
    /// Index of the name in its term's list (0 = label).
    name: u16,
    /// The exact spelling required, for exact-case names.
    exact: Option<String>,
}

/// One match: the mark and which of the term's names matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub mark: Mark,
    pub name: u16,
}

#[derive(Debug, Default)]
pub struct Matcher {
    patterns: Vec<Pattern>,
    /// Patterns by their first folded word, longest pattern first.
    by_first_word: HashMap<String, Vec<usize>>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn first_word(folded: &str) -> &str {
    let end = folded.find(|c: char| !is_word_char(c)).unwrap_or(folded.len());
    &folded[..end]
}

impl Matcher {
    /// `terms[i]` lists term `i`'s names (label first) and which of them are exact-case.
    pub fn new(terms: &[(Vec<String>, Vec<String>)]) -> Matcher {
        let mut m = Matcher::default();
        for (t, (names, exact)) in terms.iter().enumerate() {
            for (n, name) in names.iter().enumerate() {
                let folded = fold(name.trim());
                if first_word(&folded).is_empty() {
                    continue;
                }
                let exact = exact.contains(name).then(|| name.trim().to_string());
                m.patterns.push(Pattern { folded, term: t as u16, name: n as u16, exact });
            }
        }
        for (i, p) in m.patterns.iter().enumerate() {
            m.by_first_word.entry(first_word(&p.folded).to_string()).or_default().push(i);
        }
        for list in m.by_first_word.values_mut() {
            let patterns = &m.patterns;
            list.sort_by_key(|&i| (std::cmp::Reverse(patterns[i].folded.len()), i));
        }
        m
    }

    /// Every occurrence in `text`, left to right, never overlapping.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let (folded, offsets) = fold_with_offsets(text);
        let bytes = folded.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        let mut prev_word = false;
        while at < folded.len() {
            let c = folded[at..].chars().next().unwrap_or(' ');
            let starts_word = is_word_char(c) && !prev_word;
            if starts_word {
                if let Some(found) = self.match_at(text, &folded, &offsets, at) {
                    let end = at + self.patterns[found.1].folded.len();
                    out.push(found.0);
                    prev_word = end > 0 && bytes.get(end - 1).is_some_and(|b| b.is_ascii_alphanumeric());
                    at = end;
                    continue;
                }
            }
            prev_word = is_word_char(c);
            at += c.len_utf8();
        }
        out
    }

    fn match_at(&self, text: &str, folded: &str, offsets: &[u32], at: usize) -> Option<(Found, usize)> {
        let candidates = self.by_first_word.get(first_word(&folded[at..]))?;
        candidates.iter().find_map(|&i| {
            let p = &self.patterns[i];
            let end = at + p.folded.len();
            let whole = folded[at..].starts_with(&p.folded)
                && folded[end..].chars().next().is_none_or(|c| !is_word_char(c) || !p.folded.ends_with(is_word_char));
            if !whole {
                return None;
            }
            let (start, stop) = (offsets[at] as usize, offsets[end] as usize);
            if p.exact.as_deref().is_some_and(|e| &text[start..stop] != e) {
                return None;
            }
            Some((Found { mark: Mark { start: start as u32, end: stop as u32, term: p.term }, name: p.name }, i))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> Matcher {
        let t = |names: &[&str], exact: &[&str]| {
            (names.iter().map(|s| s.to_string()).collect(), exact.iter().map(|s| s.to_string()).collect())
        };
        Matcher::new(&[
            t(&["MEK", "PMOI", "People's Mojahedin Organization of Iran", "Mojahedin", "M.E.K."], &[]),
            t(&["Ashraf 3", "Camp Ashraf 3"], &[]),
            t(&["Camp Ashraf", "Ashraf 1"], &[]),
            t(&["Durrës", "Durrës County"], &[]),
            t(&["United Nations", "UN"], &["UN"]),
            t(&["lek", "LEK"], &["LEK"]),
        ])
    }

    fn marked<'a>(m: &Matcher, text: &'a str) -> Vec<(&'a str, u16)> {
        m.find(text).iter().map(|f| (&text[f.mark.start as usize..f.mark.end as usize], f.mark.term)).collect()
    }

    #[test]
    fn longest_name_first() {
        let m = matcher();
        assert_eq!(
            marked(&m, "the People’s Mojahedin Organization of Iran and the Mojahedin"),
            vec![("People’s Mojahedin Organization of Iran", 0), ("Mojahedin", 0)]
        );
        assert_eq!(marked(&m, "Camp Ashraf 3 and Camp Ashraf-Iraq"), vec![("Camp Ashraf 3", 1), ("Camp Ashraf", 2)]);
    }

    #[test]
    fn possessives_slashes_and_punctuation() {
        let m = matcher();
        assert_eq!(
            marked(&m, "(PMOI/MEK) and the MEK’s network, MEK's too"),
            vec![("PMOI", 0), ("MEK", 0), ("MEK", 0), ("MEK", 0)]
        );
        assert_eq!(marked(&m, "a museum about the M.E.K.’s history"), vec![("M.E.K.", 0)]);
    }

    #[test]
    fn whole_words_only() {
        let m = matcher();
        assert!(
            marked(&m, "MEKS and UNESCO and Alek and Ashraf 35 and PMOIs").is_empty(),
            "{:?}",
            marked(&m, "MEKS and UNESCO and Alek and Ashraf 35 and PMOIs")
        );
    }

    #[test]
    fn diacritics_and_case() {
        let m = matcher();
        assert_eq!(marked(&m, "Durres county and DURRËS"), vec![("Durres county", 3), ("DURRËS", 3)]);
        assert_eq!(marked(&m, "the mek"), vec![("mek", 0)]);
    }

    #[test]
    fn exact_case_names() {
        let m = matcher();
        assert_eq!(marked(&m, "the UN said; un jour; 30,000 LEK; a Lek"), vec![("UN", 4), ("LEK", 5), ("Lek", 5)]);
    }

    #[test]
    fn persian_and_empty_text() {
        let m = matcher();
        assert!(marked(&m, "").is_empty());
        assert_eq!(marked(&m, "Camp Ashraf 3 (اشرف۳) serves"), vec![("Camp Ashraf 3", 1)]);
    }
}
