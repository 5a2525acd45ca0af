//! Registering, logging in and out. A login makes a session row; the caller gets a random
//! token once, and only its SHA-256 is stored. Repeated wrong passwords lock the account.
use super::users::{NewUser, create_user, hash_password, verify_password};
use super::{Error, Result};
use crate::audit::sha256_hex;
use crate::policy::Role;
use crate::state::AppState;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use entity::{companies, company_members, sessions, users};
use rand::RngCore;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::sync::LazyLock;

/// Wrong passwords in a row before the account is locked, and for how long.
pub const MAX_FAILED_LOGINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;
/// A session ends this long after login, or after this long unused.
pub const SESSION_HOURS: i64 = 12;
pub const IDLE_MINUTES: i64 = 120;

/// A fresh login: the token is shown to the caller once and never stored.
pub struct NewSession {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user: users::Model,
}

pub async fn register_consumer(
    state: &AppState,
    email: &str,
    password: &str,
    name: &str,
    language: &str,
) -> Result<users::Model> {
    let new = NewUser {
        email: email.to_string(),
        name: name.to_string(),
        role: Role::Consumer,
        language: language.to_string(),
        password: password.to_string(),
        company: None,
    };
    create_user(state, new, "self").await
}

pub async fn login(
    state: &AppState,
    email: &str,
    password: &str,
    kind: &str,
) -> Result<NewSession> {
    let now = state.clock.now();
    let wrong = || Error::Unauthorized("The e-mail address or the password is wrong.".into());
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email.trim().to_lowercase()))
        .filter(users::Column::ErasedAt.is_null())
        .one(&state.db)
        .await?;
    let Some(user) = user else {
        // Spend the same time as a real check, so timing does not tell which e-mails exist.
        verify_password(password, &DUMMY_HASH);
        return Err(wrong());
    };
    if let Some(until) = user.locked_until.filter(|until| *until > now) {
        return Err(Error::TooManyAttempts {
            retry_after_secs: (until - now).num_seconds().max(1) as u64,
        });
    }
    if !verify_password(password, &user.password_hash) {
        let failed = user.failed_logins + 1;
        let locked = failed >= MAX_FAILED_LOGINS;
        users::Entity::update_many()
            .col_expr(
                users::Column::FailedLogins,
                Expr::value(if locked { 0 } else { failed }),
            )
            .col_expr(
                users::Column::LockedUntil,
                Expr::value(locked.then(|| now + Duration::minutes(LOCK_MINUTES))),
            )
            .filter(users::Column::Id.eq(user.id))
            .exec(&state.db)
            .await?;
        return Err(wrong());
    }
    users::Entity::update_many()
        .col_expr(users::Column::FailedLogins, Expr::value(0))
        .filter(users::Column::Id.eq(user.id))
        .exec(&state.db)
        .await?;

    let token = new_token();
    let expires_at = now + Duration::hours(SESSION_HOURS);
    sessions::Entity::insert(sessions::ActiveModel {
        id: NotSet,
        user_id: Set(user.id),
        token_hash: Set(sha256_hex(token.as_bytes())),
        kind: Set(kind.to_string()),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
    })
    .exec_without_returning(&state.db)
    .await?;
    Ok(NewSession {
        token,
        expires_at,
        user,
    })
}

/// The user and session a token belongs to, if the session is still alive.
pub async fn authenticate(
    state: &AppState,
    token: &str,
) -> Result<Option<(users::Model, sessions::Model)>> {
    let now = state.clock.now();
    let Some(session) = sessions::Entity::find()
        .filter(sessions::Column::TokenHash.eq(sha256_hex(token.as_bytes())))
        .filter(sessions::Column::RevokedAt.is_null())
        .one(&state.db)
        .await?
    else {
        return Ok(None);
    };
    if session.expires_at <= now || session.last_seen_at + Duration::minutes(IDLE_MINUTES) <= now {
        return Ok(None);
    }
    let Some(user) = users::Entity::find_by_id(session.user_id)
        .filter(users::Column::ErasedAt.is_null())
        .one(&state.db)
        .await?
    else {
        return Ok(None);
    };
    // Keep the idle clock running without a write on every request.
    if now - session.last_seen_at > Duration::minutes(1) {
        sessions::Entity::update_many()
            .col_expr(sessions::Column::LastSeenAt, Expr::value(now))
            .filter(sessions::Column::Id.eq(session.id))
            .exec(&state.db)
            .await?;
    }
    Ok(Some((user, session)))
}

/// The companies a user represents.
pub async fn companies_of(state: &AppState, user_id: i64) -> Result<Vec<companies::Model>> {
    let ids: Vec<i64> = company_members::Entity::find()
        .filter(company_members::Column::UserId.eq(user_id))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|m| m.company_id)
        .collect();
    Ok(companies::Entity::find()
        .filter(companies::Column::Id.is_in(ids))
        .order_by_asc(companies::Column::Name)
        .all(&state.db)
        .await?)
}

pub async fn logout(state: &AppState, session_id: i64) -> Result<()> {
    sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(state.clock.now()))
        .filter(sessions::Column::Id.eq(session_id))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// "rds_" and 32 random bytes, URL-safe.
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!(
        "rds_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// A real argon2id hash of a password no one has, checked against when the e-mail is unknown.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password(&new_token()).unwrap_or_default());
