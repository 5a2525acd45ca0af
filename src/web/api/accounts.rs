//! Accounts and sessions: register a consumer, log in for a bearer token, log out, who am I.
use super::body;
use crate::error::{ApiResult, AppError};
use crate::services::{accounts, gdpr};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::limits::{LoginAllowed, RegistrationAllowed, ResetAllowed};
use chrono::{DateTime, Utc};
use entity::users;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, delete, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        register,
        login,
        logout,
        me,
        export,
        confirm_email,
        resend_confirmation,
        request_password_reset,
        reset_password,
        accept_invitation,
        request_erasure
    ]
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
    /// Whether the e-mail address has been confirmed through the link sent to it.
    email_confirmed: bool,
    /// Set when the person asked for erasure and an open case still holds it back.
    erasure_requested_at: Option<DateTime<Utc>>,
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
            email_confirmed: user.email_confirmed_at.is_some(),
            erasure_requested_at: user.erasure_requested_at,
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
    req: super::Body<Registration>,
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
    req: super::Body<Credentials>,
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

/// A file for download, with the name it should be saved under.
#[derive(rocket::Responder)]
pub struct Download(
    Vec<u8>,
    rocket::http::ContentType,
    rocket::http::Header<'static>,
);

/// Download my data (GDPR art 15 and 20): a zip with `data.json` (account, companies, cases,
/// messages, sessions, tokens) and `attachments/` (the files I uploaded).
#[utoipa::path(get, path = "/api/v1/me/export", tag = "accounts",
    responses((status = 200, description = "A zip of the caller's data", content_type = "application/zip"),
              (status = 401, description = "Not logged in")))]
#[get("/me/export")]
pub async fn export(state: &State<AppState>, who: CurrentUser) -> ApiResult<Download> {
    let zip = gdpr::export_zip(state, &who.user).await?;
    let disposition = format!("attachment; filename=\"redress-data-{}.zip\"", who.user.id);
    Ok(Download(
        zip,
        rocket::http::ContentType::ZIP,
        rocket::http::Header::new("Content-Disposition", disposition),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct LinkToken {
    /// The token from the link in the e-mail.
    token: String,
}

/// Confirm an e-mail address with the token from the confirmation link.
#[utoipa::path(post, path = "/api/v1/accounts/confirmation", tag = "accounts", request_body = LinkToken,
    responses((status = 204, description = "Confirmed"),
              (status = 422, description = "The link is used, expired or incomplete", body = crate::error::ErrorDetail)))]
#[post("/accounts/confirmation", data = "<req>")]
pub async fn confirm_email(
    state: &State<AppState>,
    req: super::Body<LinkToken>,
) -> ApiResult<Status> {
    accounts::confirm_email(state, &body(req)?.token).await?;
    Ok(Status::NoContent)
}

/// Send the confirmation link again (older links stop working).
#[utoipa::path(post, path = "/api/v1/me/confirmation", tag = "accounts",
    responses((status = 202, description = "A new link is on its way"),
              (status = 401, description = "Not logged in"), (status = 409, description = "Already confirmed")))]
#[post("/me/confirmation")]
pub async fn resend_confirmation(state: &State<AppState>, who: CurrentUser) -> ApiResult<Status> {
    accounts::resend_confirmation(state, &who.user).await?;
    Ok(Status::Accepted)
}

#[derive(Deserialize, ToSchema)]
pub struct ResetRequest {
    email: String,
}

/// Ask for a password reset link. The answer is the same whether or not the address has an
/// account.
#[utoipa::path(post, path = "/api/v1/password-resets", tag = "accounts", request_body = ResetRequest,
    responses((status = 202, description = "If the address has an account, a link is on its way"),
              (status = 429, description = "Too many requests from this address; see Retry-After")))]
#[post("/password-resets", data = "<req>")]
pub async fn request_password_reset(
    state: &State<AppState>,
    allowed: Result<ResetAllowed, AppError>,
    req: super::Body<ResetRequest>,
) -> ApiResult<Status> {
    allowed?;
    accounts::request_password_reset(state, &body(req)?.email).await?;
    Ok(Status::Accepted)
}

#[derive(Deserialize, ToSchema)]
pub struct NewPassword {
    /// The token from the reset link.
    token: String,
    /// At least 12 characters, not easy to guess.
    password: String,
}

/// Choose a new password with a reset link's token. Every session of the account ends.
#[utoipa::path(post, path = "/api/v1/password-resets/confirm", tag = "accounts", request_body = NewPassword,
    responses((status = 204, description = "Password changed; log in again"),
              (status = 422, description = "The link is used or expired, or the password is too weak", body = crate::error::ErrorDetail)))]
#[post("/password-resets/confirm", data = "<req>")]
pub async fn reset_password(
    state: &State<AppState>,
    req: super::Body<NewPassword>,
) -> ApiResult<Status> {
    let r = body(req)?;
    accounts::reset_password(state, &r.token, &r.password).await?;
    Ok(Status::NoContent)
}

#[derive(Deserialize, ToSchema)]
pub struct InvitationAnswer {
    /// The token from the invitation link.
    token: String,
    name: String,
    password: String,
}

/// Accept an invitation: choose a name and password; the account is ready to log in.
#[utoipa::path(post, path = "/api/v1/invitations/accept", tag = "accounts", request_body = InvitationAnswer,
    responses((status = 200, body = Account),
              (status = 422, description = "The link is used or expired, or a field is invalid", body = crate::error::ErrorDetail)))]
#[post("/invitations/accept", data = "<req>")]
pub async fn accept_invitation(
    state: &State<AppState>,
    req: super::Body<InvitationAnswer>,
) -> ApiResult<Json<Account>> {
    let r = body(req)?;
    let user = accounts::accept_invitation(state, &r.token, &r.name, &r.password).await?;
    let companies = companies_of(state, user.id).await?;
    Ok(Json(Account::of(user, companies)))
}

#[derive(Serialize, ToSchema)]
pub struct ErasureAnswer {
    /// True when the data is erased now; false when open cases hold it back until they end.
    erased: bool,
    /// References of the caller's cases that are still open.
    open_cases: Vec<String>,
}

/// Ask for erasure of my personal data (GDPR art 17). Without open cases the account is
/// erased at once and the login ends; otherwise erasure follows when the last case ends.
#[utoipa::path(post, path = "/api/v1/me/erasure", tag = "accounts",
    responses((status = 202, body = ErasureAnswer), (status = 401, description = "Not logged in")))]
#[post("/me/erasure")]
pub async fn request_erasure(
    state: &State<AppState>,
    who: CurrentUser,
) -> ApiResult<(Status, Json<ErasureAnswer>)> {
    let done = gdpr::request_erasure(state, &who.user).await?;
    Ok((
        Status::Accepted,
        Json(ErasureAnswer {
            erased: done.done,
            open_cases: done.open_cases,
        }),
    ))
}
