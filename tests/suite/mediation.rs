//! Mediation through HTTP (R11–R20): automated assignment, the declaration before the dossier,
//! rounds of offers and counters with the consent notices, agreement, reflection and
//! settlement; recusal and reassignment; withdrawal; extension; closing without agreement.
use crate::common::TestApp;
use crate::on_both_engines;
use redress::policy::Role;
use rocket::http::Status;
use serde_json::{Value, json};

/// An accepted case the company takes part in, through the API; returns its reference.
async fn joined_case(app: &TestApp) -> String {
    let anna = app.token("anna@example.eu").await;
    let staff = app.token("staff@example.eu").await;
    let rep = app.token("service@webshop.example").await;
    let (_, found) = app.get_as("/api/v1/companies?q=noord", &anna).await;
    let filing = json!({
        "company_id": found[0]["id"], "summary": "The washing machine arrived broken and the shop refuses a refund.",
        "desired_outcome": "refund", "amount_cents": 64_900, "currency": "EUR", "language": "en",
        "allow_duplicate": true, "prior_complaint": {"on": "2026-02-20", "channel": "email"},
    });
    let (_, filed) = app.post_json("/api/v1/cases", Some(&anna), filing).await;
    let r = filed["reference"].as_str().unwrap().to_string();
    let step = |path: &str| format!("/api/v1/cases/{r}/{path}");
    assert_eq!(
        app.post_json(&step("completeness"), Some(&staff), json!({}))
            .await
            .0,
        Status::Ok
    );
    assert_eq!(
        app.post_json(
            &step("admissibility"),
            Some(&staff),
            json!({"decision": "accept"})
        )
        .await
        .0,
        Status::Ok
    );
    assert_eq!(
        app.post_json(
            &step("participation"),
            Some(&rep),
            json!({"takes_part": true})
        )
        .await
        .0,
        Status::Ok
    );
    r
}

fn offer(amount: i64, counter_to: Option<u32>, acknowledged: bool) -> Value {
    json!({
        "amount_cents": amount, "currency": "EUR", "remedies": ["refund"],
        "terms": "Refund by bank transfer; the consumer returns the machine.", "performance_days": 14,
        "counter_to": counter_to, "notices_acknowledged": acknowledged,
    })
}

async fn r11_to_r17_the_whole_journey_from_assignment_to_settlement(app: TestApp) {
    app.cast().await;
    let r = joined_case(&app).await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let (anna, rep, staff, mediator) = (
        app.token("anna@example.eu").await,
        app.token("service@webshop.example").await,
        app.token("staff@example.eu").await,
        app.token("mediator@example.eu").await,
    );

    // R11: Redress picks the neutral; the step is marked automated (R34).
    assert_eq!(
        app.post_json(&path("assignment"), Some(&anna), json!({}))
            .await
            .0,
        Status::Forbidden
    );
    let (status, done) = app
        .post_json(&path("assignment"), Some(&staff), json!({}))
        .await;
    assert_eq!(status, Status::Ok, "{done}");
    assert_eq!(done["status"], "assigned");
    let (_, audit) = app.get_as(&path("audit"), &staff).await;
    let assigned = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "case.assign")
        .unwrap();
    assert_eq!(assigned["automated"], true, "{assigned}");
    let (subject, _) = app.last_mail("mediator@example.eu").await.unwrap();
    assert!(subject.contains("asked to handle"), "{subject}");

    // R12: nothing of the dossier before the declaration, except who the parties are.
    let (status, err) = app.get_as(&format!("/api/v1/cases/{r}"), &mediator).await;
    assert_eq!(status, Status::Forbidden);
    let message = err["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("Webshop Noord BV") && message.contains("anna"),
        "{message}"
    );
    assert_eq!(
        app.post_json(
            &path("declaration"),
            Some(&mediator),
            json!({"independent": true})
        )
        .await
        .0,
        Status::Ok
    );
    assert_eq!(
        app.get_as(&format!("/api/v1/cases/{r}"), &mediator).await.0,
        Status::Ok
    );

    // Round 1: an offer, and a counter-offer; the notices must be acknowledged (R16).
    assert_eq!(
        app.post_json(&path("rounds"), Some(&mediator), json!({}))
            .await
            .1["status"],
        "negotiating"
    );
    let (status, err) = app
        .post_json(&path("proposals"), Some(&rep), offer(40_000, None, false))
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{err}");
    assert_eq!(
        app.post_json(&path("proposals"), Some(&rep), offer(40_000, None, true))
            .await
            .0,
        Status::Ok
    );
    let (_, mail) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(
        mail.contains("€400.00"),
        "written as English writes it: {mail}"
    );
    assert_eq!(
        app.post_json(
            &path("proposals"),
            Some(&anna),
            offer(60_000, Some(1), true)
        )
        .await
        .0,
        Status::Ok
    );
    let (status, _) = app
        .post_json(
            &path("proposals/1/accept"),
            Some(&anna),
            json!({"notices_acknowledged": true}),
        )
        .await;
    assert_eq!(
        status,
        Status::Conflict,
        "only the standing proposal can be accepted"
    );
    let (_, notices) = app.get_as("/api/v1/consent-notices", &anna).await;
    assert_eq!(notices["notices"].as_array().unwrap().len(), 4);

    // Round 2: the neutral tables a proposal; both accept it.
    assert_eq!(
        app.post_json(&path("rounds"), Some(&mediator), json!({}))
            .await
            .0,
        Status::Ok
    );
    assert_eq!(
        app.post_json(
            &path("proposals"),
            Some(&mediator),
            offer(52_500, Some(2), false)
        )
        .await
        .0,
        Status::Ok
    );
    let (status, _) = app
        .post_json(&path("proposals/3/accept"), Some(&anna), json!({}))
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "R16: notices first");
    assert_eq!(
        app.post_json(
            &path("proposals/3/accept"),
            Some(&anna),
            json!({"notices_acknowledged": true})
        )
        .await
        .0,
        Status::Ok
    );
    let (status, done) = app
        .post_json(
            &path("proposals/3/accept"),
            Some(&rep),
            json!({"notices_acknowledged": true}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(done["status"], "agreed");
    let (subject, _) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("Both sides agreed"), "{subject}");

    // R17: after the reflection period the agreement stands.
    app.clock.advance(chrono::Duration::days(8));
    redress::jobs::run_once(&app.state).await.unwrap();
    let staff = app.token("staff@example.eu").await;
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    assert_eq!(case["status"], "settled");
    assert_eq!(case["standing_proposal"], 3);
    let (subject, _) = app
        .mail_about("service@webshop.example", "settled")
        .await
        .expect("the company is told");
    assert!(subject.contains("settled"), "{subject}");
    // R20, R27: then the signed record, as a PDF both sides keep.
    let (subject, _) = app.last_mail("service@webshop.example").await.unwrap();
    assert!(subject.contains("Settlement record"), "{subject}");
    assert!(
        redress::audit::verify(&app.state.db)
            .await
            .unwrap()
            .intact()
    );
}
on_both_engines!(r11_to_r17_the_whole_journey_from_assignment_to_settlement);

async fn r12_r15_r19_r20_recusal_withdrawal_extension_and_closing(app: TestApp) {
    app.cast().await;
    app.user(Role::Neutral, "second-mediator@example.eu", None)
        .await;
    let staff = app.token("staff@example.eu").await;
    let anna = app.token("anna@example.eu").await;
    let rep = app.token("service@webshop.example").await;

    // R12: a recusal sends the case back; Redress then picks someone else.
    let r = joined_case(&app).await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let mediator = app.token("mediator@example.eu").await;
    let neutral_id = app.get_as("/api/v1/me", &mediator).await.1["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &path("assignment"),
        Some(&staff),
        json!({"neutral_id": neutral_id}),
    )
    .await;
    let (status, _) = app
        .post_json(
            &path("declaration"),
            Some(&mediator),
            json!({"independent": false}),
        )
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "a recusal gives reasons"
    );
    let (_, done) = app
        .post_json(
            &path("declaration"),
            Some(&mediator),
            json!({"independent": false, "reasons": "I advised this shop last year."}),
        )
        .await;
    assert_eq!(done["status"], "accepted");
    assert_eq!(
        app.get_as(&format!("/api/v1/cases/{r}"), &mediator).await.0,
        Status::NotFound,
        "no longer theirs"
    );
    let (_, done) = app
        .post_json(&path("assignment"), Some(&staff), json!({}))
        .await;
    assert_eq!(done["status"], "assigned");
    let second = app.token("second-mediator@example.eu").await;
    assert_eq!(
        app.post_json(
            &path("declaration"),
            Some(&second),
            json!({"independent": true})
        )
        .await
        .0,
        Status::Ok
    );

    // R19: one extension with reasons, within the procedure's limit; both parties are told.
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &anna).await;
    let due: chrono::DateTime<chrono::Utc> = case["dates"]["outcome_due_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let until = (due + chrono::Duration::days(30)).to_rfc3339();
    let (status, _) = app
        .post_json(
            &path("extension"),
            Some(&second),
            json!({"until": until, "reasons": "An expert must examine the machine."}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    let (subject, body) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(
        subject.contains("extended") && body.contains("expert"),
        "{subject} {body}"
    );
    let (status, _) = app
        .post_json(
            &path("extension"),
            Some(&second),
            json!({"until": until, "reasons": "Once more please."}),
        )
        .await;
    assert_eq!(status, Status::Conflict, "only once");

    // R20: the neutral closes without agreement, with grounds both parties receive.
    let (status, err) = app
        .post_json(
            &path("closing"),
            Some(&second),
            json!({"outcome": "settled", "reasons": "Done."}),
        )
        .await;
    assert_eq!(status, Status::Conflict, "{err}");
    let (status, done) = app
        .post_json(&path("closing"), Some(&second), json!({"outcome": "not_settled", "reasons": "The parties could not agree on the amount."}))
        .await;
    assert_eq!(status, Status::Ok, "{done}");
    assert_eq!(done["status"], "closed");
    let (subject, body) = app
        .mail_about("service@webshop.example", "closed")
        .await
        .expect("the company is told");
    assert!(
        subject.contains("closed") && body.contains("could not agree"),
        "{subject} {body}"
    );
    let (subject, _) = app.last_mail("service@webshop.example").await.unwrap();
    assert!(subject.contains("Outcome record"), "{subject}");

    // R15: either party withdraws from an open case; the other side hears of it.
    let r2 = joined_case(&app).await;
    let (status, _) = app
        .post_json(
            &format!("/api/v1/cases/{r2}/withdrawal"),
            Some(&rep),
            json!({}),
        )
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "a withdrawal gives a reason"
    );
    let (status, done) = app
        .post_json(
            &format!("/api/v1/cases/{r2}/withdrawal"),
            Some(&anna),
            json!({"reason": "The shop refunded me directly."}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(done["status"], "withdrawn");
    let (subject, _) = app.last_mail("service@webshop.example").await.unwrap();
    assert!(subject.contains("withdrew"), "{subject}");
    assert_eq!(
        app.post_json(
            &format!("/api/v1/cases/{r2}/withdrawal"),
            Some(&rep),
            json!({"reason": "Too late"})
        )
        .await
        .0,
        Status::Conflict
    );
}
on_both_engines!(r12_r15_r19_r20_recusal_withdrawal_extension_and_closing);

/// A case in its first round with the neutral's proposal no. 2 standing; returns its reference.
async fn offer_standing(app: &TestApp) -> String {
    let r = joined_case(app).await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let staff = app.token("staff@example.eu").await;
    let mediator = app.token("mediator@example.eu").await;
    let rep = app.token("service@webshop.example").await;
    let me = app.get_as("/api/v1/me", &mediator).await.1["id"].clone();
    app.post_json(&path("assignment"), Some(&staff), json!({"neutral_id": me}))
        .await;
    app.post_json(
        &path("declaration"),
        Some(&mediator),
        json!({"independent": true}),
    )
    .await;
    app.post_json(&path("rounds"), Some(&mediator), json!({}))
        .await;
    assert_eq!(
        app.post_json(&path("proposals"), Some(&rep), offer(50_000, None, true))
            .await
            .0,
        Status::Ok
    );
    // The neutral's own proposal binds no one yet: both parties still have to accept it.
    assert_eq!(
        app.post_json(
            &path("proposals"),
            Some(&mediator),
            offer(55_000, Some(1), false)
        )
        .await
        .0,
        Status::Ok
    );
    r
}

async fn kinds(app: &TestApp, r: &str, kind: &str) -> usize {
    let staff = app.token("staff@example.eu").await;
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    case["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == kind)
        .count()
}

/// R17: two parties accepting at the same moment, and an acceptance racing a withdrawal,
/// each leave exactly one consistent outcome.
async fn r17_racing_answers_leave_one_consistent_outcome(app: TestApp) {
    app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let rep = app.token("service@webshop.example").await;
    let accept = json!({"notices_acknowledged": true});

    let r = offer_standing(&app).await;
    let path = format!("/api/v1/cases/{r}/proposals/2/accept");
    let (a, b) = tokio::join!(
        app.post_json(&path, Some(&anna), accept.clone()),
        app.post_json(&path, Some(&rep), accept.clone())
    );
    assert_eq!((a.0, b.0), (Status::Ok, Status::Ok), "{a:?} {b:?}");
    assert_eq!(kinds(&app, &r, "agreed").await, 1, "one agreement");

    let r = offer_standing(&app).await;
    let path = format!("/api/v1/cases/{r}/proposals/2/accept");
    assert_eq!(
        app.post_json(&path, Some(&anna), accept.clone()).await.0,
        Status::Ok
    );
    let withdrawal = json!({"reason": "The shop refunded me after all."});
    let withdraw_path = format!("/api/v1/cases/{r}/withdrawal");
    let (accepted, withdrawn) = tokio::join!(
        app.post_json(&path, Some(&rep), accept.clone()),
        app.post_json(&withdraw_path, Some(&anna), withdrawal)
    );
    assert_eq!(
        withdrawn.0,
        Status::Ok,
        "a withdrawal is possible before and after agreement"
    );
    let agreed = kinds(&app, &r, "agreed").await;
    match accepted.0 {
        Status::Ok => assert_eq!(agreed, 1, "accepted first, then withdrawn"),
        Status::Conflict => assert_eq!(agreed, 0, "withdrawn first; the late acceptance refused"),
        other => panic!("unexpected {other}: {}", accepted.1),
    }
    assert_eq!(kinds(&app, &r, "withdrawn").await, 1);
    let staff = app.token("staff@example.eu").await;
    assert_eq!(
        app.get_as(&format!("/api/v1/cases/{r}"), &staff).await.1["status"],
        "withdrawn"
    );
    assert!(
        redress::audit::verify(&app.state.db)
            .await
            .unwrap()
            .intact()
    );
}
on_both_engines!(r17_racing_answers_leave_one_consistent_outcome);

/// R11: the best fit speaks the case's language and has the lightest open caseload.
#[tokio::test]
async fn r11_the_best_fit_speaks_the_language_and_has_room() {
    use redress::services::users::{NeutralProfile, NewUser, create_user};
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let busy = app.accepted_case(&cast).await;
    app.run(
        &busy,
        &cast.staff,
        redress::domain::dossier::Command::Assign {
            neutral_id: cast.id(&cast.neutral),
            facts: Default::default(),
        },
    )
    .await;
    for (email, language) in [("dutch-only@example.eu", "nl"), ("free@example.eu", "en")] {
        let new = NewUser {
            email: email.into(),
            name: email.into(),
            role: Role::Neutral,
            language: language.into(),
            password: Some("violet kettle under seven bridges".into()),
            company: None,
            neutral: Some(NeutralProfile {
                kind: "mediator".into(),
                languages: vec![language.into()],
                sectors: vec!["general".into()],
                employer_company_id: None,
            }),
            self_registered: false,
        };
        create_user(&app.state, new, "test").await.unwrap();
    }
    let next = app.accepted_case(&cast).await;
    let staff = app.token("staff@example.eu").await;
    let (status, _) = app
        .post_json(
            &format!("/api/v1/cases/{next}/assignment"),
            Some(&staff),
            json!({}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    let (_, free) = app
        .try_login("free@example.eu", "violet kettle under seven bridges")
        .await;
    let free = free.expect("the free neutral logs in");
    let (status, err) = app.get_as(&format!("/api/v1/cases/{next}"), &free).await;
    assert_eq!(
        status,
        Status::Forbidden,
        "assigned to the free neutral, who must declare first: {err}"
    );
}

/// R34: a step Redress took on its own (here, the lapse for the company's silence) is marked
/// automated, and a party may ask a person to review it; staff see the request in triage and
/// both parties get the answer.
async fn r34_a_party_asks_a_person_to_review_an_automated_step(app: TestApp) {
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    app.clock.advance(chrono::Duration::days(40));
    redress::jobs::run_once(&app.state).await.unwrap();
    let staff = app.token("staff@example.eu").await;
    let rep = app.token("service@webshop.example").await;
    let (_, audit) = app
        .get_as(&format!("/api/v1/cases/{r}/audit"), &staff)
        .await;
    let lapse = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "case.deadline")
        .unwrap()
        .clone();
    assert_eq!(lapse["automated"], true, "{lapse}");

    let path = format!("/api/v1/cases/{r}/review-request");
    let reason = json!({"reason": "We answered by post on day 12; the lapse is wrong."});
    assert_eq!(
        app.post_json(&path, Some(&rep), json!({"reason": "no"}))
            .await
            .0,
        Status::UnprocessableEntity
    );
    assert_eq!(
        app.post_json(&path, Some(&rep), reason.clone()).await.0,
        Status::Ok
    );
    assert_eq!(
        app.post_json(&path, Some(&rep), reason).await.0,
        Status::Conflict,
        "one at a time"
    );
    assert_eq!(
        app.post_json(
            &format!("/api/v1/cases/{r}/review-answer"),
            Some(&rep),
            json!({"answer": "Fine by me, says the company."})
        )
        .await
        .0,
        Status::Forbidden
    );
    let queue = redress::services::triage::queue(&app.state, &cast.staff)
        .await
        .unwrap();
    assert!(
        queue
            .iter()
            .any(|i| i.task == "human_review" && i.case.reference == r.to_string())
    );
    let answer = json!({"answer": "We found no letter from the company; the lapse stands."});
    assert_eq!(
        app.post_json(
            &format!("/api/v1/cases/{r}/review-answer"),
            Some(&staff),
            answer
        )
        .await
        .0,
        Status::Ok
    );
    let (_, body) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(body.contains("the lapse stands"), "{body}");
    let queue = redress::services::triage::queue(&app.state, &cast.staff)
        .await
        .unwrap();
    assert!(!queue.iter().any(|i| i.task == "human_review"));
}
on_both_engines!(r34_a_party_asks_a_person_to_review_an_automated_step);

/// A party asks for more time; the neutral lengthens the round within the procedure's bounds,
/// and a deadline outside them is refused.
async fn a_party_asks_for_time_and_the_neutral_moves_the_round_deadline(app: TestApp) {
    app.cast().await;
    let r = offer_standing(&app).await;
    let anna = app.token("anna@example.eu").await;
    let mediator = app.token("mediator@example.eu").await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let ask = json!({"reason": "I am waiting for the repairer's report."});
    assert_eq!(
        app.post_json(&path("time-request"), Some(&mediator), ask.clone())
            .await
            .0,
        Status::Forbidden
    );
    assert_eq!(
        app.post_json(&path("time-request"), Some(&anna), ask)
            .await
            .0,
        Status::Ok
    );
    let (subject, body) = app.last_mail("mediator@example.eu").await.unwrap();
    assert!(
        subject.contains("asks for more time") && body.contains("repairer"),
        "{subject}"
    );

    let now = app.clock_now();
    let too_late = (now + chrono::Duration::days(60)).to_rfc3339();
    let (status, err) = app
        .post_json(
            &path("rounds/current"),
            Some(&mediator),
            json!({"deadline": too_late}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{err}");
    let later = now + chrono::Duration::days(21);
    let (status, _) = app
        .post_json(
            &path("rounds/current"),
            Some(&mediator),
            json!({"deadline": later.to_rfc3339()}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        app.post_json(
            &path("rounds/current"),
            Some(&anna),
            json!({"deadline": later.to_rfc3339()})
        )
        .await
        .0,
        Status::Forbidden
    );
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &anna).await;
    let round = case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "round")
        .cloned()
        .unwrap();
    let due: chrono::DateTime<chrono::Utc> = round["due_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(due, later, "one open round deadline, the new one");
    assert_eq!(
        case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["kind"] == "round")
            .count(),
        1
    );
}
on_both_engines!(a_party_asks_for_time_and_the_neutral_moves_the_round_deadline);
