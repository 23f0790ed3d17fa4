//! `import`: turn a press release file (plain text, Markdown, HTML) into
//! structured fields with dateline-import; print the release JSON, or store it
//! with `--save`. The import report (what to check) goes to stderr.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dateline_core::style::HouseStyleId;
use dateline_import::{import, ImportOptions, SourceFormat};
use dateline_store::{SaveMeta, Store};

use crate::Ctx;

/// House style of the imported release.
#[derive(Clone, Copy, ValueEnum)]
pub enum StyleArg {
    /// Decide from the text.
    Auto,
    UnOhchr,
    Wire,
    Corporate,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The file to import.
    file: PathBuf,
    /// Input format: text, markdown or html (default: guessed from the content).
    #[arg(long)]
    from: Option<SourceFormat>,
    /// House style of the result.
    #[arg(long, value_enum, default_value = "auto")]
    style: StyleArg,
    /// Language (BCP 47) of the release (default: detected).
    #[arg(long)]
    language: Option<String>,
    /// Publication date (YYYY-MM-DD), for datelines without a year.
    #[arg(long)]
    date: Option<String>,
    /// Store the release as a new release (prints its id) instead of printing it.
    #[arg(long)]
    save: bool,
    /// Print the release and the full import report as JSON.
    #[arg(long, conflicts_with = "save")]
    report: bool,
    /// Author recorded on the first revision (with --save).
    #[arg(long)]
    author: Option<String>,
}

pub fn run(ctx: &Ctx, a: &ImportArgs) -> anyhow::Result<()> {
    let bytes =
        std::fs::read(&a.file).with_context(|| format!("cannot read {}", a.file.display()))?;
    let opts = ImportOptions {
        format: a.from,
        style: match a.style {
            StyleArg::Auto => None,
            StyleArg::UnOhchr => Some(HouseStyleId::UnOhchr),
            StyleArg::Wire => Some(HouseStyleId::Wire),
            StyleArg::Corporate => Some(HouseStyleId::Corporate),
        },
        language: a.language.clone(),
        document_date: a
            .date
            .as_deref()
            .map(dateline_import::dates::parse_document_date)
            .transpose()
            .map_err(anyhow::Error::msg)?,
    };
    let imported = import(&bytes, &opts)
        .map_err(|e| anyhow::anyhow!("{} ({}): {e}", a.file.display(), e.code()))?;
    for f in &imported.report.unsure {
        eprintln!("check {}: {}", f.field, f.note);
    }
    if a.report {
        outln!("{}", serde_json::to_string_pretty(&imported)?);
        return Ok(());
    }
    if a.save {
        let store = ctx.store()?;
        let meta = SaveMeta {
            author: a
                .author
                .clone()
                .unwrap_or_else(dateline_store::default_author),
            message: Some(format!("Imported from {}", a.file.display())),
            name: None,
        };
        let (id, _rev) = store.create(&imported.release, &meta)?;
        outln!("{id}");
        return Ok(());
    }
    outln!("{}", imported.release.to_json());
    Ok(())
}
