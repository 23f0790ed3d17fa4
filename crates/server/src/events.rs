//! Live notifications: PostgreSQL LISTEN/NOTIFY fanned out as server-sent events.
//!
//! Each instance holds one extra connection that listens on the
//! [`CHANNEL`](crate::records::CHANNEL). A push notifies inside its
//! transaction, so PostgreSQL delivers the ids to every instance only once the
//! records are committed; each instance passes them to its subscribers of that
//! workspace. Notices carry ids, never content: a client that hears of a record
//! pulls it like any other. If the listening connection drops, subscribers get
//! a `resync` event (pull now) while the instance reconnects.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use dateline_sync::wire::{Event, PresenceEvent};
use futures_util::{Stream, StreamExt};
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio_postgres::{AsyncMessage, NoTls};
use tokio_stream::wrappers::BroadcastStream;

use crate::auth::Session;
use crate::records::CHANNEL;
use crate::routes::AppState;

/// What an instance passes to its subscribers.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A record committed in a workspace.
    Record {
        /// The workspace's row id.
        workspace: i64,
        /// The record's ids.
        event: Event,
    },
    /// Who has a release open changed (see [`crate::presence`]).
    Presence {
        /// The workspace's row id.
        workspace: i64,
        /// The release.
        release: uuid::Uuid,
    },
    /// Notices may have been missed: every subscriber should pull.
    Resync,
}

/// The NOTIFY payload written by [`crate::records::push`].
#[derive(Deserialize)]
struct Payload {
    w: i64,
    #[serde(flatten)]
    event: Event,
}

/// The NOTIFY payload of a presence change ([`crate::presence::notice`]).
#[derive(Deserialize)]
struct PresencePayload {
    w: i64,
    presence: uuid::Uuid,
}

/// What a NOTIFY payload says, if it is one of ours.
fn notice(payload: &str) -> Option<Notice> {
    if let Ok(p) = serde_json::from_str::<Payload>(payload) {
        return Some(Notice::Record {
            workspace: p.w,
            event: p.event,
        });
    }
    serde_json::from_str::<PresencePayload>(payload)
        .ok()
        .map(|p| Notice::Presence {
            workspace: p.w,
            release: p.presence,
        })
}

/// Starts listening; returns once the first `LISTEN` is in place (so events of
/// any push acknowledged after the server starts reach its subscribers).
pub async fn listen(
    config: tokio_postgres::Config,
    tx: broadcast::Sender<Notice>,
) -> Result<(), tokio_postgres::Error> {
    let first = connect(&config, &tx).await?;
    tokio::spawn(async move {
        let mut current = Some(first);
        loop {
            if let Some((done, client)) = current.take() {
                let _ = done.await;
                drop(client);
                eprintln!("dateline-server: lost the LISTEN connection; reconnecting");
                let _ = tx.send(Notice::Resync);
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
            match connect(&config, &tx).await {
                Ok(c) => {
                    // Anything committed while disconnected was not heard.
                    let _ = tx.send(Notice::Resync);
                    current = Some(c);
                }
                Err(e) => eprintln!("dateline-server: LISTEN connection failed: {e}"),
            }
        }
    });
    Ok(())
}

/// Connects, starts forwarding notifications and runs `LISTEN`; the returned
/// handle finishes when the connection ends (the client must be kept until then).
async fn connect(
    config: &tokio_postgres::Config,
    tx: &broadcast::Sender<Notice>,
) -> Result<(tokio::task::JoinHandle<()>, tokio_postgres::Client), tokio_postgres::Error> {
    let (client, mut conn) = config.connect(NoTls).await?;
    let tx = tx.clone();
    let handle = tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| conn.poll_message(cx));
        while let Some(msg) = messages.next().await {
            match msg {
                Ok(AsyncMessage::Notification(n)) => {
                    if let Some(notice) = notice(n.payload()) {
                        let _ = tx.send(notice);
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    eprintln!("dateline-server: LISTEN connection error: {e}");
                    break;
                }
            }
        }
    });
    client.batch_execute(&format!("LISTEN {CHANNEL}")).await?;
    Ok((handle, client))
}

/// `GET /v1/events`: server-sent events for the user's workspace: `ready`
/// once subscribed, `record` (an [`Event`] as JSON) per new record,
/// `presence` (a [`PresenceEvent`] as JSON) when who has a release open
/// changed, and `resync` when notices may have been missed.
pub async fn events(
    State(st): State<AppState>,
    s: Session,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let workspace = s.workspace_id;
    let rx = st.events.subscribe();
    let ready =
        futures_util::stream::once(async { Ok(SseEvent::default().event("ready").data("")) });
    let live = BroadcastStream::new(rx).filter_map(move |n| async move {
        match n {
            Ok(Notice::Record {
                workspace: w,
                event,
            }) if w == workspace => Some(Ok(SseEvent::default()
                .event("record")
                .data(serde_json::to_string(&event).unwrap_or_default()))),
            Ok(Notice::Presence {
                workspace: w,
                release,
            }) if w == workspace => Some(Ok(SseEvent::default().event("presence").data(
                serde_json::to_string(&PresenceEvent {
                    release_id: release,
                })
                .unwrap_or_default(),
            ))),
            Ok(Notice::Record { .. } | Notice::Presence { .. }) => None,
            // A slow subscriber that fell behind is told to pull instead.
            Ok(Notice::Resync) | Err(_) => Some(Ok(SseEvent::default().event("resync").data(""))),
        }
    });
    Sse::new(ready.chain(live)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
