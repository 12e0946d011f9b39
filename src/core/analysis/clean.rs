//! Turns a page as received into the article's own text: website chrome out, structure in.
//!
//! Seeds arrive as one paragraph per line. Chrome is recognised by rules that hold across
//! sites (search-form labels, ad-slot sizes, "Recent Posts" lists, footers) plus lines a
//! document's metadata names as chrome of its own site. Nothing else is dropped, and no
//! kept line is edited beyond trimming surrounding whitespace.

use crate::model::BlockKind;

/// Structure that cannot be read off the text reliably, stated per document in
/// `documents.toml` by a person who has looked at the page.
#[derive(Debug, Default, Clone)]
pub struct Hints {
    pub title: String,
    pub headings: Vec<String>,
    pub captions: Vec<String>,
    pub byline: Option<String>,
    /// Lines that are chrome of this document's site (a tagline, an image's alt text).
    pub chrome: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanBlock {
    pub kind: BlockKind,
    pub text: String,
}

/// Single lines that are site furniture wherever they appear.
const CHROME_LINES: &[&str] = &[
    "Aller au contenu principal",
    "Generic selectors",
    "Exact matches only",
    "Search in title",
    "Search in content",
    "Post Type Selectors",
    "Collection James Bond 007",
];

/// Line openings that mark a footer or tag line.
const CHROME_PREFIXES: &[&str] =
    &["Tags:", "Copyright ©", "Social media & sharing icons powered by", "Text submitted to CC-BY-SA license"];

/// A header that starts a run of chrome, and how far that run goes.
enum Run {
    /// Up to the next blank line (a menu printed one item per line).
    ToBlank,
    /// To the end of the page (a sidebar list after the article).
    ToEnd,
    /// Over blank lines and bullet items.
    Bullets,
}

const CHROME_RUNS: &[(&str, Run)] = &[
    ("Filter by Categories", Run::ToBlank),
    ("Recent Posts", Run::ToEnd),
    ("Externals links", Run::Bullets),
    ("External links", Run::Bullets),
];

/// An ad slot's label, such as "728 x 90".
fn is_ad_slot(line: &str) -> bool {
    let mut parts = line.split(" x ");
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    matches!((parts.next(), parts.next(), parts.next()), (Some(w), Some(h), None) if all_digits(w) && all_digits(h))
}

/// Whitespace folded to single spaces (a page's non-breaking spaces included), so that a hint
/// typed with ordinary spaces matches the line it names.
pub fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `line` is the line a hint names (compared with whitespace folded).
pub fn is_hinted(line: &str, hint: &str) -> bool {
    line == hint || normalize_space(line) == normalize_space(hint)
}

/// Whether a single trimmed line is chrome by the cross-site rules or the document's hints.
pub fn is_chrome_line(line: &str, hints: &Hints) -> bool {
    CHROME_LINES.contains(&line)
        || CHROME_PREFIXES.iter().any(|p| line.starts_with(p))
        || is_ad_slot(line)
        || hints.chrome.iter().any(|c| is_hinted(line, c))
}

/// The hints that name no line of `raw` (each with what kind of hint it is): a hint that
/// matches nothing silently leaves its line unstructured, so the build rejects it.
pub fn unmatched_hints<'h>(raw: &str, hints: &'h Hints) -> Vec<(&'static str, &'h str)> {
    let lines: Vec<&str> = raw.lines().map(str::trim).collect();
    let named = [("heading", &hints.headings), ("caption", &hints.captions), ("chrome line", &hints.chrome)];
    let byline = hints.byline.iter().map(|b| ("byline", b.as_str()));
    named
        .into_iter()
        .flat_map(|(kind, list)| list.iter().map(move |h| (kind, h.as_str())))
        .chain(byline)
        .filter(|(_, h)| !lines.iter().any(|l| is_hinted(l, h)))
        .collect()
}

/// `= Title =`, `==Heading==`, `=== Sub ===`: the encyclopedia's wikitext headings.
fn wiki_heading(line: &str) -> Option<(BlockKind, &str)> {
    let depth = line.bytes().take_while(|&b| b == b'=').count();
    let closing = line.bytes().rev().take_while(|&b| b == b'=').count();
    if depth == 0 || depth != closing || line.len() <= depth * 2 {
        return None;
    }
    let inner = line[depth..line.len() - depth].trim();
    let kind = match depth {
        1 => BlockKind::Title,
        2 => BlockKind::Heading,
        _ => BlockKind::Subheading,
    };
    (!inner.is_empty()).then_some((kind, inner))
}

fn kind_of(line: &str, hints: &Hints, title_seen: bool) -> BlockKind {
    if !title_seen && is_hinted(line, &hints.title) {
        BlockKind::Title
    } else if hints.headings.iter().any(|h| is_hinted(line, h)) {
        BlockKind::Heading
    } else if hints.captions.iter().any(|c| is_hinted(line, c)) {
        BlockKind::Caption
    } else if hints.byline.as_deref().is_some_and(|b| is_hinted(line, b)) {
        BlockKind::Byline
    } else {
        BlockKind::Paragraph
    }
}

/// Cleans one seed. Deterministic: the same text and hints always give the same blocks.
pub fn clean(raw: &str, hints: &Hints) -> Vec<CleanBlock> {
    let lines: Vec<&str> = raw.lines().map(str::trim).collect();
    let mut blocks: Vec<CleanBlock> = Vec::new();
    let mut title_seen = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if let Some((_, run)) = CHROME_RUNS.iter().find(|(h, _)| *h == line) {
            i = match run {
                Run::ToEnd => lines.len(),
                Run::ToBlank => (i..lines.len()).find(|&j| lines[j].is_empty()).unwrap_or(lines.len()),
                Run::Bullets => (i..lines.len())
                    .find(|&j| !(lines[j].is_empty() || lines[j].starts_with('•') || lines[j].starts_with("* ")))
                    .unwrap_or(lines.len()),
            };
            continue;
        }
        if line.is_empty() || is_chrome_line(line, hints) {
            continue;
        }
        let (kind, text) = match wiki_heading(line) {
            Some((kind, inner)) => (kind, inner),
            None => (kind_of(line, hints, title_seen), line),
        };
        // A title or caption printed twice by the page template is kept once.
        if blocks.last().is_some_and(|b| b.text == text) {
            continue;
        }
        title_seen |= kind == BlockKind::Title;
        blocks.push(CleanBlock { kind, text: text.to_string() });
    }
    blocks
}

/// Lower-case ASCII slug for heading fragment ids ("Raid by Albanian police" -> "raid-by-albanian-police").
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Fragment ids for a document's blocks: `p1`, `p2`… for text, `h-<slug>` for headings,
/// `title` for the title. Stable as long as the seed and its hints are.
pub fn block_ids(blocks: &[CleanBlock]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(blocks.len());
    let mut n = 0;
    for b in blocks {
        let id = match b.kind {
            BlockKind::Title => "title".to_string(),
            BlockKind::Heading | BlockKind::Subheading => {
                let base = format!("h-{}", slug(&b.text));
                let mut id = base.clone();
                let mut k = 2;
                while ids.contains(&id) {
                    id = format!("{base}-{k}");
                    k += 1;
                }
                id
            }
            _ => {
                n += 1;
                format!("p{n}")
            }
        };
        ids.push(id);
    }
    ids
}

/// Words as a reader counts them: runs of letters or digits.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(title: &str) -> Hints {
        Hints { title: title.into(), ..Default::default() }
    }

    #[test]
    fn wiki_headings_become_headings() {
        let b = clean("= T =\n\nIntro.\n\n==History==\n\n=== Aftermath ===\nText.", &hints("T"));
        let kinds: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Title, "T"),
                (BlockKind::Paragraph, "Intro."),
                (BlockKind::Heading, "History"),
                (BlockKind::Subheading, "Aftermath"),
                (BlockKind::Paragraph, "Text."),
            ]
        );
    }

    #[test]
    fn menus_footers_and_ads_go() {
        let raw = "728 x 90\n\nFilter by Categories\nNews\nVideos\n\nTitle\n\nBody one.\n\nRecent Posts\n\nOther post";
        let b = clean(raw, &hints("Title"));
        assert_eq!(b.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), vec!["Title", "Body one."]);
    }

    #[test]
    fn repeated_caption_kept_once_but_distant_repeats_kept() {
        let raw = "Cap\nCap\n\nText.\n\nCap";
        let b = clean(raw, &hints("x"));
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let b = clean("= T =\n\nA.\n\n==H==\n\nB.\n\n==H==\n\nC.", &hints("T"));
        assert_eq!(block_ids(&b), vec!["title", "p1", "h-h", "p2", "h-h-2", "p3"]);
    }

    #[test]
    fn ad_slot_shape() {
        assert!(is_ad_slot("728 x 90"));
        assert!(!is_ad_slot("3 x the size"));
    }

    #[test]
    fn hints_match_across_non_breaking_spaces_and_unmatched_ones_are_named() {
        let raw = "Title\nJuly\u{a0}2016 \u{2013} a caption\nBody text.\n";
        let hints = Hints {
            title: "Title".into(),
            captions: vec!["July 2016 \u{2013} a caption".into()],
            headings: vec!["No such heading".into()],
            ..Default::default()
        };
        let blocks = clean(raw, &hints);
        assert_eq!(blocks[1].kind, BlockKind::Caption);
        assert_eq!(blocks[1].text, "July\u{a0}2016 \u{2013} a caption", "the text itself is kept as received");
        assert_eq!(unmatched_hints(raw, &hints), vec![("heading", "No such heading")]);
    }
}
