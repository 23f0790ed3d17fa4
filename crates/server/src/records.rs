//! Pushing and pulling append-only records.
//!
//! A push is one transaction. Its records' positions (`seq`) are its
//! transaction id shifted left by 16 bits plus their index in the push, known
//! without taking any workspace-wide lock, so pushes run side by side. A pull
//! hands out only records below the oldest transaction still running (see
//! [`pull`]), so a client pulling "after cursor N" never skips a record that
//! commits later with a smaller number. Records already stored under the same
//! id (a retried push) are counted as duplicates, provided their content is
//! the same; anything refused refuses the whole batch. The workflow rules are
//! checked here, against the state the stored records leave each release in
//! (each release's row is locked, so two pushes to one release take turns).
//!
//! A push may carry its new content blocks inline; they are stored in the same
//! transaction, so a save is one request.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use dateline_sync::wire::{
    is_blob_hash, PushRequest, PushResponse, Record, RecordKind, ReviewBody, StoredRecord,
    WorkflowState, MAX_BLOB_QUERY, MAX_NAME_LEN, MAX_PULL_RECORDS, MAX_PUSH_RECORDS,
};
use tokio_postgres::Row;
use uuid::Uuid;

use crate::auth::Session;
use crate::routes::{AppState, Body};
use crate::ApiError;

/// The NOTIFY channel every instance listens on.
pub const CHANNEL: &str = "dateline";

/// Bits below a transaction's id in a position: room for one push's records.
const SEQ_SHIFT: u32 = 16;

/// `POST /v1/records`: stores the batch, all of it or none.
pub async fn push(
    State(st): State<AppState>,
    s: Session,
    Body(req): Body<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    // Two clients pushing the same new record at once (a merge revision every
    // client makes alike): the one that loses the race to insert it retries and
    // finds it stored, a duplicate.
    let mut attempt = 0;
    loop {
        match push_once(&st, &s, &req).await {
            Err(e) if e.code == RACED && attempt < 3 => attempt += 1,
            other => return other.map(Json),
        }
    }
}

/// The code of a push that lost a race to insert a record another push inserted.
const RACED: &str = "push_raced";

async fn push_once(
    st: &AppState,
    s: &Session,
    req: &PushRequest,
) -> Result<PushResponse, ApiError> {
    check_batch(&req.records)?;
    if req.blobs.len() > MAX_BLOB_QUERY {
        return Err(ApiError::bad_request(format!(
            "a push carries at most {MAX_BLOB_QUERY} blobs"
        )));
    }
    let mut inline_hash = Vec::with_capacity(req.blobs.len());
    let mut inline_data = Vec::with_capacity(req.blobs.len());
    for b in &req.blobs {
        let bytes = b.bytes().ok_or_else(|| {
            let shown: String = b.hash.chars().take(80).collect();
            ApiError::bad_request(format!(
                "inline blob “{shown}”: the data is not base64 of content hashing to that name (blake3)"
            ))
        })?;
        inline_hash.push(b.hash.clone());
        inline_data.push(bytes);
    }
    let raws: Vec<String> = req
        .records
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<_, _>>()
        .map_err(ApiError::internal)?;
    let hashes: Vec<Vec<u8>> = raws
        .iter()
        .map(|r| blake3::hash(r.as_bytes()).as_bytes().to_vec())
        .collect();
    let mut db = st.pool.get().await?;
    let tx = db.transaction().await?;

    // Retried records: the same id must carry the same content, in this workspace.
    let ids: Vec<Uuid> = req.records.iter().map(|r| r.id).collect();
    let q = tx
        .prepare_cached(
            "SELECT id, workspace_id, content_hash, seq FROM records WHERE id = ANY($1)",
        )
        .await?;
    let stored: HashMap<Uuid, (i64, Vec<u8>, i64)> = tx
        .query(&q, &[&ids])
        .await?
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3))))
        .collect();
    let mut fresh = Vec::new();
    let mut last_stored = 0i64;
    for ((r, hash), raw) in req.records.iter().zip(&hashes).zip(&raws) {
        match stored.get(&r.id) {
            Some((ws, h, seq)) if *ws == s.workspace_id && h == hash => {
                last_stored = last_stored.max(*seq);
            }
            Some(_) => {
                return Err(ApiError::conflict(
                    "id_conflict",
                    format!(
                    "record {} was already pushed with different content; give new records new ids",
                    r.id
                ),
                ))
            }
            None => fresh.push((r, hash, raw)),
        }
    }
    let duplicates = (req.records.len() - fresh.len()) as u32;
    if fresh.is_empty() {
        tx.commit().await?;
        return Ok(PushResponse {
            accepted: 0,
            duplicates,
            cursor: last_stored,
        });
    }

    // Releases: new ones join this workspace; another workspace's do not exist here.
    let release_ids: Vec<Uuid> = fresh
        .iter()
        .map(|(r, _, _)| r.release_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let q = tx
        .prepare_cached(
            "INSERT INTO releases (id, workspace_id) SELECT unnest($1::uuid[]), $2
             ON CONFLICT (id) DO NOTHING",
        )
        .await?;
    tx.execute(&q, &[&release_ids, &s.workspace_id]).await?;
    let mut approved: HashMap<Uuid, bool> = HashMap::new();
    let q = tx
        .prepare_cached(
            "SELECT id, workspace_id, approved FROM releases WHERE id = ANY($1) FOR UPDATE",
        )
        .await?;
    for row in tx.query(&q, &[&release_ids]).await? {
        let (id, ws): (Uuid, i64) = (row.get(0), row.get(1));
        if ws != s.workspace_id {
            return Err(ApiError::not_found(format!("release {id} not found")));
        }
        approved.insert(id, row.get(2));
    }

    // Blocks carried inline, then: every block named must be here.
    if !inline_hash.is_empty() {
        let q = tx
            .prepare_cached(
                "INSERT INTO blobs (workspace_id, hash, data)
                 SELECT $1, t.hash, t.data FROM unnest($2::text[], $3::bytea[]) AS t(hash, data)
                 ON CONFLICT DO NOTHING",
            )
            .await?;
        tx.execute(&q, &[&s.workspace_id, &inline_hash, &inline_data])
            .await?;
    }
    let wanted: Vec<String> = fresh
        .iter()
        .flat_map(|(r, _, _)| r.blobs.iter().cloned())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    if !wanted.is_empty() {
        let q = tx
            .prepare_cached("SELECT hash FROM blobs WHERE workspace_id = $1 AND hash = ANY($2)")
            .await?;
        let have: HashSet<String> = tx
            .query(&q, &[&s.workspace_id, &wanted])
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut missing: Vec<&String> = wanted.iter().filter(|h| !have.contains(*h)).collect();
        if !missing.is_empty() {
            missing.sort();
            return Err(ApiError::conflict(
                "missing_blobs",
                format!(
                    "upload these blobs first: {}",
                    missing
                        .iter()
                        .take(20)
                        .map(|h| h.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }

    let before = approved.clone();
    let new: Vec<&Record> = fresh.iter().map(|(r, _, _)| *r).collect();
    let mut review = crate::review::Review::load(&tx, s, &release_ids, &new).await?;
    for (r, _, _) in &fresh {
        review.check(s, r)?;
        let a = approved.entry(r.release_id).or_insert(false);
        *a = apply_rules(s, r, *a)?;
    }
    let changed: Vec<(Uuid, bool)> = approved
        .iter()
        .filter(|(id, v)| before.get(*id) != Some(*v))
        .map(|(id, v)| (*id, *v))
        .collect();
    if !changed.is_empty() {
        let (cid, cv): (Vec<Uuid>, Vec<bool>) = changed.into_iter().unzip();
        let q = tx
            .prepare_cached(
                "UPDATE releases SET approved = t.v FROM unnest($1::uuid[], $2::bool[]) AS t(id, v)
                  WHERE releases.id = t.id",
            )
            .await?;
        tx.execute(&q, &[&cid, &cv]).await?;
    }

    // This transaction's id (assigned by now: the release rows are locked) is
    // the high part of its records' positions.
    let q = tx
        .prepare_cached("SELECT pg_current_xact_id()::text::bigint")
        .await?;
    let xid: i64 = tx.query_one(&q, &[]).await?.get(0);
    let base = xid
        .checked_mul(1 << SEQ_SHIFT)
        .ok_or_else(|| ApiError::internal("transaction ids have outgrown record positions"))?;
    let n = fresh.len();
    let mut cols = Columns::with_capacity(n);
    let mut seq = base;
    for (r, hash, raw) in &fresh {
        seq += 1;
        cols.push(seq, r, hash, raw)?;
    }
    let q = tx
        .prepare_cached(
            "INSERT INTO records (id, workspace_id, seq, release_id, kind, author, pushed_by,
                                  created, revision, raw, content_hash)
             SELECT t.id, $1, t.seq, t.release_id, t.kind, t.author, $2, t.created, t.revision,
                    t.raw, t.hash
               FROM unnest($3::uuid[], $4::int8[], $5::uuid[], $6::text[], $7::text[],
                           $8::timestamptz[], $9::int4[], $10::text[], $11::bytea[])
                 AS t(id, seq, release_id, kind, author, created, revision, raw, hash)",
        )
        .await?;
    tx.execute(
        &q,
        &[
            &s.workspace_id,
            &s.name,
            &cols.id,
            &cols.seq,
            &cols.release_id,
            &cols.kind,
            &cols.author,
            &cols.created,
            &cols.revision,
            &cols.raw,
            &cols.hash,
        ],
    )
    .await
    .map_err(|e| {
        if e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) {
            ApiError::conflict(
                RACED,
                "another push stored the same record at the same time; try again",
            )
        } else {
            ApiError::from(e)
        }
    })?;
    // Delivered by PostgreSQL only if and when the transaction commits.
    let q = tx
        .prepare_cached("SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n")
        .await?;
    tx.execute(&q, &[&CHANNEL, &cols.notices(s.workspace_id)])
        .await?;
    tx.commit().await?;
    Ok(PushResponse {
        accepted: n as u32,
        duplicates,
        cursor: seq.max(last_stored),
    })
}

/// Shape checks that need no database: sizes, ids, hashes, names.
fn check_batch(records: &[Record]) -> Result<(), ApiError> {
    if records.is_empty() {
        return Err(ApiError::bad_request("the push has no records"));
    }
    if records.len() > MAX_PUSH_RECORDS {
        return Err(ApiError::bad_request(format!(
            "a push carries at most {MAX_PUSH_RECORDS} records; send the rest in another push"
        )));
    }
    let mut seen = HashSet::new();
    for r in records {
        if !seen.insert(r.id) {
            return Err(ApiError::bad_request(format!(
                "record {} appears twice in the push",
                r.id
            )));
        }
        if r.author.trim().is_empty() || r.author.chars().count() > MAX_NAME_LEN {
            return Err(ApiError::bad_request(format!(
                "record {}: the author is empty or longer than {MAX_NAME_LEN} characters",
                r.id
            )));
        }
        if r.revision.is_some_and(|v| i32::try_from(v).is_err()) {
            return Err(ApiError::bad_request(format!(
                "record {}: the revision number is too large",
                r.id
            )));
        }
        if let Some(bad) = r.blobs.iter().find(|h| !is_blob_hash(h)) {
            let shown: String = bad.chars().take(80).collect();
            return Err(ApiError::bad_request(format!(
                "record {}: “{shown}” is not a blob hash (64 lower-case hex digits)",
                r.id
            )));
        }
    }
    Ok(())
}

/// The workflow rules of the older free-form records: who may approve and
/// reopen, and no revision of an approved release. Returns whether the release
/// is approved after `r`. Review entries ([`ReviewBody`]) follow the review
/// crate's rules instead (see [`crate::review`]).
fn apply_rules(s: &Session, r: &Record, approved: bool) -> Result<bool, ApiError> {
    let who = format!("{} ({})", s.name, s.role);
    if ReviewBody::of(r).is_some() {
        return Ok(approved);
    }
    match r.kind {
        RecordKind::Approval => {
            if !s.role.may_approve() {
                return Err(ApiError::forbidden(format!(
                    "{who} cannot approve: only approvers and admins can"
                )));
            }
            Ok(true)
        }
        RecordKind::Revision if approved => Err(ApiError::conflict(
            "release_approved",
            format!(
                "release {} is approved; it must be reopened before it is edited",
                r.release_id
            ),
        )),
        RecordKind::State => {
            let state: WorkflowState = r
                .body
                .get("state")
                .cloned()
                .and_then(|v| serde_json::from_value(v).ok())
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "record {}: a state record's body needs \"state\": draft, in_review, approved, reopened or published",
                        r.id
                    ))
                })?;
            match state {
                WorkflowState::Approved | WorkflowState::Published if !s.role.may_approve() => {
                    Err(ApiError::forbidden(format!(
                        "{who} cannot approve or publish: only approvers and admins can"
                    )))
                }
                WorkflowState::Approved | WorkflowState::Published => Ok(true),
                WorkflowState::Reopened if !s.role.may_reopen() => Err(ApiError::forbidden(
                    format!("{who} cannot reopen: only editors, approvers and admins can"),
                )),
                WorkflowState::Reopened => Ok(false),
                WorkflowState::Draft | WorkflowState::InReview if approved => {
                    Err(ApiError::conflict(
                        "release_approved",
                        format!("release {} is approved; reopen it first", r.release_id),
                    ))
                }
                WorkflowState::Draft | WorkflowState::InReview => Ok(false),
            }
        }
        _ => Ok(approved),
    }
}

/// The new records as column arrays, for one `INSERT … SELECT FROM unnest(…)`.
struct Columns {
    id: Vec<Uuid>,
    seq: Vec<i64>,
    release_id: Vec<Uuid>,
    kind: Vec<&'static str>,
    author: Vec<String>,
    created: Vec<DateTime<Utc>>,
    revision: Vec<Option<i32>>,
    raw: Vec<String>,
    hash: Vec<Vec<u8>>,
}

impl Columns {
    fn with_capacity(n: usize) -> Self {
        Columns {
            id: Vec::with_capacity(n),
            seq: Vec::with_capacity(n),
            release_id: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            author: Vec::with_capacity(n),
            created: Vec::with_capacity(n),
            revision: Vec::with_capacity(n),
            raw: Vec::with_capacity(n),
            hash: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, seq: i64, r: &Record, hash: &[u8], raw: &str) -> Result<(), ApiError> {
        self.id.push(r.id);
        self.seq.push(seq);
        self.release_id.push(r.release_id);
        self.kind.push(r.kind.as_str());
        self.author.push(r.author.clone());
        self.created.push(r.created);
        self.revision.push(
            r.revision
                .map(i32::try_from)
                .transpose()
                .map_err(|_| ApiError::bad_request("revision number too large"))?,
        );
        self.raw.push(raw.to_string());
        self.hash.push(hash.to_vec());
        Ok(())
    }

    /// One NOTIFY payload per record: ids only.
    fn notices(&self, workspace: i64) -> Vec<String> {
        (0..self.id.len())
            .map(|i| {
                serde_json::json!({
                    "w": workspace,
                    "seq": self.seq[i],
                    "id": self.id[i],
                    "release_id": self.release_id[i],
                    "kind": self.kind[i],
                })
                .to_string()
            })
            .collect()
    }
}

const SELECT_RECORDS: &str = "SELECT seq, pushed_by, raw FROM records";

fn stored(row: &Row) -> Result<StoredRecord, ApiError> {
    let raw: String = row.get(2);
    Ok(StoredRecord {
        seq: row.get(0),
        pushed_by: row.get(1),
        record: serde_json::from_str(&raw).map_err(ApiError::internal)?,
    })
}

/// `GET /v1/records?after=CURSOR&limit=N`: the workspace's records after a cursor.
pub async fn pull(
    State(st): State<AppState>,
    s: Session,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let mut after = 0i64;
    let mut limit = MAX_PULL_RECORDS;
    for pair in q
        .as_deref()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "after" => {
                after = v.parse().ok().filter(|a: &i64| *a >= 0).ok_or_else(|| {
                    ApiError::bad_request("after= must be a cursor (a whole number ≥ 0)")
                })?
            }
            "limit" => {
                limit = v
                    .parse()
                    .ok()
                    .filter(|l| (1..=MAX_PULL_RECORDS).contains(l))
                    .ok_or_else(|| {
                        ApiError::bad_request(format!("limit= must be 1 to {MAX_PULL_RECORDS}"))
                    })?
            }
            _ => {}
        }
    }
    let db = st.pool.get().await?;
    // `settled`: the record's transaction is older than every transaction
    // still running, so nothing can commit below it any more. Unsettled
    // records (committed, but a push that began earlier is still running) are
    // waited for briefly: pushes take milliseconds, and a client that heard of
    // a record should get it from its next pull.
    let q = db
        .prepare_cached(
            "SELECT seq, pushed_by, raw,
                    seq < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 16)
               FROM records WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .await?;
    let give_up = Instant::now() + PULL_SETTLE_WAIT;
    let (rows, settled) = loop {
        let rows = db
            .query(&q, &[&s.workspace_id, &after, &(i64::from(limit) + 1)])
            .await?;
        let settled = rows.iter().take_while(|r| r.get::<_, bool>(3)).count();
        if settled == rows.len() || Instant::now() >= give_up {
            break (rows, settled);
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    };
    let more = settled > limit as usize;
    Ok(pull_answer(
        &rows[..settled.min(limit as usize)],
        after,
        more,
    ))
}

/// A [`dateline_sync::wire::PullResponse`] written straight from the stored rows: each record's
/// stored JSON (what the push serialised, `Record` exactly) is spliced into
/// the answer as it is, not parsed and serialised again. The bytes are those
/// `Json(PullResponse { … })` would send.
fn pull_answer(rows: &[Row], after: i64, more: bool) -> Response {
    let mut out = String::with_capacity(
        64 + rows
            .iter()
            .map(|r| r.get::<_, &str>(2).len() + 64)
            .sum::<usize>(),
    );
    out.push_str("{\"records\":[");
    let mut cursor = after;
    for (i, row) in rows.iter().enumerate() {
        let seq: i64 = row.get(0);
        let pushed_by: &str = row.get(1);
        let raw: &str = row.get(2);
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"seq\":");
        out.push_str(&seq.to_string());
        out.push_str(",\"pushed_by\":");
        out.push_str(&serde_json::Value::from(pushed_by).to_string());
        out.push_str(",\"record\":");
        out.push_str(raw);
        out.push('}');
        cursor = seq;
    }
    out.push_str("],\"cursor\":");
    out.push_str(&cursor.to_string());
    out.push_str(",\"more\":");
    out.push_str(if more { "true" } else { "false" });
    out.push('}');
    ([(header::CONTENT_TYPE, "application/json")], out).into_response()
}

/// How long a pull waits for pushes that began before a committed record to end.
const PULL_SETTLE_WAIT: Duration = Duration::from_millis(500);

/// `GET /v1/releases/{id}/records`: one release's records, if it is in the
/// user's workspace (another workspace's release is simply not found).
pub async fn release_records(
    State(st): State<AppState>,
    s: Session,
    Path(id): Path<String>,
) -> Result<Json<Vec<StoredRecord>>, ApiError> {
    let shown: String = id.chars().take(40).collect();
    let not_found = || ApiError::not_found(format!("release {shown} not found"));
    let id: Uuid = id.parse().map_err(|_| not_found())?;
    let db = st.pool.get().await?;
    let rows = db
        .query(
            &format!("{SELECT_RECORDS} WHERE release_id = $1 AND workspace_id = $2 ORDER BY seq"),
            &[&id, &s.workspace_id],
        )
        .await?;
    if rows.is_empty() {
        return Err(not_found());
    }
    Ok(Json(rows.iter().map(stored).collect::<Result<_, _>>()?))
}
