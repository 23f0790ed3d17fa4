//! The connection pool and the server's own numbered migrations.
//!
//! Migrations are SQL files embedded in the binary. They run in one
//! transaction under an advisory lock, so several instances starting at once
//! migrate the database exactly once; a database migrated by a newer server
//! is refused rather than written to.

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

/// The migrations, in order; migration N brings the schema to version N.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_review.sql"),
    include_str!("../migrations/0003_presence.sql"),
    include_str!("../migrations/0004_concurrent_positions.sql"),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Any number, the same in every instance: the lock migrations run under.
const MIGRATION_LOCK: i64 = 0x0da7_e11e;

/// What can go wrong opening the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The connection string does not parse.
    #[error("the database connection string is not valid: {0}")]
    BadUrl(tokio_postgres::Error),
    /// PostgreSQL refused or failed.
    #[error("database error: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// No connection could be taken from the pool.
    #[error("cannot connect to the database: {0}")]
    Pool(String),
    /// The database was migrated by a newer server.
    #[error("the database has schema version {found}; this server knows up to {supported}: update the server")]
    Newer {
        /// The database's version.
        found: i32,
        /// This binary's.
        supported: i32,
    },
}

/// The parsed connection settings.
pub fn pg_config(url: &str) -> Result<tokio_postgres::Config, DbError> {
    url.parse().map_err(DbError::BadUrl)
}

/// A pool of at most `size` connections.
pub fn pool(url: &str, size: usize) -> Result<Pool, DbError> {
    let mgr = Manager::from_config(
        pg_config(url)?,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(mgr)
        .max_size(size.max(1))
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .wait_timeout(Some(std::time::Duration::from_secs(10)))
        .create_timeout(Some(std::time::Duration::from_secs(10)))
        .build()
        .map_err(|e| DbError::Pool(e.to_string()))
}

/// Brings the database to [`SCHEMA_VERSION`]; returns the version it was at.
pub async fn migrate(pool: &Pool) -> Result<i32, DbError> {
    let mut client = pool.get().await.map_err(|e| DbError::Pool(e.to_string()))?;
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY,
             applied TIMESTAMPTZ NOT NULL DEFAULT now())",
    )
    .await?;
    let found: i32 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            &[],
        )
        .await?
        .get(0);
    if found > SCHEMA_VERSION {
        return Err(DbError::Newer {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let version = i as i32 + 1;
        tx.batch_execute(sql).await?;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[&version],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(found)
}
