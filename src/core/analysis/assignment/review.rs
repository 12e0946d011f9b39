//! The teacher's review: many hand-in files read into one table, a row per student and a
//! column per question. A file that is not a hand-in, is for another assignment or another
//! version of this one, or repeats a student, is set aside with its reason and never mixed in;
//! the table exports as CSV that a spreadsheet opens as text, never as formulas.

use super::handin::{self, HandIn, HandedAnswer};
use super::Assignment;
use crate::analysis::notes::Note;

/// A question of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub key: String,
    pub prompt: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub student: String,
    pub file: String,
    /// One per column; `None` where the student gave no answer.
    pub answers: Vec<Option<HandedAnswer>>,
    pub notes: Vec<Note>,
}

impl Row {
    pub fn missing(&self) -> usize {
        self.answers.iter().filter(|a| a.is_none()).count()
    }
}

/// A file left out of the table, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub file: String,
    pub why: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// The assignment reviewed: its id, version and title.
    pub assignment: Option<(String, u32, String)>,
    pub columns: Vec<Column>,
    /// Sorted by the student's name.
    pub rows: Vec<Row>,
    pub set_aside: Vec<SetAside>,
}

/// What the table is for: the assignment on the teacher's page, or, without one, the first
/// hand-in that reads.
pub enum Expected<'a> {
    Assignment { assignment: &'a Assignment, prompt: &'a dyn Fn(&super::Item) -> String },
    FirstFile,
}

fn same_student(a: &str, b: &str) -> bool {
    a.split_whitespace().map(str::to_lowercase).eq(b.split_whitespace().map(str::to_lowercase))
}

/// Reads `files` (name, text) into a review.
pub fn review(expected: Expected, files: &[(String, String)]) -> Review {
    let mut r = Review::default();
    if let Expected::Assignment { assignment, prompt } = &expected {
        r.assignment = Some((assignment.id.clone(), assignment.version, assignment.title.clone()));
        r.columns = assignment.items.iter().map(|i| Column { key: i.key(), prompt: prompt(i) }).collect();
    }
    let mut kept: Vec<(HandIn, String)> = Vec::new();
    for (file, text) in files {
        let aside = |why: String| SetAside { file: file.clone(), why };
        let h = match handin::from_json(text) {
            Ok(h) => h,
            Err(why) => {
                r.set_aside.push(aside(format!("Not read: {why}.")));
                continue;
            }
        };
        let a = &h.assignment;
        match &r.assignment {
            None => {
                r.assignment = Some((a.id.clone(), a.version, a.title.clone()));
                r.columns =
                    h.answers.iter().map(|x| Column { key: x.question.clone(), prompt: x.prompt.clone() }).collect();
            }
            Some((id, _, title)) if *id != a.id => {
                r.set_aside.push(aside(format!("For another assignment (“{}”), not “{title}”.", a.title)));
                continue;
            }
            Some((_, version, _)) if *version != a.version => {
                r.set_aside.push(aside(format!(
                    "For version {} of this assignment; this review is of version {version}.",
                    a.version
                )));
                continue;
            }
            Some(_) => {}
        }
        match kept.iter().position(|(k, _)| same_student(&k.student, &h.student)) {
            Some(at) if kept[at].0.answers == h.answers && kept[at].0.notes == h.notes => {
                r.set_aside.push(aside(format!("The same hand-in as {}.", kept[at].1)));
            }
            Some(at) => {
                // Two different hand-ins by one student: the later one counts.
                let (earlier, later) = if kept[at].0.exported <= h.exported {
                    (kept[at].1.clone(), file.clone())
                } else {
                    (file.clone(), kept[at].1.clone())
                };
                r.set_aside.push(SetAside {
                    file: earlier,
                    why: format!("An earlier hand-in by {}; the later one ({later}) is in the table.", h.student),
                });
                if later == *file {
                    kept[at] = (h, file.clone());
                }
            }
            None => kept.push((h, file.clone())),
        }
    }
    r.rows = kept
        .into_iter()
        .map(|(h, file)| Row {
            answers: r
                .columns
                .iter()
                .map(|c| h.answers.iter().find(|a| a.question == c.key && !a.is_missing()).cloned())
                .collect(),
            student: h.student,
            file,
            notes: h.notes,
        })
        .collect();
    r.rows.sort_by(|a, b| a.student.to_lowercase().cmp(&b.student.to_lowercase()).then_with(|| a.file.cmp(&b.file)));
    r
}

/// A cell a spreadsheet shows as the text it is: quoted when it holds a separator, a quote or
/// a line break, and with a `'` before a leading `=`, `+`, `-`, `@`, tab or carriage return,
/// which would otherwise start a formula (CSV injection).
pub fn csv_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The table as CSV: the student, then each question's answer (and its estimate, where the
/// question was answered with one), then the student's notes; one line per student.
pub fn to_csv(r: &Review) -> String {
    let with_estimate: Vec<bool> = (0..r.columns.len())
        .map(|i| r.rows.iter().any(|row| row.answers[i].as_ref().is_some_and(|a| a.estimate.is_some())))
        .collect();
    let mut header = vec!["Student".to_string()];
    for (i, c) in r.columns.iter().enumerate() {
        header.push(format!("Q{}: {}", i + 1, c.prompt));
        if with_estimate[i] {
            header.push(format!("Q{} estimate", i + 1));
        }
    }
    header.push("Notes".into());
    let mut lines = vec![header];
    for row in &r.rows {
        let mut line = vec![row.student.clone()];
        for (i, a) in row.answers.iter().enumerate() {
            line.push(a.as_ref().map(|a| a.text.clone()).unwrap_or_default());
            if with_estimate[i] {
                line.push(a.as_ref().and_then(|a| a.estimate).map(|e| e.to_string()).unwrap_or_default());
            }
        }
        let notes: Vec<String> = row
            .notes
            .iter()
            .filter(|n| !n.text.trim().is_empty() || !n.anchor.quote.trim().is_empty())
            .map(|n| format!("“{}” ({}): {}", n.anchor.quote.trim(), n.anchor.doc, n.text.trim()))
            .collect();
        line.push(notes.join("\n"));
        lines.push(line);
    }
    lines.iter().map(|l| l.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",")).map(|l| l + "\r\n").collect()
}

/// The files of a review the teacher keeps in this browser, as saved and read back; what
/// cannot be read back is an empty review, never an error that blocks the page.
pub fn files_to_json(files: &[(String, String)]) -> String {
    serde_json::to_string(files).unwrap_or_default()
}

pub fn files_from_json(text: &str) -> Vec<(String, String)> {
    serde_json::from_str(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::sample;
    use super::super::handin::fixtures::hand_in;
    use super::*;

    fn file(name: &str, h: &HandIn) -> (String, String) {
        (name.to_string(), h.to_json())
    }

    fn expected_review(files: &[(String, String)]) -> Review {
        let a = sample();
        review(Expected::Assignment { assignment: &a, prompt: &|i| format!("P {}", i.key()) }, files)
    }

    #[test]
    fn one_row_per_student_one_column_per_question() {
        let ana = hand_in("Ana", &[("who-wrote", "Her answer"), ("own-a1", "Second")]);
        let ben = hand_in("ben", &[("who-wrote", ""), ("own-a1", "Only this")]);
        let r = expected_review(&[file("b.json", &ben), file("a.json", &ana)]);
        assert_eq!(r.columns.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), ["who-wrote", "own-a1"]);
        assert_eq!(r.rows.iter().map(|r| r.student.as_str()).collect::<Vec<_>>(), ["Ana", "ben"], "sorted by name");
        assert_eq!(r.rows[0].missing(), 0);
        assert_eq!(r.rows[1].missing(), 1, "an empty answer is missing");
        assert!(r.set_aside.is_empty());
    }

    #[test]
    fn other_assignments_versions_duplicates_and_junk_are_set_aside() {
        let ana = hand_in("Ana", &[("who-wrote", "x")]);
        let mut other = hand_in("Cy", &[("who-wrote", "x")]);
        other.assignment.id = "elsewhere".into();
        other.assignment.title = "Week 9".into();
        let mut old = hand_in("Dee", &[("who-wrote", "x")]);
        old.assignment.version = 1;
        let mut later = hand_in("ANA ", &[("who-wrote", "changed")]);
        later.exported += 1000.0;
        let files = [
            file("ana.json", &ana),
            file("ana-copy.json", &ana),
            file("cy.json", &other),
            file("dee.json", &old),
            ("notes.json".to_string(), r#"{"schema":"ashraf3-companion/notes","version":1}"#.to_string()),
            ("junk.json".to_string(), "<html>".to_string()),
            file("ana-later.json", &later),
        ];
        let r = expected_review(&files);
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].file, "ana-later.json");
        assert_eq!(r.rows[0].answers[0].as_ref().unwrap().text, "changed");
        let why = |f: &str| r.set_aside.iter().find(|s| s.file == f).map(|s| s.why.clone()).unwrap_or_default();
        assert_eq!(why("ana-copy.json"), "The same hand-in as ana.json.");
        assert!(why("cy.json").contains("another assignment (“Week 9”)"), "{}", why("cy.json"));
        assert!(why("dee.json").contains("version 1"));
        assert!(why("notes.json").contains("My notes"));
        assert!(why("junk.json").contains("not a JSON"));
        assert!(why("ana.json").contains("earlier hand-in"));
        assert_eq!(r.set_aside.len(), 6);
    }

    #[test]
    fn without_an_assignment_the_first_hand_in_decides() {
        let ana = hand_in("Ana", &[("q1", "x"), ("q2", "")]);
        let mut other = hand_in("Cy", &[("q1", "x")]);
        other.assignment.id = "elsewhere".into();
        let r = review(Expected::FirstFile, &[file("a", &ana), file("c", &other)]);
        assert_eq!(r.assignment, Some(("lx4k2-9zz".into(), 2, "Week 3".into())));
        assert_eq!(r.columns[1].prompt, "Prompt of q2");
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.set_aside.len(), 1);
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        for f in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(csv_cell(f).trim_start_matches('"').starts_with('\''), "{f}");
        }
        assert_eq!(csv_cell("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        let mut ana = hand_in("=Ana", &[("who-wrote", "Yes, \"quoted\"\nand more"), ("own-a1", "")]);
        ana.answers[1].estimate = Some(1500.0);
        let csv = to_csv(&expected_review(&[file("a", &ana)]));
        let expected = "Student,Q1: P who-wrote,Q2: P own-a1,Q2 estimate,Notes\r\n'=Ana,\"Yes, \"\"quoted\"\"\nand more\",,1500,\r\n";
        assert_eq!(csv, expected);
    }

    #[test]
    fn kept_reviews_read_back() {
        let files = vec![("a.json".to_string(), "{\"x\": \"é\"}".to_string())];
        assert_eq!(files_from_json(&files_to_json(&files)), files);
        assert!(files_from_json("garbage").is_empty());
    }

    /// 200 hand-ins of a realistic size are read in well under a frame's worth of a second
    /// on the host (the browser benchmark prints the figure in the page).
    #[test]
    fn two_hundred_hand_ins_are_read() {
        let files: Vec<(String, String)> = (0..200)
            .map(|i| {
                file(
                    &format!("{i}.json"),
                    &hand_in(&format!("Student {i}"), &[("who-wrote", &"word ".repeat(200)), ("own-a1", "x")]),
                )
            })
            .collect();
        let r = expected_review(&files);
        assert_eq!(r.rows.len(), 200);
        assert!(to_csv(&r).lines().count() > 200);
    }
}
