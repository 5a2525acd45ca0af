//! The HTTP surface: builds the Rocket from an `AppState`, with pages, the JSON API, the
//! OpenAPI document and error catchers that answer in JSON or HTML as the client expects.
pub mod access;
pub mod account_pages;
pub mod api;
pub mod auth;
pub mod case_pages;
pub mod company_pages;
pub mod credential_pages;
pub mod csrf;
pub mod headers;
pub mod health;
pub mod idempotency;
pub mod language;
pub mod limits;
pub mod mail_pages;
pub mod negotiation_pages;
pub mod openapi;
pub mod page;
pub mod pages;
pub mod public_pages;
pub mod referral_pages;
pub mod report_pages;
pub mod template_helpers;
pub mod verify_page;

use crate::error::AppError;
use crate::state::AppState;
use rocket::data::{Limits, ToByteUnit};
use rocket::http::Status;
use rocket::{Build, Request, Rocket, catch, catchers};
use rocket_dyn_templates::Template;

pub fn build(state: AppState) -> Rocket<Build> {
    let config = state.config.clone();
    let texts = state.texts.clone();
    let limits = Limits::default()
        .limit("json", 1.mebibytes())
        .limit("form", 256.kibibytes())
        .limit("data-form", 25.mebibytes())
        .limit("file", 25.mebibytes());
    let mut figment = rocket::Config::figment()
        .merge(("address", config.address))
        .merge(("port", config.port))
        .merge(("template_dir", config.templates_dir.clone()))
        .merge(("limits", limits))
        .merge(("ident", "Redress"));
    if let Some(key) = &config.secret_key {
        figment = figment.merge(("secret_key", key.clone()));
    }
    rocket::custom(figment)
        .manage(state)
        .manage(limits::RateLimiter::default())
        .attach(Template::custom(move |engines| {
            template_helpers::register(&mut engines.handlebars, texts.clone())
        }))
        .attach(headers::SecurityHeaders)
        .attach(idempotency::Idempotency)
        .mount("/", idempotency::routes())
        .mount("/", pages::routes())
        .mount("/", language::routes())
        .mount(
            "/static",
            rocket::fs::FileServer::new(config.static_dir(), rocket::fs::Options::Missing),
        )
        .mount("/", account_pages::routes())
        .mount("/", credential_pages::routes())
        .mount("/", case_pages::routes())
        .mount("/", negotiation_pages::routes())
        .mount("/", verify_page::routes())
        .mount("/", mail_pages::routes())
        .mount("/", report_pages::routes())
        .mount("/", referral_pages::routes())
        .mount("/", company_pages::routes())
        .mount("/", public_pages::routes())
        .mount("/", health::routes())
        .mount("/api/v1", openapi::routes())
        .mount("/api/v1", api::accounts::routes())
        .mount("/api/v1", api::cases::routes())
        .mount("/api/v1", api::tokens::routes())
        .mount("/api/v1", api::people::routes())
        .mount("/api/v1", api::intake::routes())
        .mount("/api/v1", api::case_steps::routes())
        .mount("/api/v1", api::thread::routes())
        .mount("/api/v1", api::publication::routes())
        .mount("/api/v1", api::bundles::routes())
        .mount("/api/v1", api::mediation::routes())
        .mount("/api/v1", api::neutrality::routes())
        .mount("/api/v1", api::bidding::routes())
        .mount("/api/v1", api::records::routes())
        .mount("/api/v1", api::inbound::routes())
        .mount("/api/v1", api::reports::routes())
        .mount("/api/v1", api::referrals::routes())
        .mount("/api/v1", api::webhooks::routes())
        .mount("/.well-known/redress", api::records::well_known_routes())
        .register("/", catchers![any_error])
}

/// Every error Rocket ends a request with (unknown route, bad body, too large…) gets the same
/// JSON or HTML shape as the errors handlers return.
#[catch(default)]
fn any_error(status: Status, _req: &Request<'_>) -> AppError {
    AppError::from_status(status)
}
