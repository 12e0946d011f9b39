//! Claims against the real corpus: one origin repeated by several documents, or restated by a
//! revision that drops its attribution, counts once.

use ashraf3_companion::analysis::claims::summary;
use ashraf3_companion::corpus::{claim, ORIGINS};

#[test]
fn the_raid_death_has_one_origin_and_the_later_revision_drops_its_attribution() {
    let c = claim("raid-death").unwrap();
    assert_eq!(c.origins(), 1, "the later revision restates the MEK's statement");
    assert!(summary(c).starts_with("2 documents, 1 independent origin"), "{}", summary(c));
    let later = c.cell("encyclopedia-later");
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].restates, Some("encyclopedia-earlier"));
    assert_eq!(ORIGINS[later[0].origin as usize].id, "mek");
}

/// Issue 29: the later revision's changes from the earlier one are data like the summary's,
/// each with both passages where both texts have one.
#[test]
fn the_later_revision_changes_are_listed_with_both_passages() {
    use ashraf3_companion::analysis::claims::{retelling_between, ChangeKind};
    use ashraf3_companion::corpus::RETELLINGS;
    let r = retelling_between(RETELLINGS, "encyclopedia-earlier", "encyclopedia-later").unwrap();
    assert_eq!((r.retold, r.source), ("encyclopedia-later", "encyclopedia-earlier"));
    let toll = r.changes.iter().find(|c| c.id == "raid-toll-unattributed").unwrap();
    assert_eq!(toll.kind, ChangeKind::Unattributes);
    assert!(toll.source.as_ref().unwrap().quote.ends_with("MEK said"));
    assert_eq!(toll.retold.as_ref().unwrap().doc, "encyclopedia-later");
    for kind in [ChangeKind::Adds, ChangeKind::Drops, ChangeKind::Changes, ChangeKind::Renames] {
        assert!(r.changes.iter().any(|c| c.kind == kind), "{kind:?}");
    }
    assert!(retelling_between(RETELLINGS, "lends-hope", "source-of-hope").is_some());
    assert!(retelling_between(RETELLINGS, "lends-hope", "encyclopedia-later").is_none());
}

/// The reader's module carries the claims' marks, not the claims: the marks must be exactly
/// every claim's passages, so the reader marks and lists what the grid counts.
#[test]
fn the_claims_marks_are_every_claims_passages_in_order() {
    use ashraf3_companion::analysis::claims::{claim_marks, in_block};
    use ashraf3_companion::corpus::{documents, CLAIMS, CLAIM_MARKS};
    let mut marks = CLAIM_MARKS.iter();
    for c in CLAIMS {
        assert!(!c.sources.is_empty(), "{}: the reader names a claim by its marks, so it needs one", c.id);
        for s in c.sources {
            let m = marks.next().unwrap_or_else(|| panic!("{}: fewer marks than passages", c.id));
            assert_eq!((m.claim, m.text), (c.id, c.text));
            assert_eq!((m.doc, m.block, m.range), (s.passage.doc, s.passage.block, s.passage.range), "{}", c.id);
        }
        assert_eq!(claim_marks(&CLAIM_MARKS, c.id).map(<[_]>::len), Some(c.sources.len()), "{}", c.id);
    }
    assert!(marks.next().is_none(), "more marks than passages");
    assert!(claim_marks(&CLAIM_MARKS, "no-such-claim").is_none());
    // Each passage lists the claims it bears on once, in the grid's order.
    for d in documents() {
        for b in d.blocks {
            let expected: Vec<_> = CLAIMS
                .iter()
                .filter(|c| c.sources.iter().any(|s| s.passage.doc == d.id && s.passage.block == b.id))
                .map(|c| (c.id, c.text))
                .collect();
            assert_eq!(in_block(&CLAIM_MARKS, d.id, b.id), expected, "{} {}", d.id, b.id);
        }
    }
}
