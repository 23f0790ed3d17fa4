//! The window itself: closing it once the UI has saved (see `crate::close`).

use tauri::Runtime;

use super::Cx;
use crate::error::ApiResult;

pub async fn close_window<R: Runtime>(cx: &Cx<R>, proceed: bool) -> ApiResult<()> {
    crate::close::answer(&cx.app, proceed);
    Ok(())
}
