//! `documents.toml` + `seeds/*.txt` -> `DOCUMENTS`.

use super::{lit, opt_lit, read, Result};
use crate::analysis::clean::{self, CleanBlock, Hints};
use crate::model::Mark;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct RelationSpec {
    pub kind: String,
    pub target: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSpec {
    pub id: String,
    pub seed: String,
    pub title: String,
    pub short_title: String,
    pub outlet: String,
    pub date: String,
    pub date_iso: Option<String>,
    pub language: String,
    pub relation: String,
    pub licence: String,
    #[serde(default)]
    pub headings: Vec<String>,
    #[serde(default)]
    pub captions: Vec<String>,
    pub byline: Option<String>,
    #[serde(default)]
    pub chrome: Vec<String>,
    #[serde(default)]
    pub related: Vec<RelationSpec>,
}

#[derive(Deserialize)]
struct DocsFile {
    document: Vec<DocSpec>,
}

/// One document after cleaning, as the build sees it.
#[derive(Debug)]
pub struct CleanDoc {
    pub spec: DocSpec,
    pub original: String,
    pub blocks: Vec<CleanBlock>,
    pub ids: Vec<String>,
}

impl CleanDoc {
    pub fn hints(spec: &DocSpec) -> Hints {
        Hints {
            title: spec.title.clone(),
            headings: spec.headings.clone(),
            captions: spec.captions.clone(),
            byline: spec.byline.clone(),
            chrome: spec.chrome.clone(),
        }
    }
}

pub fn parse_specs(toml_text: &str) -> Result<Vec<DocSpec>> {
    let file: DocsFile = toml::from_str(toml_text).map_err(|e| format!("documents.toml: {e}"))?;
    let ids: Vec<&str> = file.document.iter().map(|d| d.id.as_str()).collect();
    for d in &file.document {
        if ids.iter().filter(|&&i| i == d.id).count() > 1 {
            return Err(format!("documents.toml: id {:?} is used twice", d.id));
        }
        if d.id.is_empty() || !d.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(format!("documents.toml: id {:?} must be a lower-case slug", d.id));
        }
        for r in &d.related {
            if !ids.contains(&r.target.as_str()) {
                return Err(format!("documents.toml: {} relates to unknown document {:?}", d.id, r.target));
            }
        }
    }
    Ok(file.document)
}

pub fn load(toml_path: &Path, seeds: &Path) -> Result<Vec<CleanDoc>> {
    let specs = parse_specs(&read(toml_path)?)?;
    specs
        .into_iter()
        .map(|spec| {
            let original = read(&seeds.join(&spec.seed))?;
            let hints = CleanDoc::hints(&spec);
            if let Some((kind, hint)) = clean::unmatched_hints(&original, &hints).first() {
                return Err(format!(
                    "documents.toml: {}: the {kind} {hint:?} matches no line of {} (compared with whitespace folded)",
                    spec.id, spec.seed
                ));
            }
            let blocks = clean::clean(&original, &hints);
            if !blocks.iter().any(|b| b.kind == crate::model::BlockKind::Title) {
                return Err(format!("{}: title {:?} not found in {}", spec.id, spec.title, spec.seed));
            }
            let ids = clean::block_ids(&blocks);
            Ok(CleanDoc { spec, original, blocks, ids })
        })
        .collect()
}

/// `marks[d][b]` holds the glossary marks of block `b` of document `d`.
pub fn emit(docs: &[CleanDoc], marks: &[Vec<Vec<Mark>>]) -> String {
    let mut s = String::from("pub static DOCUMENTS: &[Document] = &[\n");
    for (d, doc) in docs.iter().enumerate() {
        let spec = &doc.spec;
        let words: usize = doc.blocks.iter().filter(|b| !b.kind.is_heading()).map(|b| clean::word_count(&b.text)).sum();
        s += "Document {\n";
        s += &format!(
            "id: {}, seed: {}, title: {}, short_title: {},\n",
            lit(&spec.id),
            lit(&spec.seed),
            lit(&spec.title),
            lit(&spec.short_title)
        );
        s += &format!(
            "outlet: {}, date: {}, date_iso: {},\n",
            lit(&spec.outlet),
            lit(&spec.date),
            opt_lit(spec.date_iso.as_deref())
        );
        s += &format!(
            "language: {}, relation: {}, licence: {},\n",
            lit(&spec.language),
            lit(&spec.relation),
            lit(&spec.licence)
        );
        s += "related: &[";
        for r in &spec.related {
            s += &format!("Relation {{ kind: {}, target: {}, note: {} }},", lit(&r.kind), lit(&r.target), lit(&r.note));
        }
        s += "],\n";
        s += &format!(
            "original: include_str!({}),\n",
            lit(&std::fs::canonicalize(format!("src/data/seeds/{}", spec.seed))
                .map(|p| p.display().to_string())
                .unwrap_or_default())
        );
        s += &format!("word_count: {words},\nblocks: &[\n");
        for (b, block) in doc.blocks.iter().enumerate() {
            let m: String = marks[d][b]
                .iter()
                .map(|m| format!("Mark {{ start: {}, end: {}, term: {} }},", m.start, m.end, m.term))
                .collect();
            s += &format!(
                "Block {{ id: {}, kind: BlockKind::{:?}, text: {}, marks: &[{m}] }},\n",
                lit(&doc.ids[b]),
                block.kind,
                lit(&block.text)
            );
        }
        s += "],\n},\n";
    }
    s += "];\n";
    s
}
