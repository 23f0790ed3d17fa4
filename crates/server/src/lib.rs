//! `dateline-server`: the team workspace behind Dateline's sync.
//!
//! The server is stateless: accounts, sessions, records, blobs and login
//! attempts all live in PostgreSQL, so several instances can serve one
//! database. Each app keeps its own SQLite store and talks to the server only
//! to push its outbox, pull by cursor, upload the content blocks the server
//! lacks and listen for colleagues' new records.
//!
//! - [`config`]: settings from the environment;
//! - [`db`]: the connection pool and the embedded, numbered migrations;
//! - [`error`]: [`ApiError`], every refusal as `{code, message}` JSON;
//! - [`auth`]: argon2id passwords, session tokens, login rate limiting;
//! - [`accounts`]: what the `user` and `session` subcommands do;
//! - [`limit`]: per-client request rate limiting (per instance);
//! - [`records`], [`blobs`]: the sync endpoints;
//! - [`review`]: the review workflow's rules on pushed records;
//! - [`events`]: PostgreSQL LISTEN/NOTIFY fanned out as server-sent events;
//! - [`presence`]: who has a release open, viewing or editing;
//! - [`routes`]: the HTTP surface.

pub mod accounts;
pub mod auth;
pub mod blobs;
pub mod config;
pub mod db;
pub mod error;
pub mod events;
pub mod limit;
pub mod presence;
pub mod records;
pub mod review;
pub mod routes;

pub use config::Config;
pub use error::ApiError;
