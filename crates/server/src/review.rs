//! The review workflow's rules on pushed records, with the review crate's own
//! model (`dateline_review::enforce`): who may approve, which state changes the
//! workspace's rules allow from the state the release is in, who may change
//! roles and rules, and no revision of a release whose state takes none
//! (approved, scheduled, released, withdrawn) until it is moved back.
//!
//! The state of each release is what the records this server holds leave it
//! in (its last state change, the pusher of its first revision as its writer),
//! and the records of the push are applied one after another, so a batch may
//! move a release and then edit it. The session's account is the authority:
//! a review record must be authored by the signed-in user, and the user's role
//! on the server is the one that counts (an admin holds every role). The gates
//! (open comments, stale approvals) need the release's text: the app checks them.

use std::collections::HashMap;

use dateline_review::enforce::{self, Context};
use dateline_review::model::same_person;
use dateline_review::{Entry, ReviewError, ReviewStatus, Role, RoleAssignment, Workspace};
use dateline_sync::wire::{workspace_release_id, Record, RecordKind, ReviewBody};
use uuid::Uuid;

use crate::auth::Session;
use crate::ApiError;

/// Where one release stands, for the checks.
#[derive(Debug, Clone, Default)]
struct ReleaseState {
    status: ReviewStatus,
    writer: Option<String>,
}

/// The review state of the releases a push touches.
#[derive(Debug)]
pub struct Review {
    workspace: Workspace,
    settings: Uuid,
    releases: HashMap<Uuid, ReleaseState>,
}

/// The review crate's role for a server role.
fn role(r: dateline_sync::wire::Role) -> Role {
    use dateline_sync::wire::Role as W;
    match r {
        W::Writer => Role::Writer,
        W::Editor => Role::Editor,
        W::Legal => Role::Legal,
        W::Approver => Role::Approver,
        W::Admin => Role::Admin,
    }
}

/// The review entry a record carries, if it is in the review shape.
fn entry_of(r: &Record, body: &ReviewBody) -> Result<Entry, ApiError> {
    let kind = r.kind.review_kind().unwrap_or_default();
    let local = dateline_store::Record {
        id: r.id.to_string(),
        release_id: r.release_id.to_string(),
        kind: kind.to_string(),
        author: r.author.clone(),
        created: r.created,
        revision: None,
        body: body.entry.clone(),
    };
    match Entry::from_record(&local) {
        Ok(Some(e)) => Ok(e),
        Ok(None) => Err(ApiError::bad_request(format!(
            "record {}: “{kind}” is not a review entry",
            r.id
        ))),
        Err(e) => Err(ApiError::bad_request(format!(
            "record {}: not a valid {kind} entry: {e}",
            r.id
        ))),
    }
}

/// A refusal of the review rules as the server's error.
fn refusal(r: &Record, s: &Session, e: ReviewError) -> ApiError {
    let msg = format!("record {} by {} ({}): {e}", r.id, s.name, s.role);
    match e {
        ReviewError::MissingRole { .. } | ReviewError::OwnRelease(_) => ApiError::forbidden(msg),
        ReviewError::Transition { .. } => ApiError::conflict("transition_not_allowed", msg),
        ReviewError::BadRecord { .. } => ApiError::bad_request(msg),
        _ => ApiError::conflict("review_refused", msg),
    }
}

impl Review {
    /// Loads the state of `releases` and, when the push carries more than
    /// revisions (`all`), the workspace's accounts and rules, inside the
    /// push's transaction (the releases' rows are locked by then).
    pub async fn load(
        tx: &tokio_postgres::Transaction<'_>,
        s: &Session,
        releases: &[Uuid],
        records: &[&Record],
    ) -> Result<Review, ApiError> {
        let settings = workspace_release_id(&s.workspace);
        let mut workspace = Workspace::default();
        if records.iter().any(|r| r.kind != RecordKind::Revision) {
            workspace = Self::workspace(tx, s, settings).await?;
        }
        let mut states: HashMap<Uuid, ReleaseState> = releases
            .iter()
            .map(|id| (*id, ReleaseState::default()))
            .collect();
        // Per release: the pusher of its first revision, and its last state
        // change (an index lookup each, however long the history).
        for row in tx
            .query(
                "SELECT t.id,
                        (SELECT pushed_by FROM records
                          WHERE release_id = t.id AND kind = 'revision' ORDER BY seq LIMIT 1),
                        (SELECT raw FROM records
                          WHERE release_id = t.id AND kind = 'transition' ORDER BY seq DESC LIMIT 1)
                   FROM unnest($1::uuid[]) AS t(id)",
                &[&releases],
            )
            .await?
        {
            let Some(st) = states.get_mut(&row.get::<_, Uuid>(0)) else {
                continue;
            };
            st.writer = row.get(1);
            if let Some(raw) = row.get::<_, Option<String>>(2) {
                let r: Record = serde_json::from_str(&raw).map_err(ApiError::internal)?;
                if let Some(Entry::Transition { to, .. }) =
                    ReviewBody::of(&r).and_then(|b| entry_of(&r, &b).ok())
                {
                    st.status = to;
                }
            }
        }
        Ok(Review {
            workspace,
            settings,
            releases: states,
        })
    }

    /// The workspace's accounts (their server roles) and its latest rules.
    async fn workspace(
        tx: &tokio_postgres::Transaction<'_>,
        s: &Session,
        settings: Uuid,
    ) -> Result<Workspace, ApiError> {
        let mut workspace = Workspace::default();
        for row in tx
            .query(
                "SELECT name, role FROM users WHERE workspace_id = $1 AND NOT disabled ORDER BY id",
                &[&s.workspace_id],
            )
            .await?
        {
            let name: String = row.get(0);
            let r: String = row.get(1);
            let Ok(r) = r.parse::<dateline_sync::wire::Role>() else {
                continue;
            };
            workspace.roles.push(RoleAssignment {
                person: name,
                roles: match role(r) {
                    Role::Admin => Role::ALL.to_vec(),
                    other => vec![other],
                },
            });
        }
        if let Some(row) = tx
            .query_opt(
                "SELECT raw FROM records WHERE release_id = $1 AND kind = 'rules'
                  ORDER BY seq DESC LIMIT 1",
                &[&settings],
            )
            .await?
        {
            let raw: String = row.get(0);
            let r: Record = serde_json::from_str(&raw).map_err(ApiError::internal)?;
            if let Some(Entry::Rules(rules)) =
                ReviewBody::of(&r).and_then(|b| entry_of(&r, &b).ok())
            {
                workspace.rules = rules;
            }
        }
        Ok(workspace)
    }

    /// Checks one new record of the push against the rules and the state the
    /// earlier records left its release in, then applies it to that state.
    pub fn check(&mut self, s: &Session, r: &Record) -> Result<(), ApiError> {
        let st = self.releases.entry(r.release_id).or_default();
        if r.kind == RecordKind::Revision {
            if !enforce::accepts_revisions(st.status) {
                return Err(ApiError::conflict(
                    "release_approved",
                    format!(
                        "release {} is {}; it must be moved back to review (reopened) before it is edited",
                        r.release_id, st.status
                    ),
                ));
            }
            st.writer.get_or_insert_with(|| s.name.clone());
            return Ok(());
        }
        let Some(body) = ReviewBody::of(r) else {
            if r.kind.review_only() {
                return Err(ApiError::bad_request(format!(
                    "record {}: a {} record's body is a review entry: {{\"review\": 1, \"entry\": {{…}}, \"on\": REVISION_ID}}",
                    r.id,
                    r.kind.as_str()
                )));
            }
            // The older free-form records keep their older rules.
            return Ok(());
        };
        if !same_person(&r.author, &s.name) {
            return Err(ApiError::forbidden(format!(
                "record {} claims to be by “{}”, but you are signed in as {}; records are pushed by their author",
                r.id, r.author, s.name
            )));
        }
        if r.kind.workspace_wide() != (r.release_id == self.settings) {
            return Err(ApiError::bad_request(format!(
                "record {}: roles and rules belong to the workspace's settings ({}), everything else to a release",
                r.id, self.settings
            )));
        }
        let e = entry_of(r, &body)?;
        let writer = st.writer.clone().unwrap_or_default();
        let ctx = Context {
            workspace: &self.workspace,
            status: st.status,
            writer: &writer,
        };
        enforce::entry(&ctx, &s.name, &e).map_err(|err| refusal(r, s, err))?;
        match e {
            Entry::Transition { to, .. } => st.status = to,
            Entry::Rules(rules) => self.workspace.rules = rules,
            _ => {}
        }
        Ok(())
    }
}
