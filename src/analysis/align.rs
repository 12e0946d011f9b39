//! Paragraph alignment between two documents. (Being built: see issue 3.)
