//! `dateline-sync`: the app's side of the team workspace.
//!
//! - [`wire`]: the JSON contract shared with `dateline-server` (always built);
//! - `client` (feature `client`, on by default): a blocking HTTP client that
//!   signs in, uploads missing blobs, pushes records, pulls by cursor and
//!   listens for live events;
//! - `engine` (same feature): one sync round between a local store and the server;
//! - `review` (same feature): the review records' part of that round;
//! - `merge` (same feature): merges of concurrent revisions and the conflicts
//!   kept for the user (`conflicts`, `resolve`).

pub mod wire;

#[cfg(feature = "client")]
pub mod client;

#[cfg(feature = "client")]
pub mod engine;

#[cfg(feature = "client")]
pub mod merge;

#[cfg(feature = "client")]
pub mod review;

#[cfg(feature = "client")]
pub use client::{Client, Events, Live, SyncError};
#[cfg(feature = "client")]
pub use engine::{sync, Report};
#[cfg(feature = "client")]
pub use merge::{conflicts, resolve, Choice, Conflict, OpenConflict};
