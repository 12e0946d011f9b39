//! `documents.toml` + `seeds/*.txt` -> the cleaned documents, and `DOCUMENT_HEADS` (what the
//! app knows of each document before its text arrives; `text.rs` writes the text).

use super::{lit, opt_lit, read, Result};
use companion_core::analysis::clean::{self, CleanBlock, Hints};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct RelationSpec {
    pub kind: String,
    pub target: String,
    pub note: String,
}

/// A content note shown before passages a student may want to be warned of.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentNoteSpec {
    /// A verbatim passage of the first block the note covers.
    pub before: String,
    /// How many blocks it covers, that block included.
    pub blocks: usize,
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
    #[serde(default)]
    pub content_note: Vec<ContentNoteSpec>,
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
    /// Per content note: the first block it covers and the block after the last (None: the
    /// note runs to the end).
    pub notes: Vec<(String, Option<String>)>,
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

    /// Where `quote` stands verbatim: the block's id and the quote's byte offset in it.
    pub fn locate(&self, quote: &str) -> Option<(&str, usize)> {
        self.blocks.iter().zip(&self.ids).find_map(|(b, id)| b.text.find(quote).map(|s| (id.as_str(), s)))
    }
}

/// How a document relates to one it retells: what it restates from that document may have
/// lost an attribution on the way.
const RETELLS: &[&str] = &["later revision of", "summarizes", "quotes"];

/// Whether `later` retells `earlier` (is a later revision of it, summarizes or quotes it).
pub fn retells(docs: &[CleanDoc], later: &str, earlier: &str) -> bool {
    find(docs, later)
        .is_some_and(|d| d.spec.related.iter().any(|r| r.target == earlier && RETELLS.contains(&r.kind.as_str())))
}

/// The document with this id.
pub fn find<'a>(docs: &'a [CleanDoc], id: &str) -> Option<&'a CleanDoc> {
    docs.iter().find(|d| d.spec.id == id)
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
            if !blocks.iter().any(|b| b.kind == companion_core::model::BlockKind::Title) {
                return Err(format!("{}: title {:?} not found in {}", spec.id, spec.title, spec.seed));
            }
            let ids = clean::block_ids(&blocks);
            let notes = content_notes(&spec, &blocks, &ids)?;
            Ok(CleanDoc { spec, original, blocks, ids, notes })
        })
        .collect()
}

/// Locates each content note: its first block by a verbatim passage, its end by a count.
pub fn content_notes(spec: &DocSpec, blocks: &[CleanBlock], ids: &[String]) -> Result<Vec<(String, Option<String>)>> {
    spec.content_note
        .iter()
        .map(|n| {
            let err = |msg: &str| format!("documents.toml: {}: content note {:?}: {msg}", spec.id, n.before);
            if n.note.trim().is_empty() || n.blocks == 0 {
                return Err(err("give the note's text and how many blocks (1 or more) it covers"));
            }
            let first =
                blocks.iter().position(|b| b.text.contains(&n.before)).ok_or_else(|| err("`before` is in no block"))?;
            if first + n.blocks > blocks.len() {
                return Err(err("`blocks` runs past the end of the document"));
            }
            Ok((ids[first].clone(), ids.get(first + n.blocks).cloned()))
        })
        .collect()
}

/// The documents' metadata. Their text (blocks and seed) is left empty here: it travels in the
/// corpus text file, which the page's text already stands for until the app reads it.
pub fn emit(docs: &[CleanDoc]) -> String {
    let mut s = String::from(
        "/// Every document without its text (`blocks` and `original` are empty); `corpus::documents()`\n/// has them with it.\npub static DOCUMENT_HEADS: &[Document] = &[\n",
    );
    for doc in docs {
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
        s += "],\ncontent_notes: &[";
        for (n, (first, after)) in spec.content_note.iter().zip(&doc.notes) {
            s += &format!(
                "ContentNote {{ first: {}, skip_to: {}, note: {} }},",
                lit(first),
                opt_lit(after.as_deref()),
                lit(&n.note)
            );
        }
        s += &format!("],\noriginal: \"\",\nword_count: {words},\nblocks: &[],\n}},\n");
    }
    s += "];\n";
    s
}
