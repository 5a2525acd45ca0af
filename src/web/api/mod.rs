//! The JSON API under /api/v1.
pub mod accounts;
pub mod bidding;
pub mod bundles;
pub mod case_steps;
pub mod cases;
pub mod inbound;
pub mod intake;
pub mod mediation;
pub mod neutrality;
pub mod people;
pub mod publication;
pub mod records;
pub mod referrals;
pub mod reports;
pub mod thread;
pub mod tokens;

use crate::error::AppError;
use rocket::serde::json::{Error as JsonError, Json};

/// The body of a JSON request, or a clear 400 (unreadable) or 422 (wrong fields) in the API's
/// error shape instead of Rocket's bare status.
pub fn body<T>(parsed: Result<Json<T>, JsonError<'_>>) -> Result<T, AppError> {
    match parsed {
        Ok(Json(value)) => Ok(value),
        // Rocket reports a body over the size limit as an early end of data.
        Err(JsonError::Io(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(AppError::new(
                rocket::http::Status::PayloadTooLarge,
                "too_large",
                "The request body is larger than this address accepts (1 MiB for JSON).",
            ))
        }
        Err(JsonError::Io(_)) => Err(AppError::bad_request("The request body could not be read.")),
        Err(JsonError::Parse(_, e)) if e.is_data() => {
            let mut err = AppError::new(
                rocket::http::Status::UnprocessableEntity,
                "invalid",
                format!("Some fields are missing or have the wrong type: {e}"),
            );
            err.fields.insert("body".into(), vec![e.to_string()]);
            Err(err)
        }
        Err(JsonError::Parse(_, e)) => Err(AppError::bad_request(format!(
            "The body is not valid JSON: {e}"
        ))),
    }
}
