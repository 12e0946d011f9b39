//! Pure text analysis: no browser, no framework. Everything here runs in `cargo test` on the
//! host and, where the build needs it, inside `build.rs`.

pub mod align;
pub mod assignment;
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
pub mod sources;
pub mod spans;

/// How many different values `items` holds: the number of independent origins, or of
/// documents, behind a figure or a claim. The lists are short, so a linear scan does.
pub fn distinct<T: PartialEq>(items: impl Iterator<Item = T>) -> usize {
    let mut seen: Vec<T> = Vec::new();
    for x in items {
        if !seen.contains(&x) {
            seen.push(x);
        }
    }
    seen.len()
}
