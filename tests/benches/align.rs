//! Time to align and diff two documents: the largest real pair, then synthetic documents 10x
//! and 100x larger, so the growth is visible. Prints figures; asserts nothing about time. The
//! app ships every pair of the bundled corpus aligned at build time; this is what a larger
//! corpus, or a pair computed on the fly, would cost.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ashraf3_companion::analysis::comparison::compare_texts;
use ashraf3_companion::corpus;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(left: &[&str], right: &[&str], runs: usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(compare_texts(black_box(left), black_box(right), 0));
                t.elapsed()
            })
            .collect(),
    )
}

/// `k` copies of a document's passages, each copy's words perturbed a little, so the
/// synthetic documents are neither identical nor unrelated.
fn scaled(texts: &[&str], k: usize, salt: usize) -> Vec<String> {
    (0..k)
        .flat_map(|copy| {
            texts.iter().enumerate().map(move |(i, t)| {
                t.split(' ')
                    .enumerate()
                    .map(|(w, word)| {
                        if (w + i + copy + salt).is_multiple_of(11) {
                            format!("{word}{copy}")
                        } else {
                            word.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
        .collect()
}

fn main() {
    let texts = |i: usize| corpus::documents()[i].blocks.iter().skip(1).map(|b| b.text).collect::<Vec<&str>>();
    let mut pairs: Vec<(usize, usize)> = (0..corpus::documents().len())
        .flat_map(|a| (0..corpus::documents().len()).map(move |b| (a, b)))
        .filter(|(a, b)| a < b)
        .collect();
    pairs.sort_by_key(|&(a, b)| {
        let size = |d: usize| corpus::documents()[d].blocks.iter().map(|b| b.text.len()).sum::<usize>();
        std::cmp::Reverse(size(a) * size(b))
    });
    let (a, b) = pairs[0];
    let (left, right) = (texts(a), texts(b));
    let base = time(&left, &right, 21);
    println!(
        "align + diff benchmark (release build, median of runs; the app precomputes the bundled pairs at build time)"
    );
    println!(
        "  largest real pair: {} x {} ({} x {} passages)",
        corpus::documents()[a].id,
        corpus::documents()[b].id,
        left.len(),
        right.len()
    );
    println!(
        "  {:<28} {:>10.3} ms   1.0x   {}",
        "real pair",
        base.as_secs_f64() * 1e3,
        if base < Duration::from_millis(16) { "under one frame (16 ms)" } else { "OVER one frame (16 ms)" }
    );
    for (k, runs) in [(10, 5), (100, 1)] {
        let (l, r) = (scaled(&left, k, 0), scaled(&right, k, 3));
        let (l, r): (Vec<&str>, Vec<&str>) =
            (l.iter().map(String::as_str).collect(), r.iter().map(String::as_str).collect());
        let t = time(&l, &r, runs);
        println!(
            "  {:<28} {:>10.3} ms {:>6.1}x",
            format!("synthetic {k}x ({} x {})", l.len(), r.len()),
            t.as_secs_f64() * 1e3,
            t.as_secs_f64() / base.as_secs_f64()
        );
    }
}
