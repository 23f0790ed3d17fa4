//! Nothing typed is lost when the app is killed: the autosaved working copy
//! is there when the app starts again.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::Env;
use crate::ui::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn working_copy_survives_a_kill_mid_typing() {
    let env = Env::new(2);

    let app = env.launch().await;
    let s = app.s();
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    click(s, "library-new").await;
    click(s, "template-wire").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    let id = attr(s, "editor-view", "data-id").await.unwrap_or_default();
    retype(s, "field-headline", "Survives a crash").await;
    // The autosave promise: at most the last 2 seconds are lost.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    type_into(s, "field-headline", " while typing").await;
    app.kill_app().await;

    let app = env.launch().await;
    let s = app.s();
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    let row = s
        .query(thirtyfour::By::Css(format!(
            "[data-testid=\"release-row\"][data-id=\"{id}\"]"
        )))
        .first()
        .await
        .expect("the release is in the library");
    row.click().await.expect("open");
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    let banner = all(s, "working-copy-banner").await.len();
    let headline = value(s, "field-headline").await;
    shot(s, "10-working-copy-restored").await;
    app.quit().await;

    assert!(!id.is_empty());
    assert_eq!(banner, 1, "the editor says it opened the working copy");
    assert!(
        headline.starts_with("Survives a crash"),
        "headline after the kill: {headline:?}"
    );
}

/// Closing the window (here File → Quit's Ctrl+Q, pressed as a user would through
/// the X server) saves the last keystrokes first: nothing typed is lost, even what
/// the autosave had not reached yet.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_window_saves_the_last_keystrokes() {
    let env = Env::new(9);

    let app = env.launch().await;
    let s = app.s();
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    click(s, "library-new").await;
    click(s, "template-wire").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    let id = attr(s, "editor-view", "data-id").await.unwrap_or_default();
    retype(s, "field-headline", "Closed right after typing").await;
    let pid = app.processes().first().copied().expect("the app's pid");
    // At once, well inside the autosave's 600 ms pause: only the close can save this.
    xdotool(&env.display, &["mousemove", "640", "420"]);
    xdotool(&env.display, &["key", "--clearmodifiers", "ctrl+q"]);
    let gone = wait_until(Duration::from_secs(15), || {
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
            || std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .map(|st| st.contains(") Z "))
                .unwrap_or(true)
    });
    app.quit().await;
    assert!(gone, "the app did not exit after Ctrl+Q");

    let app = env.launch().await;
    let s = app.s();
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    let row = s
        .query(thirtyfour::By::Css(format!(
            "[data-testid=\"release-row\"][data-id=\"{id}\"]"
        )))
        .first()
        .await
        .expect("the release is in the library");
    row.click().await.expect("open");
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    let headline = value(s, "field-headline").await;
    app.quit().await;
    assert_eq!(headline, "Closed right after typing");
}

fn xdotool(display: &str, args: &[&str]) {
    let status = std::process::Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .status()
        .expect("xdotool is needed for this test (apt-get install xdotool)");
    assert!(status.success(), "xdotool {args:?}");
}

fn wait_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let end = std::time::Instant::now() + limit;
    while std::time::Instant::now() < end {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    done()
}
