//! `dateline-checks`: the checks an editor makes by eye before a release goes
//! out — dateline and embargo, headline, quotes, footnotes, closing parts,
//! house style, French and Spanish typography — plus the portable rule types
//! of Vale style folders.
//!
//! Structural validation (an empty headline, an unknown id) stays in
//! `dateline_core::validate`; these checks assume a release that loads and
//! judge its writing. Every [`Finding`] names a check id, a severity, the path
//! of the field (the same syntax as validation problems), a range in the field
//! and, where the fix is mechanical, a [`Fix`] that [`apply_fix`] applies.
//!
//! ```
//! use dateline_checks::{lint, Profile, Severity};
//! let release = dateline_core::from_json(include_str!("../../../examples/un-expert-khakimova.json")).unwrap();
//! let profile = Profile::for_style(release.style);
//! let findings = lint(&release, &profile);
//! assert!(findings.iter().all(|f| f.severity != Severity::Error));
//! ```
//!
//! - [`profile`]: house profiles (TOML), built in or a workspace's own file;
//! - [`catalog`]: every check id with its default severity;
//! - [`vale`]: Vale style folders, run per field;
//! - [`fix`]: applying a finding's fix to a release.
//!
//! With the `grammar` feature (off by default), English releases are also
//! checked by harper-core, an offline grammar and style engine: findings
//! `grammar.<kind>` (`grammar.spelling`, `grammar.agreement`, …), suggestions
//! by default, with a fix where harper offers exactly one.

pub mod catalog;
mod error;
pub mod fields;
pub mod finding;
pub mod fix;
mod pattern;
pub mod profile;
mod rules;
pub mod vale;

use chrono::NaiveDate;
use dateline_core::Release;
use serde::Serialize;
use ts_rs::TS;

pub use catalog::{CheckInfo, CHECKS};
pub use error::CheckError;
pub use finding::{Edit, Finding, Fix, Severity, Span};
pub use fix::apply_fix;
pub use profile::{Profile, ProfileInfo};
pub use vale::{SkippedRule, ValeStyles};

/// Lints `release` under `profile` (today's date for the staleness check).
pub fn lint(release: &Release, profile: &Profile) -> Vec<Finding> {
    Linter::new(profile.clone()).run(release).findings
}

/// Everything one lint run found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "LintReport")]
pub struct Report {
    /// The findings, in reading order of the release.
    pub findings: Vec<Finding>,
    /// Vale rules that were not run, and why.
    pub skipped: Vec<SkippedRule>,
}

impl Report {
    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether any finding is an error (the CLI exits 1, the review gate closes).
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// A profile made ready to run (word lists compiled once), with optional Vale
/// styles. Build one per profile and reuse it: lint-as-you-type calls
/// [`Linter::run`] on every change. It is `Send + Sync`, so a worker thread can own it.
///
/// With the `grammar` feature it also runs the English grammar engine, built
/// on the first English release linted and shared by every linter of the process.
#[derive(Debug, Clone)]
pub struct Linter {
    profile: Profile,
    words: rules::style::WordMatcher,
    vale: Option<ValeStyles>,
    today: Option<NaiveDate>,
}

impl Linter {
    /// A linter for `profile`, without Vale rules.
    pub fn new(profile: Profile) -> Linter {
        let words = rules::style::WordMatcher::new(&profile.words);
        Linter {
            profile,
            words,
            vale: None,
            today: None,
        }
    }

    /// Adds the rules of Vale styles.
    pub fn with_vale(mut self, styles: ValeStyles) -> Linter {
        self.vale = Some(styles);
        self
    }

    /// Fixes "today" (default: the system date) for the staleness check.
    pub fn with_today(mut self, today: NaiveDate) -> Linter {
        self.today = Some(today);
        self
    }

    /// The profile in use.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Lints `release`.
    pub fn run(&self, release: &Release) -> Report {
        let today = self
            .today
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        let fields = fields::text_fields(release);
        let cx = rules::Cx {
            r: release,
            fields: &fields,
            lang: fields::primary_language(release),
            profile: &self.profile,
            words: &self.words,
            today,
        };
        let mut sink = rules::Sink::new(&self.profile);
        rules::run_all(&cx, &mut sink);
        let mut skipped = Vec::new();
        if let Some(v) = &self.vale {
            v.run(&fields, &mut sink.out);
            skipped = v.skipped().to_vec();
        }
        let mut findings = sink.out;
        findings.sort_by_cached_key(|f| (order_key(&f.path), f.range.map(|r| r.start)));
        Report { findings, skipped }
    }
}

/// Reading order of a path: the section, then its indexes.
fn order_key(path: &str) -> (u8, Vec<u32>) {
    let head = path.split(['.', '[']).next().unwrap_or("");
    let rank = match head {
        "meta" => 0,
        "releaseLine" => 1,
        "headline" => 2,
        "subheadline" => 3,
        "dateline" => 4,
        "body" => 5,
        "people" => 6,
        "endMark" => 7,
        "footnotes" => 8,
        "boilerplate" => 9,
        "contacts" => 10,
        "actions" => 11,
        _ => 12,
    };
    let mut idx = Vec::new();
    let mut num = None::<u32>;
    for c in path.chars() {
        if let Some(d) = c.to_digit(10) {
            num = Some(num.unwrap_or(0).saturating_mul(10).saturating_add(d));
        } else if let Some(n) = num.take() {
            idx.push(n);
        }
    }
    if let Some(n) = num {
        idx.push(n);
    }
    (rank, idx)
}
