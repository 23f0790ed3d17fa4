//! The app's commands, grouped by screen. Each is thin: check the input, call
//! the library on the blocking pool, map the error to [`crate::error::ApiError`].
//! `src-tauri/COMMANDS.md` is the contract with the UI; `build.rs` declares each
//! command so it has its own permission.

pub mod compare;
pub mod export;
pub mod import;
pub mod library;
pub mod render;
pub mod revisions;
