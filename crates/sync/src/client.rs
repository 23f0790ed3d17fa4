//! A blocking HTTP client of `dateline-server`.
//!
//! Blocking on purpose: the CLI is synchronous and the app calls it from its
//! blocking pool, so neither needs an async runtime of its own. Refusals come
//! back as [`SyncError::Refused`] with the server's code, so callers branch on
//! `session_expired` or `rate_limited` rather than on prose.

use std::io::{BufRead, BufReader};
use std::time::Duration;

use reqwest::blocking::{Client as Http, RequestBuilder, Response};

use crate::wire::{
    blob_hash, BlobBatchRequest, BlobBatchResponse, ErrorBody, Event, InlineBlob, LoginRequest,
    LoginResponse, Me, MissingRequest, MissingResponse, PresenceEntry, PresenceEvent, PresenceMode,
    PresenceRequest, PullResponse, PushRequest, PushResponse, Record, StoredRecord, MAX_BLOB_BATCH,
};

/// What can go wrong talking to the server.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The server URL does not parse.
    #[error("“{0}” is not a server URL (expected http://host:port or https://…)")]
    BadUrl(String),
    /// The server could not be reached (offline, refused, timed out).
    #[error("cannot reach the server: {0}")]
    Unreachable(String),
    /// The server refused, with its code and message.
    #[error("the server refused ({code}): {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The server's stable code.
        code: String,
        /// The server's sentence.
        message: String,
    },
    /// The server answered something that is not the expected JSON.
    #[error("unexpected answer from the server: {0}")]
    Protocol(String),
    /// An https URL, but this build has no TLS (build with the `tls` feature).
    #[error("this build of Dateline cannot use https (it was built without the tls feature)")]
    NoTls,
    /// Not signed in.
    #[error("not signed in; run `dateline login URL` first")]
    NotSignedIn,
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] dateline_store::StoreError),
}

impl SyncError {
    /// The server's refusal code, if this is a refusal.
    pub fn code(&self) -> Option<&str> {
        match self {
            SyncError::Refused { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Whether trying again later may succeed (offline, server down, overloaded).
    pub fn is_transient(&self) -> bool {
        match self {
            SyncError::Unreachable(_) => true,
            SyncError::Refused { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }
}

fn transport(e: reqwest::Error) -> SyncError {
    if e.is_decode() {
        SyncError::Protocol(e.to_string())
    } else {
        SyncError::Unreachable(e.to_string())
    }
}

/// A connection to one server, signed in or not.
#[derive(Debug, Clone)]
pub struct Client {
    base: String,
    http: Http,
    token: Option<String>,
}

impl Client {
    /// A client of the server at `url` (`http://127.0.0.1:8787`); nothing is sent yet.
    pub fn new(url: &str) -> Result<Self, SyncError> {
        let base = url.trim().trim_end_matches('/').to_string();
        let parsed = reqwest::Url::parse(&base).map_err(|_| SyncError::BadUrl(url.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(SyncError::BadUrl(url.to_string()));
        }
        if parsed.scheme() == "https" && !cfg!(feature = "tls") {
            return Err(SyncError::NoTls);
        }
        let http = Http::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(transport)?;
        Ok(Client {
            base,
            http,
            token: None,
        })
    }

    /// The same client using session `token` (from an earlier [`Client::login`]).
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The server URL.
    pub fn url(&self) -> &str {
        &self.base
    }

    /// The session token, once signed in.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    fn authed(&self, rb: RequestBuilder) -> Result<RequestBuilder, SyncError> {
        let token = self.token.as_deref().ok_or(SyncError::NotSignedIn)?;
        Ok(rb.bearer_auth(token))
    }

    fn answer<T: serde::de::DeserializeOwned>(res: Response) -> Result<T, SyncError> {
        let res = Self::ok(res)?;
        res.json().map_err(|e| SyncError::Protocol(e.to_string()))
    }

    fn ok(res: Response) -> Result<Response, SyncError> {
        let status = res.status();
        if status.is_success() {
            return Ok(res);
        }
        let text = res.text().unwrap_or_default();
        let body: ErrorBody = serde_json::from_str(&text).unwrap_or(ErrorBody {
            code: "http_error".into(),
            message: format!(
                "HTTP {status}: {}",
                text.chars().take(200).collect::<String>()
            ),
        });
        Err(SyncError::Refused {
            status: status.as_u16(),
            code: body.code,
            message: body.message,
        })
    }

    /// Signs in; the client keeps the session token.
    pub fn login(&mut self, name: &str, password: &str) -> Result<LoginResponse, SyncError> {
        let res = self
            .http
            .post(format!("{}/v1/login", self.base))
            .json(&LoginRequest {
                name: name.to_string(),
                password: password.to_string(),
            })
            .send()
            .map_err(transport)?;
        let login: LoginResponse = Self::answer(res)?;
        self.token = Some(login.token.clone());
        Ok(login)
    }

    /// Ends the session on the server.
    pub fn logout(&mut self) -> Result<(), SyncError> {
        let rb = self.authed(self.http.post(format!("{}/v1/logout", self.base)))?;
        Self::ok(rb.send().map_err(transport)?)?;
        self.token = None;
        Ok(())
    }

    /// Who the session belongs to.
    pub fn whoami(&self) -> Result<Me, SyncError> {
        let rb = self.authed(self.http.get(format!("{}/v1/whoami", self.base)))?;
        Self::answer(rb.send().map_err(transport)?)
    }

    /// Which of `hashes` the server lacks.
    pub fn missing_blobs(&self, hashes: &[String]) -> Result<Vec<String>, SyncError> {
        let mut missing = Vec::new();
        for chunk in hashes.chunks(crate::wire::MAX_BLOB_QUERY) {
            let rb = self.authed(self.http.post(format!("{}/v1/blobs/missing", self.base)))?;
            let res: MissingResponse = Self::answer(
                rb.json(&MissingRequest {
                    hashes: chunk.to_vec(),
                })
                .send()
                .map_err(transport)?,
            )?;
            missing.extend(res.missing);
        }
        Ok(missing)
    }

    /// Uploads one blob; returns its hash.
    pub fn put_blob(&self, bytes: &[u8]) -> Result<String, SyncError> {
        let hash = blob_hash(bytes);
        let rb = self.authed(self.http.put(format!("{}/v1/blobs/{hash}", self.base)))?;
        Self::ok(rb.body(bytes.to_vec()).send().map_err(transport)?)?;
        Ok(hash)
    }

    /// A blob's bytes.
    pub fn get_blob(&self, hash: &str) -> Result<Vec<u8>, SyncError> {
        let rb = self.authed(self.http.get(format!("{}/v1/blobs/{hash}", self.base)))?;
        let res = Self::ok(rb.send().map_err(transport)?)?;
        let bytes = res.bytes().map_err(transport)?.to_vec();
        if blob_hash(&bytes) != hash {
            return Err(SyncError::Protocol(format!("blob {hash} arrived damaged")));
        }
        Ok(bytes)
    }

    /// Pushes `records` (at most [`crate::wire::MAX_PUSH_RECORDS`]) as one batch.
    pub fn push(&self, records: &[Record]) -> Result<PushResponse, SyncError> {
        self.push_with_blobs(records, &[])
    }

    /// Pushes `records` with content blocks carried inline: one request, one
    /// transaction. Blocks the server already holds are ignored; a record
    /// naming a block that is neither inline nor on the server is refused
    /// (`missing_blobs`), so callers may send only the blocks they believe new.
    pub fn push_with_blobs(
        &self,
        records: &[Record],
        blobs: &[&[u8]],
    ) -> Result<PushResponse, SyncError> {
        let rb = self.authed(self.http.post(format!("{}/v1/records", self.base)))?;
        Self::answer(
            rb.json(&PushRequest {
                records: records.to_vec(),
                blobs: blobs.iter().map(|b| InlineBlob::new(b)).collect(),
            })
            .send()
            .map_err(transport)?,
        )
    }

    /// Many blobs at once (`POST /v1/blobs/batch`), each checked against its
    /// hash; returns (hash, bytes) pairs in no particular order. A hash the
    /// server does not hold is an error.
    pub fn get_blobs(&self, hashes: &[String]) -> Result<Vec<(String, Vec<u8>)>, SyncError> {
        let mut out = Vec::with_capacity(hashes.len());
        let mut todo: Vec<String> = hashes.to_vec();
        while !todo.is_empty() {
            let rest = todo.split_off(todo.len().min(MAX_BLOB_BATCH));
            let rb = self.authed(self.http.post(format!("{}/v1/blobs/batch", self.base)))?;
            let res: BlobBatchResponse = Self::answer(
                rb.json(&BlobBatchRequest { hashes: todo })
                    .send()
                    .map_err(transport)?,
            )?;
            if let Some(h) = res.missing.first() {
                return Err(SyncError::Refused {
                    status: 404,
                    code: "not_found".into(),
                    message: format!("blob {h} not found"),
                });
            }
            if res.blobs.is_empty() && !res.later.is_empty() {
                return Err(SyncError::Protocol(
                    "the server sent no blobs and asked to ask again".into(),
                ));
            }
            for b in res.blobs {
                let bytes = b.bytes().ok_or_else(|| {
                    SyncError::Protocol(format!("blob {} arrived damaged", b.hash))
                })?;
                out.push((b.hash, bytes));
            }
            todo = res.later;
            todo.extend(rest);
        }
        Ok(out)
    }

    /// Up to `limit` records after `cursor`.
    pub fn pull(&self, cursor: i64, limit: u32) -> Result<PullResponse, SyncError> {
        let rb = self.authed(self.http.get(format!(
            "{}/v1/records?after={cursor}&limit={limit}",
            self.base
        )))?;
        Self::answer(rb.send().map_err(transport)?)
    }

    /// Every record of one release.
    pub fn release_records(&self, release: &str) -> Result<Vec<StoredRecord>, SyncError> {
        let rb = self.authed(
            self.http
                .get(format!("{}/v1/releases/{release}/records", self.base)),
        )?;
        Self::answer(rb.send().map_err(transport)?)
    }

    /// Says the user has `release` open (`Some(mode)`) or closed it (`None`);
    /// answers with who has it open now (the user included). Repeat about
    /// every 15 seconds while it stays open: an entry not renewed lapses.
    pub fn presence_heartbeat(
        &self,
        release: uuid::Uuid,
        mode: Option<PresenceMode>,
    ) -> Result<Vec<PresenceEntry>, SyncError> {
        let rb = self.authed(self.http.post(format!("{}/v1/presence", self.base)))?;
        Self::answer(
            rb.json(&PresenceRequest {
                release_id: release,
                mode,
            })
            .send()
            .map_err(transport)?,
        )
    }

    /// Who has `release` open.
    pub fn release_presence(&self, release: &str) -> Result<Vec<PresenceEntry>, SyncError> {
        let rb = self.authed(
            self.http
                .get(format!("{}/v1/releases/{release}/presence", self.base)),
        )?;
        Self::answer(rb.send().map_err(transport)?)
    }

    /// Every open release of the workspace, with who has it open.
    pub fn workspace_presence(&self) -> Result<Vec<PresenceEntry>, SyncError> {
        let rb = self.authed(self.http.get(format!("{}/v1/presence", self.base)))?;
        Self::answer(rb.send().map_err(transport)?)
    }

    /// Subscribes to live events; returns once the server has confirmed the
    /// subscription (its `ready` event), so nothing pushed afterwards is missed.
    pub fn events(&self) -> Result<Events, SyncError> {
        let http = Http::builder()
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(transport)?;
        let rb = self.authed(http.get(format!("{}/v1/events", self.base)))?;
        let res = Self::ok(rb.send().map_err(transport)?)?;
        let mut events = Events {
            lines: BufReader::new(res),
        };
        match events.next_raw()? {
            Some((name, _)) if name == "ready" => Ok(events),
            other => Err(SyncError::Protocol(format!(
                "expected a ready event, got {other:?}"
            ))),
        }
    }
}

/// What the live event stream says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live {
    /// A colleague's (or one's own) new record.
    Record(Event),
    /// Who has a release open changed: ask [`Client::release_presence`].
    Presence(PresenceEvent),
    /// Notices may have been missed: pull.
    Resync,
}

/// The live event stream of a workspace (server-sent events).
pub struct Events {
    lines: BufReader<Response>,
}

impl Events {
    /// The next event; `None` when the server closes the stream.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Live>, SyncError> {
        while let Some((name, data)) = self.next_raw()? {
            match name.as_str() {
                "record" => {
                    let e = serde_json::from_str(&data)
                        .map_err(|e| SyncError::Protocol(e.to_string()))?;
                    return Ok(Some(Live::Record(e)));
                }
                "presence" => {
                    let e = serde_json::from_str(&data)
                        .map_err(|e| SyncError::Protocol(e.to_string()))?;
                    return Ok(Some(Live::Presence(e)));
                }
                "resync" => return Ok(Some(Live::Resync)),
                _ => {}
            }
        }
        Ok(None)
    }

    /// The next (event name, data) pair; comments and keep-alives are skipped.
    fn next_raw(&mut self) -> Result<Option<(String, String)>, SyncError> {
        let (mut name, mut data) = (String::new(), String::new());
        let mut line = String::new();
        loop {
            line.clear();
            let n = self
                .lines
                .read_line(&mut line)
                .map_err(|e| SyncError::Unreachable(e.to_string()))?;
            if n == 0 {
                return Ok(None);
            }
            let l = line.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                if !name.is_empty() || !data.is_empty() {
                    return Ok(Some((std::mem::take(&mut name), std::mem::take(&mut data))));
                }
                continue;
            }
            if let Some(v) = l.strip_prefix("event:") {
                name = v.trim_start().to_string();
            } else if let Some(v) = l.strip_prefix("data:") {
                if !data.is_empty() {
                    data.push('\n');
                }
                data.push_str(v.strip_prefix(' ').unwrap_or(v));
            }
        }
    }
}
