//! Steps on a case through the API, each one command of the dossier state machine: the
//! consumer completes the file (R6), staff review completeness and decide admissibility
//! (R7, R8), the company says whether it takes part (R9). The answer is the case's new status.
use super::body;
use crate::domain::dossier::{Command, PriorComplaintFacts, SuppliedInformation};
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::policy::procedure::RefusalGround;
use crate::services::dossier::execute;
use crate::state::AppState;
use crate::web::api::intake::PriorComplaintInput;
use crate::web::auth::CurrentUser;
use rocket::serde::json::Json;
use rocket::{Route, State, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        supply_information,
        review_completeness,
        decide_admissibility,
        answer_participation
    ]
}

#[derive(Serialize, ToSchema)]
pub struct StepDone {
    reference: String,
    status: String,
    /// The dossier version after the step.
    version: i64,
}

impl StepDone {
    pub fn of(case: &entity::cases::Model) -> Self {
        StepDone {
            reference: case.reference.clone(),
            status: case.status.clone(),
            version: case.version,
        }
    }
}

async fn step(
    state: &AppState,
    who: &CurrentUser,
    reference: Result<CaseReference, BadReference>,
    command: Command,
) -> ApiResult<Json<StepDone>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let done = execute(state, &reference, &who.caller(), command).await?;
    Ok(Json(StepDone::of(&done.case)))
}

#[derive(Deserialize, ToSchema)]
pub struct InformationInput {
    prior_complaint: Option<PriorComplaintInput>,
    /// Anything else that was asked for.
    #[serde(default)]
    note: String,
}

/// The consumer adds what an incomplete file lacks (R6).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/information", tag = "cases", request_body = InformationInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not the consumer"), (status = 404, description = "Unknown or not visible"),
              (status = 409, description = "The case is not incomplete"),
              (status = 422, description = "Invalid fields", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/information", data = "<req>")]
pub async fn supply_information(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<InformationInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let info = SuppliedInformation {
        prior_complaint: r.prior_complaint.map(|p| PriorComplaintFacts {
            on: p.on,
            channel: p.channel,
            reference: p.reference.filter(|s| !s.trim().is_empty()),
        }),
        note: r.note,
    };
    step(state, &who, reference, Command::SupplyInformation(info)).await
}

#[derive(Deserialize, ToSchema)]
pub struct CompletenessInput {
    /// What the consumer still has to supply; empty when the file is complete.
    #[serde(default)]
    missing: Vec<String>,
}

/// Staff confirm the file complete (the legal clocks start) or list what is missing (R6).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/completeness", tag = "cases", request_body = CompletenessInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not staff"),
              (status = 404, description = "Unknown or not visible"), (status = 409, description = "Not awaiting review")))]
#[post("/cases/<reference>/completeness", data = "<req>")]
pub async fn review_completeness(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<CompletenessInput>,
) -> ApiResult<Json<StepDone>> {
    let missing = body(req)?
        .missing
        .into_iter()
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty())
        .collect();
    step(
        state,
        &who,
        reference,
        Command::ReviewCompleteness { missing },
    )
    .await
}

#[derive(Deserialize, ToSchema)]
pub struct AdmissibilityInput {
    /// accept or refuse
    decision: String,
    /// For a refusal: one of the procedure's grounds (ADR Directive art 5(4)).
    ground: Option<String>,
    /// For a refusal: the reasons, told to both parties (R8).
    #[serde(default)]
    reasons: String,
}

/// Staff accept the case, or refuse it on a ground of the procedure with written reasons
/// (R7, R8). Both parties are told.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/admissibility", tag = "cases", request_body = AdmissibilityInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not staff"),
              (status = 404, description = "Unknown or not visible"), (status = 409, description = "The file is not complete"),
              (status = 422, description = "Unknown decision or ground, or no reasons", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/admissibility", data = "<req>")]
pub async fn decide_admissibility(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<AdmissibilityInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let command = match r.decision.as_str() {
        "accept" => Command::AcceptCase,
        "refuse" => {
            let ground = r
                .ground
                .as_deref()
                .and_then(|g| {
                    serde_json::from_value::<RefusalGround>(serde_json::Value::String(g.into()))
                        .ok()
                })
                .ok_or_else(|| {
                    AppError::invalid_field(
                        "ground",
                        "choose a refusal ground of the procedure, such as no_prior_complaint",
                    )
                })?;
            Command::RefuseCase {
                ground,
                reasons: r.reasons,
            }
        }
        _ => {
            return Err(AppError::invalid_field(
                "decision",
                "choose accept or refuse",
            ));
        }
    };
    step(state, &who, reference, command).await
}

#[derive(Deserialize, ToSchema)]
pub struct ParticipationInput {
    takes_part: bool,
    /// Required when not taking part; told to the consumer.
    #[serde(default)]
    reasons: String,
}

/// The company says whether it takes part (R9). Silence past the deadline lapses the case.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/participation", tag = "cases", request_body = ParticipationInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the company's representative"),
              (status = 404, description = "Unknown or not visible"), (status = 409, description = "Already answered, or the case is not accepted"),
              (status = 422, description = "Reasons missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/participation", data = "<req>")]
pub async fn answer_participation(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<ParticipationInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let command = Command::AnswerParticipation {
        takes_part: r.takes_part,
        reasons: r.reasons,
    };
    step(state, &who, reference, command).await
}
