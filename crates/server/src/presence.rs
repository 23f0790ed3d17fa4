//! Presence: who has a release open, viewing or editing.
//!
//! The app sends a heartbeat (`POST /v1/presence`) about every 15 seconds
//! while a release is open; each one renews the user's entry for that release
//! until now + [`Config::presence_ttl`](crate::Config::presence_ttl). Entries
//! live only in PostgreSQL, so a heartbeat through one instance is seen through
//! every other. A change (someone arrives, starts or stops editing, leaves, or
//! lapses) is notified on the same channel as records, as a release id only;
//! each instance passes it to the subscribers of that workspace as a
//! `presence` event, and the app asks for the release's presence again.
//!
//! A lapsed entry is never shown (reads compare with `now()`); each instance
//! also deletes lapsed entries every few seconds and announces them, so the
//! people still looking see a closed laptop drop out without asking.

use std::collections::BTreeSet;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::Json;
use dateline_sync::wire::{PresenceEntry, PresenceMode, PresenceRequest};
use deadpool_postgres::Pool;
use tokio_postgres::Row;
use uuid::Uuid;

use crate::auth::Session;
use crate::records::CHANNEL;
use crate::routes::{AppState, Body};
use crate::ApiError;

/// The most releases one user may have open at once (live entries); a
/// heartbeat for one more is refused, so no client can fill the table.
pub const MAX_OPEN_PER_USER: i64 = 50;

const SELECT_PRESENCE: &str = "SELECT p.release_id, u.name, p.mode, p.expires
     FROM presence p JOIN users u ON u.id = p.user_id
     WHERE p.workspace_id = $1 AND p.expires > now()";

fn entry(row: &Row) -> Result<PresenceEntry, ApiError> {
    let mode: String = row.get(2);
    let mode = match mode.as_str() {
        "editing" => PresenceMode::Editing,
        "viewing" => PresenceMode::Viewing,
        _ => return Err(ApiError::internal(format!("unknown presence mode {mode}"))),
    };
    Ok(PresenceEntry {
        release_id: row.get(0),
        user: row.get(1),
        mode,
        expires: row.get(3),
    })
}

/// The NOTIFY payload of a presence change: the workspace and the release.
pub fn notice(workspace: i64, release: Uuid) -> String {
    serde_json::json!({ "w": workspace, "presence": release }).to_string()
}

/// `POST /v1/presence`: renews (or, without `mode`, ends) the user's entry
/// for one release; answers with who has that release open now.
pub async fn heartbeat(
    State(st): State<AppState>,
    s: Session,
    Body(req): Body<PresenceRequest>,
) -> Result<Json<Vec<PresenceEntry>>, ApiError> {
    let mut db = st.pool.get().await?;
    let tx = db.transaction().await?;
    let old = tx
        .query_opt(
            "SELECT mode, expires > now() FROM presence
             WHERE workspace_id = $1 AND release_id = $2 AND user_id = $3 FOR UPDATE",
            &[&s.workspace_id, &req.release_id, &s.user_id],
        )
        .await?;
    let old: Option<(String, bool)> = old.map(|r| (r.get(0), r.get(1)));
    let changed = match req.mode {
        Some(mode) => {
            if !matches!(old, Some((_, true))) {
                let open: i64 = tx
                    .query_one(
                        "SELECT count(*) FROM presence
                         WHERE workspace_id = $1 AND user_id = $2 AND expires > now()",
                        &[&s.workspace_id, &s.user_id],
                    )
                    .await?
                    .get(0);
                if open >= MAX_OPEN_PER_USER {
                    return Err(ApiError::conflict(
                        "too_many_open",
                        format!("one person may have at most {MAX_OPEN_PER_USER} releases open"),
                    ));
                }
            }
            let ttl = st.config.presence_ttl.as_secs_f64();
            tx.execute(
                "INSERT INTO presence (workspace_id, release_id, user_id, mode, expires)
                 VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
                 ON CONFLICT (workspace_id, release_id, user_id)
                 DO UPDATE SET mode = EXCLUDED.mode, expires = EXCLUDED.expires",
                &[
                    &s.workspace_id,
                    &req.release_id,
                    &s.user_id,
                    &mode.as_str(),
                    &ttl,
                ],
            )
            .await?;
            match &old {
                Some((m, true)) => m != mode.as_str(),
                _ => true,
            }
        }
        None => {
            tx.execute(
                "DELETE FROM presence
                 WHERE workspace_id = $1 AND release_id = $2 AND user_id = $3",
                &[&s.workspace_id, &req.release_id, &s.user_id],
            )
            .await?;
            matches!(old, Some((_, true)))
        }
    };
    if changed {
        // Delivered only if and when the transaction commits.
        tx.execute(
            "SELECT pg_notify($1, $2)",
            &[&CHANNEL, &notice(s.workspace_id, req.release_id)],
        )
        .await?;
    }
    let rows = tx
        .query(
            &format!("{SELECT_PRESENCE} AND p.release_id = $2 ORDER BY u.name"),
            &[&s.workspace_id, &req.release_id],
        )
        .await?;
    tx.commit().await?;
    Ok(Json(rows.iter().map(entry).collect::<Result<_, _>>()?))
}

/// `GET /v1/releases/{id}/presence`: who has the release open (in the user's
/// workspace only; an id that is not a release id is not found).
pub async fn release_presence(
    State(st): State<AppState>,
    s: Session,
    Path(id): Path<String>,
) -> Result<Json<Vec<PresenceEntry>>, ApiError> {
    let shown: String = id.chars().take(40).collect();
    let id: Uuid = id
        .parse()
        .map_err(|_| ApiError::not_found(format!("release {shown} not found")))?;
    let db = st.pool.get().await?;
    let rows = db
        .query(
            &format!("{SELECT_PRESENCE} AND p.release_id = $2 ORDER BY u.name"),
            &[&s.workspace_id, &id],
        )
        .await?;
    Ok(Json(rows.iter().map(entry).collect::<Result<_, _>>()?))
}

/// `GET /v1/presence`: every live entry of the user's workspace (the
/// library's markers).
pub async fn workspace_presence(
    State(st): State<AppState>,
    s: Session,
) -> Result<Json<Vec<PresenceEntry>>, ApiError> {
    let db = st.pool.get().await?;
    let rows = db
        .query(
            &format!("{SELECT_PRESENCE} ORDER BY p.release_id, u.name LIMIT 10000"),
            &[&s.workspace_id],
        )
        .await?;
    Ok(Json(rows.iter().map(entry).collect::<Result<_, _>>()?))
}

/// Deletes lapsed entries and announces them, every `every`, forever. Safe
/// with several instances: each row is deleted (and announced) once.
pub fn start_sweeper(pool: Pool, every: Duration) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            if let Err(e) = sweep(&pool).await {
                eprintln!("dateline-server: presence sweep failed: {e}");
            }
        }
    });
}

async fn sweep(pool: &Pool) -> Result<(), ApiError> {
    let mut db = pool.get().await?;
    let tx = db.transaction().await?;
    let rows = tx
        .query(
            "DELETE FROM presence WHERE expires <= now() RETURNING workspace_id, release_id",
            &[],
        )
        .await?;
    let lapsed: BTreeSet<(i64, Uuid)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    for (w, r) in lapsed {
        tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &notice(w, r)])
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
