//! Query time on the real corpus and on synthetic corpora of 1 MB and 10 MB (built with the
//! same builder the build step uses), and the index's share of the wasm. Prints figures only.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ashraf3_companion::analysis::search::{search, Index, IndexBuf};
use ashraf3_companion::corpus::{self, block_text, search_index};

const QUERIES: [&str; 4] = ["rrumb", "\"troll farm\"", "camp police", "mek"];

fn median_query<'t>(index: &Index, texts: &dyn Fn(usize, usize) -> &'t str, q: &str, runs: usize) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            black_box(search(index, texts, black_box(q)));
            s.elapsed()
        })
        .collect();
    t.sort();
    t[runs / 2]
}

fn main() {
    println!("search benchmark (release build, median of runs)");
    let real: Vec<Duration> = QUERIES.iter().map(|q| median_query(&search_index(), &block_text, q, 51)).collect();
    let corpus_bytes: usize = corpus::documents().iter().flat_map(|d| d.blocks.iter().map(|b| b.text.len())).sum();
    let all: Vec<&str> = corpus::documents().iter().flat_map(|d| d.blocks.iter().map(|b| b.text)).collect();
    println!("  {:<18} {}", "corpus", QUERIES.iter().map(|q| format!("{q:>16}")).collect::<String>());
    let row = |name: String, t: &[Duration], base: &[Duration]| {
        let cells: String = t
            .iter()
            .zip(base)
            .map(|(t, b)| format!("{:>9.3} ms {:>3.0}x", t.as_secs_f64() * 1e3, t.as_secs_f64() / b.as_secs_f64()))
            .collect();
        println!("  {name:<18}{cells}");
    };
    row(format!("real ({} KB)", corpus_bytes / 1024), &real, &real);
    for mb in [1usize, 10] {
        // 20 documents of blocks drawn from the corpus, each block varied by a counter so the
        // vocabulary grows as a real corpus would.
        let target = mb << 20;
        let mut docs: Vec<Vec<String>> = vec![Vec::new(); 20];
        let (mut size, mut n) = (0, 0);
        while size < target {
            let text = format!("{} v{}", all[n % all.len()], n / all.len());
            size += text.len();
            docs[n % 20].push(text);
            n += 1;
        }
        let texts: Vec<Vec<&str>> = docs.iter().map(|d| d.iter().map(String::as_str).collect()).collect();
        let built = Instant::now();
        let index = IndexBuf::build(&texts).expect("synthetic corpus fits the index limits");
        let build = built.elapsed();
        let lookup = |d: usize, b: usize| texts[d][b];
        let t: Vec<Duration> = QUERIES.iter().map(|q| median_query(&index.as_index(), &lookup, q, 5)).collect();
        row(format!("synthetic {mb} MB"), &t, &real);
        println!(
            "  {:<18} index built in {:.0} ms, {} KB",
            "",
            build.as_secs_f64() * 1e3,
            index.as_index().size_bytes() / 1024
        );
    }
    // A query of any length can arrive in a URL; only its first words are searched, so the
    // time stays bounded: 10,000 words against the one-word baseline.
    let long = ["camp ", "\"troll farm\" ", "rrumbullaku ", "zzzq "].concat().repeat(2500);
    let t = median_query(&search_index(), &block_text, &long, 11);
    let suggest = Instant::now();
    black_box(ashraf3_companion::analysis::search::suggest(&search_index(), black_box(&long)));
    println!(
        "  {:<18} {:>9.3} ms {:>3.0}x (search); suggestions {:.3} ms (bounded by the {}-word cap)",
        "10,000-word query",
        t.as_secs_f64() * 1e3,
        t.as_secs_f64() / real[3].as_secs_f64(),
        suggest.elapsed().as_secs_f64() * 1e3,
        ashraf3_companion::analysis::search::MAX_QUERY_WORDS
    );
    let index_bytes = search_index().size_bytes();
    println!(
        "  index file: {} KB, fetched on the first search, not in the wasm ({} words, {} postings)",
        index_bytes / 1024,
        search_index().len(),
        search_index().postings.len()
    );
    let wasm = std::fs::read_dir("dist").ok().and_then(|d| {
        d.filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "wasm"))
            .and_then(|e| e.metadata().ok())
            .map(|m| m.len())
    });
    match wasm {
        Some(w) => println!(
            "  beside the wasm ({} KB uncompressed): {:.1}% of its size",
            w / 1024,
            100.0 * index_bytes as f64 / w as f64
        ),
        None => println!("  share of the wasm: no dist/ build found"),
    }
}
