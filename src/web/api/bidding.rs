//! Double-blind bidding and compliance after a settlement, through the API. Each party names
//! a confidential limit; overlapping limits agree at the midpoint and nobody ever sees the
//! other side's figure. After a settlement the consumer says whether the company did what it
//! agreed; a "no" reopens the case.
use super::body;
use super::mediation::{Reference, run};
use crate::domain::dossier::Command;
use crate::error::ApiResult;
use crate::services::sealed_limit;
use crate::state::AppState;
use crate::web::api::case_steps::StepDone;
use crate::web::auth::CurrentUser;
use rocket::serde::json::Json;
use rocket::{Route, State, post, routes};
use serde::Deserialize;
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        consent_to_blind_bidding,
        submit_blind_limit,
        report_compliance
    ]
}

#[derive(Deserialize, ToSchema)]
pub struct BlindConsent {
    /// R16: a match binds like an acceptance; read `GET /api/v1/consent-notices` first.
    #[serde(default)]
    notices_acknowledged: bool,
}

/// A party agrees to settle by double-blind bidding; bidding opens when both have agreed.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/blind-bidding/consent", tag = "mediation", request_body = BlindConsent,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "Not negotiating, not offered by the procedure, agreed already or tried too often"),
              (status = 422, description = "Notices not acknowledged", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/blind-bidding/consent", data = "<req>")]
pub async fn consent_to_blind_bidding(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<BlindConsent>,
) -> ApiResult<Json<StepDone>> {
    let notices_acknowledged = body(req)?.notices_acknowledged;
    let command = Command::ConsentToBlindBidding {
        notices_acknowledged,
    };
    run(state, &who, reference, command).await
}

#[derive(Deserialize, ToSchema)]
pub struct BlindLimit {
    /// The consumer: the least they accept. The company: the most it pays. In cents.
    amount_cents: i64,
}

/// A party's confidential limit. When both are in, limits within the procedure's margin agree
/// at the midpoint (the reflection period then runs); otherwise nothing is revealed.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/blind-bidding/limit", tag = "mediation", request_body = BlindLimit,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "Bidding not open, or this side's limit is in"),
              (status = 422, description = "Amount out of range", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/blind-bidding/limit", data = "<req>")]
pub async fn submit_blind_limit(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<BlindLimit>,
) -> ApiResult<Json<StepDone>> {
    let amount_cents = body(req)?.amount_cents;
    run(state, &who, reference, sealed_limit(amount_cents)).await
}

#[derive(Deserialize, ToSchema)]
pub struct ComplianceInput {
    /// Did the company do what it agreed in the settlement?
    complied: bool,
    /// Required for a "no": what is missing.
    #[serde(default)]
    comment: String,
}

/// After a settlement the consumer says whether the company complied. A "yes" may come at any
/// time; a "no" once the performance deadline has passed, and it reopens the case to the
/// neutral (or escalates it, per the procedure) and counts against the company.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/compliance", tag = "mediation", request_body = ComplianceInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the consumer"),
              (status = 409, description = "Not settled, answered already, or the company's time is not up"),
              (status = 422, description = "No comment with a no", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/compliance", data = "<req>")]
pub async fn report_compliance(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ComplianceInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let command = Command::ReportCompliance {
        complied: r.complied,
        comment: r.comment,
    };
    run(state, &who, reference, command).await
}
