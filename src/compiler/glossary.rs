//! `glossary.toml` -> `GLOSSARY`, `GLOSSARY_USAGE` and the marks in every block. Matching
//! happens here, once per build, so the app never scans text for terms.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::corpus::{self, CleanDoc};
use super::{lit, opt_lit, read, Result};
use companion_core::analysis::glossary::{Found, Matcher};
use companion_core::model::Mark;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermSpec {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub expansion: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub exact_case: Vec<String>,
    #[serde(default)]
    pub sentence: Vec<SentenceSpec>,
}

/// One sentence of a definition: it rests on a passage of a document (`doc` + `quote`) or on
/// a named outside reference (`ref`), never on nothing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceSpec {
    pub text: String,
    pub doc: Option<String>,
    pub quote: Option<String>,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub disputed: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceSpec {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub year: u16,
}

impl TermSpec {
    /// The label first, then the aliases: the order `Found::name` indexes.
    pub fn names(&self) -> Vec<String> {
        std::iter::once(self.label.clone()).chain(self.aliases.iter().cloned()).collect()
    }

    pub fn definition(&self) -> String {
        self.sentence.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")
    }
}

#[derive(Deserialize)]
struct GlossaryFile {
    #[serde(default)]
    reference: Vec<ReferenceSpec>,
    term: Vec<TermSpec>,
}

/// What a checked sentence rests on, ready to emit.
pub enum Basis {
    Seed { doc: String, quote: String, block: String },
    Outside { reference: String },
}

pub struct Glossary {
    pub terms: Vec<TermSpec>,
    /// `bases[t][s]`: what sentence `s` of term `t` rests on.
    pub bases: Vec<Vec<Basis>>,
    pub matcher: Matcher,
}

/// How many sentences `text` holds: a full stop, question or exclamation mark (closing
/// quotes after it allowed) followed by a space and a capital ends one, except after an
/// initial ("U.S. General") or a title ("Mrs. Rajavi").
pub fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut count = 1;
    for i in 0..chars.len() {
        if !matches!(chars[i], '.' | '?' | '!') {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j], '”' | '’' | '"' | ')') {
            j += 1;
        }
        let next_capital = j + 1 < chars.len() && chars[j] == ' ' && chars[j + 1].is_uppercase();
        let word: String = chars[..i].iter().rev().take_while(|c| c.is_alphabetic() || **c == '.').collect();
        let initial = word.len() == 1 || word.contains('.');
        let title =
            matches!(word.chars().rev().collect::<String>().as_str(), "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Gen");
        if next_capital && !initial && !title {
            count += 1;
        }
    }
    count
}

/// Checks one sentence and says what it rests on.
fn basis(
    term: &str,
    n: usize,
    s: &SentenceSpec,
    docs: &[CleanDoc],
    refs: &[ReferenceSpec],
    quantities: &[&str],
) -> Result<Basis> {
    let err = |msg: String| format!("glossary.toml: term {term:?}, sentence {n}: {msg}");
    if s.text.trim().is_empty() {
        return Err(err("no text".into()));
    }
    if sentence_count(&s.text) != 1 {
        return Err(err(format!("{:?} holds more than one sentence: give each its own source", s.text)));
    }
    if let Some(q) = &s.disputed {
        if !quantities.contains(&q.as_str()) {
            return Err(err(format!("disputed quantity {q:?} is not in figures.toml")));
        }
        if !s.text.contains("differ") {
            return Err(err("a sentence on a disputed figure says that the sources differ".into()));
        }
    }
    match (&s.doc, &s.quote, &s.reference) {
        (Some(doc_id), Some(quote), None) => {
            let doc = corpus::find(docs, doc_id).ok_or_else(|| err(format!("unknown document {doc_id:?}")))?;
            let (block, _) = doc.locate(quote).ok_or_else(|| err(format!("quote {quote:?} is not in {doc_id}")))?;
            Ok(Basis::Seed { doc: doc_id.clone(), quote: quote.clone(), block: block.to_string() })
        }
        (None, None, Some(id)) => {
            let r = refs.iter().find(|r| r.id == *id).ok_or_else(|| err(format!("unknown reference {id:?}")))?;
            Ok(Basis::Outside { reference: format!("{}, {} ({})", r.publisher, r.title, r.year) })
        }
        _ => Err(err(
            "give either `doc` and `quote` (a passage it rests on) or `ref` (an outside reference), not both, not neither"
                .into(),
        )),
    }
}

/// Parses and checks the glossary against the cleaned corpus: unique ids and names, a
/// definition for every term, every sentence resting on a verbatim passage or a named outside
/// reference, and disputes pointing at the figures that show them.
pub fn parse(text: &str, docs: &[CleanDoc], quantities: &[&str]) -> Result<Glossary> {
    let file: GlossaryFile = toml::from_str(text).map_err(|e| format!("glossary.toml: {e}"))?;
    for r in &file.reference {
        if r.publisher.trim().is_empty() || r.title.trim().is_empty() || !(1800..=2100).contains(&r.year) {
            return Err(format!("glossary.toml: reference {:?} needs a publisher, a title and a year", r.id));
        }
        if !file.term.iter().flat_map(|t| &t.sentence).any(|s| s.reference.as_ref() == Some(&r.id)) {
            return Err(format!("glossary.toml: reference {:?} is not used by any sentence", r.id));
        }
    }
    let mut ids = std::collections::HashSet::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut bases = Vec::with_capacity(file.term.len());
    for t in &file.term {
        if !ids.insert(t.id.as_str()) {
            return Err(format!("glossary.toml: term id {:?} is used twice", t.id));
        }
        if t.sentence.is_empty() {
            return Err(format!("glossary.toml: term {:?} has no definition", t.id));
        }
        for name in t.names() {
            if let Some(other) = names.insert(companion_core::analysis::fold::fold(&name), t.id.clone()) {
                if other != t.id {
                    return Err(format!("glossary.toml: the name {name:?} belongs to both {other:?} and {:?}", t.id));
                }
            }
        }
        for e in &t.exact_case {
            if !t.names().contains(e) {
                return Err(format!("glossary.toml: {:?}: exact_case {e:?} is not one of its names", t.id));
            }
        }
        let checked =
            t.sentence.iter().enumerate().map(|(n, s)| basis(&t.id, n + 1, s, docs, &file.reference, quantities));
        bases.push(checked.collect::<Result<Vec<_>>>()?);
    }
    let matcher = Matcher::new(&file.term.iter().map(|t| (t.names(), t.exact_case.clone())).collect::<Vec<_>>());
    Ok(Glossary { terms: file.term, bases, matcher })
}

pub fn load(path: &Path, docs: &[CleanDoc], quantities: &[&str]) -> Result<Glossary> {
    parse(&read(path)?, docs, quantities)
}

/// `found[d][b]`: the matches in block `b` of document `d`.
pub fn match_corpus(g: &Glossary, docs: &[CleanDoc]) -> Vec<Vec<Vec<Found>>> {
    docs.iter().map(|d| d.blocks.iter().map(|b| g.matcher.find(&b.text)).collect()).collect()
}

pub fn marks(found: &[Vec<Vec<Found>>]) -> Vec<Vec<Vec<Mark>>> {
    found.iter().map(|d| d.iter().map(|b| b.iter().map(|f| f.mark).collect()).collect()).collect()
}

fn basis_src(b: &Basis) -> String {
    match b {
        Basis::Seed { doc, quote, block } => {
            format!("Basis::Seed {{ doc: {}, quote: {}, block: {} }}", lit(doc), lit(quote), lit(block))
        }
        Basis::Outside { reference } => format!("Basis::Outside {{ reference: {} }}", lit(reference)),
    }
}

pub fn emit(g: &Glossary, docs: &[CleanDoc], found: &[Vec<Vec<Found>>]) -> String {
    let mut s = String::from("pub static GLOSSARY: &[Term] = &[\n");
    for (t, bases) in g.terms.iter().zip(&g.bases) {
        let aliases: Vec<String> = t.aliases.iter().map(|a| lit(a)).collect();
        let sentences: Vec<String> = t
            .sentence
            .iter()
            .zip(bases)
            .map(|(x, b)| {
                format!(
                    "Sentence {{ text: {}, basis: {}, disputed: {} }}",
                    lit(&x.text),
                    basis_src(b),
                    opt_lit(x.disputed.as_deref())
                )
            })
            .collect();
        s += &format!(
            "Term {{ id: {}, label: {}, expansion: {}, definition: {}, sentences: &[{}], aliases: &[{}], exact_case: &[{}] }},\n",
            lit(&t.id),
            lit(&t.label),
            lit(&t.expansion),
            lit(&t.definition()),
            sentences.join(", "),
            aliases.join(", "),
            t.exact_case.iter().map(|e| lit(e)).collect::<Vec<_>>().join(", ")
        );
    }
    s += "];\n";
    // (term, doc, the name as written) -> count and block ids, in reading order. The name
    // is kept as the document spells it ("Manz", "Durres"): spelling is evidence too.
    let mut usage: BTreeMap<(u16, usize, &str), (u16, Vec<&str>)> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (b, matches) in found[d].iter().enumerate() {
            for f in matches {
                let written = &doc.blocks[b].text[f.mark.start as usize..f.mark.end as usize];
                let entry = usage.entry((f.mark.term, d, written)).or_default();
                entry.0 += 1;
                if entry.1.last() != Some(&doc.ids[b].as_str()) {
                    entry.1.push(&doc.ids[b]);
                }
            }
        }
    }
    s += "pub static GLOSSARY_USAGE: &[Usage] = &[\n";
    for ((term, doc, alias), (count, blocks)) in usage {
        let blocks: Vec<String> = blocks.iter().map(|b| lit(b)).collect();
        s += &format!(
            "Usage {{ term: {term}, doc: {doc}, alias: {}, count: {count}, blocks: &[{}] }},\n",
            lit(alias),
            blocks.join(", ")
        );
    }
    s += "];\n";
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<CleanDoc> {
        crate::test_docs()
    }

    const REF: &str = "[[reference]]\nid = \"r\"\npublisher = \"P\"\ntitle = \"T\"\nyear = 2001\n\n";

    /// A one-term glossary whose single sentence has `fields`.
    fn check(text: &str, fields: &str) -> Result<Glossary> {
        let toml = format!("{REF}[[term]]\nid = \"t\"\nlabel = \"Tirana\"\n\n[[term.sentence]]\ntext = {text:?}\n{fields}\n\n[[term.sentence]]\ntext = \"Used.\"\nref = \"r\"\n");
        parse(&toml, &docs(), &["residents"])
    }

    #[test]
    fn a_sentence_rests_on_a_verbatim_passage_or_a_named_reference() {
        assert!(check("The capital.", "doc = \"encyclopedia-later\"\nquote = \"15 miles west of Tirana\"").is_ok());
        assert!(check("The capital.", "ref = \"r\"").is_ok());
        let e = check("The capital.", "").err().unwrap();
        assert!(e.contains("give either `doc` and `quote`"), "{e}");
        let e = check("The capital.", "doc = \"encyclopedia-later\"\nquote = \"15 miles west of Tirana\"\nref = \"r\"")
            .err()
            .unwrap();
        assert!(e.contains("not both"), "{e}");
        let e =
            check("The capital.", "doc = \"encyclopedia-later\"\nquote = \"16 miles west of Tirana\"").err().unwrap();
        assert!(e.contains("is not in encyclopedia-later"), "{e}");
        let e = check("The capital.", "ref = \"nope\"").err().unwrap();
        assert!(e.contains("unknown reference"), "{e}");
    }

    #[test]
    fn two_sentences_cannot_share_one_source() {
        let e = check("The capital. It is big.", "ref = \"r\"").err().unwrap();
        assert!(e.contains("more than one sentence"), "{e}");
        assert_eq!(sentence_count("A former U.S. General met Mrs. Rajavi in Washington."), 1);
        assert_eq!(sentence_count("It said “no.” Then it left."), 2);
    }

    #[test]
    fn a_dispute_is_stated_as_open_and_points_at_known_figures() {
        let quote = "doc = \"encyclopedia-later\"\nquote = \"15 miles west of Tirana\"";
        assert!(check("The sources differ on it.", &format!("{quote}\ndisputed = \"residents\"")).is_ok());
        let e = check("About 3,000 live there.", &format!("{quote}\ndisputed = \"residents\"")).err().unwrap();
        assert!(e.contains("says that the sources differ"), "{e}");
        let e = check("The sources differ on it.", &format!("{quote}\ndisputed = \"nope\"")).err().unwrap();
        assert!(e.contains("not in figures.toml"), "{e}");
    }

    #[test]
    fn references_are_complete_and_used() {
        let unused = format!("{REF}[[term]]\nid = \"t\"\nlabel = \"Tirana\"\n\n[[term.sentence]]\ntext = \"A.\"\ndoc = \"encyclopedia-later\"\nquote = \"Tirana\"\n");
        assert!(parse(&unused, &docs(), &[]).err().unwrap().contains("is not used"));
        let undated = format!(
            "{}[[term]]\nid = \"t\"\nlabel = \"Tirana\"\n\n[[term.sentence]]\ntext = \"A.\"\nref = \"r\"\n",
            REF.replace("2001", "20")
        );
        assert!(parse(&undated, &docs(), &[]).err().unwrap().contains("needs a publisher, a title and a year"));
    }
}
