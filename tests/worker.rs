//! The added sources' worker (src/worker) answers as the app's own analysis does, on the real
//! corpus: what it reads, the glossary marks it finds with the terms the page sends, and the
//! comparison it returns, each through the JSON the page and the worker exchange.

use ashraf3_companion::analysis::comparison::compare_texts;
use ashraf3_companion::analysis::sources::{self, Format};
use ashraf3_companion::corpus::{self, GLOSSARY};
use companion_worker::{answer, Answer, Ask, Reply, Request, TermNames};

fn ask(id: u32, ask: Ask) -> Answer {
    let json = answer(&serde_json::to_string(&Request { id, ask }).unwrap());
    serde_json::from_str(&json).unwrap()
}

fn terms() -> Vec<TermNames> {
    sources::term_names(GLOSSARY).into_iter().map(|(names, exact)| TermNames { names, exact }).collect()
}

#[test]
fn reads_a_text_as_the_app_does_and_refuses_with_the_checks_message() {
    let text = "The Camp\n\nA first paragraph about Ashraf 3.\n\nA second one.";
    let a = ask(7, Ask::Read { bytes: text.as_bytes().to_vec(), format: "text".into() });
    assert_eq!(a.id, 7);
    assert_eq!(a.reply, Reply::Read { passages: sources::read(text.as_bytes(), Format::Text).unwrap() });
    let binary = ask(8, Ask::Read { bytes: vec![0x25, 0x50, 0, 1, 2], format: "text".into() });
    assert_eq!(binary.reply, Reply::Refused { message: sources::Problem::Binary.to_string() });
    let empty = ask(9, Ask::Read { bytes: b"  \n ".to_vec(), format: "html".into() });
    assert_eq!(empty.reply, Reply::Refused { message: sources::Problem::Empty.to_string() });
}

#[test]
fn marks_the_glossarys_terms_in_every_bundled_passage_as_the_app_would() {
    let matcher = sources::matcher(GLOSSARY);
    let passages: Vec<String> =
        corpus::documents().iter().flat_map(|d| d.blocks.iter().skip(1).map(|b| b.text.to_string())).collect();
    let expected: Vec<Vec<(u32, u32, u16)>> = passages
        .iter()
        .map(|p| sources::marks(&matcher, p).into_iter().map(|m| (m.start, m.end, m.term)).collect())
        .collect();
    assert!(expected.iter().flatten().count() > 50, "the corpus mentions the glossary's terms");
    assert_eq!(ask(1, Ask::Marks { terms: terms(), passages }).reply, Reply::Marks { marks: expected });
}

#[test]
fn compares_a_pair_as_the_app_does() {
    let docs = corpus::documents();
    let text = |d: usize| docs[d].blocks.iter().skip(1).map(|b| b.text.to_string()).collect::<Vec<_>>();
    let (left, right) = (text(3), text(4));
    let l: Vec<&str> = left.iter().map(String::as_str).collect();
    let r: Vec<&str> = right.iter().map(String::as_str).collect();
    let expected = compare_texts(&l, &r, 1);
    assert!(expected.summary.changed > 0);
    assert_eq!(ask(2, Ask::Compare { left, right }).reply, Reply::Compare { comparison: expected });
}

#[test]
fn a_request_it_cannot_read_gets_a_message_not_a_panic() {
    for bad in ["", "{", r#"{"id":3,"ask":"nothing"}"#, r#"{"id":3,"ask":"read","bytes":"x"}"#] {
        let a: Answer = serde_json::from_str(&answer(bad)).unwrap();
        assert!(
            matches!(a.reply, Reply::Refused { ref message } if message.starts_with("The worker could not read")),
            "{bad}"
        );
    }
    let a = ask(4, Ask::Read { bytes: b"text".to_vec(), format: "pdf".into() });
    assert!(matches!(a.reply, Reply::Refused { .. }));
}
