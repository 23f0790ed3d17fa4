//! Errors of the importer. Each has a stable `code` the UI and the CLI show as `{code, message}`.

/// Why an input could not be imported at all. Anything short of these imports,
/// with doubts listed in the [`crate::ImportReport`] instead.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The input is larger than the importer accepts.
    #[error("the input is {size} bytes; at most {limit} bytes (10 MB) can be imported")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes ([`crate::MAX_INPUT_BYTES`]).
        limit: usize,
    },
    /// Nothing but whitespace.
    #[error("the input is empty")]
    Empty,
    /// The bytes are not UTF-8 (nor UTF-16 with a byte-order mark).
    #[error(
        "the input is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and retry"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks like a binary file (control characters, NUL bytes).
    #[error("the input looks like a binary file, not text, Markdown or HTML")]
    Binary,
    /// Text was found but none of it can serve as a headline.
    #[error("no text that could be a headline was found in the input")]
    NoContent,
    /// The input format name is not one of [`crate::SourceFormat`].
    #[error("“{0}” is not an import format (text, markdown or html)")]
    UnknownFormat(String),
    /// A correction from the review screen does not fit the input.
    #[error("part {part}: {message}")]
    BadOverride {
        /// The part the correction names.
        part: usize,
        /// What does not fit, as a sentence.
        message: String,
    },
}

impl ImportError {
    /// Stable machine-readable code.
    pub fn code(&self) -> dateline_core::ErrorCode {
        use dateline_core::ErrorCode;
        match self {
            ImportError::TooLarge { .. } => ErrorCode::TooLarge,
            ImportError::Empty => ErrorCode::Empty,
            ImportError::InvalidUtf8 { .. } => ErrorCode::InvalidUtf8,
            ImportError::Binary => ErrorCode::Binary,
            ImportError::NoContent => ErrorCode::NoContent,
            ImportError::UnknownFormat(_) => ErrorCode::UnknownFormat,
            ImportError::BadOverride { .. } => ErrorCode::BadOverride,
        }
    }
}
