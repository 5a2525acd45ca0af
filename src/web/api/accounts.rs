//! Accounts and sessions: register a consumer, log in for a bearer token, log out, who am I.
use super::body;
use crate::error::{ApiResult, AppError};
use crate::services::accounts;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::limits::{LoginAllowed, RegistrationAllowed};
use chrono::{DateTime, Utc};
use entity::users;
use rocket::http::Status;
use rocket::serde::json::{Error as JsonError, Json};
use rocket::{Route, State, delete, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![register, login, logout, me, export]
}

#[derive(Deserialize, ToSchema)]
pub struct Registration {
    email: String,
    /// At least 12 characters.
    password: String,
    name: String,
    /// en, nl, fr or de
    language: String,
}

#[derive(Deserialize, ToSchema)]
pub struct Credentials {
    email: String,
    password: String,
}

#[derive(Serialize, ToSchema)]
pub struct Account {
    id: i64,
    email: String,
    name: String,
    language: String,
    /// consumer, company, neutral or staff
    role: String,
    companies: Vec<CompanyRef>,
}

#[derive(Serialize, ToSchema)]
pub struct CompanyRef {
    id: i64,
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionToken {
    /// Send as `Authorization: Bearer <token>`. Shown once.
    token: String,
    expires_at: DateTime<Utc>,
    user: Account,
}

impl Account {
    fn of(user: users::Model, companies: Vec<CompanyRef>) -> Self {
        Account {
            id: user.id,
            email: user.email,
            name: user.name,
            language: user.language,
            role: user.role,
            companies,
        }
    }
}

/// Register a consumer account.
#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = Registration,
    responses((status = 201, body = Account), (status = 409, description = "E-mail in use"),
              (status = 429, description = "Too many registrations from this address; see Retry-After"),
              (status = 422, description = "Invalid fields", body = crate::error::ErrorDetail)))]
#[post("/accounts", data = "<req>")]
pub async fn register(
    state: &State<AppState>,
    allowed: Result<RegistrationAllowed, AppError>,
    req: Result<Json<Registration>, JsonError<'_>>,
) -> ApiResult<(Status, Json<Account>)> {
    allowed?;
    let r = body(req)?;
    let user =
        accounts::register_consumer(state, &r.email, &r.password, &r.name, &r.language).await?;
    Ok((Status::Created, Json(Account::of(user, vec![]))))
}

/// Log in: a bearer token for scripts and apps.
#[utoipa::path(post, path = "/api/v1/session", tag = "accounts", request_body = Credentials,
    responses((status = 200, body = SessionToken), (status = 401, description = "Wrong e-mail or password"),
              (status = 429, description = "Account locked after repeated failures, or too many attempts from this address; see Retry-After")))]
#[post("/session", data = "<req>")]
pub async fn login(
    state: &State<AppState>,
    allowed: Result<LoginAllowed, AppError>,
    req: Result<Json<Credentials>, JsonError<'_>>,
) -> ApiResult<Json<SessionToken>> {
    allowed?;
    let c = body(req)?;
    let session = accounts::login(state, &c.email, &c.password, "bearer").await?;
    let companies = companies_of(state, session.user.id).await?;
    Ok(Json(SessionToken {
        token: session.token,
        expires_at: session.expires_at,
        user: Account::of(session.user, companies),
    }))
}

/// Log out: the token stops working.
#[utoipa::path(delete, path = "/api/v1/session", tag = "accounts",
    responses((status = 204, description = "Logged out"), (status = 401, description = "Not logged in")))]
#[delete("/session")]
pub async fn logout(state: &State<AppState>, who: CurrentUser) -> ApiResult<Status> {
    let Some(session_id) = who.session_id else {
        return Err(AppError::bad_request(
            "A company API token is not a login: revoke it under /api/v1/companies/{id}/tokens.",
        ));
    };
    accounts::logout(state, session_id).await?;
    Ok(Status::NoContent)
}

/// Who am I: account, role and companies.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = Account), (status = 401, description = "Not logged in")))]
#[get("/me")]
pub async fn me(state: &State<AppState>, who: CurrentUser) -> ApiResult<Json<Account>> {
    let companies = companies_of(state, who.user.id).await?;
    Ok(Json(Account::of(who.user, companies)))
}

/// The companies a user represents, as the API shows them.
async fn companies_of(state: &AppState, user_id: i64) -> Result<Vec<CompanyRef>, AppError> {
    let found = accounts::companies_of(state, user_id).await?;
    Ok(found
        .into_iter()
        .map(|c| CompanyRef {
            id: c.id,
            name: c.name,
        })
        .collect())
}

/// A JSON file for download: what Redress holds about the caller.
#[derive(rocket::Responder)]
#[response(content_type = "json")]
pub struct Download(String, rocket::http::Header<'static>);

/// Download my data (GDPR art 15 and 20): account, companies, cases filed, sessions, tokens.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "accounts",
    responses((status = 200, description = "A JSON file of the caller's data"), (status = 401, description = "Not logged in")))]
#[get("/me/export")]
pub async fn export(state: &State<AppState>, who: CurrentUser) -> ApiResult<Download> {
    let data = crate::services::gdpr::export(state, &who.user).await?;
    let text = serde_json::to_string_pretty(&data).map_err(|e| AppError::internal(&e.into()))?;
    let disposition = format!("attachment; filename=\"redress-data-{}.json\"", who.user.id);
    Ok(Download(
        text,
        rocket::http::Header::new("Content-Disposition", disposition),
    ))
}
