//! Camp Ashraf 3 reading companion.
//!
//! Data flows one way: `src/data` (compiled in by `build.rs` with `src/compiler`) ->
//! [`corpus`] -> pure [`analysis`] (from `src/core`) -> UI components -> pages. The UI runs
//! in the browser and, at build time, on the host, where `src/render` writes every view as a
//! static page; everything above it is tested on the host with `cargo test --workspace`.

// The views' types nest deeply where they render to HTML on the host.
#![recursion_limit = "256"]

pub use companion_core::{analysis, corpus_text, model, prefs, route};

pub mod corpus;

pub mod app;
