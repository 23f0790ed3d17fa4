//! The writer's whole path through the app: template → every field group →
//! revisions → compare → restore → exports (HTML and PDF).

use std::path::Path;
use std::time::Duration;

use crate::harness::{wait_for, Env};
use crate::ui::*;

const HEADLINE: &str = "Veloria must free river activists held without charge, says UN expert";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn draft_revise_compare_restore_export() {
    let env = Env::new(1);
    let app = env.launch().await;
    let result = run(app.s(), &env).await;
    app.quit().await;
    let (id, html, pdf_text) = result;

    assert!(!id.is_empty());
    assert!(html.contains("Veloria must free river activists"), "{html}");
    let flat = pdf_text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(HEADLINE),
        "the PDF text lacks the headline:\n{pdf_text}"
    );
}

/// Drives the UI; returns (release id, exported HTML, text of the exported PDF).
async fn run(s: &thirtyfour::WebDriver, env: &Env) -> (String, String, String) {
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    tid(s, "library-empty").await;
    shot(s, "01-library-empty").await;

    // New release from the UN / OHCHR template.
    click(s, "library-new").await;
    click(s, "template-unOhchr").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    let id = attr(s, "editor-view", "data-id").await.unwrap_or_default();

    fill_every_group(s).await;
    wait_text(s, "dateline-rendered", |t| {
        t.contains("GENEVA (14 May 2025)")
    })
    .await;
    wait_attr(s, "problem-count", "data-count", |c| c == "0").await;
    wait_for_preview(s, "Veloria must free river activists").await;
    shot(s, "02-editor-filled").await;
    let top = tid(s, "field-headline").await;
    s.execute(
        "arguments[0].scrollIntoView({ block: 'center' }); arguments[0].blur();",
        vec![top.to_json().expect("json")],
    )
    .await
    .expect("scroll to the headline");
    tokio::time::sleep(Duration::from_millis(300)).await;
    shot(s, "03-editor-top").await;

    save_revision(s, "First complete draft", Some("draft 1")).await;

    // Revision 2: a later date and a sharper quote.
    set(s, "field-dateline-date", "2025-05-15").await;
    wait_text(s, "dateline-rendered", |t| t.contains("15 May 2025")).await;
    cm_retype(
        s,
        "quote-text-1-0-0",
        "Detaining people for defending a river is never lawful,",
    )
    .await;
    wait_for_preview(s, "never lawful").await;
    save_revision(s, "Date moved, quote tightened", None).await;

    // Compare revision 2 (the first full draft; revision 1 is the template) with
    // revision 3: the semantic labels name what changed.
    click(s, "tab-compare").await;
    set(s, "compare-from", "rev:2").await;
    set(s, "compare-to", "rev:3").await;
    click(s, "compare-run").await;
    let labels = wait_text(s, "compare-labels", |t| !t.trim().is_empty()).await;
    let lower = labels.to_lowercase();
    assert!(lower.contains("date"), "no dateline label in {labels:?}");
    assert!(lower.contains("quote"), "no quote label in {labels:?}");
    assert!(!text(s, "compare-summary").await.trim().is_empty());
    assert!(!all(s, "compare-change").await.is_empty());
    shot(s, "04-compare-side").await;
    click(s, "compare-mode-inline").await;
    tid(s, "compare-inline").await;
    shot(s, "05-compare-inline").await;

    // History: restore revision 2 (creates revision 4).
    click(s, "tab-history").await;
    wait_for_rows(s, 3).await;
    shot(s, "06-history").await;
    let row2 = s
        .find(thirtyfour::By::Css(format!(
            "{} [data-testid=\"history-restore\"]",
            row_sel(2)
        )))
        .await
        .expect("restore button of revision 2");
    row2.click().await.expect("restore");
    if !all(s, "confirm-ok").await.is_empty() {
        click(s, "confirm-ok").await;
    }
    wait_for_rows(s, 4).await;
    click(s, "tab-edit").await;
    let date = value(s, "field-dateline-date").await;
    assert_eq!(
        date, "2025-05-14",
        "restoring revision 2 brings its date back"
    );

    // Exports, written to DATELINE_EXPORT_DIR without a dialog.
    click(s, "export-menu").await;
    click(s, "export-html").await;
    let html_path = env.exports().join(format!("{id}.html"));
    wait_file(&html_path);
    click(s, "export-menu").await;
    click(s, "export-pdf").await;
    let pdf_path = env.exports().join(format!("{id}.pdf"));
    wait_file(&pdf_path);
    shot(s, "07-exported").await;

    click(s, "back-to-library").await;
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    let start = std::time::Instant::now();
    while all(s, "release-row").await.is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the release is listed in the library"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    shot(s, "08-library").await;

    let html = std::fs::read_to_string(&html_path).unwrap_or_default();
    let pdf = std::process::Command::new("pdftotext")
        .arg(&pdf_path)
        .arg("-")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&pdf_path)
        .arg(crate::harness::output_dir().join("09-pdf-page"))
        .status();
    (id, html, pdf)
}

/// One edit in each group of fields of the model.
async fn fill_every_group(s: &thirtyfour::WebDriver) {
    // Headline and subheadline.
    retype(s, "field-headline", HEADLINE).await;
    wait_text(s, "headline-count", |t| {
        t.contains(&HEADLINE.chars().count().to_string())
    })
    .await;
    set(
        s,
        "field-subheadline",
        "Three members of a farmers' collective have been held for 40 days.",
    )
    .await;
    // Metadata.
    set(s, "field-organisation", "OHCHR").await;
    set(s, "field-language", "en").await;
    set(s, "field-tags", "water, defenders").await;
    // Release line: embargoed.
    set(s, "field-release-line", "embargoed").await;
    set(s, "field-embargo-until", "2025-05-14T00:01").await;
    set(s, "field-embargo-zone", "Europe/Zurich").await;
    // Dateline.
    set(s, "dateline-city-0", "Geneva").await;
    set(s, "field-dateline-date", "2025-05-14").await;
    // People (the quote's speaker and the footnote's subject).
    set(s, "person-name-0", "Ilse Marandi").await;
    set(
        s,
        "person-title-0",
        "Special Rapporteur on the human rights to safe drinking water",
    )
    .await;
    set(s, "person-pronoun-0", "she").await;
    // Body: lead paragraph, the quote, a sub-heading and a list.
    cm_retype(
        s,
        "block-text-0",
        "A UN expert* today called on Veloria to release three activists.",
    )
    .await;
    cm_retype(s, "quote-text-1-0-0", "Defending a river is not a crime,").await;
    click_adding(s, "add-heading", "block-heading-2").await;
    set(s, "block-heading-2", "Background").await;
    click_adding(s, "add-list", "list-item-3-0").await;
    set(s, "list-item-3-0", "The three were arrested on 4 April.").await;
    // End mark, footnote, boilerplate, contacts, actions footer.
    set(s, "field-end-mark", "ends").await;
    set(s, "footnote-label-0", "The expert").await;
    click_adding(s, "add-boilerplate", "boilerplate-title-0").await;
    set(s, "boilerplate-title-0", "About the Special Rapporteurs").await;
    set(
        s,
        "boilerplate-text-0",
        "Special Rapporteurs are independent experts.",
    )
    .await;
    set(s, "contact-name-0", "Noor Haddad").await;
    set(s, "contact-email-0", "media@example.org").await;
    click_adding(s, "add-action-link", "action-label-0").await;
    set(s, "action-label-0", "Read the full statement").await;
    set(s, "action-url-0", "https://example.org/statement").await;
}

async fn save_revision(s: &thirtyfour::WebDriver, message: &str, name: Option<&str>) {
    let before = all(s, "toast").await.len();
    click(s, "save-revision").await;
    tid(s, "save-dialog").await;
    set(s, "save-message", message).await;
    if let Some(n) = name {
        set(s, "save-name", n).await;
    }
    click(s, "save-confirm").await;
    let _ = before;
    wait_text(s, "toast", |t| t.to_lowercase().contains("saved")).await;
    wait_gone(s, "save-dialog").await;
}

fn row_sel(rev: u32) -> String {
    format!("[data-testid=\"history-row\"][data-rev=\"{rev}\"]")
}

async fn wait_for_rows(s: &thirtyfour::WebDriver, n: usize) {
    let start = std::time::Instant::now();
    while all(s, "history-row").await.len() != n {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "expected {n} revisions in the history"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_gone(s: &thirtyfour::WebDriver, id: &str) {
    let start = std::time::Instant::now();
    while !all(s, id).await.is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{id} did not close"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn wait_for_preview(s: &thirtyfour::WebDriver, needle: &str) {
    let start = std::time::Instant::now();
    while !preview_text(s).await.contains(needle) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the preview never showed {needle:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn wait_file(path: &Path) {
    wait_for(
        Duration::from_secs(30),
        || {
            std::fs::metadata(path)
                .map(|m| m.len() > 0)
                .unwrap_or(false)
        },
        &format!("{} to be written", path.display()),
    );
}
