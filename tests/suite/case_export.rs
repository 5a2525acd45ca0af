//! R3: each party downloads the whole case file as one PDF and as JSON, as they may see it.
use crate::common::{TestApp, bearer};
use crate::on_both_engines;
use redress::domain::dossier::Command;
use redress::policy::Role;
use rocket::http::{ContentType, Status};

async fn r3_each_party_downloads_the_whole_case_file_as_pdf_and_json(app: TestApp) {
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
    app.run(
        &r,
        &cast.consumer,
        Command::PostMessage {
            body: "Order 4411, paid €649 — zie bijlage.".into(),
            internal: false,
            by_email: false,
        },
    )
    .await;
    app.run(
        &r,
        &cast.neutral,
        Command::PostMessage {
            body: "Internal: the shop seems willing.".into(),
            internal: true,
            by_email: false,
        },
    )
    .await;
    let upload = redress::services::documents::Upload {
        file_name: "receipt.txt".into(),
        bytes: b"Paid 649 euro.".to_vec(),
    };
    let (_, doc) = redress::services::documents::add(&app.state, &cast.consumer, &r, upload)
        .await
        .unwrap();

    let anna = app.token("anna@example.eu").await;
    let res = app
        .client
        .get(format!("/api/v1/cases/{r}/export.json"))
        .header(bearer(&anna))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert!(
        res.headers()
            .get_one("Content-Disposition")
            .unwrap()
            .contains(&format!("{r}.json"))
    );
    let json: serde_json::Value = res.into_json().await.unwrap();
    assert_eq!(json["reference"], r.to_string());
    assert_eq!(json["parties"]["company"], "Webshop Noord BV");
    assert_eq!(
        json["messages"].as_array().unwrap().len(),
        1,
        "no internal note for a party"
    );
    assert_eq!(json["documents"][0]["sha256"], doc.sha256);
    assert!(json["timeline"].as_array().unwrap().len() >= 6);
    assert!(!json.to_string().contains("seems willing"));

    let res = app
        .client
        .get(format!("/api/v1/cases/{r}/export.pdf"))
        .header(bearer(&anna))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.content_type(), Some(ContentType::PDF));
    let pdf = res.into_bytes().await.unwrap();
    let text = redress::pdf::text_of(&pdf).expect("a readable PDF");
    for expected in [
        r.to_string().as_str(),
        "Webshop Noord BV",
        "washing machine",
        "paid €649 — zie bijlage",
        "receipt.txt",
        doc.sha256.as_str(),
        "EUR 649.00",
    ] {
        assert!(
            text.contains(expected),
            "the PDF holds {expected:?}:\n{text}"
        );
    }
    assert!(!text.contains("seems willing"));

    let mediator = app.token("mediator@example.eu").await;
    let (status, json) = app
        .get_as(&format!("/api/v1/cases/{r}/export.json"), &mediator)
        .await;
    assert_eq!(status, Status::Ok);
    assert!(
        json.to_string().contains("seems willing"),
        "the neutral's own file has the note"
    );
    app.user(Role::Consumer, "eve@example.eu", None).await;
    let eve = app.token("eve@example.eu").await;
    assert_eq!(
        app.get_as(&format!("/api/v1/cases/{r}/export.pdf"), &eve)
            .await
            .0,
        Status::NotFound
    );
}
on_both_engines!(r3_each_party_downloads_the_whole_case_file_as_pdf_and_json);
