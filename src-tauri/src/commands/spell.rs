//! Spelling in the release's language. On Linux, WebKitGTK spell checking is
//! off until its web context is given languages: this turns it on with the
//! hunspell dictionary of the release's language (the .deb depends on the
//! English, French and Spanish ones) and adds the release's own names —
//! people, organisation, places, contacts — to Enchant's personal word list of
//! that language, so they are never underlined. Elsewhere the platform's
//! spellchecker follows the `lang` of the fields, which the UI sets.

use dateline_core::{Language, Release};
use serde::Serialize;
use tauri::Runtime;
use ts_rs::TS;

use super::Cx;
use crate::blocking;
use crate::error::ApiResult;
use crate::input;

/// What the spellchecker was set to.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SpellSetup {
    /// The dictionaries in use (`en_GB`), empty when the platform chooses.
    pub dictionaries: Vec<String>,
    /// The release's names that are never flagged.
    pub names: Vec<String>,
}

/// Dictionary names for `language`, best first: its own region, then the
/// usual one of the language.
pub fn dictionary_candidates(language: &Language) -> Vec<String> {
    let primary = language.primary().to_ascii_lowercase();
    let mut out = Vec::new();
    if let Some(region) = language
        .split('-')
        .skip(1)
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
    {
        out.push(format!("{primary}_{}", region.to_ascii_uppercase()));
    }
    let usual: &[&str] = match primary.as_str() {
        "en" => &["en_GB", "en_US"],
        "fr" => &["fr_FR", "fr"],
        "es" => &["es_ES", "es"],
        "de" => &["de_DE", "de_CH"],
        _ => &[],
    };
    for u in usual {
        if !out.iter().any(|o| o == u) {
            out.push((*u).to_string());
        }
    }
    if out.is_empty() {
        out.push(primary);
    }
    out
}

pub async fn set_spelling<R: Runtime>(cx: &Cx<R>, release: Release) -> ApiResult<SpellSetup> {
    input::release(&release)?;
    let (dictionaries, names) = blocking::run(move || {
        let names = dateline_checks::fields::names(&release);
        let dictionaries = platform::choose(&dictionary_candidates(&release.meta.language));
        platform::remember(&dictionaries, &names);
        Ok((dictionaries, names))
    })
    .await?;
    platform::apply(&cx.app, &dictionaries);
    Ok(SpellSetup {
        dictionaries,
        names,
    })
}

#[cfg(target_os = "linux")]
mod platform {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use tauri::{AppHandle, Manager, Runtime};

    const DIRS: [&str; 2] = ["/usr/share/hunspell", "/usr/share/myspell"];

    /// The installed dictionaries among `candidates` (the first candidate when none is installed).
    pub fn choose(candidates: &[String]) -> Vec<String> {
        let installed: Vec<String> = candidates
            .iter()
            .filter(|c| {
                DIRS.iter()
                    .any(|d| PathBuf::from(d).join(format!("{c}.dic")).is_file())
            })
            .take(1)
            .cloned()
            .collect();
        if installed.is_empty() {
            candidates.iter().take(1).cloned().collect()
        } else {
            installed
        }
    }

    /// Enchant's personal word list of each dictionary (`~/.config/enchant/en_GB.dic`).
    fn word_list(dict: &str) -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
        Some(base.join("enchant").join(format!("{dict}.dic")))
    }

    /// Adds `names` missing from the personal word lists of `dicts`. A list
    /// that cannot be written only means names may be underlined: logged.
    pub fn remember(dicts: &[String], names: &[String]) {
        for d in dicts {
            let Some(path) = word_list(d) else { continue };
            let old = std::fs::read_to_string(&path).unwrap_or_default();
            let known: BTreeSet<&str> = old.lines().map(str::trim).collect();
            let new: Vec<&str> = names
                .iter()
                .map(String::as_str)
                .filter(|n| !known.contains(n))
                .collect();
            if new.is_empty() {
                continue;
            }
            let mut text = old.clone();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            for n in new {
                text.push_str(n);
                text.push('\n');
            }
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, text));
            if let Err(e) = written {
                tracing::warn!(
                    "the release's names were not added to {}: {e}",
                    path.display()
                );
            }
        }
    }

    /// Turns spell checking on in the main window's web context with `dicts`.
    pub fn apply<R: Runtime>(app: &AppHandle<R>, dicts: &[String]) {
        let Some(window) = app.get_webview_window("main") else {
            return;
        };
        let dicts = dicts.to_vec();
        let done = window.with_webview(move |wv| {
            use webkit2gtk::{WebContextExt, WebViewExt};
            if let Some(ctx) = wv.inner().context() {
                let langs: Vec<&str> = dicts.iter().map(String::as_str).collect();
                // Setting the languages again also reloads the personal word list.
                ctx.set_spell_checking_languages(&[]);
                ctx.set_spell_checking_languages(&langs);
                ctx.set_spell_checking_enabled(true);
            }
        });
        if let Err(e) = done {
            tracing::warn!("spell checking was not set up: {e}");
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod platform {
    use tauri::{AppHandle, Runtime};

    /// The platform's spellchecker picks its dictionaries from the fields' `lang`.
    pub fn choose(_candidates: &[String]) -> Vec<String> {
        Vec::new()
    }

    pub fn remember(_dicts: &[String], _names: &[String]) {}

    pub fn apply<R: Runtime>(_app: &AppHandle<R>, _dicts: &[String]) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_follow_the_language_and_its_region() {
        let c = |l: &str| dictionary_candidates(&Language::new(l));
        assert_eq!(c("en"), ["en_GB", "en_US"]);
        assert_eq!(c("en-US"), ["en_US", "en_GB"]);
        assert_eq!(c("fr-CH"), ["fr_CH", "fr_FR", "fr"]);
        assert_eq!(c("es"), ["es_ES", "es"]);
        assert_eq!(c("sw"), ["sw"]);
    }
}
