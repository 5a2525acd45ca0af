//! R29: erasure. Without open cases the account goes at once; with open cases it waits until
//! they end. Either way personal data leaves the ordinary tables, the case skeleton stays for
//! the statistics, and `redress audit verify` stays green.
use crate::common::{PASSWORD, TestApp, csrf_of, submit};
use crate::on_both_engines;
use redress::domain::dossier::Command;
use rocket::http::Status;
use serde_json::json;

async fn r29_erasure_waits_for_open_cases_and_keeps_the_audit_log_verifiable(app: TestApp) {
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    let anna = app.token("anna@example.eu").await;

    let (status, answer) = app
        .post_json("/api/v1/me/erasure", Some(&anna), json!({}))
        .await;
    assert_eq!(status, Status::Accepted);
    assert_eq!(answer["erased"], false);
    assert_eq!(answer["open_cases"][0], r.to_string());
    let (subject, body) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("erase"), "{subject}");
    assert!(body.contains(&r.to_string()), "names the open case: {body}");
    let me = app.get_as("/api/v1/me", &anna).await;
    assert_eq!(me.0, Status::Ok, "she can still follow her case");
    assert!(me.1["erasure_requested_at"].is_string());

    app.run(
        &r,
        &cast.consumer,
        Command::Withdraw {
            reason: "Anna Jansen got her money back, call 0612345678.".into(),
        },
    )
    .await;
    let pass = redress::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(
        pass.erased, 1,
        "the pass finishes the erasure once the case ended"
    );

    assert_eq!(
        app.get_as("/api/v1/me", &anna).await.0,
        Status::Unauthorized
    );
    assert_eq!(
        app.try_login("anna@example.eu", PASSWORD).await.0,
        Status::Unauthorized
    );
    let staff = app.token("staff@example.eu").await;
    let (status, case) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    assert_eq!(status, Status::Ok, "the case skeleton stays");
    assert_eq!(case["status"], "withdrawn");
    assert_eq!(case["claim"]["amount_cents"], 64_900);
    let text = case.to_string();
    assert!(
        !text.contains("washing machine"),
        "her account of events is gone"
    );
    assert!(
        !text.contains("0612345678"),
        "her words in events are gone: {text}"
    );
    assert!(!text.contains("CS-1"), "her complaint reference is gone");

    let users = {
        use sea_orm::EntityTrait;
        entity::users::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
    };
    assert!(users.iter().all(|u| u.email != "anna@example.eu"));
    let verify = redress::audit::verify(&app.state.db).await.unwrap();
    assert!(verify.intact(), "{:?}", verify.problem);
    // The address may be used again for a fresh account.
    assert_eq!(
        app.register("anna@example.eu", "Anna").await,
        Status::Created
    );
}
on_both_engines!(r29_erasure_waits_for_open_cases_and_keeps_the_audit_log_verifiable);

/// Without open cases, the erasure is immediate; on the page it ends the login.
#[tokio::test]
async fn r29_erasure_on_the_account_page_without_open_cases_is_immediate() {
    let app = TestApp::sqlite().await;
    app.register("anna@example.eu", "Anna").await;
    let csrf = csrf_of(&app, "/login").await;
    let (status, _, _) = submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "anna@example.eu"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let page = app
        .client
        .get("/account")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(page.contains("action=\"/account/erasure\""));
    let (status, _, _) = submit(&app, "/account/erasure", &[("csrf", &csrf)]).await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "the box must be ticked"
    );
    let (status, _, html) = submit(
        &app,
        "/account/erasure",
        &[("csrf", &csrf), ("confirm", "yes")],
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("erased"));
    let account = app.client.get("/account").dispatch().await;
    assert_eq!(account.status(), Status::SeeOther, "logged out");
    assert_eq!(
        app.try_login("anna@example.eu", PASSWORD).await.0,
        Status::Unauthorized
    );
    // The notice went out, and once delivered no copy of the address is kept.
    redress::jobs::run_once(&app.state).await.unwrap();
    assert!(app.last_mail("anna@example.eu").await.is_none());
    let verify = redress::audit::verify(&app.state.db).await.unwrap();
    assert!(verify.intact());
}
