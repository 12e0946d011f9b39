//! The model and the pure analysis of the reading companion: the shapes of the corpus
//! (and the file its text travels in), text analysis (cleaning, alignment, diff, glossary marks, figures, claims, search,
//! the student's notes), the URL of every view, and the saved settings. No browser and no
//! framework: the build-time data compiler and the UI both depend on this crate, so they agree
//! on every rule, and `cargo test` checks it on the host.

pub mod analysis;
pub mod corpus_text;
pub mod html;
pub mod model;
pub mod prefs;
pub mod route;
