//! The saved form of the reader's settings: `marks=1;sync=0`. Settings predate the notes'
//! JSON and stay in this small format of their own, so settings saved by earlier versions keep
//! working; reading it is strict, so damaged data is recognised (and kept aside by the app)
//! instead of half-read.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefs {
    /// Underline glossary terms and offer their tooltips.
    pub glossary_marks: bool,
    /// Scroll the two columns of a comparison together.
    pub sync_scroll: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs { glossary_marks: true, sync_scroll: true }
    }
}

impl Prefs {
    pub fn to_saved(self) -> String {
        format!("marks={};sync={}", u8::from(self.glossary_marks), u8::from(self.sync_scroll))
    }

    /// `None` when the text is not something this app wrote. Unknown keys are ignored, so an
    /// older app can read a newer app's settings.
    pub fn from_saved(text: &str) -> Option<Prefs> {
        let mut prefs = Prefs::default();
        let mut known = 0;
        for pair in text.split(';') {
            let (key, value) = pair.split_once('=')?;
            let value = match value {
                "1" => true,
                "0" => false,
                _ => return None,
            };
            match key {
                "marks" => prefs.glossary_marks = value,
                "sync" => prefs.sync_scroll = value,
                _ => continue,
            }
            known += 1;
        }
        (known > 0).then_some(prefs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for marks in [true, false] {
            for sync in [true, false] {
                let p = Prefs { glossary_marks: marks, sync_scroll: sync };
                assert_eq!(Prefs::from_saved(&p.to_saved()), Some(p));
            }
        }
    }

    #[test]
    fn damaged_data_is_recognised() {
        for bad in ["", "{not json", "marks=2", "marks", "marks=1;sync", "x=1", "marks=true"] {
            assert_eq!(Prefs::from_saved(bad), None, "{bad:?}");
        }
        assert_eq!(Prefs::from_saved("marks=0;future=1").map(|p| p.glossary_marks), Some(false));
    }
}
