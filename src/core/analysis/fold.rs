//! Text folding shared by glossary matching and search, so "Durres" finds "Durrës",
//! "MEK’s" finds "MEK's" and case never matters.

#[path = "fold_table.rs"]
mod table;

/// Blocks of combining marks, which folding drops: the general diacritics, Cyrillic titlos,
/// and Arabic-script vowel signs (Persian text in the corpus may carry them). A compact
/// stand-in for Unicode's full mark tables, which would add tens of kilobytes to the app.
const MARKS: &[(char, char)] = &[
    ('\u{0300}', '\u{036F}'),
    ('\u{0483}', '\u{0489}'),
    ('\u{064B}', '\u{065F}'),
    ('\u{0670}', '\u{0670}'),
    ('\u{06D6}', '\u{06ED}'),
    ('\u{1AB0}', '\u{1AFF}'),
    ('\u{1DC0}', '\u{1DFF}'),
    ('\u{20D0}', '\u{20FF}'),
    ('\u{FE20}', '\u{FE2F}'),
];

fn is_mark(c: char) -> bool {
    MARKS.iter().any(|&(a, b)| (a..=b).contains(&c))
}

/// A Latin, Greek or Cyrillic letter folded to its lower-case base letter (É -> e, Д -> д).
/// Letters of other scripts are kept as they are: the table stands in for Unicode's
/// decomposition and case tables, which would add tens of kilobytes to the app.
fn folded(c: char) -> char {
    u16::try_from(c as u32)
        .ok()
        .and_then(|u| table::FOLDED.binary_search_by_key(&u, |&(k, _)| k).ok())
        .and_then(|i| char::from_u32(table::FOLDED[i].1 as u32))
        .unwrap_or(c)
}

/// Folds one character to zero or more lower-case base characters: diacritics stripped
/// (ë -> e, Ç -> c), typographic apostrophes and dashes made ASCII.
pub fn fold_char(c: char, out: &mut impl FnMut(char)) {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' => out('\''),
        '‐' | '‑' | '‒' | '–' | '—' => out('-'),
        'ß' => {
            out('s');
            out('s');
        }
        c if c.is_ascii() => out(c.to_ascii_lowercase()),
        c if is_mark(c) => {}
        c => out(folded(c)),
    }
}

/// Folds a string. The result is not byte-aligned with the input: use [`fold_with_offsets`]
/// when positions must map back to the original text.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut |f| out.push(f));
    }
    out
}

/// Folds a string and records, for every byte of the folded text, the byte offset in `s`
/// of the character it came from; a final entry holds `s.len()`, so a folded range
/// `a..b` maps back to `offsets[a]..offsets[b]`.
pub fn fold_with_offsets(s: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        fold_char(c, &mut |f| {
            out.push(f);
            offsets.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
        });
    }
    offsets.push(s.len() as u32);
    (out, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_diacritics_and_case() {
        assert_eq!(fold("Manëz, Durrës, Bledi Çuçi"), "manez, durres, bledi cuci");
        assert_eq!(fold("MEK’s"), "mek's");
    }

    /// One character folded with Unicode's full tables: canonical decomposition, combining
    /// marks dropped, lower case. What the compact table and `MARKS` stand in for.
    fn unicode_fold_char(c: char) -> String {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        let mut out = String::new();
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase())
            }
        });
        out
    }

    /// The table as Unicode gives it, in the file's layout.
    fn render_table() -> String {
        let ranges = [(0xC0u32, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF)];
        let mut out = String::from(include_str!("fold_table.rs").split("pub(super)").next().unwrap_or_default());
        out.push_str("pub(super) const FOLDED: &[(u16, u16)] = &[\n");
        let mut line = String::new();
        for c in ranges.into_iter().flat_map(|(a, b)| a..=b).filter_map(char::from_u32) {
            let f: Vec<char> = unicode_fold_char(c).chars().collect();
            assert!(f.len() == 1 || (f.is_empty() && is_mark(c)), "{c:?} folds to {f:?}");
            if f.len() == 1 && f[0] != c {
                let item = format!("(0x{:04X}, 0x{:04X}),", c as u32, f[0] as u32);
                if line.len() + item.len() + 1 > 116 {
                    out.push_str(&format!("    {}\n", line.trim_end()));
                    line.clear();
                }
                line.push_str(&item);
                line.push(' ');
            }
        }
        out.push_str(&format!("    {}\n];\n", line.trim_end()));
        out
    }

    #[test]
    fn table_matches_unicode() {
        let expected = render_table();
        if std::env::var_os("REGENERATE_FOLD_TABLE").is_some() {
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/analysis/fold_table.rs"), &expected).unwrap();
        }
        assert!(expected == include_str!("fold_table.rs"), "fold_table.rs is stale: run with REGENERATE_FOLD_TABLE=1");
    }

    fn unicode_fold(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                c if c.is_ascii() || "’‘ʼ`´‐‑‒–—ß".contains(c) => fold(&c.to_string()),
                c => unicode_fold_char(c),
            })
            .collect()
    }

    #[test]
    fn agrees_with_unicode_on_the_corpus_and_european_scripts() {
        let european: String = [(0xC0u32, 0x24F), (0x300, 0x4FF), (0x1E00, 0x1FFF)]
            .into_iter()
            .flat_map(|(a, b)| a..=b)
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(fold(&european), unicode_fold(&european));
        // The seeds as received (what the app folds, cleaned or not).
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/seeds");
        for entry in std::fs::read_dir(&seeds).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(fold(&text), unicode_fold(&text), "{}", path.display());
        }
    }

    #[test]
    fn offsets_map_back() {
        let s = "Durrës County";
        let (f, off) = fold_with_offsets(s);
        let a = f.find("county").unwrap();
        let b = a + "county".len();
        assert_eq!(&s[off[a] as usize..off[b] as usize], "County");
        let d = f.find("durres").unwrap();
        assert_eq!(&s[off[d] as usize..off[d + 6] as usize], "Durrës");
    }
}
