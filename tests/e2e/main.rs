//! End-to-end tests of the real app in its real webview: tauri-driver +
//! WebKitWebDriver under Xvfb, driven through the UI's `data-testid`s
//! (`ui/TESTIDS.md`). Needs the `custom-protocol` feature (the app embeds
//! `ui/dist`, so build the UI first):
//!
//! ```sh
//! npm --prefix ui ci && npm --prefix ui run build
//! cargo test -p dateline-app --features custom-protocol --test e2e -- --test-threads=1
//! ```
//!
//! Screenshots land in `tests/e2e-output/` (gitignored).

mod axe;
mod checks;
mod harness;
mod import;
mod keyboard;
mod measure;
mod pdf;
mod review;
mod survival;
mod ui;
mod workflow;
