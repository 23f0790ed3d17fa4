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
//! - [`templates`]: starting points for new releases.

pub mod dateline;
pub mod error;
pub mod id;
pub mod language;
pub mod markdown;
pub mod model;
pub mod quote;
pub mod style;
pub mod templates;
pub mod text;
pub mod validate;

pub use error::{CoreError, ErrorCode};
pub use id::ReleaseId;
pub use language::Language;
pub use model::*;
pub use text::render_text;

/// Parses a release from JSON and validates it.
pub fn from_json(json: &str) -> Result<Release, CoreError> {
    let release: Release = serde_json::from_str(json)?;
    release.check()?;
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
