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
pub mod webhooks;

use crate::error::AppError;

/// A JSON request body, read in full (so its fingerprint is known to the idempotency keys),
/// then parsed. Reading never fails the route: the handler gets a clear 400, 413 or 422 from
/// [`body`].
pub struct Body<T>(Result<T, AppError>);

#[rocket::async_trait]
impl<'r, T: serde::de::DeserializeOwned> rocket::data::FromData<'r> for Body<T> {
    type Error = std::convert::Infallible;

    async fn from_data(
        req: &'r rocket::Request<'_>,
        data: rocket::Data<'r>,
    ) -> rocket::data::Outcome<'r, Self> {
        use rocket::data::ToByteUnit;
        let limit = req.limits().get("json").unwrap_or(1.mebibytes());
        let read = match data.open(limit).into_bytes().await {
            Ok(bytes) if bytes.is_complete() => Ok(bytes.into_inner()),
            Ok(_) => Err(AppError::new(
                rocket::http::Status::PayloadTooLarge,
                "too_large",
                "The request body is larger than this address accepts (1 MiB for JSON).",
            )),
            Err(_) => Err(AppError::bad_request("The request body could not be read.")),
        };
        let parsed = read.and_then(|bytes| {
            req.local_cache(|| {
                crate::web::idempotency::BodyHash(Some(crate::audit::sha256_hex(&bytes)))
            });
            serde_json::from_slice::<T>(&bytes).map_err(|e| {
                if e.is_data() {
                    let mut err = AppError::new(
                        rocket::http::Status::UnprocessableEntity,
                        "invalid",
                        format!("Some fields are missing or have the wrong type: {e}"),
                    );
                    err.fields.insert("body".into(), vec![e.to_string()]);
                    err
                } else {
                    AppError::bad_request(format!("The body is not valid JSON: {e}"))
                }
            })
        });
        rocket::data::Outcome::Success(Body(parsed))
    }
}

/// The body of a JSON request, or a clear 400 (unreadable), 413 (too large) or 422 (wrong
/// fields) in the API's error shape instead of Rocket's bare status.
pub fn body<T>(parsed: Body<T>) -> Result<T, AppError> {
    parsed.0
}
