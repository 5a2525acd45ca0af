//! The account mails: each issues its one-time link (where it has one) and queues the message
//! on the caller's transaction, so the mail exists exactly when the step it reports does.
use super::links::{self, Purpose};
use super::{Error, Result};
use crate::mail::{self, Mail};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use entity::{companies, users};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::{Value, json};

async fn send<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    kind: &str,
    user: &users::Model,
    data: Value,
    now: DateTime<Utc>,
) -> Result<()> {
    let mail = Mail {
        kind,
        to: &user.email,
        language: &user.language,
        user_id: Some(user.id),
        case_id: None,
        reply_to: None,
        data,
        attachment: None,
        party_side: None,
    };
    mail::enqueue(conn, state, mail, now)
        .await
        .map_err(|e| Error::Internal(e.into()))
}

async fn link<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    purpose: Purpose,
    user: &users::Model,
    company_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<String> {
    let token = links::issue(conn, purpose, user.id, company_id, now).await?;
    Ok(state
        .config
        .link(&format!("{}?token={token}", purpose.path())))
}

fn base(state: &AppState, user: &users::Model) -> Value {
    json!({
        "name": user.name,
        "entity": state.policies.entity.name,
        "portal": state.config.link("/"),
    })
}

fn with(mut data: Value, extra: Value) -> Value {
    if let (Some(data), Value::Object(extra)) = (data.as_object_mut(), extra) {
        data.extend(extra);
    }
    data
}

/// A self-registered consumer confirms the address they gave.
pub async fn confirmation<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user: &users::Model,
    now: DateTime<Utc>,
) -> Result<()> {
    links::void(conn, Purpose::ConfirmEmail, user.id, now).await?;
    let url = link(state, conn, Purpose::ConfirmEmail, user, None, now).await?;
    let data = with(base(state, user), json!({ "link": url }));
    send(state, conn, "confirm_email", user, data, now).await
}

/// Someone made an account for this person (staff, or a case naming them): they choose a
/// password through the link. A company invitation names the company.
pub async fn invitation<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user: &users::Model,
    company_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let company = company_name(conn, company_id).await?;
    let url = link(state, conn, Purpose::Invitation, user, company_id, now).await?;
    let data = with(
        base(state, user),
        json!({ "link": url, "role": user.role, "company": company }),
    );
    send(state, conn, "invitation", user, data, now).await
}

/// An existing representative now also acts for another company.
pub async fn membership<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user: &users::Model,
    company_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let company = company_name(conn, Some(company_id)).await?;
    let data = with(base(state, user), json!({ "company": company }));
    send(state, conn, "membership", user, data, now).await
}

/// A link to choose a new password; older reset links stop working.
pub async fn password_reset<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user: &users::Model,
    now: DateTime<Utc>,
) -> Result<()> {
    links::void(conn, Purpose::ResetPassword, user.id, now).await?;
    let url = link(state, conn, Purpose::ResetPassword, user, None, now).await?;
    let data = with(base(state, user), json!({ "link": url }));
    send(state, conn, "password_reset", user, data, now).await
}

/// Repeated wrong passwords locked the account: the owner hears of it, with a way back in.
pub async fn locked<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user: &users::Model,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let data = with(
        base(state, user),
        json!({
            "until": crate::clock::format_utc(until),
            "reset": state.config.link("/password/forgot"),
        }),
    );
    send(state, conn, "account_locked", user, data, now).await
}

/// The erasure the person asked for is done, or waits for their open cases to end.
pub async fn erasure<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    user: &users::Model,
    open_cases: &[String],
    now: DateTime<Utc>,
) -> Result<()> {
    let data = with(base(state, user), json!({ "open_cases": open_cases }));
    send(state, conn, "erasure_requested", user, data, now).await
}

async fn company_name<C: ConnectionTrait>(conn: &C, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    Ok(companies::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(|c| c.name))
}
