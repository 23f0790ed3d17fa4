//! The one error type that crosses IPC: `{ code, message, problems }`.
//!
//! Every command maps its library error to an [`ApiError`] with the library's
//! stable [`ErrorCode`] and its human message, so the UI can branch on the code
//! and show the sentence; an invalid release carries its problems, typed, so
//! the UI can show each beside its field. Nothing here carries a debug string.

use dateline_core::validate::Problem;
use dateline_core::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

/// An error returned by a command: a stable code, a sentence and, for an
/// invalid release, every problem with its field path.
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
#[error("{message}")]
pub struct ApiError {
    /// Stable machine-readable code.
    pub code: ErrorCode,
    /// What went wrong, as a sentence a writer can act on.
    pub message: String,
    /// The rules the release breaks (`invalid_release` only; empty otherwise).
    pub problems: Vec<Problem>,
}

impl ApiError {
    /// An error with the given code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// An argument from the webview that does not parse.
    pub fn invalid_input(arg: &str, why: &str) -> Self {
        // serde's messages may quote the input; keep them short and printable.
        let why: String = why.chars().filter(|c| !c.is_control()).take(200).collect();
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("the {arg} is not valid: {why}"),
        )
    }

    /// The same error with the problems of an invalid release.
    pub fn with_problems(mut self, problems: &[Problem]) -> Self {
        self.problems = problems.to_vec();
        self
    }
}

/// Commands return this.
pub type ApiResult<T> = Result<T, ApiError>;

impl From<dateline_core::CoreError> for ApiError {
    fn from(e: dateline_core::CoreError) -> Self {
        ApiError::new(e.code(), e.to_string()).with_problems(e.problems())
    }
}

impl From<dateline_export::ExportError> for ApiError {
    fn from(e: dateline_export::ExportError) -> Self {
        ApiError::new(e.code(), e.to_string()).with_problems(e.problems())
    }
}

impl From<dateline_import::ImportError> for ApiError {
    fn from(e: dateline_import::ImportError) -> Self {
        ApiError::new(e.code(), e.to_string())
    }
}

impl From<dateline_store::StoreError> for ApiError {
    fn from(e: dateline_store::StoreError) -> Self {
        ApiError::new(e.code(), e.to_string()).with_problems(e.problems())
    }
}

impl From<tauri::Error> for ApiError {
    fn from(e: tauri::Error) -> Self {
        ApiError::new(
            ErrorCode::Internal,
            format!("the app could not do this: {e}"),
        )
    }
}
