//! Intake through the API: filing (R1) with its acknowledgement (R3), staff registering a
//! letter (R2), completeness (R6), admissibility (R7, R8), the company brought in (R9), and the
//! keyset-paginated case lists.
use crate::common::{PASSWORD, TestApp};
use crate::on_both_engines;
use redress::policy::Role;
use rocket::http::Status;
use serde_json::{Value, json};

const CHOSEN: &str = "violet kettle under seven bridges";

fn filing(company_id: i64) -> Value {
    json!({
        "company_id": company_id,
        "summary": "The washing machine arrived broken and the shop refuses a refund.",
        "desired_outcome": "refund",
        "amount_cents": 64_900,
        "currency": "EUR",
        "language": "en",
        "prior_complaint": {"on": "2026-02-20", "channel": "email", "reference": "CS-1"},
    })
}

async fn company_id(app: &TestApp, token: &str, q: &str) -> i64 {
    let (status, found) = app.get_as(&format!("/api/v1/companies?q={q}"), token).await;
    assert_eq!(status, Status::Ok, "{found}");
    found[0]["id"].as_i64().expect("a company found")
}

async fn r1_r3_a_consumer_files_and_receives_an_acknowledgement(app: TestApp) {
    let _cast = app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let shop = company_id(&app, &anna, "noord").await;
    let (status, filed) = app
        .post_json("/api/v1/cases", Some(&anna), filing(shop))
        .await;
    assert_eq!(status, Status::Created, "{filed}");
    let reference = filed["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("RD-2026-"));
    assert_eq!(filed["status"], "submitted");
    assert_eq!(filed["missing"], json!([]));
    assert!(
        filed["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/cases/{reference}"))
    );

    let (subject, body) = app
        .last_mail("anna@example.eu")
        .await
        .expect("R3: an acknowledgement");
    assert!(subject.contains(&reference), "{subject}");
    assert!(
        body.contains("free of charge") && body.contains("do not need a lawyer"),
        "{body}"
    );

    // A company the consumer names, with its complaint address.
    let mut new_company = filing(0);
    new_company.as_object_mut().unwrap().remove("company_id");
    new_company["company"] = json!({"name": "Fietsen Plus", "complaint_email": "klacht@fietsenplus.example", "domain": "fietsenplus.example"});
    let (status, second) = app
        .post_json("/api/v1/cases", Some(&anna), new_company)
        .await;
    assert_eq!(status, Status::Created, "{second}");
    assert_eq!(
        company_id(&app, &anna, "fietsenplus.example").await,
        company_id(&app, &anna, "FIETSEN").await
    );

    let (_, list) = app.get_as("/api/v1/cases", &anna).await;
    let refs: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["reference"].as_str().unwrap())
        .collect();
    assert_eq!(
        refs,
        [second["reference"].as_str().unwrap(), reference.as_str()],
        "newest first"
    );
    assert_eq!(list["items"][1]["company_name"], "Webshop Noord BV");
}
on_both_engines!(r1_r3_a_consumer_files_and_receives_an_acknowledgement);

async fn r1_field_errors_name_the_field_and_store_nothing(app: TestApp) {
    let _cast = app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let shop = company_id(&app, &anna, "noord").await;
    let cases = [
        ("summary", json!({"summary": "too short"})),
        ("desired_outcome", json!({"desired_outcome": "revenge"})),
        ("amount_cents", json!({"amount_cents": -5})),
        ("currency", json!({"currency": "euro"})),
        ("language", json!({"language": "xx"})),
        ("company_id", json!({"company_id": 999_999})),
        (
            "prior_complaint_on",
            json!({"prior_complaint": {"on": "2030-01-01", "channel": "email"}}),
        ),
    ];
    for (field, change) in cases {
        let mut body = filing(shop);
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, err) = app.post_json("/api/v1/cases", Some(&anna), body).await;
        assert_eq!(status, Status::UnprocessableEntity, "{field}: {err}");
        assert!(err["error"]["fields"][field].is_array(), "{field}: {err}");
    }
    let mut no_company = filing(shop);
    no_company.as_object_mut().unwrap().remove("company_id");
    let (status, err) = app
        .post_json("/api/v1/cases", Some(&anna), no_company.clone())
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(err["error"]["fields"]["company"].is_array());
    no_company["company"] = json!({"name": "Bad Mail BV", "complaint_email": "not an address"});
    let (status, err) = app
        .post_json("/api/v1/cases", Some(&anna), no_company)
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        err["error"]["fields"]["company.complaint_email"].is_array(),
        "{err}"
    );
    let (status, _) = app
        .post_json("/api/v1/cases", Some(&anna), json!({"summary": 5}))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);

    let (_, list) = app.get_as("/api/v1/cases", &anna).await;
    assert_eq!(list["items"], json!([]), "nothing was stored");
    let (_, found) = app.get_as("/api/v1/companies?q=Bad%20Mail", &anna).await;
    assert_eq!(found, json!([]), "no half-made company either");
}
on_both_engines!(r1_field_errors_name_the_field_and_store_nothing);

/// The duplicate check: an open case against the same company is named, with a way through.
#[tokio::test]
async fn a_second_open_case_against_the_same_company_is_flagged() {
    let app = TestApp::sqlite().await;
    let _cast = app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let shop = company_id(&app, &anna, "noord").await;
    let (_, first) = app
        .post_json("/api/v1/cases", Some(&anna), filing(shop))
        .await;
    let (status, err) = app
        .post_json("/api/v1/cases", Some(&anna), filing(shop))
        .await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(err["error"]["code"], "duplicate");
    assert_eq!(
        err["error"]["fields"]["duplicate_of"][0],
        first["reference"]
    );
    let mut again = filing(shop);
    again["allow_duplicate"] = json!(true);
    let (status, _) = app.post_json("/api/v1/cases", Some(&anna), again).await;
    assert_eq!(status, Status::Created);
}

async fn r2_staff_register_a_letter_for_a_consumer(app: TestApp) {
    let _cast = app.cast().await;
    let staff = app.token("staff@example.eu").await;
    let shop = company_id(&app, &staff, "noord").await;
    let mut letter = filing(shop);
    let (status, err) = app
        .post_json("/api/v1/cases", Some(&staff), letter.clone())
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(err["error"]["fields"]["consumer"].is_array());
    letter["consumer"] = json!({"email": "piet@example.eu", "name": "Piet Post"});
    letter["channel"] = json!("post");
    let (status, filed) = app.post_json("/api/v1/cases", Some(&staff), letter).await;
    assert_eq!(status, Status::Created, "{filed}");
    let reference = filed["reference"].as_str().unwrap();
    let (_, case) = app
        .get_as(&format!("/api/v1/cases/{reference}"), &staff)
        .await;
    assert_eq!(case["channel"], "post");
    // Piet gets his acknowledgement and an invitation to follow the case online.
    let token = app.mailed_token("piet@example.eu", "/invitation").await;
    let (status, _) = app
        .post_json(
            "/api/v1/invitations/accept",
            None,
            json!({"token": token, "name": "Piet Post", "password": CHOSEN}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    let (_, piet) = app.try_login("piet@example.eu", CHOSEN).await;
    let (status, _) = app
        .get_as(&format!("/api/v1/cases/{reference}"), &piet.unwrap())
        .await;
    assert_eq!(status, Status::Ok, "his case is his");

    let anna = app.token("anna@example.eu").await;
    let mut not_staff = filing(shop);
    not_staff["consumer"] = json!({"email": "someone@example.eu", "name": "Someone"});
    not_staff["channel"] = json!("post");
    let (status, filed) = app.post_json("/api/v1/cases", Some(&anna), not_staff).await;
    assert_eq!(status, Status::Created, "a consumer files for herself only");
    let (_, case) = app
        .get_as(
            &format!("/api/v1/cases/{}", filed["reference"].as_str().unwrap()),
            &anna,
        )
        .await;
    assert_eq!(case["channel"], "api");
}
on_both_engines!(r2_staff_register_a_letter_for_a_consumer);

async fn r6_an_incomplete_file_is_completed_and_starts_the_clocks(app: TestApp) {
    let _cast = app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let rep = app.token("service@webshop.example").await;
    let staff = app.token("staff@example.eu").await;
    let shop = company_id(&app, &anna, "noord").await;
    let mut body = filing(shop);
    body.as_object_mut().unwrap().remove("prior_complaint");
    let (_, filed) = app.post_json("/api/v1/cases", Some(&anna), body).await;
    assert_eq!(filed["status"], "incomplete");
    assert!(
        filed["missing"][0]
            .as_str()
            .unwrap()
            .contains("complaint to the company")
    );
    let (_, mail) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(mail.contains("we need some more information"), "{mail}");
    let r = filed["reference"].as_str().unwrap();

    let info =
        json!({"prior_complaint": {"on": "2026-02-20", "channel": "phone", "reference": "T-9"}});
    let path = format!("/api/v1/cases/{r}/information");
    assert_eq!(
        app.post_json(&path, Some(&rep), info.clone()).await.0,
        Status::Forbidden
    );
    let (status, done) = app.post_json(&path, Some(&anna), info.clone()).await;
    assert_eq!(status, Status::Ok, "{done}");
    assert_eq!(done["status"], "submitted");
    assert_eq!(
        app.post_json(&path, Some(&anna), info).await.0,
        Status::Conflict,
        "not incomplete any more"
    );

    let (status, done) = app
        .post_json(
            &format!("/api/v1/cases/{r}/completeness"),
            Some(&staff),
            json!({"missing": []}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(done["status"], "complete");
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &anna).await;
    assert_eq!(case["prior_complaint"]["channel"], "phone");
    assert_eq!(case["prior_complaint"]["reference"], "T-9");
    let complete_at: chrono::DateTime<chrono::Utc> = case["dates"]["complete_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(complete_at, app.clock_now());
    let admissibility = case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "admissibility")
        .expect("R8 deadline");
    let due: chrono::DateTime<chrono::Utc> =
        admissibility["due_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(due, complete_at + chrono::Duration::days(21));
    let (subject, _) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("complete"), "{subject}");
    let (subject, _) = app
        .last_mail("service@webshop.example")
        .await
        .expect("the company is told too");
    assert!(subject.contains(r), "{subject}");
}
on_both_engines!(r6_an_incomplete_file_is_completed_and_starts_the_clocks);

async fn complete_case(app: &TestApp, anna: &str, staff: &str, company: i64) -> String {
    let (_, filed) = app
        .post_json("/api/v1/cases", Some(anna), filing(company))
        .await;
    let r = filed["reference"].as_str().unwrap().to_string();
    let (status, _) = app
        .post_json(
            &format!("/api/v1/cases/{r}/completeness"),
            Some(staff),
            json!({}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    r
}

async fn r7_r8_a_refusal_needs_a_ground_of_the_procedure_and_reasons(app: TestApp) {
    let _cast = app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let staff = app.token("staff@example.eu").await;
    let shop = company_id(&app, &anna, "noord").await;
    let r = complete_case(&app, &anna, &staff, shop).await;
    let path = format!("/api/v1/cases/{r}/admissibility");
    assert_eq!(
        app.post_json(&path, Some(&anna), json!({"decision": "accept"}))
            .await
            .0,
        Status::Forbidden
    );
    let (status, err) = app
        .post_json(&path, Some(&staff), json!({"decision": "refuse", "ground": "we_are_busy", "reasons": "Too many cases this month."}))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(err["error"]["fields"]["ground"].is_array());
    let (status, _) = app
        .post_json(
            &path,
            Some(&staff),
            json!({"decision": "refuse", "ground": "filed_too_late"}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "reasons are required");
    let reasons = "The complaint to the shop was made more than a year before filing.";
    let (status, done) = app
        .post_json(
            &path,
            Some(&staff),
            json!({"decision": "refuse", "ground": "filed_too_late", "reasons": reasons}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(done["status"], "refused");
    for party in ["anna@example.eu", "service@webshop.example"] {
        let (_, body) = app.last_mail(party).await.unwrap();
        assert!(
            body.contains(reasons) && body.contains("time limit"),
            "{party}: {body}"
        );
    }
}
on_both_engines!(r7_r8_a_refusal_needs_a_ground_of_the_procedure_and_reasons);

async fn r9_acceptance_brings_the_company_in_through_its_complaint_address(app: TestApp) {
    app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let staff = app.token("staff@example.eu").await;
    let mut body = filing(0);
    body.as_object_mut().unwrap().remove("company_id");
    body["company"] =
        json!({"name": "Fietsen Plus", "complaint_email": "klacht@fietsenplus.example"});
    let (_, filed) = app.post_json("/api/v1/cases", Some(&anna), body).await;
    let r = filed["reference"].as_str().unwrap().to_string();
    app.post_json(
        &format!("/api/v1/cases/{r}/completeness"),
        Some(&staff),
        json!({}),
    )
    .await;
    let (status, _) = app
        .post_json(
            &format!("/api/v1/cases/{r}/admissibility"),
            Some(&staff),
            json!({"decision": "accept"}),
        )
        .await;
    assert_eq!(status, Status::Ok);

    let notice = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::mail_outbox::Entity::find()
            .filter(entity::mail_outbox::Column::Kind.eq("case_company_notice"))
            .one(&app.state.db)
            .await
            .unwrap()
            .expect("the company is notified")
    };
    assert_eq!(notice.to_address, "klacht@fietsenplus.example");
    let token = notice
        .subject
        .split('#')
        .nth(1)
        .unwrap()
        .trim_end_matches(']')
        .split(']')
        .next()
        .unwrap()
        .to_string();
    assert!(
        notice.subject.contains(&r) && token.len() == 32,
        "{}",
        notice.subject
    );
    // R3: a reply reaches the case as the company's, by the HMAC token in the address.
    let reply_to = notice.reply_to.as_deref().unwrap();
    assert!(
        reply_to.starts_with(&format!("cases+{r}-company-")),
        "{reply_to}"
    );
    let (case, side) =
        redress::mail::reply::parse(&app.state.reply_key(), reply_to).expect("a genuine token");
    assert_eq!((case.to_string(), side.as_str()), (r.clone(), "company"));
    assert!(
        notice.body_text.contains("washing machine")
            && notice.body_text.contains("20 working days")
    );

    // The claim link makes the complaint address the company's representative.
    let claim = app
        .mailed_token("klacht@fietsenplus.example", "/invitation")
        .await;
    let (status, account) = app
        .post_json(
            "/api/v1/invitations/accept",
            None,
            json!({"token": claim, "name": "Klachtendienst", "password": CHOSEN}),
        )
        .await;
    assert_eq!(status, Status::Ok, "{account}");
    assert_eq!(account["companies"][0]["name"], "Fietsen Plus");
    let (_, rep) = app.try_login("klacht@fietsenplus.example", CHOSEN).await;
    let rep = rep.unwrap();
    let (_, list) = app.get_as("/api/v1/cases", &rep).await;
    assert_eq!(
        list["items"][0]["reference"],
        r.as_str(),
        "its company's cases"
    );
    let path = format!("/api/v1/cases/{r}/participation");
    let (status, done) = app
        .post_json(&path, Some(&rep), json!({"takes_part": true}))
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(done["status"], "accepted");
    let (subject, _) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("takes part"), "{subject}");
    assert_eq!(
        app.post_json(&path, Some(&rep), json!({"takes_part": true}))
            .await
            .0,
        Status::Conflict
    );
}
on_both_engines!(r9_acceptance_brings_the_company_in_through_its_complaint_address);

/// R9: silence for 20 working days lapses the case, and both sides hear of it.
#[tokio::test]
async fn r9_silence_of_the_company_lapses_the_case() {
    let app = TestApp::sqlite().await;
    app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let staff = app.token("staff@example.eu").await;
    let shop = company_id(&app, &anna, "noord").await;
    let r = complete_case(&app, &anna, &staff, shop).await;
    app.post_json(
        &format!("/api/v1/cases/{r}/admissibility"),
        Some(&staff),
        json!({"decision": "accept"}),
    )
    .await;
    app.clock.advance(chrono::Duration::days(27));
    redress::jobs::run_once(&app.state).await.unwrap();
    let staff = app.token("staff@example.eu").await;
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    assert_eq!(
        case["status"], "accepted",
        "20 working days are not over after 27 calendar days"
    );
    app.clock.advance(chrono::Duration::days(5));
    redress::jobs::run_once(&app.state).await.unwrap();
    let staff = app.token("staff@example.eu").await;
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    assert_eq!(case["status"], "lapsed");
    for party in ["anna@example.eu", "service@webshop.example"] {
        let (subject, _) = app.last_mail(party).await.unwrap();
        assert!(subject.contains("ended"), "{party}: {subject}");
    }
}

async fn case_lists_page_by_keyset_and_show_each_caller_their_own(app: TestApp) {
    app.cast().await;
    app.user(Role::Consumer, "eve@example.eu", None).await;
    let anna = app.token("anna@example.eu").await;
    let eve = app.token("eve@example.eu").await;
    let rep = app.token("service@webshop.example").await;
    let staff = app.token("staff@example.eu").await;
    let shop = company_id(&app, &anna, "noord").await;
    let mut filed = Vec::new();
    for _ in 0..5 {
        let mut body = filing(shop);
        body["allow_duplicate"] = json!(true);
        let (_, case) = app.post_json("/api/v1/cases", Some(&anna), body).await;
        filed.push(case["reference"].as_str().unwrap().to_string());
    }
    filed.reverse();
    let mut seen = Vec::new();
    let mut path = "/api/v1/cases?limit=2".to_string();
    loop {
        let (status, page) = app.get_as(&path, &anna).await;
        assert_eq!(status, Status::Ok);
        assert!(page["items"].as_array().unwrap().len() <= 2);
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["reference"].as_str().unwrap().to_string()),
        );
        match page["next"].as_str() {
            Some(next) => path = format!("/api/v1/cases?limit=2&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen, filed, "every case once, newest first");
    assert_eq!(
        app.get_as("/api/v1/cases", &eve).await.1["items"],
        json!([])
    );
    assert_eq!(
        app.get_as("/api/v1/cases", &rep).await.1["items"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        app.get_as("/api/v1/cases?status=submitted", &staff).await.1["items"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        app.get_as("/api/v1/cases?status=closed", &staff).await.1["items"],
        json!([])
    );
    for bad in [
        "/api/v1/cases?limit=0",
        "/api/v1/cases?limit=101",
        "/api/v1/cases?status=nonsense",
        "/api/v1/cases?after=x",
    ] {
        assert_eq!(
            app.get_as(bad, &anna).await.0,
            Status::UnprocessableEntity,
            "{bad}"
        );
    }
    let _ = PASSWORD;
}
on_both_engines!(case_lists_page_by_keyset_and_show_each_caller_their_own);

/// R6: staff may find a filed case incomplete; the consumer is told exactly what to add.
#[tokio::test]
async fn r6_staff_list_what_is_missing_and_the_consumer_is_told() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let staff = app.token("staff@example.eu").await;
    let missing = json!({"missing": ["a copy of the invoice", "the order number"]});
    let (status, done) = app
        .post_json(
            &format!("/api/v1/cases/{r}/completeness"),
            Some(&staff),
            missing,
        )
        .await;
    assert_eq!(status, Status::Ok, "{done}");
    assert_eq!(done["status"], "incomplete");
    let (subject, body) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("more information"), "{subject}");
    assert!(
        body.contains("a copy of the invoice") && body.contains("the order number"),
        "{body}"
    );
}

/// R9: a company that declines to take part gives reasons, and the consumer receives them.
#[tokio::test]
async fn r9_a_company_declining_gives_reasons_the_consumer_receives() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    let rep = app.token("service@webshop.example").await;
    let path = format!("/api/v1/cases/{r}/participation");
    let (status, _) = app
        .post_json(&path, Some(&rep), json!({"takes_part": false}))
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "reasons are required");
    let reasons = "We already refunded the customer in full on 3 March.";
    let (status, _) = app
        .post_json(
            &path,
            Some(&rep),
            json!({"takes_part": false, "reasons": reasons}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let answer = entity::mail_outbox::Entity::find()
        .filter(entity::mail_outbox::Column::ToAddress.eq("anna@example.eu"))
        .filter(entity::mail_outbox::Column::Kind.eq("company_answered"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the consumer is told");
    assert!(
        answer.subject.contains("does not take part"),
        "{}",
        answer.subject
    );
    assert!(
        answer.body_text.contains(reasons) && answer.body_text.contains("right to go to court")
    );
    let (subject, _) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(
        subject.ends_with("The case has ended"),
        "then the lapse: {subject}"
    );
}
