//! Exports: every format of `dateline-export` through a native save dialog,
//! the PDF printed by the platform webview, and the live preview's HTML.

use dateline_core::Release;
use dateline_export::{Format, Paper};
use tauri::{AppHandle, Runtime, State};

use crate::blocking;
use crate::destination::{self, Target};
use crate::error::ApiResult;
use crate::input;
use crate::state::AppState;

/// The preview: the same standalone HTML as the html export (never fails on a draft).
#[tauri::command]
pub async fn render_preview(release: Release) -> ApiResult<String> {
    input::release(&release)?;
    blocking::run(move || Ok(dateline_export::preview_html(&release))).await
}

/// Exports a valid `release` as `format`; returns the path written, or `None` if cancelled.
#[tauri::command]
pub async fn export_release<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    release: Release,
    format: Format,
) -> ApiResult<Option<String>> {
    input::release(&release)?;
    let (release, content) = blocking::run(move || {
        let content = dateline_export::render(&release, format)?;
        Ok((release, content))
    })
    .await?;
    let target = Target {
        stem: stem(&release),
        suggested: destination::slug(&release.headline),
        extension: format.extension(),
        kind: kind(format),
    };
    let Some(path) = destination::choose(&app, &state, target).await? else {
        return Ok(None);
    };
    destination::write(path.clone(), content.into_bytes()).await?;
    Ok(Some(path.display().to_string()))
}

/// Prints a valid `release` to PDF through the webview; returns the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    release: Release,
) -> ApiResult<Option<String>> {
    input::release(&release)?;
    let paper = Paper::for_style(release.style);
    let (release, html) = blocking::run(move || {
        // Validates: what leaves the app is a valid release.
        let html = dateline_export::render(&release, Format::Print)?;
        Ok((release, html))
    })
    .await?;
    let target = Target {
        stem: stem(&release),
        suggested: destination::slug(&release.headline),
        extension: "pdf",
        kind: "PDF document",
    };
    let Some(path) = destination::choose(&app, &state, target).await? else {
        return Ok(None);
    };
    crate::pdf::print_to_pdf(&app, html, path.clone(), paper).await?;
    Ok(Some(path.display().to_string()))
}

/// The file stem used with `DATELINE_EXPORT_DIR`: the release id, else "release".
pub(crate) fn stem(release: &Release) -> &str {
    if input::id(&release.meta.id).is_ok() {
        &release.meta.id
    } else {
        "release"
    }
}

fn kind(format: Format) -> &'static str {
    match format {
        Format::Text => "Plain text",
        Format::Markdown => "Markdown",
        Format::Html => "HTML document",
        Format::Print => "Print HTML document",
        Format::Ninjs => "ninjs JSON",
        Format::Json => "Dateline release JSON",
        Format::JsonLd => "JSON-LD",
    }
}
