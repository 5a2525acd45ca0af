//! Company API tokens: create (shown once), list by prefix, revoke.
use super::body;
use crate::error::ApiResult;
use crate::services::tokens;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, Utc};
use entity::api_tokens;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, delete, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![create_token, list_tokens, revoke_token]
}

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    /// What the token is for, e.g. "CRM integration".
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenInfo {
    id: i64,
    name: String,
    /// The first characters of the token, to recognise it.
    prefix: String,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    /// Send as `Authorization: Bearer <token>`. Shown this once only.
    token: String,
    #[serde(flatten)]
    info: TokenInfo,
}

impl From<api_tokens::Model> for TokenInfo {
    fn from(t: api_tokens::Model) -> Self {
        TokenInfo {
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

/// Create an API token for the company's own systems.
#[utoipa::path(post, path = "/api/v1/companies/{id}/tokens", tag = "companies", request_body = TokenRequest,
    params(("id" = i64, Path, description = "company id")),
    responses((status = 201, body = CreatedToken), (status = 403, description = "Staff: no rule lets them manage a company's tokens"), (status = 404, description = "Not a representative of this company")))]
#[post("/companies/<id>/tokens", data = "<req>")]
pub async fn create_token(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    req: super::Body<TokenRequest>,
) -> ApiResult<(Status, Json<CreatedToken>)> {
    let r = body(req)?;
    let made = tokens::create(state, &who.caller(), id, &r.name).await?;
    Ok((
        Status::Created,
        Json(CreatedToken {
            token: made.token,
            info: made.row.into(),
        }),
    ))
}

/// The company's API tokens, newest first, without the secrets.
#[utoipa::path(get, path = "/api/v1/companies/{id}/tokens", tag = "companies",
    params(("id" = i64, Path, description = "company id")),
    responses((status = 200, body = Vec<TokenInfo>), (status = 403, description = "Staff: no rule lets them manage a company's tokens"), (status = 404, description = "Not a representative of this company")))]
#[get("/companies/<id>/tokens")]
pub async fn list_tokens(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
) -> ApiResult<Json<Vec<TokenInfo>>> {
    let rows = tokens::list(state, &who.caller(), id).await?;
    Ok(Json(rows.into_iter().map(TokenInfo::from).collect()))
}

/// Revoke a token: it stops working at once.
#[utoipa::path(delete, path = "/api/v1/companies/{id}/tokens/{token_id}", tag = "companies",
    params(("id" = i64, Path, description = "company id"), ("token_id" = i64, Path, description = "token id")),
    responses((status = 204, description = "Revoked"), (status = 403, description = "Staff: no rule lets them manage a company's tokens"), (status = 404, description = "No such live token of this company")))]
#[delete("/companies/<id>/tokens/<token_id>")]
pub async fn revoke_token(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    token_id: i64,
) -> ApiResult<Status> {
    tokens::revoke(state, &who.caller(), id, token_id).await?;
    Ok(Status::NoContent)
}
