//! `/verify`: anyone checks a record's PDF in the browser, without an account (R27). The page
//! says whether it is valid and, if not, why.
use crate::error::AppError;
use crate::services::records::{self, Verdict};
use crate::state::AppState;
use crate::web::csrf::{self, CsrfToken};
use crate::web::page::Page;
use rocket::data::Capped;
use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::{CookieJar, Status};
use rocket::tokio::io::AsyncReadExt;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::context;

pub fn routes() -> Vec<Route> {
    routes![verify_page, verify_submit]
}

type Shown = (Status, Page);

fn page(status: Status, csrf: &str, verdict: Option<Verdict>, problem: Option<String>) -> Shown {
    (
        status,
        Page::new(
            "verify",
            context! { title: "verify-title", csrf, verdict, problem },
        ),
    )
}

#[get("/verify")]
pub fn verify_page(csrf: CsrfToken) -> Shown {
    page(Status::Ok, &csrf.0, None, None)
}

#[derive(FromForm)]
pub struct VerifyForm<'r> {
    csrf: String,
    file: Capped<TempFile<'r>>,
}

#[post("/verify", data = "<form>")]
pub async fn verify_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    form: Form<VerifyForm<'_>>,
) -> Result<Shown, AppError> {
    if !csrf::verify(jar, &form.csrf) {
        let problem = "expired".to_string();
        return Ok(page(Status::Forbidden, &csrf.0, None, Some(problem)));
    }
    if !form.file.is_complete() {
        let problem = "too-large".to_string();
        return Ok(page(Status::PayloadTooLarge, &csrf.0, None, Some(problem)));
    }
    let mut bytes = Vec::new();
    let read = async {
        let mut reader = form.file.open().await?;
        reader.read_to_end(&mut bytes).await
    };
    if read.await.is_err() || bytes.is_empty() {
        let problem = "no-file".to_string();
        return Ok(page(
            Status::UnprocessableEntity,
            &csrf.0,
            None,
            Some(problem),
        ));
    }
    let verdict = records::verify_pdf(state, &bytes).await?;
    Ok(page(Status::Ok, &csrf.0, Some(verdict), None))
}
