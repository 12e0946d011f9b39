//! `questions.toml` -> `QUESTIONS`. Every link is checked: a passage's quote must be verbatim
//! in its document, and documents, claims and quantities must exist; a question asking for a
//! prediction names a quantity of the figures. A mistake fails the build with the question
//! named.

use std::path::Path;

use serde::Deserialize;

use super::corpus::{self, CleanDoc};
use super::{lit, opt_lit, read, unique_ids, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkSpec {
    kind: String,
    label: String,
    doc: Option<String>,
    quote: Option<String>,
    id: Option<String>,
    a: Option<String>,
    b: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionSpec {
    id: String,
    section: String,
    prompt: String,
    predict: Option<String>,
    #[serde(default)]
    link: Vec<LinkSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    question: Vec<QuestionSpec>,
}

/// What the links may name, besides the documents.
pub struct Known<'a> {
    pub claims: &'a [String],
    pub quantities: &'a [&'a str],
}

fn target(l: &LinkSpec, docs: &[CleanDoc], known: &Known) -> std::result::Result<String, String> {
    let doc = |d: &Option<String>| -> std::result::Result<&CleanDoc, String> {
        let d = d.as_deref().ok_or("give `doc`")?;
        corpus::find(docs, d).ok_or_else(|| format!("unknown document {d:?}"))
    };
    let id = || l.id.as_deref().ok_or_else(|| format!("a {} link needs `id`", l.kind));
    Ok(match l.kind.as_str() {
        "passage" => {
            let d = doc(&l.doc)?;
            let quote = l.quote.as_deref().ok_or("a passage link needs `quote`")?;
            let (block, _) =
                d.locate(quote).ok_or_else(|| format!("quote not found verbatim in {}: {quote:?}", d.spec.id))?;
            format!("LinkTarget::Passage {{ doc: {}, block: {} }}", lit(&d.spec.id), lit(block))
        }
        "document" => format!("LinkTarget::Document({})", lit(&doc(&l.doc)?.spec.id)),
        "claim" => {
            let c = id()?;
            if !known.claims.iter().any(|k| k == c) {
                return Err(format!("unknown claim {c:?}"));
            }
            format!("LinkTarget::Claim({})", lit(c))
        }
        "quantity" => {
            let q = id()?;
            if !known.quantities.contains(&q) {
                return Err(format!("unknown quantity {q:?}"));
            }
            format!("LinkTarget::Quantity({})", lit(q))
        }
        "compare" => format!("LinkTarget::Compare({}, {})", lit(&doc(&l.a)?.spec.id), lit(&doc(&l.b)?.spec.id)),
        "lineage" => "LinkTarget::Lineage".to_string(),
        other => {
            return Err(format!("unknown link kind {other:?} (passage, document, claim, quantity, compare, lineage)"))
        }
    })
}

pub fn parse(text: &str, docs: &[CleanDoc], known: &Known) -> Result<String> {
    let file: QuestionsFile = toml::from_str(text).map_err(|e| format!("questions.toml: {e}"))?;
    unique_ids("questions.toml", "question", file.question.iter().map(|q| q.id.as_str()))?;
    let mut s = String::from("pub static QUESTIONS: &[Question] = &[\n");
    for q in &file.question {
        let err = |msg: String| format!("questions.toml: question {:?}: {msg}", q.id);
        if q.prompt.trim().is_empty() || q.section.trim().is_empty() {
            return Err(err("give a `section` and a `prompt`".into()));
        }
        if let Some(p) = q.predict.as_deref().filter(|p| !known.quantities.contains(p)) {
            return Err(err(format!("predict names unknown quantity {p:?}")));
        }
        let mut links = String::new();
        for l in &q.link {
            links += &format!(
                "QuestionLink {{ label: {}, target: {} }},",
                lit(&l.label),
                target(l, docs, known).map_err(err)?
            );
        }
        s += &format!(
            "Question {{ id: {}, section: {}, prompt: {}, predict: {}, links: &[{links}] }},\n",
            lit(&q.id),
            lit(&q.section),
            lit(&q.prompt),
            opt_lit(q.predict.as_deref())
        );
    }
    s += "];\n";
    Ok(s)
}

pub fn load(path: &Path, docs: &[CleanDoc], known: &Known) -> Result<String> {
    parse(&read(path)?, docs, known)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<CleanDoc> {
        crate::test_docs()
    }

    fn check(extra: &str) -> Result<String> {
        let text = format!("[[question]]\nid = \"q\"\nsection = \"S\"\nprompt = \"Why?\"\n{extra}");
        let claims = ["troll-farm".to_string()];
        parse(&text, &docs(), &Known { claims: &claims, quantities: &["residents"] })
    }

    #[test]
    fn links_are_checked() {
        let passage = "[[question.link]]\nkind = \"passage\"\nlabel = \"L\"\ndoc = \"encyclopedia-earlier\"\nquote = \"built on 34 hectares of farmland\"\n";
        assert!(check(passage).unwrap().contains("LinkTarget::Passage"));
        let e = check(&passage.replace("34", "35")).unwrap_err();
        assert!(e.contains("question \"q\": quote not found verbatim in encyclopedia-earlier"), "{e}");
        let e = check("[[question.link]]\nkind = \"claim\"\nlabel = \"L\"\nid = \"nope\"\n").unwrap_err();
        assert!(e.contains("unknown claim \"nope\""), "{e}");
        let e = check("[[question.link]]\nkind = \"compare\"\nlabel = \"L\"\na = \"lends-hope\"\nb = \"blog\"\n")
            .unwrap_err();
        assert!(e.contains("unknown document \"blog\""), "{e}");
        let e = check("[[question.link]]\nkind = \"map\"\nlabel = \"L\"\n").unwrap_err();
        assert!(e.contains("unknown link kind"), "{e}");
    }

    #[test]
    fn ids_are_slugs_used_once() {
        let e = check("[[question]]\nid = \"q\"\nsection = \"S\"\nprompt = \"Again?\"\n").unwrap_err();
        assert!(e.contains("questions.toml: question id \"q\" is used twice"), "{e}");
    }

    #[test]
    fn a_prediction_names_a_quantity() {
        assert!(check("predict = \"residents\"\n").is_ok());
        let e = check("predict = \"weather\"\n").unwrap_err();
        assert!(e.contains("predict names unknown quantity \"weather\""), "{e}");
    }
}
