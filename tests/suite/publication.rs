//! R31: a public case is listed only after moderation, with personal data redacted; a case
//! whose text holds listed words is held for staff review.
use crate::common::{PASSWORD, TestApp, csrf_of, submit};
use crate::on_both_engines;
use rocket::http::Status;
use serde_json::{Value, json};

fn public_filing(company_id: i64, summary: &str) -> Value {
    json!({
        "company_id": company_id, "summary": summary, "desired_outcome": "refund",
        "amount_cents": 64_900, "currency": "EUR", "language": "en", "public": true,
        "allow_duplicate": true,
        "prior_complaint": {"on": "2026-02-20", "channel": "email"},
    })
}

async fn listed(app: &TestApp) -> Vec<String> {
    let res = app.client.get("/api/v1/public/cases").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    let list: Value = res.into_json().await.unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["summary"].as_str().unwrap().to_string())
        .collect()
}

async fn r31_public_cases_are_moderated_and_redacted(app: TestApp) {
    app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let staff = app.token("staff@example.eu").await;
    let (_, found) = app.get_as("/api/v1/companies?q=noord", &anna).await;
    let shop = found[0]["id"].as_i64().unwrap();

    let clean = "The dryer broke after two weeks. Write to anna.j@example.eu or call 0612345678.";
    let (status, filed) = app
        .post_json("/api/v1/cases", Some(&anna), public_filing(shop, clean))
        .await;
    assert_eq!(status, Status::Created, "{filed}");
    let mut private = public_filing(
        shop,
        "A private complaint about a late delivery of my sofa.",
    );
    private["public"] = json!(false);
    app.post_json("/api/v1/cases", Some(&anna), private).await;
    let rude = "These idiots sold me a broken fridge and ignore every letter I send them.";
    let (_, held) = app
        .post_json("/api/v1/cases", Some(&anna), public_filing(shop, rude))
        .await;
    let held_ref = held["reference"].as_str().unwrap().to_string();

    let public = listed(&app).await;
    assert_eq!(public.len(), 1, "only the clean public case: {public:?}");
    assert!(public[0].starts_with("The dryer broke"));
    assert!(
        !public[0].contains("anna.j@example.eu") && !public[0].contains("0612345678"),
        "{}",
        public[0]
    );
    let page = app
        .client
        .get("/public/cases")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(page.contains("Webshop Noord BV") && page.contains("[e-mail address]"));
    assert!(!page.contains("anna") && !page.contains("idiots"));

    let path = format!("/api/v1/cases/{held_ref}/moderation");
    assert_eq!(
        app.post_json(&path, Some(&anna), json!({"publish": true}))
            .await
            .0,
        Status::Forbidden
    );
    let (status, _) = app
        .post_json(&path, Some(&staff), json!({"publish": false}))
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "a refusal needs reasons"
    );
    let (status, done) = app
        .post_json(&path, Some(&staff), json!({"publish": true}))
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(done["moderation"], "published");
    assert_eq!(listed(&app).await.len(), 2);
    let (status, _) = app
        .post_json(
            &path,
            Some(&staff),
            json!({"publish": false, "reasons": "Insulting after all."}),
        )
        .await;
    assert_eq!(status, Status::Ok, "staff may take a case off again");
    assert_eq!(listed(&app).await.len(), 1);
    let (status, _) = app
        .post_json(&path, Some(&staff), json!({"publish": true}))
        .await;
    assert_eq!(
        status,
        Status::Conflict,
        "a refused publication stays refused"
    );
    let (_, audit) = app
        .get_as(&format!("/api/v1/cases/{held_ref}/audit"), &staff)
        .await;
    assert_eq!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "case.moderate")
            .count(),
        2
    );
}
on_both_engines!(r31_public_cases_are_moderated_and_redacted);

/// The staff's moderation page shows the flagged words and decides with a form.
#[tokio::test]
async fn r31_staff_review_held_cases_on_the_moderation_page() {
    let app = TestApp::sqlite().await;
    app.cast().await;
    let anna = app.token("anna@example.eu").await;
    let (_, found) = app.get_as("/api/v1/companies?q=noord", &anna).await;
    let shop = found[0]["id"].as_i64().unwrap();
    let (_, held) = app
        .post_json(
            "/api/v1/cases",
            Some(&anna),
            public_filing(shop, "Those crooks kept my deposit of 300 euro for months."),
        )
        .await;
    let reference = held["reference"].as_str().unwrap().to_string();

    let csrf = csrf_of(&app, "/login").await;
    submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "anna@example.eu"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(
        app.client
            .get("/staff/moderation")
            .dispatch()
            .await
            .status(),
        Status::Forbidden
    );
    submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "staff@example.eu"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let page = app
        .client
        .get("/staff/moderation")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(
        page.contains(&reference) && page.contains("<strong>crooks</strong>"),
        "{page}"
    );
    let (status, location, _) = submit(
        &app,
        &format!("/cases/{reference}/moderation"),
        &[("csrf", &csrf), ("publish", "true"), ("reasons", "")],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some("/staff/moderation"))
    );
    assert_eq!(listed(&app).await.len(), 1);
}

/// R13: anyone finds a company and reaches its public scorecard.
#[tokio::test]
async fn r13_anyone_finds_a_companys_scorecard() {
    let app = crate::common::TestApp::sqlite().await;
    app.cast().await;
    let rep = app.token("service@webshop.example").await;
    let company = app.company_of(&rep).await;
    let (status, html) = crate::common::page(&app, "/companies?q=noord").await;
    assert_eq!(status, rocket::http::Status::Ok);
    assert!(
        html.contains(&format!(
            "<a href=\"/companies/{company}\">Webshop Noord BV</a>"
        )),
        "{html}"
    );
    let (status, html) = crate::common::page(&app, "/companies?q=x").await;
    assert_eq!(status, rocket::http::Status::Ok);
    assert!(
        html.contains("role=\"alert\"") && html.contains("2 to 100 characters"),
        "{html}"
    );
    let (_, html) = crate::common::page(&app, "/companies?q=nothing-like-it").await;
    assert!(html.contains("No company found."));
}
