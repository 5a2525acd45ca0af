//! The case's thread through the API (R14): messages, and documents uploaded and downloaded.
use super::body;
use crate::domain::dossier::{Command, Event};
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::services::casefile;
use crate::services::documents::{self, Upload};
use crate::services::dossier::execute;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use rocket::data::Capped;
use rocket::form::{Errors, Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::{ContentType, Header, Status};
use rocket::serde::json::Json;
use rocket::tokio::io::AsyncReadExt;
use rocket::{Responder, Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        post_message,
        upload_document,
        download_document,
        export_json,
        export_pdf
    ]
}

#[derive(Deserialize, ToSchema)]
pub struct MessageInput {
    body: String,
    /// Neutrals only: a note the parties never see.
    #[serde(default)]
    internal: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Posted {
    reference: String,
    /// consumer, company or neutral
    author: String,
    internal: bool,
}

/// Write in the case's thread (R14). Each side sees what the other wrote; the neutral may
/// keep internal notes.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/messages", tag = "cases", request_body = MessageInput,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 201, body = Posted), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not a party or the neutral"), (status = 404, description = "Unknown or not visible"),
              (status = 409, description = "The case is closed"),
              (status = 422, description = "Empty message, or an internal note by a party", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/messages", data = "<req>")]
pub async fn post_message(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<MessageInput>,
) -> ApiResult<(Status, Json<Posted>)> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let r = body(req)?;
    let command = Command::PostMessage {
        body: r.body,
        internal: r.internal,
        by_email: false,
    };
    let done = execute(state, &reference, &who.caller(), command).await?;
    let (author, internal) = done
        .events
        .iter()
        .find_map(|e| match e {
            Event::MessagePosted {
                author, internal, ..
            } => Some((author.as_str().to_string(), *internal)),
            _ => None,
        })
        .unwrap_or_default();
    Ok((
        Status::Created,
        Json(Posted {
            reference: done.case.reference,
            author,
            internal,
        }),
    ))
}

#[derive(FromForm)]
pub struct UploadForm<'r> {
    file: Capped<TempFile<'r>>,
}

/// The file of a multipart upload, read whole; a clear 413 or 422 when it cannot be.
pub(crate) async fn received_upload(
    form: Result<Form<UploadForm<'_>>, Errors<'_>>,
) -> Result<Upload, AppError> {
    let too_large = || {
        AppError::new(
            Status::PayloadTooLarge,
            "too_large",
            "The file is larger than the server accepts (25 MiB).",
        )
    };
    let form = form.map_err(|errors| {
        if errors.iter().any(|e| e.status() == Status::PayloadTooLarge) {
            too_large()
        } else {
            AppError::invalid_field(
                "file",
                "send the document as a multipart form field named file",
            )
        }
    })?;
    read_upload(&form.file).await
}

/// An uploaded file with the name its sender gave it, read whole; 413 when it was cut short at
/// the server's limit. The documents service cleans the name before it is shown.
pub(crate) async fn read_upload(file: &Capped<TempFile<'_>>) -> Result<Upload, AppError> {
    if !file.is_complete() {
        return Err(AppError::new(
            Status::PayloadTooLarge,
            "too_large",
            "The file is larger than the server accepts (25 MiB).",
        ));
    }
    let file_name = file
        .raw_name()
        .map(|n| n.dangerous_unsafe_unsanitized_raw().as_str().to_string())
        .unwrap_or_default();
    let mut bytes = Vec::with_capacity(file.len() as usize);
    let read = async {
        let mut reader = file.open().await?;
        reader.read_to_end(&mut bytes).await
    };
    read.await
        .map_err(|_| AppError::bad_request("The file could not be read."))?;
    Ok(Upload { file_name, bytes })
}

#[derive(Serialize, ToSchema)]
pub struct Stored {
    id: i64,
    sha256: String,
    size: i64,
    content_type: String,
    file_name: String,
}

/// Add a document to the case file (multipart field `file`). Kinds and size follow the
/// entity's rules, recognised from the content; the hash enters the audit log.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/attachments", tag = "cases",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    request_body(content_type = "multipart/form-data", description = "a `file` field"),
    responses((status = 201, body = Stored), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not a party or the neutral"), (status = 404, description = "Unknown or not visible"),
              (status = 413, description = "Too large"),
              (status = 422, description = "No file, or a kind of content not accepted", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/attachments", data = "<form>")]
pub async fn upload_document(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    form: Result<Form<UploadForm<'_>>, Errors<'_>>,
) -> ApiResult<(Status, Json<Stored>)> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let upload = received_upload(form).await?;
    let (_, row) = documents::add(state, &who.caller(), &reference, upload).await?;
    Ok((
        Status::Created,
        Json(Stored {
            id: row.id,
            sha256: row.sha256,
            size: row.size,
            content_type: row.content_type,
            file_name: row.file_name,
        }),
    ))
}

#[derive(Responder)]
pub struct FileDownload(Vec<u8>, ContentType, Header<'static>);

impl FileDownload {
    /// A stored document offered for download under its name, reduced to safe characters.
    pub(crate) fn of(bytes: Vec<u8>, content_type: &str, file_name: &str) -> Self {
        let content_type = ContentType::parse_flexible(content_type).unwrap_or(ContentType::Binary);
        let name: String = file_name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        FileDownload(
            bytes,
            content_type,
            Header::new(
                "Content-Disposition",
                format!("attachment; filename=\"{name}\""),
            ),
        )
    }
}

/// Download a document of the case.
#[utoipa::path(get, path = "/api/v1/cases/{reference}/attachments/{id}", tag = "cases",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123"), ("id" = i64, Path, description = "document id")),
    responses((status = 200, description = "The file"), (status = 401, description = "Not logged in"),
              (status = 404, description = "Unknown or not visible")))]
#[get("/cases/<reference>/attachments/<id>")]
pub async fn download_document(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    id: i64,
) -> ApiResult<FileDownload> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let (row, bytes) = documents::download(state, &who.caller(), &reference, id).await?;
    Ok(FileDownload::of(bytes, &row.content_type, &row.file_name))
}

/// The whole case file as JSON: parties, claim, dates, messages, documents with hashes,
/// proposals and every step, as the caller may see it (R3).
#[utoipa::path(get, path = "/api/v1/cases/{reference}/export.json", tag = "cases",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, description = "The case file as JSON"), (status = 401, description = "Not logged in"),
              (status = 404, description = "Unknown or not visible")))]
#[get("/cases/<reference>/export.json")]
pub async fn export_json(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
) -> ApiResult<FileDownload> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let export = casefile::export(state, &reference, &who.caller()).await?;
    let text =
        serde_json::to_vec_pretty(&export.json).map_err(|e| AppError::internal(&e.into()))?;
    Ok(FileDownload(
        text,
        ContentType::JSON,
        Header::new(
            "Content-Disposition",
            format!("attachment; filename=\"{}.json\"", export.reference),
        ),
    ))
}

/// The whole case file as one PDF (R3).
#[utoipa::path(get, path = "/api/v1/cases/{reference}/export.pdf", tag = "cases",
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 200, description = "The case file as PDF", content_type = "application/pdf"),
              (status = 401, description = "Not logged in"), (status = 404, description = "Unknown or not visible")))]
#[get("/cases/<reference>/export.pdf")]
pub async fn export_pdf(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
) -> ApiResult<FileDownload> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let export = casefile::export(state, &reference, &who.caller()).await?;
    Ok(FileDownload(
        export.pdf,
        ContentType::PDF,
        Header::new(
            "Content-Disposition",
            format!("attachment; filename=\"{}.pdf\"", export.reference),
        ),
    ))
}
