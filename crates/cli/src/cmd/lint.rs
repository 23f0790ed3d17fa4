//! `lint`: the editor's checks on a release file or a stored release, for
//! people (text) and for CI (JSON). Exits 1 when a finding is an error.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use dateline_checks::{Finding, Linter, Profile, Report, Severity, ValeStyles};
use dateline_core::Release;
use dateline_store::Store;
use serde_json::json;

use crate::Ctx;

#[derive(Args)]
pub struct LintArgs {
    /// A release JSON file, or the id (or unique id prefix) of a stored release.
    target: String,
    /// House profile: unOhchr, wire, corporate, or a profile file (TOML).
    /// Default: the profile of the release's house style.
    #[arg(long, value_name = "P")]
    profile: Option<String>,
    /// A Vale style folder (or a folder of styles) whose rules also run.
    #[arg(long, value_name = "DIR")]
    vale: Option<PathBuf>,
    /// Output: text or json.
    #[arg(long, short, default_value = "text")]
    format: String,
}

/// The release to lint: a file when the path exists, a stored release otherwise.
/// A file is read without validation: structural problems become findings.
fn load(ctx: &Ctx, target: &str) -> anyhow::Result<Release> {
    let path = Path::new(target);
    if path.is_file() {
        let json = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        return serde_json::from_str(&json)
            .with_context(|| format!("{}: not a release", path.display()));
    }
    let store = ctx
        .store()
        .with_context(|| format!("“{target}” is not a file, and the release store"))?;
    let id = store.resolve(target)?;
    Ok(store.load(&id, None)?)
}

fn profile(arg: Option<&str>, release: &Release) -> anyhow::Result<Profile> {
    let Some(p) = arg else {
        return Ok(Profile::for_style(release.style));
    };
    if let Some(profile) = Profile::builtin(p) {
        return Ok(profile);
    }
    let path = Path::new(p);
    if path.is_file() {
        return Ok(Profile::from_file(path)?);
    }
    let ids: Vec<String> = Profile::builtins().into_iter().map(|i| i.id).collect();
    anyhow::bail!(
        "--profile {p}: not a profile file nor one of {}",
        ids.join(", ")
    )
}

pub fn run(ctx: &Ctx, a: &LintArgs) -> anyhow::Result<()> {
    let json_out = match a.format.as_str() {
        "text" => false,
        "json" => true,
        other => anyhow::bail!("--format {other}: use text or json"),
    };
    let release = load(ctx, &a.target)?;
    let profile = profile(a.profile.as_deref(), &release)?;
    let profile_id = profile.id.clone();
    let mut linter = Linter::new(profile);
    if let Some(dir) = &a.vale {
        linter = linter.with_vale(ValeStyles::load(dir)?);
    }
    let report = linter.run(&release);
    if json_out {
        let out = json!({
            "target": a.target,
            "profile": profile_id,
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "suggestions": report.count(Severity::Suggestion),
            "findings": report.findings,
            "skipped": report.skipped,
        });
        outln!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_text(&release, &report, &profile_id)?;
    }
    let errors = report.count(Severity::Error);
    if errors > 0 {
        anyhow::bail!("{errors} error{} in {}", plural(errors), a.target);
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn print_text(release: &Release, report: &Report, profile: &str) -> anyhow::Result<()> {
    let value = serde_json::to_value(release)?;
    for f in &report.findings {
        outln!("{}", line(&value, f));
        if let Some(fix) = &f.fix {
            outln!("    fix: {}", fix.label);
        }
    }
    for s in &report.skipped {
        outln!("skipped Vale rule {}: {}", s.rule, s.reason);
    }
    let (e, w, s) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Suggestion),
    );
    outln!(
        "{e} error{}, {w} warning{}, {s} suggestion{} (profile {profile})",
        plural(e),
        plural(w),
        plural(s)
    );
    Ok(())
}

/// `path: severity: message [check]`, with the flagged words when there is a range.
fn line(release: &serde_json::Value, f: &Finding) -> String {
    let mut out = format!(
        "{}: {}: {} [{}]",
        f.path,
        f.severity.label(),
        f.message,
        f.check
    );
    if let (Some(range), Some(text)) = (f.range, field_text(release, &f.path)) {
        if let Some(bytes) = range.bytes(text) {
            let flagged: String = text[bytes].chars().take(60).collect();
            if !flagged.trim().is_empty() {
                out.push_str(&format!(" — “{}”", flagged.trim()));
            }
        }
    }
    out
}

/// The string at `path` (`body[3].paragraphs[0].segments[1].text`) of a release's JSON.
fn field_text<'v>(v: &'v serde_json::Value, path: &str) -> Option<&'v str> {
    let mut cur = v;
    for part in path.split('.') {
        let (key, idx) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            cur = cur.get(key)?;
        }
        for i in idx.split('[').filter(|s| !s.is_empty()) {
            cur = cur.get(i.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    cur.as_str()
}
