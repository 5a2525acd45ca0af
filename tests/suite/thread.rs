//! R14: the case's thread. Each side sees what the other submitted; a neutral's internal notes
//! never reach the parties; documents are checked by content, stored by hash, logged, and
//! downloadable only by those who may see the case.
use crate::common::{Cast, TestApp, bearer};
use crate::on_both_engines;
use redress::domain::dossier::Command;
use redress::domain::reference::CaseReference;
use redress::policy::Role;
use rocket::http::{ContentType, Status};
use serde_json::json;

/// An accepted case the company takes part in, with the cast's neutral assigned.
async fn working_case(app: &TestApp, cast: &Cast) -> CaseReference {
    let r = app.accepted_case(cast).await;
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
    r
}

async fn r14_each_side_sees_the_other_and_internal_notes_stay_internal(app: TestApp) {
    let cast = app.cast().await;
    let r = working_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let shop = app.token("service@webshop.example").await;
    let mediator = app.token("mediator@example.eu").await;
    let path = format!("/api/v1/cases/{r}/messages");

    let (status, posted) = app
        .post_json(
            &path,
            Some(&anna),
            json!({"body": "Here is my order number: 4411."}),
        )
        .await;
    assert_eq!(status, Status::Created, "{posted}");
    assert_eq!(posted["author"], "consumer");
    let (_, mail) = app.last_mail("service@webshop.example").await.unwrap();
    assert!(
        mail.contains("order number: 4411"),
        "the company is told: {mail}"
    );
    app.post_json(
        &path,
        Some(&shop),
        json!({"body": "Thank you, we are checking it."}),
    )
    .await;
    let (status, _) = app
        .post_json(
            &path,
            Some(&anna),
            json!({"body": "A secret", "internal": true}),
        )
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "only the neutral keeps internal notes"
    );
    let (status, _) = app
        .post_json(
            &path,
            Some(&mediator),
            json!({"body": "The shop seems willing; propose 50%.", "internal": true}),
        )
        .await;
    assert_eq!(status, Status::Created);
    assert_eq!(
        app.post_json(&path, Some(&anna), json!({"body": "  "}))
            .await
            .0,
        Status::UnprocessableEntity
    );

    for (who, token, expected) in [
        ("consumer", &anna, 2),
        ("company", &shop, 2),
        ("neutral", &mediator, 3),
    ] {
        let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), token).await;
        let messages = case["messages"].as_array().unwrap();
        assert_eq!(messages.len(), expected, "{who}");
        let text = case.to_string();
        assert_eq!(
            text.contains("propose 50%"),
            who == "neutral",
            "{who} and the internal note"
        );
    }
    app.user(Role::Consumer, "eve@example.eu", None).await;
    let eve = app.token("eve@example.eu").await;
    assert_eq!(
        app.post_json(&path, Some(&eve), json!({"body": "hello"}))
            .await
            .0,
        Status::NotFound
    );
}
on_both_engines!(r14_each_side_sees_the_other_and_internal_notes_stay_internal);

fn multipart(name: &str, bytes: &[u8]) -> (ContentType, Vec<u8>) {
    let boundary = "redress-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (
        ContentType::new("multipart", "form-data").with_params(("boundary", boundary)),
        body,
    )
}

async fn upload(
    app: &TestApp,
    r: &CaseReference,
    token: &str,
    name: &str,
    bytes: &[u8],
) -> (Status, serde_json::Value) {
    let (content_type, body) = multipart(name, bytes);
    let res = app
        .client
        .post(format!("/api/v1/cases/{r}/attachments"))
        .header(content_type)
        .header(bearer(token))
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    (status, res.into_json().await.unwrap_or_default())
}

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn r14_documents_are_checked_by_content_stored_by_hash_and_logged(app: TestApp) {
    let cast = app.cast().await;
    let r = working_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let shop = app.token("service@webshop.example").await;

    let (status, stored) = upload(&app, &r, &anna, "../../invoice 4411.pdf", PDF).await;
    assert_eq!(status, Status::Created, "{stored}");
    assert_eq!(stored["content_type"], "application/pdf");
    assert_eq!(stored["file_name"], "invoice 4411.pdf", "no path survives");
    let sha = stored["sha256"].as_str().unwrap().to_string();
    assert_eq!(sha, redress::audit::sha256_hex(PDF));
    assert!(
        app.state.config.attachment_path(&sha).exists(),
        "stored under its hash"
    );

    let (status, err) = upload(
        &app,
        &r,
        &anna,
        "photo.pdf",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00 not a pdf at all",
    )
    .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "a program renamed to .pdf: {err}"
    );
    assert!(err["error"]["fields"]["file"].is_array());
    let (status, _) = upload(
        &app,
        &r,
        &anna,
        "notes.txt",
        "Bought on 2 March, paid €649.".as_bytes(),
    )
    .await;
    assert_eq!(status, Status::Created, "plain text is accepted");
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let (status, err) = upload(&app, &r, &anna, "big.txt", &big).await;
    assert_eq!(status, Status::PayloadTooLarge, "{err}");

    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &shop).await;
    let docs = case["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2, "each side sees the other's documents");
    let url = docs[0]["url"].as_str().unwrap().to_string();
    let res = app
        .client
        .get(url.clone())
        .header(bearer(&shop))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.content_type(), Some(ContentType::PDF));
    assert_eq!(res.into_bytes().await.unwrap(), PDF);
    app.user(Role::Consumer, "eve@example.eu", None).await;
    let eve = app.token("eve@example.eu").await;
    assert_eq!(
        app.client
            .get(url.clone())
            .header(bearer(&eve))
            .dispatch()
            .await
            .status(),
        Status::NotFound
    );
    assert_eq!(
        upload(&app, &r, &eve, "x.pdf", PDF).await.0,
        Status::NotFound
    );
    assert_eq!(
        app.client.get(url).dispatch().await.status(),
        Status::Unauthorized
    );

    // The upload is in the audit trail, and the log verifies.
    let (_, audit) = app.get_as(&format!("/api/v1/cases/{r}/audit"), &anna).await;
    assert_eq!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "case.add_document")
            .count(),
        2
    );
    let timeline = case["timeline"].as_array().unwrap();
    assert!(timeline.iter().any(
        |e| e["kind"] == "document_added" && e["details"]["document"]["sha256"] == sha.as_str()
    ));
    assert!(
        redress::audit::verify(&app.state.db)
            .await
            .unwrap()
            .intact()
    );
}
on_both_engines!(r14_documents_are_checked_by_content_stored_by_hash_and_logged);
