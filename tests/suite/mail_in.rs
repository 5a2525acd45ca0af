//! R3: a party answers by replying to a notice. Real-world message shapes, written for these
//! tests: a reply with quoted history, Outlook in Windows-1252, ISO-8859-1 in base64, HTML
//! only, an attachment, a forward, an out-of-office reply, a lost token, a stranger, a closed
//! case, the same message twice, and one too large; through the API, the command line and the
//! staff's quarantine page.
use crate::cli::{redress, text};
use crate::common::{Cast, TestApp, csrf_of, log_in, page, submit};
use crate::on_both_engines;
use redress::domain::dossier::{Command, Side};
use redress::domain::reference::CaseReference;
use rocket::http::{ContentType, Header, Status};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

const SECRET: &str = "mail server secret";

async fn app_with_inbound() -> TestApp {
    TestApp::sqlite_configured(|c| c.inbound_secret = Some(SECRET.into())).await
}

/// An accepted case the company was told of; returns it and the company's reply address.
async fn notified_case(app: &TestApp, cast: &Cast) -> (CaseReference, String) {
    let r = app.accepted_case(cast).await;
    let case = redress::services::dossier::find(&app.state, &r)
        .await
        .unwrap();
    let address = redress::services::notify::reply_address(&app.state, &case, Side::Company);
    (r, address)
}

fn message(from: &str, to: &str, subject: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}@client.example>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n{headers}\r\n{body}",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

fn plain(text: &str) -> (String, String) {
    (
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n".into(),
        text.into(),
    )
}

async fn deliver(app: &TestApp, raw: &[u8]) -> (Status, Value) {
    let res = app
        .client
        .post("/api/v1/inbound-mail")
        .header(Header::new("Authorization", format!("Bearer {SECRET}")))
        .header(ContentType::new("message", "rfc822"))
        .body(raw)
        .dispatch()
        .await;
    let status = res.status();
    (status, res.into_json().await.unwrap_or(Value::Null))
}

async fn thread(app: &TestApp, r: &CaseReference) -> Vec<Value> {
    let staff = app.token("staff@example.eu").await;
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    case["messages"].as_array().cloned().unwrap_or_default()
}

#[rocket::async_test]
async fn r3_a_reply_with_quoted_history_is_stored_once_as_the_companys_message() {
    let app = app_with_inbound().await;
    let cast = app.cast().await;
    let (r, address) = notified_case(&app, &cast).await;
    let (headers, body) = plain(
        "Dear mediator,\n\nWe will refund the full price of EUR 649.\n\nKind regards,\nJan, Webshop Noord\n\nOn Mon, 2 Mar 2026 at 09:00, Redress <redress@localhost> wrote:\n> Hello,\n> a consumer filed a complaint about Webshop Noord BV.\n",
    );
    let raw = message(
        "Jan <service@webshop.example>",
        &address,
        &format!("Re: [{r}] Consumer complaint"),
        &headers,
        &body,
    );
    let (status, done) = deliver(&app, &raw).await;
    assert_eq!(status, Status::Accepted, "{done}");
    assert_eq!(done["status"], "stored", "{done}");
    assert_eq!(done["case"], r.to_string());
    let messages = thread(&app, &r).await;
    assert_eq!(messages.len(), 1);
    let stored = messages[0]["body"].as_str().unwrap();
    assert!(stored.contains("We will refund the full price"), "{stored}");
    assert!(
        !stored.contains("a consumer filed"),
        "the quoted notice is cut: {stored}"
    );
    assert_eq!(messages[0]["author"], "company");
    // The other side hears of it; the log has the step.
    let (subject, body) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(body.contains("We will refund"), "{subject}: {body}");
    let staff = app.token("staff@example.eu").await;
    let (_, audit) = app
        .get_as(&format!("/api/v1/cases/{r}/audit"), &staff)
        .await;
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "case.post_message")
    );

    // The same message again: kept once.
    let (status, again) = deliver(&app, &raw).await;
    assert_eq!(
        (status, again["duplicate"].as_bool()),
        (Status::Accepted, Some(true))
    );
    assert_eq!(thread(&app, &r).await.len(), 1);

    // Without the shared secret a mail server is refused.
    let res = app
        .client
        .post("/api/v1/inbound-mail")
        .body(raw.clone())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn r3_other_charsets_html_only_attachments_and_forwards_are_read() {
    let app = app_with_inbound().await;
    let cast = app.cast().await;
    let (r, address) = notified_case(&app, &cast).await;
    let from = "service@webshop.example";
    let subject = format!("RE: [{r}] Consumer complaint");
    // Outlook, Windows-1252, quoted-printable: € is =80, ü is =FC.
    let outlook = message(
        from,
        &address,
        &subject,
        "Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n",
        "Wir erstatten 649 =80. Mit freundlichen Gr=FC=DFen\r\n\r\n-----Original Message-----\r\nFrom: Redress\r\nSent: Monday\r\n",
    );
    assert_eq!(deliver(&app, &outlook).await.1["status"], "stored");
    // ISO-8859-1 in base64: "Café geöffnet" .
    let latin1: Vec<u8> = "Caf\u{e9} ge\u{f6}ffnet, wir melden uns."
        .chars()
        .map(|c| c as u8)
        .collect();
    let encoded = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, latin1);
    let iso = message(
        from,
        &address,
        &subject,
        "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: base64\r\n",
        &format!("{encoded}\r\n"),
    );
    assert_eq!(deliver(&app, &iso).await.1["status"], "stored");
    // HTML only.
    let html = message(
        from,
        &address,
        &subject,
        "Content-Type: text/html; charset=utf-8\r\n",
        "<html><body><p>We offer a <b>replacement</b> machine.</p></body></html>\r\n",
    );
    assert_eq!(deliver(&app, &html).await.1["status"], "stored");
    // A PDF attached, and a forwarded note in the text.
    let pdf = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    );
    let mixed = message(
        from,
        &address,
        &subject,
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n",
        &format!(
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe delivery note is attached.\r\n\r\n---------- Forwarded message ---------\r\nFrom: Warehouse <warehouse@webshop.example>\r\nThe machine left us undamaged.\r\n--b1\r\nContent-Type: application/pdf; name=\"delivery-note.pdf\"\r\nContent-Disposition: attachment; filename=\"delivery-note.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n--b1--\r\n"
        ),
    );
    assert_eq!(deliver(&app, &mixed).await.1["status"], "stored");

    let bodies: Vec<String> = thread(&app, &r)
        .await
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_string())
        .collect();
    let all = bodies.join("\n---\n");
    for expected in [
        "Wir erstatten 649 €. Mit freundlichen Grüßen",
        "Café geöffnet",
        "We offer a replacement machine.",
        "The machine left us undamaged.",
    ] {
        assert!(all.contains(expected), "{expected} missing in {all}");
    }
    assert!(!all.contains("Original Message"));
    let staff = app.token("staff@example.eu").await;
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    let documents = case["documents"].as_array().unwrap();
    assert!(
        documents
            .iter()
            .any(|d| d["file_name"] == "delivery-note.pdf"),
        "{documents:?}"
    );
}

#[rocket::async_test]
async fn r3_a_reply_that_lost_its_token_finds_its_case_by_in_reply_to() {
    let app = app_with_inbound().await;
    let cast = app.cast().await;
    let (r, _) = notified_case(&app, &cast).await;
    let notice = entity::mail_outbox::Entity::find()
        .filter(entity::mail_outbox::Column::ToAddress.eq("service@webshop.example"))
        .order_by_desc(entity::mail_outbox::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let sent_id = notice.message_id.clone().unwrap();
    let (headers, body) = plain("Yes, we take part.");
    let raw = message(
        "service@webshop.example",
        "redress@localhost",
        "Re: your complaint (subject edited)",
        &format!("In-Reply-To: {sent_id}\r\nReferences: {sent_id}\r\n{headers}"),
        &body,
    );
    let (_, done) = deliver(&app, &raw).await;
    assert_eq!(
        (done["status"].as_str(), done["case"].as_str()),
        (Some("stored"), Some(r.to_string().as_str()))
    );
}

#[rocket::async_test]
async fn r3_doubtful_mail_is_held_for_staff_who_put_it_on_a_case_or_discard_it() {
    let app = app_with_inbound().await;
    let cast = app.cast().await;
    let (r, address) = notified_case(&app, &cast).await;
    let (headers, body) = plain("This is my answer.");
    let subject = format!("Re: [{r}] Consumer complaint");
    // A stranger writing to a genuine token.
    let stranger = message(
        "mallory@elsewhere.example",
        &address,
        &subject,
        &headers,
        &body,
    );
    let (_, held) = deliver(&app, &stranger).await;
    assert_eq!(held["status"], "quarantined");
    assert!(
        held["reason"]
            .as_str()
            .unwrap()
            .contains("not an address registered")
    );
    assert_eq!(held["case"], r.to_string(), "the case is proposed");
    // An out-of-office reply from the right address.
    let away = message(
        "service@webshop.example",
        &address,
        "Out of Office: back on Monday",
        &format!("Auto-Submitted: auto-replied\r\n{headers}"),
        &body,
    );
    let (_, auto) = deliver(&app, &away).await;
    assert!(auto["reason"].as_str().unwrap().contains("automatic reply"));
    // A forged token: another case's number with this token's mac.
    let forged_address = address.replace(&r.to_string()[8..], "999999");
    let forged = message(
        "service@webshop.example",
        &forged_address,
        "Re: hello",
        &headers,
        &body,
    );
    let (_, forged) = deliver(&app, &forged).await;
    assert!(
        forged["reason"]
            .as_str()
            .unwrap()
            .contains("no valid case token")
    );
    // Something that is not an e-mail at all.
    let (status, junk) = deliver(&app, b"\x00\x01 not a message").await;
    assert_eq!(status, Status::UnprocessableEntity, "{junk}");
    assert!(
        junk["error"]["message"]
            .as_str()
            .unwrap()
            .contains("quarantine")
    );
    assert!(
        thread(&app, &r).await.is_empty(),
        "nothing reached the case"
    );

    // Staff see them on /staff/mail and decide.
    let csrf = log_in(&app, "staff@example.eu").await;
    let (status, html) = page(&app, "/staff/mail").await;
    assert_eq!(status, Status::Ok);
    assert!(
        html.contains("mallory@elsewhere.example") && html.contains(&r.to_string()),
        "{html}"
    );
    let id = held["id"].as_i64().unwrap();
    let (status, _, _) = submit(
        &app,
        &format!("/staff/mail/{id}/assignment"),
        &[
            ("csrf", &csrf),
            ("reference", &r.to_string()),
            ("side", "company"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(thread(&app, &r).await.len(), 1, "put on the case by staff");
    let auto_id = auto["id"].as_i64().unwrap();
    let staff = app.token("staff@example.eu").await;
    let (status, _) = app
        .post_json(
            &format!("/api/v1/inbound-mail/{auto_id}/discard"),
            Some(&staff),
            json!({"reason": "out of office"}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    let (_, left) = app.get_as("/api/v1/inbound-mail", &staff).await;
    assert_eq!(left.as_array().unwrap().len(), 2, "{left}");
    let anna = app.token("anna@example.eu").await;
    assert_eq!(
        app.get_as("/api/v1/inbound-mail", &anna).await.0,
        Status::Forbidden
    );
    let _ = csrf_of(&app, "/staff/mail").await;
}

#[rocket::async_test]
async fn r3_a_reply_to_a_closed_case_and_a_huge_message_are_held() {
    let app = app_with_inbound().await;
    let cast = app.cast().await;
    let (r, address) = notified_case(&app, &cast).await;
    app.run(
        &r,
        &cast.consumer,
        Command::Withdraw {
            reason: "Solved it myself.".into(),
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
    let (headers, body) = plain("Late answer.");
    let late = message(
        "service@webshop.example",
        &address,
        "Re: case",
        &headers,
        &body,
    );
    let (_, held) = deliver(&app, &late).await;
    assert!(
        held["reason"].as_str().unwrap().contains("closed"),
        "{held}"
    );
    let huge = vec![b'a'; redress::mail::inbound::MAX_BYTES + 10];
    let (status, err) = deliver(&app, &huge).await;
    assert_eq!(status, Status::PayloadTooLarge, "{err}");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("quarantine")
    );
}

/// `redress mail ingest`, as a mail server's pipe runs it.
#[rocket::async_test]
async fn r3_the_command_line_takes_a_message_on_standard_input() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let (r, address) = notified_case(&app, &cast).await;
    let (headers, body) = plain("We take part.");
    let raw = message(
        "service@webshop.example",
        &address,
        "Re: case",
        &headers,
        &body,
    );
    let data_dir = app.state.config.data_dir.to_str().unwrap().to_string();
    let out = redress(
        app.database_url(),
        &["--data-dir", &data_dir, "mail", "ingest"],
        std::str::from_utf8(&raw).unwrap(),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("stored on {r}")),
        "{}",
        text(&out)
    );
    assert_eq!(thread(&app, &r).await.len(), 1);
}

on_both_engines!(r3_replies_on_both_engines);

/// The core path on both databases: stored once, matched by token.
async fn r3_replies_on_both_engines(app: TestApp) {
    let cast = app.cast().await;
    let (r, address) = notified_case(&app, &cast).await;
    let (headers, body) = plain("We will repair it.");
    let raw = message(
        "service@webshop.example",
        &address,
        "Re: case",
        &headers,
        &body,
    );
    let first = redress::services::inbound::ingest(&app.state, &raw)
        .await
        .unwrap();
    let again = redress::services::inbound::ingest(&app.state, &raw)
        .await
        .unwrap();
    assert_eq!((first.status.as_str(), again.duplicate), ("stored", true));
    assert_eq!(thread(&app, &r).await.len(), 1);
}
