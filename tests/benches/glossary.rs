//! Time to mark glossary terms in 1 MB of text, against folding the same text alone (the
//! floor any case- and diacritic-insensitive matcher pays). Prints figures only.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ashraf3_companion::analysis::fold::fold_with_offsets;
use ashraf3_companion::analysis::glossary::Matcher;
use ashraf3_companion::corpus::{self, GLOSSARY};

fn median(f: impl Fn() -> Duration, runs: usize) -> Duration {
    let mut t: Vec<Duration> = (0..runs).map(|_| f()).collect();
    t.sort();
    t[runs / 2]
}

fn main() {
    let names: Vec<(Vec<String>, Vec<String>)> = GLOSSARY
        .iter()
        .map(|t| (std::iter::once(t.label).chain(t.aliases.iter().copied()).map(String::from).collect(), Vec::new()))
        .collect();
    let build = median(
        || {
            let t = Instant::now();
            black_box(Matcher::new(black_box(&names)));
            t.elapsed()
        },
        21,
    );
    let matcher = Matcher::new(&names);
    let corpus: String =
        corpus::documents().iter().flat_map(|d| d.blocks.iter().map(|b| b.text)).collect::<Vec<_>>().join("\n");
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(&corpus);
        text.push('\n');
    }
    let mb = text.len() as f64 / (1 << 20) as f64;
    let fold = median(
        || {
            let t = Instant::now();
            black_box(fold_with_offsets(black_box(&text)));
            t.elapsed()
        },
        7,
    );
    let mark = median(
        || {
            let t = Instant::now();
            black_box(matcher.find(black_box(&text)));
            t.elapsed()
        },
        7,
    );
    let marks = matcher.find(&text).len();
    println!("glossary marking benchmark (release build, median of runs)");
    println!("  {} terms; matcher built in {:.3} ms", GLOSSARY.len(), build.as_secs_f64() * 1e3);
    println!("  {:<36} {:>9.2} ms", format!("baseline: fold {mb:.2} MB"), fold.as_secs_f64() * 1e3);
    println!(
        "  {:<36} {:>9.2} ms  {:.2}x baseline  ({marks} marks)",
        format!("mark {mb:.2} MB"),
        mark.as_secs_f64() * 1e3,
        mark.as_secs_f64() / fold.as_secs_f64()
    );
}
