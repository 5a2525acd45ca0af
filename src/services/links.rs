//! One-time links sent by e-mail: confirm an address, reset a password, accept an invitation.
//! The link carries a random token; only its SHA-256 is stored, and redeeming it marks it used
//! with a conditional update, so a link works once even when clicked twice at the same moment.
use super::{Error, Result};
use crate::audit::sha256_hex;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use entity::account_links;
use rand::RngCore;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ConfirmEmail,
    ResetPassword,
    Invitation,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::ConfirmEmail => "confirm_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::Invitation => "invitation",
        }
    }

    /// How long a link stays good: a reset link is a key to the account, so it is short-lived.
    fn valid_for(self) -> Duration {
        match self {
            Purpose::ConfirmEmail => Duration::days(3),
            Purpose::ResetPassword => Duration::hours(1),
            Purpose::Invitation => Duration::days(14),
        }
    }

    /// The page the link opens.
    pub fn path(self) -> &'static str {
        match self {
            Purpose::ConfirmEmail => "/account/confirm",
            Purpose::ResetPassword => "/password/reset",
            Purpose::Invitation => "/invitation",
        }
    }
}

/// Makes a link for `user_id` and returns its token (shown once, in the e-mail).
pub async fn issue<C: ConnectionTrait>(
    conn: &C,
    purpose: Purpose,
    user_id: i64,
    company_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<String> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    account_links::Entity::insert(account_links::ActiveModel {
        id: NotSet,
        token_hash: Set(sha256_hex(token.as_bytes())),
        purpose: Set(purpose.as_str().into()),
        user_id: Set(user_id),
        company_id: Set(company_id),
        created_at: Set(now),
        expires_at: Set(now + purpose.valid_for()),
        used_at: Set(None),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(token)
}

/// Uses up a link: the link, if it exists for this purpose, is unused and has not expired.
pub async fn redeem<C: ConnectionTrait>(
    conn: &C,
    purpose: Purpose,
    token: &str,
    now: DateTime<Utc>,
) -> Result<account_links::Model> {
    let invalid = || {
        Error::invalid(
            "token",
            "this link is not valid: it was already used, has expired, or was copied incompletely",
        )
    };
    let link = account_links::Entity::find()
        .filter(account_links::Column::TokenHash.eq(sha256_hex(token.trim().as_bytes())))
        .filter(account_links::Column::Purpose.eq(purpose.as_str()))
        .one(conn)
        .await?
        .ok_or_else(invalid)?;
    if link.used_at.is_some() || link.expires_at <= now {
        return Err(invalid());
    }
    let used = account_links::Entity::update_many()
        .col_expr(account_links::Column::UsedAt, Expr::value(now))
        .filter(account_links::Column::Id.eq(link.id))
        .filter(account_links::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    if used.rows_affected != 1 {
        return Err(invalid());
    }
    Ok(link)
}

/// Ends every unused link of `purpose` for a user (a new reset link voids older ones).
pub async fn void<C: ConnectionTrait>(
    conn: &C,
    purpose: Purpose,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    account_links::Entity::update_many()
        .col_expr(account_links::Column::UsedAt, Expr::value(now))
        .filter(account_links::Column::UserId.eq(user_id))
        .filter(account_links::Column::Purpose.eq(purpose.as_str()))
        .filter(account_links::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}
