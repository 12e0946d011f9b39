//! The assignment as a link's query value: `1.<base64url of compact JSON>.<checksum>`. The
//! leading number is the format's version, so a later format can still read this one; the
//! checksum (FNV-1a over the first two parts) catches a link cut short or edited by hand,
//! which would otherwise decode into a different, plausible assignment. Links longer than
//! [`MAX_CHARS`] are refused when composed and when opened: some course platforms and mail
//! programs cut longer ones.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::Assignment;

/// The format this build writes.
pub const FORMAT: &str = "1";

/// The longest assignment code (the `a=` value), said up front in the composer. Whole URLs
/// of about 8,000 characters pass every current browser, LMS and mail program we know of;
/// this leaves room for the companion's address in front of it.
pub const MAX_CHARS: usize = 6000;

/// Why a link cannot be read, in words for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    TooLong(usize),
    /// Not three parts, or not this format's characters: cut or mangled.
    Malformed,
    UnknownFormat(String),
    /// The checksum does not match: cut or edited by hand.
    Checksum,
    /// It decodes, but not into an assignment this companion can show.
    Invalid(String),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Empty => write!(f, "This assignment link holds no assignment: it may have been cut before its “?a=” part."),
            LinkError::TooLong(n) => write!(f, "This assignment link is too long ({n} characters; at most {MAX_CHARS}). Ask your teacher for a shorter one."),
            LinkError::Malformed | LinkError::Checksum => write!(f, "This assignment link is damaged: it was cut short or changed by hand. Open the link exactly as your teacher gave it, or ask for it again."),
            LinkError::UnknownFormat(v) => write!(f, "This assignment link was made in a format this companion does not know (“{v}”). A newer companion may read it."),
            LinkError::Invalid(why) => write!(f, "This assignment link cannot be used: {why}."),
        }
    }
}

fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn from_base64url(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(s).ok()
}

fn checksum(s: &str) -> String {
    let hash = s.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("{hash:08x}")
}

/// The code for a link (`assignment/?a=<code>`), or why it cannot be made.
pub fn encode(a: &Assignment) -> Result<String, LinkError> {
    if let Some(why) = a.problem() {
        return Err(LinkError::Invalid(why));
    }
    let json = serde_json::to_string(a).map_err(|e| LinkError::Invalid(e.to_string()))?;
    let body = format!("{FORMAT}.{}", base64url(json.as_bytes()));
    let code = format!("{body}.{}", checksum(&body));
    if code.len() > MAX_CHARS {
        return Err(LinkError::TooLong(code.len()));
    }
    Ok(code)
}

/// The assignment a code holds. Never panics: whatever was cut or changed gives a reason.
pub fn decode(code: &str) -> Result<Assignment, LinkError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(LinkError::Empty);
    }
    if code.len() > MAX_CHARS {
        return Err(LinkError::TooLong(code.len()));
    }
    let parts: Vec<&str> = code.split('.').collect();
    let [format, payload, sum] = parts.as_slice() else {
        return Err(match parts.first() {
            Some(f) if parts.len() > 1 && *f != FORMAT && f.bytes().all(|b| b.is_ascii_digit()) => {
                LinkError::UnknownFormat(f.to_string())
            }
            _ => LinkError::Malformed,
        });
    };
    if *format != FORMAT {
        return Err(if format.bytes().all(|b| b.is_ascii_digit()) && !format.is_empty() {
            LinkError::UnknownFormat(format.to_string())
        } else {
            LinkError::Malformed
        });
    }
    if checksum(&format!("{format}.{payload}")) != *sum {
        return Err(LinkError::Checksum);
    }
    let bytes = from_base64url(payload).ok_or(LinkError::Malformed)?;
    let a: Assignment =
        serde_json::from_slice(&bytes).map_err(|_| LinkError::Invalid("its contents are not an assignment".into()))?;
    match a.problem() {
        Some(why) => Err(LinkError::Invalid(why)),
        None => Ok(a),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::sample;
    use super::super::{Item, OwnQuestion};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trips_and_stays_in_the_url_alphabet() {
        let a = sample();
        let code = encode(&a).unwrap();
        assert!(code.starts_with("1."));
        assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')), "{code}");
        assert_eq!(crate::route::encode(&code), code, "nothing in it needs escaping");
        assert_eq!(decode(&code), Ok(a));
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            assert_eq!(from_base64url(&base64url(s.as_bytes())).unwrap(), s.as_bytes());
        }
        assert_eq!(from_base64url("Z"), None);
        assert_eq!(from_base64url("Z=g"), None);
    }

    #[test]
    fn bad_links_say_why() {
        let code = encode(&sample()).unwrap();
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode(&code[..code.len() / 2]), Err(LinkError::Malformed));
        assert_eq!(decode(&code[..code.len() - 1]), Err(LinkError::Checksum));
        assert_eq!(decode(&code.replacen("1.", "2.", 1)), Err(LinkError::UnknownFormat("2".into())));
        let edited = code.replacen('e', "f", 1);
        assert_eq!(decode(&edited), Err(LinkError::Checksum));
        assert!(matches!(decode(&"x".repeat(MAX_CHARS + 1)), Err(LinkError::TooLong(_))));
        let body = format!("1.{}", base64url(b"{\"i\":\"a\"}"));
        let sum = checksum(&body);
        assert!(matches!(decode(&format!("{body}.{sum}")), Err(LinkError::Invalid(_))));
        for e in [LinkError::Empty, LinkError::Checksum, LinkError::TooLong(7000)] {
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn too_long_is_refused_when_composed() {
        let mut a = sample();
        a.items = (0..30)
            .map(|i| Item::Own(OwnQuestion { key: format!("k{i}"), prompt: "word ".repeat(60), links: vec![] }))
            .collect();
        assert!(matches!(encode(&a), Err(LinkError::TooLong(n)) if n > MAX_CHARS));
    }

    proptest! {
        /// Any cut of a valid link, and any one character changed, is an error, never a panic
        /// and never a different assignment.
        #[test]
        fn cut_or_edited_links_are_errors(cut in 0usize..2000, at in 0usize..2000, c in proptest::char::any()) {
            let code = encode(&sample()).unwrap();
            let cut = cut % code.len();
            prop_assert!(decode(&code[..cut]).is_err());
            let at = at % code.len();
            let mut edited: Vec<char> = code.chars().collect();
            if edited[at] != c {
                edited[at] = c;
                let edited: String = edited.into_iter().collect();
                prop_assert!(decode(&edited).is_err(), "{}", edited);
            }
        }

        /// Any text at all: an error or an assignment, never a panic.
        #[test]
        fn any_text_decodes_or_fails(s in ".{0,300}") {
            let _ = decode(&s);
        }

        /// Whatever the teacher types round-trips.
        #[test]
        fn any_assignment_round_trips(title in ".{1,80}", instructions in ".{0,200}", prompt in ".{1,100}", due in ".{0,30}") {
            prop_assume!(!title.trim().is_empty() && !prompt.trim().is_empty());
            let mut a = sample();
            a.title = title;
            a.instructions = instructions;
            a.due = due;
            a.items.push(Item::Own(OwnQuestion { key: "z".into(), prompt, links: vec![] }));
            let code = encode(&a).unwrap();
            prop_assert_eq!(decode(&code), Ok(a));
        }
    }
}
