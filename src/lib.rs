//! Camp Ashraf 3 reading companion.
//!
//! Data flows one way: `src/data` (compiled in by `build.rs`) -> [`corpus`] -> pure
//! [`analysis`] -> UI components -> pages. Only the UI needs a browser; everything above it
//! is tested on the host with `cargo test`.

pub mod analysis;
pub mod corpus;
pub mod model;
pub mod prefs;
pub mod route;

// The build step's emitters, compiled into the test build so their checks (a figure whose
// quote is not in its document fails) are tested with bad input, not only the good data.
#[cfg(test)]
#[allow(dead_code)]
#[path = "codegen/mod.rs"]
mod codegen;

#[cfg(target_arch = "wasm32")]
pub mod app;
