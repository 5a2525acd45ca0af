//! R13: the public page of how the entity works, generated from the policies and the
//! neutrals' data, with the average length of the cases closed.
use crate::common::{TestApp, page};
use redress::domain::dossier::Command;
use rocket::http::Status;
use serde_json::Value;

#[rocket::async_test]
async fn r13_the_about_page_is_generated_from_the_policies_and_the_neutrals() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let res = app.client.get("/api/v1/about").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    let about: Value = res.into_json().await.unwrap();
    assert_eq!(about["neutrals"][0]["name"], "mediator");
    assert!(about["average_days"].is_null(), "no case closed yet");
    let eu = about["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "eu-default")
        .unwrap();
    assert_eq!(eu["outcome_days"], 90);
    assert_eq!(eu["fee"], "free of charge for consumers");
    assert!(
        eu["legal_effect"]
            .as_str()
            .unwrap()
            .contains("reflection period of 7 days")
    );
    assert_eq!(eu["refusal_grounds"].as_array().unwrap().len(), 6);
    let nl = about["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "nl-binding-advice")
        .unwrap();
    assert!(
        nl["legal_effect"]
            .as_str()
            .unwrap()
            .contains("binds both parties")
    );

    // A case closed ten days after its file was complete.
    let r = app.accepted_case(&cast).await;
    app.clock.advance(chrono::Duration::days(10));
    app.run(
        &r,
        &cast.consumer,
        Command::Withdraw {
            reason: "Solved.".into(),
        },
    )
    .await;
    app.run(
        &r,
        &cast.staff,
        Command::Close {
            reasons: "The consumer withdrew the complaint.".into(),
        },
    )
    .await;
    let (status, html) = page(&app, "/about").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("On average 10.0 days"), "{html}");
    assert!(html.contains("mediator") && html.contains("A case may be refused only when"));
}
