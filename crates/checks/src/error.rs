//! Errors of loading profiles and Vale styles, and of applying fixes.

/// What can go wrong outside the checks themselves (which never fail).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    /// A profile file that does not parse or names an unknown base.
    #[error("profile: {0}")]
    Profile(String),
    /// A file or folder that cannot be read.
    #[error("cannot read {path}: {message}")]
    Io { path: String, message: String },
    /// A Vale style folder with no rules.
    #[error("{0}: no Vale rules (*.yml) found")]
    NoValeRules(String),
    /// A fix that no longer fits the release (the field changed since the lint).
    #[error("the fix no longer applies at {path}: {why}")]
    StaleFix { path: String, why: String },
}

impl CheckError {
    /// Stable machine-readable code.
    pub fn code(&self) -> dateline_core::ErrorCode {
        use dateline_core::ErrorCode;
        match self {
            CheckError::Profile(_) | CheckError::NoValeRules(_) => ErrorCode::BadCheckConfig,
            CheckError::Io { .. } => ErrorCode::Io,
            CheckError::StaleFix { .. } => ErrorCode::StaleFix,
        }
    }
}
