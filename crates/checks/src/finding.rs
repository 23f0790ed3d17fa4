//! What a check reports: a [`Finding`] anchored to a field, and the mechanical
//! [`Fix`] that resolves it when there is one.
//!
//! Ranges count UTF-16 code units, the indexes of a JavaScript string, so the
//! editor can underline `text.slice(start, end)` of the field without
//! converting; [`crate::apply_fix`] converts back on the Rust side.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How serious a finding is. Only errors fail `dateline lint` and the review gates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "LintSeverity")]
pub enum Severity {
    /// Worth a look; never blocks.
    Suggestion,
    /// Probably wrong; does not block.
    Warning,
    /// Must be fixed before the release goes out.
    Error,
}

impl Severity {
    /// Lower-case name ("error").
    pub fn label(self) -> &'static str {
        match self {
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A stretch of a text field, in UTF-16 code units (JavaScript string indexes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "LintSpan")]
pub struct Span {
    /// First code unit.
    pub start: u32,
    /// One past the last code unit.
    pub end: u32,
}

impl Span {
    /// The span of the byte range `range` of `text` (which must lie on char boundaries).
    pub fn of(text: &str, range: std::ops::Range<usize>) -> Span {
        let start = utf16_len(text.get(..range.start).unwrap_or(text));
        let mid = text.get(range.start..range.end).unwrap_or("");
        Span {
            start,
            end: start + utf16_len(mid),
        }
    }

    /// The byte range of this span in `text`, or `None` when it does not fall on
    /// character boundaries of `text`.
    pub fn bytes(self, text: &str) -> Option<std::ops::Range<usize>> {
        let (mut units, mut start, mut end) = (0u32, None, None);
        for (i, c) in text.char_indices() {
            if units == self.start {
                start = Some(i);
            }
            if units == self.end {
                end = Some(i);
                break;
            }
            units += c.len_utf16() as u32;
        }
        if units == self.start && start.is_none() {
            start = Some(text.len());
        }
        if units == self.end && end.is_none() {
            end = Some(text.len());
        }
        match (start, end) {
            (Some(s), Some(e)) if s <= e => Some(s..e),
            _ => None,
        }
    }
}

fn utf16_len(s: &str) -> u32 {
    if s.is_ascii() {
        s.len() as u32
    } else {
        s.encode_utf16().count() as u32
    }
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "LintFinding")]
pub struct Finding {
    /// Stable id of the check: `headline.final-stop`, or `vale.Style.Rule` for a Vale rule.
    pub check: String,
    /// How serious it is under the profile in use.
    pub severity: Severity,
    /// The field, in the path syntax of validation problems: `headline`,
    /// `body[3].paragraphs[0].segments[1].text`, `contacts`.
    pub path: String,
    /// Where in the field's text, when the finding is about part of a text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub range: Option<Span>,
    /// What is wrong, as a sentence.
    pub message: String,
    /// The mechanical fix, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fix: Option<Fix>,
}

/// A mechanical fix: a label for the quick-fix menu and the edits that make it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "LintFix")]
pub struct Fix {
    /// What the fix does, for a menu: "Remove the final full stop".
    pub label: String,
    /// The edits, applied together by [`crate::apply_fix`].
    pub edits: Vec<Edit>,
}

/// One change to a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export, rename = "LintEdit")]
pub enum Edit {
    /// Replace a stretch of a text field. `original` is the text being replaced,
    /// so a fix computed on an older version of the field is refused, not misapplied.
    #[serde(rename_all = "camelCase")]
    Replace {
        /// The text field.
        path: String,
        /// The stretch replaced.
        range: Span,
        /// What the stretch holds now.
        original: String,
        /// What it becomes.
        text: String,
    },
    /// Set a field to a new value (its JSON form, as in the release file).
    #[serde(rename_all = "camelCase")]
    Set {
        /// The field.
        path: String,
        /// The new value.
        #[ts(type = "unknown")]
        value: serde_json::Value,
    },
    /// Remove an element of a list (a body block, a boilerplate section).
    #[serde(rename_all = "camelCase")]
    Remove {
        /// The element: `body[7]`.
        path: String,
    },
}

impl Edit {
    /// Replaces the byte range `range` of the field `path`, whose text is `text`.
    pub(crate) fn replace(
        path: &str,
        text: &str,
        range: std::ops::Range<usize>,
        with: impl Into<String>,
    ) -> Edit {
        Edit::Replace {
            path: path.to_string(),
            range: Span::of(text, range.clone()),
            original: text.get(range).unwrap_or("").to_string(),
            text: with.into(),
        }
    }
}

impl Fix {
    /// A fix of one edit.
    pub(crate) fn one(label: impl Into<String>, edit: Edit) -> Fix {
        Fix {
            label: label.into(),
            edits: vec![edit],
        }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.severity.label(), self.path)?;
        if let Some(r) = self.range {
            write!(f, " {}-{}", r.start, r.end)?;
        }
        write!(f, ": {} [{}]", self.message, self.check)
    }
}
