//! Per-client request rate limiting: a token bucket per signed-in session (or
//! per address for requests without a token).
//!
//! The buckets live in the instance's memory: with N instances behind a load
//! balancer a client gets at most N times the rate, which still bounds a flood.
//! The login limit, which guards passwords, is kept in PostgreSQL instead
//! ([`crate::auth`]).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::routes::AppState;
use crate::ApiError;

/// Buckets kept before idle ones are dropped.
const MAX_BUCKETS: usize = 10_000;

/// Token buckets by client key.
#[derive(Debug)]
pub struct Limiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<Vec<u8>, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Limiter {
    /// `rate` requests a second, bursts of `2 × rate`.
    pub fn new(rate: u32) -> Self {
        let rate = f64::from(rate.max(1));
        Limiter {
            rate,
            burst: rate * 2.0,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the client `key` may make one more request now.
    pub fn allow(&self, key: &[u8], now: Instant) -> bool {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS && !buckets.contains_key(key) {
            let (rate, burst) = (self.rate, self.burst);
            buckets.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < burst);
        }
        let b = buckets.entry(key.to_vec()).or_insert(Bucket {
            tokens: self.burst,
            at: now,
        });
        let refill = now.duration_since(b.at).as_secs_f64() * self.rate;
        b.tokens = (b.tokens + refill).min(self.burst);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Middleware: refuses with `rate_limited` (429) past the client's rate.
pub async fn limit(
    State(st): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    let key = match req
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        Some(token) => blake3::hash(token.as_bytes()).as_bytes().to_vec(),
        None => addr.ip().to_string().into_bytes(),
    };
    if !st.limiter.allow(&key, Instant::now()) {
        return ApiError::rate_limited("too many requests; slow down").into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_past_twice_the_rate_is_refused_then_refilled() {
        let l = Limiter::new(10);
        let t0 = Instant::now();
        let allowed = (0..100).filter(|_| l.allow(b"a", t0)).count();
        assert_eq!(allowed, 20);
        assert!(l.allow(b"b", t0), "another client has its own bucket");
        assert!(l.allow(b"a", t0 + Duration::from_millis(150)));
    }
}
