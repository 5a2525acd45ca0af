//! `/staff/mail`: incoming mail held in quarantine (R3), each with why it is held and the case
//! Redress proposes; staff put it on a case for a party, or discard it with a reason.
use crate::error::AppError;
use crate::services::inbound;
use crate::state::AppState;
use crate::web::api::inbound::assignment_of;
use crate::web::auth::CurrentUser;
use crate::web::csrf::{self, CsrfToken};
use crate::web::page::Page;
use rocket::form::{Form, FromForm};
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::context;

pub fn routes() -> Vec<Route> {
    routes![mail_page, mail_assign_submit, mail_discard_submit]
}

type PageResult = Result<Either<(Status, Page), Redirect>, AppError>;

fn expired() -> AppError {
    AppError::new(
        Status::Forbidden,
        "csrf",
        "This form has expired. Please try again.",
    )
}

#[get("/staff/mail")]
pub async fn mail_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
) -> PageResult {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let items = inbound::held(state, &who.caller()).await?;
    Ok(Either::Left((
        Status::Ok,
        Page::new(
            "mail",
            context! { title: "mail-title", csrf: csrf.0, items },
        ),
    )))
}

#[derive(FromForm)]
pub struct AssignForm {
    csrf: String,
    reference: String,
    side: String,
}

#[post("/staff/mail/<id>/assignment", data = "<form>")]
pub async fn mail_assign_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    id: i64,
    form: Form<AssignForm>,
) -> PageResult {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired());
    }
    let (reference, side) = assignment_of(&form.reference, &form.side)?;
    inbound::assign(state, &who.caller(), id, &reference, side).await?;
    Ok(Either::Right(Redirect::to("/staff/mail")))
}

#[derive(FromForm)]
pub struct DiscardForm {
    csrf: String,
    reason: String,
}

#[post("/staff/mail/<id>/discard", data = "<form>")]
pub async fn mail_discard_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    id: i64,
    form: Form<DiscardForm>,
) -> PageResult {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired());
    }
    inbound::discard(state, &who.caller(), id, &form.reason).await?;
    Ok(Either::Right(Redirect::to("/staff/mail")))
}
