//! Build step: turns the human-edited files in `src/data/` into compiled-in Rust data
//! (`$OUT_DIR/*.rs`), so the app parses nothing and fetches nothing at run time. The same
//! pure modules the app uses are compiled in here, so the build and the app agree on
//! cleaning, matching and indexing. A figure whose quote is not verbatim in its document
//! fails the build.

#![allow(dead_code)]

#[path = "analysis/mod.rs"]
mod analysis;
#[path = "codegen/mod.rs"]
mod codegen;
#[path = "model.rs"]
mod model;

use std::path::PathBuf;

fn main() {
    let data = PathBuf::from("src/data");
    for watched in ["src/data", "src/analysis", "src/codegen", "src/model.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = codegen::generate(&data, &out) {
        // A readable message instead of a panic backtrace: this is an editor's mistake in a
        // data file, and the fix is in that file.
        eprintln!("error: {e}");
        println!("cargo:warning={e}");
        std::process::exit(1);
    }
}
