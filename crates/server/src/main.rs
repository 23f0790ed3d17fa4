//! `dateline-server`: serve the team workspace, or manage its accounts.

use std::io::Read;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use dateline_server::{accounts, db, events, presence, routes, Config};
use dateline_sync::wire::Role;

/// The Dateline team workspace server (PostgreSQL from DATELINE_DATABASE_URL).
#[derive(Parser)]
#[command(name = "dateline-server", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve (DATELINE_LISTEN, default 127.0.0.1:8787).
    Serve {
        /// Where to listen (overrides DATELINE_LISTEN); port 0 picks a free port.
        #[arg(long)]
        listen: Option<SocketAddr>,
    },
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage sessions.
    Session {
        #[command(subcommand)]
        command: SessionCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; the password is read from stdin (--password-stdin) or
    /// DATELINE_NEW_PASSWORD, else generated and printed.
    Add {
        /// The user name (letters, digits, . - _ @).
        name: String,
        /// writer, editor, legal, approver or admin.
        #[arg(long)]
        role: Role,
        /// The workspace (created if new).
        #[arg(long, default_value = "default")]
        workspace: String,
        /// Read the password from the first line of stdin.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum SessionCommand {
    /// Sign a user out everywhere.
    Revoke {
        /// The user name.
        name: String,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = Config::from_env()?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    rt.block_on(run(cli, config))
}

async fn run(cli: Cli, mut config: Config) -> anyhow::Result<()> {
    let pool = db::pool(&config.database_url, config.pool_size)?;
    let from = db::migrate(&pool)
        .await
        .context("cannot migrate the database")?;
    match cli.command {
        Command::Migrate => {
            println!("schema version {from} → {}", db::SCHEMA_VERSION);
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    name,
                    role,
                    workspace,
                    password_stdin,
                },
        } => {
            let (password, generated) = password(password_stdin)?;
            accounts::add_user(&pool, &name, role, &workspace, &password).await?;
            println!("added {name} ({role}) to workspace {workspace}");
            if generated {
                println!("password: {password}");
            }
            Ok(())
        }
        Command::Session {
            command: SessionCommand::Revoke { name },
        } => {
            let n = accounts::revoke_sessions(&pool, &name).await?;
            println!("revoked {n} session(s) of {name}");
            Ok(())
        }
        Command::Serve { listen } => {
            if let Some(l) = listen {
                config.listen = l;
            }
            let (tx, _) = tokio::sync::broadcast::channel(4096);
            events::listen(db::pg_config(&config.database_url)?, tx.clone())
                .await
                .context("cannot LISTEN for notifications")?;
            let listener = tokio::net::TcpListener::bind(config.listen)
                .await
                .with_context(|| format!("cannot listen on {}", config.listen))?;
            let addr = listener.local_addr()?;
            presence::start_sweeper(
                pool.clone(),
                (config.presence_ttl / 3).clamp(Duration::from_millis(500), Duration::from_secs(5)),
            );
            let app = routes::router(routes::AppState::new(pool, config, tx));
            // Tests and scripts read this line to learn the port.
            println!("dateline-server listening on http://{addr}");
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await?;
            Ok(())
        }
    }
}

/// The new user's password, and whether it was generated here.
fn password(from_stdin: bool) -> anyhow::Result<(String, bool)> {
    if from_stdin {
        let mut s = String::new();
        std::io::stdin().take(4096).read_to_string(&mut s)?;
        let line = s.lines().next().unwrap_or("").to_string();
        if line.is_empty() {
            bail!("no password on stdin");
        }
        return Ok((line, false));
    }
    if let Ok(p) = std::env::var("DATELINE_NEW_PASSWORD") {
        return Ok((p, false));
    }
    let mut bytes = [0u8; 15];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no random source: {e}"))?;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let p = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect();
    Ok((p, true))
}
