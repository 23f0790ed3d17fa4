//! Errors of the core library. Each has a stable `code` the UI and the CLI branch on.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::Problem;

/// Every stable error code of Dateline: what the libraries' `code()` return and
/// what crosses IPC to the UI, which branches on it (never on the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The JSON could not be parsed or does not have the release's shape.
    InvalidJson,
    /// The release breaks one or more rules (the problems travel with it).
    InvalidRelease,
    /// A command argument is malformed (an id, a format name, …).
    InvalidInput,
    /// No such release or revision.
    NotFound,
    /// A short id matches more than one release.
    AmbiguousId,
    /// Too large to accept.
    TooLarge,
    /// The database is locked by another program for too long.
    Busy,
    CorruptDatabase,
    DiskFull,
    NewerDatabase,
    NotADatabase,
    ReadOnly,
    Sqlite,
    Io,
    NoDataDir,
    NoWorkingCopy,
    /// The database could not be opened at startup.
    DatabaseUnavailable,
    UnknownFormat,
    UnknownPaper,
    /// Import: nothing but white space.
    Empty,
    /// Import: not UTF-8 text.
    InvalidUtf8,
    /// Import: a binary file.
    Binary,
    /// Import: no release could be found in the text.
    NoContent,
    /// Import: a correction from the review screen does not fit the input.
    BadOverride,
    /// Review: a field path that does not parse.
    BadPath,
    /// Review: a field path that names nothing in the release.
    NoSuchField,
    /// Review: a text range outside its field.
    BadRange,
    /// Review: a comment, note or suggestion above its size limit.
    TooLong,
    /// Review: a comment, note or name that must not be empty.
    EmptyText,
    /// Review: the person lacks the role the action needs.
    MissingRole,
    /// Review: a writer approving their own release.
    OwnRelease,
    /// Review: a state change the rules do not allow.
    TransitionNotAllowed,
    /// Review: a gated state refused while something blocks it.
    Blocked,
    /// Review: a request that does not fit the release's review (resolve twice, a quote that is not there).
    InvalidRequest,
    /// Review: a stored review record that cannot be read.
    BadRecord,
    /// Checks: a house profile file or a Vale style folder that cannot be used.
    BadCheckConfig,
    /// Checks: a quick fix made for an older text of the field.
    StaleFix,
    /// Workspace: not signed in to a team server, or the session expired.
    NotSignedIn,
    /// Workspace: the team server cannot be reached.
    Offline,
    /// Workspace: the team server refused the request.
    ServerRefused,
    JsonFailed,
    ExportFailed,
    PdfFailed,
    /// A bug or an unexpected failure inside Dateline.
    Internal,
}

impl ErrorCode {
    /// The code as text (`not_found`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidRelease => "invalid_release",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::AmbiguousId => "ambiguous_id",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Busy => "busy",
            ErrorCode::CorruptDatabase => "corrupt_database",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::NewerDatabase => "newer_database",
            ErrorCode::NotADatabase => "not_a_database",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::Sqlite => "sqlite",
            ErrorCode::Io => "io",
            ErrorCode::NoDataDir => "no_data_dir",
            ErrorCode::NoWorkingCopy => "no_working_copy",
            ErrorCode::DatabaseUnavailable => "database_unavailable",
            ErrorCode::UnknownFormat => "unknown_format",
            ErrorCode::UnknownPaper => "unknown_paper",
            ErrorCode::Empty => "empty",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::Binary => "binary",
            ErrorCode::NoContent => "no_content",
            ErrorCode::BadOverride => "bad_override",
            ErrorCode::BadPath => "bad_path",
            ErrorCode::NoSuchField => "no_such_field",
            ErrorCode::BadRange => "bad_range",
            ErrorCode::TooLong => "too_long",
            ErrorCode::EmptyText => "empty_text",
            ErrorCode::MissingRole => "missing_role",
            ErrorCode::OwnRelease => "own_release",
            ErrorCode::TransitionNotAllowed => "transition_not_allowed",
            ErrorCode::Blocked => "blocked",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::BadRecord => "bad_record",
            ErrorCode::BadCheckConfig => "bad_check_config",
            ErrorCode::StaleFix => "stale_fix",
            ErrorCode::NotSignedIn => "not_signed_in",
            ErrorCode::Offline => "offline",
            ErrorCode::ServerRefused => "server_refused",
            ErrorCode::JsonFailed => "json_failed",
            ErrorCode::ExportFailed => "export_failed",
            ErrorCode::PdfFailed => "pdf_failed",
            ErrorCode::Internal => "internal",
        }
    }
}

impl std::str::FromStr for ErrorCode {
    type Err = String;

    /// A code from its text (`not_found`).
    fn from_str(s: &str) -> Result<Self, String> {
        serde_json::from_value(serde_json::Value::String(s.to_string()))
            .map_err(|_| format!("unknown error code “{s}”"))
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Json { .. } => ErrorCode::InvalidJson,
            CoreError::Invalid(_) => ErrorCode::InvalidRelease,
        }
    }

    /// The problems, when the release breaks rules.
    pub fn problems(&self) -> &[Problem] {
        match self {
            CoreError::Invalid(p) => p,
            CoreError::Json { .. } => &[],
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

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn codes_serialize_as_their_text() {
        for c in [
            ErrorCode::NotFound,
            ErrorCode::InvalidUtf8,
            ErrorCode::PdfFailed,
        ] {
            let json = serde_json::to_string(&c).expect("json");
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).ok(), Some(c));
        }
    }
}
