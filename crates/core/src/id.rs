//! Release ids: one rule, checked once where an id enters (deserialized from
//! the UI, typed on the command line), so nothing downstream checks again.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// Longest id accepted (a UUID has 36 characters).
pub const MAX_ID_CHARS: usize = 64;

/// A release id as the store assigns it (a UUID v7 such as
/// `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b`), or the start of one: 1–64
/// hexadecimal digits and hyphens, kept in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct ReleaseId(String);

/// Why a text is not a release id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{shown}” is not a release id (1–{MAX_ID_CHARS} hexadecimal digits and hyphens)")]
pub struct BadId {
    /// The text, shortened for the message.
    pub shown: String,
}

impl ReleaseId {
    /// Checks `text` (surrounding space ignored, any case).
    pub fn parse(text: &str) -> Result<ReleaseId, BadId> {
        let t = text.trim();
        let ok = !t.is_empty()
            && t.len() <= MAX_ID_CHARS
            && t.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
        if ok {
            Ok(ReleaseId(t.to_ascii_lowercase()))
        } else {
            let shown: String = t.chars().filter(|c| !c.is_control()).take(40).collect();
            Err(BadId { shown })
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ReleaseId {
    type Error = BadId;
    fn try_from(s: String) -> Result<Self, BadId> {
        ReleaseId::parse(&s)
    }
}

impl FromStr for ReleaseId {
    type Err = BadId;
    fn from_str(s: &str) -> Result<Self, BadId> {
        ReleaseId::parse(s)
    }
}

impl From<ReleaseId> for String {
    fn from(id: ReleaseId) -> String {
        id.0
    }
}

impl Deref for ReleaseId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReleaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ReleaseId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ReleaseId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ReleaseId::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_bounded_plain_and_lower_case() {
        let id = ReleaseId::parse(" 0190A1B2-c3d4-7e5f-8a9b-0c1d2e3f4a5b ").expect("a uuid");
        assert_eq!(id.as_str(), "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        assert!(ReleaseId::parse("0190").is_ok());
        for bad in [
            "",
            "../etc/passwd",
            "a b",
            "é",
            "x;drop",
            "r1",
            "\u{1b}[31m",
        ] {
            assert!(ReleaseId::parse(bad).is_err(), "{bad}");
        }
        assert!(ReleaseId::parse(&"a".repeat(64)).is_ok());
        assert!(ReleaseId::parse(&"a".repeat(65)).is_err());
        let e = ReleaseId::parse("\u{1b}[31mred").expect_err("escape");
        assert!(!e.to_string().contains('\u{1b}'));
    }

    #[test]
    fn deserializing_checks_once() {
        let id: ReleaseId = serde_json::from_str("\"ABCD-12\"").expect("valid");
        assert_eq!(id.as_str(), "abcd-12");
        assert!(serde_json::from_str::<ReleaseId>("\"not an id\"").is_err());
    }
}
