//! The review of a release in the real app: request a review, comment on the
//! headline, suggest a change to a quote and accept it (the quote's sign-off
//! goes stale), see approval refused until the person quoted has answered
//! again, record their answer from the approval packet, then release.
//!
//! The release is written by "Test Officer" (with the quote sign-offs they
//! recorded from the speaker's email) before the app starts; the app runs as
//! "e2e", the workspace's editor.

use std::time::Duration;

use dateline_review::{ApproveTarget, ReviewService, Role, Verdict, Via};
use dateline_store::{SaveMeta, SqliteStore, Store};
use thirtyfour::prelude::*;

use crate::harness::Env;
use crate::ui::*;

const SEED: &str = include_str!("../../examples/un-expert-khakimova.json");
const NEW_QUOTE: &str = "Journalists must be able to work without fear, and she must be freed now,";

/// The seed, written by Test Officer, with every quote signed off by email.
fn prepare(db: &std::path::Path) -> String {
    let store = SqliteStore::open(db).expect("store");
    let release = dateline_core::from_json(SEED).expect("seed");
    let meta = SaveMeta {
        author: "Test Officer".into(),
        message: Some("First draft".into()),
        name: None,
    };
    let (id, _) = store.create(&release, &meta).expect("create");
    let officer = ReviewService::new(&store as &dyn Store, "Test Officer");
    officer
        .set_roles("Test Officer", &[Role::Writer, Role::Admin])
        .expect("roles");
    officer.set_roles("e2e", &[Role::Editor]).expect("roles");
    for number in 1..=4 {
        officer
            .approve(
                &id,
                ApproveTarget::Quote {
                    number,
                    by: None,
                    via: Via::Email,
                },
                Verdict::Approve,
                Some("fine by email"),
            )
            .expect("sign-off");
    }
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_comment_suggest_accept_refuse_answer_release() {
    let env = Env::new(3);
    let id = prepare(&env.db());
    let app = env.launch().await;
    let result = run(app.s(), &id).await;
    app.quit().await;
    let file = env.exports().join(format!("{id}-audit.csv"));
    crate::harness::wait_for(Duration::from_secs(10), || file.exists(), "the audit CSV");
    let csv = std::fs::read_to_string(&file).expect("the audit trail was exported");
    for needle in [
        "Name the country in full?",
        "accepted as revision 2",
        "in-review → approved",
    ] {
        assert!(
            csv.contains(needle),
            "the audit CSV lacks {needle:?}:\n{csv}"
        );
    }
    let (library_status, audit_kinds, labels) = result;
    assert_eq!(library_status, "released");
    for kind in [
        "transition",
        "reviewRequest",
        "comment",
        "suggestion",
        "approval",
    ] {
        assert!(
            audit_kinds.iter().any(|k| k == kind),
            "the history's timeline lacks a {kind}: {audit_kinds:?}"
        );
    }
    assert!(
        labels.iter().any(|l| l.contains("quote 1")),
        "the accepted revision's labels name the quote: {labels:?}"
    );

    // What the app recorded is in the store, through the same library.
    let store = SqliteStore::open(&env.db()).expect("store");
    let svc = ReviewService::new(&store as &dyn Store, "e2e");
    let state = svc.open(&id).expect("open");
    assert_eq!(state.status.name(), "released");
    let log = store.log(&id).expect("log");
    assert_eq!(
        log[0].author, "e2e",
        "the accepted suggestion names its suggester"
    );
    let release = store.load(&id, None).expect("load");
    assert!(serde_json::to_string(&release)
        .expect("json")
        .contains(NEW_QUOTE));
}

async fn wait_count(s: &WebDriver, id: &str, n: usize) {
    let start = std::time::Instant::now();
    while all(s, id).await.len() != n {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {n} × {id} (have {})",
            all(s, id).await.len()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether some element with test id `id` has attribute `name` = `value`.
async fn any_attr(s: &WebDriver, id: &str, name: &str, value: &str) -> bool {
    for e in all(s, id).await {
        if e.attr(name).await.ok().flatten().as_deref() == Some(value) {
            return true;
        }
    }
    false
}

async fn wait_any_attr(s: &WebDriver, id: &str, name: &str, value: &str) {
    let start = std::time::Instant::now();
    while !any_attr(s, id, name, value).await {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for a {id} with {name}={value}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn submit(s: &WebDriver, dialog: &str) {
    click(s, &format!("{dialog}-submit")).await;
    let start = std::time::Instant::now();
    while !all(s, dialog).await.is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{dialog} stays open"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Drives the UI; returns the library's state of the release, the kinds of
/// the history's timeline rows and the change labels of the history.
async fn run(s: &WebDriver, id: &str) -> (String, Vec<String>, Vec<String>) {
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    wait_attr(s, "release-status", "data-status", |v| v == "draft").await;
    click(s, "release-row").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    assert_eq!(attr(s, "editor-view", "data-id").await.as_deref(), Some(id));

    // The review panel beside the form; the writer sends it for review.
    click(s, "side-review").await;
    wait_attr(s, "review-status", "data-status", |v| v == "draft").await;
    click(s, "state-to-inReview").await;
    set(s, "state-dialog-note", "Ready for the editor").await;
    submit(s, "state-dialog").await;
    wait_attr(s, "review-status", "data-status", |v| v == "inReview").await;

    // Request a review from legal.
    click(s, "request-review").await;
    set(s, "request-dialog-reviewers", "Lee Gal").await;
    set(s, "request-dialog-due", "2025-06-01").await;
    submit(s, "request-dialog").await;
    wait_text(s, "waiting-on", |t| t.contains("Lee Gal")).await;

    // Comment on the first word of the headline: select it, then "Comment".
    let headline = tid(s, "field-headline").await;
    s.execute(
        "arguments[0].focus(); arguments[0].setSelectionRange(0, 10);",
        vec![headline.to_json().expect("json")],
    )
    .await
    .expect("select");
    click(s, "field-comment").await;
    set(s, "comment-dialog-text", "Name the country in full?").await;
    submit(s, "comment-dialog").await;
    wait_count(s, "comment-thread", 1).await;
    wait_text(s, "comment-field", |t| t == "headline").await;
    tid(s, "comment-marker").await;
    shot(s, "review-01-comment").await;

    // Suggest a new text for quote 1 (body[3]) and accept it in place.
    let quote = cm(s, "quote-text-3-0-0").await;
    quote.scroll_into_view().await.ok();
    quote.click().await.expect("focus the quote");
    click(s, "field-suggest").await;
    set(s, "suggest-dialog-text", NEW_QUOTE).await;
    set(s, "suggest-dialog-note", "Shorter, as agreed").await;
    submit(s, "suggest-dialog").await;
    tid(s, "inline-suggestion").await;
    shot(s, "review-02-suggestion").await;
    click(s, "inline-accept").await;
    // The editor opens again on the new revision; quote 1's sign-off is stale.
    wait_any_attr(s, "suggestion", "data-status", "accepted").await;
    wait_any_attr(s, "approval", "data-stale", "true").await;
    let quote_text = cm(s, "quote-text-3-0-0")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(quote_text.contains("without fear"), "{quote_text}");

    // The editor approves the release; approval is still refused.
    click(s, "approve-release").await;
    submit(s, "approve-dialog").await;
    wait_count(s, "approval", 5).await;
    click(s, "comment-resolve").await;
    wait_count(s, "comment-thread", 0).await;
    click(s, "state-to-approved").await;
    submit(s, "state-dialog").await;
    wait_attr(s, "error-banner", "data-code", |c| c == "blocked").await;
    let refusal = text(s, "error-banner").await;
    assert!(
        refusal.contains("stale"),
        "the refusal names the stale sign-off: {refusal}"
    );
    assert_eq!(
        attr(s, "review-status", "data-status").await.as_deref(),
        Some("inReview")
    );
    shot(s, "review-03-refused").await;
    click(s, "error-dismiss").await;

    // The packet for the person quoted, and their answer recorded by hand.
    click(s, "signoff-quote-1").await;
    let packet = value(s, "packet-text").await;
    assert!(packet.contains("without fear"), "{packet}");
    set(s, "signoff-dialog-via", "phone").await;
    shot(s, "review-04-packet").await;
    submit(s, "signoff-dialog").await;
    tid(s, "no-blockers").await;

    click(s, "state-to-approved").await;
    submit(s, "state-dialog").await;
    wait_attr(s, "review-status", "data-status", |v| v == "approved").await;
    click(s, "state-to-released").await;
    submit(s, "state-dialog").await;
    wait_attr(s, "review-status", "data-status", |v| v == "released").await;
    shot(s, "review-05-released").await;

    // The history: the review's events between revisions, and what each revision changed.
    click(s, "tab-history").await;
    wait_count(s, "history-row", 2).await;
    let mut kinds = Vec::new();
    for row in all(s, "audit-row").await {
        kinds.push(
            row.attr("data-kind")
                .await
                .ok()
                .flatten()
                .unwrap_or_default(),
        );
    }
    let mut labels = Vec::new();
    for l in all(s, "history-labels").await {
        labels.push(l.text().await.unwrap_or_default());
    }
    shot(s, "review-06-history").await;
    click(s, "audit-export-csv").await;

    // The compare view says which approvals the accepted change made stale.
    click(s, "tab-compare").await;
    let stale = wait_text(s, "compare-stale", |t| !t.is_empty()).await;
    assert!(stale.contains("quote 1"), "{stale}");
    shot(s, "review-07-compare-stale").await;

    // The library shows the state.
    click(s, "back-to-library").await;
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    let status = wait_attr(s, "release-status", "data-status", |v| v == "released").await;
    (status, kinds, labels)
}
