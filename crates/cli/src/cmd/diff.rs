//! `diff`: compare two release files, or two stored revisions of one release,
//! as a terminal redline, the structured JSON result, or a standalone HTML redline.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use dateline_core::Release;
use dateline_diff::CompareOptions;
use dateline_store::Store;

use super::read_release;
use crate::Ctx;

/// Output of `dateline diff`.
#[derive(Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    /// A readable redline (coloured when standard output is a terminal).
    Text,
    /// The structured comparison.
    Json,
    /// A standalone redline document.
    Html,
}

#[derive(Args)]
pub struct DiffArgs {
    /// Two release files (A then B), or one release id (or unique prefix) with --from/--to.
    #[arg(required = true, num_args = 1..=2, value_name = "A.json B.json | ID")]
    inputs: Vec<String>,
    /// Old revision number (with an id).
    #[arg(long, value_name = "N")]
    from: Option<u32>,
    /// New revision number (with an id; default: the latest).
    #[arg(long, value_name = "M")]
    to: Option<u32>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    format: DiffFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Hide whitespace-only changes.
    #[arg(long)]
    ignore_whitespace: bool,
    /// Hide changes that only swap curly and straight quotation marks.
    #[arg(long)]
    ignore_quote_style: bool,
    /// Time budget of the comparison in milliseconds.
    #[arg(long, default_value_t = CompareOptions::default().timeout_ms)]
    timeout_ms: u32,
}

fn load_pair(ctx: &Ctx, a: &DiffArgs) -> anyhow::Result<(Release, Release)> {
    match a.inputs.as_slice() {
        [x, y] => {
            if a.from.is_some() || a.to.is_some() {
                anyhow::bail!("--from/--to go with a release id, not with two files");
            }
            let input: u64 = [x, y]
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            crate::heap::reserve(
                usize::try_from(input)
                    .unwrap_or(usize::MAX)
                    .saturating_mul(crate::heap::PER_INPUT_BYTE),
            );
            Ok((read_release(Path::new(x))?, read_release(Path::new(y))?))
        }
        [id] => {
            let from = a
                .from
                .context("give two release files, or a release id with --from N [--to M]")?;
            let store = ctx.store()?;
            let id = store.resolve(id)?;
            let old = store
                .load(&id, Some(from))
                .with_context(|| format!("revision {from} of {id}"))?;
            let new = store.load(&id, a.to).with_context(|| match a.to {
                Some(to) => format!("revision {to} of {id}"),
                None => format!("latest revision of {id}"),
            })?;
            Ok((old, new))
        }
        _ => anyhow::bail!("give two release files, or a release id with --from N [--to M]"),
    }
}

pub fn run(ctx: &Ctx, a: &DiffArgs) -> anyhow::Result<()> {
    let (old, new) = load_pair(ctx, a)?;
    let opts = CompareOptions {
        ignore_whitespace: a.ignore_whitespace,
        ignore_quote_style: a.ignore_quote_style,
        timeout_ms: a.timeout_ms,
        ..CompareOptions::default()
    };
    let c = dateline_diff::compare(&old, &new, &opts);
    let out = match a.format {
        DiffFormat::Json => serde_json::to_string_pretty(&c)? + "\n",
        DiffFormat::Html => dateline_diff::redline_html(&old, &new, &c),
        DiffFormat::Text => {
            let colour = a.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none();
            dateline_diff::redline_text(&c, colour)
        }
    };
    match &a.output {
        Some(p) => {
            std::fs::write(p, &out).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => std::io::stdout().lock().write_all(out.as_bytes())?,
    }
    // The command ends here: freeing the two releases and the comparison
    // (thousands of blocks for a long body) one by one would only cost time
    // before the process gives all its memory back at once.
    std::mem::forget((old, new, c, out));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(
        inputs: &[&str],
        from: Option<u32>,
        format: DiffFormat,
        output: Option<PathBuf>,
    ) -> DiffArgs {
        DiffArgs {
            inputs: inputs.iter().map(|s| s.to_string()).collect(),
            from,
            to: None,
            format,
            output,
            ignore_whitespace: false,
            ignore_quote_style: false,
            timeout_ms: 60_000,
        }
    }

    const SEED: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/un-expert-khakimova.json"
    );
    const QUOTE_EDIT: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../diff/tests/fixtures/quote-edit.json"
    );

    #[test]
    fn two_files_to_each_format() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ctx = Ctx { db: None };
        let html = dir.path().join("redline.html");
        run(
            &ctx,
            &args(
                &[SEED, QUOTE_EDIT],
                None,
                DiffFormat::Html,
                Some(html.clone()),
            ),
        )
        .expect("html");
        let page = std::fs::read_to_string(&html).expect("written");
        assert!(page.contains("1 change in 1 field: quote 2"));
        // Struck and underlined for the eye, announced for a screen reader.
        assert!(
            page.contains("[deleted: </span>exacerbated<span class=\"vh\">] </span></del><ins>")
        );
        assert!(page.contains("[inserted: </span>compounded<span class=\"vh\">] </span></ins>"));
        let json = dir.path().join("c.json");
        run(
            &ctx,
            &args(
                &[SEED, QUOTE_EDIT],
                None,
                DiffFormat::Json,
                Some(json.clone()),
            ),
        )
        .expect("json");
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).expect("json file"))
                .expect("valid json");
        assert_eq!(v["changeCount"], 1);
        let text = dir.path().join("c.txt");
        run(
            &ctx,
            &args(
                &[SEED, QUOTE_EDIT],
                None,
                DiffFormat::Text,
                Some(text.clone()),
            ),
        )
        .expect("text");
        let t = std::fs::read_to_string(&text).expect("text file");
        assert!(t.contains("[-exacerbated-]{+compounded+}") && !t.contains('\x1b'));
    }

    #[test]
    fn wrong_argument_shapes_are_explained() {
        let ctx = Ctx { db: None };
        let e = run(
            &ctx,
            &args(&[SEED, QUOTE_EDIT], Some(1), DiffFormat::Text, None),
        )
        .expect_err("from with files");
        assert!(e.to_string().contains("--from/--to go with a release id"));
        let e = run(&ctx, &args(&["abc"], None, DiffFormat::Text, None))
            .expect_err("id without --from");
        assert!(e.to_string().contains("--from N"));
    }

    #[test]
    fn two_stored_revisions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ctx = Ctx {
            db: Some(dir.path().join("t.db")),
        };
        let store = ctx.store().expect("store");
        let meta = dateline_store::SaveMeta {
            author: "test".into(),
            message: None,
            name: None,
        };
        let (id, _) = store
            .create(&read_release(Path::new(SEED)).expect("seed"), &meta)
            .expect("create");
        store
            .save(
                &id,
                &read_release(Path::new(QUOTE_EDIT)).expect("edit"),
                &meta,
            )
            .expect("save");
        drop(store);
        let out = dir.path().join("d.json");
        let mut a = args(&[&id[..8]], Some(1), DiffFormat::Json, Some(out.clone()));
        a.to = Some(2);
        run(&ctx, &a).expect("diff of revisions");
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).expect("out")).expect("json");
        assert_eq!(v["summary"], "1 change in 1 field: quote 2");
        // Without --to: the latest revision.
        a.to = None;
        run(&ctx, &a).expect("diff against latest");
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).expect("out")).expect("json");
        assert_eq!(v["changeCount"], 1);
    }
}
