//! `dateline login URL`, `dateline whoami`, `dateline sync`, `dateline logout`:
//! the team server from the command line, on the same store and sync engine
//! as the app. The server URL, the session token and the pull cursor are kept
//! in the local database (no database credentials ever: only a session that
//! expires and can be revoked).

use std::io::BufRead;

use anyhow::{bail, Context};
use clap::Args;
use dateline_store::SqliteStore;
use dateline_sync::Client;

use crate::Ctx;

/// `dateline login URL`.
#[derive(Args)]
pub struct LoginArgs {
    /// The server, e.g. http://127.0.0.1:8787.
    url: String,
    /// The user name.
    #[arg(long, short, env = "DATELINE_USER")]
    user: String,
    /// Read the password from stdin (else DATELINE_PASSWORD, else a prompt).
    #[arg(long)]
    password_stdin: bool,
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if !from_stdin {
        if let Ok(p) = std::env::var("DATELINE_PASSWORD") {
            return Ok(p);
        }
        eprint!("Password: ");
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password")?;
    let p = line.trim_end_matches(['\r', '\n']).to_string();
    if p.is_empty() {
        bail!("no password given");
    }
    Ok(p)
}

/// Signs in and keeps the session in the local database.
pub fn login(ctx: &Ctx, a: &LoginArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let password = read_password(a.password_stdin)?;
    let mut client = Client::new(&a.url)?;
    let session = client.login(&a.user, &password)?;
    store.set_sync_setting("url", Some(client.url()))?;
    store.set_sync_setting("token", Some(&session.token))?;
    store.set_sync_setting("user", Some(&session.user.name))?;
    outln!(
        "signed in to {} as {} ({}, workspace {}) until {}",
        client.url(),
        session.user.name,
        session.user.role,
        session.user.workspace,
        session.expires.format("%Y-%m-%d %H:%M UTC")
    );
    Ok(())
}

/// The signed-in client of the local database's server.
fn client(store: &SqliteStore) -> anyhow::Result<Client> {
    let (Some(url), Some(token)) = (store.sync_setting("url")?, store.sync_setting("token")?)
    else {
        bail!("not signed in to a server; run `dateline login URL --user NAME` first");
    };
    Ok(Client::new(&url)?.with_token(token))
}

/// Who the saved session belongs to, according to the server.
pub fn whoami(ctx: &Ctx) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let c = client(&store)?;
    let me = c.whoami()?;
    outln!(
        "{} ({}, workspace {}) at {}",
        me.name,
        me.role,
        me.workspace,
        c.url()
    );
    Ok(())
}

/// Sends unsent revisions and receives colleagues' new ones.
pub fn sync(ctx: &Ctx) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let c = client(&store)?;
    let r = dateline_sync::sync(&store, &c)?;
    outln!(
        "sent {} revision(s) ({} new block(s), {} bytes); received {} record(s), {} new revision(s)",
        r.pushed,
        r.uploaded_blobs,
        r.uploaded_bytes,
        r.pulled,
        r.applied
    );
    Ok(())
}

/// Ends the session on the server and forgets it here.
pub fn logout(ctx: &Ctx) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let mut c = client(&store)?;
    // A session the server already ended is still forgotten here.
    if let Err(e) = c.logout() {
        if e.is_transient() {
            return Err(e.into());
        }
    }
    store.set_sync_setting("token", None)?;
    outln!("signed out of {}", c.url());
    Ok(())
}
