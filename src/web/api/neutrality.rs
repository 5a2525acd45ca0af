//! R12 through the API: a neutral discloses a circumstance before declaring and the parties
//! say whether they object; a neutral keeps a list of the parties they must never be assigned
//! against.
use super::body;
use super::mediation::{Reference, run};
use crate::domain::dossier::Command;
use crate::error::{ApiResult, AppError};
use crate::services::conflicts::{self, Conflict, Counterpart};
use crate::state::AppState;
use crate::web::api::case_steps::StepDone;
use crate::web::auth::CurrentUser;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::Deserialize;
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        disclose,
        answer_disclosure,
        list_conflicts,
        declare_conflict
    ]
}

#[derive(Deserialize, ToSchema)]
pub struct DisclosureInput {
    /// What might make the parties doubt the neutral's independence or impartiality.
    circumstances: String,
}

/// The assigned neutral discloses a circumstance instead of declaring outright (R12). Under
/// `on_disclosure = "ask_parties"` the parties may object until the objection deadline; under
/// `"reassign"` the neutral steps down at once.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/disclosure", tag = "mediation", request_body = DisclosureInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the assigned neutral"),
              (status = 409, description = "Already declared, or a disclosure awaits the parties"),
              (status = 422, description = "Circumstances missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/disclosure", data = "<req>")]
pub async fn disclose(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<DisclosureInput>,
) -> ApiResult<Json<StepDone>> {
    let circumstances = body(req)?.circumstances;
    run(state, &who, reference, Command::Disclose { circumstances }).await
}

#[derive(Deserialize, ToSchema)]
pub struct DisclosureAnswer {
    /// true: I object to this neutral; the case then goes to another.
    object: bool,
    /// Required when objecting.
    #[serde(default)]
    reason: String,
}

/// A party says whether they object to the circumstance the neutral disclosed (R12). One
/// objection sends the case back for another neutral; two "no objection" answers let the
/// neutral go on.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/disclosure/answer", tag = "mediation", request_body = DisclosureAnswer,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "Nothing disclosed, or this side answered already"),
              (status = 422, description = "Reason missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/disclosure/answer", data = "<req>")]
pub async fn answer_disclosure(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<DisclosureAnswer>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let command = Command::AnswerDisclosure {
        object: r.object,
        reason: r.reason,
    };
    run(state, &who, reference, command).await
}

/// The conflicts the signed-in neutral declared (R12).
#[utoipa::path(get, path = "/api/v1/me/conflicts", tag = "people",
    responses((status = 200, body = Vec<Conflict>), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not a neutral")))]
#[get("/me/conflicts")]
pub async fn list_conflicts(
    state: &State<AppState>,
    who: CurrentUser,
) -> ApiResult<Json<Vec<Conflict>>> {
    Ok(Json(conflicts::list(state, &who.caller()).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct ConflictInput {
    /// A registered company; or give `consumer_email`.
    company_id: Option<i64>,
    /// A consumer, by the e-mail address they would file with.
    consumer_email: Option<String>,
    /// Why, e.g. "former employer", "my brother-in-law".
    reason: String,
}

/// A neutral declares a company or a consumer they must never be assigned against (R12).
#[utoipa::path(post, path = "/api/v1/me/conflicts", tag = "people", request_body = ConflictInput,
    responses((status = 201, body = Conflict), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not a neutral"),
              (status = 422, description = "Neither or both of company and consumer, or no reason", body = crate::error::ErrorDetail)))]
#[post("/me/conflicts", data = "<req>")]
pub async fn declare_conflict(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<ConflictInput>,
) -> ApiResult<(Status, Json<Conflict>)> {
    let r = body(req)?;
    let with = match (r.company_id, r.consumer_email) {
        (Some(id), None) => Counterpart::Company(id),
        (None, Some(email)) => Counterpart::Consumer(email),
        _ => {
            return Err(AppError::invalid_field(
                "company_id",
                "name either a company (company_id) or a consumer (consumer_email)",
            ));
        }
    };
    let conflict = conflicts::declare(state, &who.caller(), with, &r.reason).await?;
    Ok((Status::Created, Json(conflict)))
}
