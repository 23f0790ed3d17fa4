//! The one error type that crosses IPC: `{ code, message }`.
//!
//! Every command maps its library error to an [`ApiError`] with the library's
//! stable `code()` and its human message, so the UI can branch on the code and
//! show the sentence. Nothing here carries a debug string.

use serde::Serialize;
use ts_rs::TS;

/// An error returned by a command: a stable snake_case code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
#[error("{message}")]
pub struct ApiError {
    /// Stable machine-readable code (`invalid_release`, `not_found`, `too_large`, …).
    pub code: String,
    /// What went wrong, as a sentence a writer can act on.
    pub message: String,
}

impl ApiError {
    /// An error with the given code and message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        ApiError {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

/// Commands return this.
pub type ApiResult<T> = Result<T, ApiError>;

impl From<dateline_core::CoreError> for ApiError {
    fn from(e: dateline_core::CoreError) -> Self {
        ApiError::new(e.code(), e.to_string())
    }
}

impl From<tauri::Error> for ApiError {
    fn from(e: tauri::Error) -> Self {
        ApiError::new("internal", format!("the app could not do this: {e}"))
    }
}
