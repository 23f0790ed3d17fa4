//! Checks while writing, in the real app: a finding appears as you type, its
//! quick fix applies; WebKitGTK underlines a misspelling in the release's
//! language but not the release's own names; a failing check blocks approval.

use std::process::Command;
use std::time::Duration;

use dateline_store::{SaveMeta, SqliteStore, Store};
use thirtyfour::prelude::*;

use crate::harness::{output_dir, Env};
use crate::ui::*;

const SEED: &str = include_str!("../../examples/un-expert-khakimova.json");

fn prepare(db: &std::path::Path) -> String {
    let store = SqliteStore::open(db).expect("store");
    let release = dateline_core::from_json(SEED).expect("seed");
    let meta = SaveMeta {
        author: "e2e".into(),
        message: None,
        name: None,
    };
    store.create(&release, &meta).expect("create").0
}

/// Pixels inside `el` on a screenshot of the window (saved as `name`) that
/// are clearly red: WebKitGTK draws misspellings with a red dotted underline.
/// (An element screenshot leaves out the text of form fields, so the window
/// is captured and cropped to the element.)
async fn red_pixels(s: &WebDriver, el: &WebElement, name: &str) -> u64 {
    let path = output_dir().join(format!("{name}.png"));
    s.screenshot(&path).await.expect("screenshot");
    let r = el.rect().await.expect("element rect");
    let crop = format!(
        "{}x{}+{}+{}",
        r.width.round() as i64,
        r.height.round() as i64,
        r.x.round() as i64,
        r.y.round() as i64
    );
    // ImageMagick: 1 for a red pixel, 0 otherwise; the mean times the area counts them.
    let out = Command::new("convert")
        .arg(&path)
        .args([
            "-crop",
            &crop,
            "-fx",
            "(r>0.9 && g<0.8 && abs(g-b)<0.05) ? 1 : 0",
            "-format",
            "%[fx:mean*w*h]",
            "info:",
        ])
        .output()
        .expect("ImageMagick's convert is needed (apt-get install imagemagick)");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse::<f64>()
        .map(|v| v.round() as u64)
        .unwrap_or_else(|_| panic!("convert: {}", String::from_utf8_lossy(&out.stderr)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn findings_fixes_spelling_and_the_gate() {
    let env = Env::new(4);
    let id = prepare(&env.db());
    let app = env.launch().await;
    let result = run(app.s(), &id).await;
    app.quit().await;
    let (misspelt, names_only, fixed) = result;
    let words = std::fs::read_to_string(env.dir.path().join("config/enchant/en_GB.dic"))
        .unwrap_or_default();
    assert!(
        words.lines().any(|w| w == "Lawlor") && words.lines().any(|w| w == "OHCHR"),
        "the release's names are in the personal word list of its language: {words:?}"
    );
    assert!(
        misspelt > 0,
        "a misspelling in the release's language is underlined in red"
    );
    assert_eq!(
        names_only, 0,
        "the release's own names (Lawlor, OHCHR) are never underlined"
    );
    assert!(
        !fixed.contains("  "),
        "the quick fix removed the double space: {fixed}"
    );
}

async fn run(s: &WebDriver, id: &str) -> (u64, u64, String) {
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    click(s, "release-row").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    assert_eq!(attr(s, "editor-view", "data-id").await.as_deref(), Some(id));
    tid(s, "check-count").await;

    // A double space in the lead paragraph: found as you type, fixed by its quick fix.
    let lead = cm(s, "block-text-0").await;
    lead.scroll_into_view().await.ok();
    lead.click().await.expect("focus");
    lead.send_keys(Key::Control + Key::Home)
        .await
        .expect("home");
    lead.send_keys("Today  ").await.expect("type");
    let start = std::time::Instant::now();
    let fix = loop {
        let mut found = None;
        for f in all(s, "field-finding").await {
            let check = f
                .attr("data-check")
                .await
                .ok()
                .flatten()
                .unwrap_or_default();
            if check.contains("double") {
                found = f.find(By::Css("[data-testid=finding-fix]")).await.ok();
            }
        }
        if let Some(b) = found {
            break b;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no double-space finding with a fix appeared"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    shot(s, "checks-01-finding").await;
    fix.click().await.expect("apply the fix");
    // The editor opens again with the fixed text.
    let start = std::time::Instant::now();
    let fixed = loop {
        // The form is drawn again: read it by script, not through a held element.
        let t = s
            .execute(
                "return document.querySelector('[data-testid=\"block-text-0\"] .cm-content')?.textContent ?? ''",
                vec![],
            )
            .await
            .ok()
            .and_then(|r| r.json().as_str().map(String::from))
            .unwrap_or_default();
        if t.starts_with("Today ") && !t.contains("  ") {
            break t;
        }
        assert!(start.elapsed() < Duration::from_secs(15), "not fixed: {t}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // Spelling: a misspelt sentence is underlined, the release's names are not.
    let sub = tid(s, "field-subheadline").await;
    sub.scroll_into_view().await.ok();
    sub.click().await.expect("focus");
    sub.send_keys("Mary Lawlor OHCHR Geneva ")
        .await
        .expect("type names");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let names_only = red_pixels(s, &sub, "checks-02-names").await;
    sub.send_keys("Thiss sentense is mispeled ")
        .await
        .expect("type");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let misspelt = red_pixels(s, &sub, "checks-03-misspelling").await;
    shot(s, "checks-03-spelling").await;
    (misspelt, names_only, fixed)
}
