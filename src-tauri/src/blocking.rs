//! Runs library work on tokio's blocking pool so the IPC thread and the event
//! loop never wait on SQLite or a renderer.

use crate::error::{ApiError, ApiResult};
use dateline_core::ErrorCode;

/// Runs `f` on the blocking pool and returns its result; a panic or a
/// cancelled task becomes an `internal` error instead of taking the app down.
pub async fn run<T, F>(f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> ApiResult<T> + Send + 'static,
{
    match tauri::async_runtime::spawn_blocking(f).await {
        Ok(result) => result,
        Err(e) => Err(ApiError::new(
            ErrorCode::Internal,
            format!("the operation stopped unexpectedly: {e}"),
        )),
    }
}
