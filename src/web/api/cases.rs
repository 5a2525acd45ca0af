//! Dossiers through the API: the case file as the caller may see it, and its audit entries.
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::services::views;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, NaiveDate, Utc};
use rocket::http::Header;
use rocket::request::{FromRequest, Outcome, Request};
use rocket::serde::json::Json;
use rocket::{Responder, Route, State, get, routes};
use serde::Serialize;
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![case_file, case_audit]
}

impl<'a> rocket::request::FromParam<'a> for CaseReference {
    type Error = BadReference;
    fn from_param(param: &'a str) -> Result<Self, Self::Error> {
        param.parse()
    }
}

#[derive(Serialize, ToSchema)]
pub struct Claim {
    amount_cents: i64,
    currency: String,
}

#[derive(Serialize, ToSchema)]
pub struct PriorComplaint {
    on: Option<NaiveDate>,
    channel: Option<String>,
    reference: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Dates {
    filed_at: DateTime<Utc>,
    complete_at: Option<DateTime<Utc>>,
    outcome_due_at: Option<DateTime<Utc>>,
    agreed_at: Option<DateTime<Utc>>,
    reflection_ends_at: Option<DateTime<Utc>>,
    settled_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct DeadlineView {
    kind: String,
    due_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct EventView {
    /// The dossier version the event produced.
    version: i64,
    kind: String,
    at: DateTime<Utc>,
    /// Role and id of who acted, e.g. "staff:3", or "system".
    actor: String,
    #[schema(value_type = Object)]
    details: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
pub struct ProposalView {
    number: i32,
    round: i32,
    /// consumer, company or neutral
    side: String,
    amount_cents: i64,
    currency: String,
    #[schema(value_type = Vec<String>)]
    remedies: serde_json::Value,
    terms: String,
    performance_days: i32,
    counter_to: Option<i32>,
    status: String,
}

/// A dossier as the caller may see it.
#[derive(Serialize, ToSchema)]
pub struct CaseView {
    reference: String,
    status: String,
    /// Goes up by one with every change; also the ETag.
    version: i64,
    case_type: String,
    channel: String,
    language: String,
    visibility: String,
    summary: String,
    desired_outcome: String,
    claim: Claim,
    prior_complaint: PriorComplaint,
    company_id: i64,
    company_name: String,
    /// The procedure the case runs under, e.g. "eu-default@2026.1".
    policy: String,
    round: i32,
    standing_proposal: Option<i32>,
    outcome: Option<String>,
    dates: Dates,
    deadlines: Vec<DeadlineView>,
    proposals: Vec<ProposalView>,
    /// People named to act for a party (R5).
    representatives: Vec<RepresentativeView>,
    /// The thread (R14); internal notes only for the neutral and staff.
    messages: Vec<MessageView>,
    documents: Vec<DocumentView>,
    timeline: Vec<EventView>,
}

#[derive(Serialize, ToSchema)]
pub struct MessageView {
    id: i64,
    /// consumer, company or neutral
    author: String,
    body: String,
    internal: bool,
    at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentView {
    id: i64,
    file_name: String,
    content_type: String,
    size: i64,
    sha256: String,
    at: DateTime<Utc>,
    /// Where to download it.
    url: String,
}

#[derive(Serialize, ToSchema)]
pub struct RepresentativeView {
    /// consumer or company: the side they act for
    side: String,
    name: String,
    since: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntryView {
    pub seq: i64,
    at: DateTime<Utc>,
    actor: String,
    action: String,
    policy: String,
    rule: String,
    automated: bool,
    payload_hash: String,
    prev_hash: String,
    hash: String,
}

/// The ETag a client sent back in If-None-Match, if any.
pub struct IfNoneMatch(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for IfNoneMatch {
    type Error = std::convert::Infallible;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(IfNoneMatch(
            req.headers().get_one("If-None-Match").map(str::to_string),
        ))
    }
}

#[derive(Responder)]
pub enum Cached<T> {
    Fresh(Json<T>, Header<'static>),
    #[response(status = 304)]
    NotModified((), Header<'static>),
}

/// The dossier as the caller may see it. A case the caller has no tie to answers 404.
#[utoipa::path(get, path = "/api/v1/cases/{reference}", tag = "cases",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = CaseView), (status = 304, description = "Unchanged since the ETag sent"),
              (status = 401, description = "Not logged in"), (status = 404, description = "Unknown or not visible")))]
#[get("/cases/<reference>")]
pub async fn case_file(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    seen: IfNoneMatch,
) -> ApiResult<Cached<CaseView>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let file = views::case_file(state, &reference, &who.caller()).await?;
    // A view depends only on the dossier's version and the viewer's role.
    let etag = format!(
        "\"{}-v{}-{}\"",
        file.case.reference,
        file.case.version,
        file.viewer_role.as_str()
    );
    if seen.0.as_deref() == Some(etag.as_str()) {
        return Ok(Cached::NotModified((), Header::new("ETag", etag)));
    }
    let c = file.case;
    let documents_at = format!("/api/v1/cases/{}/attachments", c.reference);
    let view = CaseView {
        reference: c.reference,
        status: c.status,
        version: c.version,
        case_type: c.case_type,
        channel: c.channel,
        language: c.language,
        visibility: c.visibility,
        summary: c.summary,
        desired_outcome: c.desired_outcome,
        claim: Claim {
            amount_cents: c.amount_claimed_cents,
            currency: c.currency,
        },
        prior_complaint: PriorComplaint {
            on: c.prior_complaint_on,
            channel: c.prior_complaint_channel,
            reference: c.prior_complaint_reference,
        },
        company_id: file.company.id,
        company_name: file.company.name,
        policy: format!("{}@{}", c.policy_id, c.policy_version),
        round: c.round_number,
        standing_proposal: c.standing_proposal,
        outcome: c.outcome,
        dates: Dates {
            filed_at: c.filed_at,
            complete_at: c.complete_at,
            outcome_due_at: c.outcome_due_at,
            agreed_at: c.agreed_at,
            reflection_ends_at: c.reflection_ends_at,
            settled_at: c.settled_at,
            closed_at: c.closed_at,
        },
        deadlines: file
            .deadlines
            .into_iter()
            .map(|d| DeadlineView {
                kind: d.kind,
                due_at: d.due_at,
            })
            .collect(),
        representatives: file
            .representatives
            .into_iter()
            .map(|p| RepresentativeView {
                side: p.side,
                name: p.name,
                since: p.created_at,
            })
            .collect(),
        proposals: file
            .proposals
            .into_iter()
            .map(|p| ProposalView {
                number: p.number,
                round: p.round_number,
                side: p.side,
                amount_cents: p.amount_cents,
                currency: p.currency,
                remedies: serde_json::from_str(&p.remedies).unwrap_or(serde_json::Value::Null),
                terms: p.terms,
                performance_days: p.performance_days,
                counter_to: p.counter_to,
                status: p.status,
            })
            .collect(),
        messages: file
            .messages
            .into_iter()
            .map(|m| MessageView {
                id: m.id,
                author: m.side,
                body: m.body,
                internal: m.internal,
                at: m.created_at,
            })
            .collect(),
        documents: file
            .documents
            .into_iter()
            .map(|d| DocumentView {
                url: format!("{documents_at}/{}", d.id),
                id: d.id,
                file_name: d.file_name,
                content_type: d.content_type,
                size: d.size,
                sha256: d.sha256,
                at: d.created_at,
            })
            .collect(),
        timeline: file
            .events
            .into_iter()
            .map(|e| EventView {
                version: e.version,
                kind: e.kind,
                at: e.at,
                actor: e.actor,
                details: serde_json::from_str(&e.payload).unwrap_or(serde_json::Value::Null),
            })
            .collect(),
    };
    Ok(Cached::Fresh(Json(view), Header::new("ETag", etag)))
}

/// The audit entries of this case (R26), without other cases' data.
#[utoipa::path(get, path = "/api/v1/cases/{reference}/audit", tag = "cases",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = Vec<AuditEntryView>), (status = 404, description = "Unknown or not visible")))]
#[get("/cases/<reference>/audit")]
pub async fn case_audit(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
) -> ApiResult<Json<Vec<AuditEntryView>>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let entries = views::case_audit(state, &reference, &who.caller())
        .await
        .map_err(AppError::from)?;
    Ok(Json(
        entries.into_iter().map(AuditEntryView::from).collect(),
    ))
}

impl From<entity::audit_entries::Model> for AuditEntryView {
    fn from(e: entity::audit_entries::Model) -> Self {
        Self {
            seq: e.seq,
            at: e.at,
            actor: e.actor,
            action: e.action,
            policy: e.policy,
            rule: e.rule,
            automated: e.automated,
            payload_hash: e.payload_hash,
            prev_hash: e.prev_hash,
            hash: e.hash,
        }
    }
}
