//! A company's own pages for its representatives: the API tokens its systems use, made with the
//! secret shown once, and revoked with a confirmation.
use crate::error::AppError;
use crate::services::tokens;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::csrf::{self, CsrfToken};
use crate::web::page::Page;
use rocket::form::{Form, FromForm};
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::context;

pub fn routes() -> Vec<Route> {
    routes![tokens_page, token_submit, token_revoke_submit]
}

type Answer = Result<Either<(Status, Page), Redirect>, AppError>;

/// The tokens page, with the secret of a token just made (shown this once) or a problem.
async fn render(
    state: &AppState,
    who: &CurrentUser,
    csrf: &CsrfToken,
    id: i64,
    status: Status,
    made: Option<String>,
    problem: Option<String>,
) -> Answer {
    let list: Vec<_> = tokens::list(state, &who.caller(), id)
        .await?
        .into_iter()
        .map(|t| {
            context! {
                id: t.id, name: t.name, prefix: t.prefix, created: t.created_at,
                last_used: t.last_used_at, revoked: t.revoked_at.is_some(),
            }
        })
        .collect();
    Ok(Either::Left((
        status,
        Page::new(
            "company_tokens",
            context! { title: "company-tokens-title", csrf: &csrf.0, company_id: id, tokens: list, made, problem },
        ),
    )))
}

#[get("/companies/<id>/tokens")]
pub async fn tokens_page(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    csrf: CsrfToken,
    id: i64,
) -> Answer {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    render(state, &who, &csrf, id, Status::Ok, None, None).await
}

#[derive(FromForm)]
pub struct TokenForm {
    csrf: String,
    #[field(default = String::new())]
    name: String,
}

#[post("/companies/<id>/tokens", data = "<form>")]
pub async fn token_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    id: i64,
    form: Form<TokenForm>,
) -> Answer {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    if !csrf::verify(jar, &form.csrf) {
        let problem = Some("form-expired".to_string());
        return render(state, &who, &csrf, id, Status::Forbidden, None, problem).await;
    }
    match tokens::create(state, &who.caller(), id, &form.name).await {
        Ok(made) => {
            render(
                state,
                &who,
                &csrf,
                id,
                Status::Created,
                Some(made.token),
                None,
            )
            .await
        }
        Err(e) => {
            let e = AppError::from(e);
            if matches!(e.status.code, 401 | 403 | 404) {
                return Err(e);
            }
            let problem = e
                .fields
                .values()
                .flatten()
                .next()
                .cloned()
                .or(Some(e.message));
            render(state, &who, &csrf, id, e.status, None, problem).await
        }
    }
}

#[derive(FromForm)]
pub struct RevokeForm {
    csrf: String,
    confirm: Option<String>,
}

#[post("/companies/<id>/tokens/<token_id>/revocation", data = "<form>")]
pub async fn token_revoke_submit(
    state: &State<AppState>,
    who: Option<CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    id: i64,
    token_id: i64,
    form: Form<RevokeForm>,
) -> Answer {
    let Some(who) = who else {
        return Ok(Either::Right(Redirect::to("/login")));
    };
    let problem = if !csrf::verify(jar, &form.csrf) {
        Some((Status::Forbidden, "form-expired"))
    } else if form.confirm.is_none() {
        Some((Status::UnprocessableEntity, "confirm-irreversible"))
    } else {
        None
    };
    if let Some((status, problem)) = problem {
        return render(state, &who, &csrf, id, status, None, Some(problem.into())).await;
    }
    tokens::revoke(state, &who.caller(), id, token_id).await?;
    Ok(Either::Right(Redirect::to(format!(
        "/companies/{id}/tokens"
    ))))
}
