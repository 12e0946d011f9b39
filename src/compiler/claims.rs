//! `claims.toml` -> `TOPICS`, `ORIGINS`, `CLAIMS`, and `retelling.toml` -> `RETELLINGS`. Every
//! quote is located verbatim in the document it names; an unknown document, topic or origin,
//! a claim no document states or alleges, a claim with no origin, or a retelling finding
//! without its passages fails the build with the file and the entry named.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use super::corpus::{self, CleanDoc};
use super::{lit, opt_lit, read, unique_ids, Result};
use companion_core::analysis::claims::{ChangeKind, Stance};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicSpec {
    id: String,
    label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OriginSpec {
    id: String,
    label: String,
    kind: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    voice_of: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceSpec {
    doc: String,
    stance: String,
    origin: String,
    quote: String,
    /// The document this one retells, where the statement carried the attribution this
    /// passage drops.
    restates: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimSpec {
    id: String,
    topic: String,
    text: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    source: Vec<SourceSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    topic: Vec<TopicSpec>,
    origin: Vec<OriginSpec>,
    claim: Vec<ClaimSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeSpec {
    id: String,
    kind: String,
    finding: String,
    source_quote: Option<String>,
    retold_quote: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RetellingSpec {
    /// The document that retells, and the one it retells.
    retold: String,
    source: String,
    change: Vec<ChangeSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RetellingFile {
    retelling: Vec<RetellingSpec>,
}

const ORIGIN_KINDS: &[&str] = &["outlet", "person", "organization", "government", "report", "document"];

/// A located passage, as Rust source for `Passage { … }`.
fn passage(docs: &[CleanDoc], doc: &str, quote: &str) -> std::result::Result<String, String> {
    let d = corpus::find(docs, doc).ok_or_else(|| format!("unknown document {doc:?}"))?;
    let (block, start) = d.locate(quote).ok_or_else(|| format!("quote not found verbatim in {doc}: {quote:?}"))?;
    Ok(format!(
        "Passage {{ doc: {}, quote: {}, block: {}, range: ({start}, {}) }}",
        lit(doc),
        lit(quote),
        lit(block),
        start + quote.len()
    ))
}

fn claim_src(c: &ClaimSpec, file: &ClaimsFile, docs: &[CleanDoc]) -> Result<String> {
    let err = |msg: String| format!("claims.toml: claim {:?}: {msg}", c.id);
    let topic =
        file.topic.iter().position(|t| t.id == c.topic).ok_or_else(|| err(format!("unknown topic {:?}", c.topic)))?;
    if c.text.trim().is_empty() {
        return Err(err("no text: word the claim neutrally, saying whose claim it is".into()));
    }
    let mut seen = HashSet::new();
    let mut sources = String::new();
    for s in &c.source {
        let stance = Stance::parse(&s.stance)
            .ok_or_else(|| err(format!("unknown stance {:?} (states, allegation, denial or contradicts)", s.stance)))?;
        if s.origin.trim().is_empty() {
            return Err(err(format!("a passage in {} has no origin: name who originally makes the statement", s.doc)));
        }
        let origin = file
            .origin
            .iter()
            .position(|o| o.id == s.origin)
            .ok_or_else(|| err(format!("unknown origin {:?}", s.origin)))?;
        // Several origins may take one stance in a document (two reports of one allegation);
        // one origin twice in one stance is the same statement twice.
        if !seen.insert((s.doc.as_str(), stance, origin)) {
            return Err(err(format!(
                "{} has two passages with the stance {:?} from the origin {:?}: give the clearer one",
                s.doc, s.stance, s.origin
            )));
        }
        check_restatement(c, s, file, docs).map_err(err)?;
        let p = passage(docs, &s.doc, &s.quote).map_err(err)?;
        sources += &format!(
            "Source {{ stance: Stance::{stance:?}, origin: {origin}, passage: {p}, restates: {} }},",
            opt_lit(s.restates.as_deref())
        );
    }
    if !c.source.iter().any(|s| matches!(Stance::parse(&s.stance), Some(Stance::States | Stance::Allegation))) {
        return Err(err("no document states or reports it: a claim needs at least one origin".into()));
    }
    Ok(format!(
        "Claim {{ id: {}, topic: {topic}, text: {}, note: {}, sources: &[{sources}] }},\n",
        lit(&c.id),
        lit(&c.text),
        lit(&c.note)
    ))
}

/// Whether `origin` is `doc` speaking in its own voice.
fn own_voice(file: &ClaimsFile, origin: &str, doc: &str) -> bool {
    file.origin.iter().any(|o| o.id == origin && o.voice_of.iter().any(|d| d == doc))
}

/// One origin stays one origin: a document that states in its own voice what a document it
/// retells attributes to someone (a revision dropping "MEK said") repeats that origin. It
/// must say so (`restates`, with that origin), or the build refuses it.
fn check_restatement(c: &ClaimSpec, s: &SourceSpec, file: &ClaimsFile, docs: &[CleanDoc]) -> Result<()> {
    let asserts = |x: &SourceSpec| matches!(Stance::parse(&x.stance), Some(Stance::States | Stance::Allegation));
    // An entry of `earlier` that attributes the claim to someone other than its own voice.
    let attributed = |earlier: &str| {
        c.source.iter().find(|x| x.doc == earlier && asserts(x) && !own_voice(file, &x.origin, earlier))
    };
    match &s.restates {
        Some(earlier) => {
            if !corpus::retells(docs, &s.doc, earlier) {
                return Err(format!(
                    "the passage in {} restates {earlier:?}, but documents.toml does not make it a later revision, a summary or a quotation of it",
                    s.doc
                ));
            }
            let e = attributed(earlier).ok_or_else(|| {
                format!("the passage in {} restates {earlier}, which attributes the claim to nobody", s.doc)
            })?;
            if e.origin != s.origin || own_voice(file, &s.origin, &s.doc) {
                return Err(format!(
                    "the passage in {} restates {earlier} without its attribution, so it repeats its origin: write origin = {:?}",
                    s.doc, e.origin
                ));
            }
        }
        None if asserts(s) && own_voice(file, &s.origin, &s.doc) => {
            let earlier = docs.iter().map(|d| d.spec.id.as_str()).filter(|d| corpus::retells(docs, &s.doc, d));
            if let Some((d, e)) = earlier.filter_map(|d| attributed(d).map(|e| (d, e))).next() {
                return Err(format!(
                    "{} states in its own voice what {d} attributes to {:?}: a retelling that drops the attribution repeats that origin, so write origin = {:?} and restates = {d:?}",
                    s.doc, e.origin, e.origin
                ));
            }
        }
        None => {}
    }
    Ok(())
}

/// Checks `claims.toml` and returns the Rust source of its statics.
pub fn parse_claims(text: &str, docs: &[CleanDoc]) -> Result<String> {
    Ok(checked_claims(text, docs)?.0)
}

/// The Rust source of `claims.toml`'s statics, and its claim ids.
fn checked_claims(text: &str, docs: &[CleanDoc]) -> Result<(String, Vec<String>)> {
    let file: ClaimsFile = toml::from_str(text).map_err(|e| format!("claims.toml: {e}"))?;
    unique_ids("claims.toml", "topic", file.topic.iter().map(|t| t.id.as_str()))?;
    unique_ids("claims.toml", "origin", file.origin.iter().map(|o| o.id.as_str()))?;
    unique_ids("claims.toml", "claim", file.claim.iter().map(|c| c.id.as_str()))?;
    // Claims first: their errors (an unknown topic or origin) say more than the unused
    // topic or origin they leave behind.
    let mut claims = String::from("pub static CLAIMS: &[Claim] = &[\n");
    for c in &file.claim {
        claims += &claim_src(c, &file, docs)?;
    }
    claims += "];\n";
    let mut s = String::from("pub static TOPICS: &[Topic] = &[\n");
    for t in &file.topic {
        if !file.claim.iter().any(|c| c.topic == t.id) {
            return Err(format!("claims.toml: topic {:?} has no claim", t.id));
        }
        s += &format!("Topic {{ id: {}, label: {} }},\n", lit(&t.id), lit(&t.label));
    }
    s += "];\npub static ORIGINS: &[Origin] = &[\n";
    for o in &file.origin {
        let err = |msg: String| format!("claims.toml: origin {:?}: {msg}", o.id);
        if !ORIGIN_KINDS.contains(&o.kind.as_str()) {
            return Err(err(format!("unknown kind {:?} ({})", o.kind, ORIGIN_KINDS.join(", "))));
        }
        if let Some(d) = o.voice_of.iter().find(|d| corpus::find(docs, d).is_none()) {
            return Err(err(format!("voice_of names unknown document {d:?}")));
        }
        if !file.claim.iter().flat_map(|c| &c.source).any(|s| s.origin == o.id) {
            return Err(err("no passage cites it".into()));
        }
        let voice: Vec<String> = o.voice_of.iter().map(|d| lit(d)).collect();
        s += &format!(
            "Origin {{ id: {}, label: {}, kind: {}, note: {}, voice_of: &[{}] }},\n",
            lit(&o.id),
            lit(&o.label),
            lit(&o.kind),
            lit(&o.note),
            voice.join(", ")
        );
    }
    s += "];\n";
    let ids = file.claim.into_iter().map(|c| c.id).collect();
    Ok((s + &claims, ids))
}

/// Checks `retelling.toml` and returns the Rust source of `RETELLINGS`: each pair the
/// lineage links (documents.toml relates them as a later revision, a summary or a quotation),
/// each change with both passages (an addition may lack the source's, a drop the retelling's).
pub fn parse_retelling(text: &str, docs: &[CleanDoc]) -> Result<String> {
    let file: RetellingFile = toml::from_str(text).map_err(|e| format!("retelling.toml: {e}"))?;
    unique_ids("retelling.toml", "change", file.retelling.iter().flat_map(|r| &r.change).map(|c| c.id.as_str()))?;
    let mut s = String::from("pub static RETELLINGS: &[Retelling] = &[\n");
    for r in &file.retelling {
        for d in [&r.retold, &r.source] {
            corpus::find(docs, d).ok_or_else(|| format!("retelling.toml: unknown document {d:?}"))?;
        }
        if !corpus::retells(docs, &r.retold, &r.source) {
            return Err(format!(
                "retelling.toml: {} does not retell {}: documents.toml relates them as neither a later revision, a summary nor a quotation",
                r.retold, r.source
            ));
        }
        s += &format!("Retelling {{ retold: {}, source: {}, changes: &[\n", lit(&r.retold), lit(&r.source));
        for c in &r.change {
            s += &change_src(c, r, docs)?;
        }
        s += "] },\n";
    }
    s += "];\n";
    Ok(s)
}

fn change_src(c: &ChangeSpec, r: &RetellingSpec, docs: &[CleanDoc]) -> Result<String> {
    let err = |msg: String| format!("retelling.toml: change {:?}: {msg}", c.id);
    let kind = ChangeKind::parse(&c.kind).ok_or_else(|| {
        err(format!(
            "unknown kind {:?} (adds, drops, sharpens, misattributes, inserts, changes, unattributes, renames)",
            c.kind
        ))
    })?;
    // Both passages, except where one side has nothing: an addition has no source, a drop
    // no retelling.
    let needs_source = kind != ChangeKind::Adds;
    let needs_retold = kind != ChangeKind::Drops;
    if (needs_source && c.source_quote.is_none()) || (needs_retold && c.retold_quote.is_none()) {
        return Err(err(
            "give both passages, `source_quote` and `retold_quote` (an addition may lack the first, a drop the second)"
                .into(),
        ));
    }
    let opt = |doc: &str, q: &Option<String>| -> Result<String> {
        match q {
            Some(q) => Ok(format!("Some({})", passage(docs, doc, q).map_err(err)?)),
            None => Ok("None".into()),
        }
    };
    Ok(format!(
        "Change {{ id: {}, kind: ChangeKind::{kind:?}, finding: {}, source: {}, retold: {} }},\n",
        lit(&c.id),
        lit(&c.finding),
        opt(&r.source, &c.source_quote)?,
        opt(&r.retold, &c.retold_quote)?
    ))
}

/// The Rust source of both files, and the claim ids (which other data files may link to).
pub fn load(claims: &Path, retelling: &Path, docs: &[CleanDoc]) -> Result<(String, Vec<String>)> {
    let (src, ids) = checked_claims(&read(claims)?, docs)?;
    Ok((src + &parse_retelling(&read(retelling)?, docs)?, ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<CleanDoc> {
        crate::test_docs()
    }

    const HEAD: &str =
        "[[topic]]\nid = \"t\"\nlabel = \"T\"\n[[origin]]\nid = \"o\"\nlabel = \"O\"\nkind = \"outlet\"\n";

    fn claim(source: &str) -> String {
        format!("{HEAD}[[claim]]\nid = \"c\"\ntopic = \"t\"\ntext = \"Someone says.\"\n[[claim.source]]\n{source}\n")
    }

    const GOOD: &str = "doc = \"encyclopedia-earlier\"\nstance = \"states\"\norigin = \"o\"\nquote = \"built on 34 hectares of farmland\"";

    #[test]
    fn a_verbatim_quote_is_located() {
        let s = parse_claims(&claim(GOOD), &docs()).unwrap();
        assert!(s.contains("Stance::States"), "{s}");
        assert!(s.contains("block: \"p"), "{s}");
    }

    #[test]
    fn a_quote_missing_from_its_document_fails() {
        let e = parse_claims(&claim(&GOOD.replace("34", "35")), &docs()).unwrap_err();
        assert!(e.contains("claims.toml: claim \"c\": quote not found verbatim in encyclopedia-earlier"), "{e}");
        // In the corpus, but not in the document named.
        let e = parse_claims(&claim(&GOOD.replace("encyclopedia-earlier", "lends-hope")), &docs()).unwrap_err();
        assert!(e.contains("quote not found verbatim in lends-hope"), "{e}");
    }

    #[test]
    fn an_unknown_document_topic_or_origin_fails() {
        let e = parse_claims(&claim(&GOOD.replace("encyclopedia-earlier", "blog")), &docs()).unwrap_err();
        assert!(e.contains("unknown document \"blog\""), "{e}");
        let e = parse_claims(&claim(GOOD).replace("topic = \"t\"\ntext", "topic = \"x\"\ntext"), &docs()).unwrap_err();
        assert!(e.contains("unknown topic \"x\""), "{e}");
        let e = parse_claims(&claim(&GOOD.replace("origin = \"o\"", "origin = \"p\"")), &docs()).unwrap_err();
        assert!(e.contains("unknown origin \"p\""), "{e}");
    }

    #[test]
    fn a_claim_with_no_origin_fails() {
        let e = parse_claims(&claim(&GOOD.replace("origin = \"o\"", "origin = \"\"")), &docs()).unwrap_err();
        assert!(e.contains("has no origin"), "{e}");
        // Only a denial: nobody is said to make the claim.
        let e = parse_claims(&claim(&GOOD.replace("states", "denial")), &docs()).unwrap_err();
        assert!(e.contains("a claim needs at least one origin"), "{e}");
        let e = parse_claims(&claim(&GOOD.replace("states", "believes")), &docs()).unwrap_err();
        assert!(e.contains("unknown stance"), "{e}");
    }

    #[test]
    fn a_retelling_finding_needs_its_passages() {
        let head = "[[retelling]]\nretold = \"lends-hope\"\nsource = \"source-of-hope\"\n[[retelling.change]]\nid = \"x\"\nfinding = \"F.\"\n";
        let quote = "retold_quote = \"Habibi pointed to the November Uprising as an example\"";
        assert!(parse_retelling(&format!("{head}kind = \"adds\"\n{quote}\n"), &docs()).is_ok());
        let e = parse_retelling(&format!("{head}kind = \"sharpens\"\n{quote}\n"), &docs()).unwrap_err();
        assert!(e.contains("give both passages"), "{e}");
        let e = parse_retelling(&format!("{head}kind = \"adds\"\n{}\n", quote.replace("Habibi", "Rajavi")), &docs())
            .unwrap_err();
        assert!(e.contains("retelling.toml: change \"x\": quote not found verbatim in lends-hope"), "{e}");
    }

    /// The raid's death as the earlier revision attributes it and as the later one states it.
    fn death(later: &str) -> String {
        let head = HEAD.replace("[[origin]]", "[[origin]]\nid = \"enc\"\nlabel = \"E\"\nkind = \"document\"\nvoice_of = [\"encyclopedia-earlier\", \"encyclopedia-later\"]\n[[origin]]");
        format!("{head}[[claim]]\nid = \"c\"\ntopic = \"t\"\ntext = \"A death.\"\n[[claim.source]]\ndoc = \"encyclopedia-earlier\"\nstance = \"allegation\"\norigin = \"o\"\nquote = \"left one dead and 36 other camp residents injured, MEK said\"\n[[claim.source]]\ndoc = \"encyclopedia-later\"\nstance = \"states\"\n{later}quote = \"The raid resulted in one death and 36 other camp residents being injured.\"\n[[claim.source]]\ndoc = \"encyclopedia-earlier\"\nstance = \"contradicts\"\norigin = \"enc\"\nquote = \"built on 34 hectares of farmland\"\n")
    }

    #[test]
    fn a_dropped_attribution_repeats_the_origin() {
        // The later revision's own voice, counted as a second origin: refused.
        let e = parse_claims(&death("origin = \"enc\"\n"), &docs()).unwrap_err();
        assert!(e.starts_with("claims.toml: claim \"c\": encyclopedia-later states in its own voice what encyclopedia-earlier attributes to \"o\""), "{e}");
        assert!(e.contains("write origin = \"o\" and restates = \"encyclopedia-earlier\""), "{e}");
        let e = parse_claims(&death("origin = \"enc\"\nrestates = \"encyclopedia-earlier\"\n"), &docs()).unwrap_err();
        assert!(
            e.contains(
                "restates encyclopedia-earlier without its attribution, so it repeats its origin: write origin = \"o\""
            ),
            "{e}"
        );
        let s = parse_claims(&death("origin = \"o\"\nrestates = \"encyclopedia-earlier\"\n"), &docs()).unwrap();
        assert!(s.contains("restates: Some(\"encyclopedia-earlier\")"), "{s}");
        // Only a retelling restates: the summary site does not retell the encyclopedia.
        let e = parse_claims(&death("origin = \"o\"\nrestates = \"lends-hope\"\n"), &docs()).unwrap_err();
        assert!(e.contains("does not make it a later revision, a summary or a quotation of it"), "{e}");
    }

    #[test]
    fn the_real_claims_pass_every_check() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let (src, _) = load(&data.join("claims.toml"), &data.join("retelling.toml"), &docs()).unwrap();
        assert!(src.contains("restates: Some(\"encyclopedia-earlier\")"));
    }

    #[test]
    fn several_origins_may_take_one_stance_but_one_origin_only_once() {
        let two = |origin: &str| {
            claim(&format!("{GOOD}\n[[claim.source]]\ndoc = \"encyclopedia-earlier\"\nstance = \"states\"\norigin = {origin:?}\nquote = \"15 miles west of Tirana\"\n"))
                .replace("[[claim]]", "[[origin]]\nid = \"p\"\nlabel = \"P\"\nkind = \"person\"\n[[claim]]")
        };
        let e = parse_claims(&two("o").replace("[[origin]]\nid = \"p\"", "[[origin]]\nid = \"unused\""), &docs())
            .unwrap_err();
        assert!(e.contains("claims.toml: claim \"c\": encyclopedia-earlier has two passages with the stance \"states\" from the origin \"o\""), "{e}");
        assert!(parse_claims(&two("p"), &docs()).is_ok());
    }

    #[test]
    fn a_retelling_is_a_pair_the_lineage_links() {
        let pair = |retold: &str, source: &str| {
            format!("[[retelling]]\nretold = {retold:?}\nsource = {source:?}\n[[retelling.change]]\nid = \"x\"\nkind = \"adds\"\nfinding = \"F.\"\nretold_quote = \"The raid resulted in one death\"\n")
        };
        let s = parse_retelling(&pair("encyclopedia-later", "encyclopedia-earlier"), &docs()).unwrap();
        assert!(s.contains("Retelling { retold: \"encyclopedia-later\", source: \"encyclopedia-earlier\""), "{s}");
        // The earlier revision does not retell the later one, nor the summary the encyclopedia.
        let e = parse_retelling(&pair("encyclopedia-earlier", "encyclopedia-later"), &docs()).unwrap_err();
        assert!(e.starts_with("retelling.toml: encyclopedia-earlier does not retell encyclopedia-later"), "{e}");
        let e = parse_retelling(&pair("lends-hope", "encyclopedia-earlier"), &docs()).unwrap_err();
        assert!(e.contains("lends-hope does not retell encyclopedia-earlier"), "{e}");
        let e = parse_retelling(
            &pair("encyclopedia-later", "encyclopedia-earlier").replace("adds", "unattributes"),
            &docs(),
        )
        .unwrap_err();
        assert!(e.contains("change \"x\": give both passages"), "{e}");
    }
}
