//! Mediation through the API (R11–R20): assignment, the neutral's declaration, rounds,
//! proposals and answers, withdrawal, revocation during reflection, extension and closing.
//! Each is one command of the dossier state machine; the answer is the case's new status.
use super::body;
use crate::domain::dossier::{CONSENT_NOTICES, Command, ProposalTerms, Remedy};
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::services::{assignment, closing, dossier::execute};
use crate::state::AppState;
use crate::web::api::case_steps::StepDone;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, Utc};
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        assign,
        declare,
        open_round,
        propose,
        accept_proposal,
        reject_proposal,
        withdraw,
        revoke_consent,
        extend,
        close,
        feedback,
        request_review,
        answer_review,
        change_round_deadline,
        ask_for_time,
        consent_notices
    ]
}

pub(super) type Reference = Result<CaseReference, BadReference>;

pub(super) async fn run(
    state: &AppState,
    who: &CurrentUser,
    reference: Reference,
    command: Command,
) -> ApiResult<Json<StepDone>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let done = execute(state, &reference, &who.caller(), command).await?;
    Ok(Json(StepDone::of(&done.case)))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignmentInput {
    /// Leave out to let Redress pick the best-fitting neutral (marked automated).
    neutral_id: Option<i64>,
}

/// Assign a neutral (staff); without `neutral_id`, the best fit by language, sector and caseload.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/assignment", tag = "mediation", request_body = AssignmentInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not staff"),
              (status = 404, description = "Unknown or not visible"),
              (status = 409, description = "Not awaiting a neutral, or nobody fits"),
              (status = 422, description = "No such neutral", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/assignment", data = "<req>")]
pub async fn assign(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<AssignmentInput>,
) -> ApiResult<Json<StepDone>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let neutral_id = body(req)?.neutral_id;
    let done = assignment::assign(state, &who.caller(), &reference, neutral_id).await?;
    Ok(Json(StepDone::of(&done.case)))
}

#[derive(Deserialize, ToSchema)]
pub struct DeclarationInput {
    /// true: I am independent and impartial in this case; false: I recuse myself.
    independent: bool,
    /// Required for a recusal.
    #[serde(default)]
    reasons: String,
}

/// The assigned neutral declares independence before seeing the dossier, or recuses (R12).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/declaration", tag = "mediation", request_body = DeclarationInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the assigned neutral"),
              (status = 404, description = "Unknown or not visible"), (status = 409, description = "Already declared"),
              (status = 422, description = "Reasons missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/declaration", data = "<req>")]
pub async fn declare(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<DeclarationInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let command = if r.independent {
        Command::DeclareIndependence
    } else {
        Command::Recuse { reasons: r.reasons }
    };
    run(state, &who, reference, command).await
}

#[derive(Deserialize, ToSchema)]
pub struct RoundInput {
    /// Within the procedure's bounds; default its round length in working days.
    deadline: Option<DateTime<Utc>>,
}

/// The neutral opens the next negotiation round.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/rounds", tag = "mediation", request_body = RoundInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the assigned neutral"),
              (status = 409, description = "Not declared, company not joined, or the round limit reached"),
              (status = 422, description = "Deadline outside the procedure's bounds", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/rounds", data = "<req>")]
pub async fn open_round(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<RoundInput>,
) -> ApiResult<Json<StepDone>> {
    let deadline = body(req)?.deadline;
    run(state, &who, reference, Command::OpenRound { deadline }).await
}

#[derive(Deserialize, ToSchema)]
pub struct ProposalInput {
    amount_cents: i64,
    currency: String,
    /// refund, repair, replacement, discount, apology, other
    #[serde(default)]
    remedies: Vec<String>,
    terms: String,
    /// Days the company has to perform once settled.
    performance_days: u32,
    /// The proposal this one counters.
    counter_to: Option<u32>,
    /// R16: a party confirms having read `GET /api/v1/consent-notices`.
    #[serde(default)]
    notices_acknowledged: bool,
}

/// Make a proposal in the current round: a party's offer or counter-offer, or the neutral's.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/proposals", tag = "mediation", request_body = ProposalInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Neither a party nor the neutral"),
              (status = 409, description = "No round is open"),
              (status = 422, description = "Invalid terms, or the notices not acknowledged", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/proposals", data = "<req>")]
pub async fn propose(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ProposalInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let remedies = r
        .remedies
        .iter()
        .map(|m| {
            Remedy::parse(m).ok_or_else(|| {
                AppError::invalid_field(
                    "remedies",
                    "choose from refund, repair, replacement, discount, apology, other",
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let terms = ProposalTerms {
        amount_cents: r.amount_cents,
        currency: r.currency.trim().to_uppercase(),
        remedies,
        terms: r.terms,
        performance_days: r.performance_days,
        counter_to: r.counter_to,
        notices_acknowledged: r.notices_acknowledged,
    };
    run(state, &who, reference, Command::Propose(terms)).await
}

#[derive(Deserialize, ToSchema)]
pub struct AcceptInput {
    /// R16: required, after reading `GET /api/v1/consent-notices`.
    #[serde(default)]
    notices_acknowledged: bool,
}

/// Accept the standing proposal (R16: the notices must be acknowledged). When both sides
/// accept the same proposal the case is agreed and the reflection period starts (R17).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/proposals/{number}/accept", tag = "mediation", request_body = AcceptInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123"), ("number" = u32, Path, description = "proposal number")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "Not the standing proposal, or accepted already"),
              (status = 422, description = "Notices not acknowledged", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/proposals/<number>/accept", data = "<req>")]
pub async fn accept_proposal(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    number: u32,
    req: super::Body<AcceptInput>,
) -> ApiResult<Json<StepDone>> {
    let notices_acknowledged = body(req)?.notices_acknowledged;
    let command = Command::AcceptProposal {
        number,
        notices_acknowledged,
    };
    run(state, &who, reference, command).await
}

#[derive(Deserialize, ToSchema)]
pub struct ReasonInput {
    #[serde(default)]
    reason: String,
}

/// Reject the standing proposal, with a reason.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/proposals/{number}/reject", tag = "mediation", request_body = ReasonInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123"), ("number" = u32, Path, description = "proposal number")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "Not the standing proposal"), (status = 422, description = "Reason missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/proposals/<number>/reject", data = "<req>")]
pub async fn reject_proposal(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    number: u32,
    req: super::Body<ReasonInput>,
) -> ApiResult<Json<StepDone>> {
    let reason = body(req)?.reason;
    run(
        state,
        &who,
        reference,
        Command::RejectProposal { number, reason },
    )
    .await
}

/// Withdraw from the procedure (R15): either party at any open stage, unless the procedure
/// makes the trader's participation mandatory.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/withdrawal", tag = "mediation", request_body = ReasonInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party, or a trader bound to take part"),
              (status = 409, description = "The case has ended"), (status = 422, description = "Reason missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/withdrawal", data = "<req>")]
pub async fn withdraw(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ReasonInput>,
) -> ApiResult<Json<StepDone>> {
    let reason = body(req)?.reason;
    run(state, &who, reference, Command::Withdraw { reason }).await
}

/// Revoke consent during the reflection period (R17).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/revocation", tag = "mediation", request_body = ReasonInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "Not in the reflection period")))]
#[post("/cases/<reference>/revocation", data = "<req>")]
pub async fn revoke_consent(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ReasonInput>,
) -> ApiResult<Json<StepDone>> {
    let reason = body(req)?.reason;
    run(state, &who, reference, Command::RevokeConsent { reason }).await
}

#[derive(Deserialize, ToSchema)]
pub struct ExtensionInput {
    until: DateTime<Utc>,
    reasons: String,
}

/// Extend the 90-day outcome deadline once, for a complex dispute (R19).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/extension", tag = "mediation", request_body = ExtensionInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the assigned neutral"),
              (status = 409, description = "Extended already, or the case has ended"),
              (status = 422, description = "Date outside the procedure's limit, or no reasons", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/extension", data = "<req>")]
pub async fn extend(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ExtensionInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let command = Command::ExtendOutcome {
        until: r.until,
        reasons: r.reasons,
    };
    run(state, &who, reference, command).await
}

#[derive(Deserialize, ToSchema)]
pub struct ClosingInput {
    /// not_settled ends a running mediation first; otherwise the case's own outcome.
    outcome: String,
    reasons: String,
}

/// Close the case with its outcome and written grounds (R20). `not_settled` ends a running
/// mediation without agreement first.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/closing", tag = "mediation", request_body = ClosingInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the neutral or staff"),
              (status = 409, description = "The outcome does not match the case's state"),
              (status = 422, description = "Reasons missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/closing", data = "<req>")]
pub async fn close(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ClosingInput>,
) -> ApiResult<Json<StepDone>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let r = body(req)?;
    let done = closing::close(state, &who.caller(), &reference, &r.outcome, &r.reasons).await?;
    Ok(Json(StepDone::of(&done.case)))
}

#[derive(Deserialize, ToSchema)]
pub struct FeedbackInput {
    /// Did the procedure resolve the complaint?
    resolved: bool,
    /// 1 (poor) to 5 (excellent)
    rating: u8,
    #[serde(default)]
    comment: String,
}

/// The consumer says whether the case resolved the complaint, once it has an outcome (R20).
#[utoipa::path(post, path = "/api/v1/cases/{reference}/feedback", tag = "mediation", request_body = FeedbackInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the consumer"),
              (status = 409, description = "The case is still open, or feedback was given"),
              (status = 422, description = "Rating outside 1 to 5", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/feedback", data = "<req>")]
pub async fn feedback(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<FeedbackInput>,
) -> ApiResult<Json<StepDone>> {
    let r = body(req)?;
    let command = Command::GiveFeedback {
        resolved: r.resolved,
        rating: r.rating,
        comment: r.comment,
    };
    run(state, &who, reference, command).await
}

/// Ask for a person to review a step Redress took on its own (R34): the timeline marks those
/// steps with the actor `system`.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/review-request", tag = "mediation", request_body = ReasonInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "A request already waits"), (status = 422, description = "Reason missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/review-request", data = "<req>")]
pub async fn request_review(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ReasonInput>,
) -> ApiResult<Json<StepDone>> {
    let reason = body(req)?.reason;
    run(state, &who, reference, Command::RequestReview { reason }).await
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewAnswerInput {
    answer: String,
}

/// Staff answer a request for human review (R34); both parties receive the answer.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/review-answer", tag = "mediation", request_body = ReviewAnswerInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not staff"),
              (status = 409, description = "No request waits"), (status = 422, description = "Answer missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/review-answer", data = "<req>")]
pub async fn answer_review(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ReviewAnswerInput>,
) -> ApiResult<Json<StepDone>> {
    let answer = body(req)?.answer;
    run(state, &who, reference, Command::AnswerReview { answer }).await
}

#[derive(Deserialize, ToSchema)]
pub struct DeadlineInput {
    deadline: DateTime<Utc>,
}

/// The neutral shortens or lengthens the current round, within the procedure's bounds.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/rounds/current", tag = "mediation", request_body = DeadlineInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not the assigned neutral"),
              (status = 409, description = "No round is open"),
              (status = 422, description = "Outside the procedure's bounds", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/rounds/current", data = "<req>")]
pub async fn change_round_deadline(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<DeadlineInput>,
) -> ApiResult<Json<StepDone>> {
    let deadline = body(req)?.deadline;
    run(
        state,
        &who,
        reference,
        Command::ChangeRoundDeadline { deadline },
    )
    .await
}

/// A party asks the neutral for more time in the current round.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/time-request", tag = "mediation", request_body = ReasonInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = StepDone), (status = 403, description = "Not a party"),
              (status = 409, description = "No round is open"), (status = 422, description = "Reason missing", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/time-request", data = "<req>")]
pub async fn ask_for_time(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Reference,
    req: super::Body<ReasonInput>,
) -> ApiResult<Json<StepDone>> {
    let reason = body(req)?.reason;
    run(state, &who, reference, Command::AskForTime { reason }).await
}

#[derive(Serialize, ToSchema)]
pub struct ConsentNotices {
    /// Shown to a party, and acknowledged, before they accept or offer a solution (R16).
    notices: Vec<&'static str>,
}

/// The notices a party must acknowledge before agreeing to a solution (R16).
#[utoipa::path(get, path = "/api/v1/consent-notices", tag = "mediation",
    responses((status = 200, body = ConsentNotices)))]
#[get("/consent-notices")]
pub fn consent_notices() -> Json<ConsentNotices> {
    Json(ConsentNotices {
        notices: CONSENT_NOTICES.to_vec(),
    })
}
