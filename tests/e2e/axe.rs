//! axe-core (WCAG 2.0/2.1 A and AA, best practices) over every view of the
//! real app in its real webview, in the light and the dark theme: library,
//! trash, menus, editor clean and with problems, the review panel with a
//! comment and a suggestion, history, revision viewer, compare side by side and
//! inline, and the dialogs. Zero violations is the bar.
//!
//! The sandboxed preview frames hold the exports, which are audited on their
//! own (see tests/a11y).

use std::time::Duration;

use dateline_review::ReviewService;
use dateline_store::{SaveMeta, SqliteStore, Store};
use thirtyfour::prelude::*;

use crate::harness::Env;
use crate::ui::*;

const SEED: &str = include_str!("../../examples/un-expert-khakimova.json");
const AXE: &str = include_str!("../../ui/node_modules/axe-core/axe.min.js");

/// The seed with two revisions, a comment and a suggestion.
fn prepare(db: &std::path::Path) -> String {
    let store = SqliteStore::open(db).expect("store");
    let mut release = dateline_core::from_json(SEED).expect("seed");
    let meta = |m: &str| SaveMeta {
        author: "Test Officer".into(),
        message: Some(m.into()),
        name: None,
    };
    let (id, _) = store
        .create(&release, &meta("First draft"))
        .expect("create");
    release.headline.push_str(" now");
    store
        .save(&id, &release, &meta("Sharper headline"))
        .expect("save");
    let svc = ReviewService::new(&store as &dyn Store, "Ed Itor");
    svc.comment(&id, "headline", None, "Is “now” needed?")
        .expect("comment");
    svc.suggest(
        &id,
        "body[0].text",
        "A UN expert today called for her release.",
        None,
    )
    .expect("suggest");
    id
}

/// Runs axe on the page as it is; returns one line per violation.
async fn audit(s: &WebDriver, view: &str) -> Vec<String> {
    let loaded = s
        .execute("return typeof window.axe !== 'undefined'", vec![])
        .await
        .ok()
        .and_then(|r| r.json().as_bool())
        .unwrap_or(false);
    if !loaded {
        s.execute(&format!("{AXE}\n;return true;"), vec![])
            .await
            .expect("inject axe-core");
    }
    let out = s
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, {
                 runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                 resultTypes: ['violations'],
               }).then(
                 (r) => done(r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
                   v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '))),
                 (e) => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .expect("axe.run");
    out.json()
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(|t| format!("{view}: {t}")))
                .collect()
        })
        .unwrap_or_default()
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(400)).await;
}

/// Every view, audited; returns every violation found and whether the page was dark.
async fn walk(s: &WebDriver, id: &str) -> (Vec<String>, bool) {
    let mut found = Vec::new();
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    tid(s, "release-row").await;
    let dark = s
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches",
            vec![],
        )
        .await
        .ok()
        .and_then(|r| r.json().as_bool())
        .unwrap_or(false);
    settle().await;
    found.extend(audit(s, "library").await);
    click(s, "library-new").await;
    found.extend(audit(s, "template menu").await);
    s.execute("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))", vec![])
        .await
        .ok();
    click(s, "open-settings").await;
    tid(s, "settings-dialog").await;
    found.extend(audit(s, "settings dialog").await);
    click(s, "settings-close").await;
    click(s, "library-paste").await;
    found.extend(audit(s, "paste dialog").await);
    set(s, "paste-dialog-text", "Ferries add night crossings\n\nPORTLAND, Maine, May 14, 2025 -- The ferries will run at night.\n\n\"We asked for this,\" said Dana Ruiz, director.\n").await;
    click(s, "paste-dialog-submit").await;
    tid(s, "import-review").await;
    settle().await;
    found.extend(audit(s, "import review").await);
    click(s, "import-cancel").await;
    click(s, "library-show-trash").await;
    tid(s, "library-empty").await;
    found.extend(audit(s, "trash").await);
    click(s, "library-show-trash").await;

    // The editor, clean; its menus and the review panel.
    click(s, "release-row").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    assert_eq!(attr(s, "editor-view", "data-id").await.as_deref(), Some(id));
    tid(s, "check-count").await;
    settle().await;
    found.extend(audit(s, "editor").await);
    click(s, "export-menu").await;
    found.extend(audit(s, "export menu").await);
    click(s, "export-menu").await;
    click(s, "side-review").await;
    tid(s, "comment-thread").await;
    settle().await;
    found.extend(audit(s, "review panel").await);
    click(s, "request-review").await;
    found.extend(audit(s, "request dialog").await);
    click(s, "request-dialog-cancel").await;
    click(s, "signoff-quote-1").await;
    tid(s, "signoff-dialog").await;
    settle().await;
    found.extend(audit(s, "sign-off dialog").await);
    click(s, "signoff-dialog-cancel").await;

    // The editor with problems.
    set(s, "field-headline", "").await;
    wait_attr(s, "problem-count", "data-count", |c| c != "0").await;
    click(s, "problem-count").await;
    found.extend(audit(s, "editor with problems").await);
    click(s, "save-revision").await;
    tid(s, "save-dialog").await;
    found.extend(audit(s, "save dialog").await);
    click(s, "save-cancel").await;
    click(s, "discard-edits").await;
    tid(s, "confirm-dialog").await;
    found.extend(audit(s, "confirm dialog").await);
    click(s, "confirm-ok").await;
    wait_attr(s, "problem-count", "data-count", |c| c == "0").await;

    // History and the revision viewer.
    click(s, "tab-history").await;
    tid(s, "history-row").await;
    settle().await;
    found.extend(audit(s, "history").await);
    click(s, "history-open").await;
    tid(s, "revision-viewer").await;
    found.extend(audit(s, "revision viewer").await);

    // Compare, side by side and inline.
    click(s, "tab-compare").await;
    tid(s, "compare-change").await;
    found.extend(audit(s, "compare side by side").await);
    click(s, "compare-mode-inline").await;
    tid(s, "compare-inline").await;
    found.extend(audit(s, "compare inline").await);
    (found, dark)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_in_both_themes_has_no_axe_violation() {
    let env = Env::new(8);
    let id = prepare(&env.db());
    let mut all = Vec::new();
    for (theme, extra) in [
        ("light", vec![]),
        ("dark", vec![("GTK_THEME", "Adwaita:dark")]),
    ] {
        let app = env.launch_with(&extra).await;
        let (found, dark) = walk(app.s(), &id).await;
        shot(app.s(), &format!("axe-{theme}")).await;
        app.quit().await;
        assert_eq!(dark, theme == "dark", "the {theme} theme is in effect");
        all.extend(found.into_iter().map(|f| format!("[{theme}] {f}")));
    }
    assert!(
        all.is_empty(),
        "axe found {} violation(s):\n{}",
        all.len(),
        all.join("\n")
    );
}
