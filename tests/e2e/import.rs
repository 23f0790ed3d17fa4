//! Pasting a release in the real app: the review screen shows each part with
//! what it became and how sure the importer is; a correction changes the
//! import; nothing is stored before "Import".

use std::time::Duration;

use dateline_store::{SqliteStore, Store};

use crate::harness::Env;
use crate::ui::*;

const PASTED: &str = "Home | News | Contact\n\nFOR IMMEDIATE RELEASE\n\n\
Harbor ferries add night crossings\n\n\
PORTLAND, Maine, May 14, 2025 -- The harbor ferry service will run crossings after midnight from June.\n\n\
\"Night workers asked for this,\" said Dana Ruiz, director of the service.\n\n\
The crossings start on 2 June.\n\n###\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paste_review_correct_import() {
    let env = Env::new(6);
    let app = env.launch().await;
    let s = app.s();
    wait_attr(s, "app", "data-view", |v| v == "library").await;
    click(s, "library-paste").await;
    set(s, "paste-dialog-text", PASTED).await;
    click(s, "paste-dialog-submit").await;
    tid(s, "import-review").await;
    let mut roles = Vec::new();
    for p in all(s, "import-part").await {
        roles.push(p.attr("data-role").await.ok().flatten().unwrap_or_default());
    }
    assert!(roles.iter().any(|r| r == "headline"), "{roles:?}");
    assert!(roles.iter().any(|r| r == "quote"), "{roles:?}");
    let stored_before = SqliteStore::open(&env.db())
        .expect("store")
        .list(&Default::default())
        .expect("list")
        .len();
    // The last paragraph is left out.
    let last = roles
        .iter()
        .rposition(|r| r == "paragraph")
        .expect("a paragraph");
    set(s, &format!("import-part-choice-{last}"), "drop").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    shot(s, "import-01-review").await;
    click(s, "import-accept").await;
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    let headline = value(s, "field-headline").await;
    app.quit().await;

    assert_eq!(stored_before, 0, "nothing is stored before Import");
    assert_eq!(headline, "Harbor ferries add night crossings");
    let store = SqliteStore::open(&env.db()).expect("store");
    let list = store.list(&Default::default()).expect("list");
    assert_eq!(list.len(), 1);
    let release = store.load(&list[0].id, None).expect("load");
    let json = serde_json::to_string(&release).expect("json");
    assert!(
        !json.contains("The crossings start on 2 June"),
        "the part left out is not imported"
    );
    assert!(json.contains("Night workers asked for this"));
}
