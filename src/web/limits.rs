//! Per-address rate limits for login and registration: a sliding window per client address,
//! kept in memory (each server instance counts its own traffic). Time comes from the app's
//! clock, so tests can move past a window.
use crate::error::AppError;
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// How many attempts an address may make within a window.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub attempts: usize,
    pub window: Duration,
}

/// Logins: 20 in 10 minutes per address (the per-account lockout stops guessing one password).
pub const LOGIN: Limit = Limit {
    attempts: 20,
    window: Duration::minutes(10),
};
/// Registrations: 10 per hour per address.
pub const REGISTER: Limit = Limit {
    attempts: 10,
    window: Duration::hours(1),
};

/// Password reset requests: 10 per hour per address, so the form cannot be used to flood
/// someone's mailbox.
pub const RESET: Limit = Limit {
    attempts: 10,
    window: Duration::hours(1),
};

/// Addresses are forgotten once this many are tracked, so memory stays bounded under a flood.
const MAX_TRACKED: usize = 100_000;

/// A kind of attempt ("login", "register") and the address it came from.
type Key = (&'static str, String);
/// The times of recent attempts, oldest first.
type Attempts = VecDeque<DateTime<Utc>>;

#[derive(Default)]
pub struct RateLimiter {
    seen: Mutex<HashMap<Key, Attempts>>,
}

impl RateLimiter {
    /// Counts one attempt; Err(seconds to wait) when the address is over its limit.
    pub fn hit(
        &self,
        bucket: &'static str,
        key: &str,
        limit: Limit,
        now: DateTime<Utc>,
    ) -> Result<(), u64> {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.len() >= MAX_TRACKED {
            seen.retain(|_, times| times.back().is_some_and(|t| *t > now - Duration::hours(1)));
            if seen.len() >= MAX_TRACKED {
                seen.clear();
            }
        }
        let times = seen.entry((bucket, key.to_string())).or_default();
        while times.front().is_some_and(|t| *t <= now - limit.window) {
            times.pop_front();
        }
        if times.len() >= limit.attempts {
            let free_at = times.front().map(|t| *t + limit.window).unwrap_or(now);
            return Err((free_at - now).num_seconds().max(1) as u64);
        }
        times.push_back(now);
        Ok(())
    }
}

fn guard(req: &Request<'_>, bucket: &'static str, limit: Limit) -> Outcome<(), AppError> {
    let (Some(state), Some(limiter)) = (
        req.rocket().state::<AppState>(),
        req.rocket().state::<RateLimiter>(),
    ) else {
        return Outcome::Success(());
    };
    let address = req
        .client_ip()
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into());
    match limiter.hit(bucket, &address, limit, state.clock.now()) {
        Ok(()) => Outcome::Success(()),
        Err(retry_after) => {
            let mut err = AppError::from_status(Status::TooManyRequests);
            err.retry_after = Some(retry_after);
            Outcome::Error((Status::TooManyRequests, err))
        }
    }
}

/// A login attempt from this address is within its limit.
pub struct LoginAllowed;
/// A registration from this address is within its limit.
pub struct RegistrationAllowed;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for LoginAllowed {
    type Error = AppError;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, AppError> {
        guard(req, "login", LOGIN).map(|()| LoginAllowed)
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for RegistrationAllowed {
    type Error = AppError;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, AppError> {
        guard(req, "register", REGISTER).map(|()| RegistrationAllowed)
    }
}

/// A password reset request from this address is within its limit.
pub struct ResetAllowed;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ResetAllowed {
    type Error = AppError;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, AppError> {
        guard(req, "reset", RESET).map(|()| ResetAllowed)
    }
}
