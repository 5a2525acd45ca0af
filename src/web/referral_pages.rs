//! The consumer's side of a referral: the page their invitation link opens, showing what the
//! company sent, with a form to add to it and take the case on, and one to decline (R33).
use crate::domain::dossier::Remedy;
use crate::error::AppError;
use crate::services::referrals::{self, Confirmation};
use crate::state::AppState;
use crate::web::api::thread::{FileDownload, read_upload};
use crate::web::csrf::{self, CsrfToken};
use crate::web::page::Page;
use rocket::data::Capped;
use rocket::form::{Errors, Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::context;

pub fn routes() -> Vec<Route> {
    routes![
        referral_page,
        referral_confirm_submit,
        referral_decline_submit,
        referral_document_download,
        company_referrals_page,
        company_referral_submit,
        referral_import_submit
    ]
}

fn expired_form() -> AppError {
    AppError::new(
        Status::Forbidden,
        "csrf",
        "This form has expired. Please open the link from your e-mail again.",
    )
}

#[get("/referrals/<token>")]
pub async fn referral_page(
    state: &State<AppState>,
    csrf: CsrfToken,
    token: &str,
) -> Result<Page, AppError> {
    let (r, company) = referrals::by_token(state, token).await?;
    let open = r.status == referrals::INVITED && r.expires_at > state.clock.now();
    let documents: Vec<_> = referrals::documents_of(state, &[r.id])
        .await?
        .remove(&r.id)
        .unwrap_or_default()
        .into_iter()
        .map(|d| context! { id: d.id, name: d.file_name, kib: (d.size.max(0) as u64).div_ceil(1024) })
        .collect();
    let amount =
        crate::domain::money::format_amount_in(r.amount_cents, &r.currency, &r.consumer_language);
    let language = r.consumer_language.clone();
    Ok(Page::new(
        "referral",
        context! {
            title: "referral-title", title_args: context! { company: company.clone() }, csrf: csrf.0, token, company, open,
            amount, expires: r.expires_at.format("%Y-%m-%d").to_string(), documents, r,
        },
    )
    // The invitation's page speaks the consumer's language, as its e-mail did.
    .meant_for(&language))
}

/// A document the company sent with the referral, for the consumer holding the link.
#[get("/referrals/<token>/documents/<id>")]
pub async fn referral_document_download(
    state: &State<AppState>,
    token: &str,
    id: i64,
) -> Result<FileDownload, AppError> {
    let (row, bytes) = referrals::document_by_token(state, token, id).await?;
    Ok(FileDownload::of(bytes, &row.content_type, &row.file_name))
}

#[derive(FromForm)]
pub struct ConfirmForm {
    csrf: String,
    addition: String,
    desired_outcome: String,
    /// Euros and cents as typed: "649,00"; empty keeps the company's figure.
    amount: String,
    public: Option<String>,
}

#[post("/referrals/<token>/confirmation", data = "<form>")]
pub async fn referral_confirm_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    token: &str,
    form: Form<ConfirmForm>,
) -> Result<Page, AppError> {
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired_form());
    }
    let amount_cents = match form.amount.trim() {
        "" => None,
        typed => Some(crate::web::case_pages::parse_amount(typed).ok_or_else(|| {
            AppError::invalid_field("amount", "write the amount as a number, such as 649,00")
        })?),
    };
    let answer = Confirmation {
        addition: form.addition.clone(),
        desired_outcome: Remedy::parse(&form.desired_outcome),
        amount_cents,
        public: form.public.is_some(),
    };
    let case = referrals::confirm(state, token, answer).await?;
    Ok(Page::new(
        "notice",
        context! {
            title: "notice-referral-filed-title",
            message: "notice-referral-filed-message",
            message_args: context! { reference: case.reference.to_string() },
            next: "/login", next_label: "notice-referral-filed-next",
        },
    ))
}

#[derive(FromForm)]
pub struct DeclineForm {
    csrf: String,
    reason: String,
}

#[post("/referrals/<token>/decline", data = "<form>")]
pub async fn referral_decline_submit(
    state: &State<AppState>,
    jar: &CookieJar<'_>,
    token: &str,
    form: Form<DeclineForm>,
) -> Result<Page, AppError> {
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired_form());
    }
    referrals::decline(state, token, &form.reason).await?;
    Ok(Page::new(
        "notice",
        context! {
            title: "notice-referral-declined-title",
            message: "notice-referral-declined-message",
            next: "/", next_label: "notice-referral-declined-next",
        },
    ))
}

/// A company's referrals, and the form its representatives refer a complaint with.
#[get("/companies/<id>/referrals")]
pub async fn company_referrals_page(
    state: &State<AppState>,
    who: Option<crate::web::auth::CurrentUser>,
    csrf: CsrfToken,
    id: i64,
) -> Result<rocket::Either<(Status, Page), Redirect>, AppError> {
    let Some(who) = who else {
        return Ok(rocket::Either::Right(Redirect::to("/login")));
    };
    let page = referrals_page(state, &who, &csrf, id, Status::Ok, context! {}).await?;
    Ok(rocket::Either::Left(page))
}

/// The company's referral page, with what a CSV import made of the file, if one was sent.
async fn referrals_page(
    state: &AppState,
    who: &crate::web::auth::CurrentUser,
    csrf: &CsrfToken,
    id: i64,
    status: Status,
    import: impl serde::Serialize,
) -> Result<(Status, Page), AppError> {
    let list = referrals::list(state, &who.caller(), id).await?;
    let ids: Vec<i64> = list.iter().map(|(r, _)| r.id).collect();
    let mut documents = referrals::documents_of(state, &ids).await?;
    let items: Vec<_> = list
        .into_iter()
        .map(|(r, case)| {
            let documents: Vec<String> = documents
                .remove(&r.id)
                .unwrap_or_default()
                .into_iter()
                .map(|d| d.file_name)
                .collect();
            context! {
                reference: r.company_reference, consumer: r.consumer_name, status: r.status,
                sent: r.created_at.format("%Y-%m-%d").to_string(), case, documents,
            }
        })
        .collect();
    Ok((
        status,
        Page::new(
            "company_referrals",
            context! {
                title: "company-referrals-title", csrf: &csrf.0, company_id: id, items, import,
                today: state.clock.now().date_naive().to_string(),
                max_documents: referrals::MAX_DOCUMENTS, columns: referrals::CSV_COLUMNS.join(","),
            },
        ),
    ))
}

/// A CSV of referrals from the company's page: imported whole, or the page names each wrong
/// line and field and nothing is imported.
#[post("/companies/<id>/referrals/import", data = "<form>")]
pub async fn referral_import_submit(
    state: &State<AppState>,
    who: Option<crate::web::auth::CurrentUser>,
    jar: &CookieJar<'_>,
    csrf: CsrfToken,
    id: i64,
    form: Result<Form<ImportForm<'_>>, Errors<'_>>,
) -> Result<rocket::Either<(Status, Page), Redirect>, AppError> {
    let Some(who) = who else {
        return Ok(rocket::Either::Right(Redirect::to("/login")));
    };
    let form = form.map_err(|_| {
        AppError::invalid_field("file", "choose a CSV file of at most 5 MiB to import")
    })?;
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired_form());
    }
    let bytes = read_upload(&form.file).await?.bytes;
    let (status, import) = match referrals::refer_csv(state, &who.caller(), id, &bytes).await? {
        referrals::Imported::All(done) => {
            let created = done.iter().filter(|d| d.created).count();
            let already = done.len() - created;
            (
                Status::Ok,
                serde_json::json!({ "done": true, "created": created, "already": already }),
            )
        }
        referrals::Imported::Nothing(problems) => {
            let problems: Vec<_> = problems
                .into_iter()
                .map(|p| context! { line: p.line, field: p.field, message: p.message })
                .collect();
            (
                Status::UnprocessableEntity,
                serde_json::json!({ "problems": problems }),
            )
        }
    };
    let page = referrals_page(state, &who, &csrf, id, status, import).await?;
    Ok(rocket::Either::Left(page))
}

#[derive(FromForm)]
pub struct ImportForm<'r> {
    csrf: String,
    file: Capped<TempFile<'r>>,
}

#[derive(FromForm)]
pub struct ReferralForm<'r> {
    csrf: String,
    /// The documents of the company's procedure; an empty file field is no document.
    documents: Vec<Capped<TempFile<'r>>>,
    company_reference: String,
    consumer_name: String,
    consumer_email: String,
    consumer_language: String,
    case_type: String,
    complained_on: String,
    channel: String,
    asked: String,
    offered: String,
    final_answer: String,
    desired_outcome: String,
    amount: String,
}

#[post("/companies/<id>/referrals", data = "<form>")]
pub async fn company_referral_submit(
    state: &State<AppState>,
    who: Option<crate::web::auth::CurrentUser>,
    jar: &CookieJar<'_>,
    id: i64,
    form: Form<ReferralForm<'_>>,
) -> Result<Redirect, AppError> {
    let Some(who) = who else {
        return Ok(Redirect::to("/login"));
    };
    if !csrf::verify(jar, &form.csrf) {
        return Err(expired_form());
    }
    let complained_on = chrono::NaiveDate::parse_from_str(form.complained_on.trim(), "%Y-%m-%d")
        .map_err(|_| {
            AppError::invalid_field(
                "complained_on",
                "give the date as on a calendar, such as 2026-02-10",
            )
        })?;
    let amount_cents = crate::web::case_pages::parse_amount(&form.amount).ok_or_else(|| {
        AppError::invalid_field("amount", "write the amount as a number, such as 649,00")
    })?;
    let claim = crate::domain::money::Money::eur(amount_cents)
        .map_err(|e| AppError::invalid_field("amount", e.to_string()))?;
    let new = referrals::NewReferral {
        company_reference: form.company_reference.clone(),
        consumer_name: form.consumer_name.clone(),
        consumer_email: form.consumer_email.clone(),
        consumer_language: form.consumer_language.clone(),
        case_type: form.case_type.clone(),
        complained_on,
        channel: form.channel.clone(),
        asked: form.asked.clone(),
        offered: form.offered.clone(),
        final_answer: form.final_answer.clone(),
        desired_outcome: Remedy::parse(&form.desired_outcome).unwrap_or(Remedy::Other),
        claim,
    };
    let mut documents = Vec::new();
    for file in form.documents.iter().filter(|f| !f.is_empty()) {
        documents.push(read_upload(file).await?);
    }
    referrals::refer(state, &who.caller(), id, new, documents).await?;
    Ok(Redirect::to(format!("/companies/{id}/referrals")))
}
