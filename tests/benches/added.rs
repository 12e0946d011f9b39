//! What an added source costs when it is opened (issue 31): reading a 5,000-word text into
//! passages and marking the glossary's terms, then aligning and diffing it against the
//! longest bundled document (what a comparison with an added source computes in the browser,
//! as the bundled pairs are computed at build time). Prints medians, with the figure scaled by
//! the slow profile's CPU (Lighthouse's simulated mobile, 4x slower than this machine) beside
//! the budget of 200 ms; asserts nothing about time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ashraf3_companion::analysis::comparison::compare_texts;
use ashraf3_companion::analysis::sources::{self, Format};
use ashraf3_companion::corpus::{self, GLOSSARY};

/// Lighthouse's default mobile profile slows the CPU down 4x.
const SLOW_CPU: f64 = 4.0;
const BUDGET_MS: f64 = 200.0;
const WORDS: usize = 5_000;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// A press report on the same events: the corpus's other documents' paragraphs, words
/// perturbed, up to `WORDS` words, one paragraph a line (as a paste arrives).
fn added_text(skip: usize) -> String {
    let mut words = 0;
    let mut lines = Vec::new();
    let docs = corpus::documents();
    'outer: for round in 0.. {
        for (d, doc) in docs.iter().enumerate().filter(|(d, _)| *d != skip) {
            for (i, b) in doc.blocks.iter().skip(1).enumerate() {
                let line: Vec<String> = b
                    .text
                    .split(' ')
                    .enumerate()
                    .map(|(w, word)| if (w + i + d + round) % 7 == 0 { format!("{word}{round}") } else { word.into() })
                    .collect();
                words += line.len();
                lines.push(line.join(" "));
                if words >= WORDS {
                    break 'outer;
                }
            }
        }
    }
    lines.join("\n")
}

fn main() {
    let docs = corpus::documents();
    let longest = (0..docs.len()).max_by_key(|&d| docs[d].word_count).unwrap_or(0);
    let text = added_text(longest);
    let matcher = sources::matcher(GLOSSARY);
    let passages = sources::read(text.as_bytes(), Format::Text).expect("the synthetic text reads");
    let added: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
    let bundled: Vec<&str> = docs[longest].blocks.iter().skip(1).map(|b| b.text).collect();
    let words: usize = added.iter().map(|t| t.split_whitespace().count()).sum();

    let read = time(21, || {
        let p = sources::read(black_box(text.as_bytes()), Format::Text).unwrap_or_default();
        black_box(p.iter().map(|p| sources::marks(&matcher, &p.text).len()).sum::<usize>());
    });
    let align = time(11, || {
        black_box(compare_texts(black_box(&added), black_box(&bundled), 0));
    });
    // What the page sends the worker and what it reads back: the request and the answer as
    // messages, the comparison packed and unpacked.
    let request = companion_worker::Ask::Compare {
        left: added.iter().map(|t| t.to_string()).collect(),
        right: bundled.iter().map(|t| t.to_string()).collect(),
    }
    .message(1);
    let worker = time(11, || {
        black_box(companion_worker::Reply::of(companion_worker::answer(black_box(request.clone()))));
    });
    println!("added-source benchmark (release build, median of runs)");
    println!(
        "  an added source of {words} words ({} passages) against the longest bundled document, {} ({} words, {} passages)",
        added.len(),
        docs[longest].id,
        docs[longest].word_count,
        bundled.len()
    );
    for (what, t) in [("read + glossary marks", read), ("align + diff", align), ("worker align (messages)", worker)] {
        let ms = t.as_secs_f64() * 1e3;
        let slow = ms * SLOW_CPU;
        let verdict = if slow <= BUDGET_MS { "within" } else { "OVER" };
        println!(
            "  {what:<24} {ms:>9.2} ms here, {slow:>8.1} ms at the slow profile's CPU ({SLOW_CPU}x): {verdict} {BUDGET_MS} ms"
        );
    }
}
