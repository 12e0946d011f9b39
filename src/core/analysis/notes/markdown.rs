//! The Markdown export, to read, print or hand in.

use super::{is_blank, whole_paragraph, Anchor, Answer, Note, Workspace};

/// What the Markdown export needs from the app (titles and absolute links are the app's business).
pub struct MarkdownContext<'a> {
    /// "My notes on Camp Ashraf 3".
    pub title: &'a str,
    /// A date the app formats.
    pub exported: &'a str,
    pub doc_title: &'a dyn Fn(&str) -> String,
    /// The absolute URL of the passage.
    pub passage_link: &'a dyn Fn(&Anchor) -> String,
    pub question_prompt: &'a dyn Fn(&str) -> Option<String>,
    /// The question's address, when the companion has one for it.
    pub question_link: &'a dyn Fn(&str) -> Option<String>,
}

/// A heading is one line: a line break would end it and spill the rest into the text.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text that no Markdown viewer renders as HTML: a `<` that would open a tag or an autolink,
/// and a `&` that would start an entity, are backslash-escaped (CommonMark shows them as
/// written). The student's Markdown otherwise stays theirs.
fn inert(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '<' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link's destination that cannot end the link early or open a tag: spaces, brackets and
/// line breaks are percent-encoded (a document id from an imported file may hold any of them).
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '<' | '>' | '(' | ')' | '\\' | '"' | '\n' | '\r' | '\t' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// The notes and answers as a Markdown file the student can keep, print or paste into an
/// essay. The student's words keep their Markdown, but nothing in them (or in a document id
/// or title) is rendered as HTML (see [`inert`]); quotes keep their `>` on every line so a
/// line break cannot end them.
pub fn to_markdown(w: &Workspace, ctx: &MarkdownContext) -> String {
    let mut out = format!("# {}\n\nExported {}.\n", inert(&one_line(ctx.title)), inert(&one_line(ctx.exported)));
    let notes: Vec<&Note> = w.notes.iter().filter(|n| !is_blank(n)).collect();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n");
        let mut docs: Vec<&str> = Vec::new();
        for n in &notes {
            if !docs.contains(&n.anchor.doc.as_str()) {
                docs.push(&n.anchor.doc);
            }
        }
        for doc in docs {
            out.push_str(&format!("\n### {}\n", inert(&one_line(&(ctx.doc_title)(doc)))));
            for n in notes.iter().filter(|n| n.anchor.doc == doc) {
                out.push('\n');
                if whole_paragraph(&n.anchor) {
                    out.push_str("> (the whole paragraph)\n");
                } else {
                    for line in n.anchor.quote.trim().lines().map(str::trim_end) {
                        out.push_str(&if line.is_empty() { ">\n".to_string() } else { format!("> {}\n", inert(line)) });
                    }
                }
                out.push_str(&format!("\n[Read the passage]({})\n", destination(&(ctx.passage_link)(&n.anchor))));
                if !n.text.trim().is_empty() {
                    out.push_str(&format!("\n{}\n", inert(n.text.trim())));
                }
            }
        }
    }
    let answers: Vec<&Answer> =
        w.answers.iter().filter(|a| !a.text.trim().is_empty() || a.estimate.is_some()).collect();
    if !answers.is_empty() {
        out.push_str("\n## Answers to the questions\n");
        for a in answers {
            let prompt = (ctx.question_prompt)(&a.question).unwrap_or_else(|| a.question.clone());
            out.push_str(&format!("\n### {}\n", inert(&one_line(&prompt))));
            if let Some(link) = (ctx.question_link)(&a.question) {
                out.push_str(&format!("\n[The question]({})\n", destination(&link)));
            }
            if let Some(e) = a.estimate {
                out.push_str(&format!("\nEstimate: {e}\n"));
            }
            if !a.text.trim().is_empty() {
                out.push_str(&format!("\n{}\n", inert(a.text.trim())));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn markdown(w: &Workspace) -> String {
        let ctx = MarkdownContext {
            title: "My notes on Camp Ashraf 3",
            exported: "1 March 2026",
            doc_title: &|d| format!("Title of {d}"),
            passage_link: &|a| format!("https://x.org/{}#{}", a.doc, a.block),
            question_prompt: &|q| (q == "q-sources").then(|| "Which sources\nagree?".to_string()),
            // A question the companion has no address for (an assignment's) gets no link.
            question_link: &|q| (!q.starts_with("assignment:")).then(|| format!("https://x.org/questions#{q}")),
        };
        to_markdown(w, &ctx)
    }

    #[test]
    fn a_question_without_an_address_has_no_link() {
        let mut w = Workspace::default();
        w.answers.push(Answer {
            question: "assignment:a1:own-1".into(),
            text: "Mine".into(),
            estimate: None,
            updated: 0.0,
        });
        let md = markdown(&w);
        assert!(md.contains("### assignment:a1:own-1\n\nMine\n"), "{md}");
        assert!(!md.contains("[The question]"), "{md}");
    }

    #[test]
    fn markdown_export() {
        let mut w = sample();
        w.notes[0].anchor.quote = "First line of the quote\n\nafter a blank line".into();
        w.notes.push(note("n-4", "home-to-mek", "p5", "later", "Back in the first document."));
        // Documents in the order of their first note, each once; quotes keep `>` on every line.
        let expected = r#"# My notes on Camp Ashraf 3

Exported 1 March 2026.

## Notes

### Title of home-to-mek

> First line of the quote
>
> after a blank line

[Read the passage](https://x.org/home-to-mek#p3)

Where the camp is.
Second line.

> a highlight

[Read the passage](https://x.org/home-to-mek#p4)

> later

[Read the passage](https://x.org/home-to-mek#p5)

Back in the first document.

### Title of other-doc

> (the whole paragraph)

[Read the passage](https://x.org/other-doc#p1)

On the whole paragraph: «اشرف۳»

## Answers to the questions

### Which sources agree?

[The question](https://x.org/questions#q-sources)

Two of them cite the same report.

### q-count

[The question](https://x.org/questions#q-count)

Estimate: 2500
"#;
        assert_eq!(markdown(&w), expected);
        assert_eq!(markdown(&Workspace::default()), "# My notes on Camp Ashraf 3\n\nExported 1 March 2026.\n");
    }

    #[test]
    fn markdown_never_carries_html() {
        let attack = "<img src=x onerror=alert(1)>";
        let mut w = Workspace::default();
        w.notes.push(note("n-1", attack, "p1", "x <b>bold</b> &amp;", &format!("**mine** {attack}")));
        w.answers.push(Answer { question: attack.into(), text: "a <script>".into(), estimate: None, updated: 0.0 });
        let md = markdown(&w);
        assert!(md.contains("### Title of \\<img src=x onerror=alert(1)>\n"), "{md}");
        assert!(md.contains("> x \\<b>bold\\</b> \\&amp;\n"), "{md}");
        assert!(md.contains("\n**mine** \\<img"), "the student's Markdown stays: {md}");
        assert!(md.contains("(https://x.org/%3Cimg%20src=x%20onerror=alert%281%29%3E#p1)"), "{md}");
        assert!(md.contains("(https://x.org/questions#%3Cimg%20src=x"), "{md}");
        assert!(md.contains("\na \\<script>\n"), "{md}");
        // Every `<` in the file is escaped or percent-encoded.
        assert!(md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')), "{md}");
    }
}
