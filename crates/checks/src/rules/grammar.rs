//! English grammar and style by harper-core, offline (the crate's `grammar`
//! feature).
//!
//! Harper's curated dictionary takes about a second to build and its rule set
//! is large, so each variety of English is built once per process, on first
//! use, and shared by every [`crate::Linter`]: lint as you type never rebuilds
//! it. Harper's linters cache per sentence and need `&mut`, hence the mutex;
//! one lint run holds it for the time of that run.
//!
//! Each harper lint becomes a finding `grammar.<kind>` (its lint kind in
//! kebab case, listed in the catalog) at the field's path. Harper counts
//! characters; findings count UTF-16 units, so spans are converted through
//! byte offsets. A lint with exactly one suggestion carries it as a fix.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use harper_core::linting::{Lint, LintGroup, LintKind, Linter as _, Suggestion};
use harper_core::parsers::Markdown;
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document};

use super::{Cx, Sink};
use crate::fields::{self, Field};
use crate::finding::{Edit, Fix};
use crate::profile::EnglishDialect;

/// Harper's linters, one per variety of English, each built on first use and
/// kept for the life of the process: every [`crate::Linter`] (one per house
/// style in the app, a new one per [`crate::lint`] call) shares them.
static GROUPS: [OnceLock<Mutex<LintGroup>>; 5] = [const { OnceLock::new() }; 5];

/// Runs `f` with the linters of `dialect`, building them the first time.
fn with_group<T>(dialect: EnglishDialect, f: impl FnOnce(&mut LintGroup) -> T) -> T {
    let (index, harper) = match dialect {
        EnglishDialect::American => (0, Dialect::American),
        EnglishDialect::British => (1, Dialect::British),
        EnglishDialect::Canadian => (2, Dialect::Canadian),
        EnglishDialect::Australian => (3, Dialect::Australian),
        EnglishDialect::Indian => (4, Dialect::Indian),
    };
    let group = GROUPS[index]
        .get_or_init(|| Mutex::new(LintGroup::new_curated(FstDictionary::curated(), harper)));
    // A panic inside harper poisons the lock; its caches are still usable.
    let mut group = group.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut group)
}

/// Every check id this module reports, for "is any of them on?".
const IDS: [&str; 21] = [
    "grammar.agreement",
    "grammar.boundary-error",
    "grammar.capitalization",
    "grammar.eggcorn",
    "grammar.enhancement",
    "grammar.formatting",
    "grammar.grammar",
    "grammar.malapropism",
    "grammar.miscellaneous",
    "grammar.nonstandard",
    "grammar.punctuation",
    "grammar.readability",
    "grammar.redundancy",
    "grammar.regionalism",
    "grammar.repetition",
    "grammar.spelling",
    "grammar.style",
    "grammar.typo",
    "grammar.usage",
    "grammar.word-choice",
    "grammar.word-order",
];

/// The check id of a harper lint kind. Exhaustive on purpose: a harper
/// upgrade that adds a kind must add its id here and in the catalog.
pub(crate) fn check_id(kind: LintKind) -> &'static str {
    match kind {
        LintKind::Agreement => "grammar.agreement",
        LintKind::BoundaryError => "grammar.boundary-error",
        LintKind::Capitalization => "grammar.capitalization",
        LintKind::Eggcorn => "grammar.eggcorn",
        LintKind::Enhancement => "grammar.enhancement",
        LintKind::Formatting => "grammar.formatting",
        LintKind::Grammar => "grammar.grammar",
        LintKind::Malapropism => "grammar.malapropism",
        LintKind::Miscellaneous => "grammar.miscellaneous",
        LintKind::Nonstandard => "grammar.nonstandard",
        LintKind::Punctuation => "grammar.punctuation",
        LintKind::Readability => "grammar.readability",
        LintKind::Redundancy => "grammar.redundancy",
        LintKind::Regionalism => "grammar.regionalism",
        LintKind::Repetition => "grammar.repetition",
        LintKind::Spelling => "grammar.spelling",
        LintKind::Style => "grammar.style",
        LintKind::Typo => "grammar.typo",
        LintKind::Usage => "grammar.usage",
        LintKind::WordChoice => "grammar.word-choice",
        LintKind::WordOrder => "grammar.word-order",
    }
}

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    if cx.lang != "en" || !IDS.iter().any(|id| sink.on(id)) {
        return;
    }
    let dialect =
        EnglishDialect::of_region(fields::language(cx.r)).unwrap_or(cx.profile.grammar.dialect);
    let names: HashSet<String> = fields::names(cx.r).into_iter().collect();
    let dictionary = FstDictionary::curated();
    with_group(dialect, |group| {
        for field in cx.fields.iter().filter(|f| !f.text.trim().is_empty()) {
            let document = Document::new(field.text, &Markdown::default(), &*dictionary);
            let mut lints = group.lint(&document);
            harper_core::remove_overlaps(&mut lints);
            lints.sort_by_key(|l| l.span.start);
            report(field, &lints, &names, sink);
        }
    });
}

/// Turns the lints of one field into findings.
fn report(field: &Field, lints: &[Lint], names: &HashSet<String>, sink: &mut Sink) {
    // Byte offset of each char index, plus the end.
    let offsets: Vec<usize> = field
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain([field.text.len()])
        .collect();
    for lint in lints {
        let (Some(&start), Some(&end)) = (offsets.get(lint.span.start), offsets.get(lint.span.end))
        else {
            continue;
        };
        if start > end {
            continue;
        }
        let flagged = &field.text[start..end];
        if is_a_name(flagged, names) {
            continue;
        }
        let fix = match lint.suggestions.as_slice() {
            [one] => Some(fix(field, start..end, flagged, one)),
            _ => None,
        };
        let message = lint.message.trim().to_string();
        sink.at(check_id(lint.lint_kind), field, start..end, message, fix);
    }
}

/// Whether `flagged` is made only of the release's own names ("Lawlor",
/// "Lawlor’s"): harper does not know them, and they are never mistakes.
fn is_a_name(flagged: &str, names: &HashSet<String>) -> bool {
    let mut words = fields::words(flagged).peekable();
    words.peek().is_some()
        && words.all(|(_, w)| {
            let bare = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            names.contains(w) || names.contains(bare)
        })
}

/// The edit of one harper suggestion on the byte range `range` of the field.
fn fix(field: &Field, range: std::ops::Range<usize>, flagged: &str, s: &Suggestion) -> Fix {
    let (label, edit) = match s {
        Suggestion::ReplaceWith(chars) => {
            let with: String = chars.iter().collect();
            (
                format!("Replace “{flagged}” with “{with}”"),
                Edit::replace(&field.path, field.text, range, with),
            )
        }
        Suggestion::Remove => (
            format!("Remove “{flagged}”"),
            Edit::replace(&field.path, field.text, range, ""),
        ),
        Suggestion::InsertAfter(chars) => {
            let with: String = chars.iter().collect();
            (
                format!("Insert “{with}” after “{flagged}”"),
                Edit::replace(&field.path, field.text, range.end..range.end, with),
            )
        }
    };
    Fix::one(label, edit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_in_the_catalog_and_every_kind_has_an_id() {
        for id in IDS {
            assert!(
                crate::catalog::check(id).is_some(),
                "{id} is not in the catalog"
            );
        }
        let catalog: Vec<&str> = crate::CHECKS
            .iter()
            .map(|c| c.id)
            .filter(|id| id.starts_with("grammar."))
            .collect();
        assert_eq!(catalog, IDS);
        assert_eq!(check_id(LintKind::WordChoice), "grammar.word-choice");
    }

    #[test]
    fn names_and_their_possessives_are_names() {
        let names: HashSet<String> = ["Lawlor", "Mary"].map(String::from).into();
        assert!(is_a_name("Lawlor", &names));
        assert!(is_a_name("Lawlor’s", &names));
        assert!(is_a_name("Mary Lawlor", &names));
        assert!(!is_a_name("Lawlr", &names));
        assert!(!is_a_name("", &names));
    }
}
