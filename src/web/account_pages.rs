//! Registering, logging in and out on pages, without JavaScript. A login sets a private
//! session cookie (HttpOnly, SameSite=Lax, Secure outside debug builds); every form carries a
//! CSRF token; a form with errors comes back with what was typed (except the password).
use crate::services::{self, accounts};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, SESSION_COOKIE};
use crate::web::csrf::{self, CsrfToken};
use crate::web::limits::{LoginAllowed, RegistrationAllowed};
use rocket::form::{Form, FromForm};
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::response::Redirect;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::{Template, context};
use std::collections::BTreeMap;

pub fn routes() -> Vec<Route> {
    routes![
        register_page,
        register_submit,
        login_page,
        login_submit,
        logout_submit,
        account_page
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
}

#[derive(FromForm)]
pub struct LogoutForm {
    csrf: String,
}

type Page = (Status, Template);

fn page(status: Status, name: &'static str, ctx: impl serde::Serialize) -> Page {
    (status, Template::render(name, ctx))
}

const CSRF_PROBLEM: &str = "This form has expired. Please try again.";

#[get("/register")]
pub fn register_page(csrf: CsrfToken) -> Page {
    page(
        Status::Ok,
        "register",
        context! { title: "Create an account", csrf: csrf.0, language: "en" },
    )
}

#[post("/register", data = "<form>")]
pub async fn register_submit(
    state: &State<AppState>,
    _allowed: RegistrationAllowed,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<RegisterForm>,
) -> Result<Redirect, Page> {
    let f = form.into_inner();
    let again = |status: Status, problem: &str, fields: BTreeMap<String, String>| {
        page(
            status,
            "register",
            context! {
                title: "Create an account", csrf: csrf.0.clone(), problem, fields,
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
            "Please correct the marked field.",
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

#[get("/login?<registered>")]
pub fn login_page(csrf: CsrfToken, registered: Option<u8>) -> Page {
    let notice = registered.map(|_| "Your account is ready. Please log in.");
    page(
        Status::Ok,
        "login",
        context! { title: "Log in", csrf: csrf.0, notice },
    )
}

#[post("/login", data = "<form>")]
pub async fn login_submit(
    state: &State<AppState>,
    _allowed: LoginAllowed,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<LoginForm>,
) -> Result<Redirect, Page> {
    let f = form.into_inner();
    let again = |status: Status, problem: String| {
        page(
            status,
            "login",
            context! { title: "Log in", csrf: csrf.0.clone(), problem, email: f.email.clone() },
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
            Ok(Redirect::to("/account"))
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

#[get("/account")]
pub fn account_page(who: Option<CurrentUser>, csrf: CsrfToken) -> Either<Page, Redirect> {
    let Some(who) = who else {
        return Either::Right(Redirect::to("/login"));
    };
    Either::Left(page(
        Status::Ok,
        "account",
        context! {
            title: "Your account", csrf: csrf.0,
            name: who.user.name, email: who.user.email, role: who.user.role, language: who.user.language,
        },
    ))
}
