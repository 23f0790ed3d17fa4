//! Errors of the export library, each with a stable code the UI and the CLI show.

use dateline_core::validate::Problem;
use dateline_core::ErrorCode;

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
    /// A printed PDF could not be read or written (stamping its running footer).
    #[error("cannot stamp the PDF: {0}")]
    Pdf(String),
    /// A JSON export could not be serialized.
    #[error("cannot write JSON: {0}")]
    Json(String),
}

impl ExportError {
    /// Stable machine-readable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            ExportError::Invalid(_) => ErrorCode::InvalidRelease,
            ExportError::UnknownFormat(_) => ErrorCode::UnknownFormat,
            ExportError::UnknownPaper(_) => ErrorCode::UnknownPaper,
            ExportError::Json(_) => ErrorCode::JsonFailed,
            ExportError::Pdf(_) => ErrorCode::PdfFailed,
        }
    }

    /// The problems, when the release breaks rules.
    pub fn problems(&self) -> &[Problem] {
        match self {
            ExportError::Invalid(p) => p,
            _ => &[],
        }
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Json(e.to_string())
    }
}
