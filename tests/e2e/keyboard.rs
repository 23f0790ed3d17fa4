//! The app by keyboard alone, in the real webview: from the library to a new
//! release, the template menu, a field, saving, the export menu, the views
//! and the review panel, the history's revision viewer and back — and after
//! every action, focus is on something, never lost to `<body>`.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::Env;
use crate::ui::*;

/// What has focus: its test id, else its tag and text (for messages).
async fn focused(s: &WebDriver) -> String {
    s.execute(
        "const a = document.activeElement;
         if (!a || a === document.body || a === document.documentElement) return 'BODY';
         return a.dataset.testid || (a.tagName + ':' + (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 40));",
        vec![],
    )
    .await
    .ok()
    .and_then(|r| r.json().as_str().map(String::from))
    .unwrap_or_default()
}

/// Presses `keys` on whatever has focus, then checks focus was not lost.
async fn press(s: &WebDriver, keys: impl Into<TypingData>, what: &str) -> String {
    let el = s.active_element().await.expect("active element");
    el.send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    tokio::time::sleep(Duration::from_millis(150)).await;
    let f = focused(s).await;
    assert_ne!(f, "BODY", "focus fell to <body> after {what}");
    f
}

/// Tabs forward until the element with test id `id` has focus (at most `max` stops).
async fn tab_to(s: &WebDriver, id: &str, max: usize) {
    for _ in 0..max {
        if focused(s).await == id {
            return;
        }
        press(s, Key::Tab, &format!("Tab towards {id}")).await;
    }
    panic!(
        "{id} is not reachable with Tab within {max} stops (at {})",
        focused(s).await
    );
}

/// Waits until the focused element is `id`.
async fn focus_is(s: &WebDriver, id: &str) {
    let start = std::time::Instant::now();
    loop {
        let f = focused(s).await;
        if f == id {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "focus is on {f}, not {id}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_path_by_keyboard_and_focus_is_never_lost() {
    let env = Env::new(7);
    let app = env.launch().await;
    run(app.s()).await;
    app.quit().await;
}

async fn run(s: &WebDriver) {
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    focus_is(s, "library-search").await;

    // New release from the template menu: one Tab stop, arrows inside, Enter chooses.
    tab_to(s, "library-new", 5).await;
    press(s, Key::Enter, "opening the template menu").await;
    focus_is(s, "template-unOhchr").await;
    press(s, Key::Down, "arrow in the menu").await;
    focus_is(s, "template-wire").await;
    // Tab leaves the menu, closed, for what follows its button.
    press(s, Key::Tab, "Tab in the menu").await;
    focus_is(s, "library-import").await;
    assert_eq!(
        attr(s, "library-new", "aria-expanded").await.as_deref(),
        Some("false")
    );
    press(s, Key::Shift + Key::Tab, "Shift+Tab").await;
    focus_is(s, "library-new").await;
    press(s, Key::Enter, "opening the template menu again").await;
    press(s, Key::Enter, "choosing a template").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    focus_is(s, "field-headline").await;

    // Type, save with Ctrl+S through the dialog, by keyboard.
    press(s, Key::Control + "a", "select the headline").await;
    press(s, "Keyboard-only headline", "typing").await;
    press(s, Key::Control + "s", "Ctrl+S").await;
    focus_is(s, "save-message").await;
    press(s, "First by keyboard", "typing the message").await;
    press(s, Key::Enter, "saving").await;
    wait_text(s, "toast", |t| t.contains("Revision 2 saved")).await;
    assert_ne!(focused(s).await, "BODY", "focus after saving");

    // The export menu: one stop, Escape closes it onto its button.
    s.execute(
        "document.querySelector('[data-testid=\"export-menu\"]').focus()",
        vec![],
    )
    .await
    .expect("focus export");
    press(s, Key::Enter, "opening the export menu").await;
    focus_is(s, "export-html").await;
    press(s, Key::Escape, "closing the export menu").await;
    focus_is(s, "export-menu").await;

    // Views by keyboard: Ctrl+2 history, open a revision, close it, focus returns to its row.
    press(s, Key::Control + "2", "Ctrl+2").await;
    tid(s, "history-row").await;
    s.execute(
        "document.querySelector('[data-testid=\"history-open\"]').focus()",
        vec![],
    )
    .await
    .expect("focus view");
    press(s, Key::Enter, "viewing a revision").await;
    focus_is(s, "revision-close").await;
    press(s, Key::Enter, "closing the revision viewer").await;
    focus_is(s, "history-open").await;

    // Back to the editor; the review panel beside the form is a tab reached by arrows.
    press(s, Key::Control + "1", "Ctrl+1").await;
    s.execute(
        "document.querySelector('[data-testid=\"side-preview\"]').focus()",
        vec![],
    )
    .await
    .expect("focus side tabs");
    press(s, Key::Right, "arrow to the review tab").await;
    focus_is(s, "side-review").await;
    tid(s, "review-status").await;
    tab_to(s, "state-to-inReview", 12).await;
    press(s, Key::Enter, "changing state").await;
    focus_is(s, "state-dialog-note").await;
    press(s, Key::Escape, "cancelling the dialog").await;
    focus_is(s, "state-to-inReview").await;

    // A section jump link puts focus in its section.
    s.execute(
        "document.querySelector('.jump a[href=\"#sec-body\"]').focus()",
        vec![],
    )
    .await
    .expect("focus jump link");
    press(s, Key::Enter, "following a jump link").await;
    let f = focused(s).await;
    assert!(
        f.starts_with("SECTION") || f == "sec-body",
        "focus is in the Body section: {f}"
    );

    // Back to the library with Ctrl+L: focus on the search box.
    press(s, Key::Control + "l", "Ctrl+L").await;
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    focus_is(s, "library-search").await;
    // Duplicate keeps focus in the list.
    tab_to(s, "release-duplicate", 20).await;
    press(s, Key::Enter, "duplicating").await;
    wait_text(s, "toast", |t| t.contains("Duplicated")).await;
    let f = focused(s).await;
    assert!(
        f == "release-row" || f.starts_with("DIV"),
        "focus after duplicate: {f}"
    );

    // At 200 % zoom the toolbar's actions stay on screen (the toolbar wraps).
    press(s, Key::Enter, "opening the copy").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    // Ctrl+= zooms the page as a reader with low vision does, until the page is half as wide.
    let width = |s: &WebDriver| {
        let s = s.clone();
        async move {
            s.execute("return innerWidth", vec![])
                .await
                .ok()
                .and_then(|r| r.json().as_f64())
                .unwrap_or(0.0)
        }
    };
    let full = width(s).await;
    for _ in 0..12 {
        if width(s).await <= full / 2.0 + 1.0 {
            break;
        }
        press(s, Key::Control + "=", "zooming in").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let zoomed = width(s).await;
    assert!(
        zoomed <= full / 2.0 + 1.0,
        "Ctrl+= zooms the page ({full} → {zoomed} CSS px)"
    );
    for id in [
        "save-revision",
        "export-menu",
        "tab-compare",
        "side-review",
        "review-status",
    ] {
        let inside = s
            .execute(
                "const r = arguments[0].getBoundingClientRect();
                 return r.width > 0 && r.left >= 0 && r.right <= innerWidth + 1;",
                vec![tid(s, id).await.to_json().expect("json")],
            )
            .await
            .ok()
            .and_then(|r| r.json().as_bool())
            .unwrap_or(false);
        assert!(inside, "{id} is off screen at 200 % zoom");
    }
    shot(s, "keyboard-zoom-200").await;
}
