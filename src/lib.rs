//! Camp Ashraf 3 reading companion.
//!
//! Data flows one way: `src/data` (compiled in by `build.rs` with `src/compiler`) ->
//! [`corpus`] -> pure [`analysis`] (from `src/core`) -> UI components -> pages. Only the UI
//! needs a browser; everything above it is tested on the host with `cargo test --workspace`.

pub use companion_core::{analysis, model, prefs, route};

pub mod corpus;

#[cfg(target_arch = "wasm32")]
pub mod app;
