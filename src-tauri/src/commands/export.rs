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
    Ok(Some(path.display().to_string()))
}

pub async fn export_pdf<R: Runtime>(cx: &Cx<R>, release: Release) -> ApiResult<Option<String>> {
    input::release(&release)?;
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
    crate::pdf::print_to_pdf(&cx.app, html, path.clone(), paper).await?;
    Ok(Some(path.display().to_string()))
}

/// The file stem used with `DATELINE_EXPORT_DIR`: the release id, else "release".
pub(crate) fn stem(release: &Release) -> String {
    ReleaseId::parse(&release.meta.id)
        .map(String::from)
        .unwrap_or_else(|_| "release".to_string())
}
