//! Safe retries: every API POST takes an `Idempotency-Key`; the same key and body answer as the
//! first time without doing it again, another body is refused, and a day later the key is new.
use crate::common::{TestApp, bearer};
use crate::on_both_engines;
use rocket::http::{ContentType, Header, Status};
use serde_json::{Value, json};

async fn post(
    app: &TestApp,
    path: &str,
    token: &str,
    key: &str,
    body: &Value,
) -> (Status, Option<String>, String) {
    let res = app
        .client
        .post(path.to_string())
        .header(ContentType::JSON)
        .header(bearer(token))
        .header(Header::new("Idempotency-Key", key.to_string()))
        .body(body.to_string())
        .dispatch()
        .await;
    let replayed = res
        .headers()
        .get_one("Idempotent-Replayed")
        .map(str::to_string);
    (
        res.status(),
        replayed,
        res.into_string().await.unwrap_or_default(),
    )
}

fn referral(company: i64, reference: &str) -> Value {
    json!({
        "company_id": company, "company_reference": reference,
        "consumer": {"name": "Anna", "email": "retry@example.eu", "language": "en"},
        "history": {"complained_on": "2026-02-10", "channel": "email", "asked": "A refund",
                    "offered": "Nothing", "final_answer": "No."},
        "desired_outcome": "refund", "amount_cents": 1000, "currency": "EUR"
    })
}

async fn mails_to(app: &TestApp, to: &str) -> usize {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    entity::mail_outbox::Entity::find()
        .filter(entity::mail_outbox::Column::ToAddress.eq(to))
        .count(&app.state.db)
        .await
        .unwrap() as usize
}

async fn the_same_key_answers_once(app: TestApp) {
    app.cast().await;
    let rep = app.token("service@webshop.example").await;
    let company = app.company_of(&rep).await;

    let first = post(
        &app,
        "/api/v1/referrals",
        &rep,
        "ref-1",
        &referral(company, "A-1"),
    )
    .await;
    assert_eq!(
        (first.0, first.1.as_deref()),
        (Status::Created, None),
        "{}",
        first.2
    );
    let again = post(
        &app,
        "/api/v1/referrals",
        &rep,
        "ref-1",
        &referral(company, "A-1"),
    )
    .await;
    assert_eq!(again.0, Status::Created, "the first answer, status and all");
    assert_eq!(again.1.as_deref(), Some("true"));
    assert_eq!(again.2, first.2);
    assert_eq!(mails_to(&app, "retry@example.eu").await, 1, "done once");

    let other = post(
        &app,
        "/api/v1/referrals",
        &rep,
        "ref-1",
        &referral(company, "A-2"),
    )
    .await;
    assert_eq!(other.0, Status::UnprocessableEntity, "{}", other.2);
    assert!(other.2.contains("already used with another request"));

    // A refusal is an answer too: it is replayed, not run again.
    let mut bad = referral(company, "A-3");
    bad["consumer"]["email"] = json!("nope");
    let refused = post(&app, "/api/v1/referrals", &rep, "ref-2", &bad).await;
    assert_eq!(refused.0, Status::UnprocessableEntity);
    let replayed = post(&app, "/api/v1/referrals", &rep, "ref-2", &bad).await;
    assert_eq!(
        (replayed.0, replayed.1.as_deref()),
        (Status::UnprocessableEntity, Some("true"))
    );

    // Keys belong to their caller: another caller's "ref-1" is theirs alone.
    let consumer = app.token("anna@example.eu").await;
    let theirs = post(&app, "/api/v1/me/conflicts", &consumer, "ref-1", &json!({})).await;
    assert_eq!(theirs.1, None, "not a replay of the company's request");

    let long = "k".repeat(256);
    let (status, _, _) = post(
        &app,
        "/api/v1/referrals",
        &rep,
        &long,
        &referral(company, "A-4"),
    )
    .await;
    assert_eq!(status, Status::BadRequest);

    // A day later the key is forgotten and the request runs again.
    app.clock.advance(chrono::Duration::hours(25));
    redress::jobs::run_once(&app.state).await.unwrap();
    let rep = app.token("service@webshop.example").await;
    let later = post(
        &app,
        "/api/v1/referrals",
        &rep,
        "ref-1",
        &referral(company, "A-9"),
    )
    .await;
    assert_eq!((later.0, later.1), (Status::Created, None));
}
on_both_engines!(the_same_key_answers_once);

/// An upload retried with its key is stored once.
#[rocket::async_test]
async fn an_upload_retried_with_its_key_is_stored_once() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let token = app.token("anna@example.eu").await;
    let upload = |key: &'static str, text: &'static str| {
        let body = format!(
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\nContent-Type: text/plain\r\n\r\n{text}\r\n--b--\r\n"
        );
        app.client
            .post(format!("/api/v1/cases/{r}/attachments"))
            .header(ContentType::new("multipart", "form-data").with_params(("boundary", "b")))
            .header(bearer(&token))
            .header(Header::new("Idempotency-Key", key))
            .body(body)
    };
    let first = upload("up-1", "The receipt of 12 March.").dispatch().await;
    assert_eq!(first.status(), Status::Created);
    let again = upload("up-1", "The receipt of 12 March.").dispatch().await;
    assert_eq!(again.status(), Status::Created);
    assert_eq!(again.headers().get_one("Idempotent-Replayed"), Some("true"));
    let changed = upload("up-1", "The receipt of 13 March.").dispatch().await;
    assert_eq!(changed.status(), Status::UnprocessableEntity);
    let (_, file) = app.get_as(&format!("/api/v1/cases/{r}"), &token).await;
    assert_eq!(
        file["documents"].as_array().map(Vec::len),
        Some(1),
        "{file}"
    );
}
