//! The HTTP surface: routes, shared state, body limits and JSON refusals.
//!
//! | route | what |
//! | --- | --- |
//! | `GET /v1/health` | the instance and its database answer |
//! | `POST /v1/login`, `POST /v1/logout`, `GET /v1/whoami` | sessions |
//! | `POST /v1/records`, `GET /v1/records?after=&limit=` | push and pull |
//! | `GET /v1/releases/{id}/records` | one release's records |
//! | `POST /v1/blobs/missing`, `PUT /v1/blobs/{hash}`, `GET /v1/blobs/{hash}` | content blocks |
//! | `POST /v1/blobs/batch` | many content blocks in one answer |
//! | `GET /v1/events` | server-sent events |
//! | `POST /v1/presence`, `GET /v1/presence`, `GET /v1/releases/{id}/presence` | who has a release open |
//!
//! Anything else, a body over the limit, malformed JSON or a panic in a
//! handler becomes a `{code, message}` refusal, never a dropped connection.

use std::any::Any;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use deadpool_postgres::Pool;
use serde::de::DeserializeOwned;
use tokio::sync::broadcast;
use tower_http::catch_panic::CatchPanicLayer;

use crate::events::Notice;
use crate::limit::Limiter;
use crate::{auth, blobs, events, presence, records, ApiError, Config};

/// The largest request body accepted (JSON or blob): 4 MiB.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// What every handler shares; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

/// The parts of [`AppState`].
pub struct Inner {
    /// The database.
    pub pool: Pool,
    /// The settings.
    pub config: Config,
    /// Notices from the LISTEN connection, to SSE subscribers.
    pub events: broadcast::Sender<Notice>,
    /// Per-client request rate limit.
    pub limiter: Limiter,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// State over `pool`, passing notices from `events`.
    pub fn new(pool: Pool, config: Config, events: broadcast::Sender<Notice>) -> Self {
        let limiter = Limiter::new(config.rate_limit);
        AppState(Arc::new(Inner {
            pool,
            config,
            events,
            limiter,
        }))
    }
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/health", get(health))
        .route("/v1/login", post(auth::login))
        .route("/v1/logout", post(auth::logout))
        .route("/v1/whoami", get(auth::whoami))
        .route("/v1/records", post(records::push).get(records::pull))
        .route("/v1/releases/{id}/records", get(records::release_records))
        .route("/v1/blobs/missing", post(blobs::missing))
        .route("/v1/blobs/batch", post(blobs::batch))
        .route("/v1/blobs/{hash}", put(blobs::put).get(blobs::get))
        .route("/v1/events", get(events::events))
        .route(
            "/v1/presence",
            post(presence::heartbeat).get(presence::workspace_presence),
        )
        .route(
            "/v1/releases/{id}/presence",
            get(presence::release_presence),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::limit::limit,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(CatchPanicLayer::custom(panicked))
        .with_state(state)
}

async fn health(State(st): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let db = st.pool.get().await?;
    db.query_one("SELECT 1", &[]).await?;
    Ok(Json(serde_json::json!({ "status": "ok" })))
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method",
    )
}

fn panicked(_: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::internal("a request handler panicked").into_response()
}

/// Why a body was refused, as a JSON refusal.
fn body_refusal(status: StatusCode, text: String) -> ApiError {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            status,
            "payload_too_large",
            format!("the request body is larger than {} MiB", MAX_BODY >> 20),
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::new(
            status,
            "unsupported_media_type",
            "send JSON with Content-Type: application/json",
        ),
        _ => ApiError::bad_request(text.chars().take(300).collect::<String>()),
    }
}

/// A JSON body, refused as `{code, message}` JSON when it is not acceptable.
pub struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Body(v)),
            Err(rej) => Err(body_refusal(rej.status(), rej.body_text())),
        }
    }
}

/// A raw body (a blob), refused as JSON when too large.
pub struct RawBytes(pub axum::body::Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBytes {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => Ok(RawBytes(b)),
            Err(rej) => Err(body_refusal(rej.status(), rej.body_text())),
        }
    }
}
