//! The steps around an agreement through HTTP and pages: double-blind bidding (each side's
//! limit stays its own), asking for more time, and after a settlement the consumer's word on
//! whether the company did what it agreed; a "no" reopens the case.
use crate::common::{TestApp, log_in, page, submit};
use crate::on_both_engines;
use crate::safeguards::assigned_case;
use redress::jobs::run_once;
use rocket::http::Status;
use serde_json::{Value, json};

/// A case in round 1, with the mediator declared; returns its reference.
async fn negotiating(app: &TestApp) -> String {
    let cast = app.cast().await;
    let r = assigned_case(app, &cast).await;
    let mediator = app.token("mediator@example.eu").await;
    for (step, body) in [
        ("declaration", json!({"independent": true})),
        ("rounds", json!({})),
    ] {
        let (status, done) = app
            .post_json(&format!("/api/v1/cases/{r}/{step}"), Some(&mediator), body)
            .await;
        assert_eq!(status, Status::Ok, "{step}: {done}");
    }
    r.to_string()
}

/// Both parties agree to double-blind bidding, notices acknowledged.
async fn both_consent(app: &TestApp, r: &str, anna: &str, rep: &str) {
    let ack = json!({"notices_acknowledged": true});
    for token in [anna, rep] {
        let path = format!("/api/v1/cases/{r}/blind-bidding/consent");
        ok(app.post_json(&path, Some(token), ack.clone()).await);
    }
}

/// A party's confidential limit.
async fn limit(app: &TestApp, r: &str, token: &str, cents: i64) -> (Status, Value) {
    let path = format!("/api/v1/cases/{r}/blind-bidding/limit");
    app.post_json(&path, Some(token), json!({ "amount_cents": cents }))
        .await
}

fn ok((status, body): (Status, Value)) -> Value {
    assert_eq!(status, Status::Ok, "{body}");
    body
}

async fn blind_limits_that_overlap_agree_at_the_midpoint_and_stay_confidential(app: TestApp) {
    let r = negotiating(&app).await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let (anna, rep) = (
        app.token("anna@example.eu").await,
        app.token("service@webshop.example").await,
    );
    // R16: agreeing to it binds like an acceptance, so the notices come first.
    let (status, _) = app
        .post_json(&path("blind-bidding/consent"), Some(&anna), json!({}))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    let (status, _) = limit(&app, &r, &anna, 41_300).await;
    assert_eq!(status, Status::Conflict, "not before both agreed");
    both_consent(&app, &r, &anna, &rep).await;
    ok(limit(&app, &r, &anna, 41_300).await);
    // The company sees that a limit came in, never the figure nor a hash to guess it from.
    let (_, seen_by_company) = app.get_as(&format!("/api/v1/cases/{r}"), &rep).await;
    let text = seen_by_company.to_string();
    assert!(!text.contains("41300"), "{text}");
    let limit_event = seen_by_company["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "blind_limit_submitted")
        .expect("the company sees that a limit came in");
    assert_eq!(
        limit_event["details"],
        json!({"event": "blind_limit_submitted", "side": "consumer"})
    );
    let (_, seen_by_anna) = app.get_as(&format!("/api/v1/cases/{r}"), &anna).await;
    assert!(seen_by_anna.to_string().contains("41300"), "her own figure");

    let done = ok(limit(&app, &r, &rep, 60_000).await);
    assert_eq!(done["status"], "agreed", "R17: the reflection period runs");
    let (_, file) = app.get_as(&format!("/api/v1/cases/{r}"), &anna).await;
    let agreed = file["proposals"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        agreed["amount_cents"], 50_650,
        "midpoint of 413.00 and 600.00"
    );
    // The company's figure stays with the company even now.
    assert!(!file.to_string().contains("60000"), "{file}");
}
on_both_engines!(blind_limits_that_overlap_agree_at_the_midpoint_and_stay_confidential);

async fn blind_limits_too_far_apart_reveal_nothing(app: TestApp) {
    let r = negotiating(&app).await;
    let (anna, rep) = (
        app.token("anna@example.eu").await,
        app.token("service@webshop.example").await,
    );
    both_consent(&app, &r, &anna, &rep).await;
    ok(limit(&app, &r, &anna, 90_000).await);
    let done = ok(limit(&app, &r, &rep, 20_000).await);
    assert_eq!(done["status"], "negotiating");
    let (subject, body) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("did not meet"), "{subject}");
    assert!(!body.contains("200") && !body.contains("900"), "{body}");
}
on_both_engines!(blind_limits_too_far_apart_reveal_nothing);

async fn after_the_performance_deadline_a_no_from_the_consumer_reopens_the_case(app: TestApp) {
    let r = negotiating(&app).await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let (anna, rep) = (
        app.token("anna@example.eu").await,
        app.token("service@webshop.example").await,
    );
    let offer = json!({
        "amount_cents": 30_000, "currency": "EUR", "remedies": ["refund"],
        "terms": "Refund within ten days.", "performance_days": 10, "notices_acknowledged": true,
    });
    ok(app.post_json(&path("proposals"), Some(&rep), offer).await);
    ok(app
        .post_json(
            &path("proposals/1/accept"),
            Some(&anna),
            json!({"notices_acknowledged": true}),
        )
        .await);
    app.clock.advance(chrono::Duration::days(8));
    run_once(&app.state).await.unwrap();
    // Logins lapse when idle for days: everyone signs in afresh.
    let (anna, rep) = (
        app.token("anna@example.eu").await,
        app.token("service@webshop.example").await,
    );
    let (_, file) = app.get_as(&format!("/api/v1/cases/{r}"), &anna).await;
    assert_eq!(file["status"], "settled", "{file}");
    let breach = json!({"complied": false, "comment": "No refund arrived on my account."});
    let (status, err) = app
        .post_json(&path("compliance"), Some(&anna), breach.clone())
        .await;
    assert_eq!(
        status,
        Status::Conflict,
        "the company still has time: {err}"
    );
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("has until")
    );
    let (status, _) = app
        .post_json(&path("compliance"), Some(&rep), breach.clone())
        .await;
    assert_eq!(status, Status::Forbidden, "only the consumer answers");

    // The ten days pass: Redress asks the consumer.
    app.clock.advance(chrono::Duration::days(11));
    run_once(&app.state).await.unwrap();
    let (anna, mediator) = (
        app.token("anna@example.eu").await,
        app.token("mediator@example.eu").await,
    );
    let (subject, _) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("do what it agreed"), "{subject}");
    let done = ok(app
        .post_json(&path("compliance"), Some(&anna), breach)
        .await);
    assert_eq!(done["status"], "assigned", "back with the same neutral");
    let (subject, _) = app.last_mail("mediator@example.eu").await.unwrap();
    assert!(subject.contains("open again"), "{subject}");
    // The neutral takes it up with one more round than the procedure's maximum.
    ok(app
        .post_json(&path("rounds"), Some(&mediator), json!({}))
        .await);
    let (status, _) = app
        .post_json(&path("compliance"), Some(&anna), json!({"complied": true}))
        .await;
    assert_eq!(status, Status::Conflict, "answered once");
}
on_both_engines!(after_the_performance_deadline_a_no_from_the_consumer_reopens_the_case);

/// The page forms: asking for more time during a round, and confirming compliance.
#[rocket::async_test]
async fn the_dossier_page_offers_time_requests_blind_bidding_and_the_compliance_question() {
    let app = TestApp::sqlite().await;
    let r = negotiating(&app).await;
    let case = format!("/cases/{r}");
    let csrf = log_in(&app, "anna@example.eu").await;
    let (_, html) = page(&app, &case).await;
    assert!(html.contains("Ask for more time") && html.contains("double-blind bidding"));
    let (status, _, _) = submit(
        &app,
        &format!("{case}/time-request"),
        &[
            ("csrf", &csrf),
            ("reason", "I wait for the repairer's report."),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (subject, body) = app.last_mail("mediator@example.eu").await.unwrap();
    assert!(
        subject.contains("more time") && body.contains("repairer"),
        "{subject}"
    );

    let (status, _, html) = submit(
        &app,
        &format!("{case}/blind-bidding/consent"),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "the notices box is required"
    );
    assert!(html.contains("notices"), "{html}");
    let (status, _, _) = submit(
        &app,
        &format!("{case}/blind-bidding/consent"),
        &[("csrf", &csrf), ("notices", "yes")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (_, html) = page(&app, &case).await;
    assert!(html.contains("starts when the other side agrees"), "{html}");
}
