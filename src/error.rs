//! The one error type at the web edge: a status, a stable code, a message a person can act
//! on, and per-field problems; rendered as the JSON error of api.md under /api and as a page
//! elsewhere. Internal causes are logged once and never shown.
use crate::services;
use crate::web::page::Page;
use rocket::http::{ContentType, Status};
use rocket::request::Request;
use rocket::response::{self, Responder, Response};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Cursor;

#[derive(Debug)]
pub struct AppError {
    pub status: Status,
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, Vec<String>>,
    /// Seconds for a Retry-After header (429).
    pub retry_after: Option<u64>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

/// The JSON error shape of the API: `{"error": {"code", "message", "fields"}}`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    fields: &'a BTreeMap<String, Vec<String>>,
}

impl AppError {
    pub fn new(status: Status, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            fields: BTreeMap::new(),
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(Status::BadRequest, "bad_request", message)
    }

    pub fn not_found() -> Self {
        Self::new(
            Status::NotFound,
            "not_found",
            "There is nothing here, or you may not see it.",
        )
    }

    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut e = Self::new(
            Status::UnprocessableEntity,
            "invalid",
            format!("Please correct {field}: {message}"),
        );
        e.fields.insert(field.to_string(), vec![message]);
        e
    }

    pub fn internal(cause: &anyhow::Error) -> Self {
        tracing::error!("internal error: {cause:#}");
        Self::new(
            Status::InternalServerError,
            "internal",
            "Something went wrong on our side. Nothing was changed; please try again later.",
        )
    }

    /// The error a status code stands for when Rocket itself ends a request (catchers).
    pub fn from_status(status: Status) -> Self {
        let (code, message) = match status.code {
            400 => (
                "bad_request",
                "The request could not be read. Check that it is well-formed JSON or form data.",
            ),
            401 => ("unauthorized", "Please log in first."),
            403 => ("forbidden", "You may not do this."),
            404 => ("not_found", "There is nothing here, or you may not see it."),
            405 => (
                "method_not_allowed",
                "This address does not accept that method.",
            ),
            409 => (
                "conflict",
                "This conflicts with the current state of the case.",
            ),
            413 => ("too_large", "What you sent is too large."),
            415 => (
                "unsupported_media_type",
                "Send JSON with Content-Type: application/json.",
            ),
            422 => ("invalid", "Some fields are missing or have the wrong type."),
            429 => (
                "too_many_requests",
                "Too many requests. Please wait a moment and try again.",
            ),
            500..=599 => (
                "internal",
                "Something went wrong on our side. Nothing was changed; please try again later.",
            ),
            _ => ("error", "The request could not be handled."),
        };
        Self::new(status, code, message)
    }
}

impl From<services::Error> for AppError {
    fn from(e: services::Error) -> Self {
        use services::Error as E;
        match e {
            E::NotFound => AppError::not_found(),
            E::Unauthorized(m) => AppError::new(Status::Unauthorized, "unauthorized", m),
            E::Forbidden(m) => AppError::new(Status::Forbidden, "forbidden", m),
            E::TooManyAttempts { retry_after_secs } => {
                let mut err = AppError::new(
                    Status::TooManyRequests,
                    "too_many_requests",
                    format!(
                        "Too many failed attempts. Try again in {} minutes.",
                        retry_after_secs.div_ceil(60)
                    ),
                );
                err.retry_after = Some(retry_after_secs);
                err
            }
            E::Rejected(r) if r.is_invalid_input() => {
                let mut err = AppError::new(Status::UnprocessableEntity, "invalid", r.to_string());
                if let crate::domain::dossier::Rejection::Invalid { field, message } = &r {
                    err.fields.insert(field.to_string(), vec![message.clone()]);
                }
                err
            }
            E::Rejected(r) if r.is_forbidden() => {
                AppError::new(Status::Forbidden, "forbidden", r.to_string())
            }
            E::Rejected(r) => AppError::new(Status::Conflict, "conflict", r.to_string()),
            E::Conflict(m) => AppError::new(Status::Conflict, "conflict", m),
            E::TooLarge(m) => AppError::new(Status::PayloadTooLarge, "too_large", m),
            E::Duplicate { reference, company } => {
                let mut err = AppError::new(
                    Status::Conflict,
                    "duplicate",
                    format!(
                        "You already have an open case against {company}: {reference}. Add to that case, or file again with allow_duplicate if this is a different dispute."
                    ),
                );
                err.fields.insert("duplicate_of".into(), vec![reference]);
                err
            }
            E::Invalid { field, message } => AppError::invalid_field(&field, message),
            E::Internal(cause) => AppError::internal(&cause),
        }
    }
}

/// API clients get JSON; so does anyone who asks for it first in Accept.
fn wants_json(req: &Request<'_>) -> bool {
    req.uri().path().starts_with("/api/")
        || req.uri().path().starts_with("/.well-known/")
        || req.format().is_some_and(|f| f.is_json())
        || req.accept().is_some_and(|a| a.preferred().is_json())
}

impl<'r> Responder<'r, 'static> for AppError {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let retry_after = self.retry_after;
        let mut response = self.render(req)?;
        if let Some(secs) = retry_after {
            response.set_raw_header("Retry-After", secs.to_string());
        }
        Ok(response)
    }
}

impl AppError {
    fn render(self, req: &Request<'_>) -> response::Result<'static> {
        if wants_json(req) {
            let body = serde_json::to_string(&ErrorBody {
                error: ErrorDetail {
                    code: self.code,
                    message: &self.message,
                    fields: &self.fields,
                },
            })
            .unwrap_or_else(|_| r#"{"error":{"code":"internal","message":"error"}}"#.into());
            return Response::build()
                .status(self.status)
                .header(ContentType::JSON)
                .sized_body(body.len(), Cursor::new(body))
                .ok();
        }
        let title = match self.status.code {
            400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503 => {
                format!("error-title-{}", self.status.code)
            }
            _ => "error-title-other".to_string(),
        };
        let context = serde_json::json!({
            "title": title,
            "status": self.status.code,
            "message": self.message,
            "fields": self.fields,
        });
        let mut response = Page::new("error", context).respond_to(req).or_else(|_| {
            let text = format!("{} — {}", self.status, self.message);
            Response::build()
                .header(ContentType::Plain)
                .sized_body(text.len(), Cursor::new(text))
                .ok()
        })?;
        response.set_status(self.status);
        Ok(response)
    }
}

pub type ApiResult<T> = Result<T, AppError>;
