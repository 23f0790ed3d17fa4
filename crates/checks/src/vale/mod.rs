//! Vale compatibility: a Vale style folder (YAML rules) run over the fields of
//! a release.
//!
//! The portable rule types run: `existence`, `substitution`, `occurrence`,
//! `repetition`, `consistency`, `conditional`, `capitalization`, `metric` and
//! `readability`. Vale scopes map to fields (`heading.h1` → headline,
//! `blockquote` → quote words, …, see [`scope`]). Rules this engine cannot run
//! (`spelling`, `sequence`, `script`, a pattern the Rust regex engine does not
//! accept, a scope with no field in a release) are listed in
//! [`ValeStyles::skipped`], never dropped silently. Findings carry the id
//! `vale.Style.Rule`.

mod load;
mod metric;
mod rule;
pub mod scope;

use serde::Serialize;
use ts_rs::TS;

pub use load::ValeStyles;

/// A Vale rule that was not run, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, rename = "ValeSkippedRule")]
pub struct SkippedRule {
    /// `Style.Rule`.
    pub rule: String,
    /// Why it was not run.
    pub reason: String,
}
