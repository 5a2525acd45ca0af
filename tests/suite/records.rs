//! R20, R21, R23, R26, R27, R29 through HTTP and the command line: a settlement's signed
//! record and its sealed PDF, checked by the API, the page and `redress settlement verify`;
//! tampering with the PDF, the record, its signature, its key id or the database rows is
//! caught; a key rotation keeps old records valid; the audit log's signed heads, inclusion and
//! consistency proofs check out; an erasure leaves records and log verifiable.
use crate::cli::{redress, text};
use crate::common::{Cast, TestApp, csrf_of, page};
use crate::on_both_engines;
use redress::audit::merkle::{from_hex, verify_consistency, verify_inclusion};
use redress::domain::dossier::{Command, ProposalTerms, Remedy};
use redress::domain::reference::CaseReference;
use rocket::http::{ContentType, Status};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

/// A case taken to `settled` through the dossier commands and the scheduler.
async fn settled_case(app: &TestApp, cast: &Cast) -> CaseReference {
    let r = app.negotiating_case(cast).await;
    let offer = ProposalTerms {
        amount_cents: 123_456,
        currency: "EUR".into(),
        remedies: vec![Remedy::Refund],
        terms: "Refund of the washing machine; the shop collects it.".into(),
        performance_days: 14,
        counter_to: None,
        notices_acknowledged: true,
    };
    app.run(&r, &cast.company, Command::Propose(offer)).await;
    let accept = Command::AcceptProposal {
        number: 1,
        notices_acknowledged: true,
    };
    app.run(&r, &cast.consumer, accept).await;
    app.clock.advance(chrono::Duration::days(8));
    let pass = redress::jobs::run_once(&app.state).await.unwrap();
    assert!(pass.fired >= 1);
    r
}

async fn get_bytes(app: &TestApp, path: &str, token: &str) -> (Status, Vec<u8>) {
    let res = app
        .client
        .get(path.to_string())
        .header(crate::common::bearer(token))
        .dispatch()
        .await;
    (res.status(), res.into_bytes().await.unwrap_or_default())
}

async fn verify_pdf(app: &TestApp, pdf: &[u8]) -> Value {
    let res = app
        .client
        .post("/api/v1/verify")
        .header(ContentType::PDF)
        .body(pdf)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    res.into_json().await.unwrap()
}

async fn r20_r21_r27_a_settlement_gets_a_signed_record_and_a_pdf_that_verify(app: TestApp) {
    let cast = app.cast().await;
    let r = settled_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let (status, record) = app
        .get_as(&format!("/api/v1/cases/{r}/settlement"), &anna)
        .await;
    assert_eq!(status, Status::Ok, "{record}");
    let rec = &record["record"];
    assert_eq!(rec["kind"], "settlement");
    assert_eq!(rec["reference"], r.to_string());
    assert_eq!(rec["terms"]["amount_cents"], 123_456);
    assert_eq!(rec["company"]["name"], "Webshop Noord BV");
    assert_eq!(rec["consumer"], "anna");
    // R21: the record states when the procedure started and ended.
    assert!(rec["dates"]["filed"].is_string() && rec["dates"]["settled"].is_string());
    assert_eq!(rec["notices"].as_array().unwrap().len(), 4, "R16 notices");
    assert!(rec["terms"]["perform_by"].is_string());

    // Both parties get the PDF by mail.
    let outbox = entity::mail_outbox::Entity::find()
        .filter(entity::mail_outbox::Column::AttachmentName.is_not_null())
        .all(&app.state.db)
        .await
        .unwrap();
    let to: Vec<&str> = outbox.iter().map(|m| m.to_address.as_str()).collect();
    assert!(to.contains(&"anna@example.eu") && to.contains(&"service@webshop.example"));

    let (status, pdf) = get_bytes(&app, &format!("/api/v1/cases/{r}/settlement.pdf"), &anna).await;
    assert_eq!(status, Status::Ok);
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        record["pdf_sha256"],
        redress::audit::sha256_hex(&pdf),
        "the PDF served is the one issued"
    );
    let verdict = verify_pdf(&app, &pdf).await;
    assert_eq!(verdict["valid"], true, "{verdict}");
    assert_eq!(verdict["on_file"], true);
    assert_eq!(verdict["reference"], r.to_string());

    // One changed byte in the middle, or in the seal, and it is no longer valid.
    for at in [pdf.len() / 2, pdf.len() - 10] {
        let mut changed = pdf.clone();
        changed[at] ^= 0x20;
        let verdict = verify_pdf(&app, &changed).await;
        assert_eq!(verdict["valid"], false, "byte {at}");
        assert!(verdict["reason"].is_string());
    }

    // The signed record as JSON verifies; with a changed amount it does not, and a record
    // re-signed by someone else's key does not either.
    let signed = json!({
        "record": rec, "record_sha256": record["record_sha256"],
        "key_id": record["key_id"], "signature": record["signature"],
    });
    let (status, verdict) = app.post_json("/api/v1/verify", None, signed.clone()).await;
    assert_eq!(
        (status, verdict["valid"].as_bool()),
        (Status::Ok, Some(true)),
        "{verdict}"
    );
    let mut changed = signed.clone();
    changed["record"]["terms"]["amount_cents"] = json!(1_234_567);
    let (_, verdict) = app.post_json("/api/v1/verify", None, changed).await;
    assert_eq!(verdict["valid"], false);
    let mut other_key = signed.clone();
    other_key["key_id"] = json!("rk-0123456789abcdef");
    let (_, verdict) = app.post_json("/api/v1/verify", None, other_key).await;
    assert!(
        verdict["reason"]
            .as_str()
            .unwrap()
            .contains("never published")
    );
    let (status, _) = app.post_json("/api/v1/verify", None, json!({"x": 1})).await;
    assert_eq!(status, Status::UnprocessableEntity, "not a record at all");

    // The command line, offline from the portal: 0 when valid, 1 with the reason.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("record.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let out = redress(
        app.database_url(),
        &["settlement", "verify", file.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("valid"), "{}", text(&out));
    let mut tampered = pdf.clone();
    let at = tampered.len() / 3;
    tampered[at] ^= 0x01;
    std::fs::write(&file, &tampered).unwrap();
    let out = redress(
        app.database_url(),
        &["settlement", "verify", file.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("NOT valid"));
}
on_both_engines!(r20_r21_r27_a_settlement_gets_a_signed_record_and_a_pdf_that_verify);

async fn r26_r27_changed_database_rows_are_caught(app: TestApp) {
    let cast = app.cast().await;
    let r = settled_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let (_, pdf) = get_bytes(&app, &format!("/api/v1/cases/{r}/settlement.pdf"), &anna).await;
    // Someone edits the stored record: the server no longer vouches for the PDF.
    app.state
        .db
        .execute_unprepared("UPDATE settlements SET record_hash = 'edited'")
        .await
        .unwrap();
    let verdict = verify_pdf(&app, &pdf).await;
    assert_eq!(verdict["valid"], false);
    assert!(
        verdict["reason"]
            .as_str()
            .unwrap()
            .contains("not a record Redress issued")
    );
    // Someone rewrites the audit entry the record names: caught by the record and the log.
    let (_, record) = app
        .get_as(&format!("/api/v1/cases/{r}/settlement"), &anna)
        .await;
    let seq = record["record"]["audit"]["seq"].as_i64().unwrap();
    app.state
        .db
        .execute_unprepared(&format!(
            "UPDATE audit_entries SET hash = '{}' WHERE seq = {seq}",
            "0".repeat(64)
        ))
        .await
        .unwrap();
    let check = redress::audit::verify(&app.state.db).await.unwrap();
    assert!(!check.intact());
}
on_both_engines!(r26_r27_changed_database_rows_are_caught);

async fn r27_after_a_key_rotation_old_records_still_verify_and_new_ones_use_the_new_key(
    app: TestApp,
) {
    let cast = app.cast().await;
    let first = settled_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let (_, old_pdf) = get_bytes(
        &app,
        &format!("/api/v1/cases/{first}/settlement.pdf"),
        &anna,
    )
    .await;
    let old = redress::services::keys::active(&app.state)
        .await
        .unwrap()
        .id;
    let new = redress::services::keys::rotate(&app.state)
        .await
        .unwrap()
        .id;
    assert_ne!(old, new);

    let res = app
        .client
        .get("/.well-known/redress/keys.json")
        .dispatch()
        .await;
    let keys: Value = res.into_json().await.unwrap();
    let ids: Vec<&str> = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [old.as_str(), new.as_str()], "every key ever used");
    assert!(keys["keys"][0]["not_after"].is_string() && keys["keys"][1]["not_after"].is_null());

    assert_eq!(
        verify_pdf(&app, &old_pdf).await["valid"],
        true,
        "signed before the rotation"
    );
    let second = settled_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let (_, record) = app
        .get_as(&format!("/api/v1/cases/{second}/settlement"), &anna)
        .await;
    assert_eq!(record["key_id"], new);
    let (_, pdf) = get_bytes(
        &app,
        &format!("/api/v1/cases/{second}/settlement.pdf"),
        &anna,
    )
    .await;
    assert_eq!(verify_pdf(&app, &pdf).await["valid"], true);
    let check = redress::audit::verify(&app.state.db).await.unwrap();
    assert!(check.intact(), "{:?}", check.problem);
    assert!(check.heads >= 2, "heads signed by both keys verify");
}
on_both_engines!(r27_after_a_key_rotation_old_records_still_verify_and_new_ones_use_the_new_key);

async fn r26_signed_heads_inclusion_and_consistency_proofs_check_out(app: TestApp) {
    let cast = app.cast().await;
    let r = settled_case(&app, &cast).await;
    let res = app.client.get("/api/v1/audit/head").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    let first: Value = res.into_json().await.unwrap();
    let first_size = first["tree_size"].as_i64().unwrap();
    // The head's signature, by the published key.
    let keys: Value = app
        .client
        .get("/.well-known/redress/keys.json")
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap();
    let public = keys["keys"][0]["public_key"].as_str().unwrap();
    let message = redress::audit::head_message(
        first_size,
        first["root_hash"].as_str().unwrap(),
        &redress::clock::format_rfc3339(
            chrono::DateTime::parse_from_rfc3339(first["issued_at"].as_str().unwrap())
                .unwrap()
                .with_timezone(&chrono::Utc),
        ),
        first["key_id"].as_str().unwrap(),
    );
    assert!(redress::signing::verify(
        public,
        &message,
        first["signature"].as_str().unwrap()
    ));

    // The settlement's entry is in the signed tree.
    let anna = app.token("anna@example.eu").await;
    let (_, record) = app
        .get_as(&format!("/api/v1/cases/{r}/settlement"), &anna)
        .await;
    let seq = record["record"]["audit"]["seq"].as_i64().unwrap();
    let res = app
        .client
        .get(format!("/api/v1/audit/proof/{seq}?tree_size={first_size}"))
        .dispatch()
        .await;
    let proof: Value = res.into_json().await.unwrap();
    let hashes: Vec<_> = proof["proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| from_hex(h.as_str().unwrap()).unwrap())
        .collect();
    assert!(verify_inclusion(
        &from_hex(proof["leaf_hash"].as_str().unwrap()).unwrap(),
        (seq - 1) as u64,
        first_size as u64,
        &hashes,
        &from_hex(first["root_hash"].as_str().unwrap()).unwrap(),
    ));

    // More happens; a later head is consistent with the first.
    let more = app.accepted_case(&cast).await;
    assert!(!more.to_string().is_empty());
    let second = redress::services::transparency::sign_head(&app.state, "request")
        .await
        .unwrap();
    assert!(second.tree_size > first_size);
    let res = app
        .client
        .get(format!(
            "/api/v1/audit/consistency?first={first_size}&second={}",
            second.tree_size
        ))
        .dispatch()
        .await;
    let consistency: Value = res.into_json().await.unwrap();
    let hashes: Vec<_> = consistency["proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| from_hex(h.as_str().unwrap()).unwrap())
        .collect();
    assert!(verify_consistency(
        first_size as u64,
        second.tree_size as u64,
        &from_hex(first["root_hash"].as_str().unwrap()).unwrap(),
        &from_hex(&second.root_hash).unwrap(),
        &hashes,
    ));
    let res = app
        .client
        .get("/api/v1/audit/consistency?first=5&second=999999")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    for bad in [
        "/api/v1/audit/proof/1?tree_size=999999",
        "/api/v1/audit/proof/0",
    ] {
        let res = app.client.get(bad).dispatch().await;
        assert_eq!(res.status(), Status::UnprocessableEntity, "{bad}");
    }

    // A forged head, or a rewritten log under an honest head, fails `audit verify`.
    app.state
        .db
        .execute_unprepared(&format!(
            "UPDATE tree_heads SET root_hash = '{}' WHERE tree_size = {first_size}",
            "ab".repeat(32)
        ))
        .await
        .unwrap();
    let check = redress::audit::verify(&app.state.db).await.unwrap();
    let problem = check.problem.expect("a forged head is caught");
    assert!(problem.what.contains("signed tree head"), "{problem}");

    // Staff read the whole log; parties do not.
    let staff = app.token("staff@example.eu").await;
    let (status, page1) = app.get_as("/api/v1/audit/entries?limit=3", &staff).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(page1["items"].as_array().unwrap().len(), 3);
    assert_eq!(page1["next"], 3);
    assert_eq!(
        app.get_as("/api/v1/audit/entries", &anna).await.0,
        Status::Forbidden
    );
}
on_both_engines!(r26_signed_heads_inclusion_and_consistency_proofs_check_out);

async fn r29_after_the_consumer_is_erased_the_record_and_the_log_still_verify(app: TestApp) {
    let cast = app.cast().await;
    let r = settled_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let (_, pdf) = get_bytes(&app, &format!("/api/v1/cases/{r}/settlement.pdf"), &anna).await;
    let (status, answer) = app
        .post_json("/api/v1/me/erasure", Some(&anna), json!({}))
        .await;
    assert_eq!(status, Status::Accepted, "{answer}");
    assert_eq!(answer["erased"], true, "no open case holds it back");
    let verdict = verify_pdf(&app, &pdf).await;
    assert_eq!(verdict["valid"], true, "{verdict}");
    let check = redress::audit::verify(&app.state.db).await.unwrap();
    assert!(check.intact(), "{:?}", check.problem);
}
on_both_engines!(r29_after_the_consumer_is_erased_the_record_and_the_log_still_verify);

async fn r20_a_case_closed_without_settlement_gets_an_outcome_record_in_its_language(app: TestApp) {
    let cast = app.cast().await;
    let mut new = crate::common::sample_case(&app, &cast).await;
    new.language = "de".into();
    let case = redress::services::filing::file_case(&app.state, &cast.consumer, new)
        .await
        .unwrap();
    let r: CaseReference = case.reference.parse().unwrap();
    app.run(
        &r,
        &cast.staff,
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await;
    app.run(&r, &cast.staff, Command::AcceptCase).await;
    let withdraw = Command::Withdraw {
        reason: "Ich habe mich mit dem Händler geeinigt.".into(),
    };
    app.run(&r, &cast.consumer, withdraw).await;
    let close = Command::Close {
        reasons: "Die Verbraucherin hat den Antrag zurückgezogen.".into(),
    };
    app.run(&r, &cast.staff, close).await;
    let anna = app.token("anna@example.eu").await;
    let (_, record) = app
        .get_as(&format!("/api/v1/cases/{r}/settlement"), &anna)
        .await;
    assert_eq!(record["record"]["kind"], "outcome");
    assert_eq!(record["record"]["outcome"], "withdrawn");
    assert!(
        record["record"]["grounds"]
            .as_str()
            .unwrap()
            .contains("zurückgezogen")
    );
    let (_, pdf) = get_bytes(&app, &format!("/api/v1/cases/{r}/settlement.pdf"), &anna).await;
    let words = redress::pdf::text_of(&pdf).unwrap();
    assert!(
        words.contains("Ergebnisprotokoll") && words.contains("zurückgezogen"),
        "{words}"
    );
    assert_eq!(verify_pdf(&app, &pdf).await["valid"], true);
}
on_both_engines!(r20_a_case_closed_without_settlement_gets_an_outcome_record_in_its_language);

/// The `/verify` page, as anyone without an account uses it.
#[rocket::async_test]
async fn r27_the_verify_page_checks_an_uploaded_pdf() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = settled_case(&app, &cast).await;
    let anna = app.token("anna@example.eu").await;
    let (_, pdf) = get_bytes(&app, &format!("/api/v1/cases/{r}/settlement.pdf"), &anna).await;
    // The parties find the record on the dossier page.
    crate::common::log_in(&app, "anna@example.eu").await;
    let (_, html) = page(&app, &format!("/cases/{r}")).await;
    assert!(
        html.contains("Signed record") && html.contains("settlement.pdf"),
        "{html}"
    );
    let (status, html) = page(&app, "/verify").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Check a record"));
    let csrf = csrf_of(&app, "/verify").await;
    let upload = |bytes: &[u8]| {
        let boundary = "verify";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        body
    };
    let res = app
        .client
        .post("/verify")
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", "verify")))
        .body(upload(&pdf))
        .dispatch()
        .await;
    let html = res.into_string().await.unwrap();
    assert!(
        html.contains("Valid record") && html.contains(&r.to_string()),
        "{html}"
    );
    let mut changed = pdf.clone();
    let at = changed.len() / 2;
    changed[at] ^= 0x01;
    let res = app
        .client
        .post("/verify")
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", "verify")))
        .body(upload(&changed))
        .dispatch()
        .await;
    let html = res.into_string().await.unwrap();
    assert!(html.contains("Not valid"), "{html}");
}
