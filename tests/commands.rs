//! The commands through Tauri's IPC on the mock runtime (no webview): the real
//! config, capability and permissions, a temporary database, camelCase
//! arguments as the UI sends them, and `{code, message}` errors.

use std::path::Path;
use std::sync::Arc;

use dateline_app::commands::workspace::INTERVAL;
use dateline_app::state::AppState;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Listener, WebviewWindow, WebviewWindowBuilder};

/// The app's own origin: the Vite dev server of tauri.conf.json in a dev build, the
/// embedded assets' custom protocol with the `custom-protocol` feature.
#[cfg(not(feature = "custom-protocol"))]
const LOCAL: &str = "http://127.0.0.1:1420";
#[cfg(all(feature = "custom-protocol", not(windows)))]
const LOCAL: &str = "tauri://localhost";
#[cfg(all(feature = "custom-protocol", windows))]
const LOCAL: &str = "http://tauri.localhost";

struct Harness {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn harness(state: AppState) -> Harness {
    let app = dateline_app::with_commands(mock_builder())
        .manage(state)
        .build(tauri::generate_context!())
        .expect("mock app");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("main window");
    Harness { _app: app, window }
}

fn store_state(db: &Path) -> AppState {
    let store = dateline_store::SqliteStore::open(db).expect("store");
    AppState::with_store(Arc::new(store))
}

impl Harness {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.call_from(LOCAL, cmd, args)
    }

    fn call_from(&self, origin: &str, cmd: &str, args: Value) -> Result<Value, Value> {
        tauri::test::get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: origin.parse().expect("url"),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().expect("json response"))
    }

    fn ok<T: DeserializeOwned>(&self, cmd: &str, args: Value) -> T {
        match self.call(cmd, args) {
            Ok(v) => serde_json::from_value(v).expect("response shape"),
            Err(e) => panic!("{cmd} failed: {e}"),
        }
    }

    /// The `code` of the error `cmd` returns (panics if it succeeds).
    fn err_code(&self, cmd: &str, args: Value) -> String {
        match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} unexpectedly succeeded: {v}"),
            Err(e) => e["code"]
                .as_str()
                .unwrap_or_else(|| panic!("no code in {e}"))
                .to_string(),
        }
    }
}

/// The first window of the library (or the trash), as the library asks for it.
fn listed(h: &Harness, deleted: bool) -> Vec<Value> {
    let page: Value = h.ok(
        "list_releases",
        json!({ "query": null, "deleted": deleted, "offset": 0, "limit": 60 }),
    );
    assert_eq!(
        page["total"].as_u64(),
        Some(page["rows"].as_array().map_or(0, Vec::len) as u64),
        "{page}"
    );
    serde_json::from_value(page["rows"].clone()).expect("rows")
}

#[test]
fn a_release_goes_from_template_to_revisions_and_back() {
    let dir = tempfile::tempdir().expect("tmp");
    let h = harness(store_state(&dir.path().join("t.db")));

    let id: String = h.ok("create_release", json!({ "style": "unOhchr" }));
    let opened: Value = h.ok("open_release", json!({ "id": id }));
    assert_eq!(opened["fromWorkingCopy"], false);
    assert_eq!(opened["latestRevision"], 1);
    let mut release = opened["release"].clone();
    assert_eq!(release["meta"]["id"], id.as_str());

    // Autosave, then reopen: the working copy wins.
    release["headline"] = json!("Experts alarmed by dam evictions");
    h.ok::<Value>("save_working_copy", json!({ "id": id, "release": release }));
    let opened: Value = h.ok("open_release", json!({ "id": id }));
    assert_eq!(opened["fromWorkingCopy"], true);
    assert!(opened["workingCopySavedAt"].is_string());
    assert_eq!(
        opened["release"]["headline"],
        "Experts alarmed by dam evictions"
    );

    // Discarding the working copy opens the latest revision again.
    let reopened: Value = h.ok("discard_working_copy", json!({ "id": id }));
    assert_eq!(reopened["fromWorkingCopy"], false);
    assert_ne!(
        reopened["release"]["headline"],
        "Experts alarmed by dam evictions"
    );
    h.ok::<Value>("save_working_copy", json!({ "id": id, "release": release }));

    // Compare the working copy with revision 1 before saving it.
    let cmp: Value = h.ok(
        "compare_revisions",
        json!({ "id": id, "from": { "type": "revision", "number": 1 }, "to": { "type": "workingCopy" } }),
    );
    assert!(cmp["changeCount"].as_u64().unwrap_or(0) >= 1, "{cmp}");
    assert!(
        cmp["summary"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .contains("headline"),
        "{cmp}"
    );

    let rev: u32 = h.ok(
        "save_revision",
        json!({ "id": id, "release": release, "message": "Headline", "name": "sent to legal" }),
    );
    assert_eq!(rev, 2);
    let log: Vec<Value> = h.ok("history", json!({ "id": id }));
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["number"], 2);
    assert_eq!(log[0]["name"], "sent to legal");

    let restored: u32 = h.ok("restore_revision", json!({ "id": id, "rev": 1 }));
    assert_eq!(restored, 3);
    let r3: Value = h.ok("load_revision", json!({ "id": id, "rev": 3 }));
    assert_eq!(r3["headline"], "Headline");

    // Library: search, duplicate, trash and back.
    let copy: String = h.ok("duplicate_release", json!({ "id": id }));
    assert_ne!(copy, id);
    let found = listed(&h, false);
    assert_eq!(found.len(), 2);
    h.ok::<Value>("delete_release", json!({ "id": copy }));
    let trash = listed(&h, true);
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0]["id"], copy.as_str());
    h.ok::<Value>("undelete_release", json!({ "id": copy }));
    let all = listed(&h, false);
    assert_eq!(all.len(), 2);
}

#[test]
fn inputs_are_checked_and_errors_have_codes() {
    let dir = tempfile::tempdir().expect("tmp");
    let h = harness(store_state(&dir.path().join("t.db")));
    assert_eq!(
        h.err_code("open_release", json!({ "id": "../../etc/passwd" })),
        "invalid_input"
    );
    let e = h
        .call("open_release", json!({ "id": "x;drop" }))
        .expect_err("refused");
    assert!(
        e["message"]
            .as_str()
            .unwrap_or("")
            .contains("the id is not valid"),
        "{e}"
    );
    assert_eq!(
        h.err_code("export_release", json!({ "release": {}, "format": "docx" })),
        "invalid_input"
    );
    assert_eq!(
        h.err_code("history", json!({ "id": "0000abcd" })),
        "not_found"
    );

    let id: String = h.ok("create_release", json!({ "style": "wire" }));
    let mut release: Value = h.ok::<Value>("open_release", json!({ "id": id }))["release"].clone();

    // A 10 MB paste is refused before it reaches the database.
    let mut huge = release.clone();
    huge["headline"] = json!("x".repeat(10 * 1024 * 1024));
    assert_eq!(
        h.err_code("save_working_copy", json!({ "id": id, "release": huge })),
        "too_large"
    );

    // An invalid release cannot become a revision; the problems travel typed, with their paths.
    release["headline"] = json!("");
    let e = h
        .call("save_revision", json!({ "id": id, "release": release }))
        .expect_err("invalid");
    assert_eq!(e["code"], "invalid_release");
    assert!(
        e["message"].as_str().unwrap_or("").contains("headline"),
        "{e}"
    );
    assert!(
        e["problems"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["path"] == "headline")),
        "{e}"
    );
    let problems: Vec<Value> = h.ok("validate_release", json!({ "release": release }));
    assert!(
        problems.iter().any(|p| p["path"] == "headline"),
        "{problems:?}"
    );

    // Exports are of valid releases only.
    assert_eq!(
        h.err_code(
            "export_release",
            json!({ "release": release, "format": "html" })
        ),
        "invalid_release"
    );
    assert_eq!(
        h.err_code(
            "compare_revisions",
            json!({ "id": id, "from": { "type": "revision", "number": 1 }, "to": { "type": "workingCopy" } })
        ),
        "no_working_copy"
    );
}

#[test]
fn exports_write_where_told_and_preview_is_the_html_export() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut state = store_state(&dir.path().join("t.db"));
    state.export_dir = Some(dir.path().to_path_buf());
    let h = harness(state);
    let id: String = h.ok("create_release", json!({ "style": "corporate" }));
    let release: Value = h.ok::<Value>("open_release", json!({ "id": id }))["release"].clone();

    let path: Option<String> = h.ok(
        "export_release",
        json!({ "release": release, "format": "markdown" }),
    );
    let path = path.expect("a path");
    assert_eq!(
        path,
        dir.path().join(format!("{id}.md")).display().to_string()
    );
    let md = std::fs::read_to_string(&path).expect("written");
    assert!(md.contains("Headline"), "{md}");

    let preview: String = h.ok("render_preview", json!({ "release": release }));
    h.ok::<Option<String>>(
        "export_release",
        json!({ "release": release, "format": "html" }),
    );
    let html = std::fs::read_to_string(dir.path().join(format!("{id}.html"))).expect("html");
    assert_eq!(preview, html, "the preview is exactly the html export");

    let dl: String = h.ok(
        "render_dateline",
        json!({ "dateline": release["dateline"], "language": "en" }),
    );
    assert!(dl.starts_with("LONDON"), "{dl}");
}

#[test]
fn a_damaged_database_is_reported_not_fatal() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("broken.db");
    std::fs::write(
        &db,
        b"this is not a database, just some text that is long enough",
    )
    .expect("write");
    let h = harness(AppState::open(&db));
    let e: Option<Value> = h.ok("startup_error", json!({}));
    let e = e.expect("an error");
    assert_eq!(e["code"], "not_a_database", "{e}");
    assert_eq!(
        h.err_code(
            "list_releases",
            json!({ "deleted": false, "offset": 0, "limit": 60 })
        ),
        "not_a_database"
    );
    // Commands that need no database still work.
    let html: String = h.ok(
        "render_preview",
        json!({ "release": serde_json::from_str::<Value>(include_str!("../examples/un-expert-khakimova.json")).expect("seed") }),
    );
    assert!(html.contains("<html"), "{html}");
}

#[test]
fn only_the_app_origin_may_invoke_and_only_declared_commands() {
    let dir = tempfile::tempdir().expect("tmp");
    let h = harness(store_state(&dir.path().join("t.db")));
    // A page from elsewhere (a link followed inside the window) gets nothing.
    let e = h
        .call_from(
            "https://example.org",
            "list_releases",
            json!({ "deleted": false, "offset": 0, "limit": 60 }),
        )
        .expect_err("a remote origin is refused");
    assert!(e.as_str().unwrap_or("").contains("not allowed"), "{e}");
    // Plugins the window was not granted are refused too.
    let e = h
        .call("plugin:dialog|open", json!({ "options": {} }))
        .expect_err("no file dialogs from the webview");
    assert!(
        e.as_str().unwrap_or("").contains("not allowed")
            || e.as_str().unwrap_or("").contains("not found"),
        "{e}"
    );
}

#[test]
fn pasted_text_is_imported_as_a_new_release() {
    let dir = tempfile::tempdir().expect("tmp");
    let h = harness(store_state(&dir.path().join("t.db")));
    let text = "FOR IMMEDIATE RELEASE\n\nHarbor ferries add night crossings\n\n\
                PORTLAND, Maine, May 14, 2025 -- The harbor ferry service will run crossings after midnight.\n\n\
                \"Night workers asked for this,\" said Dana Ruiz, director of the service.\n\n###\n";
    // The review screen first: nothing is stored, the parts say what each became.
    let before = listed(&h, false);
    let p: Value = h.ok(
        "preview_import",
        json!({ "text": text, "from": "text", "overrides": [] }),
    );
    assert_eq!(
        p["release"]["headline"],
        "Harbor ferries add night crossings"
    );
    let parts = p["report"]["parts"].as_array().expect("parts");
    let quote = parts
        .iter()
        .find(|x| x["role"] == "quote")
        .expect("a quote part");
    let after = listed(&h, false);
    assert_eq!(before, after, "a preview stores nothing");
    // The writer says the quote is a plain paragraph: the import follows.
    let overrides = json!([{ "type": "paragraph", "part": quote["index"] }]);
    let p: Value = h.ok(
        "preview_import",
        json!({ "text": text, "from": "text", "overrides": overrides }),
    );
    assert!(
        !p["release"]["body"]
            .as_array()
            .expect("body")
            .iter()
            .any(|b| b["type"] == "quote"),
        "{p}"
    );
    let r: Value = h.ok(
        "import_release",
        json!({ "text": text, "from": "text", "overrides": overrides }),
    );
    let id = r["id"].as_str().expect("id").to_string();
    assert!(r["report"].is_object(), "{r}");
    let opened: Value = h.ok("open_release", json!({ "id": id }));
    assert_eq!(
        opened["release"]["headline"],
        "Harbor ferries add night crossings"
    );
    assert_eq!(
        h.err_code(
            "import_release",
            json!({ "text": "x", "from": "docx", "overrides": [] })
        ),
        "invalid_input"
    );
    assert_eq!(
        h.err_code(
            "import_release",
            json!({ "text": "   ", "from": null, "overrides": [] })
        ),
        "empty"
    );
}

#[test]
fn file_import_reads_the_chosen_file_in_rust() {
    let dir = tempfile::tempdir().expect("tmp");
    let md = dir.path().join("Night crossings.md");
    std::fs::write(
        &md,
        "# Harbor ferries add night crossings\n\nThe service *will* run.\n",
    )
    .expect("write");
    let mut state = store_state(&dir.path().join("t.db"));
    state.import_file = Some(md.clone());
    let h = harness(state);
    let f: Value = h.ok("open_import_file", json!({}));
    assert_eq!(f["name"], "Night crossings.md");
    assert_eq!(f["format"], "markdown");
    assert!(f["text"]
        .as_str()
        .expect("text")
        .starts_with("# Harbor ferries"));

    // UTF-16 with a byte-order mark is decoded; the extension decides nothing it cannot know.
    let utf16 = dir.path().join("note.doc");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Ferries at night".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).expect("write");
    let f = dateline_app::commands::import::read_import_file(&utf16).expect("decoded");
    assert_eq!((f.text.as_str(), f.format), ("Ferries at night", None));

    // Too large, binary, empty and missing files are refused with their own codes.
    let code = |p: &Path| {
        dateline_app::commands::import::read_import_file(p)
            .expect_err("refused")
            .code
            .as_str()
            .to_string()
    };
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(600_000)).expect("write");
    assert_eq!(code(&big), "too_large");
    let binary = dir.path().join("image.html");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0xFF, 0xD8, 0, 1]).expect("write");
    assert_ne!(code(&binary), "too_large");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").expect("write");
    assert_eq!(code(&empty), "empty");
    assert_eq!(code(&dir.path().join("gone.txt")), "io");
}

#[test]
fn offline_the_app_keeps_working_and_says_what_waits_to_be_sent() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("w.db");
    let h = harness(AppState::open(&db));
    let s: Value = h.ok("workspace_status", json!({}));
    assert_eq!(s["state"], "signedOut", "{s}");

    // A server that is not there: signing in says so, and nothing is kept.
    let nowhere = "http://127.0.0.1:9";
    assert_eq!(
        h.err_code(
            "sign_in",
            json!({ "url": nowhere, "user": "ana", "password": "pw" })
        ),
        "offline"
    );
    assert_eq!(
        h.ok::<Value>("workspace_status", json!({}))["state"],
        "signedOut"
    );

    // Signed in earlier (the session is in the local database), the server now gone:
    // saving works, and the status bar says what waits.
    let store = dateline_store::SqliteStore::open(&db).expect("store");
    store.set_sync_setting("url", Some(nowhere)).expect("url");
    store.set_sync_setting("token", Some("t")).expect("token");
    store.set_sync_setting("user", Some("ana")).expect("user");
    let _id: String = h.ok("create_release", json!({ "style": "wire" }));
    let s: Value = h.ok("sync_now", json!({}));
    assert_eq!(s["state"], "offline", "{s}");
    assert_eq!(s["toSend"], 1, "{s}");
    assert_eq!(s["user"], "ana");
    assert!(
        s["message"].as_str().is_some_and(|m| m.contains("reach")),
        "{s}"
    );

    let s: Value = h.ok("sign_out", json!({}));
    assert_eq!(s["state"], "signedOut", "{s}");
}

#[test]
fn presence_is_a_courtesy_that_never_gets_in_the_way() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("w.db");
    let h = harness(AppState::open(&db));
    let id: String = h.ok("create_release", json!({ "style": "wire" }));

    // Signed out: nobody else is anywhere, and saying so is no error.
    let none: Vec<Value> = h.ok(
        "presence_heartbeat",
        json!({ "release": id, "editing": true }),
    );
    assert!(none.is_empty());
    let none: Vec<Value> = h.ok("workspace_presence", json!({}));
    assert!(none.is_empty());
    let _: Value = h.ok("presence_leave", json!({ "release": id }));

    // A release id that is not one is refused before anything is sent.
    for bad in ["'; DROP TABLE presence; --", "../../etc/passwd", ""] {
        assert_eq!(
            h.err_code(
                "presence_heartbeat",
                json!({ "release": bad, "editing": false })
            ),
            "invalid_input",
            "{bad:?}"
        );
        assert_eq!(
            h.err_code("release_presence", json!({ "release": bad })),
            "invalid_input"
        );
    }

    // Signed in, the server unreachable: still nobody, still no error.
    let store = dateline_store::SqliteStore::open(&db).expect("store");
    store
        .set_sync_setting("url", Some("http://127.0.0.1:9"))
        .expect("url");
    store.set_sync_setting("token", Some("t")).expect("token");
    let none: Vec<Value> = h.ok(
        "presence_heartbeat",
        json!({ "release": id, "editing": false }),
    );
    assert!(none.is_empty());
    let none: Vec<Value> = h.ok("release_presence", json!({ "release": id }));
    assert!(none.is_empty());
}

/// The PostgreSQL cluster and `dateline-server` processes of the server's own tests.
#[path = "../crates/server/tests/common/mod.rs"]
mod pg;

#[test]
fn signed_in_the_app_sends_its_saves_and_takes_a_colleagues_from_a_real_server() {
    const PW: &str = "correct horse battery";
    let Some(db) = pg::db() else { return };
    assert!(
        pg::server_bin().is_file(),
        "dateline-server is not built: run the whole workspace's tests"
    );
    db.add_user("ana", "writer", "office", PW);
    db.add_user("ben", "editor", "office", PW);
    let server = db.server();
    let dir = tempfile::tempdir().expect("tmp");
    let h = harness(AppState::open(&dir.path().join("ana.db")));

    // A wrong password is refused and keeps nobody signed in.
    let bad = json!({ "url": server.url, "user": "ana", "password": "nope" });
    assert_ne!(h.err_code("sign_in", bad), "");
    let s: Value = h.ok("workspace_status", json!({}));
    assert_eq!(s["state"], "signedOut", "{s}");

    let s: Value = h.ok(
        "sign_in",
        json!({ "url": server.url, "user": "ana", "password": PW }),
    );
    assert_eq!(s["state"], "synced", "{s}");
    assert_eq!(s["user"], "ana", "{s}");
    let id: String = h.ok("create_release", json!({ "style": "wire" }));
    let s: Value = h.ok("sync_now", json!({}));
    assert_eq!(
        (&s["state"], &s["toSend"]),
        (&json!("synced"), &json!(0)),
        "{s}"
    );

    // A colleague on another laptop (the same library as the CLI) gets it, edits it, sends it.
    let ben = dateline_store::SqliteStore::open(&dir.path().join("ben.db")).expect("store");
    let mut client = dateline_sync::Client::new(&server.url).expect("client");
    client.login("ben", PW).expect("login");
    dateline_sync::sync(&ben, &client).expect("ben pulls");
    use dateline_store::Store;
    let mut r = ben.load(&id, None).expect("ana's release reached ben");
    r.headline = "Edited on the editor's laptop".into();
    let meta = dateline_store::SaveMeta {
        author: "ben".into(),
        message: None,
        name: None,
    };
    ben.save(&id, &r, &meta).expect("ben saves");
    dateline_sync::sync(&ben, &client).expect("ben pushes");

    // The app takes it on its next round.
    let s: Value = h.ok("sync_now", json!({}));
    assert_eq!(s["state"], "synced", "{s}");
    let rows = listed(&h, false);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["headline"], "Edited on the editor's laptop");

    // Live: with the app's background sync running (as in the launched app), the
    // colleague's next edit arrives unasked, well before the periodic round
    // (`INTERVAL`): the server's event stream wakes the app, which pulls and tells
    // the UI which release changed.
    let (tx, events) = std::sync::mpsc::channel::<(String, Value)>();
    for name in ["sync://status", "sync://changed"] {
        let tx = tx.clone();
        h._app.listen(name, move |e| {
            let payload = serde_json::from_str(e.payload()).unwrap_or(Value::Null);
            let _ = tx.send((name.to_string(), payload));
        });
    }
    dateline_app::commands::workspace::start_background(h._app.handle().clone());
    // The listener subscribes, and its first round (anything missed meanwhile) ends.
    let subscribed = events
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the background sync ran a round once subscribed");
    assert_eq!(subscribed.0, "sync://status", "{subscribed:?}");
    r.headline = "Edited again, and seen live".into();
    ben.save(&id, &r, &meta).expect("ben saves again");
    dateline_sync::sync(&ben, &client).expect("ben pushes again");
    let deadline = std::time::Instant::now() + INTERVAL / 2;
    let changed = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok((name, payload)) if name == "sync://changed" => break payload,
            Ok(_) => continue,
            Err(_) => panic!("no live update within half the periodic interval"),
        }
    };
    assert!(
        changed["releases"]
            .as_array()
            .is_some_and(|r| r.contains(&json!(id)))
            || changed["all"] == json!(true),
        "{changed}"
    );
    let rows = listed(&h, false);
    assert_eq!(rows[0]["headline"], "Edited again, and seen live");

    // Signing out leaves the app signed out.
    let s: Value = h.ok("sign_out", json!({}));
    assert_eq!(s["state"], "signedOut", "{s}");
}
