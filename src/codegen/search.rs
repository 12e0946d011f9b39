//! Search index. (Being built: see issue 7.)

use super::corpus::CleanDoc;
use super::glossary::Glossary;

pub fn emit(_docs: &[CleanDoc], _g: &Glossary) -> String {
    String::new()
}
