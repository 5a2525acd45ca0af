//! R10: staff group similar cases against one company; each consumer's consent is asked and
//! recorded.
use crate::common::{Cast, PASSWORD, TestApp, csrf_of, submit};
use crate::on_both_engines;
use redress::policy::Role;
use redress::services::Caller;
use rocket::http::Status;
use serde_json::json;

async fn file_for(app: &TestApp, cast: &Cast, consumer: &Caller) -> String {
    use redress::services::filing::{ConsumerPick, file_case};
    let mut new = crate::common::sample_case(app, cast).await;
    new.consumer = ConsumerPick::Account(cast.id(consumer));
    file_case(&app.state, consumer, new)
        .await
        .unwrap()
        .reference
}

async fn r10_similar_cases_are_bundled_only_with_each_consumers_consent(app: TestApp) {
    let cast = app.cast().await;
    let eve = app.user(Role::Consumer, "eve@example.eu", None).await;
    let anna_case = file_for(&app, &cast, &cast.consumer).await;
    let eve_case = file_for(&app, &cast, &eve).await;
    let staff = app.token("staff@example.eu").await;
    let anna = app.token("anna@example.eu").await;
    let shop_rep = app.token("service@webshop.example").await;
    let company = app.get_as("/api/v1/me", &shop_rep).await.1["companies"][0]["id"]
        .as_i64()
        .unwrap();

    let body = json!({"company_id": company, "title": "Broken washing machines, batch 2026-03", "cases": [anna_case, eve_case]});
    assert_eq!(
        app.post_json("/api/v1/bundles", Some(&anna), body.clone())
            .await
            .0,
        Status::Forbidden
    );
    let (status, err) = app
        .post_json(
            "/api/v1/bundles",
            Some(&staff),
            json!({"company_id": company, "title": "One", "cases": [anna_case]}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{err}");
    let (status, err) = app
        .post_json(
            "/api/v1/bundles",
            Some(&staff),
            json!({"company_id": company + 1000, "title": "Wrong", "cases": [anna_case, eve_case]}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{err}");
    let (status, bundle) = app.post_json("/api/v1/bundles", Some(&staff), body).await;
    assert_eq!(status, Status::Created, "{bundle}");
    assert!(
        bundle["cases"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["consented_at"].is_null())
    );
    let (subject, _) = app.last_mail("eve@example.eu").await.unwrap();
    assert!(subject.contains("together with similar ones"), "{subject}");

    let consent = format!("/api/v1/cases/{anna_case}/bundle-consent");
    assert_eq!(
        app.post_json(&consent, Some(&shop_rep), json!({"consent": true}))
            .await
            .0,
        Status::Forbidden
    );
    let (status, _) = app
        .post_json(&consent, Some(&anna), json!({"consent": true}))
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        app.post_json(&consent, Some(&anna), json!({"consent": false}))
            .await
            .0,
        Status::Conflict,
        "answered already"
    );

    // Eve answers on her case page.
    let csrf = csrf_of(&app, "/login").await;
    submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "eve@example.eu"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let page = app
        .client
        .get(format!("/cases/{eve_case}"))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(page.contains("May we handle your case with similar ones?"));
    let (status, _, _) = submit(
        &app,
        &format!("/cases/{eve_case}/bundle-consent"),
        &[("csrf", &csrf), ("consent", "false")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);

    let id = bundle["id"].as_i64().unwrap();
    let (_, bundle) = app.get_as(&format!("/api/v1/bundles/{id}"), &staff).await;
    let member = |r: &str| {
        bundle["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["reference"] == r)
            .cloned()
            .unwrap()
    };
    assert!(member(&anna_case)["consented_at"].is_string());
    assert!(member(&eve_case)["declined_at"].is_string());
    let (_, audit) = app
        .get_as(&format!("/api/v1/cases/{eve_case}/audit"), &staff)
        .await;
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"case.bundle") && actions.contains(&"case.answer_bundle"),
        "{actions:?}"
    );
}
on_both_engines!(r10_similar_cases_are_bundled_only_with_each_consumers_consent);
