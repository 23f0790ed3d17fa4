//! House profiles: which checks run, how serious they are, and their parameters.
//!
//! A profile is a TOML file. The three house styles Dateline ships have one
//! each, embedded in the crate (`profiles/*.toml`); a workspace can add its own
//! file, usually `extends = "unOhchr"` plus the few settings it changes.

use std::collections::BTreeMap;
use std::path::Path;

use dateline_core::style::HouseStyleId;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::finding::Severity;
use crate::CheckError;

/// A house profile, parsed. Every section has defaults, so a file sets only
/// what it changes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Profile {
    /// Id used by `--profile` and by releases' house style: `unOhchr`, `wire`, `corporate`.
    pub id: String,
    /// Human name.
    #[serde(default)]
    pub name: String,
    /// A built-in profile this one starts from (only meaningful in files).
    #[serde(default)]
    pub extends: Option<String>,
    /// Severity per check id, or per family (`grammar`); `"off"` turns checks off.
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
    /// Headline rules.
    #[serde(default)]
    pub headline: HeadlineRules,
    /// Date rules.
    #[serde(default)]
    pub dates: DateRules,
    /// Number rules.
    #[serde(default)]
    pub numbers: NumberRules,
    /// End mark, boilerplate, contacts.
    #[serde(default)]
    pub closing: ClosingRules,
    /// Banned words and jargon.
    #[serde(default)]
    pub words: WordRules,
    /// The optional English grammar checks (the crate's `grammar` feature).
    #[serde(default)]
    pub grammar: GrammarRules,
}

/// A severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Off,
    Suggestion,
    Warning,
    Error,
}

/// Headline length and case.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct HeadlineRules {
    /// Longer than this is a warning (characters).
    pub max_chars: usize,
    /// Longer than this is an error (characters).
    pub hard_max_chars: usize,
    /// The case headlines are written in.
    pub case: HeadlineCase,
}

impl Default for HeadlineRules {
    fn default() -> Self {
        HeadlineRules {
            max_chars: 100,
            hard_max_chars: 170,
            case: HeadlineCase::Any,
        }
    }
}

/// Headline case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadlineCase {
    /// "UN expert calls for release of journalist".
    Sentence,
    /// "UN Expert Calls for Release of Journalist".
    Title,
    /// Not checked.
    Any,
}

/// How dates are written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct DateRules {
    /// Month names in running text.
    pub months: MonthStyle,
    /// Order of day, month and year.
    pub order: DateOrder,
    /// A draft's dateline older than this many days is stale.
    pub max_age_days: i64,
}

impl Default for DateRules {
    fn default() -> Self {
        DateRules {
            months: MonthStyle::Full,
            order: DateOrder::DayMonthYear,
            max_age_days: 30,
        }
    }
}

/// Month names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MonthStyle {
    /// Always in full: 14 January 2025.
    Full,
    /// AP: Jan. Feb. Aug. Sept. Oct. Nov. Dec. with a day; March–July in full.
    Ap,
}

/// Date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// 14 May 2025.
    DayMonthYear,
    /// May 14, 2025.
    MonthDayYear,
}

/// Numbers in running text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct NumberRules {
    /// Whole numbers below this are spelled out (10: one to nine); 0 turns it off.
    pub spell_out_below: u32,
    /// Spelled-out numbers from this one up are written in figures; 0 turns it off.
    pub figures_from: u32,
}

impl Default for NumberRules {
    fn default() -> Self {
        NumberRules {
            spell_out_below: 10,
            figures_from: 10,
        }
    }
}

/// The parts after the body.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct ClosingRules {
    /// End marks the house uses, as printed (`ENDS`, `###`); empty accepts any.
    pub end_marks: Vec<String>,
    /// Whether a release must carry boilerplate.
    pub require_boilerplate: bool,
    /// The approved boilerplate sections; a section with the same title must match.
    pub boilerplate: Vec<ApprovedBoilerplate>,
}

/// An approved boilerplate section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ApprovedBoilerplate {
    /// Its heading, as in the release.
    pub title: String,
    /// Its paragraphs, word for word.
    pub paragraphs: Vec<String>,
}

/// Word lists.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct WordRules {
    /// Words and phrases never used (matched as whole words, any case).
    pub banned: Vec<String>,
    /// Jargon and the plain word to use instead.
    pub jargon: BTreeMap<String, String>,
}

/// The English grammar and style checks (run only when the crate is built
/// with its `grammar` feature; a profile sets them either way, so one file
/// serves both builds).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct GrammarRules {
    /// The spelling checked when the release's language tag names no region
    /// (`en`); `en-GB`, `en-US` and the like choose for themselves.
    pub dialect: EnglishDialect,
}

/// A variety of English, for spelling and usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EnglishDialect {
    /// color, organize (en-US).
    #[default]
    American,
    /// colour, organise (en-GB; also used for en-IE, en-NZ, en-ZA).
    British,
    /// colour, organize (en-CA).
    Canadian,
    /// colour, organise (en-AU).
    Australian,
    /// en-IN.
    Indian,
}

impl EnglishDialect {
    /// The variety a language tag names by its region subtag (`en-GB`), if any.
    pub fn of_region(tag: &str) -> Option<EnglishDialect> {
        let region = tag.split(['-', '_']).nth(1)?.to_ascii_uppercase();
        Some(match region.as_str() {
            "US" => EnglishDialect::American,
            "GB" | "UK" | "IE" | "NZ" | "ZA" => EnglishDialect::British,
            "CA" => EnglishDialect::Canadian,
            "AU" => EnglishDialect::Australian,
            "IN" => EnglishDialect::Indian,
            _ => return None,
        })
    }
}

/// Id and name of a profile, for a menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "LintProfileInfo")]
pub struct ProfileInfo {
    /// The id `--profile` takes.
    pub id: String,
    /// Human name.
    pub name: String,
}

const BUILTIN: [(&str, &str); 3] = [
    ("unOhchr", include_str!("../profiles/un-ohchr.toml")),
    ("wire", include_str!("../profiles/wire.toml")),
    ("corporate", include_str!("../profiles/corporate.toml")),
];

impl Profile {
    /// The built-in profile of a house style.
    pub fn for_style(style: HouseStyleId) -> Profile {
        let id = match style {
            HouseStyleId::UnOhchr => "unOhchr",
            HouseStyleId::Wire => "wire",
            HouseStyleId::Corporate => "corporate",
        };
        // The embedded profiles are tested to parse (`builtin_profiles_parse`).
        Profile::builtin(id).unwrap_or_else(|| Profile::empty(id))
    }

    /// A built-in profile by id: `unOhchr` (also `un-ohchr`, `un`), `wire`, `corporate`.
    pub fn builtin(id: &str) -> Option<Profile> {
        let key = canonical_id(id)?;
        let (_, text) = BUILTIN.iter().find(|(k, _)| *k == key)?;
        Profile::from_toml(text).ok()
    }

    /// The built-in profiles, for a menu.
    pub fn builtins() -> Vec<ProfileInfo> {
        BUILTIN
            .iter()
            .filter_map(|(id, _)| Profile::builtin(id))
            .map(|p| ProfileInfo {
                id: p.id,
                name: p.name,
            })
            .collect()
    }

    /// Parses a profile; `extends` starts from that built-in profile and
    /// overrides it table by table.
    pub fn from_toml(text: &str) -> Result<Profile, CheckError> {
        let mut table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| CheckError::Profile(one_line(&e.to_string())))?;
        if let Some(base) = table.get("extends").and_then(|v| v.as_str()) {
            let key = canonical_id(base).ok_or_else(|| {
                CheckError::Profile(format!(
                    "extends = “{base}”: not a built-in profile (unOhchr, wire, corporate)"
                ))
            })?;
            let (_, base_text) = BUILTIN
                .iter()
                .find(|(k, _)| *k == key)
                .ok_or_else(|| CheckError::Profile(format!("no built-in profile {key}")))?;
            let mut merged: toml::Table = base_text
                .parse()
                .map_err(|e: toml::de::Error| CheckError::Profile(one_line(&e.to_string())))?;
            merge(&mut merged, std::mem::take(&mut table));
            table = merged;
        }
        table
            .try_into()
            .map_err(|e: toml::de::Error| CheckError::Profile(one_line(&e.to_string())))
    }

    /// Reads a workspace's profile file.
    pub fn from_file(path: &Path) -> Result<Profile, CheckError> {
        let text = std::fs::read_to_string(path).map_err(|e| CheckError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Profile::from_toml(&text).map_err(|e| match e {
            CheckError::Profile(m) => CheckError::Profile(format!("{}: {m}", path.display())),
            other => other,
        })
    }

    fn empty(id: &str) -> Profile {
        Profile {
            id: id.to_string(),
            name: id.to_string(),
            extends: None,
            severity: BTreeMap::new(),
            headline: HeadlineRules::default(),
            dates: DateRules::default(),
            numbers: NumberRules::default(),
            closing: ClosingRules::default(),
            words: WordRules::default(),
            grammar: GrammarRules::default(),
        }
    }

    /// The severity of check `id` under this profile, or `None` when it is off.
    /// A key naming a family (`grammar`, the part of an id before its first
    /// dot) sets every check of the family that has no key of its own.
    pub fn severity_of(&self, id: &str) -> Option<Severity> {
        let family = id.split('.').next().unwrap_or(id);
        let level = self.severity.get(id).or_else(|| self.severity.get(family));
        match level {
            Some(Level::Off) => None,
            Some(Level::Suggestion) => Some(Severity::Suggestion),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => crate::catalog::check(id).map(|c| c.severity),
        }
    }
}

/// TOML errors span several lines (with a snippet); a CLI error is one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn canonical_id(id: &str) -> Option<&'static str> {
    match id.trim().to_ascii_lowercase().as_str() {
        "unohchr" | "un-ohchr" | "un_ohchr" | "un" | "ohchr" => Some("unOhchr"),
        "wire" | "ap" => Some("wire"),
        "corporate" => Some("corporate"),
        _ => None,
    }
}

/// Overrides `base` with `over`: tables merge key by key, anything else is replaced.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profiles_parse() {
        for (id, text) in BUILTIN {
            let p = Profile::from_toml(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(p.id, id);
            for key in p.severity.keys() {
                assert!(
                    crate::catalog::check(key).is_some()
                        || crate::CHECKS
                            .iter()
                            .any(|c| c.id.split('.').next() == Some(key.as_str())),
                    "{id}: unknown check {key}"
                );
            }
        }
        assert_eq!(Profile::builtins().len(), 3);
    }

    #[test]
    fn a_workspace_profile_extends_a_builtin() {
        let p = Profile::from_toml(
            "id = \"ours\"\nextends = \"wire\"\n[headline]\nmax-chars = 42\n[severity]\n\"style.exclamation\" = \"off\"\n",
        )
        .expect("profile");
        assert_eq!(p.id, "ours");
        assert_eq!(p.headline.max_chars, 42);
        let wire = Profile::builtin("wire").expect("wire");
        assert_eq!(p.headline.case, wire.headline.case);
        assert_eq!(p.dates, wire.dates);
        assert_eq!(p.severity_of("style.exclamation"), None);
    }

    #[test]
    fn a_family_key_sets_its_checks_unless_one_has_its_own() {
        let p = Profile::from_toml(
            "id = \"x\"\n[severity]\nstyle = \"off\"\n\"style.jargon\" = \"error\"\n",
        )
        .expect("profile");
        assert_eq!(p.severity_of("style.exclamation"), None);
        assert_eq!(p.severity_of("style.jargon"), Some(Severity::Error));
        assert_eq!(p.severity_of("headline.length"), Some(Severity::Warning));
    }

    #[test]
    fn unknown_keys_and_bases_are_refused() {
        assert!(Profile::from_toml("id = \"x\"\n[headline]\nmax = 3\n").is_err());
        assert!(Profile::from_toml("id = \"x\"\nextends = \"nope\"\n").is_err());
    }
}
