//! Report pages: a company's public scorecard (with its reply form for the company's
//! representatives), the staff dashboard, and the activity report with its downloads and
//! assessment form. Charts are SVG drawn on the server; every chart has its figures in a table.
use crate::error::AppError;
use crate::reports::{one_decimal, output};
use crate::services::{dashboard, reports, scorecards};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::csrf::{self, CsrfToken};
use crate::web::page::Page;
use rocket::form::{Form, FromForm};
use rocket::http::{ContentType, CookieJar, Status};
use rocket::response::Redirect;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::context;

pub fn routes() -> Vec<Route> {
    routes![
        scorecard_page,
        reply_submit,
        dashboard_page,
        reports_page,
        report_download,
        assessment_submit
    ]
}

fn expired() -> AppError {
    AppError::new(
        Status::Forbidden,
        "csrf",
        "This form has expired. Please go back, reload the page and try again.",
    )
}

/// R13 and seed 004: the company's public scorecard.
#[get("/companies/<id>")]
pub async fn scorecard_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
    id: i64,
) -> Result<Page, AppError> {
    let card = scorecards::scorecard(state, id).await?;
    let chart = scorecards::trend_chart(&card);
    let f = &card.card.figures;
    let shown = context! {
        answer_rate: one_decimal(f.answer_rate),
        median_answer_hours: one_decimal(f.median_answer_hours),
        resolved_rate: one_decimal(f.resolved_rate),
        satisfaction: one_decimal(f.satisfaction),
        compliance_rate: one_decimal(f.compliance_rate),
    };
    let parts: Vec<_> = card
        .card
        .parts
        .iter()
        .map(|p| context! { part: p.part.replace('_', " "), weight: p.weight, value: one_decimal(p.value) })
        .collect();
    let can_reply = who.as_ref().is_some_and(|w| w.user.role == "company");
    Ok(Page::new(
        "company",
        context! {
            title: "company-title", title_args: context! { company: card.company.to_string() },
            shown, parts, chart, can_reply, csrf: csrf.0, card,
        },
    ))
}

#[derive(FromForm)]
pub struct ReplyForm {
    csrf: String,
    reply: String,
}

#[post("/companies/<id>/reply", data = "<form>")]
pub async fn reply_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    id: i64,
    form: Form<ReplyForm>,
) -> Result<Redirect, AppError> {
    let Some(who) = who else {
        return Ok(Redirect::to("/login"));
    };
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired());
    }
    scorecards::set_reply(state, &who.caller(), id, &form.reply).await?;
    Ok(Redirect::to(format!("/companies/{id}")))
}

/// The staff dashboard.
#[get("/staff")]
pub async fn dashboard_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
) -> Result<Either<Page, Redirect>, AppError> {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let d = dashboard::dashboard(state, &who.caller()).await?;
    let charts = dashboard::charts(&d);
    let stages: Vec<_> = d
        .stages
        .iter()
        .map(|s| context! { stage: &s.stage, what: &s.what, cases: s.cases, days: one_decimal(s.mean_days) })
        .collect();
    let caseloads: Vec<_> = d
        .caseloads
        .iter()
        .map(|c| context! { name: &c.name, open_cases: c.open_cases, capacity: c.capacity, load: one_decimal(c.load) })
        .collect();
    Ok(Either::Left(Page::new(
        "dashboard",
        context! { title: "nav-dashboard", charts, stages, caseloads, d: &d },
    )))
}

/// The activity report of a year (or two, for the authority), with its downloads and the
/// assessment form.
#[get("/staff/reports?<year>&<years>")]
pub async fn reports_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
    year: Option<i32>,
    years: Option<u32>,
) -> Result<Either<Page, Redirect>, AppError> {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let period = reports::period_of(year, years, state.clock.now())?;
    let report = reports::activity(state, &who.caller(), period).await?;
    let presented = output::present(&report);
    let query = format!(
        "year={}&years={}",
        period.last_year,
        period.last_year - period.first_year + 1
    );
    Ok(Either::Left(Page::new(
        "reports",
        context! {
            title: "reports-title", title_args: context! { period: report.period_name.to_string() },
            csrf: csrf.0, query, year: period.last_year,
            biennial: period.first_year != period.last_year,
            r: &presented.r, rows: &presented.rows, charts: &presented.charts,
        },
    )))
}

/// A report file the browser saves under its name.
#[derive(rocket::Responder)]
pub struct Download {
    body: Vec<u8>,
    content_type: ContentType,
    disposition: rocket::http::Header<'static>,
}

/// The report as a file: `csv`, `pdf` or `html`.
#[get("/staff/reports/activity/<format>?<year>&<years>")]
pub async fn report_download(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    format: &str,
    year: Option<i32>,
    years: Option<u32>,
) -> Result<Either<Download, Redirect>, AppError> {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let period = reports::period_of(year, years, state.clock.now())?;
    let report = reports::activity(state, &who.caller(), period).await?;
    let file = match format {
        "csv" => (
            ContentType::CSV,
            output::csv(&report).map_err(|e| AppError::internal(&e))?,
        ),
        "pdf" => (ContentType::PDF, output::pdf(&report)),
        "html" => (
            ContentType::HTML,
            output::html(&report, &state.config.templates_dir)
                .map_err(|e| AppError::internal(&e))?
                .into_bytes(),
        ),
        _ => {
            return Err(AppError::invalid_field(
                "format",
                "ask for csv, pdf or html",
            ));
        }
    };
    let (content_type, body) = file;
    let name = format!("activity-report-{}.{format}", report.period_name);
    Ok(Either::Left(Download {
        body,
        content_type,
        disposition: rocket::http::Header::new(
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ),
    }))
}

#[derive(FromForm)]
pub struct AssessmentForm {
    csrf: String,
    year: i32,
    years: u32,
    text: String,
}

#[post("/staff/reports/assessment", data = "<form>")]
pub async fn assessment_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    form: Form<AssessmentForm>,
) -> Result<Redirect, AppError> {
    let Some(who) = who else {
        return Ok(Redirect::to("/login"));
    };
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired());
    }
    let period = reports::period_of(Some(form.year), Some(form.years), state.clock.now())?;
    reports::save_assessment(state, &who.caller(), period, &form.text).await?;
    Ok(Redirect::to(format!(
        "/staff/reports?year={}&years={}",
        form.year, form.years
    )))
}
