//! The added sources' worker (src/worker) answers as the app's own analysis does, on the real
//! corpus: what it reads, the glossary marks it finds with the terms the page sends, and the
//! comparison it returns, each through the messages the page and the worker exchange (the
//! request written as the page writes it, the answer read back as the page reads it).

use ashraf3_companion::analysis::comparison::compare_texts;
use ashraf3_companion::analysis::sources::{self, Format};
use ashraf3_companion::corpus::{self, GLOSSARY};
use companion_worker::{answer, Ask, Message, Reply};

fn ask(id: u32, ask: Ask) -> Reply {
    let a = answer(ask.message(id));
    assert_eq!(a.id(), id, "the answer repeats the request's id");
    Reply::of(a).expect("the page reads every answer the worker writes")
}

#[test]
fn reads_a_text_as_the_app_does_and_refuses_with_the_checks_message() {
    let text = "# The Camp\n\nA first paragraph about Ashraf 3.\n\nA second one.";
    let read = sources::read(text.as_bytes(), Format::Markdown).unwrap();
    assert!(read.iter().any(|p| p.kind == sources::Kind::Heading) && read.len() > 1);
    assert_eq!(ask(7, Ask::Read { bytes: text.as_bytes().to_vec(), format: Format::Markdown }), Reply::Read(read));
    let html = "<h1>T</h1><p>One &amp; two.</p><script>x()</script>";
    let read = sources::read(html.as_bytes(), Format::Html).unwrap();
    assert_eq!(ask(6, Ask::Read { bytes: html.as_bytes().to_vec(), format: Format::Html }), Reply::Read(read));
    let binary = ask(8, Ask::Read { bytes: vec![0x25, 0x50, 0, 1, 2], format: Format::Text });
    assert_eq!(binary, Reply::Refused(sources::Problem::Binary.to_string()));
    let empty = ask(9, Ask::Read { bytes: b"  \n ".to_vec(), format: Format::Text });
    assert_eq!(empty, Reply::Refused(sources::Problem::Empty.to_string()));
}

/// The glossary goes to the worker as one text and comes out as the same names.
#[test]
fn the_glossarys_terms_survive_the_trip_to_the_worker() {
    let sent = sources::terms_of_text(&sources::terms_text(GLOSSARY));
    assert_eq!(sent.len(), GLOSSARY.len());
    for (t, (names, exact)) in GLOSSARY.iter().zip(&sent) {
        let expected: Vec<&str> = std::iter::once(t.label).chain(t.aliases.iter().copied()).collect();
        assert_eq!(names, &expected, "{}", t.id);
        assert_eq!(exact, &t.exact_case, "{}", t.id);
    }
    assert!(GLOSSARY.iter().any(|t| !t.exact_case.is_empty()) && GLOSSARY.iter().any(|t| !t.aliases.is_empty()));
}

#[test]
fn marks_the_glossarys_terms_in_every_bundled_passage_as_the_app_would() {
    let matcher = sources::matcher(GLOSSARY);
    let passages: Vec<String> =
        corpus::documents().iter().flat_map(|d| d.blocks.iter().skip(1).map(|b| b.text.to_string())).collect();
    let expected: Vec<_> = passages.iter().map(|p| sources::marks(&matcher, p)).collect();
    assert!(expected.iter().flatten().count() > 50, "the corpus mentions the glossary's terms");
    assert!(expected.iter().any(Vec::is_empty), "passages without a mark keep their place");
    let terms = sources::terms_text(GLOSSARY);
    assert_eq!(ask(1, Ask::Marks { terms, passages }), Reply::Marks(expected));
}

#[test]
fn compares_a_pair_as_the_app_does() {
    let docs = corpus::documents();
    let text = |d: usize| docs[d].blocks.iter().skip(1).map(|b| b.text.to_string()).collect::<Vec<_>>();
    for (l, r) in [(3, 4), (0, 4), (2, 2)] {
        let (left, right) = (text(l), text(r));
        let lt: Vec<&str> = left.iter().map(String::as_str).collect();
        let rt: Vec<&str> = right.iter().map(String::as_str).collect();
        let expected = compare_texts(&lt, &rt, 1);
        assert!(l == r || expected.summary.changed + expected.summary.only_left > 0);
        assert_eq!(ask(2, Ask::Compare { left, right }), Reply::Compare(expected));
    }
}

#[test]
fn a_request_it_cannot_read_gets_a_message_not_a_panic() {
    let message = |kind: &str, numbers: Vec<u32>, texts: &[&str]| Message {
        kind: kind.into(),
        numbers,
        bytes: Vec::new(),
        texts: texts.iter().map(|t| t.to_string()).collect(),
    };
    let bad = [
        message("", vec![], &[]),
        message("nothing", vec![3], &[]),
        message("read", vec![3], &[]),
        message("read", vec![3], &["pdf"]),
        message("marks", vec![3], &[]),
        message("compare", vec![3], &["a"]),
    ];
    for m in bad {
        let a = answer(m.clone());
        assert_eq!(a.id(), 0, "{m:?}");
        assert!(
            matches!(Reply::of(a), Some(Reply::Refused(ref s)) if s.starts_with("The worker could not read")),
            "{m:?}"
        );
    }
    // A count larger than the texts sent: all of them on the left, none lost.
    let a = answer(message("compare", vec![5, 9], &["One passage.", "Another."]));
    let Some(Reply::Compare(c)) = Reply::of(a) else { panic!("a comparison") };
    assert_eq!(c.rows.iter().flat_map(|r| r.left.blocks.clone()).collect::<Vec<_>>(), vec![1, 2]);
}

/// What the page reads back: an answer it does not understand is refused, not misread.
#[test]
fn the_page_refuses_a_damaged_answer() {
    let marks = Reply::Marks(vec![vec![ashraf3_companion::model::Mark { start: 0, end: 3, term: 1 }]]).message(4);
    assert!(Reply::of(marks.clone()).is_some());
    let mut cut = marks.clone();
    cut.numbers.pop();
    assert_eq!(Reply::of(cut), None);
    let mut unknown = marks;
    unknown.kind = "other".into();
    assert_eq!(Reply::of(unknown), None);
    let read = Message { kind: "read".into(), numbers: vec![1, 0], bytes: Vec::new(), texts: Vec::new() };
    assert_eq!(Reply::of(read), None, "a kind without its passage");
}
