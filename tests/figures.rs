//! Figures against the real corpus: every quote and number is where the data says, and the
//! spread summaries say what a student should see.

use ashraf3_companion::analysis::figures::{
    comparable, group, origins, spread, stated_spread, summary_lines, value_text, FigureKind, Value,
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

/// The summary lines of a quantity on the real corpus.
fn lines(id: &str) -> Vec<String> {
    let (q, quantity) = quantity(id).unwrap();
    summary_lines(quantity, &figures_of(q), &title)
}

#[test]
fn residents_compare_counts_only_and_count_origins_not_documents() {
    let (q, _) = quantity("residents").unwrap();
    let figs = figures_of(q);
    let counts = comparable(&figs);
    assert!(counts.iter().all(|f| f.kind == FigureKind::Count));
    assert_eq!(counts.len(), figs.len() - 2, "the 200 the journalist saw and the 2,500 he “knew” are left out");
    let s = spread(&counts);
    assert_eq!(counts[s.lowest[0]].value, Value::Number(2300.0));
    assert_eq!(counts[s.highest[0]].value, Value::Number(3000.0));
    assert_eq!(origins(&counts), 3, "the Guardian, the PMOI/MEK article, AP");
    let l = lines("residents");
    assert_eq!(l[0], "Lowest: about 2,300 people (Encyclopedia, earlier revision); approximately 2,300 people (Encyclopedia, later revision).");
    // Grouped by value and qualifier: the AP report and the summary state a bare 3,000.
    assert_eq!(l[1], "Highest: about 3,000 people (Source of hope (PMOI/MEK)); 3,000 people (Lends hope (summary); Encyclopedia, earlier revision; Encyclopedia, later revision): 1.3 times the lowest.");
    assert!(!l.iter().any(|l| l.contains("15 times")), "a count is never divided by an observation: {l:?}");
    assert!(l.contains(&"Behind these 7 figures: 3 independent origins.".to_string()), "{l:?}");
    assert!(
        l.contains(
            &"One origin, AP News (2022), through Encyclopedia, earlier revision; Encyclopedia, later revision."
                .to_string()
        ),
        "{l:?}"
    );
    assert_eq!(
        l.last().unwrap(),
        "Not compared: only 200 people, an observation and 2,500 people, an estimate (Encyclopedia, earlier revision)."
    );
}

/// Issue 29: the later revision's 36 injured and its one death are the MEK's figures with
/// "MEK said" dropped: one independent origin, and the page says the attribution was dropped.
#[test]
fn a_dropped_attribution_is_the_same_origin() {
    for id in ["raid-injured-residents", "raid-dead"] {
        let (q, _) = quantity(id).unwrap();
        let figs = figures_of(q);
        let mek: Vec<_> = figs
            .iter()
            .copied()
            .filter(|f| f.value == Value::Number(if id == "raid-dead" { 1.0 } else { 36.0 }))
            .collect();
        assert_eq!(origins(&mek), 1, "{id}");
        assert!(figs.iter().filter(|f| f.doc == "encyclopedia-later").all(|f| f.restates.is_some()), "{id}");
    }
    let l = lines("raid-injured-residents");
    assert!(l.contains(&"Behind these 3 figures: 2 independent origins.".to_string()), "the MEK and Fox News: {l:?}");
    assert!(l.contains(&"Attribution dropped: Encyclopedia, later revision states 36 people with no source; Encyclopedia, earlier revision attributes it to The MEK (its statements after the raid).".to_string()), "{l:?}");
    let l = lines("raid-dead");
    assert!(l.contains(&"Behind these 4 figures: 1 independent origin.".to_string()), "{l:?}");
    assert_eq!(
        l.iter().filter(|l| l.starts_with("Attribution dropped: Encyclopedia, later revision states")).count(),
        1,
        "{l:?}"
    );
}

/// Issue 29: no ratio across figures the data does not mark comparable, and no vague
/// quantity turned into a number.
#[test]
fn no_ratio_across_unlike_figures_or_words() {
    for id in [
        "iraq-killed",
        "iraq-injured",
        "conference-dignitaries",
        "conference-countries",
        "conference-date",
        "raid-police",
    ] {
        let (q, quantity) = quantity(id).unwrap();
        let figs = figures_of(q);
        assert!(stated_spread(quantity, &figs).is_none_or(|s| s.distinct == 1), "{id}");
        let l = lines(id);
        assert!(!l.iter().any(|l| l.contains("times the lowest") || l.starts_with("Lowest")), "{id}: {l:?}");
    }
    assert_eq!(
        lines("iraq-killed")[1],
        "No spread or ratio: the data does not mark these figures as comparable (see the note)."
    );
    for f in figures_of(quantity("conference-dignitaries").unwrap().0)
        .into_iter()
        .chain(figures_of(quantity("raid-police").unwrap().0))
    {
        if f.qualifier == "hundreds of" {
            assert_eq!(f.value, Value::Words, "{}", f.id);
        }
    }
    assert!(lines("conference-dignitaries").last().unwrap().starts_with(
        "Not compared: hundreds of people, in words, not a number (Source of hope (PMOI/MEK); Lends hope (summary))"
    ));
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
    assert_eq!(
        lines("area")[0],
        "All figures agree: 34 hectares (Encyclopedia, earlier revision; Encyclopedia, later revision)."
    );
    assert_eq!(
        lines("build-time")[..2],
        [
            "Lowest: 18 months (Home to MEK (supporting site)).",
            "Highest: 20 months (Lends hope (summary)): 1.1 times the lowest."
        ]
    );
    assert_eq!(
        lines("transfer")[1],
        "Latest: no later than September 2016 (Home to MEK (supporting site)): about 3 years apart."
    );
    assert!(lines("iraq-killed")[0].contains("nearly 50") && lines("iraq-killed")[0].contains("116"));
    assert!(lines("raid-injured-residents")[0].starts_with("Lowest: 21"));
    assert!(lines("conference-countries")[0].starts_with("Stated: 47 countries and 50 countries (Home to MEK (supporting site)); 47 countries (Source of hope (PMOI/MEK))"));
}

/// A dispute stays open in the summary: every value a source states is in it, the lone
/// ones between the extremes too; and no line names a document twice.
#[test]
fn every_value_is_in_its_summary_and_each_line_names_a_document_once() {
    for (i, q) in QUANTITIES.iter().enumerate() {
        let figs = figures_of(i as u16);
        let text = summary_lines(q, &figs, &title).join(" ");
        for f in &figs {
            if let Value::Number(n) = f.value {
                assert!(text.contains(&group(n)), "{}: {} missing from {text}", q.id, value_text(f, q));
            }
        }
        for line in summary_lines(q, &figs, &title) {
            for d in ashraf3_companion::corpus::documents() {
                let named = line.matches(&format!("{};", d.short_title)).count()
                    + line.matches(&format!("{})", d.short_title)).count();
                assert!(named <= 1, "{}: {} named {named} times in {line}", q.id, d.short_title);
            }
        }
    }
    assert!(lines("residents").contains(&"Not compared: only 200 people, an observation and 2,500 people, an estimate (Encyclopedia, earlier revision).".to_string()));
}

#[test]
fn every_quantity_has_figures_and_a_line() {
    for (i, q) in QUANTITIES.iter().enumerate() {
        let figs = figures_of(i as u16);
        assert!(!figs.is_empty(), "{}", q.id);
        assert!(!summary_lines(q, &figs, &title).is_empty());
    }
}

/// The reader's module carries the figures' marks, not the figures: one per figure, in the
/// same order (a block's numbers name a figure by its position), with its quantity.
#[test]
fn the_figures_marks_are_the_figures_in_order() {
    use ashraf3_companion::corpus::FIGURE_MARKS;
    assert_eq!(FIGURE_MARKS.len(), FIGURES.len());
    for (m, f) in FIGURE_MARKS.iter().zip(FIGURES) {
        let q = &QUANTITIES[f.quantity as usize];
        assert_eq!((m.id, m.number, m.doc, m.block), (f.id, f.number, f.doc, f.block));
        assert_eq!((m.quote_range, m.number_range), (f.quote_range, f.number_range), "{}", f.id);
        assert_eq!((m.quantity, m.label), (q.id, q.label), "{}", f.id);
    }
}
