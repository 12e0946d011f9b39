//! Text folding shared by glossary matching and search, so "Durres" finds "Durrës",
//! "MEK’s" finds "MEK's" and case never matters.

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::char::is_combining_mark;

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
        c => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out(l);
                }
            }
        }),
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
