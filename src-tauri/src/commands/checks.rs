//! The checks of `dateline-checks` for the editor: lint as you type (on the
//! blocking pool; the UI drops answers that arrive late) and quick fixes.

use dateline_checks::{Fix, Report};
use dateline_core::Release;
use tauri::Runtime;

use super::Cx;
use crate::blocking;
use crate::error::{ApiError, ApiResult};
use crate::input;

pub async fn lint_release<R: Runtime>(cx: &Cx<R>, release: Release) -> ApiResult<Report> {
    input::release(&release)?;
    let linter = cx.state().linter(release.style)?;
    blocking::run(move || Ok(linter.run(&release))).await
}

pub async fn apply_fix<R: Runtime>(_cx: &Cx<R>, release: Release, fix: Fix) -> ApiResult<Release> {
    input::release(&release)?;
    blocking::run(move || {
        let mut release = release;
        dateline_checks::apply_fix(&mut release, &fix)
            .map_err(|e| ApiError::new(e.code(), e.to_string()))?;
        Ok(release)
    })
    .await
}
