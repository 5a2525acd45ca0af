//! Reading dossiers through the API: who may see what is decided by policies/access.toml.
use crate::common::{TestApp, bearer};
use crate::on_both_engines;
use entity::access_log;
use redress::domain::dossier::Command;
use rocket::http::{Header, Status};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::Value;

/// R1, R14, R30: the parties and staff see the case; a stranger cannot tell it exists.
async fn r30_parties_and_staff_see_a_case_and_strangers_get_404(app: TestApp) {
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let path = format!("/api/v1/cases/{r}");

    let (status, case) = app.get_as(&path, &app.token("anna@example.eu").await).await;
    assert_eq!(status, Status::Ok, "{case}");
    assert_eq!(case["reference"], r.to_string());
    assert_eq!(case["status"], "submitted");
    assert_eq!(case["policy"], "eu-default@2026.1");
    assert_eq!(case["claim"]["amount_cents"], 64_900);
    assert_eq!(case["timeline"][0]["kind"], "filed");
    assert_eq!(case["deadlines"][0]["kind"], "completeness_check");

    let (status, _) = app
        .get_as(&path, &app.token("service@webshop.example").await)
        .await;
    assert_eq!(
        status,
        Status::Ok,
        "the respondent company's representative"
    );

    let staff = app.token("staff@example.eu").await;
    let (status, _) = app.get_as(&path, &staff).await;
    assert_eq!(status, Status::Ok);
    let logged = access_log::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(logged, 1, "a staff view is recorded in the access log");

    let neutral = app.token("mediator@example.eu").await;
    let (status, unassigned) = app.get_as(&path, &neutral).await;
    assert_eq!(
        status,
        Status::NotFound,
        "a neutral not assigned sees nothing"
    );
    let (_, nonexistent) = app.get_as("/api/v1/cases/RD-2026-000999", &neutral).await;
    assert_eq!(
        unassigned, nonexistent,
        "hidden and nonexistent cases look the same"
    );

    app.user(redress::policy::Role::Consumer, "eve@example.eu", None)
        .await;
    let (status, _) = app.get_as(&path, &app.token("eve@example.eu").await).await;
    assert_eq!(status, Status::NotFound);
    let (status, _) = app.get_as("/api/v1/cases/not-a-reference", &staff).await;
    assert_eq!(status, Status::NotFound);
    let res = app.client.get(path).dispatch().await;
    assert_eq!(res.status(), Status::Unauthorized);
}
on_both_engines!(r30_parties_and_staff_see_a_case_and_strangers_get_404);

/// The dossier view is cached by version: an unchanged case answers 304 to its ETag.
async fn an_unchanged_dossier_answers_304_to_its_etag(app: TestApp) {
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let token = app.token("anna@example.eu").await;
    let path = format!("/api/v1/cases/{r}");
    let res = app
        .client
        .get(path.clone())
        .header(bearer(&token))
        .dispatch()
        .await;
    let etag = res.headers().get_one("ETag").unwrap().to_string();
    let again = app
        .client
        .get(path.clone())
        .header(bearer(&token))
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch()
        .await;
    assert_eq!(again.status(), Status::NotModified);

    app.run(
        &r,
        &cast.staff,
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await;
    let changed = app
        .client
        .get(path)
        .header(bearer(&token))
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch()
        .await;
    assert_eq!(changed.status(), Status::Ok);
    assert_ne!(changed.headers().get_one("ETag").unwrap(), etag);
    let case: Value = changed.into_json().await.unwrap();
    assert_eq!(case["status"], "complete");
}
on_both_engines!(an_unchanged_dossier_answers_304_to_its_etag);

/// R26: a party sees the audit entries of their own case and nothing of other cases.
async fn r26_a_party_sees_the_audit_entries_of_their_case(app: TestApp) {
    let cast = app.cast().await;
    let mine = app.accepted_case(&cast).await;
    app.file(&cast).await;
    let (status, entries) = app
        .get_as(
            &format!("/api/v1/cases/{mine}/audit"),
            &app.token("anna@example.eu").await,
        )
        .await;
    assert_eq!(status, Status::Ok);
    let actions: Vec<_> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        actions,
        [
            "case.file",
            "case.review_completeness",
            "case.decide_admissibility"
        ]
    );
    assert_eq!(entries[2]["rule"], "staff.casework");
    let (status, _) = app
        .get_as(
            &format!("/api/v1/cases/{mine}/audit"),
            &app.token("mediator@example.eu").await,
        )
        .await;
    assert_eq!(status, Status::NotFound);
}
on_both_engines!(r26_a_party_sees_the_audit_entries_of_their_case);
