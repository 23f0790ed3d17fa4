//! Errors of the export library, each with a stable code the UI and the CLI show.

use dateline_core::validate::Problem;

/// What can go wrong exporting a release.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The release breaks one or more rules; exports are made only of valid releases.
    #[error("{} problem(s) in the release: {}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// The format name is not one of [`crate::Format`].
    #[error("unknown format “{0}” (try: text, markdown, html, print, ninjs, json, jsonld)")]
    UnknownFormat(String),
    /// The paper name is not one of [`crate::Paper`].
    #[error("unknown paper “{0}” (try: a4, letter)")]
    UnknownPaper(String),
    /// A JSON export could not be serialized.
    #[error("cannot write JSON: {0}")]
    Json(String),
}

impl ExportError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::Invalid(_) => "invalid_release",
            ExportError::UnknownFormat(_) => "unknown_format",
            ExportError::UnknownPaper(_) => "unknown_paper",
            ExportError::Json(_) => "json_failed",
        }
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Json(e.to_string())
    }
}
