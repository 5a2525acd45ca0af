//! R10 through the API: staff bundle similar cases against one company; each consumer
//! consents or not.
use super::body;
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::services::bundles::{self, BundleView};
use crate::state::AppState;
use crate::web::api::case_steps::StepDone;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, Utc};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![create_bundle, bundle, answer_bundle]
}

#[derive(Deserialize, ToSchema)]
pub struct BundleInput {
    company_id: i64,
    title: String,
    /// References of the open cases against that company, at least two.
    cases: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MemberView {
    reference: String,
    proposed_at: DateTime<Utc>,
    consented_at: Option<DateTime<Utc>>,
    declined_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct BundleOut {
    id: i64,
    company_id: i64,
    title: String,
    cases: Vec<MemberView>,
}

impl From<BundleView> for BundleOut {
    fn from(v: BundleView) -> Self {
        BundleOut {
            id: v.bundle.id,
            company_id: v.bundle.company_id,
            title: v.bundle.title,
            cases: v
                .members
                .into_iter()
                .map(|(reference, m)| MemberView {
                    reference,
                    proposed_at: m.proposed_at,
                    consented_at: m.consented_at,
                    declined_at: m.declined_at,
                })
                .collect(),
        }
    }
}

/// Group similar open cases against one company (staff). Each consumer is asked to consent.
#[utoipa::path(post, path = "/api/v1/bundles", tag = "cases", request_body = BundleInput,
    responses((status = 201, body = BundleOut), (status = 403, description = "Not staff"),
              (status = 422, description = "Fewer than two cases, an unknown or ended case, or one against another company", body = crate::error::ErrorDetail)))]
#[post("/bundles", data = "<req>")]
pub async fn create_bundle(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<BundleInput>,
) -> ApiResult<(Status, Json<BundleOut>)> {
    let r = body(req)?;
    let references = r
        .cases
        .iter()
        .map(|c| {
            c.parse::<CaseReference>().map_err(|_| {
                AppError::invalid_field("cases", format!("{c} is not a case reference"))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let made = bundles::create(state, &who.caller(), r.company_id, &r.title, &references).await?;
    Ok((Status::Created, Json(made.into())))
}

/// A bundle with each case's consent (staff).
#[utoipa::path(get, path = "/api/v1/bundles/{id}", tag = "cases",
    params(("id" = i64, Path, description = "bundle id")),
    responses((status = 200, body = BundleOut), (status = 403, description = "Not staff"), (status = 404, description = "Unknown")))]
#[get("/bundles/<id>")]
pub async fn bundle(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
) -> ApiResult<Json<BundleOut>> {
    Ok(Json(bundles::view(state, &who.caller(), id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct ConsentInput {
    consent: bool,
}

/// The consumer agrees, or not, to their case being handled with similar ones (R10).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/bundle-consent", tag = "cases", request_body = ConsentInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the consumer"),
              (status = 404, description = "Unknown or not visible"), (status = 409, description = "No bundle awaits an answer")))]
#[post("/cases/<reference>/bundle-consent", data = "<req>")]
pub async fn answer_bundle(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<ConsentInput>,
) -> ApiResult<Json<StepDone>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let consent = body(req)?.consent;
    let done = bundles::answer(state, &who.caller(), &reference, consent).await?;
    Ok(Json(StepDone::of(&done.case)))
}
