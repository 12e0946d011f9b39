//! Glossary terms and their matching in corpus text. (Being built: see issue 4.)

/// A glossary entry as compiled in.
#[derive(Debug)]
pub struct Term {
    pub id: &'static str,
    pub label: &'static str,
    pub expansion: &'static str,
    pub definition: &'static str,
    pub aliases: &'static [&'static str],
    pub source: &'static str,
}
