//! The later steps of a dossier on its page: answering a neutral's disclosure (R12), asking
//! for more time, double-blind bidding, and saying after a settlement whether the company did
//! what it agreed. Each form runs one command through `case_pages::step`.
use super::case_pages::parse_amount;
use super::case_pages::{PageResult, ReasonForm, step};
use crate::clock::format_utc as day;
use crate::domain::dossier::{Command, Status};
use crate::domain::money::format_amount;
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::AppError;
use crate::policy::Action;
use crate::policy::procedure::ProcedurePolicy;
use crate::services::dossier::dossier_of;
use crate::services::sealed_limit;
use crate::services::views::CaseFile;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::csrf::CsrfToken;
use chrono::{DateTime, Utc};
use rocket::form::{Form, FromForm};
use rocket::http::CookieJar;
use rocket::{Route, State, post, routes};
use serde_json::{Value, json};

pub fn routes() -> Vec<Route> {
    routes![
        disclosure_answer_submit,
        time_request_submit,
        blind_consent_submit,
        blind_limit_submit,
        compliance_submit
    ]
}

/// What the dossier page shows and offers about these steps, for this viewer.
pub fn later_steps(
    file: &CaseFile,
    procedure: Option<&ProcedurePolicy>,
    now: DateTime<Utc>,
    may: &impl Fn(Action) -> bool,
) -> Result<Value, AppError> {
    let dossier = dossier_of(&file.case)?;
    let p = &dossier.procedure;
    let side = file.viewer.side();
    let negotiating = dossier.status == Status::Negotiating;
    let disclosed = file
        .events
        .iter()
        .rev()
        .find(|e| e.kind == "conflict_disclosed")
        .and_then(|e| serde_json::from_str::<Value>(&e.payload).ok())
        .map(|v| v["circumstances"].as_str().unwrap_or_default().to_string());
    let blind_offered = procedure.is_some_and(|policy| {
        policy.blind_bidding.enabled && p.blind.attempts < policy.blind_bidding.attempts
    });
    let currency = &file.case.currency;
    let own_limit = side.and_then(|s| p.blind.limit_of(s));
    let other_limit_in = side.is_some_and(|s| p.blind.limit_of(s.other()).is_some());
    let settled = dossier.outcome == Some(Status::Settled)
        && matches!(dossier.status, Status::Settled | Status::Closed);
    Ok(json!({
        "disclosure": p.disclosure_pending.then_some(disclosed).flatten(),
        "answer_disclosure": p.disclosure_pending
            && side.is_some_and(|s| !p.disclosure_accepted_by.contains(&s))
            && may("case.answer_disclosure"),
        "time_request": negotiating && side.is_some() && may("case.answer_proposal"),
        "blind_consent": negotiating && blind_offered && !p.blind.open
            && side.is_some_and(|s| !p.blind.consented_by.contains(&s))
            && may("case.blind_bid"),
        "blind_waiting": negotiating && !p.blind.open
            && side.is_some_and(|s| p.blind.consented_by.contains(&s)),
        "blind_limit": negotiating && p.blind.open && own_limit.is_none()
            && side.is_some() && may("case.blind_bid"),
        "blind_open": p.blind.open,
        "own_limit": own_limit.map(|c| format_amount(c, currency)),
        "other_limit_in": other_limit_in,
        "margin_percent": procedure.map(|policy| policy.blind_bidding.margin_percent),
        "currency": currency,
        "compliance": settled && p.complied.is_none() && may("case.report_compliance"),
        "compliance_due": p.performance_due_at.map(day),
        "breach_possible": p.compliance_asked || p.performance_due_at.is_some_and(|d| d <= now),
        "complied": p.complied,
        "escalated": p.escalated,
    }))
}

#[derive(FromForm)]
pub struct DisclosureAnswerForm {
    csrf: String,
    object: bool,
    reason: String,
}

#[post("/cases/<reference>/disclosure-answer", data = "<form>")]
pub async fn disclosure_answer_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<DisclosureAnswerForm>,
) -> PageResult {
    let command = Ok(Command::AnswerDisclosure {
        object: form.object,
        reason: form.reason.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[post("/cases/<reference>/time-request", data = "<form>")]
pub async fn time_request_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ReasonForm>,
) -> PageResult {
    let command = Ok(Command::AskForTime {
        reason: form.reason.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct BlindConsentForm {
    csrf: String,
    /// The R16 notices checkbox: present when ticked.
    notices: Option<String>,
}

#[post("/cases/<reference>/blind-bidding/consent", data = "<form>")]
pub async fn blind_consent_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<BlindConsentForm>,
) -> PageResult {
    let command = Ok(Command::ConsentToBlindBidding {
        notices_acknowledged: form.notices.is_some(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct BlindLimitForm {
    csrf: String,
    /// In the case's currency, as a person writes it: "450", "450.50" or "450,50".
    amount: String,
}

#[post("/cases/<reference>/blind-bidding/limit", data = "<form>")]
pub async fn blind_limit_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<BlindLimitForm>,
) -> PageResult {
    let command = parse_amount(&form.amount)
        .map(sealed_limit)
        .ok_or_else(|| AppError::invalid_field("amount", "write an amount such as 450 or 450.50"));
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct ComplianceForm {
    csrf: String,
    complied: bool,
    comment: String,
}

#[post("/cases/<reference>/compliance", data = "<form>")]
pub async fn compliance_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ComplianceForm>,
) -> PageResult {
    let command = Ok(Command::ReportCompliance {
        complied: form.complied,
        comment: form.comment.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}
