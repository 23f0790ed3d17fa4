//! Settings, all from the environment so a container needs no config file.

use std::net::SocketAddr;
use std::time::Duration;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// PostgreSQL connection string (`DATELINE_DATABASE_URL`, else `DATABASE_URL`):
    /// a URL or `key=value` pairs (`host=/run/dateline port=5499 dbname=dateline`).
    pub database_url: String,
    /// Where to listen (`DATELINE_LISTEN`, default `127.0.0.1:8787`).
    pub listen: SocketAddr,
    /// How long a session lasts (`DATELINE_SESSION_TTL_SECS`, default 12 hours).
    pub session_ttl: Duration,
    /// Requests a second one client may make (`DATELINE_RATE_LIMIT`, default 200);
    /// bursts of twice as many are allowed.
    pub rate_limit: u32,
    /// Failed logins for one name in [`Config::login_window`] before refusing
    /// (`DATELINE_LOGIN_FAILURES`, default 5).
    pub login_failures: i64,
    /// The window login failures are counted in (15 minutes).
    pub login_window: Duration,
    /// Database connections per instance (`DATELINE_DB_POOL`, default 16).
    pub pool_size: usize,
    /// How long a presence heartbeat lasts (`DATELINE_PRESENCE_TTL_SECS`,
    /// default 45): the app renews every 15 s, so a closed laptop drops out
    /// within this time.
    pub presence_ttl: Duration,
}

/// A setting that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Neither `DATELINE_DATABASE_URL` nor `DATABASE_URL` is set.
    #[error("set DATELINE_DATABASE_URL (or DATABASE_URL) to the PostgreSQL connection string")]
    NoDatabase,
    /// A variable holds something that does not parse.
    #[error("{name}={value} is not valid: {why}")]
    Invalid {
        /// The variable.
        name: &'static str,
        /// Its value.
        value: String,
        /// What was expected.
        why: &'static str,
    },
}

impl Config {
    /// Reads the settings from the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let database_url = std::env::var("DATELINE_DATABASE_URL")
            .or_else(|_| std::env::var("DATABASE_URL"))
            .map_err(|_| ConfigError::NoDatabase)?;
        Ok(Config {
            database_url,
            listen: parse(
                "DATELINE_LISTEN",
                "127.0.0.1:8787",
                "an address such as 127.0.0.1:8787",
            )?,
            session_ttl: Duration::from_secs(parse(
                "DATELINE_SESSION_TTL_SECS",
                "43200",
                "a number of seconds",
            )?),
            rate_limit: parse("DATELINE_RATE_LIMIT", "200", "requests a second")?,
            login_failures: parse("DATELINE_LOGIN_FAILURES", "5", "a number")?,
            login_window: Duration::from_secs(15 * 60),
            pool_size: parse("DATELINE_DB_POOL", "16", "a number of connections")?,
            presence_ttl: Duration::from_secs(
                parse::<u64>("DATELINE_PRESENCE_TTL_SECS", "45", "a number of seconds")?.max(1),
            ),
        })
    }
}

fn parse<T: std::str::FromStr>(
    name: &'static str,
    default: &str,
    why: &'static str,
) -> Result<T, ConfigError> {
    let value = std::env::var(name).unwrap_or_else(|_| default.to_string());
    value
        .trim()
        .parse()
        .map_err(|_| ConfigError::Invalid { name, value, why })
}
