//! What the added sources' worker answers (issue 31), and the messages the page and the worker
//! exchange: read a pasted text or a file into passages (with the checks' messages), mark the
//! glossary's terms in passages, and align and diff two documents' passages. The answers are
//! plain functions, so the host tests run them on the real corpus.
//!
//! A message is a kind, a list of numbers (the request's id first, which the answer repeats), a
//! list of bytes and a list of texts ([`Message`]); in the browser, a JS array of a string, a
//! `Uint32Array`, a `Uint8Array` and strings. Not JSON: the page's side of it is in the main
//! wasm, and a derived JSON reader for the answers (a comparison, marks, passages) cost it tens
//! of KB, where copying numbers and strings costs next to nothing. A comparison travels packed
//! as the build packs the bundled pairs' (`comparison::pack`), which the main wasm unpacks anyway.
//!
//! The glossary's terms travel in the marking request rather than being built in: the corpus
//! (and so the glossary) is compiled into the app crate, and building it into the worker too
//! would double its size and let the two disagree after a glossary edit; the page already holds
//! the terms, and their names are a few KB.

use companion_core::analysis::comparison::{self, compare_texts, Comparison};
use companion_core::analysis::glossary::Matcher;
use companion_core::analysis::sources::{self, Format, Kind, Passage};
use companion_core::model::Mark;

/// What the worker posts once it can answer (the page holds its requests until then).
pub const READY: &str = "ready";

/// One message between the page and the worker, either way.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub kind: String,
    /// The request's id first (0 in an answer to a request that could not be read).
    pub numbers: Vec<u32>,
    pub bytes: Vec<u8>,
    pub texts: Vec<String>,
}

impl Message {
    fn new(kind: &str, numbers: Vec<u32>, texts: Vec<String>) -> Message {
        Message { kind: kind.into(), numbers, bytes: Vec::new(), texts }
    }

    pub fn id(&self) -> u32 {
        self.numbers.first().copied().unwrap_or(0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// The bytes of a pasted text (UTF-8) or an opened file, in that format.
    Read { bytes: Vec<u8>, format: Format },
    /// The glossary's marks in each passage; `terms` as [`sources::terms_text`] writes them.
    Marks { terms: String, passages: Vec<String> },
    /// Two documents' passages (their titles left out) aligned and diffed; block indices
    /// start at 1, as the title is block 0.
    Compare { left: Vec<String>, right: Vec<String> },
}

const FORMATS: [(Format, &str); 3] = [(Format::Text, "text"), (Format::Markdown, "markdown"), (Format::Html, "html")];

impl Ask {
    /// The request as a message, with its id.
    pub fn message(self, id: u32) -> Message {
        match self {
            Ask::Read { bytes, format } => {
                let name = FORMATS.iter().find(|(f, _)| *f == format).map_or("text", |(_, n)| n);
                Message { kind: "read".into(), numbers: vec![id], bytes, texts: vec![name.into()] }
            }
            Ask::Marks { terms, passages } => {
                Message::new("marks", vec![id], std::iter::once(terms).chain(passages).collect())
            }
            Ask::Compare { left, right } => {
                Message::new("compare", vec![id, left.len() as u32], left.into_iter().chain(right).collect())
            }
        }
    }

    /// The request a message holds, or `None` for one the worker cannot read.
    pub fn of(m: Message) -> Option<Ask> {
        let mut texts = m.texts.into_iter();
        match m.kind.as_str() {
            "read" => {
                let name = texts.next()?;
                let format = FORMATS.iter().find(|(_, n)| *n == name)?.0;
                Some(Ask::Read { bytes: m.bytes, format })
            }
            "marks" => Some(Ask::Marks { terms: texts.next()?, passages: texts.collect() }),
            "compare" => {
                let mut left: Vec<String> = texts.collect();
                let right = left.split_off((*m.numbers.get(1)? as usize).min(left.len()));
                Some(Ask::Compare { left, right })
            }
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Read(Vec<Passage>),
    /// One list of marks a passage.
    Marks(Vec<Vec<Mark>>),
    Compare(Comparison),
    /// The request's text cannot be added (its message is for the student), or the request
    /// itself was not understood (a page and a worker of different builds).
    Refused(String),
}

impl Reply {
    /// The answer as a message: passages' kinds (1: heading) and marks (`count`, then `start
    /// end term` each, a passage after another) after the id, the comparison packed.
    pub fn message(self, id: u32) -> Message {
        let numbers = |rest: Vec<u32>| std::iter::once(id).chain(rest).collect();
        match self {
            Reply::Read(passages) => Message::new(
                "read",
                numbers(passages.iter().map(|p| u32::from(p.kind == Kind::Heading)).collect()),
                passages.into_iter().map(|p| p.text).collect(),
            ),
            Reply::Marks(marks) => {
                let flat = marks.iter().flat_map(|ms| {
                    std::iter::once(ms.len() as u32).chain(ms.iter().flat_map(|m| [m.start, m.end, m.term.into()]))
                });
                Message::new("marks", numbers(flat.collect()), Vec::new())
            }
            Reply::Compare(c) => Message::new("compare", numbers(comparison::pack(&c)), Vec::new()),
            Reply::Refused(message) => Message::new("refused", vec![id], vec![message]),
        }
    }

    /// The answer a message holds, or `None` for one the page cannot read.
    pub fn of(m: Message) -> Option<Reply> {
        let numbers = m.numbers.get(1..)?;
        match m.kind.as_str() {
            "read" if numbers.len() == m.texts.len() => {
                let kind = |n: &u32| if *n == 1 { Kind::Heading } else { Kind::Paragraph };
                let passages = numbers.iter().zip(m.texts).map(|(n, text)| Passage { kind: kind(n), text });
                Some(Reply::Read(passages.collect()))
            }
            "marks" => {
                let mut it = numbers.iter().copied();
                let mut marks = Vec::new();
                while let Some(count) = it.next() {
                    let mark = |it: &mut dyn Iterator<Item = u32>| {
                        Some(Mark { start: it.next()?, end: it.next()?, term: u16::try_from(it.next()?).ok()? })
                    };
                    marks.push((0..count).map(|_| mark(&mut it)).collect::<Option<Vec<_>>>()?);
                }
                Some(Reply::Marks(marks))
            }
            "compare" => Some(Reply::Compare(comparison::unpack(numbers))),
            "refused" => Some(Reply::Refused(m.texts.into_iter().next()?)),
            _ => None,
        }
    }
}

/// The reply to one request.
pub fn reply(ask: Ask) -> Reply {
    match ask {
        Ask::Read { bytes, format } => match sources::read(&bytes, format) {
            Ok(passages) => Reply::Read(passages),
            Err(problem) => Reply::Refused(problem.to_string()),
        },
        Ask::Marks { terms, passages } => {
            let matcher = Matcher::new(&sources::terms_of_text(&terms));
            Reply::Marks(passages.iter().map(|p| sources::marks(&matcher, p)).collect())
        }
        Ask::Compare { left, right } => {
            let l: Vec<&str> = left.iter().map(String::as_str).collect();
            let r: Vec<&str> = right.iter().map(String::as_str).collect();
            Reply::Compare(compare_texts(&l, &r, 1))
        }
    }
}

/// The answer to a request; never panics on a request it cannot read.
pub fn answer(request: Message) -> Message {
    let id = request.id();
    Ask::of(request).map_or_else(not_understood, |ask| reply(ask).message(id))
}

/// The answer to a request the worker cannot read (a page and a worker of different builds).
pub fn not_understood() -> Message {
    Reply::Refused("The worker could not read the request.".into()).message(0)
}

mod js {
    use super::Message;
    use wasm_bindgen::{JsCast, JsValue};

    impl Message {
        /// The message as the browser posts it: `[kind, Uint32Array, Uint8Array, ...texts]`.
        pub fn to_js(&self) -> JsValue {
            let out = js_sys::Array::of3(
                &JsValue::from_str(&self.kind),
                &js_sys::Uint32Array::from(&self.numbers[..]),
                &js_sys::Uint8Array::from(&self.bytes[..]),
            );
            for t in &self.texts {
                out.push(&JsValue::from_str(t));
            }
            out.into()
        }

        /// A posted message, or `None` for anything else.
        pub fn from_js(value: &JsValue) -> Option<Message> {
            let parts = value.dyn_ref::<js_sys::Array>()?;
            let texts = parts.iter().skip(3).map(|t| t.as_string()).collect::<Option<Vec<_>>>()?;
            Some(Message {
                kind: parts.get(0).as_string()?,
                numbers: parts.get(1).dyn_into::<js_sys::Uint32Array>().ok()?.to_vec(),
                bytes: parts.get(2).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec(),
                texts,
            })
        }
    }
}
