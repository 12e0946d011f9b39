//! Search over the corpus and glossary. (Being built: see issue 7.)
