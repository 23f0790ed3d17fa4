//! Passwords, sessions and the login rate limit.
//!
//! Passwords are hashed with argon2id (PHC strings, the crate's default
//! parameters). A login returns a random 256-bit token; the database keeps only
//! its blake3 hash, with an expiry and a revoked flag, and every request looks
//! the session up again, so revoking works at once on every instance. Failed
//! logins are counted in PostgreSQL (per name and per address), so the limit
//! holds across instances too.

use std::net::SocketAddr;
use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::Json;
use chrono::{DateTime, Utc};
use dateline_sync::wire::{LoginRequest, LoginResponse, Me, Role, MAX_NAME_LEN};

use crate::routes::AppState;
use crate::ApiError;

/// The longest password accepted (hashing is deliberately slow; this bounds it).
pub const MAX_PASSWORD_LEN: usize = 1024;

/// A signed-in request's user, looked up from its bearer token.
#[derive(Debug, Clone)]
pub struct Session {
    /// The user's row id.
    pub user_id: i64,
    /// The user name.
    pub name: String,
    /// The user's role.
    pub role: Role,
    /// The workspace's row id: every query of this request is limited to it.
    pub workspace_id: i64,
    /// The workspace's name.
    pub workspace: String,
    /// blake3 of the token (what the sessions table holds).
    pub token_hash: Vec<u8>,
}

impl Session {
    /// The user as the API shows them.
    pub fn me(&self) -> Me {
        Me {
            name: self.name.clone(),
            role: self.role,
            workspace: self.workspace.clone(),
        }
    }
}

/// Failure to hash a password (only on a broken random source).
#[derive(Debug, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

/// The argon2id PHC string of `password`, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| HashError(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the PHC string `phc` (false for a damaged string).
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the user does not exist, so that a wrong
/// name takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("dateline-no-such-user").unwrap_or_default())
}

/// A new session token: 32 random bytes as 64 hex digits.
pub fn new_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(ApiError::internal)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// What the sessions table stores for `token`.
pub fn token_hash(token: &str) -> Vec<u8> {
    blake3::hash(token.as_bytes()).as_bytes().to_vec()
}

/// The bearer token of a request, if it has one.
pub fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

impl FromRequestParts<AppState> for Session {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, ApiError> {
        let token = bearer(parts).ok_or_else(|| {
            ApiError::unauthorized(
                "unauthorized",
                "sign in first (send Authorization: Bearer TOKEN)",
            )
        })?;
        let hash = token_hash(token);
        let db = st.pool.get().await?;
        let q = db
            .prepare_cached(
                "SELECT u.id, u.name, u.role, u.workspace_id, w.name, s.revoked,
                        s.expires <= now(), u.disabled
                   FROM sessions s JOIN users u ON u.id = s.user_id
                   JOIN workspaces w ON w.id = u.workspace_id
                  WHERE s.token_hash = $1",
            )
            .await?;
        let row = db.query_opt(&q, &[&hash]).await?;
        drop(db);
        let Some(row) = row else {
            return Err(ApiError::unauthorized(
                "unauthorized",
                "this session token is not valid; sign in again",
            ));
        };
        if row.get::<_, bool>(5) {
            return Err(ApiError::unauthorized(
                "session_revoked",
                "this session was signed out; sign in again",
            ));
        }
        if row.get::<_, bool>(6) {
            return Err(ApiError::unauthorized(
                "session_expired",
                "this session has expired; sign in again",
            ));
        }
        if row.get::<_, bool>(7) {
            return Err(ApiError::unauthorized(
                "account_disabled",
                "this account is disabled",
            ));
        }
        let role: String = row.get(2);
        Ok(Session {
            user_id: row.get(0),
            name: row.get(1),
            role: role.parse().map_err(ApiError::internal)?,
            workspace_id: row.get(3),
            workspace: row.get(4),
            token_hash: hash,
        })
    }
}

/// `POST /v1/login`: checks the password and opens a session.
pub async fn login(
    State(st): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    crate::routes::Body(req): crate::routes::Body<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    if req.name.is_empty() || req.name.chars().count() > MAX_NAME_LEN {
        return Err(ApiError::bad_request("the user name is empty or too long"));
    }
    if req.password.len() > MAX_PASSWORD_LEN {
        return Err(ApiError::bad_request("the password is too long"));
    }
    let ip = addr.ip().to_string();
    let window = st.config.login_window.as_secs_f64();
    let db = st.pool.get().await?;
    // The attempt is recorded before it is checked, so a burst of parallel
    // guesses counts every guess.
    let attempt: i64 = db
        .query_one(
            "WITH a AS (INSERT INTO login_attempts (name, ip, ok) VALUES ($1, $2, false)
                        RETURNING ctid)
             SELECT count(*) FROM login_attempts
              WHERE name = $1 AND NOT ok AND at > now() - make_interval(secs => $3)",
            &[&req.name, &ip, &window],
        )
        .await?
        .get(0);
    let by_ip: i64 = db
        .query_one(
            "SELECT count(*) FROM login_attempts
              WHERE ip = $1 AND NOT ok AND at > now() - make_interval(secs => $2)",
            &[&ip, &window],
        )
        .await?
        .get(0);
    if attempt >= st.config.login_failures || by_ip > st.config.login_failures * 20 {
        return Err(ApiError::rate_limited(
            "too many failed sign-in attempts; wait a few minutes and try again",
        ));
    }
    let user = db
        .query_opt(
            "SELECT u.id, u.name, u.role, u.password_hash, u.disabled, w.name
               FROM users u JOIN workspaces w ON w.id = u.workspace_id WHERE u.name = $1",
            &[&req.name],
        )
        .await?;
    let phc = user
        .as_ref()
        .map(|u| u.get::<_, String>(3))
        .unwrap_or_else(|| dummy_hash().to_string());
    let password = req.password.clone();
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &phc))
        .await
        .map_err(ApiError::internal)?;
    let user = match user {
        Some(u) if matches && !u.get::<_, bool>(4) => u,
        _ => {
            return Err(ApiError::unauthorized(
                "wrong_credentials",
                "wrong user name or password",
            ))
        }
    };
    db.execute(
        "UPDATE login_attempts SET ok = true
          WHERE ctid = (SELECT ctid FROM login_attempts
                         WHERE name = $1 AND ip = $2 AND NOT ok ORDER BY at DESC LIMIT 1)",
        &[&req.name, &ip],
    )
    .await?;
    // Old attempts are of no use to the limit.
    db.execute(
        "DELETE FROM login_attempts WHERE at < now() - interval '1 day'",
        &[],
    )
    .await?;
    let token = new_token()?;
    let ttl = chrono::Duration::from_std(st.config.session_ttl).map_err(ApiError::internal)?;
    let expires: DateTime<Utc> = Utc::now() + ttl;
    let user_id: i64 = user.get(0);
    db.execute(
        "INSERT INTO sessions (token_hash, user_id, expires) VALUES ($1, $2, $3)",
        &[&token_hash(&token), &user_id, &expires],
    )
    .await?;
    let role: String = user.get(2);
    Ok(Json(LoginResponse {
        token,
        expires,
        user: Me {
            name: user.get(1),
            role: role.parse().map_err(ApiError::internal)?,
            workspace: user.get(5),
        },
    }))
}

/// `POST /v1/logout`: revokes the request's session.
pub async fn logout(State(st): State<AppState>, s: Session) -> Result<StatusCode, ApiError> {
    let db = st.pool.get().await?;
    db.execute(
        "UPDATE sessions SET revoked = true WHERE token_hash = $1",
        &[&s.token_hash],
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/whoami`.
pub async fn whoami(s: Session) -> Json<Me> {
    Json(s.me())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let phc = hash_password("correct horse").unwrap_or_default();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(verify_password("correct horse", &phc));
        assert!(!verify_password("correct horsf", &phc));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token().ok(), new_token().ok());
        assert_ne!(a, b);
        let a = a.unwrap_or_default();
        assert_eq!(a.len(), 64);
        assert_ne!(token_hash(&a), a.as_bytes());
    }
}
