//! What each mounted route requires, in one table. The route-matrix test walks Rocket's
//! routes and fails for a route missing here, then tries every role and relation against each
//! case route and compares the answer with `policies/access.toml`.
use crate::policy::Action;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteAccess {
    /// Anyone, logged in or not.
    Public,
    /// Any logged-in user, about themselves.
    SignedIn,
    /// A logged-in user allowed this action on the case named in the path.
    Case(Action),
    /// A logged-in user allowed this action on the company named in the path.
    Company(Action),
    /// A logged-in user allowed this action, tied to no case or company (staff administration).
    Global(Action),
}

/// Handler name → what it requires.
pub const ROUTES: &[(&str, RouteAccess)] = &[
    ("home", RouteAccess::Public),
    ("register_page", RouteAccess::Public),
    ("register_submit", RouteAccess::Public),
    ("login_page", RouteAccess::Public),
    ("login_submit", RouteAccess::Public),
    ("logout_submit", RouteAccess::Public),
    ("account_page", RouteAccess::SignedIn),
    ("resend_confirmation_submit", RouteAccess::SignedIn),
    ("erasure_submit", RouteAccess::SignedIn),
    ("confirm_page", RouteAccess::Public),
    ("confirm_submit", RouteAccess::Public),
    ("forgot_page", RouteAccess::Public),
    ("forgot_submit", RouteAccess::Public),
    ("reset_page", RouteAccess::Public),
    ("reset_submit", RouteAccess::Public),
    ("invitation_page", RouteAccess::Public),
    ("invitation_submit", RouteAccess::Public),
    ("cases_page", RouteAccess::SignedIn),
    ("new_case_page", RouteAccess::SignedIn),
    // Consumers file their own cases, staff register letters and calls: decided in the service.
    ("new_case_submit", RouteAccess::SignedIn),
    ("case_page", RouteAccess::Case("case.view")),
    (
        "information_submit",
        RouteAccess::Case("case.supply_information"),
    ),
    (
        "completeness_submit",
        RouteAccess::Case("case.review_completeness"),
    ),
    (
        "admissibility_submit",
        RouteAccess::Case("case.decide_admissibility"),
    ),
    (
        "participation_submit",
        RouteAccess::Case("case.answer_participation"),
    ),
    ("message_submit", RouteAccess::Case("case.post_message")),
    ("document_submit", RouteAccess::Case("case.add_document")),
    (
        "triage_page",
        RouteAccess::Global("case.decide_admissibility"),
    ),
    ("public_cases_page", RouteAccess::Public),
    ("moderation_page", RouteAccess::Global("case.moderate")),
    ("moderation_submit", RouteAccess::Case("case.moderate")),
    ("public_cases", RouteAccess::Public),
    ("create_bundle", RouteAccess::Global("case.bundle")),
    ("assign", RouteAccess::Case("case.assign")),
    ("declare", RouteAccess::Case("case.declare")),
    ("open_round", RouteAccess::Case("case.open_round")),
    ("propose", RouteAccess::Case("case.propose")),
    ("accept_proposal", RouteAccess::Case("case.answer_proposal")),
    ("reject_proposal", RouteAccess::Case("case.answer_proposal")),
    ("withdraw", RouteAccess::Case("case.withdraw")),
    ("revoke_consent", RouteAccess::Case("case.revoke_consent")),
    ("extend", RouteAccess::Case("case.extend")),
    ("close", RouteAccess::Case("case.close")),
    ("feedback", RouteAccess::Case("case.give_feedback")),
    ("request_review", RouteAccess::Case("case.request_review")),
    (
        "change_round_deadline",
        RouteAccess::Case("case.open_round"),
    ),
    ("ask_for_time", RouteAccess::Case("case.answer_proposal")),
    ("answer_review", RouteAccess::Case("case.answer_review")),
    (
        "review_request_submit",
        RouteAccess::Case("case.request_review"),
    ),
    (
        "review_answer_submit",
        RouteAccess::Case("case.answer_review"),
    ),
    ("feedback_submit", RouteAccess::Case("case.give_feedback")),
    ("consent_notices", RouteAccess::Public),
    ("bundle", RouteAccess::Global("case.bundle")),
    ("answer_bundle", RouteAccess::Case("case.answer_bundle")),
    (
        "bundle_consent_submit",
        RouteAccess::Case("case.answer_bundle"),
    ),
    ("declaration_submit", RouteAccess::Case("case.declare")),
    ("assignment_submit", RouteAccess::Case("case.assign")),
    ("round_submit", RouteAccess::Case("case.open_round")),
    ("proposal_submit", RouteAccess::Case("case.propose")),
    ("accept_submit", RouteAccess::Case("case.answer_proposal")),
    ("reject_submit", RouteAccess::Case("case.answer_proposal")),
    ("withdrawal_submit", RouteAccess::Case("case.withdraw")),
    (
        "revocation_submit",
        RouteAccess::Case("case.revoke_consent"),
    ),
    ("extension_submit", RouteAccess::Case("case.extend")),
    ("closing_submit", RouteAccess::Case("case.close")),
    ("moderate", RouteAccess::Case("case.moderate")),
    ("disclose", RouteAccess::Case("case.declare")),
    (
        "answer_disclosure",
        RouteAccess::Case("case.answer_disclosure"),
    ),
    (
        "list_conflicts",
        RouteAccess::Global("account.declare_conflict"),
    ),
    (
        "declare_conflict",
        RouteAccess::Global("account.declare_conflict"),
    ),
    (
        "consent_to_blind_bidding",
        RouteAccess::Case("case.blind_bid"),
    ),
    ("submit_blind_limit", RouteAccess::Case("case.blind_bid")),
    (
        "report_compliance",
        RouteAccess::Case("case.report_compliance"),
    ),
    (
        "disclosure_answer_submit",
        RouteAccess::Case("case.answer_disclosure"),
    ),
    (
        "time_request_submit",
        RouteAccess::Case("case.answer_proposal"),
    ),
    ("blind_consent_submit", RouteAccess::Case("case.blind_bid")),
    ("blind_limit_submit", RouteAccess::Case("case.blind_bid")),
    (
        "compliance_submit",
        RouteAccess::Case("case.report_compliance"),
    ),
    (
        "conflict_submit",
        RouteAccess::Global("account.declare_conflict"),
    ),
    ("settlement", RouteAccess::Case("case.view")),
    ("settlement_pdf", RouteAccess::Case("case.view")),
    ("verify", RouteAccess::Public),
    ("published_keys", RouteAccess::Public),
    ("audit_head", RouteAccess::Public),
    ("audit_proof", RouteAccess::Public),
    ("audit_consistency", RouteAccess::Public),
    ("audit_entries", RouteAccess::Global("audit.view_all")),
    ("verify_page", RouteAccess::Public),
    ("verify_submit", RouteAccess::Public),
    // A mail server, authenticated by the shared secret in the handler.
    ("receive_mail", RouteAccess::Public),
    ("held_mail", RouteAccess::Global("mail.review")),
    ("assign_mail", RouteAccess::Global("mail.review")),
    ("discard_mail", RouteAccess::Global("mail.review")),
    ("mail_page", RouteAccess::Global("mail.review")),
    ("mail_assign_submit", RouteAccess::Global("mail.review")),
    ("mail_discard_submit", RouteAccess::Global("mail.review")),
    ("scorecard", RouteAccess::Public),
    ("scorecard_page", RouteAccess::Public),
    ("company_reply", RouteAccess::Company("company.reply")),
    ("reply_submit", RouteAccess::Company("company.reply")),
    ("dashboard_figures", RouteAccess::Global("report.view")),
    ("dashboard_page", RouteAccess::Global("report.view")),
    ("activity_report", RouteAccess::Global("report.view")),
    ("reports_page", RouteAccess::Global("report.view")),
    ("report_download", RouteAccess::Global("report.view")),
    ("write_assessment", RouteAccess::Global("report.write")),
    ("assessment_submit", RouteAccess::Global("report.write")),
    (
        "list_training",
        RouteAccess::Global("account.record_training"),
    ),
    (
        "record_training",
        RouteAccess::Global("account.record_training"),
    ),
    (
        "training_submit",
        RouteAccess::Global("account.record_training"),
    ),
    // The company named in the body: decided in the service.
    ("refer", RouteAccess::SignedIn),
    ("company_referrals", RouteAccess::Company("company.refer")),
    ("deadlock_letter", RouteAccess::Company("company.refer")),
    ("import_referrals", RouteAccess::Company("company.refer")),
    // The referral's company: decided in the service.
    ("add_referral_document", RouteAccess::SignedIn),
    ("register_webhook", RouteAccess::Company("company.webhooks")),
    ("list_webhooks", RouteAccess::Company("company.webhooks")),
    ("disable_webhook", RouteAccess::Company("company.webhooks")),
    (
        "webhook_deliveries",
        RouteAccess::Company("company.webhooks"),
    ),
    ("replay_delivery", RouteAccess::Company("company.webhooks")),
    // The consumer holding the mailed one-time link.
    ("referral_by_token", RouteAccess::Public),
    ("confirm_referral", RouteAccess::Public),
    ("decline_referral", RouteAccess::Public),
    ("referral_page", RouteAccess::Public),
    ("referral_confirm_submit", RouteAccess::Public),
    ("referral_decline_submit", RouteAccess::Public),
    ("referral_document_download", RouteAccess::Public),
    (
        "company_referrals_page",
        RouteAccess::Company("company.refer"),
    ),
    (
        "company_referral_submit",
        RouteAccess::Company("company.refer"),
    ),
    (
        "referral_import_submit",
        RouteAccess::Company("company.refer"),
    ),
    // Where a repeated Idempotency-Key is routed; it only answers for the request's own key.
    ("replay", RouteAccess::Public),
    ("about", RouteAccess::Public),
    ("choose_language", RouteAccess::Public),
    ("companies_page", RouteAccess::Public),
    ("tokens_page", RouteAccess::Company("company.manage_tokens")),
    (
        "token_submit",
        RouteAccess::Company("company.manage_tokens"),
    ),
    (
        "token_revoke_submit",
        RouteAccess::Company("company.manage_tokens"),
    ),
    // The stylesheet.
    ("FileServer: static", RouteAccess::Public),
    ("about_page", RouteAccess::Public),
    ("healthz", RouteAccess::Public),
    ("readyz", RouteAccess::Public),
    ("openapi_json", RouteAccess::Public),
    ("register", RouteAccess::Public),
    ("login", RouteAccess::Public),
    ("logout", RouteAccess::SignedIn),
    ("me", RouteAccess::SignedIn),
    ("export", RouteAccess::SignedIn),
    ("confirm_email", RouteAccess::Public),
    ("resend_confirmation", RouteAccess::SignedIn),
    ("request_password_reset", RouteAccess::Public),
    ("reset_password", RouteAccess::Public),
    ("accept_invitation", RouteAccess::Public),
    ("request_erasure", RouteAccess::SignedIn),
    ("create_account", RouteAccess::Global("account.create")),
    ("search_companies", RouteAccess::SignedIn),
    ("register_company", RouteAccess::Global("company.register")),
    // Consumers file their own cases, staff register letters and calls: decided in the service.
    ("file", RouteAccess::SignedIn),
    ("list_cases", RouteAccess::SignedIn),
    (
        "supply_information",
        RouteAccess::Case("case.supply_information"),
    ),
    (
        "review_completeness",
        RouteAccess::Case("case.review_completeness"),
    ),
    (
        "decide_admissibility",
        RouteAccess::Case("case.decide_admissibility"),
    ),
    ("post_message", RouteAccess::Case("case.post_message")),
    ("upload_document", RouteAccess::Case("case.add_document")),
    ("download_document", RouteAccess::Case("case.view")),
    ("export_json", RouteAccess::Case("case.view")),
    ("export_pdf", RouteAccess::Case("case.view")),
    (
        "answer_participation",
        RouteAccess::Case("case.answer_participation"),
    ),
    (
        "invite_representative",
        RouteAccess::Company("company.invite_representative"),
    ),
    (
        "appoint_representative",
        RouteAccess::Case("case.appoint_representative"),
    ),
    ("case_file", RouteAccess::Case("case.view")),
    ("case_audit", RouteAccess::Case("case.view_audit")),
    (
        "create_token",
        RouteAccess::Company("company.manage_tokens"),
    ),
    ("list_tokens", RouteAccess::Company("company.manage_tokens")),
    (
        "revoke_token",
        RouteAccess::Company("company.manage_tokens"),
    ),
];

pub fn access_of(handler: &str) -> Option<RouteAccess> {
    ROUTES
        .iter()
        .find(|(name, _)| *name == handler)
        .map(|(_, access)| *access)
}
