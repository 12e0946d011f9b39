//! What the added sources' worker answers (issue 31), as plain functions of JSON strings so the
//! host tests run them on the real corpus: read a pasted text or a file into passages (with the
//! checks' messages), mark the glossary's terms in passages, and align and diff two documents'
//! passages. The page sends each request with an `id` that the answer repeats.
//!
//! The glossary's terms travel in the marking request rather than being built in: the corpus
//! (and so the glossary) is compiled into the app crate, and building it into the worker too
//! would double its size and let the two disagree after a glossary edit; the page already holds
//! the terms, and their names are a few KB.

use serde::{Deserialize, Serialize};

use companion_core::analysis::comparison::{compare_texts, Comparison};
use companion_core::analysis::glossary::Matcher;
use companion_core::analysis::sources::{self, Format, Passage};

/// What the worker posts once it can answer (the page holds its requests until then).
pub const READY: &str = "ready";

/// One glossary term's names: those matched in any case, and those only in this exact case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermNames {
    pub names: Vec<String>,
    #[serde(default)]
    pub exact: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Externally tagged, and no `flatten` below: serde's buffering for internally tagged and
// flattened types would add tens of KB to the main wasm, which serializes and reads these.
#[serde(rename_all = "lowercase")]
pub enum Ask {
    /// The bytes of a pasted text (UTF-8) or an opened file, in `format` ("text", "markdown",
    /// "html").
    Read { bytes: Vec<u8>, format: String },
    /// The glossary's marks in each passage, as `[start, end, term]` (the term's index in
    /// `terms`, which is the glossary's order).
    Marks { terms: Vec<TermNames>, passages: Vec<String> },
    /// Two documents' passages (their titles left out) aligned and diffed; block indices
    /// start at 1, as the title is block 0.
    Compare { left: Vec<String>, right: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub ask: Ask,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reply {
    Read {
        passages: Vec<Passage>,
    },
    Marks {
        marks: Vec<Vec<(u32, u32, u16)>>,
    },
    Compare {
        comparison: Comparison,
    },
    /// The request's text cannot be added (its message is for the student), or the request
    /// itself was not understood (a page and a worker of different builds).
    Refused {
        message: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The request's id, or 0 when the request could not be read at all.
    pub id: u32,
    pub reply: Reply,
}

fn format_named(name: &str) -> Option<Format> {
    match name {
        "text" => Some(Format::Text),
        "markdown" => Some(Format::Markdown),
        "html" => Some(Format::Html),
        _ => None,
    }
}

/// The reply to one request.
pub fn reply(ask: &Ask) -> Reply {
    match ask {
        Ask::Read { bytes, format } => match format_named(format) {
            None => Reply::Refused { message: format!("The worker does not read the format “{format}”.") },
            Some(f) => match sources::read(bytes, f) {
                Ok(passages) => Reply::Read { passages },
                Err(problem) => Reply::Refused { message: problem.to_string() },
            },
        },
        Ask::Marks { terms, passages } => {
            let matcher = Matcher::new(&terms.iter().map(|t| (t.names.clone(), t.exact.clone())).collect::<Vec<_>>());
            let marks = passages
                .iter()
                .map(|p| sources::marks(&matcher, p).into_iter().map(|m| (m.start, m.end, m.term)).collect())
                .collect();
            Reply::Marks { marks }
        }
        Ask::Compare { left, right } => {
            let l: Vec<&str> = left.iter().map(String::as_str).collect();
            let r: Vec<&str> = right.iter().map(String::as_str).collect();
            Reply::Compare { comparison: compare_texts(&l, &r, 1) }
        }
    }
}

/// The JSON answer to a JSON request; never panics on a request it cannot read.
pub fn answer(request: &str) -> String {
    let answer = match serde_json::from_str::<Request>(request) {
        Ok(Request { id, ask }) => Answer { id, reply: reply(&ask) },
        Err(e) => {
            Answer { id: 0, reply: Reply::Refused { message: format!("The worker could not read the request: {e}.") } }
        }
    };
    serde_json::to_string(&answer).expect("answers are plain data")
}
