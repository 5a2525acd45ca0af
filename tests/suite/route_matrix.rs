//! R30: every route × every role and relation answers as the access policy says. A route
//! that is mounted but not declared in `web::access::ROUTES` fails this test, and so does a
//! route that changes something without a sample body to try it with.
use crate::common::{Cast, TestApp, bearer};
use redress::domain::dossier::Command;
use redress::policy::{Decision, Relation, Role};
use redress::web::access::{RouteAccess, access_of};
use rocket::http::{ContentType, Method, Status};
use serde_json::{Value, json};

#[tokio::test]
async fn every_route_answers_every_role_as_the_access_policy_says() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    app.run(
        &r,
        &cast.company,
        Command::AnswerParticipation {
            takes_part: true,
            reasons: String::new(),
        },
    )
    .await;
    app.run(
        &r,
        &cast.staff,
        Command::Assign {
            neutral_id: cast.id(&cast.neutral),
            facts: Default::default(),
        },
    )
    .await;
    app.run(&r, &cast.neutral, Command::DeclareIndependence)
        .await;
    app.user(Role::Consumer, "eve@example.eu", None).await;
    app.user(Role::Company, "rep@other.example", Some("Other BV"))
        .await;
    app.user(Role::Neutral, "other-mediator@example.eu", None)
        .await;

    // Each caller with how they stand to the case.
    let callers = [
        (Role::Consumer, Relation::OwnCase, "anna@example.eu"),
        (Role::Consumer, Relation::None, "eve@example.eu"),
        (
            Role::Company,
            Relation::OwnCompany,
            "service@webshop.example",
        ),
        (Role::Company, Relation::None, "rep@other.example"),
        (
            Role::Neutral,
            Relation::AssignedNeutral,
            "mediator@example.eu",
        ),
        (Role::Neutral, Relation::None, "other-mediator@example.eu"),
        (Role::Staff, Relation::None, "staff@example.eu"),
    ];
    let mut tokens = Vec::new();
    for (role, relation, email) in callers {
        tokens.push((role, relation, app.token(email).await));
    }

    let policy = &app.state.policies.access;
    let company = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::companies::Entity::find()
            .filter(entity::companies::Column::Name.eq("Webshop Noord BV"))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let upload = redress::services::documents::Upload {
        file_name: "receipt.txt".into(),
        bytes: b"Paid 649 euro on 2 March.".to_vec(),
    };
    let (_, stored) = redress::services::documents::add(&app.state, &cast.consumer, &r, upload)
        .await
        .unwrap();
    let document = stored.id;
    let second = app.file(&cast).await;
    let bundle = redress::services::bundles::create(
        &app.state,
        &cast.staff,
        company,
        "Matrix",
        &[r, second],
    )
    .await
    .unwrap()
    .bundle
    .id;
    // Page forms carry the CSRF token of the client's cookie.
    let csrf = crate::common::csrf_of(&app, "/login").await;
    let routes: Vec<_> = app.client.rocket().routes().cloned().collect();
    let mut checks = 0;
    for route in routes {
        let name = route.name.as_deref().unwrap_or("?").to_string();
        let access = access_of(&name).unwrap_or_else(|| {
            panic!(
                "route {} {} ({name}) is not declared in web::access::ROUTES",
                route.method, route.uri
            )
        });
        let (action, scope) = match access {
            RouteAccess::Case(action) => (action, Scope::Case),
            RouteAccess::Company(action) => (action, Scope::Company),
            RouteAccess::Global(action) => (action, Scope::Global),
            RouteAccess::Public | RouteAccess::SignedIn => continue,
        };
        let body = sample_body(&name, &csrf);
        assert!(
            route.method == Method::Get || body.is_some(),
            "route {name} changes something: give it a sample body in sample_body()"
        );
        let template = route
            .uri
            .path()
            .to_string()
            .replace("<reference>", &r.to_string())
            .replace("/attachments/<id>", &format!("/attachments/{document}"))
            .replace("/bundles/<id>", &format!("/bundles/{bundle}"))
            .replace("/inbound-mail/<id>", "/inbound-mail/<mail_id>")
            .replace("/staff/mail/<id>", "/staff/mail/<mail_id>")
            .replace("<number>", "1")
            .replace("<format>", "csv")
            .replace("<id>", &company.to_string());

        let path = fresh_path(&app, &cast, company, &template).await;
        let anonymous = send(&app, route.method, &path, None, &body).await;
        // The API answers 401; a page sends the browser to the login page.
        let expected = if template.starts_with("/api/") {
            Status::Unauthorized
        } else {
            Status::SeeOther
        };
        assert_eq!(anonymous, expected, "{name} without login");
        for (role, relation, token) in &tokens {
            let path = fresh_path(&app, &cast, company, &template).await;
            let status = send(&app, route.method, &path, Some(token), &body).await;
            // A company route relates to the company (own company or none); a global one to
            // nothing.
            let relation = match scope {
                Scope::Case => *relation,
                Scope::Company if *relation == Relation::OwnCompany => *relation,
                Scope::Company | Scope::Global => Relation::None,
            };
            let label = format!("{name} as {} ({relation:?}): {status}", role.as_str());
            match policy.decide(*role, relation, action) {
                // Allowed: whatever the body makes of it (done, conflict, invalid), never a
                // refusal by the policy nor a server error.
                Decision::Allow(_) => assert!(
                    !matches!(status.code, 401 | 403 | 404) && status.code < 500,
                    "{label}"
                ),
                Decision::Deny if scope == Scope::Global => {
                    assert_eq!(status, Status::Forbidden, "{label}")
                }
                Decision::Deny if relation == Relation::None && *role != Role::Staff => {
                    assert_eq!(status, Status::NotFound, "{label}")
                }
                Decision::Deny => assert_eq!(status, Status::Forbidden, "{label}"),
            }
            checks += 1;
        }
    }
    assert!(
        checks >= 56,
        "the case, company and staff routes were tried: {checks}"
    );
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Case,
    Company,
    Global,
}

const REFERRALS_CSV: &str = "company_reference,consumer_name,consumer_email,consumer_language,case_type,complained_on,channel,asked,offered,final_answer,desired_outcome,amount_cents,currency\nCS-M,Matrix,matrix-csv@example.eu,en,complaint,2026-02-01,email,A refund,Nothing,No,refund,1000,EUR\n";

/// A body that the route accepts when the caller is allowed, with its content type. A route
/// that changes something must have one here, so that it is tried like the rest.
fn sample_body(handler: &str, csrf: &str) -> Option<(ContentType, Vec<u8>)> {
    if handler == "import_referrals" {
        return Some((ContentType::CSV, REFERRALS_CSV.as_bytes().to_vec()));
    }
    if handler == "referral_import_submit" {
        let boundary = "matrix";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\n{}\r\n--{boundary}--\r\n",
            REFERRALS_CSV.replace("CS-M,", "CS-P,")
        );
        let content_type =
            ContentType::new("multipart", "form-data").with_params(("boundary", boundary));
        return Some((content_type, body.into_bytes()));
    }
    if matches!(handler, "upload_document" | "document_submit") {
        let boundary = "matrix";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.txt\"\r\n\r\nA document from the route matrix.\r\n--{boundary}--\r\n"
        );
        let content_type =
            ContentType::new("multipart", "form-data").with_params(("boundary", boundary));
        return Some((content_type, body.into_bytes()));
    }
    if let Some(fields) = form_body(handler) {
        let form = crate::common::form(&[&[("csrf", csrf)], fields].concat());
        return Some((ContentType::Form, form.into_bytes()));
    }
    let json = json_body(handler)?;
    Some((ContentType::JSON, json.to_string().into_bytes()))
}

/// The fields of a page form that the step accepts when the caller is allowed.
fn form_body(handler: &str) -> Option<&'static [(&'static str, &'static str)]> {
    Some(match handler {
        "information_submit" => &[
            ("prior_on", ""),
            ("prior_channel", "email"),
            ("prior_reference", ""),
            ("note", "The order number is 4411."),
        ],
        "completeness_submit" => &[("missing", "")],
        "admissibility_submit" => &[("decision", "accept"), ("ground", ""), ("reasons", "")],
        "participation_submit" => &[("takes_part", "true"), ("reasons", "")],
        "message_submit" => &[("body", "A message from the route matrix page.")],
        "moderation_submit" => &[("publish", "true"), ("reasons", "")],
        "bundle_consent_submit" => &[("consent", "true")],
        "declaration_submit" => &[("independent", "true"), ("reasons", "")],
        "assignment_submit" => &[],
        "round_submit" => &[("deadline", "")],
        "proposal_submit" => &[
            ("amount", "10"),
            ("terms", "Matrix page terms"),
            ("performance_days", "14"),
            ("notices", "yes"),
        ],
        "accept_submit" => &[("notices", "yes")],
        "reject_submit" | "revocation_submit" => &[("reason", "From the route matrix")],
        "withdrawal_submit" => &[("reason", "From the route matrix"), ("confirm", "yes")],
        "extension_submit" => &[
            ("until", "2026-08-01"),
            ("reasons", "A complex expert report is needed"),
        ],
        "closing_submit" => &[
            ("outcome", "not_settled"),
            ("reasons", "Matrix page closing"),
            ("confirm", "yes"),
        ],
        "feedback_submit" => &[("resolved", "true"), ("rating", "4"), ("comment", "")],
        "disclosure_answer_submit" => &[("object", "false"), ("reason", "")],
        "time_request_submit" => &[("reason", "Waiting for the repairer's report.")],
        "blind_consent_submit" => &[("notices", "yes")],
        "blind_limit_submit" => &[("amount", "450")],
        "compliance_submit" => &[("complied", "true"), ("comment", "")],
        "conflict_submit" => &[("with", "brother@example.eu"), ("reason", "my brother")],
        "mail_assign_submit" => &[("reference", "RD-2026-000001"), ("side", "company")],
        "mail_discard_submit" => &[("reason", "not for us")],
        "review_request_submit" => &[("reason", "The automated step looks wrong to me.")],
        "review_answer_submit" => &[("answer", "We checked it: the step stands.")],
        "reply_submit" => &[("reply", "We answer within two days.")],
        "token_submit" => &[("name", "Matrix page token")],
        "token_revoke_submit" => &[("confirm", "yes")],
        "company_referral_submit" => &[
            ("company_reference", "CS-MATRIX"),
            ("consumer_name", "Matrix Consumer"),
            ("consumer_email", "matrix-consumer@example.eu"),
            ("consumer_language", "en"),
            ("case_type", "complaint"),
            ("complained_on", "2026-02-01"),
            ("channel", "email"),
            ("asked", "A refund"),
            ("offered", "Nothing"),
            ("final_answer", "No"),
            ("desired_outcome", "refund"),
            ("amount", "100"),
        ],
        "assessment_submit" => &[
            ("year", "2026"),
            ("years", "1"),
            ("text", "Matrix assessment"),
        ],
        "training_submit" => &[
            ("completed_on", "2026-03-01"),
            ("hours", "1,5"),
            ("title", "Matrix course"),
            ("provider", "Matrix academy"),
        ],
        _ => return None,
    })
}

fn json_body(handler: &str) -> Option<Value> {
    Some(match handler {
        "create_token" => json!({"name": "matrix"}),
        "revoke_token" => json!({}),
        "create_account" => {
            json!({"email": "matrix-neutral@example.eu", "name": "Matrix", "role": "neutral", "language": "en"})
        }
        "invite_representative" => json!({"email": "matrix-rep@webshop.example", "name": "Matrix"}),
        "appoint_representative" => json!({"email": "matrix-helper@example.eu", "name": "Matrix"}),
        "register_company" => json!({"name": "Matrix BV", "complaint_email": "c@matrix.example"}),
        "supply_information" => json!({"note": "The order number is 4411."}),
        "review_completeness" => json!({"missing": []}),
        "decide_admissibility" => json!({"decision": "accept"}),
        "answer_participation" => json!({"takes_part": true}),
        "post_message" => json!({"body": "A message from the route matrix."}),
        "moderate" => json!({"publish": true}),
        "create_bundle" => json!({"company_id": 1, "title": "Matrix", "cases": []}),
        "assign" => json!({}),
        "declare" => json!({"independent": true}),
        "open_round" => json!({}),
        "propose" => {
            json!({"amount_cents": 1000, "currency": "EUR", "remedies": ["refund"], "terms": "Matrix terms", "performance_days": 14, "notices_acknowledged": true})
        }
        "accept_proposal" => json!({"notices_acknowledged": true}),
        "reject_proposal" => json!({"reason": "Not enough for me"}),
        "withdraw" => json!({"reason": "Matrix withdrawal"}),
        "revoke_consent" => json!({"reason": "Changed my mind"}),
        "extend" => {
            json!({"until": "2026-08-01T00:00:00Z", "reasons": "A complex expert report is needed"})
        }
        "close" => json!({"outcome": "not_settled", "reasons": "Matrix closing"}),
        "feedback" => json!({"resolved": true, "rating": 4}),
        "request_review" => json!({"reason": "The automated step looks wrong to me."}),
        "change_round_deadline" => json!({"deadline": "2026-03-20T12:00:00Z"}),
        "ask_for_time" => json!({"reason": "Waiting for the repairer's report."}),
        "disclose" => json!({"circumstances": "I advised the company's parent once."}),
        "answer_disclosure" => json!({"object": false}),
        "consent_to_blind_bidding" => json!({"notices_acknowledged": true}),
        "submit_blind_limit" => json!({"amount_cents": 45_000}),
        "report_compliance" => json!({"complied": true}),
        "assign_mail" => json!({"reference": "RD-2026-000001", "side": "company"}),
        "discard_mail" => json!({"reason": "not for us"}),
        "declare_conflict" => {
            json!({"consumer_email": "brother@example.eu", "reason": "my brother"})
        }
        "answer_review" => json!({"answer": "We checked it: the step stands."}),
        "answer_bundle" => json!({"consent": true}),
        "company_reply" => json!({"reply": "We answer within two days."}),
        "register_webhook" => json!({"url": "https://crm.example/hook"}),
        "replay_delivery" => json!({}),
        "disable_webhook" => json!({}),
        "write_assessment" => json!({"year": 2026, "text": "Matrix assessment"}),
        "record_training" => json!({
            "completed_on": "2026-03-01", "minutes": 90, "title": "Matrix course", "provider": "Matrix academy"
        }),
        _ => return None,
    })
}

/// The route's path with a live token id where it names one: each try revokes its own.
async fn fresh_path(app: &TestApp, cast: &Cast, company: i64, template: &str) -> String {
    if template.contains("<mail_id>") {
        // A message held in quarantine, for each try.
        let raw = format!(
            "From: stranger@elsewhere.example\r\nTo: cases@adr.example\r\nSubject: hello\r\nMessage-ID: <{}@matrix>\r\n\r\nA word.\r\n",
            uuid::Uuid::new_v4().simple()
        );
        let held = redress::services::inbound::ingest(&app.state, raw.as_bytes())
            .await
            .unwrap();
        return template.replace("<mail_id>", &held.id.to_string());
    }
    if template.contains("<endpoint_id>") {
        // An endpoint of the company with one delivery in its log, for each try.
        use sea_orm::EntityTrait;
        let made = redress::services::webhooks::register(
            &app.state,
            &cast.company,
            company,
            "https://crm.example/hook",
            &[],
        )
        .await
        .unwrap();
        let delivery =
            entity::webhook_deliveries::Entity::insert(entity::webhook_deliveries::ActiveModel {
                id: sea_orm::ActiveValue::NotSet,
                endpoint_id: sea_orm::ActiveValue::Set(made.endpoint.id),
                event: sea_orm::ActiveValue::Set("filed".into()),
                case_reference: sea_orm::ActiveValue::Set("RD-2026-000001".into()),
                payload: sea_orm::ActiveValue::Set("{}".into()),
                status: sea_orm::ActiveValue::Set("delivered".into()),
                attempts: sea_orm::ActiveValue::Set(1),
                next_attempt_at: sea_orm::ActiveValue::Set(app.clock_now()),
                last_status: sea_orm::ActiveValue::Set(Some(200)),
                last_error: sea_orm::ActiveValue::Set(None),
                created_at: sea_orm::ActiveValue::Set(app.clock_now()),
                delivered_at: sea_orm::ActiveValue::Set(Some(app.clock_now())),
            })
            .exec_with_returning(&app.state.db)
            .await
            .unwrap();
        return template
            .replace("<endpoint_id>", &made.endpoint.id.to_string())
            .replace("<delivery_id>", &delivery.id.to_string());
    }
    if !template.contains("<token_id>") {
        return template.to_string();
    }
    let made = redress::services::tokens::create(&app.state, &cast.company, company, "matrix")
        .await
        .unwrap();
    template.replace("<token_id>", &made.row.id.to_string())
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: &Option<(ContentType, Vec<u8>)>,
) -> Status {
    let mut req = app.client.req(method, path.to_string());
    if let Some(token) = token {
        req = req.header(bearer(token));
    }
    if let Some((content_type, bytes)) = body {
        req = req.header(content_type.clone()).body(bytes.clone());
    }
    req.dispatch().await.status()
}
