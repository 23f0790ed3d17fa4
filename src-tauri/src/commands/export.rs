//! Exports: every format of `dateline-export` through a native save dialog,
//! the PDF printed by the platform webview, and the live preview's HTML.

use dateline_core::{Release, ReleaseId};
use dateline_export::{Format, Paper};
use tauri::Runtime;

use super::Cx;
use crate::blocking;
use crate::destination::{self, Target};
use crate::error::ApiResult;
use crate::input;

pub async fn render_preview<R: Runtime>(_cx: &Cx<R>, release: Release) -> ApiResult<String> {
    input::release(&release)?;
    blocking::run(move || Ok(dateline_export::preview_html(&release))).await
}

pub async fn export_release<R: Runtime>(
    cx: &Cx<R>,
    release: Release,
    format: Format,
) -> ApiResult<Option<String>> {
    input::release(&release)?;
    let release = with_review_status(cx, release).await;
    let (release, content) = blocking::run(move || {
        let content = dateline_export::render(&release, format)?;
        Ok((release, content))
    })
    .await?;
    let file_stem = stem(&release);
    let target = Target {
        stem: &file_stem,
        suggested: destination::slug(&release.headline),
        extension: format.extension(),
        kind: format.label(),
    };
    let Some(path) = destination::choose(&cx.app, &cx.state(), target).await? else {
        return Ok(None);
    };
    destination::write(path.clone(), content.into_bytes()).await?;
    let path = path.display().to_string();
    record(cx, &release, format.name(), &path).await;
    Ok(Some(path))
}

pub async fn export_pdf<R: Runtime>(cx: &Cx<R>, release: Release) -> ApiResult<Option<String>> {
    input::release(&release)?;
    let release = with_review_status(cx, release).await;
    let paper = Paper::for_style(release.style);
    let (release, html) = blocking::run(move || {
        // Validates: what leaves the app is a valid release.
        let html = dateline_export::render(&release, Format::Print)?;
        Ok((release, html))
    })
    .await?;
    let file_stem = stem(&release);
    let target = Target {
        stem: &file_stem,
        suggested: destination::slug(&release.headline),
        extension: "pdf",
        kind: "PDF document",
    };
    let Some(path) = destination::choose(&cx.app, &cx.state(), target).await? else {
        return Ok(None);
    };
    let footer = dateline_export::Footer::for_release(&release);
    crate::pdf::print_to_pdf(&cx.app, html, path.clone(), paper, footer).await?;
    let path = path.display().to_string();
    record(cx, &release, "pdf", &path).await;
    Ok(Some(path))
}

/// The file stem used with `DATELINE_EXPORT_DIR`: the release id, else "release".
pub(crate) fn stem(release: &Release) -> String {
    ReleaseId::parse(&release.meta.id)
        .map(String::from)
        .unwrap_or_else(|_| "release".to_string())
}

/// Adds the export to the release's audit trail (format, file, latest
/// revision). The file is written by then: a failure to record it is logged,
/// not raised.
async fn record<R: Runtime>(cx: &Cx<R>, release: &Release, format: &'static str, path: &str) {
    let Ok(id) = ReleaseId::parse(&release.meta.id) else {
        return;
    };
    let Ok(store) = cx.store() else { return };
    let me = cx.state().author();
    let path = path.to_string();
    let done = blocking::run(move || {
        dateline_review::ReviewService::new(store.as_ref(), me)
            .record_export(&id, None, format, Some(&path))
            .map_err(crate::error::ApiError::from)
    })
    .await;
    if let Err(e) = done {
        tracing::warn!(code = %e.code, "the export was not added to the audit trail: {}", e.message);
    }
}

/// The release with its published status taken from its review state (the
/// state lives in the review records, not in the edited fields).
async fn with_review_status<R: Runtime>(cx: &Cx<R>, mut release: Release) -> Release {
    let (Ok(id), Ok(store)) = (ReleaseId::parse(&release.meta.id), cx.store()) else {
        return release;
    };
    let me = cx.state().author();
    let status = blocking::run(move || {
        dateline_review::ReviewService::new(store.as_ref(), me)
            .status(&id)
            .map_err(crate::error::ApiError::from)
    })
    .await;
    match status {
        Ok(s) => release.meta.status = s.publication(),
        Err(e) if e.code == dateline_core::ErrorCode::NotFound => {}
        Err(e) => tracing::warn!(code = %e.code, "the review state was not read: {}", e.message),
    }
    release
}
