//! Build step: turns the human-edited files in `src/data/` into compiled-in Rust data
//! (`$OUT_DIR/*.rs`) with the data compiler (`src/compiler`), and into the two files the app
//! fetches: the documents' text (read once before it starts; the pages show that text already,
//! so the wasm does not carry it) and the search index. The compiler uses the same pure modules the app uses
//! (`src/core`), so the build and the app agree on cleaning, matching and indexing. A quote
//! that is not verbatim in its document fails the build.

use std::path::PathBuf;

fn main() {
    let data = PathBuf::from("src/data");
    // Changes to the compiler and the core are seen by cargo itself (build dependencies).
    println!("cargo:rerun-if-changed=src/data");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = companion_compiler::generate(&data, &out) {
        // A readable message instead of a panic backtrace: this is an editor's mistake in a
        // data file, and the fix is in that file.
        eprintln!("error: {e}");
        println!("cargo:warning={e}");
        std::process::exit(1);
    }
}
