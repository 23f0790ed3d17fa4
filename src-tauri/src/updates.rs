//! Updates through `tauri-plugin-updater`: **off** unless this build has an update URL and the
//! public key that verifies what it downloads.
//!
//! Both come from `plugins.updater` of `tauri.conf.json` (`endpoints`, `pubkey`; a release build
//! passes them with `tauri build --config …`), or else from the environment when the app is
//! compiled: `DATELINE_UPDATE_URL` and `DATELINE_UPDATE_PUBKEY`. Either way they are fixed in the
//! binary; nothing at run time can point an installed app elsewhere. Without both, the plugin is
//! not registered at all: no request is ever made and the webview has no updater commands.
//!
//! With both, the app checks once, a little after it starts (so the check never competes with
//! start-up), and asks before downloading; the plugin refuses anything whose signature does not
//! match the key. How to make the key pair and sign releases: the README's "Desktop builds".

use std::time::Duration;

use serde_json::{Map, Value};
use tauri::{plugin::TauriPlugin, AppHandle, Builder, Context, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons};
use tauri_plugin_updater::UpdaterExt;

/// The build-time variable that sets the update URL (the plugin's `endpoints`).
pub const URL_ENV: &str = "DATELINE_UPDATE_URL";
/// The build-time variable that sets the minisign public key (the plugin's `pubkey`).
pub const PUBKEY_ENV: &str = "DATELINE_UPDATE_PUBKEY";

/// How long after start the one update check waits.
const CHECK_DELAY: Duration = Duration::from_secs(10);

/// Where updates come from, once both parts are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// The update manifests' URLs (https only), in the order they are tried.
    pub endpoints: Vec<String>,
    /// The minisign public key, as `tauri signer generate` prints it.
    pub pubkey: String,
}

/// The update channel from the plugin's configuration (`plugins.updater`) and the build-time
/// values, each part from the configuration first. `None` (updates off) unless there is at
/// least one usable URL and a key. A URL that is not https is not used: the plugin would reject
/// it in a release build and the app would not start.
pub fn channel(config: Option<&Value>, url: Option<&str>, pubkey: Option<&str>) -> Option<Channel> {
    let from_config: Vec<String> = config
        .and_then(|c| c.get("endpoints"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let candidates = if from_config.is_empty() {
        url.map(|u| vec![u.trim().to_string()]).unwrap_or_default()
    } else {
        from_config
    };
    let endpoints: Vec<String> = candidates.into_iter().filter(|u| usable_url(u)).collect();
    let pubkey = config
        .and_then(|c| c.get("pubkey"))
        .and_then(Value::as_str)
        .or(pubkey)
        .map(str::trim)
        .filter(|k| !k.is_empty())?;
    if endpoints.is_empty() {
        return None;
    }
    Some(Channel {
        endpoints,
        pubkey: pubkey.to_string(),
    })
}

fn usable_url(url: &str) -> bool {
    tauri::Url::parse(url).is_ok_and(|u| u.scheme() == "https" && u.host().is_some())
}

/// Decides whether this build updates itself, from `context`'s configuration and the values
/// compiled in. When it does, `plugins.updater` is completed so the plugin reads exactly
/// [`Channel`] (plus the configuration's other updater options); when it does not, the
/// plugin's configuration is removed.
pub fn configure<R: Runtime>(context: &mut Context<R>) -> Option<Channel> {
    let plugins = &mut context.config_mut().plugins.0;
    let found = channel(
        plugins.get("updater"),
        option_env!("DATELINE_UPDATE_URL"),
        option_env!("DATELINE_UPDATE_PUBKEY"),
    );
    match &found {
        Some(c) => {
            let mut merged = match plugins.remove("updater") {
                Some(Value::Object(m)) => m,
                _ => Map::new(),
            };
            merged.insert("endpoints".into(), c.endpoints.clone().into());
            merged.insert("pubkey".into(), c.pubkey.clone().into());
            plugins.insert("updater".into(), Value::Object(merged));
        }
        None => {
            plugins.remove("updater");
        }
    }
    found
}

/// Registers the updater and the start-up check on `builder` if [`configure`] finds a channel;
/// otherwise returns `builder` unchanged.
pub fn register<R: Runtime>(builder: Builder<R>, context: &mut Context<R>) -> Builder<R> {
    match configure(context) {
        Some(c) => {
            tracing::info!(endpoints = ?c.endpoints, "updates on");
            builder
                .plugin(tauri_plugin_updater::Builder::new().build())
                .plugin(check_after_start())
        }
        None => {
            tracing::info!("updates off: no update URL and key in this build");
            builder
        }
    }
}

/// A plugin whose only job is one update check a little after start.
fn check_after_start<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("dateline-update-check")
        .setup(|app, _api| {
            let app = app.clone();
            std::thread::Builder::new()
                .name("update-check".into())
                .spawn(move || {
                    std::thread::sleep(CHECK_DELAY);
                    tauri::async_runtime::block_on(check_and_offer(app));
                })?;
            Ok(())
        })
        .build()
}

async fn check_and_offer<R: Runtime>(app: AppHandle<R>) {
    let update = match app.updater() {
        Ok(updater) => updater.check().await,
        Err(e) => Err(e),
    };
    let update = match update {
        Ok(Some(u)) => u,
        Ok(None) => {
            tracing::info!("no update");
            return;
        }
        Err(e) => {
            tracing::warn!("update check failed: {e}");
            return;
        }
    };
    let install = app
        .dialog()
        .message(format!(
            "Dateline {} is available (this is {}).\n\nInstall it now? Dateline restarts when it is done.",
            update.version, update.current_version
        ))
        .title("Update available")
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Install and Restart".into(),
            "Later".into(),
        ))
        .blocking_show();
    if !install {
        return;
    }
    match update.download_and_install(|_, _| {}, || {}).await {
        Ok(()) => {
            tracing::info!(version = %update.version, "update installed; restarting");
            app.restart();
        }
        Err(e) => {
            tracing::warn!("update failed: {e}");
            app.dialog()
                .message(format!("The update could not be installed: {e}"))
                .title("Update failed")
                .blocking_show();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use tauri::test::{mock_builder, mock_context, noop_assets};

    const KEY: &str = "dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWduIHB1YmxpYyBrZXkK";

    #[test]
    fn without_a_url_updates_stay_off() {
        assert_eq!(channel(None, None, None), None);
        // A key alone is not a channel, from the configuration or from the build.
        assert_eq!(channel(Some(&json!({ "pubkey": KEY })), None, None), None);
        assert_eq!(channel(None, None, Some(KEY)), None);
        // Nor is a URL alone, or an empty one.
        assert_eq!(
            channel(None, Some("https://updates.example.org/latest.json"), None),
            None
        );
        assert_eq!(channel(None, Some("  "), Some(KEY)), None);
        let empty = json!({ "endpoints": [], "pubkey": KEY });
        assert_eq!(channel(Some(&empty), None, None), None);
    }

    #[test]
    fn a_url_and_a_key_make_a_channel_and_plain_http_does_not() {
        let url = "https://updates.example.org/{{target}}/{{arch}}/{{current_version}}";
        assert_eq!(
            channel(None, Some(url), Some(KEY)),
            Some(Channel {
                endpoints: vec![url.into()],
                pubkey: KEY.into()
            })
        );
        // The configuration comes first; the build-time key fills in what it lacks.
        let config = json!({ "endpoints": ["https://a.example.org/u.json"] });
        assert_eq!(
            channel(Some(&config), Some(url), Some(KEY)).map(|c| c.endpoints),
            Some(vec!["https://a.example.org/u.json".to_string()])
        );
        assert_eq!(
            channel(None, Some("http://updates.example.org/u.json"), Some(KEY)),
            None
        );
        assert_eq!(channel(None, Some("not a url"), Some(KEY)), None);
    }

    #[test]
    fn the_app_without_a_url_has_no_updater() {
        let mut context = mock_context(noop_assets());
        context
            .config_mut()
            .plugins
            .0
            .insert("updater".into(), json!({ "pubkey": KEY }));
        // The build under test has no URL compiled in (CI and `./run test` set none).
        if option_env!("DATELINE_UPDATE_URL").is_some() {
            return;
        }
        let app = register(mock_builder(), &mut context)
            .build(context)
            .expect("app builds");
        assert!(
            !app.handle().remove_plugin("updater"),
            "the updater plugin was registered without a URL"
        );
    }

    #[test]
    fn a_configured_channel_is_what_the_plugin_reads() {
        let mut context = mock_context(noop_assets());
        context.config_mut().plugins.0.insert(
            "updater".into(),
            json!({
                "endpoints": ["https://updates.example.org/latest.json", "http://insecure.example.org/"],
                "pubkey": KEY,
                "windows": { "installMode": "passive" }
            }),
        );
        let found = configure(&mut context).expect("a channel");
        assert_eq!(found.endpoints, ["https://updates.example.org/latest.json"]);
        let written = context.config().plugins.0.get("updater").cloned();
        assert_eq!(
            written,
            Some(json!({
                "endpoints": ["https://updates.example.org/latest.json"],
                "pubkey": KEY,
                "windows": { "installMode": "passive" }
            }))
        );
        // The plugin accepts it (its setup parses the configuration; a bad one fails the build).
        let app = mock_builder()
            .plugin(tauri_plugin_updater::Builder::new().build())
            .build(context)
            .expect("app builds with the updater");
        assert!(app.handle().remove_plugin("updater"));
    }
}
