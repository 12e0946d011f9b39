//! Assignments without a server: a teacher composes one, the whole of it travels in a link
//! (`link`), students answer it in their own browser and hand in a file (`handin`), and the
//! teacher reads every file at once in a table (`review`). Nothing is stored anywhere but in
//! that link and those files, so every piece that crosses a hand (a link pasted in a course
//! page, a file uploaded to it) is checked and refused with a plain reason, never guessed at.

use serde::{Deserialize, Serialize};

pub mod handin;
pub mod link;
pub mod review;

/// Where a question of the teacher's own points into the companion: the same kinds the guided
/// questions use. Short tags keep the link compact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    #[serde(rename = "p")]
    Passage { doc: String, block: String },
    #[serde(rename = "d")]
    Document(String),
    #[serde(rename = "c")]
    Claim(String),
    #[serde(rename = "q")]
    Quantity(String),
    #[serde(rename = "x")]
    Compare(String, String),
    #[serde(rename = "l")]
    Lineage,
}

/// A question the teacher wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnQuestion {
    /// Stable within the assignment, so answers survive the teacher's edits.
    #[serde(rename = "k")]
    pub key: String,
    #[serde(rename = "p")]
    pub prompt: String,
    #[serde(rename = "l", default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Target>,
}

/// One question of an assignment, in the teacher's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Item {
    /// A guided question of the companion, by its id.
    #[serde(rename = "g")]
    Guided(String),
    #[serde(rename = "o")]
    Own(OwnQuestion),
}

impl Item {
    /// The question's key in the hand-in and the review (a guided question's id, or `own-<key>`).
    pub fn key(&self) -> String {
        match self {
            Item::Guided(id) => id.clone(),
            Item::Own(q) => format!("own-{}", q.key),
        }
    }
}

/// The whole assignment, as its link holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Made when the assignment is first composed and kept through every edit.
    #[serde(rename = "i")]
    pub id: String,
    /// 1 when first made; each edit of the link adds one.
    #[serde(rename = "v")]
    pub version: u32,
    #[serde(rename = "t")]
    pub title: String,
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub instructions: String,
    #[serde(rename = "d", default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// Whether questions that ask for an estimate ask for it before the figures are shown.
    #[serde(rename = "e", default, skip_serializing_if = "is_false")]
    pub estimates_first: bool,
    #[serde(rename = "q")]
    pub items: Vec<Item>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How many questions an assignment may hold: more than a week of homework, few enough that
/// one link carries them.
pub const MAX_ITEMS: usize = 40;

impl Assignment {
    /// Where the student's answer to `item` is kept in the workspace: one assignment's
    /// answers never mix with another's, nor with the guided questions answered outside it.
    pub fn answer_key(&self, item: &Item) -> String {
        answer_key(&self.id, &item.key())
    }

    /// What is wrong with the assignment, said plainly, or `None`.
    pub fn problem(&self) -> Option<String> {
        if self.title.trim().is_empty() {
            return Some("it has no title".into());
        }
        if self.items.is_empty() {
            return Some("it has no questions".into());
        }
        if self.items.len() > MAX_ITEMS {
            return Some(format!("it has more than {MAX_ITEMS} questions"));
        }
        if !valid_id(&self.id) {
            return Some("it has no valid id".into());
        }
        if self.version == 0 {
            return Some("its version is 0".into());
        }
        let mut keys: Vec<String> = self.items.iter().map(Item::key).collect();
        keys.sort();
        if keys.windows(2).any(|w| w[0] == w[1]) {
            return Some("it holds the same question twice".into());
        }
        if let Some(q) = self.items.iter().find_map(|i| match i {
            Item::Own(q) if q.prompt.trim().is_empty() || !valid_id(&q.key) => Some(q),
            _ => None,
        }) {
            return Some(format!("its question “{}” has no prompt or no key", q.key));
        }
        None
    }
}

/// The workspace key of an answer to an assignment's question.
pub fn answer_key(assignment: &str, question: &str) -> String {
    format!("assignment:{assignment}:{question}")
}

/// The assignment and question an answer's workspace key names, if it is an assignment's.
pub fn from_answer_key(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix("assignment:")?.split_once(':')
}

/// Ids and keys are short and plain, so they sit in keys, file names and CSV headers unescaped.
pub fn valid_id(s: &str) -> bool {
    (1..=40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A new assignment id from the time and a random number (the app's): unique enough for one
/// teacher's assignments, and nothing about the teacher in it. The notes' ids are made the
/// same way.
pub fn new_id(now_ms: f64, random: u32) -> String {
    let id = crate::analysis::notes::new_id(now_ms, random);
    id.trim_start_matches("n-").to_string()
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    pub fn sample() -> Assignment {
        Assignment {
            id: "lx4k2-9zz".into(),
            version: 2,
            title: "Week 3: who counts the residents?".into(),
            instructions: "Read the two encyclopedia revisions first.\nAnswer in your own words.".into(),
            due: "Friday 12 March".into(),
            estimates_first: true,
            items: vec![
                Item::Guided("who-wrote".into()),
                Item::Own(OwnQuestion {
                    key: "a1".into(),
                    prompt: "Which figure would you quote, and why? “Quote” & <cite>".into(),
                    links: vec![
                        Target::Passage { doc: "home-to-mek".into(), block: "p3".into() },
                        Target::Quantity("residents".into()),
                        Target::Compare("encyclopedia-earlier".into(), "encyclopedia-later".into()),
                        Target::Lineage,
                    ],
                }),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::sample;
    use super::*;

    #[test]
    fn keys_are_namespaced_by_assignment() {
        let a = sample();
        assert_eq!(a.answer_key(&a.items[0]), "assignment:lx4k2-9zz:who-wrote");
        assert_eq!(a.answer_key(&a.items[1]), "assignment:lx4k2-9zz:own-a1");
        assert_eq!(from_answer_key("assignment:lx4k2-9zz:own-a1"), Some(("lx4k2-9zz", "own-a1")));
        assert_eq!(from_answer_key("q-sources"), None);
        let b = Assignment { id: "other".into(), ..sample() };
        assert_ne!(a.answer_key(&a.items[0]), b.answer_key(&b.items[0]));
    }

    #[test]
    fn problems_are_named() {
        assert_eq!(sample().problem(), None);
        let no_title = Assignment { title: " ".into(), ..sample() };
        assert_eq!(no_title.problem().as_deref(), Some("it has no title"));
        let none = Assignment { items: vec![], ..sample() };
        assert_eq!(none.problem().as_deref(), Some("it has no questions"));
        let twice = Assignment { items: vec![Item::Guided("a".into()), Item::Guided("a".into())], ..sample() };
        assert_eq!(twice.problem().as_deref(), Some("it holds the same question twice"));
        let bad_id = Assignment { id: "a b".into(), ..sample() };
        assert!(bad_id.problem().is_some());
    }

    #[test]
    fn ids_are_plain() {
        let id = new_id(1_700_000_000_000.0, 123_456);
        assert!(valid_id(&id), "{id}");
        assert_ne!(id, new_id(1_700_000_000_000.0, 123_457));
        assert!(valid_id(&new_id(f64::NAN, 0)));
    }
}
