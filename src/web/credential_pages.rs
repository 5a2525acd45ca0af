//! The pages behind the links Redress mails: confirm an e-mail address, choose a new password,
//! accept an invitation; and asking for a reset link. A link opens a page with a button; only
//! the form's POST uses the token, so a mail scanner that follows links uses nothing up.
use crate::services::{self, accounts};
use crate::state::AppState;
use crate::web::csrf::{self, CsrfToken};
use crate::web::limits::ResetAllowed;
use crate::web::page::Page;
use rocket::form::{Form, FromForm};
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::context;
use std::collections::BTreeMap;

pub fn routes() -> Vec<Route> {
    routes![
        confirm_page,
        confirm_submit,
        forgot_page,
        forgot_submit,
        reset_page,
        reset_submit,
        invitation_page,
        invitation_submit
    ]
}

type Shown = (Status, Page);

/// A message id: the page shows it in the reader's language.
const CSRF_PROBLEM: &str = "form-expired";

/// A service error as a page problem: the status, a sentence, and the field it concerns.
fn problem(e: services::Error) -> (Status, String, BTreeMap<String, String>) {
    match e {
        services::Error::Invalid { field, message } if field == "token" => (
            Status::UnprocessableEntity,
            capitalise(&message),
            BTreeMap::new(),
        ),
        services::Error::Invalid { field, message } => (
            Status::UnprocessableEntity,
            "form-correct-marked".into(),
            BTreeMap::from([(field, message)]),
        ),
        e => {
            let err = crate::error::AppError::from(e);
            (err.status, err.message, BTreeMap::new())
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn notice(title: &str, message: &str, next: &str, next_label: &str) -> Shown {
    (
        Status::Ok,
        Page::new("notice", context! { title, message, next, next_label }),
    )
}

#[derive(FromForm)]
pub struct TokenForm {
    csrf: String,
    token: String,
}

#[get("/account/confirm?<token>")]
pub fn confirm_page(csrf: CsrfToken, token: Option<String>) -> Shown {
    (
        Status::Ok,
        Page::new(
            "confirm_email",
            context! { title: "confirm-email-title", csrf: csrf.0, token },
        ),
    )
}

#[post("/account/confirm", data = "<form>")]
pub async fn confirm_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<TokenForm>,
) -> Shown {
    let f = form.into_inner();
    let again = |status: Status, problem: String| {
        (
            status,
            Page::new(
                "confirm_email",
                context! { title: "confirm-email-title", csrf: csrf.0.clone(), token: f.token.clone(), problem },
            ),
        )
    };
    if !csrf::verify(jar, &f.csrf) {
        return again(Status::Forbidden, CSRF_PROBLEM.into());
    }
    match accounts::confirm_email(state, &f.token).await {
        Ok(_) => notice(
            "notice-email-confirmed-title",
            "notice-email-confirmed-message",
            "/account",
            "notice-email-confirmed-next",
        ),
        Err(e) => {
            let (status, message, _) = problem(e);
            again(status, message)
        }
    }
}

#[derive(FromForm)]
pub struct ForgotForm {
    csrf: String,
    email: String,
}

#[get("/password/forgot")]
pub fn forgot_page(csrf: CsrfToken) -> Shown {
    (
        Status::Ok,
        Page::new(
            "forgot_password",
            context! { title: "forgot-password-title", csrf: csrf.0 },
        ),
    )
}

#[post("/password/forgot", data = "<form>")]
pub async fn forgot_submit(
    state: &State<AppState>,
    _allowed: ResetAllowed,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<ForgotForm>,
) -> Shown {
    let f = form.into_inner();
    let again = |status: Status, problem: String| {
        (
            status,
            Page::new(
                "forgot_password",
                context! { title: "forgot-password-title", csrf: csrf.0.clone(), email: f.email.clone(), problem },
            ),
        )
    };
    if !csrf::verify(jar, &f.csrf) {
        return again(Status::Forbidden, CSRF_PROBLEM.into());
    }
    match accounts::request_password_reset(state, &f.email).await {
        Ok(()) => notice(
            "notice-reset-sent-title",
            "notice-reset-sent-message",
            "/login",
            "notice-reset-sent-next",
        ),
        Err(e) => {
            let (status, message, _) = problem(e);
            again(status, message)
        }
    }
}

#[derive(FromForm)]
pub struct PasswordForm {
    csrf: String,
    token: String,
    name: Option<String>,
    password: String,
}

/// The reset and invitation pages share one form: the invitation also asks for a name.
fn password_page(
    status: Status,
    invitation: bool,
    csrf: &str,
    token: &str,
    name: &str,
    problem: Option<String>,
    fields: BTreeMap<String, String>,
) -> Shown {
    let (title, action, button) = if invitation {
        (
            "choose-password-title-invitation",
            "/invitation",
            "invitation",
        )
    } else {
        ("choose-password-title-reset", "/password/reset", "reset")
    };
    (
        status,
        Page::new(
            "choose_password",
            context! { title, action, button, csrf, token, name, problem, fields, ask_name: invitation },
        ),
    )
}

#[get("/password/reset?<token>")]
pub fn reset_page(csrf: CsrfToken, token: Option<String>) -> Shown {
    let token = token.unwrap_or_default();
    password_page(
        Status::Ok,
        false,
        &csrf.0,
        &token,
        "",
        None,
        BTreeMap::new(),
    )
}

#[post("/password/reset", data = "<form>")]
pub async fn reset_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<PasswordForm>,
) -> Result<Redirect, Shown> {
    let f = form.into_inner();
    if !csrf::verify(jar, &f.csrf) {
        let p = Some(CSRF_PROBLEM.to_string());
        return Err(password_page(
            Status::Forbidden,
            false,
            &csrf.0,
            &f.token,
            "",
            p,
            BTreeMap::new(),
        ));
    }
    match accounts::reset_password(state, &f.token, &f.password).await {
        Ok(_) => Ok(Redirect::to("/login?reset=1")),
        Err(e) => {
            let (status, message, fields) = problem(e);
            Err(password_page(
                status,
                false,
                &csrf.0,
                &f.token,
                "",
                Some(message),
                fields,
            ))
        }
    }
}

#[get("/invitation?<token>")]
pub fn invitation_page(csrf: CsrfToken, token: Option<String>) -> Shown {
    let token = token.unwrap_or_default();
    password_page(Status::Ok, true, &csrf.0, &token, "", None, BTreeMap::new())
}

#[post("/invitation", data = "<form>")]
pub async fn invitation_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<PasswordForm>,
) -> Result<Redirect, Shown> {
    let f = form.into_inner();
    let name = f.name.clone().unwrap_or_default();
    if !csrf::verify(jar, &f.csrf) {
        let p = Some(CSRF_PROBLEM.to_string());
        return Err(password_page(
            Status::Forbidden,
            true,
            &csrf.0,
            &f.token,
            &name,
            p,
            BTreeMap::new(),
        ));
    }
    match accounts::accept_invitation(state, &f.token, &name, &f.password).await {
        Ok(_) => Ok(Redirect::to("/login?welcome=1")),
        Err(e) => {
            let (status, message, fields) = problem(e);
            Err(password_page(
                status,
                true,
                &csrf.0,
                &f.token,
                &name,
                Some(message),
                fields,
            ))
        }
    }
}
