//! Every refusal the server gives: an HTTP status and `{code, message}` JSON.
//!
//! Handlers return [`ApiError`]; database and internal failures are logged
//! with their detail and reach the client only as `internal`, so nothing about
//! the schema or another workspace leaks through an error.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dateline_sync::wire::ErrorBody;

/// A refusal: status, stable code and a sentence.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// Stable snake_case code.
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// A refusal with any status.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400: the request is malformed.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 401: not signed in (or the session is over).
    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, message)
    }

    /// 403: signed in, but the role does not allow it.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 404: nothing there (or nothing this user may see: the two look the same).
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 409: the request conflicts with what is stored.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 429: too many requests.
    pub fn rate_limited(message: impl Into<String>) -> Self {
        Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", message)
    }

    /// 500: logs `detail`, tells the client only that something failed.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        eprintln!("dateline-server: internal error: {detail}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server could not complete the request; try again",
        )
    }

    /// 503: the database cannot be reached right now.
    pub fn unavailable(detail: impl std::fmt::Display) -> Self {
        eprintln!("dateline-server: database unavailable: {detail}");
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the server's database is unavailable; try again shortly",
        )
    }
}

impl From<tokio_postgres::Error> for ApiError {
    fn from(e: tokio_postgres::Error) -> Self {
        // Class 22 is "data exception": a value PostgreSQL cannot store, such
        // as a NUL character in text. That is the request's fault, not ours.
        if e.code().is_some_and(|c| c.code().starts_with("22")) {
            return ApiError::bad_request(
                "a value in the request cannot be stored (for example a NUL character)",
            );
        }
        if e.is_closed() {
            ApiError::unavailable(e)
        } else {
            ApiError::internal(e)
        }
    }
}

impl From<deadpool_postgres::PoolError> for ApiError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        ApiError::unavailable(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code.to_string(),
            message: self.message,
        };
        let mut res = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            res.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("1"),
            );
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_refusal_is_code_and_message_json() {
        let res = ApiError::not_found("release 1 not found").into_response();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let bytes = axum::body::to_bytes(res.into_body(), 1024)
            .await
            .unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            r#"{"code":"not_found","message":"release 1 not found"}"#
        );
    }
}
