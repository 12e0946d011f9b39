//! The cleaned corpus against the seeds as received: chrome is gone, every other line of the
//! article is kept verbatim, and the metadata says nothing the text does not.

use ashraf3_companion::corpus;
use ashraf3_companion::model::{BlockKind, Document};

/// Chrome as a person reading the pages identified it, listed independently of the rules in
/// `clean.rs` so the two check each other.
const CHROME: &[(&str, &[&str])] = &[
    (
        "home-to-mek",
        &[
            "Uniting for Freedom, Democracy & Equality",
            "Generic selectors",
            "Exact matches only",
            "Search in title",
            "Search in content",
            "Post Type Selectors",
            "Filter by Categories",
            "1988 Massacre",
            "Activities Outside Iran",
            "Annual Grand Gathering",
            "Coronavirus",
            "Death Commissions",
            "Free Iran 2020 Global Summit",
            "Grand Gathering 2018- Videos",
            "Socio - Economic Crisis",
            "Media Gallery",
            "Recent Posts",
        ],
    ),
    ("source-of-hope", &["728 x 90"]),
    (
        "encyclopedia-earlier",
        &[
            "Aller au contenu principal",
            "Externals links",
            "A darling of US conservatives",
            "Collection James Bond 007",
            "Text submitted to CC-BY-SA license",
        ],
    ),
    (
        "lends-hope",
        &[
            "Ashraf 3’s\n",
            // The pull-quote: page furniture, not the article's first paragraph.
            "As the MEK has grown in power and influence, this campaign has increasingly focused on Ashraf 3.",
            "Tags:",
            "Copyright ©",
            "XML Sitemap",
            "Social media & sharing icons",
            "UltimatelySocial",
        ],
    ),
    ("encyclopedia-later", &["= Camp Ashraf 3 =", "==History==", "=== Aftermath ==="]),
];

fn cleaned(doc: &Document) -> String {
    doc.blocks.iter().map(|b| format!("{}\n", b.text)).collect()
}

fn doc(id: &str) -> &'static Document {
    corpus::documents().iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no document {id}"))
}

#[test]
fn chrome_is_gone() {
    for (id, strings) in CHROME {
        let text = cleaned(doc(id));
        for s in *strings {
            assert!(!text.contains(s), "{id}: chrome {s:?} still in the cleaned text");
            assert!(doc(id).original.contains(s.trim_end()), "{id}: {s:?} is not in the seed: the test is stale");
        }
    }
}

/// The category menu: the lines after "Filter by Categories" up to the first blank line.
fn menu(original: &str) -> Vec<&str> {
    original.lines().skip_while(|l| *l != "Filter by Categories").take_while(|l| !l.trim().is_empty()).collect()
}

/// Lines of the seed that belong to the chrome of its page.
fn is_chrome(id: &str, original: &str, line: &str) -> bool {
    let listed = CHROME.iter().any(|(d, s)| *d == id && s.iter().any(|s| line.starts_with(s.trim_end())));
    listed || menu(original).contains(&line) || line.starts_with('•')
}

#[test]
fn captions_typed_with_ordinary_spaces_find_their_non_breaking_lines() {
    let home = doc("home-to-mek");
    let captions: Vec<&str> = home.blocks.iter().filter(|b| b.kind == BlockKind::Caption).map(|b| b.text).collect();
    assert!(captions.iter().any(|c| c.starts_with("July 2016\u{a0}– Camp Liberty")), "{captions:?}");
    assert!(captions.iter().any(|c| c.starts_with("Exhibition of ")), "{captions:?}");
    let first = doc("lends-hope").blocks.iter().find(|b| b.kind == BlockKind::Paragraph).unwrap();
    assert!(first.text.starts_with("On Monday, July 6"), "the article starts after its pull-quote: {}", first.text);
}

#[test]
fn every_article_line_is_kept_verbatim() {
    for doc in corpus::documents() {
        let blocks: Vec<&str> = doc.blocks.iter().map(|b| b.text).collect();
        let mut checked = 0;
        for line in doc.original.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line = line.trim_matches('=').trim();
            if is_chrome(doc.id, doc.original, line) && !blocks.contains(&line) {
                continue;
            }
            assert!(blocks.contains(&line), "{}: line missing from cleaned text: {line:?}", doc.id);
            checked += 1;
        }
        assert!(checked >= 15, "{}: only {checked} lines checked", doc.id);
    }
}

#[test]
fn the_home_page_keeps_its_sentences_but_not_the_menu() {
    let d = doc("home-to-mek");
    let text = cleaned(d);
    assert!(text.contains("More than 2,500 MEK members built Ashraf 3 in the short period of one-and-half years."));
    assert!(text.contains("David Amess, UK Parliament Member"));
    // The recent-posts list repeated the title: the title appears once, as the title.
    assert_eq!(text.matches("Ashraf 3, Home to Iranian Opposition Group MEK in Albania").count(), 1);
}

#[test]
fn duplicated_captions_are_kept_once() {
    let d = doc("source-of-hope");
    let caption = d.blocks.iter().filter(|b| b.text.starts_with("The entrance of Ashraf 3")).count();
    let posters = d.blocks.iter().filter(|b| b.text.starts_with("Posters of Maryam Rajavi")).count();
    assert_eq!((caption, posters), (1, 1));
    assert!(d.blocks.iter().any(|b| b.kind == BlockKind::Caption));
    assert!(d.blocks.iter().any(|b| b.kind == BlockKind::Byline && b.text == "Reporting by PMOI/MEK"));
}

#[test]
fn wikitext_headings_become_headings() {
    let d = doc("encyclopedia-later");
    let heads: Vec<(BlockKind, &str)> =
        d.blocks.iter().filter(|b| b.kind.is_heading()).map(|b| (b.kind, b.text)).collect();
    assert_eq!(
        heads,
        vec![
            (BlockKind::Title, "Camp Ashraf 3"),
            (BlockKind::Heading, "History"),
            (BlockKind::Heading, "Residents and daily life"),
            (BlockKind::Heading, "Raid by Albanian police"),
            (BlockKind::Subheading, "Preludes and possible influences"),
            (BlockKind::Subheading, "Aftermath"),
        ]
    );
    assert_eq!(d.blocks[0].id, "title");
    assert!(d.block("h-raid-by-albanian-police").is_some());
}

#[test]
fn every_document_has_exactly_one_title_first() {
    for d in corpus::documents() {
        assert_eq!(d.blocks[0].kind, BlockKind::Title, "{}", d.id);
        assert_eq!(d.blocks.iter().filter(|b| b.kind == BlockKind::Title).count(), 1, "{}", d.id);
        assert_eq!(d.blocks[0].text, d.title, "{}", d.id);
    }
}

#[test]
fn paragraph_ids_are_unique_and_stable() {
    for d in corpus::documents() {
        let mut ids: Vec<&str> = d.blocks.iter().map(|b| b.id).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "{}", d.id);
    }
    assert!(doc("encyclopedia-later").block("p1").unwrap().text.starts_with("Camp Ashraf 3 (اشرف۳) serves"));
}

#[test]
fn originals_are_the_seeds_as_received() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data/seeds");
    for d in corpus::documents() {
        let seed = std::fs::read_to_string(seeds.join(d.seed)).unwrap();
        assert_eq!(d.original, seed, "{}", d.id);
    }
}
