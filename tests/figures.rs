//! Figures against the real corpus: every quote and number is where the data says, and the
//! spread summaries say what a student should see.

use ashraf3_companion::analysis::figures::{
    comparable, group, origins, spread, summary_line, value_text, FigureKind, Value,
};
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
fn residents_compare_counts_only_and_count_origins_not_documents() {
    let (q, quantity) = quantity("residents").unwrap();
    let figs = figures_of(q);
    let counts = comparable(&figs);
    assert!(counts.iter().all(|f| f.kind == FigureKind::Count));
    assert_eq!(counts.len(), figs.len() - 1, "only the journalist's 200 seen is left out");
    let s = spread(&counts);
    assert_eq!(counts[s.lowest[0]].value, Value::Number(2300.0));
    assert_eq!(counts[s.highest[0]].value, Value::Number(3000.0));
    assert_eq!(origins(&counts), 4, "the Guardian, Kingsley, the PMOI/MEK article, AP");
    let line = summary_line(quantity, &figs, &title);
    assert!(line.starts_with("Lowest about 2,300 people"), "{line}");
    assert!(line.contains("the highest is 1.3 times the lowest"), "{line}");
    assert!(!line.contains("15 times"), "a count is never divided by an observation: {line}");
    assert!(line.contains("5 state about 3,000 people") && line.contains("(2 independent origins)"), "{line}");
    assert!(line.contains("2 state about 2,300 people") && line.contains("(1 independent origin)"), "{line}");
    assert!(line.contains("Not compared with these, being an observation: only 200 people"), "{line}");
}

#[test]
fn wording_reads_naturally() {
    let text = |id: &str, fig: &str| {
        let (q, quantity) = quantity(id).unwrap();
        let f = figures_of(q).into_iter().find(|f| f.id == fig).unwrap();
        value_text(f, quantity)
    };
    assert_eq!(text("raid-dead", "raid-dead-mek-earlier"), "1 person");
    assert_eq!(text("conference-dignitaries", "conference-dignitaries-pmoi"), "hundreds of people");
    assert_eq!(text("transfer", "transfer-home-september"), "no later than September 2016");
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

/// A dispute stays open in the summary: every value a source states is in it, the lone
/// ones between the extremes too.
#[test]
fn every_compared_value_is_in_its_summary() {
    for (i, q) in QUANTITIES.iter().enumerate() {
        let figs = figures_of(i as u16);
        let line = summary_line(q, &figs, &title);
        for f in comparable(&figs) {
            if let Value::Number(n) = f.value {
                assert!(line.contains(&group(n)), "{}: {} missing from {line}", q.id, value_text(f, q));
            }
        }
    }
    let (q, quantity) = quantity("residents").unwrap();
    let line = summary_line(quantity, &figures_of(q), &title);
    assert!(line.contains("Also stated: 2,500 people (Encyclopedia, earlier revision)."), "{line}");
}

#[test]
fn every_quantity_has_figures_and_a_line() {
    for (i, q) in QUANTITIES.iter().enumerate() {
        let figs = figures_of(i as u16);
        assert!(!figs.is_empty(), "{}", q.id);
        assert!(!summary_line(q, &figs, &title).is_empty());
    }
}
