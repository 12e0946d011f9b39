//! Provenance metadata: complete, tied to the seeds, and claiming nothing the texts don't say.

use ashraf3_companion::analysis::figures::Date;
use ashraf3_companion::corpus::{self, document};

#[test]
fn five_documents_in_seed_order() {
    let seeds: Vec<&str> = corpus::documents().iter().map(|d| d.seed).collect();
    let mut sorted = seeds.clone();
    sorted.sort();
    assert_eq!(seeds, sorted);
    assert_eq!(corpus::documents().len(), 5);
}

#[test]
fn fields_are_filled() {
    for d in corpus::documents() {
        for (name, v) in [
            ("title", d.title),
            ("outlet", d.outlet),
            ("date", d.date),
            ("language", d.language),
            ("relation", d.relation),
            ("licence", d.licence),
        ] {
            assert!(!v.trim().is_empty(), "{}: {name} is empty", d.id);
        }
        assert!(d.word_count > 300, "{}: {} words", d.id, d.word_count);
    }
}

#[test]
fn no_invented_urls_or_dates() {
    for d in corpus::documents() {
        for v in [d.outlet, d.date, d.relation, d.licence] {
            assert!(!v.contains("http") && !v.contains("www."), "{}: a URL in metadata: {v}", d.id);
        }
        // A full date is only given where the text states it.
        if let Some(iso) = d.date_iso {
            // "6 July 2020": every part of the stated date is in the text.
            let label = Date::parse(iso).unwrap_or_else(|| panic!("{}: bad date_iso {iso}", d.id)).label();
            let parts: Vec<&str> = label.split(' ').collect();
            let (day, month, y) = (parts[0], parts[1], parts[2]);
            assert!(
                d.original.contains(y) && d.original.contains(month) && d.original.contains(day),
                "{}: {iso} not in text",
                d.id
            );
        } else {
            assert!(
                d.date.starts_with("Not stated"),
                "{}: date {:?} without date_iso must say it is not stated",
                d.id,
                d.date
            );
        }
    }
}

#[test]
fn licence_is_stated_where_the_text_states_it() {
    let earlier = document("encyclopedia-earlier").unwrap();
    assert!(earlier.original.contains("CC-BY-SA") && earlier.licence.starts_with("CC BY-SA"));
    for d in corpus::documents().iter().filter(|d| !d.original.contains("CC-BY-SA")) {
        assert!(d.licence.starts_with("Not stated"), "{}: {}", d.id, d.licence);
    }
}

#[test]
fn relations_point_both_ways() {
    for d in corpus::documents() {
        for r in d.related {
            let other = document(r.target).unwrap();
            assert!(other.related.iter().any(|b| b.target == d.id), "{} -> {} has no way back", d.id, r.target);
        }
    }
    let summary = document("lends-hope").unwrap();
    assert!(summary.related.iter().any(|r| r.kind == "summarizes" && r.target == "source-of-hope"));
}

#[test]
fn relation_labels_describe_not_judge() {
    for d in corpus::documents() {
        let r = d.relation.to_lowercase();
        for word in ["propaganda", "unreliable", "reliable", "biased", "fake", "terrorist"] {
            assert!(!r.contains(word), "{}: relation label {:?} passes a verdict", d.id, d.relation);
        }
    }
}
