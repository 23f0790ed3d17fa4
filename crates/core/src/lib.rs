//! `dateline-core`: the press release as structured data, with no I/O and no UI.
//!
//! - [`model`]: the [`Release`] and its parts;
//! - [`id`]: release ids, checked once where they enter;
//! - [`language`]: the release's BCP 47 language tag, case-insensitive;
//! - [`dateline`]: house dateline styles in several languages;
//! - [`style`]: house styles (quote marks, end marks, genre suffix);
//! - [`quote`]: attributions built from the people of the release;
//! - [`markdown`]: the inline Markdown of text fields;
//! - [`text`]: the wire-ready plain-text renderer;
//! - [`validate`]: the rules a release must satisfy;
//! - [`templates`]: starting points for new releases;
//! - [`terminal`]: text made inert before it is printed to a terminal.

pub mod dateline;
pub mod error;
pub mod id;
pub mod language;
pub mod markdown;
pub mod model;
pub mod quote;
pub mod style;
pub mod templates;
pub mod terminal;
pub mod text;
pub mod validate;

pub use error::{CoreError, ErrorCode};
pub use id::ReleaseId;
pub use language::Language;
pub use model::*;
pub use text::render_text;

/// Parses a release from JSON and validates it.
pub fn from_json(json: &str) -> Result<Release, CoreError> {
    let release = parse_json(json)?;
    release.check()?;
    Ok(release)
}

/// Parses a release from JSON without validating it. Unknown keys are refused
/// at every level; an error names the path of the offending value
/// (`body[2]: unknown field …`) besides its line and column.
pub fn parse_json(json: &str) -> Result<Release, CoreError> {
    // Tracking the path costs a good part of the parse; a valid file (nearly
    // every file) does without it, and only a refused one is read again with
    // the path to name.
    if let Ok(release) = serde_json::from_str(json) {
        return Ok(release);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let release: Release =
        serde_path_to_error::deserialize(&mut de).map_err(CoreError::from_path_error)?;
    de.end()?;
    Ok(release)
}

impl Release {
    /// Validates the release: `Ok` or every broken rule at once.
    pub fn check(&self) -> Result<(), CoreError> {
        let problems = validate::problems(self);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CoreError::Invalid(problems))
        }
    }

    /// Pretty JSON of the release (the format of `examples/` and `dateline show`).
    pub fn to_json(&self) -> String {
        // Serializing plain data structs to a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
