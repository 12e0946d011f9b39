//! Word-level differences inside aligned passages. (Being built: see issue 3.)
