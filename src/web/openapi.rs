//! The OpenAPI 3 document of the JSON API, generated from the handlers' annotations. A test
//! fails when a mounted API route is missing from it.
use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Redress API",
        version = "1",
        description = "Online dispute resolution for EU consumer disputes. JSON in, JSON out; times are RFC 3339 UTC; money is integer cents with an ISO 4217 currency. Errors: {\"error\": {\"code\", \"message\", \"fields\"}}."
    ),
    paths(
        crate::web::health::healthz,
        crate::web::health::readyz,
        openapi_json,
        crate::web::api::accounts::register,
        crate::web::api::accounts::login,
        crate::web::api::accounts::logout,
        crate::web::api::accounts::me,
        crate::web::api::accounts::export,
        crate::web::api::accounts::confirm_email,
        crate::web::api::accounts::resend_confirmation,
        crate::web::api::accounts::request_password_reset,
        crate::web::api::accounts::reset_password,
        crate::web::api::accounts::accept_invitation,
        crate::web::api::accounts::request_erasure,
        crate::web::api::people::create_account,
        crate::web::api::people::invite_representative,
        crate::web::api::people::appoint_representative,
        crate::web::api::intake::search_companies,
        crate::web::api::intake::register_company,
        crate::web::api::intake::file,
        crate::web::api::intake::list_cases,
        crate::web::api::case_steps::supply_information,
        crate::web::api::case_steps::review_completeness,
        crate::web::api::case_steps::decide_admissibility,
        crate::web::api::case_steps::answer_participation,
        crate::web::api::thread::post_message,
        crate::web::api::thread::upload_document,
        crate::web::api::thread::download_document,
        crate::web::api::thread::export_json,
        crate::web::api::thread::export_pdf,
        crate::web::api::publication::public_cases,
        crate::web::api::publication::about,
        crate::web::api::reports::scorecard,
        crate::web::api::reports::company_reply,
        crate::web::api::reports::dashboard_figures,
        crate::web::api::reports::activity_report,
        crate::web::api::reports::write_assessment,
        crate::web::api::reports::list_training,
        crate::web::api::reports::record_training,
        crate::web::api::referrals::refer,
        crate::web::api::referrals::company_referrals,
        crate::web::api::referrals::referral_by_token,
        crate::web::api::referrals::confirm_referral,
        crate::web::api::referrals::decline_referral,
        crate::web::api::referrals::deadlock_letter,
        crate::web::api::referrals::import_referrals,
        crate::web::api::referrals::add_referral_document,
        crate::web::api::webhooks::register_webhook,
        crate::web::api::webhooks::list_webhooks,
        crate::web::api::webhooks::disable_webhook,
        crate::web::api::webhooks::webhook_deliveries,
        crate::web::api::webhooks::replay_delivery,
        crate::web::api::publication::moderate,
        crate::web::api::bundles::create_bundle,
        crate::web::api::bundles::bundle,
        crate::web::api::bundles::answer_bundle,
        crate::web::api::mediation::assign,
        crate::web::api::mediation::declare,
        crate::web::api::mediation::open_round,
        crate::web::api::mediation::propose,
        crate::web::api::mediation::accept_proposal,
        crate::web::api::mediation::reject_proposal,
        crate::web::api::mediation::withdraw,
        crate::web::api::mediation::revoke_consent,
        crate::web::api::mediation::extend,
        crate::web::api::mediation::close,
        crate::web::api::mediation::feedback,
        crate::web::api::mediation::request_review,
        crate::web::api::mediation::change_round_deadline,
        crate::web::api::mediation::ask_for_time,
        crate::web::api::mediation::answer_review,
        crate::web::api::mediation::consent_notices,
        crate::web::api::neutrality::disclose,
        crate::web::api::neutrality::answer_disclosure,
        crate::web::api::neutrality::list_conflicts,
        crate::web::api::neutrality::declare_conflict,
        crate::web::api::bidding::consent_to_blind_bidding,
        crate::web::api::bidding::submit_blind_limit,
        crate::web::api::bidding::report_compliance,
        crate::web::api::inbound::receive_mail,
        crate::web::api::inbound::held_mail,
        crate::web::api::inbound::assign_mail,
        crate::web::api::inbound::discard_mail,
        crate::web::api::records::settlement,
        crate::web::api::records::settlement_pdf,
        crate::web::api::records::verify,
        crate::web::api::records::published_keys,
        crate::web::api::records::audit_head,
        crate::web::api::records::audit_proof,
        crate::web::api::records::audit_consistency,
        crate::web::api::records::audit_entries,
        crate::web::api::cases::case_file,
        crate::web::api::cases::case_audit,
        crate::web::api::tokens::create_token,
        crate::web::api::tokens::list_tokens,
        crate::web::api::tokens::revoke_token,
    ),
    components(schemas(crate::web::health::Health, crate::error::ErrorDetail))
)]
pub struct ApiDoc;

pub fn routes() -> Vec<Route> {
    routes![openapi_json]
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "operations",
    responses((status = 200, description = "The OpenAPI 3 document")))]
#[get("/openapi.json")]
pub fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
