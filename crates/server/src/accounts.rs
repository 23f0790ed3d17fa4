//! What the `dateline-server user …` and `session …` subcommands do: the
//! administrator's way in, run on the server machine (laptops never hold
//! database credentials).

use dateline_sync::wire::{Role, MAX_NAME_LEN};
use deadpool_postgres::Pool;

use crate::auth::{hash_password, MAX_PASSWORD_LEN};

/// What can go wrong managing accounts.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The name has characters other than letters, digits and `.-_@`, or a bad length.
    #[error("user and workspace names are 1 to {MAX_NAME_LEN} letters, digits and . - _ @")]
    BadName,
    /// The password is too short or too long.
    #[error("passwords are 8 to {MAX_PASSWORD_LEN} bytes")]
    BadPassword,
    /// A user of that name exists.
    #[error("a user named “{0}” already exists")]
    Exists(String),
    /// No user of that name.
    #[error("no user named “{0}”")]
    NoSuchUser(String),
    /// Hashing failed.
    #[error(transparent)]
    Hash(#[from] crate::auth::HashError),
    /// The database refused.
    #[error("database error: {0}")]
    Db(String),
}

impl From<tokio_postgres::Error> for AccountError {
    fn from(e: tokio_postgres::Error) -> Self {
        AccountError::Db(e.to_string())
    }
}

impl From<deadpool_postgres::PoolError> for AccountError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        AccountError::Db(e.to_string())
    }
}

/// Whether `name` is acceptable as a user or workspace name.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= MAX_NAME_LEN
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
}

/// Adds user `name` with `role` to `workspace` (created if new).
pub async fn add_user(
    pool: &Pool,
    name: &str,
    role: Role,
    workspace: &str,
    password: &str,
) -> Result<(), AccountError> {
    if !valid_name(name) || !valid_name(workspace) {
        return Err(AccountError::BadName);
    }
    if password.len() < 8 || password.len() > MAX_PASSWORD_LEN {
        return Err(AccountError::BadPassword);
    }
    let phc = hash_password(password)?;
    let mut db = pool.get().await?;
    let tx = db.transaction().await?;
    tx.execute(
        "INSERT INTO workspaces (name) VALUES ($1) ON CONFLICT (name) DO NOTHING",
        &[&workspace],
    )
    .await?;
    let n = tx
        .execute(
            "INSERT INTO users (workspace_id, name, role, password_hash)
             SELECT id, $2, $3, $4 FROM workspaces WHERE name = $1
             ON CONFLICT (name) DO NOTHING",
            &[&workspace, &name, &role.as_str(), &phc],
        )
        .await?;
    if n == 0 {
        return Err(AccountError::Exists(name.to_string()));
    }
    tx.commit().await?;
    Ok(())
}

/// Revokes every open session of user `name`; returns how many.
pub async fn revoke_sessions(pool: &Pool, name: &str) -> Result<u64, AccountError> {
    let db = pool.get().await?;
    let user = db
        .query_opt("SELECT id FROM users WHERE name = $1", &[&name])
        .await?
        .ok_or_else(|| AccountError::NoSuchUser(name.to_string()))?;
    let id: i64 = user.get(0);
    Ok(db
        .execute(
            "UPDATE sessions SET revoked = true WHERE user_id = $1 AND NOT revoked",
            &[&id],
        )
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_words() {
        assert!(valid_name("amira.haddad@un"));
        assert!(!valid_name(""));
        assert!(!valid_name("x'; DROP TABLE users; --"));
        assert!(!valid_name(&"a".repeat(MAX_NAME_LEN + 1)));
    }
}
