//! Claims against sources: how each document treats a claim that is not a number, who
//! originally makes it, and what the summary site changed in its retelling. The data is
//! curated (`claims.toml`, `retelling.toml`) and checked at build time; this module holds its
//! shapes and the counting rules, so that the grid, a claim's page and the reader agree on
//! them: a statement several documents repeat from one origin counts once. Retellings are
//! any pair the lineage links (the summary and its article, the later revision and the
//! earlier one).

use super::distinct;

/// How one document treats a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    /// Asserts it in its own voice, or presents it as fact.
    States,
    /// Reports it as someone's allegation.
    Allegation,
    /// Reports someone's denial of it.
    Denial,
    /// Says, or quotes someone saying, the opposite.
    Contradicts,
}

impl Stance {
    pub const ALL: [Stance; 4] = [Stance::States, Stance::Allegation, Stance::Denial, Stance::Contradicts];

    pub fn parse(s: &str) -> Option<Stance> {
        Some(match s {
            "states" => Stance::States,
            "allegation" => Stance::Allegation,
            "denial" => Stance::Denial,
            "contradicts" => Stance::Contradicts,
            _ => return None,
        })
    }

    /// The word the grid shows: status is always written, never colour alone.
    pub fn label(self) -> &'static str {
        match self {
            Stance::States => "States it",
            Stance::Allegation => "Reports an allegation",
            Stance::Denial => "Reports a denial",
            Stance::Contradicts => "Contradicts it",
        }
    }

    /// A class name for the cell's style (the label carries the meaning).
    pub fn class(self) -> &'static str {
        match self {
            Stance::States => "stance-states",
            Stance::Allegation => "stance-allegation",
            Stance::Denial => "stance-denial",
            Stance::Contradicts => "stance-contradicts",
        }
    }

    /// A denial or a contradiction: the claim is contested in this document.
    pub fn disputes(self) -> bool {
        matches!(self, Stance::Denial | Stance::Contradicts)
    }
}

#[derive(Debug)]
pub struct Topic {
    pub id: &'static str,
    pub label: &'static str,
}

/// Who originally makes a statement: an outlet, a person, a report, an organization.
#[derive(Debug)]
pub struct Origin {
    pub id: &'static str,
    pub label: &'static str,
    pub kind: &'static str,
    pub note: &'static str,
    /// The documents that speak in this origin's own voice (its own publications).
    pub voice_of: &'static [&'static str],
}

/// A verbatim passage of a document, located at build time.
#[derive(Debug)]
pub struct Passage {
    pub doc: &'static str,
    pub quote: &'static str,
    pub block: &'static str,
    /// Byte range of the quote in the block's text.
    pub range: (u32, u32),
}

/// One document's treatment of a claim, with the passage behind it.
#[derive(Debug)]
pub struct Source {
    pub stance: Stance,
    /// Index into `ORIGINS`.
    pub origin: u16,
    pub passage: Passage,
    /// The document this one retells, whose passage attributes the statement to its origin
    /// where this one drops the attribution.
    pub restates: Option<&'static str>,
}

#[derive(Debug)]
pub struct Claim {
    pub id: &'static str,
    /// Index into `TOPICS`.
    pub topic: u16,
    pub text: &'static str,
    pub note: &'static str,
    pub sources: &'static [Source],
}

impl Claim {
    /// What `doc` says about the claim, in data order (empty: silent).
    pub fn cell(&self, doc: &str) -> Vec<&'static Source> {
        self.sources.iter().filter(|s| s.passage.doc == doc).collect()
    }

    /// Documents that treat the claim at all.
    pub fn documents(&self) -> usize {
        distinct(self.sources.iter().map(|s| s.passage.doc))
    }

    /// Independent origins behind the claim (states or alleges it): one origin repeated by
    /// several documents, or twice in one, is one.
    pub fn origins(&self) -> usize {
        distinct(self.sources.iter().filter(|s| !s.stance.disputes()).map(|s| s.origin))
    }

    /// Documents that deny or contradict the claim.
    pub fn disputed_by(&self) -> usize {
        distinct(self.sources.iter().filter(|s| s.stance.disputes()).map(|s| s.passage.doc))
    }

    /// Independent origins of the denials and contradictions.
    pub fn dispute_origins(&self) -> usize {
        distinct(self.sources.iter().filter(|s| s.stance.disputes()).map(|s| s.origin))
    }

    /// Origins in first-mention order, each with the documents it reaches the corpus through.
    pub fn origin_paths(&self) -> Vec<(u16, Vec<&'static str>)> {
        let mut out: Vec<(u16, Vec<&'static str>)> = Vec::new();
        for s in self.sources {
            match out.iter_mut().find(|(o, _)| *o == s.origin) {
                Some((_, docs)) if !docs.contains(&s.passage.doc) => docs.push(s.passage.doc),
                Some(_) => {}
                None => out.push((s.origin, vec![s.passage.doc])),
            }
        }
        out
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 documents, 1 independent origin; denied or contradicted in 1 document (1 origin)".
pub fn summary(c: &Claim) -> String {
    let mut s = format!(
        "{}, {}",
        plural(c.documents(), "document", "documents"),
        plural(c.origins(), "independent origin", "independent origins")
    );
    match c.disputed_by() {
        0 => s.push_str("; no document denies or contradicts it"),
        n => s.push_str(&format!(
            "; denied or contradicted in {} ({})",
            plural(n, "document", "documents"),
            plural(c.dispute_origins(), "origin", "origins")
        )),
    }
    s
}

/// How the grid is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// The data file's order, grouped by topic.
    #[default]
    Topic,
    /// Most contested first: documents that deny or contradict, then their origins.
    Contested,
    /// Most independent origins first.
    Origins,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Topic, Sort::Contested, Sort::Origins];

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.key() == s)
    }

    /// The URL value (`sort=contested`).
    pub fn key(self) -> &'static str {
        match self {
            Sort::Topic => "topic",
            Sort::Contested => "contested",
            Sort::Origins => "origins",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Topic => "By topic",
            Sort::Contested => "Most contested first",
            Sort::Origins => "Most independent origins first",
        }
    }
}

/// Which claims the grid shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub topic: Option<String>,
    /// Only claims this document treats.
    pub doc: Option<String>,
    pub sort: Sort,
}

/// The claims `filter` selects, in its order. Unknown topic or document ids select nothing
/// (the page says so).
pub fn select<'a>(claims: &'a [Claim], topics: &[Topic], filter: &Filter) -> Vec<&'a Claim> {
    let topic = filter.topic.as_deref().map(|t| topics.iter().position(|x| x.id == t));
    let mut out: Vec<&Claim> = claims
        .iter()
        .filter(|c| match topic {
            None => true,
            Some(Some(i)) => c.topic as usize == i,
            Some(None) => false,
        })
        .filter(|c| filter.doc.as_deref().is_none_or(|d| !c.cell(d).is_empty()))
        .collect();
    // Stable sorts: ties keep the data file's order.
    match filter.sort {
        Sort::Topic => out.sort_by_key(|c| c.topic),
        Sort::Contested => out.sort_by_key(|c| std::cmp::Reverse((c.disputed_by(), c.dispute_origins()))),
        Sort::Origins => out.sort_by_key(|c| std::cmp::Reverse(c.origins())),
    }
    out
}

/// One passage a claim rests on, without the rest of the claim's data (quotes, stances,
/// origins): what the reader marks and lists. The build derives them from the claims
/// ([`marks`]), so the reader's wasm module carries these and not every claim's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimMark {
    /// The claim's id and text.
    pub claim: &'static str,
    pub text: &'static str,
    pub doc: &'static str,
    pub block: &'static str,
    /// Byte range of the passage in the block's text.
    pub range: (u32, u32),
}

/// How many passages `claims` rest on: the length of their [`marks`].
pub const fn mark_count(claims: &[Claim]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < claims.len() {
        n += claims[i].sources.len();
        i += 1;
    }
    n
}

/// Every passage of `claims`, claim by claim in data order, each claim's in its sources'
/// order; `N` is their [`mark_count`]. A `const fn`, so the build computes them.
pub const fn marks<const N: usize>(claims: &[Claim]) -> [ClaimMark; N] {
    let mut out = [ClaimMark { claim: "", text: "", doc: "", block: "", range: (0, 0) }; N];
    let (mut at, mut c) = (0, 0);
    while c < claims.len() {
        let claim = &claims[c];
        let mut s = 0;
        while s < claim.sources.len() {
            let p = &claim.sources[s].passage;
            out[at] = ClaimMark { claim: claim.id, text: claim.text, doc: p.doc, block: p.block, range: p.range };
            at += 1;
            s += 1;
        }
        c += 1;
    }
    assert!(at == N, "N must be the claims' mark_count");
    out
}

/// The marks of the claim with this id (contiguous, as [`marks`] lists them; never empty), if
/// any.
pub fn claim_marks<'a>(marks: &'a [ClaimMark], id: &str) -> Option<&'a [ClaimMark]> {
    let start = marks.iter().position(|m| m.claim == id)?;
    let len = marks[start..].iter().take_while(|m| m.claim == id).count();
    Some(&marks[start..start + len])
}

/// The claims (id and text) with a passage in `block` of `doc`, each once, in data order: the
/// reader's links back to the grid.
pub fn in_block(marks: &[ClaimMark], doc: &str, block: &str) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for m in marks.iter().filter(|m| m.doc == doc && m.block == block) {
        if out.last().is_none_or(|(id, _)| *id != m.claim) {
            out.push((m.claim, m.text));
        }
    }
    out
}

/// What kind of change the retelling makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Adds,
    Drops,
    Sharpens,
    Misattributes,
    Inserts,
    /// States another fact or figure than its source.
    Changes,
    /// States in its own voice what its source attributes to someone.
    Unattributes,
    /// Names a source differently.
    Renames,
}

impl ChangeKind {
    pub fn parse(s: &str) -> Option<ChangeKind> {
        Some(match s {
            "adds" => ChangeKind::Adds,
            "drops" => ChangeKind::Drops,
            "sharpens" => ChangeKind::Sharpens,
            "misattributes" => ChangeKind::Misattributes,
            "inserts" => ChangeKind::Inserts,
            "changes" => ChangeKind::Changes,
            "unattributes" => ChangeKind::Unattributes,
            "renames" => ChangeKind::Renames,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Adds => "Adds",
            ChangeKind::Drops => "Drops",
            ChangeKind::Sharpens => "Sharpens",
            ChangeKind::Misattributes => "Attributes differently",
            ChangeKind::Inserts => "Inserts words into a quotation",
            ChangeKind::Changes => "Changes a fact or a figure",
            ChangeKind::Unattributes => "Drops an attribution",
            ChangeKind::Renames => "Names a source differently",
        }
    }
}

/// One place where a retelling differs from its source, with both passages where they exist.
#[derive(Debug)]
pub struct Change {
    pub id: &'static str,
    pub kind: ChangeKind,
    pub finding: &'static str,
    pub source: Option<Passage>,
    pub retold: Option<Passage>,
}

/// What one document changed from another it retells (a summary from its article, a later
/// revision from the earlier one), each change with both passages where they exist.
#[derive(Debug)]
pub struct Retelling {
    /// The document that retells, and the one it retells.
    pub retold: &'static str,
    pub source: &'static str,
    pub changes: &'static [Change],
}

/// The retelling between two documents, in either order.
pub fn retelling_between<'a>(all: &'a [Retelling], a: &str, b: &str) -> Option<&'a Retelling> {
    all.iter().find(|r| (r.retold, r.source) == (a, b) || (r.retold, r.source) == (b, a))
}

/// An edge of the lineage diagram: `from` relates to `to` as `kind` says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub from: &'static str,
    pub kind: &'static str,
    pub to: &'static str,
    pub note: String,
}

/// Outside origins each document cites (through the claims it carries), in first-mention
/// order: the origins that are not the document's own voice. A passage that restates an
/// origin without naming it (a dropped attribution) cites nobody.
pub fn cited_origins(claims: &[Claim], origins: &[Origin], doc: &str) -> Vec<u16> {
    let mut out = Vec::new();
    for s in claims.iter().flat_map(|c| c.sources) {
        let o = &origins[s.origin as usize];
        let cites = s.restates.is_none() && !o.voice_of.contains(&doc);
        if s.passage.doc == doc && cites && !out.contains(&s.origin) {
            out.push(s.origin);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn src(doc: &'static str, stance: Stance, origin: u16) -> Source {
        Source { stance, origin, passage: Passage { doc, quote: "q", block: "p1", range: (0, 1) }, restates: None }
    }

    static REPEATED: &[Source] = &[
        src("source-of-hope", Stance::States, 0),
        src("lends-hope", Stance::States, 0),
        src("lends-hope", Stance::States, 0),
        src("encyclopedia-later", Stance::Allegation, 1),
        src("encyclopedia-later", Stance::Denial, 0),
        src("encyclopedia-earlier", Stance::Contradicts, 2),
    ];
    static CLAIMS: &[Claim] = &[
        Claim { id: "a", topic: 1, text: "A", note: "", sources: REPEATED },
        Claim { id: "b", topic: 0, text: "B", note: "", sources: &[] },
    ];
    static TOPICS: &[Topic] = &[Topic { id: "t0", label: "T0" }, Topic { id: "t1", label: "T1" }];

    #[test]
    fn one_origin_through_several_documents_counts_once() {
        let c = &CLAIMS[0];
        assert_eq!(c.documents(), 4);
        assert_eq!(c.origins(), 2, "origin 0 via two documents, origin 1 once");
        assert_eq!(c.disputed_by(), 2);
        assert_eq!(c.dispute_origins(), 2);
        assert_eq!(summary(c), "4 documents, 2 independent origins; denied or contradicted in 2 documents (2 origins)");
        let paths = c.origin_paths();
        assert_eq!(paths[0], (0, vec!["source-of-hope", "lends-hope", "encyclopedia-later"]));
    }

    #[test]
    fn filters_and_sorts() {
        let all = select(CLAIMS, TOPICS, &Filter::default());
        assert_eq!(all.iter().map(|c| c.id).collect::<Vec<_>>(), ["b", "a"], "grouped by topic");
        let f = Filter { doc: Some("lends-hope".into()), ..Filter::default() };
        assert_eq!(select(CLAIMS, TOPICS, &f).len(), 1);
        let f = Filter { topic: Some("nope".into()), ..Filter::default() };
        assert!(select(CLAIMS, TOPICS, &f).is_empty());
        let f = Filter { sort: Sort::Contested, ..Filter::default() };
        assert_eq!(select(CLAIMS, TOPICS, &f)[0].id, "a");
        assert_eq!(Sort::parse("contested"), Some(Sort::Contested));
        assert_eq!(Sort::parse("x"), None);
    }

    #[test]
    fn a_retelling_is_found_in_either_order() {
        static ALL: &[Retelling] = &[Retelling { retold: "later", source: "earlier", changes: &[] }];
        assert_eq!(retelling_between(ALL, "earlier", "later").map(|r| r.retold), Some("later"));
        assert_eq!(retelling_between(ALL, "later", "earlier").map(|r| r.source), Some("earlier"));
        assert!(retelling_between(ALL, "later", "other").is_none());
    }

    #[test]
    fn a_document_citing_someone_else_names_that_origin() {
        let origins = [
            Origin { id: "mek", label: "MEK", kind: "organization", note: "", voice_of: &["source-of-hope"] },
            Origin { id: "nyt", label: "NYT", kind: "outlet", note: "", voice_of: &[] },
            Origin { id: "x", label: "X", kind: "person", note: "", voice_of: &[] },
        ];
        assert!(cited_origins(CLAIMS, &origins, "source-of-hope").is_empty());
        assert_eq!(cited_origins(CLAIMS, &origins, "lends-hope"), [0]);
        assert_eq!(cited_origins(CLAIMS, &origins, "encyclopedia-later"), [1, 0]);
        // Restating the origin without its attribution is not citing it.
        static DROPPED: &[Source] =
            &[Source { restates: Some("encyclopedia-earlier"), ..src("encyclopedia-later", Stance::States, 2) }];
        let dropped = [Claim { id: "d", topic: 0, text: "D", note: "", sources: DROPPED }];
        assert!(cited_origins(&dropped, &origins, "encyclopedia-later").is_empty());
    }
}
