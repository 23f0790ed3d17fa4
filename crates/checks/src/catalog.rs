//! Every built-in check: its stable id, default severity and what it looks for.
//!
//! Ids never change once shipped (scripts and profiles refer to them); a
//! profile's `[severity]` table overrides the default or turns a check off.
//! The `grammar.*` checks are listed only in builds with the `grammar` feature.

use serde::Serialize;
use ts_rs::TS;

use crate::finding::Severity;

/// A built-in check, for menus and documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "LintCheckInfo")]
pub struct CheckInfo {
    /// Stable id: `headline.final-stop`.
    pub id: &'static str,
    /// Severity when the profile does not say otherwise.
    pub severity: Severity,
    /// What the check looks for.
    pub description: &'static str,
}

const fn c(id: &'static str, severity: Severity, description: &'static str) -> CheckInfo {
    CheckInfo {
        id,
        severity,
        description,
    }
}

use Severity::{Error as E, Suggestion as S, Warning as W};

/// Every built-in check.
pub const CHECKS: &[CheckInfo] = &[
    c(
        "structure",
        E,
        "The release breaks a structural rule (the validation of `dateline check`).",
    ),
    c(
        "dateline.after-embargo",
        E,
        "The dateline is dated after the day the embargo lifts.",
    ),
    c(
        "dateline.stale",
        W,
        "An unpublished release carries a dateline long past.",
    ),
    c(
        "dateline.weekday",
        E,
        "A weekday named in the text does not match its date.",
    ),
    c(
        "dateline.month-style",
        W,
        "Month names follow the house style (AP abbreviations or names in full).",
    ),
    c(
        "dateline.ordinal",
        W,
        "Dates are written without ordinals (14 May, not 14th May).",
    ),
    c(
        "embargo.zone",
        E,
        "The embargo's time zone is not a known zone.",
    ),
    c(
        "embargo.local-time",
        E,
        "The embargo time does not exist, or exists twice, in its zone (a clock change).",
    ),
    c(
        "embargo.noon-midnight",
        W,
        "Noon and midnight are ambiguous; use 00:01 or 12:00 with a zone.",
    ),
    c(
        "embargo.time-zone",
        W,
        "Every time of day in the text carries a time zone.",
    ),
    c(
        "embargo.exports-disagree",
        E,
        "The ninjs and JSON-LD exports disagree with the embargo.",
    ),
    c(
        "headline.length",
        W,
        "The headline is longer than the house allows.",
    ),
    c(
        "headline.final-stop",
        W,
        "A headline ends without a full stop.",
    ),
    c(
        "headline.case",
        W,
        "The headline is in the house's case (sentence or title case).",
    ),
    c(
        "quotes.speaker",
        E,
        "Every quote has a speaker who is one of the release's people.",
    ),
    c(
        "quotes.unattributed",
        W,
        "A quote is attributed somewhere in its paragraphs.",
    ),
    c(
        "quotes.first-mention",
        W,
        "A person's first attribution gives the full name and title.",
    ),
    c(
        "quotes.later-mention",
        S,
        "Later attributions use the surname, pronoun or role.",
    ),
    c(
        "quotes.unbalanced",
        E,
        "Quotation marks open and close in pairs.",
    ),
    c(
        "quotes.mixed-marks",
        W,
        "Straight and curly quotation marks or apostrophes are not mixed.",
    ),
    c(
        "footnotes.unmarked",
        E,
        "Every footnote's marker appears in the text.",
    ),
    c(
        "footnotes.orphan-marker",
        E,
        "Every marker in the text has a footnote.",
    ),
    c(
        "closing.end-mark",
        E,
        "The release has an end mark after the body.",
    ),
    c(
        "closing.end-mark-style",
        W,
        "The end mark is one the house uses.",
    ),
    c(
        "closing.end-mark-in-body",
        E,
        "No end mark is typed inside the body.",
    ),
    c(
        "closing.boilerplate",
        W,
        "The house's boilerplate is present.",
    ),
    c(
        "closing.boilerplate-drift",
        W,
        "Boilerplate is identical to the house's approved version.",
    ),
    c(
        "closing.contact",
        E,
        "At least one contact has an email address or a phone number.",
    ),
    c(
        "closing.link-scheme",
        E,
        "Links are http or https (mailto for contact links).",
    ),
    c(
        "closing.placeholder-link",
        E,
        "An approved release links to no placeholder (example.com, localhost).",
    ),
    c(
        "style.numbers",
        W,
        "Numbers are spelled out or in figures as the house wants.",
    ),
    c(
        "style.date-format",
        W,
        "Dates are in the house's order (UN: 14 May 2025; AP: May 14, 2025).",
    ),
    c("style.double-space", W, "No double spaces."),
    c(
        "style.repeated-word",
        W,
        "No word repeated by mistake (the the).",
    ),
    c("style.banned-word", E, "Words the house bans."),
    c(
        "style.jargon",
        S,
        "Jargon the house replaces with plain words.",
    ),
    c(
        "style.exclamation",
        W,
        "No exclamation marks outside quotes.",
    ),
    c(
        "style.first-person",
        W,
        "No first person (we, our, I) outside quotes.",
    ),
    c(
        "style.direct-address",
        S,
        "No direct address (you, your) outside quotes.",
    ),
    c(
        "typography.fr-spacing",
        W,
        "French: a no-break space before ; : ? ! and inside « ».",
    ),
    c(
        "typography.es-inverted",
        W,
        "Spanish: questions and exclamations open with ¿ and ¡.",
    ),
    // The English grammar engine (the `grammar` feature): one id per kind of
    // problem it reports, so a profile can turn off a kind (`grammar.spelling`
    // when the platform's spellchecker already underlines) or all of them.
    #[cfg(feature = "grammar")]
    c(
        "grammar.agreement",
        S,
        "English (grammar feature): Words agree in number and person (they was → they were).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.boundary-error",
        S,
        "English (grammar feature): Words joined or split at the right place (each and everyone → each and every one).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.capitalization",
        S,
        "English (grammar feature): Capital letters where English needs them (sentence starts, proper nouns).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.eggcorn",
        S,
        "English (grammar feature): A sound-alike phrase that makes a new sense (on mass → en masse).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.enhancement",
        S,
        "English (grammar feature): A change that makes a sentence clearer or stronger.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.formatting",
        S,
        "English (grammar feature): Spacing and formatting around words and punctuation.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.grammar",
        S,
        "English (grammar feature): Grammar beyond agreement (an test → a test).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.malapropism",
        S,
        "English (grammar feature): A sound-alike word with another meaning (eluded to → alluded to).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.miscellaneous",
        S,
        "English (grammar feature): Other writing problems the grammar engine finds.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.nonstandard",
        S,
        "English (grammar feature): Nonstandard forms (irregardless).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.punctuation",
        S,
        "English (grammar feature): Punctuation, including hyphens in compound adjectives.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.readability",
        S,
        "English (grammar feature): Sentences long or convoluted enough to slow a reader.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.redundancy",
        S,
        "English (grammar feature): Words that repeat a meaning already expressed (free gift).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.regionalism",
        S,
        "English (grammar feature): A spelling or word of another variety of English than the release's.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.repetition",
        S,
        "English (grammar feature): A word repeated by mistake.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.spelling",
        S,
        "English (grammar feature): A word not in the dictionary (the release's own names never count).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.style",
        S,
        "English (grammar feature): One of several correct forms is preferred for clarity (min → minimum).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.typo",
        S,
        "English (grammar feature): A slip of the fingers (can be seem → can be seen).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.usage",
        S,
        "English (grammar feature): Conventional usage and collocations (on accident → by accident).",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.word-choice",
        S,
        "English (grammar feature): A better word or phrase for the context.",
    ),
    #[cfg(feature = "grammar")]
    c(
        "grammar.word-order",
        S,
        "English (grammar feature): Words in an unnatural order (no longer I → I no longer).",
    ),
];

/// The check with this id.
pub fn check(id: &str) -> Option<&'static CheckInfo> {
    CHECKS.iter().find(|c| c.id == id)
}
