//! Registering, logging in and out on pages, without JavaScript. A login sets a private
//! session cookie (HttpOnly, SameSite=Lax, Secure outside debug builds); every form carries a
//! CSRF token; a form with errors comes back with what was typed (except the password).
use crate::services::conflicts::{self, Counterpart};
use crate::services::training;
use crate::services::{self, accounts, companies, gdpr};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, SESSION_COOKIE};
use crate::web::csrf::{self, CsrfToken};
use crate::web::limits::{LoginAllowed, RegistrationAllowed};
use crate::web::page::Page;
use rocket::form::{Form, FromForm};
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::response::Redirect;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::context;
use std::collections::BTreeMap;

pub fn routes() -> Vec<Route> {
    routes![
        register_page,
        register_submit,
        login_page,
        login_submit,
        logout_submit,
        account_page,
        resend_confirmation_submit,
        erasure_submit,
        conflict_submit,
        training_submit
    ]
}

#[derive(FromForm)]
pub struct RegisterForm {
    csrf: String,
    name: String,
    email: String,
    password: String,
    language: String,
}

#[derive(FromForm)]
pub struct LoginForm {
    csrf: String,
    email: String,
    password: String,
    /// The page to return to, such as the filing form a deadlock letter linked to.
    next: Option<String>,
}

/// A page of this portal to return to after logging in; anything else (another site, a
/// scheme-relative `//host`) is ignored.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    next.filter(|n| {
        n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && n.len() <= 1_000
    })
    .map(str::to_string)
}

#[derive(FromForm)]
pub struct LogoutForm {
    csrf: String,
}

type Shown = (Status, Page);

fn page(status: Status, name: &'static str, ctx: impl serde::Serialize) -> Shown {
    (status, Page::new(name, ctx))
}

/// A message id: the page shows it in the reader's language.
const CSRF_PROBLEM: &str = "form-expired";

#[get("/register")]
pub fn register_page(csrf: CsrfToken) -> Shown {
    page(
        Status::Ok,
        "register",
        context! { title: "register-title", csrf: csrf.0, language: "en" },
    )
}

#[post("/register", data = "<form>")]
pub async fn register_submit(
    state: &State<AppState>,
    _allowed: RegistrationAllowed,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<RegisterForm>,
) -> Result<Redirect, Shown> {
    let f = form.into_inner();
    let again = |status: Status, problem: &str, fields: BTreeMap<String, String>| {
        page(
            status,
            "register",
            context! {
                title: "register-title", csrf: csrf.0.clone(), problem, fields,
                name: f.name.clone(), email: f.email.clone(), language: f.language.clone(),
            },
        )
    };
    if !csrf::verify(jar, &f.csrf) {
        return Err(again(Status::Forbidden, CSRF_PROBLEM, BTreeMap::new()));
    }
    match accounts::register_consumer(state, &f.email, &f.password, &f.name, &f.language).await {
        Ok(_) => Ok(Redirect::to("/login?registered=1")),
        Err(services::Error::Invalid { field, message }) => Err(again(
            Status::UnprocessableEntity,
            "form-correct-marked",
            BTreeMap::from([(field, message)]),
        )),
        Err(services::Error::Conflict(message)) => {
            Err(again(Status::Conflict, &message, BTreeMap::new()))
        }
        Err(e) => Err(again(
            Status::InternalServerError,
            &crate::error::AppError::from(e).message,
            BTreeMap::new(),
        )),
    }
}

#[get("/login?<registered>&<reset>&<welcome>&<next>")]
pub fn login_page(
    csrf: CsrfToken,
    registered: Option<u8>,
    reset: Option<u8>,
    welcome: Option<u8>,
    next: Option<&str>,
) -> Shown {
    let next = safe_next(next);
    let notice = if registered.is_some() {
        Some("registered")
    } else if reset.is_some() {
        Some("reset")
    } else if welcome.is_some() {
        Some("welcome")
    } else {
        None
    };
    page(
        Status::Ok,
        "login",
        context! { title: "login-title", csrf: csrf.0, notice, next },
    )
}

#[post("/login", data = "<form>")]
pub async fn login_submit(
    state: &State<AppState>,
    _allowed: LoginAllowed,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<LoginForm>,
) -> Result<Redirect, Shown> {
    let f = form.into_inner();
    let next = safe_next(f.next.as_deref());
    let again = |status: Status, problem: String| {
        page(
            status,
            "login",
            context! { title: "login-title", csrf: csrf.0.clone(), problem, email: f.email.clone(), next: next.clone() },
        )
    };
    if !csrf::verify(jar, &f.csrf) {
        return Err(again(Status::Forbidden, CSRF_PROBLEM.into()));
    }
    match accounts::login(state, &f.email, &f.password, "cookie").await {
        Ok(session) => {
            jar.add_private(
                Cookie::build((SESSION_COOKIE, session.token))
                    .http_only(true)
                    .same_site(SameSite::Lax)
                    .secure(!cfg!(debug_assertions))
                    .path("/"),
            );
            Ok(Redirect::to(
                next.clone().unwrap_or_else(|| "/account".into()),
            ))
        }
        Err(e) => {
            let err = crate::error::AppError::from(e);
            Err(again(err.status, err.message))
        }
    }
}

#[post("/logout", data = "<form>")]
pub async fn logout_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    who: Option<CurrentUser>,
    form: Form<LogoutForm>,
) -> Result<Redirect, Status> {
    if !csrf::verify(jar, &form.csrf) {
        return Err(Status::Forbidden);
    }
    if let Some(session_id) = who.and_then(|w| w.session_id) {
        accounts::logout(state, session_id)
            .await
            .map_err(|_| Status::InternalServerError)?;
    }
    jar.remove_private(Cookie::from(SESSION_COOKIE));
    Ok(Redirect::to("/"))
}

#[get("/account?<sent>")]
pub async fn account_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
    sent: Option<u8>,
) -> Result<Either<Shown, Redirect>, crate::error::AppError> {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let open_cases = if who.user.erasure_requested_at.is_some() {
        gdpr::open_cases_of(&state.db, who.user.id).await?
    } else {
        Vec::new()
    };
    let notice = sent.map(|_| "sent");
    let (conflicts, training) = if who.user.role == "neutral" {
        let training: Vec<_> = training::mine(state, &who.caller())
            .await?
            .into_iter()
            .map(|t| context! { completed_on: t.completed_on.to_string(), hours: format!("{:.1}", f64::from(t.minutes) / 60.0), title: t.title, provider: t.provider })
            .collect();
        (
            Some(conflicts::list(state, &who.caller()).await?),
            Some(training),
        )
    } else {
        (None, None)
    };
    // A representative's way to their company's own pages.
    let companies: Vec<_> = if who.user.role == "company" {
        crate::services::accounts::companies_of(state, who.user.id)
            .await?
            .into_iter()
            .map(|c| context! { id: c.id, name: c.name })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Either::Left(page(
        Status::Ok,
        "account",
        context! {
            title: "account-title", csrf: csrf.0, notice,
            name: who.user.name, email: who.user.email, role: who.user.role, language: who.user.language,
            confirmed: who.user.email_confirmed_at.is_some(),
            erasure_requested: who.user.erasure_requested_at.is_some(), open_cases: open_cases.join(", "),
            conflicts, training, companies,
        },
    )))
}

#[derive(FromForm)]
pub struct TrainingForm {
    csrf: String,
    completed_on: String,
    /// Hours, with a comma or a point: "1,5".
    hours: String,
    title: String,
    provider: String,
}

/// R24: a neutral records a training they completed.
#[post("/account/training", data = "<form>")]
pub async fn training_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    who: Option<CurrentUser>,
    form: Form<TrainingForm>,
) -> Result<Redirect, crate::error::AppError> {
    use crate::error::AppError;
    let Some(who) = who else {
        return Ok(Redirect::to("/login"));
    };
    if !csrf::verify(jar, &form.csrf) {
        return Err(AppError::new(Status::Forbidden, "csrf", CSRF_PROBLEM));
    }
    let completed_on = chrono::NaiveDate::parse_from_str(form.completed_on.trim(), "%Y-%m-%d")
        .map_err(|_| {
            AppError::invalid_field(
                "completed_on",
                "give the date as on a calendar, such as 2026-03-14",
            )
        })?;
    let hours: f64 = form
        .hours
        .trim()
        .replace(',', ".")
        .parse()
        .ok()
        .filter(|h: &f64| h.is_finite() && *h > 0.0 && *h < 1e6)
        .ok_or_else(|| AppError::invalid_field("hours", "give the hours spent, such as 1,5"))?;
    let new = training::NewTraining {
        completed_on,
        minutes: (hours * 60.0).round() as i32,
        title: form.title.clone(),
        provider: form.provider.clone(),
    };
    training::record(state, &who.caller(), new).await?;
    Ok(Redirect::to("/account"))
}

#[derive(FromForm)]
pub struct ConflictForm {
    csrf: String,
    /// A company's registered name, or a consumer's e-mail address.
    with: String,
    reason: String,
}

/// R12: a neutral declares a party they must never be assigned against.
#[post("/account/conflicts", data = "<form>")]
pub async fn conflict_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    who: Option<CurrentUser>,
    form: Form<ConflictForm>,
) -> Result<Redirect, crate::error::AppError> {
    let Some(who) = who else {
        return Ok(Redirect::to("/login"));
    };
    if !csrf::verify(jar, &form.csrf) {
        return Err(crate::error::AppError::new(
            Status::Forbidden,
            "csrf",
            CSRF_PROBLEM,
        ));
    }
    let with = form.with.trim();
    let counterpart = if with.contains('@') {
        Counterpart::Consumer(with.to_string())
    } else {
        let found = companies::search(state, with).await?;
        let exact = found
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(with))
            .or(found.first().filter(|_| found.len() == 1));
        match exact {
            Some(company) => Counterpart::Company(company.id),
            None => {
                return Err(crate::error::AppError::invalid_field(
                    "with",
                    "no registered company has that name: write it as it is registered, or give a consumer's e-mail address",
                ));
            }
        }
    };
    conflicts::declare(state, &who.caller(), counterpart, &form.reason).await?;
    Ok(Redirect::to("/account"))
}

#[derive(FromForm)]
pub struct ErasureForm {
    csrf: String,
    confirm: Option<String>,
}

#[post("/account/confirmation", data = "<form>")]
pub async fn resend_confirmation_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    who: CurrentUser,
    form: Form<LogoutForm>,
) -> Result<Redirect, crate::error::AppError> {
    if !csrf::verify(jar, &form.csrf) {
        return Err(crate::error::AppError::new(
            Status::Forbidden,
            "csrf",
            CSRF_PROBLEM,
        ));
    }
    accounts::resend_confirmation(state, &who.user).await?;
    Ok(Redirect::to("/account?sent=1"))
}

/// R29: erasure from the account page. Without open cases the account goes at once and the
/// login ends; otherwise the page says which cases hold it back.
#[post("/account/erasure", data = "<form>")]
pub async fn erasure_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    who: CurrentUser,
    form: Form<ErasureForm>,
) -> Result<Either<Shown, Redirect>, crate::error::AppError> {
    if !csrf::verify(jar, &form.csrf) {
        return Err(crate::error::AppError::new(
            Status::Forbidden,
            "csrf",
            CSRF_PROBLEM,
        ));
    }
    if form.confirm.as_deref() != Some("yes") {
        return Err(crate::error::AppError::invalid_field(
            "confirm",
            "tick the box to confirm that you want your data erased",
        ));
    }
    let erasure = gdpr::request_erasure(state, &who.user).await?;
    if !erasure.done {
        return Ok(Either::Right(Redirect::to("/account")));
    }
    jar.remove_private(Cookie::from(SESSION_COOKIE));
    Ok(Either::Left(page(
        Status::Ok,
        "notice",
        context! {
            title: "notice-erased-title",
            message: "notice-erased-message",
        },
    )))
}
