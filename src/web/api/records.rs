//! Signed records and the verifiable log through the API (R26, R27): a case's record as JSON
//! and as its sealed PDF, checking a record or a PDF, the published keys, signed tree heads,
//! inclusion and consistency proofs, and the whole log for staff.
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::records::SignedRecord;
use crate::services::keys::{self, PublicKey};
use crate::services::records::{self, Verdict};
use crate::services::transparency::{self, ConsistencyProof, InclusionProof, TreeHead};
use crate::services::{authorize_global, views};
use crate::state::AppState;
use crate::web::api::cases::AuditEntryView;
use crate::web::auth::CurrentUser;
use rocket::data::{Data, ToByteUnit};
use rocket::http::{ContentType, Header, Status};
use rocket::serde::json::Json;
use rocket::{Responder, Route, State, get, post, routes};
use serde::Serialize;
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        settlement,
        settlement_pdf,
        verify,
        audit_head,
        audit_proof,
        audit_consistency,
        audit_entries
    ]
}

/// The published keys live at a well-known address, outside the API's prefix.
pub fn well_known_routes() -> Vec<Route> {
    routes![published_keys]
}

/// The largest file `POST /api/v1/verify` reads: records are tens of kilobytes.
const MAX_VERIFY_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Serialize, ToSchema)]
pub struct SettlementView {
    #[serde(flatten)]
    signed: SignedRecord,
    /// Where the sealed PDF is.
    pdf: String,
    pdf_sha256: Option<String>,
}

/// The signed record of a case: its settlement, or the record of how it ended (R20, R27).
#[utoipa::path(get, path = "/api/v1/cases/{reference}/settlement", tag = "records",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, body = SettlementView), (status = 401, description = "Not logged in"),
              (status = 404, description = "Unknown or not visible"), (status = 409, description = "No record issued yet")))]
#[get("/cases/<reference>/settlement")]
pub async fn settlement(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
) -> ApiResult<Json<SettlementView>> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let file = views::case_file(state, &reference, &who.caller()).await?;
    let (signed, row) = records::latest(state, &file.case)
        .await?
        .ok_or_else(not_yet)?;
    Ok(Json(SettlementView {
        signed,
        pdf: format!("/api/v1/cases/{reference}/settlement.pdf"),
        pdf_sha256: row.pdf_sha256,
    }))
}

fn not_yet() -> AppError {
    AppError::new(
        Status::Conflict,
        "no_record",
        "No signed record yet: Redress issues it when the case settles or is closed.",
    )
}

#[derive(Responder)]
pub struct PdfFile(Vec<u8>, ContentType, Header<'static>);

/// The sealed PDF of the case's record, exactly as issued.
#[utoipa::path(get, path = "/api/v1/cases/{reference}/settlement.pdf", tag = "records",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, description = "The PDF"), (status = 401, description = "Not logged in"),
              (status = 404, description = "Unknown or not visible"), (status = 409, description = "No record issued yet")))]
#[get("/cases/<reference>/settlement.pdf")]
pub async fn settlement_pdf(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
) -> ApiResult<PdfFile> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let file = views::case_file(state, &reference, &who.caller()).await?;
    let (signed, row) = records::latest(state, &file.case)
        .await?
        .ok_or_else(not_yet)?;
    let bytes = records::pdf_bytes(state, &row)?;
    let name = format!("{reference}-{}.pdf", signed.record.kind);
    Ok(PdfFile(
        bytes,
        ContentType::PDF,
        Header::new(
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ),
    ))
}

/// Check a record: send the sealed PDF (`application/pdf`) or the signed record as JSON. The
/// answer says whether it is valid and, if not, why; `on_file` tells whether this server
/// issued exactly this record.
#[utoipa::path(post, path = "/api/v1/verify", tag = "records",
    request_body(content = SignedRecord, description = "the signed record as JSON, or the PDF bytes with Content-Type application/pdf"),
    responses((status = 200, body = Verdict), (status = 413, description = "Larger than 5 MiB"),
              (status = 422, description = "Neither a PDF nor a signed record", body = crate::error::ErrorDetail)))]
#[post("/verify", data = "<data>")]
pub async fn verify(
    state: &State<AppState>,
    content_type: Option<&ContentType>,
    data: Data<'_>,
) -> ApiResult<Json<Verdict>> {
    let read = data
        .open(MAX_VERIFY_BYTES.bytes())
        .into_bytes()
        .await
        .map_err(|_| AppError::bad_request("The request body could not be read."))?;
    if !read.is_complete() {
        return Err(AppError::new(
            Status::PayloadTooLarge,
            "too_large",
            "A record is at most 5 MiB.",
        ));
    }
    let bytes = read.into_inner();
    let json = content_type.is_some_and(|c| c.is_json());
    let verdict = if json || bytes.first() == Some(&b'{') {
        let signed: SignedRecord = serde_json::from_slice(&bytes)
            .map_err(|e| AppError::invalid_field("record", format!("not a signed record: {e}")))?;
        records::verify_record(state, signed).await?
    } else if bytes.starts_with(b"%PDF-") {
        records::verify_pdf(state, &bytes).await?
    } else {
        return Err(AppError::invalid_field(
            "body",
            "send the record's PDF, or the signed record as JSON",
        ));
    };
    Ok(Json(verdict))
}

#[derive(Serialize, ToSchema)]
pub struct KeySet {
    keys: Vec<PublicKey>,
}

/// Every public key the entity ever signed with, with its validity, so records signed before
/// a rotation still verify.
#[utoipa::path(get, path = "/.well-known/redress/keys.json", tag = "records",
    responses((status = 200, body = KeySet)))]
#[get("/keys.json")]
pub async fn published_keys(state: &State<AppState>) -> ApiResult<Json<KeySet>> {
    Ok(Json(KeySet {
        keys: keys::published(state).await?,
    }))
}

/// The latest signed head of the audit log's Merkle tree (signed now if there is none yet).
#[utoipa::path(get, path = "/api/v1/audit/head", tag = "records",
    responses((status = 200, body = TreeHead), (status = 409, description = "No signing key yet")))]
#[get("/audit/head")]
pub async fn audit_head(state: &State<AppState>) -> ApiResult<Json<TreeHead>> {
    let head = match transparency::latest_head(state).await? {
        Some(head) => head,
        None => transparency::sign_head(state, "request").await?,
    };
    Ok(Json(head))
}

/// The proof that audit entry `seq` is in the tree of `tree_size` entries (default: the latest
/// signed head that covers it).
#[utoipa::path(get, path = "/api/v1/audit/proof/{seq}", tag = "records",
    params(("seq" = i64, Path, description = "entry number, from 1"),
           ("tree_size" = Option<i64>, Query, description = "the tree to prove against")),
    responses((status = 200, body = InclusionProof),
              (status = 422, description = "No such entry in that tree", body = crate::error::ErrorDetail)))]
#[get("/audit/proof/<seq>?<tree_size>")]
pub async fn audit_proof(
    state: &State<AppState>,
    seq: i64,
    tree_size: Option<i64>,
) -> ApiResult<Json<InclusionProof>> {
    Ok(Json(transparency::inclusion(state, seq, tree_size).await?))
}

/// The proof that the tree of `first` entries is a prefix of the tree of `second`: that
/// nothing before `first` was changed or removed in between.
#[utoipa::path(get, path = "/api/v1/audit/consistency", tag = "records",
    params(("first" = i64, Query, description = "the older tree's size"),
           ("second" = i64, Query, description = "the newer tree's size")),
    responses((status = 200, body = ConsistencyProof),
              (status = 422, description = "Sizes out of range", body = crate::error::ErrorDetail)))]
#[get("/audit/consistency?<first>&<second>")]
pub async fn audit_consistency(
    state: &State<AppState>,
    first: i64,
    second: i64,
) -> ApiResult<Json<ConsistencyProof>> {
    Ok(Json(transparency::consistency(state, first, second).await?))
}

#[derive(Serialize, ToSchema)]
pub struct EntryPage {
    items: Vec<AuditEntryView>,
    /// Pass as `after` for the next page; absent on the last.
    next: Option<i64>,
}

/// The whole audit log, for staff, oldest first (ids and hashes only: R26, R29).
#[utoipa::path(get, path = "/api/v1/audit/entries", tag = "records",
    params(("after" = Option<i64>, Query, description = "the last entry of the previous page"),
           ("limit" = Option<u64>, Query, description = "1 to 1000, default 200")),
    responses((status = 200, body = EntryPage), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not staff")))]
#[get("/audit/entries?<after>&<limit>")]
pub async fn audit_entries(
    state: &State<AppState>,
    who: CurrentUser,
    after: Option<i64>,
    limit: Option<u64>,
) -> ApiResult<Json<EntryPage>> {
    authorize_global(&state.policies, &who.caller(), "audit.view_all")?;
    let limit = limit.unwrap_or(200).clamp(1, 1000);
    let items: Vec<AuditEntryView> = views::audit_page(state, after.unwrap_or(0), limit)
        .await?
        .into_iter()
        .map(AuditEntryView::from)
        .collect();
    let next = (items.len() as u64 == limit)
        .then(|| items.last().map(|e| e.seq))
        .flatten();
    Ok(Json(EntryPage { items, next }))
}
