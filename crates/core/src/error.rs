//! Errors of the core library. Each has a stable `code` the UI and the CLI branch on.

use crate::validate::Problem;

/// What can go wrong loading a release.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The JSON could not be parsed or does not have the release's shape.
    #[error("invalid release JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The release breaks one or more rules.
    #[error("{} problem(s) in the release: {}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}

impl CoreError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Json { .. } => "invalid_json",
            CoreError::Invalid(_) => "invalid_release",
        }
    }
}

impl CoreError {
    /// A JSON error with the path of the value it is about put before its message.
    pub(crate) fn from_path_error(e: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = e.path().to_string();
        let mut err = CoreError::from(e.into_inner());
        if let CoreError::Json { message, .. } = &mut err {
            if path != "." && !path.is_empty() {
                *message = format!("{path}: {message}");
            }
        }
        err
    }
}

impl From<serde_json::Error> for CoreError {
    fn from(e: serde_json::Error) -> Self {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
        CoreError::Json {
            line: e.line(),
            column: e.column(),
            message,
        }
    }
}
