//! The review workflow on the command line: `status`, `review request|answer|roles`,
//! `comment`, `comments`, `resolve`, `suggest`, `accept`, `reject`, `approve`,
//! `audit` and `packet`. Each is a thin call into `dateline_review::ReviewService`;
//! the person acting is `--author`, else `$DATELINE_AUTHOR`, else the login name.

use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use dateline_review::{
    audit, ApproveTarget, ReviewService, ReviewStatus, Role, TextRange, Verdict, Via,
};
use dateline_store::Store;

use crate::Ctx;

/// Who is acting: `--author`, else `$DATELINE_AUTHOR`, else the login name.
#[derive(Args)]
pub struct Actor {
    /// The person acting (default: $DATELINE_AUTHOR or the login name).
    #[arg(long, visible_alias = "as", value_name = "NAME")]
    author: Option<String>,
}

impl Actor {
    fn name(&self) -> String {
        self.author
            .clone()
            .unwrap_or_else(dateline_store::default_author)
    }
}

#[derive(Args)]
pub struct StatusArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Move the release to this state (draft, in-review, changes-requested,
    /// approved, scheduled, released, corrected, withdrawn).
    #[arg(long)]
    to: Option<ReviewStatus>,
    /// Why (recorded with the change).
    #[arg(short, long)]
    message: Option<String>,
    /// Admins only: move past what blocks the state, for this recorded reason.
    #[arg(long = "override", value_name = "REASON")]
    override_reason: Option<String>,
    /// Print the whole review state as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    actor: Actor,
}

#[derive(Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    command: ReviewCommand,
}

#[derive(Subcommand)]
enum ReviewCommand {
    /// Ask people (or anyone holding a role) to review the latest revision.
    Request {
        /// Release id (or a unique prefix of it).
        id: String,
        /// A reviewer's name (repeat for several).
        #[arg(long = "reviewer", value_name = "NAME")]
        reviewers: Vec<String>,
        /// Ask anyone holding this role.
        #[arg(long)]
        role: Option<Role>,
        /// When the answer is due (YYYY-MM-DD).
        #[arg(long)]
        due: Option<NaiveDate>,
        /// A note to the reviewers.
        #[arg(short, long)]
        message: Option<String>,
        #[command(flatten)]
        actor: Actor,
    },
    /// Answer a review request: approve, changes, or comment.
    Answer {
        /// Release id (or a unique prefix of it).
        id: String,
        /// approve, changes or comment.
        #[arg(long)]
        verdict: Verdict,
        /// The request answered (default: the latest asking you).
        #[arg(long)]
        request: Option<String>,
        /// What you say.
        #[arg(short, long)]
        message: Option<String>,
        #[command(flatten)]
        actor: Actor,
    },
    /// Give a person their roles in the workspace (admins; anyone for the first assignment).
    Roles {
        /// The person's name.
        person: String,
        /// A role (writer, editor, legal, approver, admin); repeat for several.
        #[arg(long = "role", required = true)]
        roles: Vec<Role>,
        #[command(flatten)]
        actor: Actor,
    },
}

#[derive(Args)]
pub struct CommentArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// The field: headline, dateline, body[2], body[3].paragraphs[0].segments[0], footnotes[0]…
    #[arg(long, required_unless_present = "reply_to")]
    field: Option<String>,
    /// Characters A..B of the field's text (from 0, end excluded).
    #[arg(long, value_name = "A..B", value_parser = parse_range)]
    range: Option<TextRange>,
    /// Reply in the thread of this comment instead.
    #[arg(long, value_name = "COMMENT")]
    reply_to: Option<String>,
    /// The comment (`-` reads it from standard input).
    text: String,
    #[command(flatten)]
    actor: Actor,
}

#[derive(Args)]
pub struct CommentsArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Only threads not resolved.
    #[arg(long)]
    open: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ResolveArgs {
    /// The comment's id (or a unique prefix of it).
    comment: String,
    /// Reopen it instead.
    #[arg(long)]
    reopen: bool,
    #[command(flatten)]
    actor: Actor,
}

#[derive(Args)]
pub struct SuggestArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// The text field: headline, body[2], body[3].paragraphs[0].segments[0]…
    #[arg(long)]
    field: String,
    /// File holding the proposed text, or `-` for standard input.
    file: String,
    /// Why.
    #[arg(short, long)]
    message: Option<String>,
    #[command(flatten)]
    actor: Actor,
}

#[derive(Args)]
pub struct DecideArgs {
    /// The suggestion's id (or a unique prefix of it).
    suggestion: String,
    /// Why.
    #[arg(short, long)]
    message: Option<String>,
    #[command(flatten)]
    actor: Actor,
}

#[derive(Args)]
pub struct ApproveArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Sign off quote N (from 1) for the person quoted instead of the whole release.
    #[arg(long, value_name = "N")]
    quote: Option<u32>,
    /// The role approving the whole release (default: your first approving role).
    #[arg(long = "as", value_name = "ROLE", conflicts_with = "quote")]
    role: Option<Role>,
    /// How the person quoted answered (email or phone), recorded by hand.
    #[arg(long, requires = "quote")]
    via: Option<Via>,
    /// Who answered (default: the person quoted).
    #[arg(long, requires = "quote", value_name = "NAME")]
    by: Option<String>,
    /// Record that changes were requested instead of an approval.
    #[arg(long)]
    changes_requested: bool,
    /// What was said.
    #[arg(short, long)]
    message: Option<String>,
    /// The person acting (default: $DATELINE_AUTHOR or the login name).
    #[arg(long, value_name = "NAME")]
    author: Option<String>,
}

#[derive(Args)]
pub struct AuditArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// text (default), csv or json.
    #[arg(short, long, default_value = "text")]
    format: AuditFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum AuditFormat {
    Text,
    Csv,
    Json,
}

#[derive(Args)]
pub struct PacketArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// The quote's number (from 1).
    #[arg(long, value_name = "N")]
    quote: u32,
    /// html or text.
    #[arg(short, long)]
    format: PacketFormat,
    /// Revision (default: the latest).
    #[arg(long)]
    rev: Option<u32>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    actor: Actor,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PacketFormat {
    Html,
    Text,
}

fn parse_range(s: &str) -> Result<TextRange, String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("“{s}” is not a range A..B (for example 4..12)"))?;
    let n = |x: &str| {
        x.trim()
            .parse::<u32>()
            .map_err(|_| format!("“{s}” is not a range A..B of character positions"))
    };
    let (start, end) = (n(a)?, n(b)?);
    if start >= end {
        return Err(format!("the range {s} is empty; B must be larger than A"));
    }
    Ok(TextRange { start, end })
}

/// Reads a text argument, or standard input for `-`.
fn text_arg(arg: &str) -> anyhow::Result<String> {
    if arg != "-" {
        return Ok(arg.to_string());
    }
    let mut s = String::new();
    std::io::stdin()
        .take(2_000_000)
        .read_to_string(&mut s)
        .context("cannot read standard input")?;
    Ok(s)
}

/// Writes `text` to `output`, or to standard output.
fn emit(output: Option<&PathBuf>, text: &str) -> anyhow::Result<()> {
    match output {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            out!("{text}");
            Ok(())
        }
    }
}

pub fn status(ctx: &Ctx, a: &StatusArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    // The house profile's errors join the gates, as in the app.
    let id = store.resolve(&a.id)?;
    let style = store.load(&id, None)?.style;
    let linter = dateline_checks::Linter::new(dateline_checks::Profile::for_style(style));
    let svc = ReviewService::new(&store, a.actor.name()).with_checks(&linter);
    if let Some(to) = a.to {
        let before = svc.open(&a.id)?.status;
        svc.transition(
            &a.id,
            to,
            a.message.as_deref(),
            a.override_reason.as_deref(),
            &[],
        )?;
        outln!("{before} → {to}");
        return Ok(());
    }
    let s = svc.open(&a.id)?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(());
    }
    outln!("state: {} (revision {})", s.status, s.revision);
    outln!("writer: {}", s.writer);
    if !s.waiting_on.is_empty() {
        outln!("waiting for: {}", s.waiting_on.join(", "));
    }
    let next: Vec<&str> = s.next.iter().map(|n| n.name()).collect();
    outln!("next: {}", next.join(", "));
    outln!(
        "open comments: {}, open suggestions: {}, valid approvals: {}",
        s.open_comments().count(),
        s.suggestions
            .iter()
            .filter(|x| x.status == dateline_review::state::SuggestionStatus::Open)
            .count(),
        s.approvals.iter().filter(|x| x.valid).count()
    );
    if s.blockers.is_empty() {
        outln!("nothing blocks approval or release");
    } else {
        outln!("blocking approval and release:");
        for b in &s.blockers {
            outln!("  - {}", b.message);
        }
    }
    Ok(())
}

pub fn review(ctx: &Ctx, a: &ReviewArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    match &a.command {
        ReviewCommand::Request {
            id,
            reviewers,
            role,
            due,
            message,
            actor,
        } => {
            let svc = ReviewService::new(&store, actor.name());
            let rid = svc.request_review(id, reviewers, *role, *due, message.as_deref())?;
            outln!("{rid}");
        }
        ReviewCommand::Answer {
            id,
            verdict,
            request,
            message,
            actor,
        } => {
            let svc = ReviewService::new(&store, actor.name());
            let rid = svc.answer_request(id, request.as_deref(), *verdict, message.as_deref())?;
            outln!("{rid}");
        }
        ReviewCommand::Roles {
            person,
            roles,
            actor,
        } => {
            let svc = ReviewService::new(&store, actor.name());
            svc.set_roles(person, roles)?;
            let names: Vec<&str> = roles.iter().map(|r| r.name()).collect();
            outln!("{}: {}", person.trim(), names.join(", "));
        }
    }
    Ok(())
}

pub fn comment(ctx: &Ctx, a: &CommentArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let svc = ReviewService::new(&store, a.actor.name());
    let text = text_arg(&a.text)?;
    let id = match (&a.reply_to, &a.field) {
        (Some(parent), _) => svc.reply(parent, &text)?,
        (None, Some(field)) => svc.comment(&a.id, field, a.range, &text)?,
        (None, None) => anyhow::bail!("give --field PATH (or --reply-to COMMENT)"),
    };
    outln!("{id}");
    Ok(())
}

pub fn comments(ctx: &Ctx, a: &CommentsArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let svc = ReviewService::new(&store, dateline_store::default_author());
    let s = svc.open(&a.id)?;
    let shown: Vec<&dateline_review::state::CommentView> = s
        .comments
        .iter()
        .filter(|c| !a.open || !c.resolved)
        .collect();
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&shown)?);
        return Ok(());
    }
    for c in shown {
        let state = match (c.resolved, c.current.outdated) {
            (true, _) => "resolved",
            (false, true) => "outdated",
            (false, false) => "open",
        };
        let place = match (&c.current.field, c.current.range) {
            (Some(f), Some(r)) => format!("{f} {}..{}", r.start, r.end),
            (Some(f), None) => f.clone(),
            (None, _) => format!("{} (gone)", c.anchor.field),
        };
        outln!("{}  {state:<8}  {place}  {}: {}", c.id, c.author, c.text);
        if c.current.outdated || c.anchor.range.is_some() {
            outln!("    on “{}”", c.anchor.text);
        }
        for r in &c.replies {
            outln!("    ↳ {}: {}", r.author, r.text);
        }
    }
    Ok(())
}

pub fn resolve(ctx: &Ctx, a: &ResolveArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let svc = ReviewService::new(&store, a.actor.name());
    svc.set_resolved(&a.comment, !a.reopen)?;
    outln!("{}", if a.reopen { "reopened" } else { "resolved" });
    Ok(())
}

pub fn suggest(ctx: &Ctx, a: &SuggestArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let svc = ReviewService::new(&store, a.actor.name());
    let mut text = if a.file == "-" {
        text_arg("-")?
    } else {
        std::fs::read_to_string(&a.file).with_context(|| format!("cannot read {}", a.file))?
    };
    // A file ends with a newline the field does not want.
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    let id = svc.suggest(&a.id, &a.field, &text, a.message.as_deref())?;
    outln!("{id}");
    Ok(())
}

pub fn decide(ctx: &Ctx, a: &DecideArgs, accept: bool) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let svc = ReviewService::new(&store, a.actor.name());
    if accept {
        let rev = svc.accept(&a.suggestion, a.message.as_deref())?;
        outln!("{rev}");
    } else {
        svc.reject(&a.suggestion, a.message.as_deref())?;
        outln!("rejected");
    }
    Ok(())
}

pub fn approve(ctx: &Ctx, a: &ApproveArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let actor = a
        .author
        .clone()
        .unwrap_or_else(dateline_store::default_author);
    let svc = ReviewService::new(&store, actor);
    let target = match a.quote {
        Some(number) => ApproveTarget::Quote {
            number,
            by: a.by.clone(),
            via: a.via.unwrap_or_default(),
        },
        None => ApproveTarget::Release { role: a.role },
    };
    let verdict = if a.changes_requested {
        Verdict::RequestChanges
    } else {
        Verdict::Approve
    };
    let id = svc.approve(&a.id, target, verdict, a.message.as_deref())?;
    outln!("{id}");
    Ok(())
}

pub fn audit(ctx: &Ctx, a: &AuditArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let svc = ReviewService::new(&store, dateline_store::default_author());
    let t = svc.audit(&a.id)?;
    let text = match a.format {
        AuditFormat::Csv => audit::to_csv(&t),
        AuditFormat::Json => format!("{}\n", audit::to_json(&t)),
        AuditFormat::Text => t
            .iter()
            .map(|e| {
                format!(
                    "{}  {}  {}\n",
                    e.time.format("%Y-%m-%d %H:%M:%S"),
                    e.actor,
                    e.summary
                )
            })
            .collect(),
    };
    emit(a.output.as_ref(), &text)
}

pub fn packet(ctx: &Ctx, a: &PacketArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let svc = ReviewService::new(&store, a.actor.name());
    let p = svc.packet(&a.id, a.quote, a.rev)?;
    let (text, format) = match a.format {
        PacketFormat::Html => (&p.html, "packet-html"),
        PacketFormat::Text => (&p.text, "packet-text"),
    };
    emit(a.output.as_ref(), text)?;
    let file = a.output.as_ref().map(|p| p.display().to_string());
    svc.record_export(&a.id, Some(p.revision), format, file.as_deref())?;
    Ok(())
}
