//! Checks on what the webview sends. The UI is not trusted: texts and
//! releases are bounded (ids are checked as they are deserialized, by
//! [`dateline_core::ReleaseId`]) before any library code or database sees them, so a
//! 10 MB paste gets a clear `too_large` error instead of a slow save.

use dateline_core::ErrorCode;
use dateline_core::Release;

use crate::error::{ApiError, ApiResult};

/// Largest release accepted, measured as its JSON.
pub const MAX_RELEASE_BYTES: usize = 4 * 1024 * 1024;
/// Largest text accepted by `import_release`.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// Longest search query, revision message or revision name.
pub const MAX_SHORT_CHARS: usize = 500;

/// A short optional text (query, message, name): at most [`MAX_SHORT_CHARS`].
pub fn short(what: &str, text: Option<&str>) -> ApiResult<()> {
    match text {
        Some(t) if t.chars().count() > MAX_SHORT_CHARS => Err(ApiError::new(
            ErrorCode::TooLarge,
            format!("the {what} is too long (at most {MAX_SHORT_CHARS} characters)"),
        )),
        _ => Ok(()),
    }
}

/// A release no larger than [`MAX_RELEASE_BYTES`] as JSON.
pub fn release(release: &Release) -> ApiResult<()> {
    let size = serde_json::to_vec(release)
        .map(|v| v.len())
        .unwrap_or(usize::MAX);
    if size > MAX_RELEASE_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!(
                "the release is too large ({}, at most {}); is there a long paste in one of the fields?",
                human_size(size),
                human_size(MAX_RELEASE_BYTES)
            ),
        ));
    }
    Ok(())
}

/// Text to import, no larger than [`MAX_IMPORT_BYTES`].
pub fn import_text(text: &str) -> ApiResult<()> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!(
                "the pasted text is too large to be a press release ({}, at most {})",
                human_size(text.len()),
                human_size(MAX_IMPORT_BYTES)
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(ApiError::new(
            ErrorCode::Empty,
            "there is no text to import",
        ));
    }
    Ok(())
}

/// `1.5 MB`, `820 KB`, `12 bytes`.
pub fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ten_megabyte_paste_is_refused_clearly() {
        let mut r = dateline_core::templates::template(
            dateline_core::style::HouseStyleId::UnOhchr,
            chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date"),
        );
        assert!(release(&r).is_ok());
        r.headline = "x".repeat(10 * 1024 * 1024);
        let e = release(&r).expect_err("too large");
        assert_eq!(e.code, ErrorCode::TooLarge);
        assert!(e.message.contains("10.0 MB"), "{}", e.message);
        let e = import_text(&"y".repeat(10 * 1024 * 1024)).expect_err("too large");
        assert_eq!(e.code, ErrorCode::TooLarge);
        assert_eq!(
            import_text("  \n").map_err(|e| e.code),
            Err(ErrorCode::Empty)
        );
    }

    #[test]
    fn short_texts_are_bounded() {
        assert!(short("message", None).is_ok());
        assert!(short("message", Some("sent to legal")).is_ok());
        assert!(short("message", Some(&"m".repeat(501))).is_err());
    }
}
