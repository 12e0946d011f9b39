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
