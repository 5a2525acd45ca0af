//! Reports through the API: a company's public scorecard and its reply, the staff dashboard,
//! the activity report (R24, R25, R37) and its assessment, and neutrals' training.
use super::body;
use crate::error::ApiResult;
use crate::reports::activity::ActivityReport;
use crate::services::dashboard::{self, Dashboard};
use crate::services::reports;
use crate::services::scorecards::{self, Scorecard};
use crate::services::training::{self, NewTraining};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use chrono::NaiveDate;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        scorecard,
        company_reply,
        dashboard_figures,
        activity_report,
        write_assessment,
        list_training,
        record_training
    ]
}

/// A company's scorecard: cases received, answered, resolved by the consumer's own verdict,
/// satisfaction, compliance, a month-by-month trend, the score once there are enough cases,
/// how it is made, and the company's reply.
#[utoipa::path(get, path = "/api/v1/companies/{id}/scorecard", tag = "public",
    params(("id" = i64, Path, description = "company id")),
    responses((status = 200, body = Scorecard), (status = 404, description = "No such company")))]
#[get("/companies/<id>/scorecard")]
pub async fn scorecard(state: &State<AppState>, id: i64) -> ApiResult<Json<Scorecard>> {
    Ok(Json(scorecards::scorecard(state, id).await?))
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct ReplyInput {
    /// Up to 1,000 characters, shown under the scorecard; empty removes the reply. Contact
    /// details are redacted and insults refused, as for public complaints (R31).
    reply: String,
}

/// A company's representative publishes its reply under the scorecard.
#[utoipa::path(post, path = "/api/v1/companies/{id}/reply", tag = "companies", request_body = ReplyInput,
    params(("id" = i64, Path, description = "company id")),
    responses((status = 200, body = ReplyInput), (status = 404, description = "Not a representative of this company"),
              (status = 422, description = "Too long, or words the moderation lists refuse", body = crate::error::ErrorDetail)))]
#[post("/companies/<id>/reply", data = "<req>")]
pub async fn company_reply(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    req: super::Body<ReplyInput>,
) -> ApiResult<Json<ReplyInput>> {
    let text = body(req)?.reply;
    let reply = scorecards::set_reply(state, &who.caller(), id, &text).await?;
    Ok(Json(ReplyInput {
        reply: reply.unwrap_or_default(),
    }))
}

/// Staff: cases by state, deadlines due this week, overdue items, each neutral's caseload and
/// the mean time per stage.
#[utoipa::path(get, path = "/api/v1/dashboard", tag = "reports",
    responses((status = 200, body = Dashboard), (status = 403, description = "Not staff")))]
#[get("/dashboard")]
pub async fn dashboard_figures(
    state: &State<AppState>,
    who: CurrentUser,
) -> ApiResult<Json<Dashboard>> {
    Ok(Json(dashboard::dashboard(state, &who.caller()).await?))
}

/// Staff: the activity report of a year (R24, R37), or with `years=2` the biennial report to
/// the competent authority (R25) over that year and the one before.
#[utoipa::path(get, path = "/api/v1/reports/activity", tag = "reports",
    params(("year" = Option<i32>, Query, description = "default: this year"),
           ("years" = Option<u32>, Query, description = "1 (default) or 2")),
    responses((status = 200, body = ActivityReport), (status = 403, description = "Not staff"),
              (status = 422, description = "A year or span out of range", body = crate::error::ErrorDetail)))]
#[get("/reports/activity?<year>&<years>")]
pub async fn activity_report(
    state: &State<AppState>,
    who: CurrentUser,
    year: Option<i32>,
    years: Option<u32>,
) -> ApiResult<Json<ActivityReport>> {
    let period = reports::period_of(year, years, state.clock.now())?;
    Ok(Json(reports::activity(state, &who.caller(), period).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct AssessmentInput {
    year: i32,
    /// 1 (default) or 2 for the authority's report.
    years: Option<u32>,
    /// The assessment of the entity's effectiveness, and for the authority recommendations on
    /// recurring problems; up to 10,000 characters.
    text: String,
}

/// Staff write the assessment a report prints.
#[utoipa::path(post, path = "/api/v1/reports/assessment", tag = "reports", request_body = AssessmentInput,
    responses((status = 204, description = "Saved"), (status = 403, description = "Not staff"),
              (status = 422, description = "Too long, or a year out of range", body = crate::error::ErrorDetail)))]
#[post("/reports/assessment", data = "<req>")]
pub async fn write_assessment(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<AssessmentInput>,
) -> ApiResult<Status> {
    let r = body(req)?;
    let period = reports::period_of(Some(r.year), r.years, state.clock.now())?;
    reports::save_assessment(state, &who.caller(), period, &r.text).await?;
    Ok(Status::NoContent)
}

#[derive(Serialize, ToSchema)]
pub struct TrainingEntry {
    id: i64,
    completed_on: NaiveDate,
    minutes: i32,
    title: String,
    provider: String,
}

impl From<entity::neutral_training::Model> for TrainingEntry {
    fn from(t: entity::neutral_training::Model) -> Self {
        Self {
            id: t.id,
            completed_on: t.completed_on,
            minutes: t.minutes,
            title: t.title,
            provider: t.provider,
        }
    }
}

/// The training the signed-in neutral recorded, newest first.
#[utoipa::path(get, path = "/api/v1/me/training", tag = "people",
    responses((status = 200, body = Vec<TrainingEntry>), (status = 403, description = "Not a neutral")))]
#[get("/me/training")]
pub async fn list_training(
    state: &State<AppState>,
    who: CurrentUser,
) -> ApiResult<Json<Vec<TrainingEntry>>> {
    let mine = training::mine(state, &who.caller()).await?;
    Ok(Json(mine.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct TrainingInput {
    completed_on: NaiveDate,
    minutes: i32,
    title: String,
    provider: String,
}

/// A neutral records a training they completed (R24: counted in the activity report).
#[utoipa::path(post, path = "/api/v1/me/training", tag = "people", request_body = TrainingInput,
    responses((status = 201, body = TrainingEntry), (status = 403, description = "Not a neutral"),
              (status = 422, description = "A date ahead, no time, or a title missing", body = crate::error::ErrorDetail)))]
#[post("/me/training", data = "<req>")]
pub async fn record_training(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<TrainingInput>,
) -> ApiResult<(Status, Json<TrainingEntry>)> {
    let r = body(req)?;
    let new = NewTraining {
        completed_on: r.completed_on,
        minutes: r.minutes,
        title: r.title,
        provider: r.provider,
    };
    let row = training::record(state, &who.caller(), new).await?;
    Ok((Status::Created, Json(row.into())))
}
