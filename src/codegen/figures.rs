//! `figures.toml` -> `FIGURES`. (Being built: see issue 5.)

use super::corpus::CleanDoc;
use super::Result;
use std::path::Path;

pub struct Figures;

pub fn load(_path: &Path, _docs: &[CleanDoc]) -> Result<Figures> {
    Ok(Figures)
}

pub fn emit(_f: &Figures) -> String {
    String::new()
}
