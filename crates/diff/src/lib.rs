//! `dateline-diff`: what changed between two revisions of a release.
//!
//! Reviewers need to see exactly what changed, as a reviewer thinks of it:
//! per field, word by word, with moved paragraphs recognised and changes named
//! from the structure ("quote 2: speaker changed", "embargo lifted"). One
//! [`Comparison`] feeds the CLI's terminal redline ([`redline_text`]), the
//! standalone HTML redline ([`redline_html`]) and the desktop app's compare view.
//!
//! - [`model`]: the serializable result;
//! - [`words`]: the bounded word-level diff of two texts;
//! - [`blocks`]: alignment of body blocks, moves included;
//! - [`fields`]: every field outside the body;
//! - [`labels`]: semantic labels and the one-line summary;
//! - [`merge`]: deterministic three-way merge of concurrent revisions, with conflicts;
//! - [`redline`] and [`terminal`]: the two redline renderings.

pub mod blocks;
pub mod fields;
pub mod labels;
pub mod merge;
pub mod model;
pub mod redline;
pub mod terminal;
pub mod tokens;
pub mod words;

use dateline_core::Release;

pub use model::*;
pub use redline::redline_html;
pub use terminal::redline_text;

/// Compares release `a` (old) with release `b` (new).
///
/// Never fails and never runs much past `opts.timeout_ms`: texts the budget
/// does not reach are shown as replaced and [`Comparison::degraded`] is set.
pub fn compare(a: &Release, b: &Release, opts: &CompareOptions) -> Comparison {
    let mut budget = words::Budget::new(opts);
    // The short fields first: a huge body must not starve the headline.
    let fields = fields::fields(a, b, &mut budget, opts);
    let blocks = blocks::align(a, b, &mut budget, opts);
    let labels = labels::labels(a, b, &fields, &blocks);
    let degraded = budget.degraded;
    let summary = labels::summary(&labels, degraded);
    let change_count = labels.iter().filter(|l| !l.hidden).count() as u32;
    Comparison {
        summary,
        labels,
        fields,
        blocks,
        change_count,
        degraded,
    }
}
