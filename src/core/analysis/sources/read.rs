//! Reading what a student pastes or opens (plain text, Markdown, HTML) into passages, the way
//! the build reads a seed: one block per paragraph or heading, site chrome out by the same
//! cross-site rules. HTML is read as text only: tags are dropped, the contents of script, style
//! and the like are dropped with them, entities are decoded; nothing of it is ever rendered as
//! HTML, so nothing in it can run.

use super::{Kind, Passage};
use crate::analysis::clean::{is_chrome_line, normalize_space, Hints};

/// How the text is written: pasted text and `.txt` are plain, `.md` is Markdown, `.html` HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name says, or `None` for a file the companion does not read.
    pub fn of_file(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// A line of the text before paragraphs are formed: a heading, or a line of body text
/// (`None`: a blank line, or a tag that ends a paragraph).
type Line = Option<(Kind, String)>;

/// `= Title =`, `== Heading ==`: wikitext headings, read in every format as the build reads them.
fn wiki_heading(line: &str) -> Option<&str> {
    let depth = line.bytes().take_while(|&b| b == b'=').count();
    let closing = line.bytes().rev().take_while(|&b| b == b'=').count();
    if depth == 0 || depth != closing || line.len() <= depth * 2 {
        return None;
    }
    Some(line[depth..line.len() - depth].trim()).filter(|s| !s.is_empty())
}

/// `# Heading` to `###### Heading`.
fn markdown_heading(line: &str) -> Option<&str> {
    let depth = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&depth) || !line[depth..].starts_with([' ', '\t']) {
        return None;
    }
    Some(line[depth..].trim().trim_end_matches('#').trim()).filter(|s| !s.is_empty())
}

/// A list item starts a paragraph of its own.
fn is_list_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || line.starts_with("• ")
        || (digits > 0 && line[digits..].starts_with(". "))
}

/// Markdown's inline marks that are not words: `[text](address)` keeps the text, emphasis and
/// code marks go.
fn markdown_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let target = &after[close + 2..];
            target.find(')').map(|end| (&after[..close], close + 2 + end + 1))
        });
        match link {
            Some((text, len)) if !text.contains('[') => {
                out.push_str(&rest[..open]);
                out.push_str(text);
                rest = &after[len..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

fn text_lines(text: &str, markdown: bool) -> Vec<Line> {
    let mut lines = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            lines.push(None);
            continue;
        }
        if let Some(h) = wiki_heading(line).or_else(|| markdown.then(|| markdown_heading(line)).flatten()) {
            lines.push(None);
            lines.push(Some((Kind::Heading, h.to_string())));
            lines.push(None);
            continue;
        }
        if markdown && line.trim_start_matches(['-', '*', '_', '=', ' ']).is_empty() {
            lines.push(None); // a rule or a heading's underline
            continue;
        }
        let line = if markdown { markdown_inline(line.trim_start_matches('>').trim()) } else { line.to_string() };
        if is_list_item(&line) {
            lines.push(None);
        }
        lines.push(Some((Kind::Paragraph, line)));
    }
    lines
}

/// Tags whose content is not text to read.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "title", "svg", "math", "head", "iframe", "object", "select", "textarea",
];

/// Tags that end a paragraph.
const BREAKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "form",
    "body",
    "html",
    "caption",
    "address",
    "details",
    "summary",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

fn is_heading_tag(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A tag at the start of `s` (which starts with `<`): its lower-case name, whether it closes,
/// and its length. `None` when the `<` is not a tag (a literal "less than").
fn tag_at(s: &str) -> Option<(String, bool, usize)> {
    let body = &s[1..];
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let first = body.chars().next()?;
    if !(first.is_ascii_alphabetic() || (!closing && (first == '!' || first == '?'))) {
        return None;
    }
    let name: String =
        body.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>().to_ascii_lowercase();
    // The end of the tag, past quoted attribute values.
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some((name, closing, i + 1)),
            _ => {}
        }
    }
    Some((name, closing, s.len()))
}

fn html_lines(html: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut text = String::new();
    let mut heading = false;
    let flush = |text: &mut String, heading: bool, lines: &mut Vec<Line>| {
        let line = normalize_space(&decode_entities(text));
        text.clear();
        if !line.is_empty() {
            lines.push(Some((if heading { Kind::Heading } else { Kind::Paragraph }, line)));
        }
        lines.push(None);
    };
    let mut at = 0;
    while at < html.len() {
        let rest = &html[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at += 4 + comment.find("-->").map_or(comment.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<') {
            if let Some((name, closing, len)) = tag_at(rest) {
                at += len;
                if !closing && DROPPED.contains(&name.as_str()) && !rest[..len].ends_with("/>") {
                    // Everything up to the matching end tag goes, whatever it holds.
                    let lower = html[at..].to_ascii_lowercase();
                    at += lower
                        .find(&format!("</{name}"))
                        .map_or(lower.len(), |e| e + lower[e..].find('>').map_or(lower.len() - e, |g| g + 1));
                } else if BREAKS.contains(&name.as_str()) {
                    flush(&mut text, heading, &mut lines);
                    heading = is_heading_tag(&name) && !closing;
                } else {
                    // An inline tag between two words is not a space, but one between a word
                    // and the next block's is: the words on either side stay apart.
                    if matches!(name.as_str(), "img" | "input" | "button") {
                        text.push(' ');
                    }
                }
                continue;
            }
        }
        let next = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
        text.push_str(&rest[..next]);
        at += next;
    }
    flush(&mut text, heading, &mut lines);
    lines
}

const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("copy", "©"),
    ("eacute", "é"),
    ("euml", "ë"),
    ("ccedil", "ç"),
    ("shy", ""),
];

/// `&amp;`, `&#8217;`, `&#x2019;` and the common named entities; anything else stays as it is.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32).map(String::from)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32).map(String::from)
            } else {
                ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
            };
            c.filter(|c| !c.contains('\0')).map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Lines into passages: a blank line (or a block tag) ends a paragraph and the lines of one
/// paragraph are joined. Plain text with no blank line at all is one paragraph a line, as
/// text copied from a web page arrives (and as the seeds are). Chrome lines go, and a line
/// printed twice in a row is kept once, as the build does.
fn passages(lines: Vec<Line>, one_per_line: bool) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut current: Option<String> = None;
    let hints = Hints::default();
    let push = |out: &mut Vec<Passage>, kind: Kind, text: String| {
        let text = normalize_space(&text);
        if text.is_empty() || is_chrome_line(&text, &hints) || out.last().is_some_and(|p| p.text == text) {
            return;
        }
        out.push(Passage { kind, text });
    };
    for line in lines {
        match line {
            Some((Kind::Paragraph, text)) if !one_per_line => {
                current = Some(match current.take() {
                    Some(c) => format!("{c} {text}"),
                    None => text,
                });
            }
            Some((kind, text)) => {
                if let Some(c) = current.take() {
                    push(&mut out, Kind::Paragraph, c);
                }
                push(&mut out, kind, text);
            }
            None => {
                if let Some(c) = current.take() {
                    push(&mut out, Kind::Paragraph, c);
                }
            }
        }
    }
    if let Some(c) = current {
        push(&mut out, Kind::Paragraph, c);
    }
    out
}

/// The passages of a text in `format`.
pub fn passages_of(text: &str, format: Format) -> Vec<Passage> {
    match format {
        Format::Html => passages(html_lines(text), false),
        Format::Text | Format::Markdown => {
            let blank_between = text.trim().lines().any(|l| l.trim().is_empty());
            passages(text_lines(text, format == Format::Markdown), format == Format::Text && !blank_between)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &[Passage]) -> Vec<(Kind, &str)> {
        p.iter().map(|p| (p.kind, p.text.as_str())).collect()
    }

    #[test]
    fn plain_text_one_paragraph_a_line_or_by_blank_lines() {
        let p = passages_of("First line.\nSecond line.\n", Format::Text);
        assert_eq!(texts(&p), [(Kind::Paragraph, "First line."), (Kind::Paragraph, "Second line.")]);
        let p = passages_of("A wrapped\nparagraph.\n\n== History ==\n\nAnother\none.", Format::Text);
        assert_eq!(
            texts(&p),
            [(Kind::Paragraph, "A wrapped paragraph."), (Kind::Heading, "History"), (Kind::Paragraph, "Another one.")]
        );
    }

    #[test]
    fn markdown_headings_lists_and_links() {
        let md = "# Camp report\n\nThe **camp** near [Manëz](https://example.org/m) was\nvisited.\n\n- one item\n- two items\n\n---\n## Later\nText `code`.";
        assert_eq!(
            texts(&passages_of(md, Format::Markdown)),
            [
                (Kind::Heading, "Camp report"),
                (Kind::Paragraph, "The camp near Manëz was visited."),
                (Kind::Paragraph, "- one item"),
                (Kind::Paragraph, "- two items"),
                (Kind::Heading, "Later"),
                (Kind::Paragraph, "Text code."),
            ]
        );
    }

    #[test]
    fn html_is_read_as_text_and_nothing_of_it_survives() {
        let html = r#"<!doctype html><html><head><title>T</title><style>p{color:red}</style>
            <script>alert("x")</script></head><body><nav>Aller au contenu principal</nav>
            <h1 class="t">The &ldquo;camp&rdquo;</h1><p>Fish &amp; chips<br>and <a href="x" onclick="evil()">a link</a>
            &#8212; &#x41;.</p><!-- <p>hidden</p> --><p>3 &lt; 4 <img src=x onerror="alert(1)"> ok</p>
            <SCRIPT type="text/javascript">document.write("<p>gone</p>")</SCRIPT><p>a > b, & c</p></body></html>"#;
        assert_eq!(
            texts(&passages_of(html, Format::Html)),
            [
                (Kind::Heading, "The “camp”"),
                (Kind::Paragraph, "Fish & chips"),
                (Kind::Paragraph, "and a link — A."),
                (Kind::Paragraph, "3 < 4 ok"),
                (Kind::Paragraph, "a > b, & c"),
            ]
        );
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(decode_entities("&amp;&amp;x &bogus; &#0; & &#x1F600;"), "&&x &bogus; &#0; & 😀");
    }

    #[test]
    fn file_names_name_formats() {
        assert_eq!(Format::of_file("report.HTML"), Some(Format::Html));
        assert_eq!(Format::of_file("notes.md"), Some(Format::Markdown));
        assert_eq!(Format::of_file("a.txt"), Some(Format::Text));
        assert_eq!(Format::of_file("photo.jpg"), None);
        assert_eq!(Format::of_file("README"), None);
    }
}
