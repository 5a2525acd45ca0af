//! R31 through the API: the public, redacted list of published complaints, and staff's
//! moderation decision on a held one.
use super::body;
use crate::domain::dossier::Command;
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::services::dossier::execute;
use crate::services::publication;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, Utc};
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// R13: the entity's neutrals, procedures, fees, time limits, legal effect and average length.
#[utoipa::path(get, path = "/api/v1/about", tag = "public",
    responses((status = 200, body = crate::services::about::About)))]
#[get("/about")]
pub async fn about(state: &State<AppState>) -> ApiResult<Json<crate::services::about::About>> {
    Ok(Json(crate::services::about::about(state).await?))
}

pub fn routes() -> Vec<Route> {
    routes![public_cases, moderate, about]
}

#[derive(Serialize, ToSchema)]
pub struct PublicCaseView {
    reference: String,
    company_id: i64,
    company_name: String,
    status: String,
    desired_outcome: String,
    /// E-mail addresses, phone numbers and bank accounts are redacted.
    summary: String,
    filed_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct PublicCaseList {
    items: Vec<PublicCaseView>,
    next: Option<String>,
}

/// Published complaints, newest first, redacted; no consumer is named (R31).
#[utoipa::path(get, path = "/api/v1/public/cases", tag = "public",
    params(("after" = Option<String>, Query, description = "the `next` of the previous page"),
           ("limit" = Option<u64>, Query, description = "1 to 100, default 20")),
    responses((status = 200, body = PublicCaseList),
              (status = 422, description = "Bad paging", body = crate::error::ErrorDetail)))]
#[get("/public/cases?<after>&<limit>")]
pub async fn public_cases(
    state: &State<AppState>,
    after: Option<String>,
    limit: Option<u64>,
) -> ApiResult<Json<PublicCaseList>> {
    let after = match after {
        Some(a) => Some(a.parse::<i64>().map_err(|_| {
            AppError::invalid_field("after", "pass the `next` of the previous page")
        })?),
        None => None,
    };
    let (items, next) = publication::published(state, after, limit).await?;
    Ok(Json(PublicCaseList {
        items: items
            .into_iter()
            .map(|c| PublicCaseView {
                reference: c.reference,
                company_id: c.company_id,
                company_name: c.company_name,
                status: c.status,
                desired_outcome: c.desired_outcome,
                summary: c.summary,
                filed_at: c.filed_at,
            })
            .collect(),
        next: next.map(|n| n.to_string()),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ModerationInput {
    /// true publishes the case; false keeps it off the public list.
    publish: bool,
    /// Required when not publishing.
    #[serde(default)]
    reasons: String,
}

#[derive(Serialize, ToSchema)]
pub struct ModerationDone {
    reference: String,
    moderation: String,
}

/// Publish a held public case, or keep or take it off the public list (staff, R31).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/moderation", tag = "public", request_body = ModerationInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = ModerationDone), (status = 403, description = "Not staff"),
              (status = 404, description = "Unknown or not visible"),
              (status = 409, description = "Not a public case, or its publication was refused"),
              (status = 422, description = "Reasons missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/moderation", data = "<req>")]
pub async fn moderate(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<ModerationInput>,
) -> ApiResult<Json<ModerationDone>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let r = body(req)?;
    let command = Command::Moderate {
        publish: r.publish,
        reasons: r.reasons,
    };
    let done = execute(state, &reference, &who.caller(), command).await?;
    Ok(Json(ModerationDone {
        reference: done.case.reference,
        moderation: done.case.moderation,
    }))
}
