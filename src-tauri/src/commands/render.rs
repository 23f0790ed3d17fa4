//! Commands that need no database: validation, dateline rendering.

use dateline_core::validate::Problem;
use dateline_core::{Dateline, ErrorCode, Language, Release};
use tauri::Runtime;

use super::Cx;
use crate::blocking;
use crate::error::{ApiError, ApiResult};
use crate::input;

pub async fn validate_release<R: Runtime>(
    _cx: &Cx<R>,
    release: Release,
) -> ApiResult<Vec<Problem>> {
    input::release(&release)?;
    blocking::run(move || Ok(dateline_core::validate::problems(&release))).await
}

pub async fn render_dateline<R: Runtime>(
    _cx: &Cx<R>,
    dateline: Dateline,
    language: Language,
) -> ApiResult<String> {
    input::short("language", Some(&language))?;
    if dateline.places.len() > 20 {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            "a dateline has at most 20 places",
        ));
    }
    Ok(dateline_core::dateline::render(&dateline, &language))
}
