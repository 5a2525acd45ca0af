//! Company referrals through the API: a company's system refers a complaint its own procedure
//! could not settle; the consumer answers through the link mailed to them (R33).
use super::body;
use super::thread::{UploadForm, received_upload};
use crate::domain::dossier::Remedy;
use crate::domain::money::{Currency, Money};
use crate::error::{ApiResult, AppError};
use crate::services::referrals::{self, Confirmation, NewReferral};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, NaiveDate, Utc};
use entity::referral_documents as documents;
use entity::referrals as rows;
use rocket::form::{Errors, Form};
use rocket::http::{ContentType, Status};
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        refer,
        company_referrals,
        referral_by_token,
        confirm_referral,
        decline_referral,
        deadlock_letter,
        import_referrals,
        add_referral_document
    ]
}

#[derive(Deserialize, ToSchema)]
pub struct ReferredConsumer {
    name: String,
    email: String,
    /// en, nl, fr or de: the invitation and the case use it.
    language: String,
}

/// The complaint as it went in the company's own procedure.
#[derive(Deserialize, ToSchema)]
pub struct ComplaintHistory {
    /// When the consumer complained to the company.
    complained_on: NaiveDate,
    /// How: email, phone, letter, shop, web form …
    channel: String,
    /// What the consumer asked for.
    asked: String,
    /// What the company offered.
    offered: String,
    /// The company's final answer.
    final_answer: String,
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({
    "company_id": 7, "company_reference": "CS-2026-4411",
    "consumer": {"name": "Anna de Vries", "email": "anna@example.eu", "language": "nl"},
    "case_type": "complaint",
    "history": {"complained_on": "2026-02-10", "channel": "email", "asked": "A refund of the broken washing machine",
                "offered": "A repair", "final_answer": "We repair, we do not refund"},
    "desired_outcome": "refund", "amount_cents": 64900, "currency": "EUR"}))]
pub struct ReferralInput {
    company_id: i64,
    /// The company's own reference of the complaint: a second referral of it returns the first.
    company_reference: String,
    consumer: ReferredConsumer,
    /// complaint (default) or incident
    case_type: Option<String>,
    history: ComplaintHistory,
    /// refund, repair, replacement, discount, apology or other
    desired_outcome: String,
    amount_cents: i64,
    currency: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReferralView {
    id: i64,
    company_id: i64,
    company_reference: String,
    /// invited, confirmed, declined or expired
    status: String,
    consumer_name: String,
    consumer_language: String,
    case_type: String,
    complained_on: NaiveDate,
    channel: String,
    asked: String,
    offered: String,
    final_answer: String,
    desired_outcome: String,
    amount_cents: i64,
    currency: String,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    answered_at: Option<DateTime<Utc>>,
    decline_reason: Option<String>,
    /// The case it became.
    case: Option<String>,
    /// The company's documents; they enter the case file when the consumer confirms.
    documents: Vec<ReferralDocumentView>,
}

#[derive(Serialize, ToSchema)]
pub struct ReferralDocumentView {
    id: i64,
    file_name: String,
    content_type: String,
    size: i64,
    sha256: String,
    /// Where the consumer holding the link downloads it.
    #[serde(skip_serializing_if = "Option::is_none")]
    download: Option<String>,
}

impl ReferralDocumentView {
    fn of(d: documents::Model, token: Option<&str>) -> Self {
        Self {
            download: token.map(|t| format!("{}/documents/{}", referrals::link_path(t), d.id)),
            id: d.id,
            file_name: d.file_name,
            content_type: d.content_type,
            size: d.size,
            sha256: d.sha256,
        }
    }
}

impl ReferralView {
    fn of(r: rows::Model, case: Option<String>, documents: Vec<ReferralDocumentView>) -> Self {
        Self {
            id: r.id,
            company_id: r.company_id,
            company_reference: r.company_reference,
            status: r.status,
            consumer_name: r.consumer_name,
            consumer_language: r.consumer_language,
            case_type: r.case_type,
            complained_on: r.complained_on,
            channel: r.channel,
            asked: r.asked,
            offered: r.offered,
            final_answer: r.final_answer,
            desired_outcome: r.desired_outcome,
            amount_cents: r.amount_cents,
            currency: r.currency,
            created_at: r.created_at,
            expires_at: r.expires_at,
            answered_at: r.answered_at,
            decline_reason: r.decline_reason,
            case,
            documents,
        }
    }
}

async fn document_views(
    state: &AppState,
    ids: &[i64],
    token: Option<&str>,
) -> Result<HashMap<i64, Vec<ReferralDocumentView>>, AppError> {
    Ok(referrals::documents_of(state, ids)
        .await?
        .into_iter()
        .map(|(id, docs)| {
            let views = docs
                .into_iter()
                .map(|d| ReferralDocumentView::of(d, token))
                .collect();
            (id, views)
        })
        .collect())
}

fn claim(amount_cents: i64, currency: &str) -> Result<Money, AppError> {
    let currency: Currency =
        currency
            .trim()
            .to_uppercase()
            .parse()
            .map_err(|e: crate::domain::money::MoneyError| {
                AppError::invalid_field("currency", e.to_string())
            })?;
    Money::new(amount_cents, currency)
        .map_err(|e| AppError::invalid_field("amount_cents", e.to_string()))
}

fn remedy(text: &str) -> Result<Remedy, AppError> {
    Remedy::parse(text).ok_or_else(|| {
        AppError::invalid_field(
            "desired_outcome",
            "choose refund, repair, replacement, discount, apology or other",
        )
    })
}

/// A company refers a complaint its own procedure could not settle (R33: the consumer stays
/// the claimant). The consumer is mailed a link to take it on or decline. 201 for a new
/// referral; 200 with the earlier one when this company reference is already invited or on
/// an open case.
#[utoipa::path(post, path = "/api/v1/referrals", tag = "referrals", request_body = ReferralInput,
    responses((status = 201, body = ReferralView), (status = 200, description = "Already referred: the earlier referral and its case", body = ReferralView),
              (status = 404, description = "Not a representative of this company"),
              (status = 422, description = "A field is missing or wrong", body = crate::error::ErrorDetail)))]
#[post("/referrals", data = "<req>")]
pub async fn refer(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<ReferralInput>,
) -> ApiResult<(Status, Json<ReferralView>)> {
    let r = body(req)?;
    let new = NewReferral {
        company_reference: r.company_reference,
        consumer_name: r.consumer.name,
        consumer_email: r.consumer.email,
        consumer_language: r.consumer.language,
        case_type: r.case_type.unwrap_or_else(|| "complaint".into()),
        complained_on: r.history.complained_on,
        channel: r.history.channel,
        asked: r.history.asked,
        offered: r.history.offered,
        final_answer: r.history.final_answer,
        desired_outcome: remedy(&r.desired_outcome)?,
        claim: claim(r.amount_cents, &r.currency)?,
    };
    let done = referrals::refer(state, &who.caller(), r.company_id, new, vec![]).await?;
    let status = if done.created {
        Status::Created
    } else {
        Status::Ok
    };
    let docs = document_views(state, &[done.referral.id], None)
        .await?
        .remove(&done.referral.id)
        .unwrap_or_default();
    Ok((
        status,
        Json(ReferralView::of(done.referral, done.case, docs)),
    ))
}

/// The company's referrals, newest first, with how each consumer answered.
#[utoipa::path(get, path = "/api/v1/companies/{id}/referrals", tag = "referrals",
    params(("id" = i64, Path, description = "company id")),
    responses((status = 200, body = Vec<ReferralView>), (status = 404, description = "Not a representative of this company")))]
#[get("/companies/<id>/referrals")]
pub async fn company_referrals(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
) -> ApiResult<Json<Vec<ReferralView>>> {
    let list = referrals::list(state, &who.caller(), id).await?;
    let ids: Vec<i64> = list.iter().map(|(r, _)| r.id).collect();
    let mut docs = document_views(state, &ids, None).await?;
    Ok(Json(
        list.into_iter()
            .map(|(r, case)| {
                let d = docs.remove(&r.id).unwrap_or_default();
                ReferralView::of(r, case, d)
            })
            .collect(),
    ))
}

/// What the company sent, for the consumer holding the mailed link.
#[utoipa::path(get, path = "/api/v1/referrals/{token}", tag = "referrals",
    params(("token" = String, Path, description = "from the consumer's invitation link")),
    responses((status = 200, body = ReferralView), (status = 404, description = "No such invitation")))]
#[get("/referrals/<token>")]
pub async fn referral_by_token(
    state: &State<AppState>,
    token: &str,
) -> ApiResult<Json<ReferralView>> {
    let (referral, _) = referrals::by_token(state, token).await?;
    let docs = document_views(state, &[referral.id], Some(token))
        .await?
        .remove(&referral.id)
        .unwrap_or_default();
    Ok(Json(ReferralView::of(referral, None, docs)))
}

#[derive(Deserialize, ToSchema)]
pub struct ConfirmationInput {
    /// What the consumer adds to or corrects in the company's account.
    #[serde(default)]
    addition: String,
    /// To ask for something else than the company wrote.
    desired_outcome: Option<String>,
    amount_cents: Option<i64>,
    /// Publish the complaint, redacted, after moderation (R31).
    #[serde(default)]
    public: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ConfirmedReferral {
    /// The case filed in the consumer's name.
    reference: String,
    url: String,
}

/// The consumer takes the referred complaint on: it becomes their case, with the complaint to
/// the company on record and the company taking part. Without an account they get one and a
/// link to choose a password.
#[utoipa::path(post, path = "/api/v1/referrals/{token}/confirmation", tag = "referrals", request_body = ConfirmationInput,
    params(("token" = String, Path, description = "from the consumer's invitation link")),
    responses((status = 201, body = ConfirmedReferral), (status = 404, description = "No such invitation"),
              (status = 409, description = "Already answered, or expired", body = crate::error::ErrorDetail),
              (status = 422, description = "A field is wrong", body = crate::error::ErrorDetail)))]
#[post("/referrals/<token>/confirmation", data = "<req>")]
pub async fn confirm_referral(
    state: &State<AppState>,
    token: &str,
    req: super::Body<ConfirmationInput>,
) -> ApiResult<(Status, Json<ConfirmedReferral>)> {
    let r = body(req)?;
    let answer = Confirmation {
        addition: r.addition,
        desired_outcome: r.desired_outcome.as_deref().map(remedy).transpose()?,
        amount_cents: r.amount_cents,
        public: r.public,
    };
    let case = referrals::confirm(state, token, answer).await?;
    Ok((
        Status::Created,
        Json(ConfirmedReferral {
            url: format!("/cases/{}", case.reference),
            reference: case.reference,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct DeclineInput {
    /// Optional; the company reads it.
    #[serde(default)]
    reason: String,
}

/// The consumer declines the referral; the company is told.
#[utoipa::path(post, path = "/api/v1/referrals/{token}/decline", tag = "referrals", request_body = DeclineInput,
    params(("token" = String, Path, description = "from the consumer's invitation link")),
    responses((status = 204, description = "Declined"), (status = 404, description = "No such invitation"),
              (status = 409, description = "Already answered, or expired", body = crate::error::ErrorDetail)))]
#[post("/referrals/<token>/decline", data = "<req>")]
pub async fn decline_referral(
    state: &State<AppState>,
    token: &str,
    req: super::Body<DeclineInput>,
) -> ApiResult<Status> {
    let r = body(req)?;
    referrals::decline(state, token, &r.reason).await?;
    Ok(Status::NoContent)
}

/// R36: the letter a company gives a consumer whose complaint it could not settle, on a
/// durable medium (PDF) in the consumer's language: the competent ADR entity, whether the
/// company will take part, and a link to file straight from it.
#[utoipa::path(get, path = "/api/v1/companies/{id}/deadlock-letter", tag = "referrals",
    params(("id" = i64, Path, description = "company id"),
           ("reference" = Option<String>, Query, description = "the company's reference of the complaint"),
           ("consumer" = Option<String>, Query, description = "the consumer's name"),
           ("complained_on" = Option<NaiveDate>, Query, description = "when the consumer complained"),
           ("takes_part" = Option<bool>, Query, description = "whether the company takes part in the ADR procedure"),
           ("language" = Option<String>, Query, description = "en (default), nl, fr or de")),
    responses((status = 200, description = "The letter", content_type = "application/pdf"),
              (status = 404, description = "Not a representative of this company"),
              (status = 422, description = "A field is missing or wrong", body = crate::error::ErrorDetail)))]
#[get(
    "/companies/<id>/deadlock-letter?<reference>&<consumer>&<complained_on>&<takes_part>&<language>"
)]
#[allow(clippy::too_many_arguments)]
pub async fn deadlock_letter(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    reference: Option<&str>,
    consumer: Option<&str>,
    complained_on: Option<&str>,
    takes_part: Option<bool>,
    language: Option<&str>,
) -> ApiResult<(ContentType, Vec<u8>)> {
    let request = referrals::LetterRequest {
        reference: reference.unwrap_or_default().to_string(),
        consumer: consumer.unwrap_or_default().to_string(),
        complained_on: complained_on.unwrap_or_default().to_string(),
        takes_part,
        language: language.unwrap_or("en").to_string(),
    };
    let letter = referrals::deadlock_letter(state, &who.caller(), id, request).await?;
    Ok((ContentType::PDF, letter))
}

#[derive(Serialize, ToSchema)]
pub struct ImportedReferrals {
    /// New referrals: each consumer is invited.
    created: usize,
    /// Lines whose company reference was already referred (waiting, or an open case).
    already_referred: usize,
    referrals: Vec<ReferralView>,
}

/// Refer many complaints from a CSV file (`Content-Type: text/csv`, at most 1,000 lines and
/// 5 MiB) with a header line naming the columns company_reference, consumer_name,
/// consumer_email, consumer_language, case_type, complained_on, channel, asked, offered,
/// final_answer, desired_outcome, amount_cents, currency. Every line is checked first: one
/// wrong line imports nothing, and the answer names each wrong line and field in `fields`
/// (`"line 3: consumer_email"`).
#[utoipa::path(post, path = "/api/v1/companies/{id}/referrals.csv", tag = "referrals",
    params(("id" = i64, Path, description = "company id")),
    request_body(content = String, content_type = "text/csv",
        example = "company_reference,consumer_name,consumer_email,consumer_language,case_type,complained_on,channel,asked,offered,final_answer,desired_outcome,amount_cents,currency\nCS-1,Anna de Vries,anna@example.eu,nl,complaint,2026-02-10,email,A refund,A repair,We repair only,refund,64900,EUR\n"),
    responses((status = 201, body = ImportedReferrals), (status = 404, description = "Not a representative of this company"),
              (status = 413, description = "Larger than 5 MiB", body = crate::error::ErrorDetail),
              (status = 422, description = "Lines with problems; nothing imported", body = crate::error::ErrorDetail)))]
#[post("/companies/<id>/referrals.csv", data = "<file>")]
pub async fn import_referrals(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    file: rocket::Data<'_>,
) -> ApiResult<(Status, Json<ImportedReferrals>)> {
    use rocket::data::ToByteUnit;
    let read = file
        .open(5.mebibytes())
        .into_bytes()
        .await
        .map_err(|_| AppError::bad_request("The file could not be read."))?;
    if !read.is_complete() {
        return Err(AppError::new(
            Status::PayloadTooLarge,
            "too_large",
            "A referrals file may be at most 5 MiB; split it in parts.",
        ));
    }
    match referrals::refer_csv(state, &who.caller(), id, &read.into_inner()).await? {
        referrals::Imported::All(done) => {
            let created = done.iter().filter(|d| d.created).count();
            Ok((
                Status::Created,
                Json(ImportedReferrals {
                    created,
                    already_referred: done.len() - created,
                    referrals: done
                        .into_iter()
                        .map(|d| ReferralView::of(d.referral, d.case, vec![]))
                        .collect(),
                }),
            ))
        }
        referrals::Imported::Nothing(problems) => {
            let mut err = AppError::new(
                Status::UnprocessableEntity,
                "invalid_rows",
                format!(
                    "{} problem(s) in the file; nothing was imported. Mend the lines named and send the whole file again.",
                    problems.len()
                ),
            );
            for p in problems {
                err.fields
                    .entry(format!("line {}: {}", p.line, p.field))
                    .or_default()
                    .push(p.message);
            }
            Err(err)
        }
    }
}

/// Add a document of the company's own procedure to a referral (multipart field `file`), at
/// most 10, while the consumer has not answered. Kinds and size follow the entity's rules; the
/// documents enter the case file, as the company's, when the consumer confirms.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/documents", tag = "referrals",
    params(("id" = i64, Path, description = "referral id")),
    request_body(content_type = "multipart/form-data", description = "a `file` field"),
    responses((status = 201, body = ReferralDocumentView), (status = 404, description = "No such referral of your company"),
              (status = 409, description = "The consumer has answered", body = crate::error::ErrorDetail),
              (status = 413, description = "Too large"),
              (status = 422, description = "No file, a kind of content not accepted, or too many", body = crate::error::ErrorDetail)))]
#[post("/referrals/<id>/documents", data = "<form>")]
pub async fn add_referral_document(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    form: Result<Form<UploadForm<'_>>, Errors<'_>>,
) -> ApiResult<(Status, Json<ReferralDocumentView>)> {
    let upload = received_upload(form).await?;
    let row = referrals::add_document(state, &who.caller(), id, upload).await?;
    Ok((Status::Created, Json(ReferralDocumentView::of(row, None))))
}
