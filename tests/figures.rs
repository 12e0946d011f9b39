//! Figures against the real corpus: every quote and number is where the data says, and the
//! spread summaries say what a student should see.

use ashraf3_companion::analysis::figures::{spread, summary_line, Value};
use ashraf3_companion::corpus::{document, figures_of, quantity, FIGURES, QUANTITIES};

#[test]
fn every_quote_and_number_is_in_its_passage() {
    for f in FIGURES {
        let doc = document(f.doc).unwrap_or_else(|| panic!("{}: no document {}", f.id, f.doc));
        let block = doc.block(f.block).unwrap_or_else(|| panic!("{}: no block {}", f.id, f.block));
        assert_eq!(&block.text[f.quote_range.0 as usize..f.quote_range.1 as usize], f.quote, "{}", f.id);
        assert_eq!(&block.text[f.number_range.0 as usize..f.number_range.1 as usize], f.number, "{}", f.id);
        assert!(f.quote_range.0 <= f.number_range.0 && f.number_range.1 <= f.quote_range.1, "{}", f.id);
        // Independent of the build step: the quote is verbatim in the cleaned text.
        assert!(doc.blocks.iter().any(|b| b.text.contains(f.quote)), "{}", f.id);
    }
}

#[test]
fn the_quantities_the_unit_asks_for_are_covered() {
    for id in [
        "residents",
        "build-time",
        "conference-date",
        "conference-countries",
        "transfer",
        "iraq-killed",
        "iraq-injured",
        "raid-dead",
        "raid-injured-residents",
        "raid-injured-officers",
        "builders",
        "raid-devices",
        "raid-buildings",
        "area",
        "stipend",
        "troll-farm",
        "liberty-missiles",
        "liberty-injured",
    ] {
        let (q, _) = quantity(id).unwrap_or_else(|| panic!("no quantity {id}"));
        assert!(!figures_of(q).is_empty(), "{id}");
    }
}

fn title(doc: &str) -> String {
    document(doc).unwrap().short_title.to_string()
}

#[test]
fn residents_spread_from_200_to_3000() {
    let (q, quantity) = quantity("residents").unwrap();
    let figs = figures_of(q);
    let s = spread(&figs);
    assert_eq!(figs[s.lowest[0]].value, Value::Number(200.0));
    assert_eq!(figs[s.highest[0]].value, Value::Number(3000.0));
    assert_eq!(s.ratio, Some(15.0));
    let line = summary_line(quantity, &figs, &title);
    assert!(
        line.starts_with("Lowest only 200 people (Encyclopedia, earlier revision), highest about 3,000 people"),
        "{line}"
    );
    assert!(line.contains("15 times the lowest"), "{line}");
}

#[test]
fn other_spreads_read_right() {
    let line = |id: &str| {
        let (q, quantity) = quantity(id).unwrap();
        summary_line(quantity, &figures_of(q), &title)
    };
    assert!(line("area").starts_with("All figures agree on 34 hectares"), "{}", line("area"));
    assert!(
        line("build-time").contains("Lowest 18 months") && line("build-time").contains("highest 20 months"),
        "{}",
        line("build-time")
    );
    assert!(line("transfer").contains("Earliest 2013") && line("transfer").contains("apart"), "{}", line("transfer"));
    assert!(
        line("iraq-killed").contains("nearly 50") && line("iraq-killed").contains("116"),
        "{}",
        line("iraq-killed")
    );
    assert!(line("raid-injured-residents").contains("Lowest 21"), "{}", line("raid-injured-residents"));
    assert!(line("conference-countries").contains("2 state 47 countries"), "{}", line("conference-countries"));
}

#[test]
fn every_quantity_has_figures_and_a_line() {
    for (i, q) in QUANTITIES.iter().enumerate() {
        let figs = figures_of(i as u16);
        assert!(!figs.is_empty(), "{}", q.id);
        assert!(!summary_line(q, &figs, &title).is_empty());
    }
}
