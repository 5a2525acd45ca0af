//! The case pages, without JavaScript: the list of one's cases, the filing form (R1, R2), the
//! dossier with the steps the viewer may take (R6–R9, R14), and the staff's triage queue.
//! A form with errors comes back with everything typed and a message at each field.
use crate::clock::format_utc as day;
use crate::domain::dossier::{Command, PriorComplaintFacts, Status, SuppliedInformation};
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::AppError;
use crate::policy::procedure::RefusalGround;
use crate::policy::{Decision, Role};
use crate::services::filing::{Channel, file_case};
use crate::services::{
    self, Caller, bundles, companies, documents, dossier, listing, triage, views,
};
use crate::state::AppState;
use crate::web::api::intake::{CompanyInput, ConsumerInput, FilingInput, PriorComplaintInput};
use crate::web::auth::CurrentUser;
use crate::web::csrf::{self, CsrfToken};
use crate::web::negotiation_pages;
use crate::web::page::Page;
use chrono::NaiveDate;
use rocket::data::Capped;
use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::{CookieJar, Status as Http};
use rocket::response::Redirect;
use rocket::tokio::io::AsyncReadExt;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::context;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub fn routes() -> Vec<Route> {
    routes![
        cases_page,
        new_case_page,
        new_case_submit,
        case_page,
        information_submit,
        completeness_submit,
        admissibility_submit,
        participation_submit,
        message_submit,
        document_submit,
        bundle_consent_submit,
        declaration_submit,
        assignment_submit,
        round_submit,
        proposal_submit,
        accept_submit,
        reject_submit,
        withdrawal_submit,
        revocation_submit,
        extension_submit,
        closing_submit,
        feedback_submit,
        review_request_submit,
        review_answer_submit,
        triage_page
    ]
}

type Shown = (Http, Page);
pub(super) type PageResult = Result<Either<Shown, Redirect>, AppError>;

/// A message id: the page shows it in the reader's language.
const CSRF_PROBLEM: &str = "form-expired";

fn to_login() -> PageResult {
    Ok(Either::Right(Redirect::to("/login")))
}

/// "649", "649.5", "649,50" → 64950 cents; None for anything else.
pub fn parse_amount(text: &str) -> Option<i64> {
    let text = text.trim().replace(' ', "");
    if text.is_empty() {
        return None;
    }
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (text.as_str(), ""),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 2 {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents = format!("{fraction:0<2}").parse::<i64>().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

#[get("/cases?<after>")]
pub async fn cases_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    after: Option<i64>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let page = listing::cases_for(state, &who.caller(), None, after, None).await?;
    let role = who.user.role.clone();
    let ids: Vec<i64> = page.items.iter().map(|l| l.case.id).collect();
    let next_due = listing::next_deadlines(state, &ids).await?;
    let now = state.clock.now();
    let mut items: Vec<(Option<chrono::DateTime<chrono::Utc>>, Value)> = page
        .items
        .iter()
        .map(|l| {
            let due = next_due.get(&l.case.id).cloned();
            let item = json!({
                "reference": l.case.reference, "company_name": l.company_name, "status": l.case.status,
                "cents": l.case.amount_claimed_cents, "currency": l.case.currency, "filed": l.case.filed_at,
                "due": due.as_ref().map(|(at, _)| at), "due_kind": due.as_ref().map(|(_, kind)| kind),
                "overdue": due.as_ref().is_some_and(|(at, _)| *at <= now),
            });
            (due.map(|(at, _)| at), item)
        })
        .collect();
    // Those who answer cases work them by their next deadline: the soonest first.
    if matches!(role.as_str(), "company" | "neutral") {
        items.sort_by_key(|(due, _)| (due.is_none(), *due));
    }
    let items: Vec<Value> = items.into_iter().map(|(_, item)| item).collect();
    let caption = format!(
        "cases-caption-{}",
        if matches!(role.as_str(), "consumer" | "company" | "neutral") {
            role.as_str()
        } else {
            "all"
        }
    );
    Ok(Either::Left((
        Http::Ok,
        Page::new(
            "cases",
            context! { title: "nav-cases", caption, items, next: page.next, can_file: role == "consumer" || role == "staff",
            by_deadline: matches!(role.as_str(), "company" | "neutral") },
        ),
    )))
}

/// What the filing form holds, as typed (everything is text so nothing typed is lost).
#[derive(FromForm, Default, serde::Serialize, Clone)]
pub struct FilingForm {
    // Fields a role's form does not show (a consumer has no consumer_email field) arrive
    // empty, so the service names what is missing and the form keeps what was typed.
    #[serde(skip)]
    csrf: String,
    company_id: Option<i64>,
    #[field(default = String::new())]
    company_name: String,
    #[field(default = String::new())]
    company_email: String,
    #[field(default = String::new())]
    company_domain: String,
    #[field(default = String::new())]
    case_type: String,
    #[field(default = String::new())]
    summary: String,
    #[field(default = String::new())]
    desired_outcome: String,
    #[field(default = String::new())]
    amount: String,
    #[field(default = String::new())]
    currency: String,
    #[field(default = String::new())]
    language: String,
    #[field(default = String::new())]
    prior_on: String,
    #[field(default = String::new())]
    prior_channel: String,
    #[field(default = String::new())]
    prior_reference: String,
    public: Option<String>,
    allow_duplicate: Option<String>,
    #[field(default = String::new())]
    consumer_name: String,
    #[field(default = String::new())]
    consumer_email: String,
    #[field(default = String::new())]
    channel: String,
    consumer_country: Option<String>,
    /// From a deadlock letter (R36): "yes" when the company said it takes part, "no" if not.
    company_answer: Option<String>,
}

/// The choices of the filing form's selects; the page words them in the reader's language.
const OUTCOMES: &[&str] = &[
    "refund",
    "repair",
    "replacement",
    "discount",
    "apology",
    "other",
];
/// What a company's deadlock letter (R36) puts in the filing form's link.
#[derive(FromForm, Default)]
pub struct FromLetter {
    company_id: Option<i64>,
    prior_reference: Option<String>,
    prior_on: Option<String>,
    takes_part: Option<String>,
}

/// What a case filed from a deadlock letter carries of the company's answer (R36).
const COMPANY_TAKES_PART: &str =
    "The company's final answer (its deadlock letter): it takes part in this procedure.";
const COMPANY_DECLINES: &str =
    "The company's final answer (its deadlock letter): it does not take part in this procedure.";
const PRIOR_CHANNELS: &[&str] = &["email", "letter", "phone", "web_form", "in_person"];

/// Renders the filing form with `v` as typed.
#[allow(clippy::too_many_arguments)]
async fn filing_page(
    state: &AppState,
    who: &CurrentUser,
    csrf: &str,
    status: Http,
    q: Option<String>,
    v: FilingForm,
    problem: Option<String>,
    fields: BTreeMap<String, Vec<String>>,
    duplicate_of: Option<String>,
) -> Shown {
    let found = match q.as_deref().filter(|q| q.trim().chars().count() >= 2) {
        Some(q) => companies::search(state, q).await.unwrap_or_default(),
        None => match v.company_id {
            Some(id) => entity_company(state, id).await.into_iter().collect(),
            None => Vec::new(),
        },
    };
    let found: Vec<Value> = found
        .iter()
        .map(|c| json!({"id": c.id, "name": c.name, "domain": c.domain, "chosen": v.company_id == Some(c.id)}))
        .collect();
    let pick = |options: &[&str], chosen: &str| -> Vec<Value> {
        options
            .iter()
            .map(|value| json!({"value": value, "selected": *value == chosen}))
            .collect()
    };
    let languages: Vec<Value> = crate::i18n::LANGUAGES
        .iter()
        .map(|(code, name)| json!({"code": code, "name": name, "selected": *code == v.language}))
        .collect();
    let fields: BTreeMap<String, String> =
        fields.into_iter().map(|(k, v)| (k, v.join(" "))).collect();
    (
        status,
        Page::new(
            "case_new",
            context! {
                title: "case-new-title", csrf, q, found, problem, fields, duplicate_of,
                outcomes: pick(OUTCOMES, &v.desired_outcome), channels: pick(PRIOR_CHANNELS, &v.prior_channel),
                languages, currencies: ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "PLN", "CZK", "HUF", "RON", "BGN"],
                staff: who.user.role == "staff", entity_country: state.policies.entity.country.clone(), v,
            },
        ),
    )
}

async fn entity_company(state: &AppState, id: i64) -> Option<entity::companies::Model> {
    use sea_orm::EntityTrait;
    entity::companies::Entity::find_by_id(id)
        .one(&state.db)
        .await
        .ok()
        .flatten()
}

/// The filing form; a company's deadlock letter (R36) links here with the company, its
/// reference, the date of the complaint and whether it takes part already filled in.
#[get("/cases/new?<q>&<letter..>")]
pub async fn new_case_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
    q: Option<String>,
    letter: FromLetter,
) -> PageResult {
    let FromLetter {
        company_id,
        prior_reference,
        prior_on,
        takes_part,
    } = letter;
    let Some(who) = who else {
        // From a deadlock letter: come back to the form, filled in, after logging in.
        let mut back = url::form_urlencoded::Serializer::new(String::new());
        if let Some(id) = company_id {
            back.append_pair("company_id", &id.to_string());
        }
        for (name, value) in [
            ("prior_reference", &prior_reference),
            ("prior_on", &prior_on),
            ("takes_part", &takes_part),
        ] {
            if let Some(value) = value {
                back.append_pair(name, value);
            }
        }
        let query = back.finish();
        if query.is_empty() {
            return to_login();
        }
        let login = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("next", &format!("/cases/new?{query}"))
            .finish();
        return Ok(Either::Right(Redirect::to(format!("/login?{login}"))));
    };
    let v = FilingForm {
        case_type: "complaint".into(),
        currency: "EUR".into(),
        language: who.user.language.clone(),
        desired_outcome: "refund".into(),
        prior_channel: "email".into(),
        channel: "post".into(),
        company_id,
        prior_reference: prior_reference.unwrap_or_default(),
        prior_on: prior_on.unwrap_or_default(),
        company_answer: takes_part.filter(|t| t == "yes" || t == "no"),
        ..Default::default()
    };
    let page = filing_page(
        state,
        &who,
        &csrf.0,
        Http::Ok,
        q,
        v,
        None,
        BTreeMap::new(),
        None,
    )
    .await;
    Ok(Either::Left(page))
}

impl FilingForm {
    /// The API's input from the form; a field that cannot even be read is an error at it.
    fn to_input(&self) -> Result<FilingInput, (String, String)> {
        let blank = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let amount_cents = parse_amount(&self.amount).ok_or_else(|| {
            (
                "amount_cents".to_string(),
                "write the amount as a number, such as 649.00".to_string(),
            )
        })?;
        let prior_complaint = match blank(&self.prior_on) {
            Some(on) => Some(PriorComplaintInput {
                on: NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_err(|_| {
                    (
                        "prior_complaint_on".to_string(),
                        "give the date as YYYY-MM-DD".to_string(),
                    )
                })?,
                channel: self.prior_channel.clone(),
                reference: blank(&self.prior_reference),
            }),
            None => None,
        };
        let company = match (self.company_id, blank(&self.company_name)) {
            (None, Some(name)) => Some(CompanyInput {
                name,
                complaint_email: self.company_email.clone(),
                domain: blank(&self.company_domain),
                ..Default::default()
            }),
            _ => None,
        };
        let consumer = blank(&self.consumer_email).map(|email| ConsumerInput {
            email,
            name: self.consumer_name.clone(),
            language: None,
        });
        Ok(FilingInput {
            company_id: self.company_id,
            company,
            case_type: blank(&self.case_type),
            summary: match self.company_answer.as_deref() {
                Some("yes") => format!("{}\n\n{COMPANY_TAKES_PART}", self.summary.trim()),
                Some("no") => format!("{}\n\n{COMPANY_DECLINES}", self.summary.trim()),
                _ => self.summary.clone(),
            },
            desired_outcome: self.desired_outcome.clone(),
            amount_cents,
            currency: self.currency.clone(),
            language: self.language.clone(),
            public: self.public.is_some(),
            prior_complaint,
            allow_duplicate: self.allow_duplicate.is_some(),
            consumer,
            channel: blank(&self.channel),
            consumer_country: blank(self.consumer_country.as_deref().unwrap_or_default()),
        })
    }
}

#[post("/cases/new", data = "<form>")]
pub async fn new_case_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<FilingForm>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let v = form.into_inner();
    let again = |status: Http,
                 problem: &str,
                 fields: BTreeMap<String, Vec<String>>,
                 dup: Option<String>| {
        filing_page(
            state,
            &who,
            &csrf.0,
            status,
            None,
            v.clone(),
            Some(problem.to_string()),
            fields,
            dup,
        )
    };
    if !csrf::verify(jar, &v.csrf) {
        return Ok(Either::Left(
            again(Http::Forbidden, CSRF_PROBLEM, BTreeMap::new(), None).await,
        ));
    }
    let input = match v.to_input() {
        Ok(input) => input,
        Err((field, message)) => {
            let fields = BTreeMap::from([(field, vec![message])]);
            return Ok(Either::Left(
                again(
                    Http::UnprocessableEntity,
                    "form-correct-marked",
                    fields,
                    None,
                )
                .await,
            ));
        }
    };
    let filed = match input.into_new_case(state, &who, Channel::Web) {
        Ok(new) => file_case(state, &who.caller(), new)
            .await
            .map_err(AppError::from),
        Err(e) => Err(e),
    };
    match filed {
        Ok(case) => Ok(Either::Right(Redirect::to(format!(
            "/cases/{}?filed=1",
            case.reference
        )))),
        Err(e) => {
            let duplicate = e
                .fields
                .get("duplicate_of")
                .and_then(|d| d.first().cloned());
            let problem = if e.status == Http::UnprocessableEntity && duplicate.is_none() {
                "form-correct-marked".to_string()
            } else {
                e.message.clone()
            };
            let mut fields = e.fields.clone();
            fields.remove("duplicate_of");
            Ok(Either::Left(
                again(e.status, &problem, fields, duplicate).await,
            ))
        }
    }
}

#[get("/cases/<reference>?<filed>&<done>", rank = 2)]
pub async fn case_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    filed: Option<u8>,
    done: Option<u8>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let reference = reference.map_err(|_| AppError::not_found())?;
    let notice = done.map(|_| "case-done");
    let page = dossier_page(
        state,
        &who,
        &csrf.0,
        &reference,
        Http::Ok,
        filed.is_some(),
        notice,
        None,
    )
    .await;
    match page {
        Ok(page) => Ok(Either::Left(page)),
        // R12: the assigned neutral declares before seeing the dossier.
        Err(e) if e.status == Http::Forbidden && who.user.role == "neutral" => {
            let pending = dossier::find(state, &reference)
                .await
                .ok()
                .and_then(|case| dossier::dossier_of(&case).ok())
                .is_some_and(|d| d.procedure.disclosure_pending);
            let context = context! {
                title: "case-title", title_args: context! { reference: reference.to_string() },
                reference: reference.to_string(),
                csrf: csrf.0, message: e.message, pending,
            };
            Ok(Either::Left((Http::Ok, Page::new("declaration", context))))
        }
        Err(e) => Err(e),
    }
}

/// The dossier as `who` may see it, with the forms of the steps they may take.
#[allow(clippy::too_many_arguments)]
async fn dossier_page(
    state: &AppState,
    who: &CurrentUser,
    csrf: &str,
    reference: &CaseReference,
    status: Http,
    filed: bool,
    notice: Option<&str>,
    problem: Option<String>,
) -> Result<Shown, AppError> {
    let file = views::case_file(state, reference, &who.caller()).await?;
    let missing = views::missing_information(state, &file.case).await?;
    let now = state.clock.now();
    let policy = &state.policies.access;
    let may = |action| {
        matches!(
            policy.decide(file.viewer.role, file.viewer.relation, action),
            Decision::Allow(_)
        )
    };
    let case_status = Status::parse(&file.case.status).unwrap_or(Status::Closed);
    let open_thread = !matches!(case_status, Status::Closed | Status::Archived);
    let bundle_question = file.viewer.relation == crate::policy::Relation::OwnCase
        && may("case.answer_bundle")
        && bundles::pending_for(state, file.case.id).await?.is_some();
    let can = json!({
        "information": case_status == Status::Incomplete && may("case.supply_information"),
        "completeness": matches!(case_status, Status::Submitted | Status::Incomplete) && may("case.review_completeness"),
        "admissibility": case_status == Status::Complete && may("case.decide_admissibility"),
        "participation": matches!(case_status, Status::Accepted | Status::Assigned)
            && file.case.company_joined_at.is_none() && may("case.answer_participation"),
        "message": open_thread && may("case.post_message"),
        "internal": open_thread && file.viewer.role == Role::Neutral,
        "document": open_thread && may("case.add_document"),
        "bundle": bundle_question,
        "review_request": case_status != Status::Archived && file.case.review_requested_at.is_none()
            && file.events.iter().any(|e| e.actor == "system") && may("case.request_review"),
        "review_answer": file.case.review_requested_at.is_some() && may("case.answer_review"),
        "feedback": !case_status.is_open() && file.case.feedback_at.is_none()
            && file.viewer.relation == crate::policy::Relation::OwnCase && may("case.give_feedback"),
        "assign": matches!(case_status, Status::Accepted | Status::Assigned)
            && !file.case.neutral_declared && may("case.assign"),
        "round": matches!(case_status, Status::Assigned | Status::Negotiating) && may("case.open_round"),
        "propose": case_status == Status::Negotiating && may("case.propose"),
        "answer": case_status == Status::Negotiating && file.case.standing_proposal.is_some()
            && may("case.answer_proposal"),
        "withdraw": case_status.is_open() && may("case.withdraw"),
        "revoke": case_status == Status::Agreed && may("case.revoke_consent"),
        "extend": !file.case.outcome_extended && case_status.is_open() && may("case.extend"),
        "close": may("case.close")
            && (matches!(case_status, Status::Assigned | Status::Negotiating)
                || matches!(case_status, Status::Refused | Status::Settled | Status::NotSettled | Status::Withdrawn | Status::Lapsed)),
    });
    let procedure = state
        .policies
        .procedure(&file.case.policy_id, &file.case.policy_version);
    let grounds: Vec<Value> = procedure
        .map(|p| {
            p.refusal_grounds
                .iter()
                .map(|g| json!({"value": g.as_str(), "label": g.explain()}))
                .collect()
        })
        .unwrap_or_default();
    let c = &file.case;
    let title = "case-title";
    let title_args = json!({ "reference": c.reference });
    let record = services::records::latest(state, c)
        .await?
        .map(|(signed, _)| {
            json!({
                "kind": signed.record.kind,
                "pdf": format!("/api/v1/cases/{}/settlement.pdf", c.reference),
                "hash": signed.record_sha256,
            })
        });
    Ok((
        status,
        Page::new(
            "case",
            context! {
                title, title_args, csrf, filed, notice, problem, missing, grounds, can, record,
                company: file.company.name.clone(),
                deadlines: file.deadlines.iter().map(|d| {
                    let left = (d.due_at - now).max(chrono::Duration::zero());
                    json!({"kind": d.kind, "due": d.due_at, "overdue": d.due_at <= now,
                           "days": left.num_days(), "hours": left.num_hours() % 24})
                }).collect::<Vec<_>>(),
                proposals: file.proposals.iter().map(|p| json!({
                    "number": p.number, "round": p.round_number, "side": p.side, "status": p.status,
                    "cents": p.amount_cents, "currency": p.currency, "terms": p.terms, "days": p.performance_days,
                    "standing": Some(p.number) == file.case.standing_proposal,
                })).collect::<Vec<_>>(),
                standing: file.case.standing_proposal,
                consumer_accepted: file.case.consumer_accepted,
                company_accepted: file.case.company_accepted,
                notices: crate::domain::dossier::CONSENT_NOTICES,
                outcome: file.case.status.clone(),
                representatives: file.representatives.iter().map(|p| json!({"name": p.name, "side": p.side})).collect::<Vec<_>>(),
                messages: file.messages.iter().map(|m| json!({"author": m.side, "internal": m.internal, "body": m.body, "at": m.created_at})).collect::<Vec<_>>(),
                documents: file.documents.iter().map(|d| json!({"id": d.id, "file_name": d.file_name, "size": d.size, "sha256": d.sha256})).collect::<Vec<_>>(),
                timeline: file.events.iter().map(|e| json!({"at": e.at, "kind": e.kind, "actor": e.actor})).collect::<Vec<_>>(),
                max_kib: state.policies.entity.attachments.max_bytes / 1024,
                later: negotiation_pages::later_steps(&file, procedure, now, &may)?,
                c: file.case.clone(),
            },
        ),
    ))
}

/// Runs one step from a dossier form: back to the dossier on success, or the dossier with
/// the problem (and the fitting status) when the step is refused.
pub(super) async fn step(
    state: &AppState,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: &CsrfToken,
    submitted_csrf: &str,
    reference: Result<CaseReference, BadReference>,
    command: Result<Command, AppError>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let reference = reference.map_err(|_| AppError::not_found())?;
    let outcome = if !csrf::verify(jar, submitted_csrf) {
        Err(AppError::new(Http::Forbidden, "csrf", CSRF_PROBLEM))
    } else {
        match command {
            Ok(command) => dossier::execute(state, &reference, &who.caller(), command)
                .await
                .map(|_| ())
                .map_err(AppError::from),
            Err(e) => Err(e),
        }
    };
    finish(state, &who, csrf, &reference, outcome).await
}

async fn finish(
    state: &AppState,
    who: &CurrentUser,
    csrf: &CsrfToken,
    reference: &CaseReference,
    outcome: Result<(), AppError>,
) -> PageResult {
    match outcome {
        Ok(()) => Ok(Either::Right(Redirect::to(format!(
            "/cases/{reference}?done=1"
        )))),
        // Someone who may not see the case learns nothing more than a 404.
        Err(e) if e.status == Http::NotFound => Err(e),
        Err(e) => {
            let problem = match e.fields.values().next() {
                Some(messages) => format!("{} {}", e.message, messages.join(" ")),
                None => e.message.clone(),
            };
            let page = dossier_page(
                state,
                who,
                &csrf.0,
                reference,
                e.status,
                false,
                None,
                Some(problem),
            )
            .await?;
            Ok(Either::Left(page))
        }
    }
}

#[derive(FromForm)]
pub struct InformationForm {
    csrf: String,
    prior_on: String,
    prior_channel: String,
    prior_reference: String,
    note: String,
}

#[post("/cases/<reference>/information", data = "<form>")]
pub async fn information_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<InformationForm>,
) -> PageResult {
    let f = form.into_inner();
    let prior = if f.prior_on.trim().is_empty() {
        Ok(None)
    } else {
        NaiveDate::parse_from_str(f.prior_on.trim(), "%Y-%m-%d")
            .map(|on| {
                Some(PriorComplaintFacts {
                    on,
                    channel: f.prior_channel.trim().to_string(),
                    reference: Some(f.prior_reference.trim().to_string()).filter(|r| !r.is_empty()),
                })
            })
            .map_err(|_| AppError::invalid_field("prior_on", "give the date as YYYY-MM-DD"))
    };
    let command = prior.map(|prior_complaint| {
        Command::SupplyInformation(SuppliedInformation {
            prior_complaint,
            note: f.note.clone(),
        })
    });
    step(state, who, jar, &csrf, &f.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct CompletenessForm {
    csrf: String,
    missing: String,
}

#[post("/cases/<reference>/completeness", data = "<form>")]
pub async fn completeness_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<CompletenessForm>,
) -> PageResult {
    let missing = form
        .missing
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let command = Ok(Command::ReviewCompleteness { missing });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct AdmissibilityForm {
    csrf: String,
    decision: String,
    ground: String,
    reasons: String,
}

#[post("/cases/<reference>/admissibility", data = "<form>")]
pub async fn admissibility_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<AdmissibilityForm>,
) -> PageResult {
    let command = match form.decision.as_str() {
        "accept" => Ok(Command::AcceptCase),
        "refuse" => serde_json::from_value::<RefusalGround>(Value::String(form.ground.clone()))
            .map(|ground| Command::RefuseCase {
                ground,
                reasons: form.reasons.clone(),
            })
            .map_err(|_| AppError::invalid_field("ground", "choose a refusal ground")),
        _ => Err(AppError::invalid_field(
            "decision",
            "choose accept or refuse",
        )),
    };
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct ParticipationForm {
    csrf: String,
    takes_part: bool,
    reasons: String,
}

#[post("/cases/<reference>/participation", data = "<form>")]
pub async fn participation_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ParticipationForm>,
) -> PageResult {
    let command = Ok(Command::AnswerParticipation {
        takes_part: form.takes_part,
        reasons: form.reasons.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct MessageForm {
    csrf: String,
    body: String,
    internal: Option<String>,
}

#[post("/cases/<reference>/messages", data = "<form>")]
pub async fn message_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<MessageForm>,
) -> PageResult {
    let command = Ok(Command::PostMessage {
        body: form.body.clone(),
        internal: form.internal.is_some(),
        by_email: false,
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct DocumentForm<'r> {
    csrf: String,
    file: Capped<TempFile<'r>>,
}

#[post("/cases/<reference>/documents", data = "<form>")]
pub async fn document_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<DocumentForm<'_>>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let reference = reference.map_err(|_| AppError::not_found())?;
    let outcome = if !csrf::verify(jar, &form.csrf) {
        Err(AppError::new(Http::Forbidden, "csrf", CSRF_PROBLEM))
    } else if !form.file.is_complete() {
        Err(AppError::new(
            Http::PayloadTooLarge,
            "too_large",
            "The file is larger than the server accepts (25 MiB).",
        ))
    } else {
        let file_name = form
            .file
            .raw_name()
            .map(|n| n.dangerous_unsafe_unsanitized_raw().as_str().to_string())
            .unwrap_or_default();
        let mut bytes = Vec::new();
        let read = async {
            let mut reader = form.file.open().await?;
            reader.read_to_end(&mut bytes).await
        };
        match read.await {
            Ok(_) => documents::add(
                state,
                &who.caller(),
                &reference,
                documents::Upload { file_name, bytes },
            )
            .await
            .map(|_| ())
            .map_err(AppError::from),
            Err(_) => Err(AppError::bad_request("The file could not be read.")),
        }
    };
    finish(state, &who, &csrf, &reference, outcome).await
}

#[derive(FromForm)]
pub struct BundleConsentForm {
    csrf: String,
    consent: bool,
}

#[post("/cases/<reference>/bundle-consent", data = "<form>")]
pub async fn bundle_consent_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<BundleConsentForm>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let reference = reference.map_err(|_| AppError::not_found())?;
    let outcome = if !csrf::verify(jar, &form.csrf) {
        Err(AppError::new(Http::Forbidden, "csrf", CSRF_PROBLEM))
    } else {
        bundles::answer(state, &who.caller(), &reference, form.consent)
            .await
            .map(|_| ())
            .map_err(AppError::from)
    };
    finish(state, &who, &csrf, &reference, outcome).await
}

#[derive(FromForm)]
pub struct DeclarationForm {
    csrf: String,
    /// "true": independent; "false": recuse; "disclose": independent, with a circumstance
    /// the parties should know of (R12).
    independent: String,
    reasons: String,
}

/// R12: the neutral's declaration of independence, or recusal, from the page.
#[post("/cases/<reference>/declaration", data = "<form>")]
pub async fn declaration_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<DeclarationForm>,
) -> PageResult {
    let reasons = form.reasons.clone();
    let command = match form.independent.as_str() {
        "true" => Ok(Command::DeclareIndependence),
        "false" => Ok(Command::Recuse { reasons }),
        "disclose" => Ok(Command::Disclose {
            circumstances: reasons,
        }),
        _ => Err(AppError::invalid_field(
            "independent",
            "declare, disclose or recuse",
        )),
    };
    let recused = form.independent != "true";
    let outcome = step(state, who, jar, &csrf, &form.csrf, reference, command).await;
    match outcome {
        // After a recusal the dossier is no longer theirs to see.
        Ok(Either::Right(_)) if recused => Ok(Either::Right(Redirect::to("/cases"))),
        other => other,
    }
}

#[derive(FromForm)]
pub struct AssignmentForm {
    csrf: String,
    neutral_id: Option<i64>,
}

#[post("/cases/<reference>/assignment", data = "<form>")]
pub async fn assignment_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<AssignmentForm>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let reference = reference.map_err(|_| AppError::not_found())?;
    let outcome = if !csrf::verify(jar, &form.csrf) {
        Err(AppError::new(Http::Forbidden, "csrf", CSRF_PROBLEM))
    } else {
        services::assignment::assign(state, &who.caller(), &reference, form.neutral_id)
            .await
            .map(|_| ())
            .map_err(AppError::from)
    };
    finish(state, &who, &csrf, &reference, outcome).await
}

#[derive(FromForm)]
pub struct RoundForm {
    csrf: String,
    /// A date (YYYY-MM-DD) within the procedure's bounds; empty for the default length.
    deadline: String,
}

#[post("/cases/<reference>/rounds", data = "<form>")]
pub async fn round_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<RoundForm>,
) -> PageResult {
    let deadline = match form.deadline.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| Some(d.and_hms_opt(17, 0, 0).unwrap_or_default().and_utc()))
            .map_err(|_| AppError::invalid_field("deadline", "give the date as YYYY-MM-DD")),
    };
    let command = deadline.map(|deadline| Command::OpenRound { deadline });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct ProposalForm {
    csrf: String,
    amount: String,
    terms: String,
    performance_days: u32,
    counter_to: Option<u32>,
    notices: Option<String>,
}

#[post("/cases/<reference>/proposals", data = "<form>")]
pub async fn proposal_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ProposalForm>,
) -> PageResult {
    let command = parse_amount(&form.amount)
        .ok_or_else(|| {
            AppError::invalid_field("amount", "write the amount as a number, such as 525.00")
        })
        .map(|amount_cents| {
            Command::Propose(crate::domain::dossier::ProposalTerms {
                amount_cents,
                currency: "EUR".into(),
                remedies: vec![crate::domain::dossier::Remedy::Refund],
                terms: form.terms.clone(),
                performance_days: form.performance_days,
                counter_to: form.counter_to,
                notices_acknowledged: form.notices.is_some(),
            })
        });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct AcceptForm {
    csrf: String,
    notices: Option<String>,
}

#[post("/cases/<reference>/proposals/<number>/accept", data = "<form>")]
pub async fn accept_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    number: u32,
    form: Form<AcceptForm>,
) -> PageResult {
    let command = Ok(Command::AcceptProposal {
        number,
        notices_acknowledged: form.notices.is_some(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct ReasonForm {
    pub(super) csrf: String,
    pub(super) reason: String,
}

#[post("/cases/<reference>/proposals/<number>/reject", data = "<form>")]
pub async fn reject_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    number: u32,
    form: Form<ReasonForm>,
) -> PageResult {
    let command = Ok(Command::RejectProposal {
        number,
        reason: form.reason.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

/// A step that cannot be undone: its form carries a ticked `confirm` box.
#[derive(FromForm)]
pub struct FinalStepForm {
    csrf: String,
    #[field(default = String::new())]
    reason: String,
    #[field(default = String::new())]
    outcome: String,
    #[field(default = String::new())]
    reasons: String,
    confirm: Option<String>,
}

/// The confirmation a step that cannot be undone needs, or the problem to show.
fn confirmed(form: &FinalStepForm) -> Result<(), AppError> {
    match form.confirm {
        Some(_) => Ok(()),
        // A message id: the dossier page shows it in the reader's language.
        None => Err(AppError::new(
            Http::UnprocessableEntity,
            "confirm",
            "confirm-irreversible",
        )),
    }
}

#[post("/cases/<reference>/withdrawal", data = "<form>")]
pub async fn withdrawal_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<FinalStepForm>,
) -> PageResult {
    let command = confirmed(&form).map(|_| Command::Withdraw {
        reason: form.reason.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[post("/cases/<reference>/revocation", data = "<form>")]
pub async fn revocation_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ReasonForm>,
) -> PageResult {
    let command = Ok(Command::RevokeConsent {
        reason: form.reason.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct ExtensionForm {
    csrf: String,
    until: String,
    reasons: String,
}

#[post("/cases/<reference>/extension", data = "<form>")]
pub async fn extension_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ExtensionForm>,
) -> PageResult {
    let command = NaiveDate::parse_from_str(form.until.trim(), "%Y-%m-%d")
        .map(|d| Command::ExtendOutcome {
            until: d.and_hms_opt(17, 0, 0).unwrap_or_default().and_utc(),
            reasons: form.reasons.clone(),
        })
        .map_err(|_| AppError::invalid_field("until", "give the date as YYYY-MM-DD"));
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[post("/cases/<reference>/closing", data = "<form>")]
pub async fn closing_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<FinalStepForm>,
) -> PageResult {
    let Some(who) = who else { return to_login() };
    let reference = reference.map_err(|_| AppError::not_found())?;
    let outcome = if !csrf::verify(jar, &form.csrf) {
        Err(AppError::new(Http::Forbidden, "csrf", CSRF_PROBLEM))
    } else if let Err(e) = confirmed(&form) {
        Err(e)
    } else {
        services::closing::close(
            state,
            &who.caller(),
            &reference,
            &form.outcome,
            &form.reasons,
        )
        .await
        .map(|_| ())
        .map_err(AppError::from)
    };
    finish(state, &who, &csrf, &reference, outcome).await
}

#[post("/cases/<reference>/review-request", data = "<form>")]
pub async fn review_request_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ReasonForm>,
) -> PageResult {
    let command = Ok(Command::RequestReview {
        reason: form.reason.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct ReviewAnswerForm {
    csrf: String,
    answer: String,
}

#[post("/cases/<reference>/review-answer", data = "<form>")]
pub async fn review_answer_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<ReviewAnswerForm>,
) -> PageResult {
    let command = Ok(Command::AnswerReview {
        answer: form.answer.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[derive(FromForm)]
pub struct FeedbackForm {
    csrf: String,
    resolved: bool,
    rating: u8,
    comment: String,
}

#[post("/cases/<reference>/feedback", data = "<form>")]
pub async fn feedback_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    reference: Result<CaseReference, BadReference>,
    form: Form<FeedbackForm>,
) -> PageResult {
    let command = Ok(Command::GiveFeedback {
        resolved: form.resolved,
        rating: form.rating,
        comment: form.comment.clone(),
    });
    step(state, who, jar, &csrf, &form.csrf, reference, command).await
}

#[get("/staff/triage")]
pub async fn triage_page(state: &State<AppState>, who: Option<CurrentUser>) -> PageResult {
    let Some(who) = who else { return to_login() };
    let caller: Caller = who.caller();
    let queue = triage::queue(state, &caller).await.map_err(|e| match e {
        services::Error::Forbidden(_) => AppError::new(
            Http::Forbidden,
            "forbidden",
            "The triage queue is for ADR staff.",
        ),
        e => AppError::from(e),
    })?;
    let items: Vec<Value> = queue
        .iter()
        .map(|i| {
            json!({
                "reference": i.case.reference, "company_name": i.company_name,
                "task": i.task.replace('_', " "), "due": i.due_at.map(day), "overdue": i.overdue,
            })
        })
        .collect();
    Ok(Either::Left((
        Http::Ok,
        Page::new(
            "triage",
            context! { title: "nav-triage", count: items.len(), items },
        ),
    )))
}
