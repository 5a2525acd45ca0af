//! Incoming mail through the API (R3): a mail server hands each message over (authenticated
//! by a shared secret), and staff review what is held in quarantine.
use super::body;
use crate::domain::dossier::Side;
use crate::domain::reference::CaseReference;
use crate::error::{ApiResult, AppError};
use crate::mail::inbound::MAX_BYTES;
use crate::services::inbound::{self, Held, Ingested};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use rocket::data::{Data, ToByteUnit};
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::Deserialize;
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![receive_mail, held_mail, assign_mail, discard_mail]
}

/// The bearer token of a request, compared with `--inbound-secret` by the handler.
pub struct MailServer(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for MailServer {
    type Error = std::convert::Infallible;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let token = req
            .headers()
            .get_one("Authorization")
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::to_string);
        Outcome::Success(MailServer(token))
    }
}

/// Hand over one raw RFC 5322 message, as a mail server's pipe delivers it. Stored on its case,
/// or held in quarantine with the reason; the same Message-ID twice is kept once.
#[utoipa::path(post, path = "/api/v1/inbound-mail", tag = "mail",
    request_body(content = String, content_type = "message/rfc822", description = "the raw message"),
    responses((status = 202, body = Ingested), (status = 401, description = "Wrong or missing shared secret"),
              (status = 404, description = "Inbound mail is not configured"),
              (status = 413, description = "Larger than 25 MiB: held in quarantine, not read"),
              (status = 422, description = "Not an e-mail message: held in quarantine", body = crate::error::ErrorDetail)))]
#[post("/inbound-mail", data = "<data>")]
pub async fn receive_mail(
    state: &State<AppState>,
    server: MailServer,
    data: Data<'_>,
) -> ApiResult<(Status, Json<Ingested>)> {
    let Some(secret) = &state.config.inbound_secret else {
        return Err(AppError::not_found());
    };
    let given = server.0.unwrap_or_default();
    let digest = |s: &str| crate::audit::sha256_hex(s.as_bytes());
    if digest(&given) != digest(secret) {
        return Err(AppError::new(
            Status::Unauthorized,
            "unauthorized",
            "Send the shared secret as a bearer token.",
        ));
    }
    let read = data
        .open((MAX_BYTES as u64 + 1).bytes())
        .into_bytes()
        .await
        .map_err(|_| AppError::bad_request("The message could not be read."))?;
    let raw = read.into_inner();
    let ingested = inbound::ingest(state, &raw).await?;
    if ingested.unreadable {
        let (status, code) = if raw.len() > MAX_BYTES {
            (Status::PayloadTooLarge, "too_large")
        } else {
            (Status::UnprocessableEntity, "unreadable")
        };
        return Err(AppError::new(
            status,
            code,
            format!(
                "{}; it is held in quarantine as number {} for staff to look at.",
                ingested.reason.unwrap_or_default(),
                ingested.id
            ),
        ));
    }
    Ok((Status::Accepted, Json(ingested)))
}

/// Incoming mail held in quarantine, oldest first, with the case Redress proposes (staff).
#[utoipa::path(get, path = "/api/v1/inbound-mail", tag = "mail",
    responses((status = 200, body = Vec<Held>), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not staff")))]
#[get("/inbound-mail")]
pub async fn held_mail(state: &State<AppState>, who: CurrentUser) -> ApiResult<Json<Vec<Held>>> {
    Ok(Json(inbound::held(state, &who.caller()).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct MailAssignment {
    /// The case the message belongs to, e.g. RD-2026-000123.
    reference: String,
    /// consumer or company: whose message it is.
    side: String,
}

/// Put a held message on a case as the named party's message (staff vouch for the sender).
#[utoipa::path(post, path = "/api/v1/inbound-mail/{id}/assignment", tag = "mail", request_body = MailAssignment,
    params(("id" = i64, Path, description = "the held message")),
    responses((status = 200, body = Ingested), (status = 403, description = "Not staff"),
              (status = 404, description = "No such message in quarantine, or no such case"),
              (status = 422, description = "Unknown side or reference", body = crate::error::ErrorDetail)))]
#[post("/inbound-mail/<id>/assignment", data = "<req>")]
pub async fn assign_mail(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    req: super::Body<MailAssignment>,
) -> ApiResult<Json<Ingested>> {
    let r = body(req)?;
    let (reference, side) = assignment_of(&r.reference, &r.side)?;
    Ok(Json(
        inbound::assign(state, &who.caller(), id, &reference, side).await?,
    ))
}

/// A reference and a side as typed into a form or a request.
pub fn assignment_of(reference: &str, side: &str) -> Result<(CaseReference, Side), AppError> {
    let reference = reference
        .trim()
        .to_uppercase()
        .parse::<CaseReference>()
        .map_err(|_| AppError::invalid_field("reference", "a reference such as RD-2026-000123"))?;
    let side = Side::parse(side.trim())
        .ok_or_else(|| AppError::invalid_field("side", "consumer or company"))?;
    Ok((reference, side))
}

#[derive(Deserialize, ToSchema)]
pub struct MailDiscard {
    reason: String,
}

/// Discard a held message, saying why; it stays on file.
#[utoipa::path(post, path = "/api/v1/inbound-mail/{id}/discard", tag = "mail", request_body = MailDiscard,
    params(("id" = i64, Path, description = "the held message")),
    responses((status = 200, body = Ingested), (status = 403, description = "Not staff"),
              (status = 404, description = "No such message in quarantine"),
              (status = 422, description = "No reason", body = crate::error::ErrorDetail)))]
#[post("/inbound-mail/<id>/discard", data = "<req>")]
pub async fn discard_mail(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    req: super::Body<MailDiscard>,
) -> ApiResult<Json<Ingested>> {
    let reason = body(req)?.reason;
    Ok(Json(
        inbound::discard(state, &who.caller(), id, &reason).await?,
    ))
}
