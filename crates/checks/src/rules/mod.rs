//! The built-in checks, one module per part of a release. Each `check`
//! function reads the release through [`Cx`] and reports through [`Sink`],
//! which drops checks the profile turns off and applies its severities.

use std::ops::Range;

use chrono::NaiveDate;
use dateline_core::Release;

use crate::fields::Field;
use crate::finding::{Finding, Fix, Severity, Span};
use crate::profile::Profile;

pub(crate) mod calendar;
mod closing;
mod dateline;
mod embargo;
mod footnotes;
#[cfg(feature = "grammar")]
pub(crate) mod grammar;
mod headline;
mod quotes;
pub(crate) mod style;
mod typography;

/// What every check reads.
pub(crate) struct Cx<'a> {
    pub r: &'a Release,
    pub fields: &'a [Field<'a>],
    /// Primary language subtag: "en", "fr", "es".
    pub lang: String,
    pub profile: &'a Profile,
    pub words: &'a style::WordMatcher,
    pub today: NaiveDate,
}

/// Where checks report.
pub(crate) struct Sink<'a> {
    profile: &'a Profile,
    pub out: Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(profile: &'a Profile) -> Sink<'a> {
        Sink {
            profile,
            out: Vec::new(),
        }
    }

    /// Whether check `id` runs under the profile.
    pub fn on(&self, id: &str) -> bool {
        self.profile.severity_of(id).is_some()
    }

    /// A finding about the byte range `range` of a text field.
    pub fn at(
        &mut self,
        id: &str,
        field: &Field,
        range: Range<usize>,
        message: impl Into<String>,
        fix: Option<Fix>,
    ) {
        self.at_text(id, &field.path, field.text, range, message, fix)
    }

    /// A finding about the byte range `range` of the text `text` at `path`.
    pub fn at_text(
        &mut self,
        id: &str,
        path: &str,
        text: &str,
        range: Range<usize>,
        message: impl Into<String>,
        fix: Option<Fix>,
    ) {
        if let Some(severity) = self.profile.severity_of(id) {
            self.out.push(Finding {
                check: id.to_string(),
                severity,
                path: path.to_string(),
                range: Some(Span::of(text, range)),
                message: message.into(),
                fix,
            });
        }
    }

    /// A finding about a whole field or part of the release.
    pub fn whole(
        &mut self,
        id: &str,
        path: impl Into<String>,
        message: impl Into<String>,
        fix: Option<Fix>,
    ) {
        if let Some(severity) = self.profile.severity_of(id) {
            self.push(id, severity, path.into(), None, message.into(), fix);
        }
    }

    /// A finding whose severity is raised to at least `floor` (a hard limit passed).
    pub fn raised(
        &mut self,
        id: &str,
        floor: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        if let Some(severity) = self.profile.severity_of(id) {
            self.push(
                id,
                severity.max(floor),
                path.into(),
                None,
                message.into(),
                None,
            );
        }
    }

    fn push(
        &mut self,
        id: &str,
        severity: Severity,
        path: String,
        range: Option<Span>,
        message: String,
        fix: Option<Fix>,
    ) {
        self.out.push(Finding {
            check: id.to_string(),
            severity,
            path,
            range,
            message,
            fix,
        });
    }
}

/// Runs every built-in check.
pub(crate) fn run_all(cx: &Cx, sink: &mut Sink) {
    if sink.on("structure") {
        for p in dateline_core::validate::problems(cx.r) {
            // An unknown speaker is reported by `quotes.speaker`, at the same path.
            if !p.path.ends_with(".speaker") {
                sink.whole("structure", p.path, p.message, None);
            }
        }
    }
    dateline::check(cx, sink);
    embargo::check(cx, sink);
    headline::check(cx, sink);
    quotes::check(cx, sink);
    footnotes::check(cx, sink);
    closing::check(cx, sink);
    style::check(cx, sink);
    typography::check(cx, sink);
    #[cfg(feature = "grammar")]
    grammar::check(cx, sink);
}

/// `word` with its first letter in the case of `like`'s first letter.
pub(crate) fn match_case(word: &str, like: &str) -> String {
    let upper = like.chars().next().is_some_and(|c| c.is_uppercase());
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
