//! Checks on what the webview sends. The UI is not trusted: ids, texts and
//! releases are bounded before any library code or database sees them, so a
//! 10 MB paste gets a clear `too_large` error instead of a slow save.

use dateline_core::Release;

use crate::error::{ApiError, ApiResult};

/// Longest accepted release id.
pub const MAX_ID_CHARS: usize = 64;
/// Largest release accepted, measured as its JSON.
pub const MAX_RELEASE_BYTES: usize = 4 * 1024 * 1024;
/// Largest text accepted by `import_release`.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// Longest search query, revision message or revision name.
pub const MAX_SHORT_CHARS: usize = 500;

/// A release id: 1–64 characters of `[A-Za-z0-9_-]`.
pub fn id(id: &str) -> ApiResult<()> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            "invalid_id",
            "this is not a release id (1–64 letters, digits, “-” or “_”)",
        ))
    }
}

/// A short optional text (query, message, name): at most [`MAX_SHORT_CHARS`].
pub fn short(what: &str, text: Option<&str>) -> ApiResult<()> {
    match text {
        Some(t) if t.chars().count() > MAX_SHORT_CHARS => Err(ApiError::new(
            "too_large",
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
            "too_large",
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
            "too_large",
            format!(
                "the pasted text is too large to be a press release ({}, at most {})",
                human_size(text.len()),
                human_size(MAX_IMPORT_BYTES)
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(ApiError::new("empty_import", "there is no text to import"));
    }
    Ok(())
}

/// `1.5 MB`, `820 KB`, `12 bytes`.
fn human_size(bytes: usize) -> String {
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
    fn ids_are_bounded_and_plain() {
        assert!(id("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b").is_ok());
        assert!(id("abc_DEF-1").is_ok());
        for bad in ["", "../etc/passwd", "a b", "é", "x;drop"] {
            assert_eq!(
                id(bad).map_err(|e| e.code),
                Err("invalid_id".into()),
                "{bad}"
            );
        }
        assert!(id(&"a".repeat(64)).is_ok());
        assert!(id(&"a".repeat(65)).is_err());
    }

    #[test]
    fn a_ten_megabyte_paste_is_refused_clearly() {
        let mut r = dateline_core::templates::template(
            dateline_core::style::HouseStyleId::UnOhchr,
            chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date"),
        );
        assert!(release(&r).is_ok());
        r.headline = "x".repeat(10 * 1024 * 1024);
        let e = release(&r).expect_err("too large");
        assert_eq!(e.code, "too_large");
        assert!(e.message.contains("10.0 MB"), "{}", e.message);
        let e = import_text(&"y".repeat(10 * 1024 * 1024)).expect_err("too large");
        assert_eq!(e.code, "too_large");
        assert_eq!(
            import_text("  \n").map_err(|e| e.code),
            Err("empty_import".into())
        );
    }

    #[test]
    fn short_texts_are_bounded() {
        assert!(short("message", None).is_ok());
        assert!(short("message", Some("sent to legal")).is_ok());
        assert!(short("message", Some(&"m".repeat(501))).is_err());
    }
}
