//! The language of a release: one BCP 47 tag type for everything that prints
//! words in it (datelines, quotes, the release line, the genre label, contacts).
//!
//! Tags are matched without regard to case (`FR`, `fr` and `Fr` are one
//! language) and kept in their canonical case: the language subtag in lower
//! case, a script in title case, a region in upper case (`fr-CH`, `zh-Hant-TW`).
//! Whether a tag is well formed is a validation rule ([`crate::validate`]), not
//! a parse error, so a draft with a half-typed tag still loads.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::dateline::DateLanguage;

/// A BCP 47 language tag in canonical case (`en`, `fr-CH`, `es-419`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct Language(String);

impl Language {
    /// The tag `tag` in canonical case; `_` separators become `-`, surrounding space is dropped.
    pub fn new(tag: &str) -> Language {
        let parts: Vec<String> = tag
            .trim()
            .split(['-', '_'])
            .enumerate()
            .map(|(i, p)| canonical_subtag(i, p))
            .collect();
        Language(parts.join("-"))
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`fr` for `fr-CH`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or("")
    }

    /// The language whose words Dateline prints: French, Spanish, else English.
    pub fn words(&self) -> DateLanguage {
        match self.primary() {
            "fr" => DateLanguage::French,
            "es" => DateLanguage::Spanish,
            _ => DateLanguage::English,
        }
    }

    /// Whether the tag is well formed (a 2–8 letter language, then 1–8 character subtags).
    pub fn is_well_formed(&self) -> bool {
        crate::validate::is_bcp47(&self.0)
    }
}

/// Subtag `i` of a tag in its canonical case: the language lower case, a
/// four-letter script title case, a two-letter region upper case.
fn canonical_subtag(i: usize, p: &str) -> String {
    let alpha = p.chars().all(|c| c.is_ascii_alphabetic());
    if i > 0 && alpha && p.len() == 4 {
        let mut s = p.to_ascii_lowercase();
        s[..1].make_ascii_uppercase();
        s
    } else if i > 0 && alpha && p.len() == 2 {
        p.to_ascii_uppercase()
    } else {
        p.to_ascii_lowercase()
    }
}

impl Default for Language {
    fn default() -> Self {
        Language::new("en")
    }
}

impl From<String> for Language {
    fn from(s: String) -> Self {
        Language::new(&s)
    }
}

impl From<&str> for Language {
    fn from(s: &str) -> Self {
        Language::new(s)
    }
}

impl From<Language> for String {
    fn from(l: Language) -> Self {
        l.0
    }
}

impl Deref for Language {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Language {
    fn eq(&self, other: &str) -> bool {
        self.0.eq_ignore_ascii_case(other.trim())
    }
}

impl PartialEq<&str> for Language {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Language::new(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_canonical_and_matching_ignores_it() {
        assert_eq!(Language::new("FR").as_str(), "fr");
        assert_eq!(Language::new("fr-ch").as_str(), "fr-CH");
        assert_eq!(Language::new("ZH_hant_tw").as_str(), "zh-Hant-TW");
        assert_eq!(Language::new("es-419").as_str(), "es-419");
        assert_eq!(Language::new(" en-gb ").as_str(), "en-GB");
        assert_eq!(Language::new("FR-CH"), Language::new("fr-ch"));
        assert!(Language::new("fr-CH") == "FR-ch");
        assert_eq!(Language::new("FR").words(), DateLanguage::French);
        assert_eq!(Language::new("Es-MX").words(), DateLanguage::Spanish);
        assert_eq!(Language::new("de").words(), DateLanguage::English);
    }

    #[test]
    fn serde_normalises_on_the_way_in() {
        let l: Language = serde_json::from_str("\"FR-ch\"").expect("a string");
        assert_eq!(l.as_str(), "fr-CH");
        assert_eq!(serde_json::to_string(&l).expect("json"), "\"fr-CH\"");
    }

    #[test]
    fn well_formedness() {
        for ok in ["en", "fr-CH", "zh-Hant-TW", "es-419", "EN"] {
            assert!(Language::new(ok).is_well_formed(), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english language",
            "fr--CH",
            "123",
            "fr-toolongsubtag",
        ] {
            assert!(!Language::new(bad).is_well_formed(), "{bad}");
        }
    }
}
