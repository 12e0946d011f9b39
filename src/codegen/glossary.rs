//! `glossary.toml` -> `GLOSSARY`, `GLOSSARY_USAGE` and the marks in every block. Matching
//! happens here, once per build, so the app never scans text for terms.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::corpus::CleanDoc;
use super::{lit, opt_lit, read, Result};
use crate::analysis::glossary::{Found, Matcher};
use crate::model::Mark;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermSpec {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub expansion: String,
    pub definition: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub exact_case: Vec<String>,
    pub source: String,
    pub quote: Option<String>,
}

impl TermSpec {
    /// The label first, then the aliases: the order `Found::name` indexes.
    pub fn names(&self) -> Vec<String> {
        std::iter::once(self.label.clone()).chain(self.aliases.iter().cloned()).collect()
    }
}

#[derive(Deserialize)]
struct GlossaryFile {
    term: Vec<TermSpec>,
}

pub struct Glossary {
    pub terms: Vec<TermSpec>,
    pub matcher: Matcher,
}

/// Parses and checks the glossary against the cleaned corpus: unique ids and names, a
/// definition for every term, and every quoted source verbatim in the document it names.
pub fn parse(text: &str, docs: &[CleanDoc]) -> Result<Glossary> {
    let file: GlossaryFile = toml::from_str(text).map_err(|e| format!("glossary.toml: {e}"))?;
    let mut ids = std::collections::HashSet::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for t in &file.term {
        if !ids.insert(t.id.as_str()) {
            return Err(format!("glossary.toml: term id {:?} is used twice", t.id));
        }
        if t.definition.trim().is_empty() {
            return Err(format!("glossary.toml: term {:?} has no definition", t.id));
        }
        for name in t.names() {
            if let Some(other) = names.insert(crate::analysis::fold::fold(&name), t.id.clone()) {
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
        match (t.source.as_str(), &t.quote) {
            ("general", None) => {}
            ("general", Some(_)) => {
                return Err(format!("glossary.toml: {:?}: a general-knowledge source has no quote", t.id))
            }
            (doc_id, Some(quote)) => {
                let doc = docs
                    .iter()
                    .find(|d| d.spec.id == doc_id)
                    .ok_or_else(|| format!("glossary.toml: {:?}: unknown source document {doc_id:?}", t.id))?;
                if !doc.blocks.iter().any(|b| b.text.contains(quote.as_str())) {
                    return Err(format!("glossary.toml: {:?}: quote {quote:?} is not in {doc_id}", t.id));
                }
            }
            (doc_id, None) => return Err(format!("glossary.toml: {:?}: source {doc_id:?} needs a quote", t.id)),
        }
    }
    let matcher = Matcher::new(&file.term.iter().map(|t| (t.names(), t.exact_case.clone())).collect::<Vec<_>>());
    Ok(Glossary { terms: file.term, matcher })
}

pub fn load(path: &Path, docs: &[CleanDoc]) -> Result<Glossary> {
    parse(&read(path)?, docs)
}

/// `found[d][b]`: the matches in block `b` of document `d`.
pub fn match_corpus(g: &Glossary, docs: &[CleanDoc]) -> Vec<Vec<Vec<Found>>> {
    docs.iter().map(|d| d.blocks.iter().map(|b| g.matcher.find(&b.text)).collect()).collect()
}

pub fn marks(found: &[Vec<Vec<Found>>]) -> Vec<Vec<Vec<Mark>>> {
    found.iter().map(|d| d.iter().map(|b| b.iter().map(|f| f.mark).collect()).collect()).collect()
}

fn source_text(t: &TermSpec, docs: &[CleanDoc]) -> String {
    match (&t.quote, docs.iter().find(|d| d.spec.id == t.source)) {
        (Some(q), Some(d)) => format!("“{q}” ({})", d.spec.short_title),
        _ => "General reference knowledge (not from the corpus)".to_string(),
    }
}

pub fn emit(g: &Glossary, docs: &[CleanDoc], found: &[Vec<Vec<Found>>]) -> String {
    let mut s = String::from("pub static GLOSSARY: &[Term] = &[\n");
    for t in &g.terms {
        let aliases: Vec<String> = t.aliases.iter().map(|a| lit(a)).collect();
        let source_doc = (t.source != "general").then_some(t.source.as_str());
        s += &format!(
            "Term {{ id: {}, label: {}, expansion: {}, definition: {}, aliases: &[{}], source: {}, source_doc: {} }},\n",
            lit(&t.id),
            lit(&t.label),
            lit(&t.expansion),
            lit(&t.definition),
            aliases.join(", "),
            lit(&source_text(t, docs)),
            opt_lit(source_doc)
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
