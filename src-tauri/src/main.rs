//! The `dateline-app` binary: starts the desktop app (everything lives in the library
//! so the e2e and mock tests can reach it).

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    dateline_app::run();
}
