//! Commands that need no database: templates, validation, dateline and preview rendering.

use dateline_core::style::HouseStyleId;
use dateline_core::validate::Problem;
use dateline_core::{Dateline, Release};
use serde::Serialize;
use ts_rs::TS;

use crate::blocking;
use crate::error::ApiResult;
use crate::input;

/// A house style the UI offers for a new release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TemplateInfo {
    /// The house style id passed to `create_release`.
    pub id: HouseStyleId,
    /// Human name ("UN / OHCHR").
    pub name: String,
}

/// The templates (one per house style), in the order the UI offers them.
#[tauri::command]
pub fn list_templates() -> Vec<TemplateInfo> {
    HouseStyleId::ALL
        .iter()
        .map(|id| TemplateInfo {
            id: *id,
            name: id.style().name.to_string(),
        })
        .collect()
}

/// Every problem of the release (empty when valid).
#[tauri::command]
pub async fn validate_release(release: Release) -> ApiResult<Vec<Problem>> {
    input::release(&release)?;
    blocking::run(move || Ok(dateline_core::validate::problems(&release))).await
}

/// The dateline as the house style prints it (`GENEVA (14 May 2025) –`).
#[tauri::command]
pub fn render_dateline(dateline: Dateline, language: String) -> ApiResult<String> {
    input::short("language", Some(&language))?;
    if dateline.places.len() > 20 {
        return Err(crate::error::ApiError::new(
            "too_large",
            "a dateline has at most 20 places",
        ));
    }
    Ok(dateline_core::dateline::render(&dateline, &language))
}
