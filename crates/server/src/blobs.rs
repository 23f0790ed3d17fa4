//! Content-addressed blobs: the content blocks revisions refer to.
//!
//! The client asks which of its hashes the server lacks and uploads only
//! those; the server checks that each upload hashes to its name, so a blob
//! can never be replaced by other content. Blobs are kept per workspace, so
//! asking about a hash reveals nothing about another workspace.

use std::collections::HashSet;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use dateline_sync::wire::{
    blob_hash, is_blob_hash, BlobBatchRequest, BlobBatchResponse, InlineBlob, MissingRequest,
    MissingResponse, MAX_BLOB_BATCH, MAX_BLOB_BATCH_BYTES, MAX_BLOB_QUERY,
};

use crate::auth::Session;
use crate::routes::{AppState, Body, RawBytes};
use crate::ApiError;

fn checked(hash: &str) -> Result<(), ApiError> {
    if is_blob_hash(hash) {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "a blob hash is 64 lower-case hex digits (blake3 of the content)",
        ))
    }
}

/// `POST /v1/blobs/missing`: which of these hashes the server does not hold.
pub async fn missing(
    State(st): State<AppState>,
    s: Session,
    Body(req): Body<MissingRequest>,
) -> Result<Json<MissingResponse>, ApiError> {
    if req.hashes.len() > MAX_BLOB_QUERY {
        return Err(ApiError::bad_request(format!(
            "ask about at most {MAX_BLOB_QUERY} hashes at a time"
        )));
    }
    for h in &req.hashes {
        checked(h)?;
    }
    let db = st.pool.get().await?;
    let q = db
        .prepare_cached("SELECT hash FROM blobs WHERE workspace_id = $1 AND hash = ANY($2)")
        .await?;
    let have: HashSet<String> = db
        .query(&q, &[&s.workspace_id, &req.hashes])
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut seen = HashSet::new();
    let missing = req
        .hashes
        .into_iter()
        .filter(|h| !have.contains(h) && seen.insert(h.clone()))
        .collect();
    Ok(Json(MissingResponse { missing }))
}

/// `PUT /v1/blobs/{hash}`: stores a blob whose content hashes to `hash`.
pub async fn put(
    State(st): State<AppState>,
    s: Session,
    Path(hash): Path<String>,
    RawBytes(bytes): RawBytes,
) -> Result<StatusCode, ApiError> {
    checked(&hash)?;
    if blob_hash(&bytes) != hash {
        return Err(ApiError::bad_request(
            "the content does not hash to the blob's name (blake3)",
        ));
    }
    let db = st.pool.get().await?;
    let data: &[u8] = &bytes;
    let n = db
        .execute(
            "INSERT INTO blobs (workspace_id, hash, data) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            &[&s.workspace_id, &hash, &data],
        )
        .await?;
    Ok(if n == 1 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    })
}

/// `GET /v1/blobs/{hash}`: a blob's bytes.
pub async fn get(
    State(st): State<AppState>,
    s: Session,
    Path(hash): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    checked(&hash)?;
    let db = st.pool.get().await?;
    let row = db
        .query_opt(
            "SELECT data FROM blobs WHERE workspace_id = $1 AND hash = $2",
            &[&s.workspace_id, &hash],
        )
        .await?
        .ok_or_else(|| ApiError::not_found(format!("blob {hash} not found")))?;
    let data: Vec<u8> = row.get(0);
    Ok((
        [(header::CONTENT_TYPE, "application/octet-stream")],
        Bytes::from(data),
    ))
}

/// `POST /v1/blobs/batch`: many blobs in one answer (base64), up to
/// [`MAX_BLOB_BATCH_BYTES`] of content; the rest are named in `later`.
pub async fn batch(
    State(st): State<AppState>,
    s: Session,
    Body(req): Body<BlobBatchRequest>,
) -> Result<Json<BlobBatchResponse>, ApiError> {
    if req.hashes.len() > MAX_BLOB_BATCH {
        return Err(ApiError::bad_request(format!(
            "ask for at most {MAX_BLOB_BATCH} blobs at a time"
        )));
    }
    for h in &req.hashes {
        checked(h)?;
    }
    let mut wanted = req.hashes;
    let mut seen = HashSet::new();
    wanted.retain(|h| seen.insert(h.clone()));
    let db = st.pool.get().await?;
    // Sizes first, so an answer never holds more than the budget in memory.
    let q = db
        .prepare_cached(
            "SELECT hash, length(data) FROM blobs WHERE workspace_id = $1 AND hash = ANY($2)",
        )
        .await?;
    let sizes: std::collections::HashMap<String, i32> = db
        .query(&q, &[&s.workspace_id, &wanted])
        .await?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut res = BlobBatchResponse::default();
    let mut take = Vec::new();
    let mut budget = 0usize;
    for h in wanted {
        match sizes.get(&h) {
            None => res.missing.push(h),
            Some(n) => {
                let n = usize::try_from(*n).unwrap_or(usize::MAX);
                // Always at least one blob per answer, whatever its size.
                if take.is_empty() || budget.saturating_add(n) <= MAX_BLOB_BATCH_BYTES {
                    budget = budget.saturating_add(n);
                    take.push(h);
                } else {
                    res.later.push(h);
                }
            }
        }
    }
    if !take.is_empty() {
        let q = db
            .prepare_cached("SELECT data FROM blobs WHERE workspace_id = $1 AND hash = ANY($2)")
            .await?;
        for row in db.query(&q, &[&s.workspace_id, &take]).await? {
            let data: Vec<u8> = row.get(0);
            res.blobs.push(InlineBlob::new(&data));
        }
    }
    Ok(Json(res))
}
