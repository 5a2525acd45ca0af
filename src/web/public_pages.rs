//! R31 pages: the public list of published complaints (redacted, no consumer named) and the
//! staff's moderation queue with a decision form per held case.
use crate::domain::dossier::Command;
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::AppError;
use crate::services::{self, dossier, publication};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::csrf::{self, CsrfToken};
use crate::web::page::Page;
use rocket::form::{Form, FromForm};
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::context;
use serde_json::{Value, json};

pub fn routes() -> Vec<Route> {
    routes![
        public_cases_page,
        companies_page,
        moderation_page,
        moderation_submit
    ]
}

type PageResult = Result<Either<(Status, Page), Redirect>, AppError>;

#[get("/public/cases?<after>")]
pub async fn public_cases_page(
    state: &State<AppState>,
    after: Option<i64>,
) -> Result<Page, AppError> {
    let (items, next) = publication::published(state, after, None).await?;
    let items: Vec<Value> = items
        .iter()
        .map(|c| {
            json!({
                "company_id": c.company_id, "company_name": c.company_name, "status": c.status, "desired_outcome": c.desired_outcome,
                "summary": c.summary, "filed": c.filed_at,
            })
        })
        .collect();
    Ok(Page::new(
        "public_cases",
        context! { title: "public-cases-title", items, next },
    ))
}

/// R13: find a company and open its public scorecard.
#[get("/companies?<q>")]
pub async fn companies_page(state: &State<AppState>, q: Option<&str>) -> Page {
    let q = q.map(str::trim).filter(|q| !q.is_empty());
    let (found, problem) = match q {
        Some(q) => match services::companies::search(state, q).await {
            Ok(found) => (found, None),
            Err(e) => (
                Vec::new(),
                Some(AppError::from(e).fields.into_values().flatten().next()),
            ),
        },
        None => (Vec::new(), None),
    };
    let found: Vec<Value> = found
        .into_iter()
        .map(|c| json!({"id": c.id, "name": c.name, "domain": c.domain}))
        .collect();
    Page::new(
        "companies",
        context! { title: "companies-title", q, found, problem: problem.flatten(), searched: q.is_some() },
    )
}

#[get("/staff/moderation")]
pub async fn moderation_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
) -> PageResult {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let held = publication::held(state, &who.caller())
        .await
        .map_err(|e| match e {
            services::Error::Forbidden(_) => AppError::new(
                Status::Forbidden,
                "forbidden",
                "Moderation is for ADR staff.",
            ),
            e => AppError::from(e),
        })?;
    let items: Vec<Value> = held
        .iter()
        .map(|h| json!({"reference": h.reference, "company_name": h.company_name, "summary": h.summary, "flagged": h.flagged.join(", ")}))
        .collect();
    Ok(Either::Left((
        Status::Ok,
        Page::new(
            "moderation",
            context! { title: "nav-moderation", csrf: csrf.0, items },
        ),
    )))
}

#[derive(FromForm)]
pub struct ModerationForm {
    csrf: String,
    publish: bool,
    reasons: String,
}

#[post("/cases/<reference>/moderation", data = "<form>")]
pub async fn moderation_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    reference: Result<CaseReference, BadReference>,
    form: Form<ModerationForm>,
) -> PageResult {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let reference = reference.map_err(|_| AppError::not_found())?;
    if !csrf::verify(jar, &form.csrf) {
        return Err(AppError::new(
            Status::Forbidden,
            "csrf",
            "This form has expired. Please try again.",
        ));
    }
    let command = Command::Moderate {
        publish: form.publish,
        reasons: form.reasons.clone(),
    };
    dossier::execute(state, &reference, &who.caller(), command).await?;
    Ok(Either::Right(Redirect::to("/staff/moderation")))
}
