//! The `dateline-app` binary: starts the desktop app (everything lives in the library
//! so the e2e and mock tests can reach it).

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    dateline_app::painting::choose();
    match dateline_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline-app: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
