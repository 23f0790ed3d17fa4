//! Small helpers over the UI's `data-testid` contract (`ui/TESTIDS.md`).

use std::time::{Duration, Instant};

use serde_json::json;
use thirtyfour::prelude::*;

/// CSS selector of a test id.
pub fn sel(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// The element with test id `id`, waiting up to 10 s for it.
pub async fn tid(s: &WebDriver, id: &str) -> WebElement {
    match s
        .query(By::Css(sel(id)))
        .wait(Duration::from_secs(10), Duration::from_millis(50))
        .first()
        .await
    {
        Ok(e) => e,
        Err(e) => panic!("no element with data-testid={id}: {e}"),
    }
}

/// Every element with test id `id` (no waiting).
pub async fn all(s: &WebDriver, id: &str) -> Vec<WebElement> {
    s.find_all(By::Css(sel(id))).await.unwrap_or_default()
}

/// Waits (up to 2 s) until `e` stays put for 80 ms: an answer arriving (a
/// problem note, a finding) can move the layout between the driver reading the
/// element's position and its pointer landing there.
async fn settle(s: &WebDriver, e: &WebElement) {
    let rect = || async {
        s.execute(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];",
            vec![e.to_json().expect("element json")],
        )
        .await
        .ok()
        .and_then(|r| r.json().as_array().cloned())
    };
    let start = Instant::now();
    let mut last = rect().await;
    while start.elapsed() < Duration::from_secs(2) {
        tokio::time::sleep(Duration::from_millis(80)).await;
        let now = rect().await;
        if now == last {
            return;
        }
        last = now;
    }
}

/// Clicks the element with test id `id`.
/// A view that redraws between finding and clicking (an answer arriving) is
/// found again, a few times.
pub async fn click(s: &WebDriver, id: &str) {
    let mut tries = 0;
    loop {
        let e = tid(s, id).await;
        let _ = e.scroll_into_view().await;
        settle(s, &e).await;
        match e.click().await {
            Ok(()) => return,
            Err(err) if tries < 5 && err.to_string().contains("stale") => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(err) => panic!("click {id}: {err}"),
        }
    }
}

/// Clicks `id`, a button that adds something, and waits for the element `added`
/// it makes. A click that landed nowhere (the layout moved under the pointer)
/// made nothing, so it is clicked once more.
pub async fn click_adding(s: &WebDriver, id: &str, added: &str) {
    click(s, id).await;
    let made = s
        .query(By::Css(sel(added)))
        .wait(Duration::from_secs(3), Duration::from_millis(50))
        .exists()
        .await
        .unwrap_or(false);
    if !made {
        click(s, id).await;
    }
    tid(s, added).await;
}

/// Sets an `<input>`, `<textarea>` or `<select>` value as a user would
/// (native setter, then `input` and `change` events).
pub async fn set(s: &WebDriver, id: &str, value: &str) {
    let e = tid(s, id).await;
    s.execute(
        r#"const el = arguments[0], v = arguments[1];
           const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype
             : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype
             : HTMLInputElement.prototype;
           Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
           el.dispatchEvent(new Event('input', { bubbles: true }));
           el.dispatchEvent(new Event('change', { bubbles: true }));"#,
        vec![e.to_json().expect("element json"), json!(value)],
    )
    .await
    .unwrap_or_else(|err| panic!("set {id}: {err}"));
}

/// Types `text` at the end of a plain input (real key events).
pub async fn type_into(s: &WebDriver, id: &str, text: &str) {
    let e = tid(s, id).await;
    let _ = e.scroll_into_view().await;
    e.click()
        .await
        .unwrap_or_else(|err| panic!("focus {id}: {err}"));
    e.send_keys(text)
        .await
        .unwrap_or_else(|err| panic!("type into {id}: {err}"));
}

/// Replaces the text of a plain input by typing (clear, then keys).
pub async fn retype(s: &WebDriver, id: &str, text: &str) {
    let e = tid(s, id).await;
    let _ = e.scroll_into_view().await;
    e.clear()
        .await
        .unwrap_or_else(|err| panic!("clear {id}: {err}"));
    e.send_keys(text)
        .await
        .unwrap_or_else(|err| panic!("type into {id}: {err}"));
}

/// The CodeMirror content element inside the wrapper with test id `id`.
pub async fn cm(s: &WebDriver, id: &str) -> WebElement {
    let wrapper = tid(s, id).await;
    wrapper
        .find(By::Css(".cm-content"))
        .await
        .unwrap_or_else(|err| panic!("no CodeMirror in {id}: {err}"))
}

/// Replaces the text of a CodeMirror editor by typing.
pub async fn cm_retype(s: &WebDriver, id: &str, text: &str) {
    let e = cm(s, id).await;
    let _ = e.scroll_into_view().await;
    e.click()
        .await
        .unwrap_or_else(|err| panic!("focus {id}: {err}"));
    e.send_keys(Key::Control + "a").await.expect("select all");
    e.send_keys(Key::Backspace).await.expect("delete");
    e.send_keys(text)
        .await
        .unwrap_or_else(|err| panic!("type into {id}: {err}"));
}

/// The value of an input, or the text of anything else.
pub async fn value(s: &WebDriver, id: &str) -> String {
    let e = tid(s, id).await;
    match e.prop("value").await {
        Ok(Some(v)) => v,
        _ => e.text().await.unwrap_or_default(),
    }
}

/// The visible text of the element with test id `id`.
pub async fn text(s: &WebDriver, id: &str) -> String {
    tid(s, id).await.text().await.unwrap_or_default()
}

/// An attribute of the element with test id `id`.
pub async fn attr(s: &WebDriver, id: &str, name: &str) -> Option<String> {
    tid(s, id).await.attr(name).await.ok().flatten()
}

/// Waits until `attr(id, name)` satisfies `ok`; returns the last value.
pub async fn wait_attr(s: &WebDriver, id: &str, name: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let v = attr(s, id, name).await.unwrap_or_default();
        if ok(&v) {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {id}[{name}] (last: {v:?})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the text of `id` satisfies `ok`; returns it.
pub async fn wait_text(s: &WebDriver, id: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let v = text(s, id).await;
        if ok(&v) {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for the text of {id} (last: {v:?})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Saves a screenshot of the window's page as `tests/e2e-output/<name>.png`.
pub async fn shot(s: &WebDriver, name: &str) {
    let path = super::harness::output_dir().join(format!("{name}.png"));
    if let Err(e) = s.screenshot(&path).await {
        eprintln!("screenshot {name} failed: {e}");
    }
}

/// The HTML shown in the preview iframe (its document, written in place by the app).
pub async fn preview_text(s: &WebDriver) -> String {
    s.execute(
        "const f = document.querySelector('[data-testid=preview-frame]'); \
         return f && f.contentDocument ? f.contentDocument.documentElement.outerHTML : '';",
        vec![],
    )
    .await
    .ok()
    .and_then(|v| v.json().as_str().map(str::to_owned))
    .unwrap_or_default()
}
