//! The app's IPC commands, declared once in the command table (`table.rs`).
//!
//! [`commands!`] turns each line of the table into a `#[tauri::command]` that
//! deserializes its arguments (an argument that does not parse, such as a
//! malformed release id, becomes an `invalid_input` error naming it), calls the
//! function of the same name in the module the table names with a [`Cx`], logs
//! the command's name, duration and outcome at debug level, and returns
//! `{code, message}` on failure. The same table gives [`handler`] (what
//! `Builder::invoke_handler` takes) and [`specs`] (what the contract generator
//! writes the TypeScript interface, the capability and COMMANDS.md from).

pub mod checks;
pub mod compare;
pub mod conflicts;
pub mod export;
pub mod import;
pub mod library;
pub mod render;
pub mod review;
pub mod revisions;
pub mod spell;
pub mod window;
pub mod workspace;

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use dateline_core::style::HouseStyleId;
use dateline_core::validate::Problem;
use dateline_core::{Dateline, Language, Release, ReleaseId};
use dateline_diff::Comparison;
use dateline_export::Format;
use dateline_import::{Override, SourceFormat};
use dateline_store::{OpenRelease, ReleasePage, RevRef, RevisionInfo, Store};
use serde::{Deserialize, Deserializer};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::contract::{ArgSpec, CommandSpec, TypeSpec};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use conflicts::ConflictChoice;
use dateline_checks::{Fix as LintFix, Report as LintReport};
use dateline_review::anchor::TextRange;
use dateline_review::{ApprovalView, Packet, ReleaseReview, ReviewStatus, Role, Verdict, Via};
use dateline_store::OpenConflict;
use import::{ImportFile, ImportPreview, ImportResult};
use review::{AuditFormat, ReviewPanel, Timeline, WorkspaceSettings};
use spell::SpellSetup;
use workspace::{Presence, SyncStatus};

/// What every command gets besides its arguments: the app, its state and store.
pub struct Cx<R: Runtime> {
    /// The running app (dialogs, windows, paths).
    pub app: AppHandle<R>,
}

impl<R: Runtime> Cx<R> {
    /// The app's shared state.
    pub fn state(&self) -> State<'_, AppState> {
        self.app.state::<AppState>()
    }

    /// The revision store, or why it could not be opened.
    pub fn store(&self) -> ApiResult<Arc<dyn Store>> {
        self.state().store()
    }
}

/// A command argument whose deserialization error is kept, so it reaches the
/// UI as `{code: "invalid_input", message}` rather than as Tauri's own string.
pub struct Arg<T>(Result<T, String>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Arg<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Arg(T::deserialize(d).map_err(|e| e.to_string())))
    }
}

impl<T> Arg<T> {
    /// The value, or `invalid_input` naming the argument.
    pub fn take(self, name: &str) -> ApiResult<T> {
        self.0.map_err(|why| ApiError::invalid_input(name, &why))
    }
}

/// Runs a command's future, logging its name, duration and outcome (never its data).
async fn traced<T>(name: &'static str, f: impl Future<Output = ApiResult<T>>) -> ApiResult<T> {
    let start = Instant::now();
    let result = f.await;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    match &result {
        Ok(_) => tracing::debug!(command = name, ms, "ok"),
        Err(e) => tracing::debug!(command = name, ms, code = %e.code, "failed"),
    }
    result
}

macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $module:ident :: $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty ;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            // The table decides how many arguments a command has.
            #[allow(clippy::too_many_arguments)]
            pub async fn $name<R: Runtime>(app: AppHandle<R>, $($arg: Arg<$ty>),*) -> ApiResult<$ret> {
                let cx = Cx { app };
                $( let $arg = $arg.take(stringify!($arg))?; )*
                traced(stringify!($name), $module::$name(&cx, $($arg),*)).await
            }
        )*

        /// Registers every command of the table on `builder`.
        pub fn register<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
            builder.invoke_handler(tauri::generate_handler![$($name),*])
        }

        /// Every command of the table, with its documentation and TypeScript types.
        pub fn specs() -> Vec<CommandSpec> {
            vec![$(
                CommandSpec {
                    name: stringify!($name),
                    doc: concat!($($doc, "\n"),*),
                    args: vec![$(ArgSpec::of::<$ty>(stringify!($arg))),*],
                    result: TypeSpec::of::<$ret>(),
                }
            ),*]
        }
    };
}

include!("table.rs");
