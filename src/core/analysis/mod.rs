//! Pure text analysis: no browser, no framework. Everything here runs in `cargo test` on the
//! host and, where the build needs it, inside `build.rs`.

pub mod align;
pub mod claims;
pub mod clean;
pub mod comparison;
pub mod diff;
pub mod figures;
pub mod fold;
pub mod glossary;
pub mod lineage;
pub mod notes;
pub mod search;
pub mod spans;
