//! Registering, logging in and out. A login makes a session row; the caller gets a random
//! token once, and only its SHA-256 is stored. Repeated wrong passwords lock the account.
use super::links::{self, Purpose};
use super::users::{
    NewUser, check_password, create_user, hash_password, hash_password_now, log, verify_password,
};
use super::{Error, Result, welcome};
use crate::audit::sha256_hex;
use crate::policy::Role;
use crate::state::AppState;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use entity::{companies, company_members, sessions, users};
use rand::RngCore;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
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
        password: Some(password.to_string()),
        company: None,
        neutral: None,
        self_registered: true,
    };
    create_user(state, new, "self").await
}

/// The address is confirmed by the link mailed at registration.
pub async fn confirm_email(state: &AppState, token: &str) -> Result<users::Model> {
    let now = state.clock.now();
    let txn = state.begin_write().await?;
    let link = links::redeem(&*txn, Purpose::ConfirmEmail, token, now).await?;
    let user = live_user(&*txn, link.user_id).await?;
    users::Entity::update_many()
        .col_expr(users::Column::EmailConfirmedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user.id))
        .exec(&*txn)
        .await?;
    txn.commit().await?;
    Ok(user)
}

/// Sends a fresh confirmation link; the older ones stop working.
pub async fn resend_confirmation(state: &AppState, user: &users::Model) -> Result<()> {
    if user.email_confirmed_at.is_some() {
        return Err(Error::Conflict(
            "Your e-mail address is already confirmed.".into(),
        ));
    }
    let txn = state.begin_write().await?;
    welcome::confirmation(state, &*txn, user, state.clock.now()).await?;
    txn.commit().await?;
    Ok(())
}

/// Mails a reset link if the address belongs to an account. The answer is the same either
/// way, so the form does not tell which addresses have accounts.
pub async fn request_password_reset(state: &AppState, email: &str) -> Result<()> {
    let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(email.trim().to_lowercase()))
        .filter(users::Column::ErasedAt.is_null())
        .one(&state.db)
        .await?
    else {
        return Ok(());
    };
    let txn = state.begin_write().await?;
    welcome::password_reset(state, &*txn, &user, state.clock.now()).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets a new password through a reset link. It also proves the address, lifts a lock and
/// ends every session, so whoever knew the old password is logged out.
pub async fn reset_password(state: &AppState, token: &str, password: &str) -> Result<users::Model> {
    let now = state.clock.now();
    let txn = state.begin_write().await?;
    let link = links::redeem(&*txn, Purpose::ResetPassword, token, now).await?;
    let user = live_user(&*txn, link.user_id).await?;
    check_password(password, &user.email, &user.name)?;
    set_password(&*txn, &user, password, now).await?;
    log(
        &*txn,
        &format!("user:{}", user.id),
        "user.password_reset",
        &json!({"user": user.id}),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// An invited person chooses their name and password; a company invitation makes them a
/// representative of that company.
pub async fn accept_invitation(
    state: &AppState,
    token: &str,
    name: &str,
    password: &str,
) -> Result<users::Model> {
    let now = state.clock.now();
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(Error::invalid(
            "name",
            "enter a name of 1 to 200 characters",
        ));
    }
    let txn = state.begin_write().await?;
    let link = links::redeem(&*txn, Purpose::Invitation, token, now).await?;
    let user = live_user(&*txn, link.user_id).await?;
    check_password(password, &user.email, name)?;
    set_password(&*txn, &user, password, now).await?;
    users::Entity::update_many()
        .col_expr(users::Column::Name, Expr::value(name))
        .filter(users::Column::Id.eq(user.id))
        .exec(&*txn)
        .await?;
    if let Some(company_id) = link.company_id {
        join_company(&*txn, company_id, user.id, now).await?;
    }
    log(
        &*txn,
        &format!("user:{}", user.id),
        "user.accept_invitation",
        &json!({"user": user.id}),
        now,
    )
    .await?;
    let user = live_user(&*txn, user.id).await?;
    txn.commit().await?;
    Ok(user)
}

async fn set_password<C: ConnectionTrait>(
    conn: &C,
    user: &users::Model,
    password: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    users::Entity::update_many()
        .col_expr(
            users::Column::PasswordHash,
            Expr::value(hash_password(password).await?),
        )
        .col_expr(users::Column::FailedLogins, Expr::value(0))
        .col_expr(
            users::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            users::Column::EmailConfirmedAt,
            Expr::value(user.email_confirmed_at.unwrap_or(now)),
        )
        .filter(users::Column::Id.eq(user.id))
        .exec(conn)
        .await?;
    sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(now))
        .filter(sessions::Column::UserId.eq(user.id))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Adds a representative to a company unless they already belong to it.
pub(super) async fn join_company<C: ConnectionTrait>(
    conn: &C,
    company_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    let member = company_members::Entity::find()
        .filter(company_members::Column::CompanyId.eq(company_id))
        .filter(company_members::Column::UserId.eq(user_id))
        .one(conn)
        .await?;
    if member.is_some() {
        return Ok(false);
    }
    company_members::Entity::insert(company_members::ActiveModel {
        company_id: Set(company_id),
        user_id: Set(user_id),
        member_role: Set("member".into()),
        created_at: Set(now),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(true)
}

/// An account that has not been erased, or "not found".
pub(super) async fn live_user<C: ConnectionTrait>(conn: &C, id: i64) -> Result<users::Model> {
    users::Entity::find_by_id(id)
        .filter(users::Column::ErasedAt.is_null())
        .one(conn)
        .await?
        .ok_or(Error::NotFound)
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
        verify_password(password, &DUMMY_HASH).await;
        return Err(wrong());
    };
    if let Some(until) = user.locked_until.filter(|until| *until > now) {
        return Err(Error::TooManyAttempts {
            retry_after_secs: (until - now).num_seconds().max(1) as u64,
        });
    }
    if !verify_password(password, &user.password_hash).await {
        let failed = user.failed_logins + 1;
        let locked_until =
            (failed >= MAX_FAILED_LOGINS).then(|| now + Duration::minutes(LOCK_MINUTES));
        let txn = state.begin_write().await?;
        users::Entity::update_many()
            .col_expr(
                users::Column::FailedLogins,
                Expr::value(if locked_until.is_some() { 0 } else { failed }),
            )
            .col_expr(users::Column::LockedUntil, Expr::value(locked_until))
            .filter(users::Column::Id.eq(user.id))
            .exec(&*txn)
            .await?;
        if let Some(until) = locked_until {
            welcome::locked(state, &*txn, &user, until, now).await?;
        }
        txn.commit().await?;
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
    LazyLock::new(|| hash_password_now(&new_token()).unwrap_or_default());
