//! Review records (comments, suggestions, approvals, state changes, requests,
//! exports, and the workspace's roles and rules) in a sync round.
//!
//! Each record travels under its own id, with the kind that matches its entry
//! and a [`ReviewBody`]: the entry's body, and the global id of the revision it
//! refers to (revision numbers differ between histories). The outbox is sent
//! after the revisions (a record about a revision the server has not
//! acknowledged waits for it); pulled records are appended through the store
//! once, by id. A record the server refuses for good (no role, a move the
//! rules forbid…) is marked refused with the server's reason, reported, and no
//! longer read, so the local state stays the team's.

use dateline_store::{OutgoingRecord, PulledRecord, RefusedRecord, SqliteStore};
use uuid::Uuid;

use crate::client::{Client, SyncError};
use crate::engine::Report;
use crate::wire::{workspace_release_id, Record, RecordKind, ReviewBody, StoredRecord};

/// Review records sent per push.
const PUSH_BATCH: usize = 200;

/// The local release id of workspace-wide records (`dateline_review::WORKSPACE`).
const WORKSPACE: &str = "workspace";

/// Why a local record cannot be sent at all (refused here, like a server refusal).
fn unsendable(o: &OutgoingRecord, why: &str) -> RefusedRecord {
    RefusedRecord {
        id: o.record.id.clone(),
        code: "unsendable".into(),
        message: format!("record {} cannot be sent: {why}", o.record.id),
    }
}

/// The wire form of a local review record; `Err` when it cannot travel.
fn to_wire(o: &OutgoingRecord, workspace: Option<Uuid>) -> Result<Record, String> {
    let r = &o.record;
    let kind = RecordKind::for_review(&r.kind)
        .ok_or_else(|| format!("the kind “{}” is not shared with the team", r.kind))?;
    let release_id = if r.release_id == WORKSPACE {
        workspace.ok_or("the workspace is not known")?
    } else {
        r.release_id
            .parse()
            .map_err(|_| format!("“{}” is not a release id", r.release_id))?
    };
    let on: Option<Uuid> = o
        .revision_id
        .as_deref()
        .map(|s| s.parse().map_err(|_| format!("“{s}” is not a revision id")))
        .transpose()?;
    let body = ReviewBody {
        review: 1,
        entry: r.body.clone(),
        on,
    };
    Ok(Record {
        id: r
            .id
            .parse()
            .map_err(|_| format!("“{}” is not a record id", r.id))?,
        release_id,
        kind,
        author: r.author.clone(),
        created: r.created,
        revision: None,
        body: serde_json::to_value(body).map_err(|e| e.to_string())?,
        blobs: Vec::new(),
    })
}

/// The signed-in workspace's settings id, asked of the server once.
struct Workspace<'a> {
    client: &'a Client,
    id: Option<Uuid>,
}

impl Workspace<'_> {
    fn id(&mut self) -> Result<Uuid, SyncError> {
        if let Some(id) = self.id {
            return Ok(id);
        }
        let id = workspace_release_id(&self.client.whoami()?.workspace);
        self.id = Some(id);
        Ok(id)
    }
}

/// Whether a refusal is about the records themselves (it will not change by
/// retrying), rather than about the session or the server's health.
fn for_good(e: &SyncError) -> Option<(String, String)> {
    match e {
        SyncError::Refused {
            status,
            code,
            message,
        } if *status != 401 && !e.is_transient() => Some((code.clone(), message.clone())),
        _ => None,
    }
}

/// Sends every review record not yet acknowledged. A batch the server
/// refuses is sent again one record at a time, so only the refused records
/// are set aside (and reported); the others go through in order.
pub fn push(store: &SqliteStore, client: &Client, report: &mut Report) -> Result<(), SyncError> {
    let mut workspace = Workspace { client, id: None };
    loop {
        let out = store.review_outbox(PUSH_BATCH)?;
        if out.is_empty() {
            return Ok(());
        }
        // Asked of the server once, and only when a setting is to be sent
        // (a failure to ask is a failed round, not a refusal).
        let settings = if out.iter().any(|o| o.record.release_id == WORKSPACE) {
            Some(workspace.id()?)
        } else {
            None
        };
        let mut batch = Vec::with_capacity(out.len());
        for o in &out {
            match to_wire(o, settings) {
                Ok(r) => batch.push((o, r)),
                Err(why) => {
                    let refused = unsendable(o, &why);
                    store.review_mark_refused(&refused)?;
                    report.refused.push(refused);
                }
            }
        }
        if batch.is_empty() {
            continue;
        }
        let records: Vec<Record> = batch.iter().map(|(_, r)| r.clone()).collect();
        match client.push(&records) {
            Ok(_) => {
                let ids: Vec<String> = batch.iter().map(|(o, _)| o.record.id.clone()).collect();
                store.review_mark_sent(&ids)?;
                report.review_pushed += ids.len();
            }
            Err(e) => {
                if for_good(&e).is_none() {
                    return Err(e);
                }
                for (o, r) in &batch {
                    match client.push(std::slice::from_ref(r)) {
                        Ok(_) => {
                            store.review_mark_sent(std::slice::from_ref(&o.record.id))?;
                            report.review_pushed += 1;
                        }
                        Err(e) => {
                            let Some((code, message)) = for_good(&e) else {
                                return Err(e);
                            };
                            let refused = RefusedRecord {
                                id: o.record.id.clone(),
                                code,
                                message,
                            };
                            store.review_mark_refused(&refused)?;
                            report.refused.push(refused);
                        }
                    }
                }
            }
        }
    }
}

/// Appends the review records of one pulled page to the local store (each
/// once, by id), with the revision each refers to: its local number when this
/// history holds it, and its global id so that a revision made later (a merge)
/// is found too.
/// Records in the older free-form shape are left to the audit of the server.
pub fn apply_page(
    store: &SqliteStore,
    page: &[StoredRecord],
    report: &mut Report,
) -> Result<(), SyncError> {
    let mut records = Vec::new();
    for s in page {
        let r = &s.record;
        let (Some(kind), Some(body)) = (r.kind.review_kind(), ReviewBody::of(r)) else {
            continue;
        };
        let revision_id = body.on.map(|on| on.hyphenated().to_string());
        let revision = match &revision_id {
            Some(on) => store.revision_number(on)?,
            None => None,
        };
        let record = dateline_store::Record {
            id: r.id.hyphenated().to_string(),
            release_id: if r.kind.workspace_wide() {
                WORKSPACE.to_string()
            } else {
                r.release_id.hyphenated().to_string()
            },
            kind: kind.to_string(),
            author: r.author.clone(),
            created: r.created,
            revision,
            body: body.entry,
        };
        records.push(PulledRecord {
            record,
            revision_id,
        });
    }
    if !records.is_empty() {
        report.review_applied += store.review_apply(&records)?;
    }
    Ok(())
}
