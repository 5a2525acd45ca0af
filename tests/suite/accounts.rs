//! Accounts over HTTP: register, log in for a bearer token, who am I, log out, lockout.
use crate::common::{TestApp, bearer};
use crate::on_both_engines;
use rocket::http::{ContentType, Status};
use serde_json::{Value, json};

fn anna() -> Value {
    json!({"email": "Anna@Example.eu", "password": "a long passphrase", "name": "Anna", "language": "nl"})
}

async fn a_consumer_registers_logs_in_sees_herself_and_logs_out(app: TestApp) {
    let (status, account) = app.post_json("/api/v1/accounts", None, anna()).await;
    assert_eq!(status, Status::Created, "{account}");
    assert_eq!(account["email"], "anna@example.eu");
    assert_eq!(account["role"], "consumer");
    assert!(account.get("password_hash").is_none());

    let (status, session) = app
        .post_json(
            "/api/v1/session",
            None,
            json!({"email": "anna@example.eu", "password": "a long passphrase"}),
        )
        .await;
    assert_eq!(status, Status::Ok, "{session}");
    let token = session["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("rds_") && token.len() > 40);

    let res = app
        .client
        .get("/api/v1/me")
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let me: Value = res.into_json().await.unwrap();
    assert_eq!(
        (me["name"].as_str(), me["language"].as_str()),
        (Some("Anna"), Some("nl"))
    );

    let res = app
        .client
        .delete("/api/v1/session")
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NoContent);
    let res = app
        .client
        .get("/api/v1/me")
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(
        res.status(),
        Status::Unauthorized,
        "a logged-out token no longer works"
    );
    let body: Value = res.into_json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthorized");
}
on_both_engines!(a_consumer_registers_logs_in_sees_herself_and_logs_out);

async fn registration_errors_name_the_field_and_store_nothing(app: TestApp) {
    let mut weak = anna();
    weak["password"] = json!("short");
    let (status, body) = app.post_json("/api/v1/accounts", None, weak).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        body["error"]["fields"]["password"][0]
            .as_str()
            .unwrap()
            .contains("12 characters")
    );

    let mut bad_email = anna();
    bad_email["email"] = json!("not-an-address");
    let (status, body) = app.post_json("/api/v1/accounts", None, bad_email).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body["error"]["fields"]["email"].is_array());

    let (status, _) = app.post_json("/api/v1/accounts", None, anna()).await;
    assert_eq!(status, Status::Created);
    let (status, body) = app.post_json("/api/v1/accounts", None, anna()).await;
    assert_eq!(status, Status::Conflict);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already exists")
    );

    let (status, body) = app
        .post_json("/api/v1/accounts", None, json!({"email": "x@example.eu"}))
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "missing fields: {body}"
    );
    let res = app
        .client
        .post("/api/v1/accounts")
        .header(ContentType::JSON)
        .body("{not json")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::BadRequest);
    let body: Value = res.into_json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
}
on_both_engines!(registration_errors_name_the_field_and_store_nothing);

/// R30: repeated wrong passwords lock the account for a while (429 with Retry-After); an
/// unknown e-mail and a wrong password get the same answer.
async fn r30_repeated_wrong_passwords_lock_the_account(app: TestApp) {
    app.post_json("/api/v1/accounts", None, anna()).await;
    let wrong = json!({"email": "anna@example.eu", "password": "not the passphrase"});
    let (status, unknown) = app
        .post_json(
            "/api/v1/session",
            None,
            json!({"email": "nobody@example.eu", "password": "whatever it is"}),
        )
        .await;
    assert_eq!(status, Status::Unauthorized);
    for _ in 0..5 {
        let (status, body) = app.post_json("/api/v1/session", None, wrong.clone()).await;
        assert_eq!(status, Status::Unauthorized);
        assert_eq!(body["error"]["message"], unknown["error"]["message"]);
    }
    let res = app
        .client
        .post("/api/v1/session")
        .header(ContentType::JSON)
        .body(json!({"email": "anna@example.eu", "password": "a long passphrase"}).to_string())
        .dispatch()
        .await;
    assert_eq!(
        res.status(),
        Status::TooManyRequests,
        "locked even with the right password"
    );
    let retry: u64 = res
        .headers()
        .get_one("Retry-After")
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
    let (subject, body) = app
        .last_mail("anna@example.eu")
        .await
        .expect("the owner is told");
    // Anna registered in Dutch: she is told in Dutch (R32).
    assert!(subject.contains("geblokkeerd"), "{subject}");
    assert!(
        body.contains("/password/forgot"),
        "with a way back in: {body}"
    );

    app.clock.advance(chrono::Duration::minutes(16));
    let (status, _) = app
        .post_json(
            "/api/v1/session",
            None,
            json!({"email": "anna@example.eu", "password": "a long passphrase"}),
        )
        .await;
    assert_eq!(status, Status::Ok, "the lock ends");
}
on_both_engines!(r30_repeated_wrong_passwords_lock_the_account);

/// Sessions end after two idle hours and after twelve hours in any case.
#[tokio::test]
async fn sessions_expire_when_idle_and_at_their_end() {
    let app = TestApp::sqlite().await;
    app.post_json("/api/v1/accounts", None, anna()).await;
    let login = json!({"email": "anna@example.eu", "password": "a long passphrase"});
    let (_, session) = app.post_json("/api/v1/session", None, login.clone()).await;
    let token = session["token"].as_str().unwrap().to_string();
    app.clock.advance(chrono::Duration::minutes(119));
    assert_eq!(app.get_as("/api/v1/me", &token).await.0, Status::Ok);
    app.clock.advance(chrono::Duration::minutes(119));
    assert_eq!(
        app.get_as("/api/v1/me", &token).await.0,
        Status::Ok,
        "use keeps it alive"
    );
    app.clock.advance(chrono::Duration::minutes(121));
    assert_eq!(
        app.get_as("/api/v1/me", &token).await.0,
        Status::Unauthorized,
        "idle too long"
    );

    let (_, session) = app.post_json("/api/v1/session", None, login).await;
    let token = session["token"].as_str().unwrap().to_string();
    // Seven uses 110 minutes apart: never idle too long, but 12 h 50 min after login.
    for _ in 0..7 {
        app.clock.advance(chrono::Duration::minutes(110));
        let _ = app
            .client
            .get("/api/v1/me")
            .header(bearer(&token))
            .dispatch()
            .await;
    }
    assert_eq!(
        app.get_as("/api/v1/me", &token).await.0,
        Status::Unauthorized,
        "past twelve hours"
    );
    assert_eq!(
        app.get_as("/api/v1/me", "rds_forged").await.0,
        Status::Unauthorized
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::sqlite().await;
    for path in ["/", "/healthz", "/api/v1/nothing"] {
        let res = app.client.get(path).dispatch().await;
        let csp = res
            .headers()
            .get_one("Content-Security-Policy")
            .unwrap_or_default();
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(
            res.headers().get_one("X-Content-Type-Options"),
            Some("nosniff")
        );
        assert_eq!(
            res.headers().get_one("Referrer-Policy"),
            Some("same-origin")
        );
    }
}

/// HSTS is sent when the portal is served over TLS, and only then (plain HTTP cannot set it).
#[tokio::test]
async fn hsts_is_sent_when_the_public_url_is_https() {
    let plain = TestApp::sqlite().await;
    let res = plain.client.get("/").dispatch().await;
    assert_eq!(res.headers().get_one("Strict-Transport-Security"), None);
    let tls = TestApp::sqlite_configured(|c| c.public_url = "https://adr.example".into()).await;
    let res = tls.client.get("/").dispatch().await;
    assert!(
        res.headers()
            .get_one("Strict-Transport-Security")
            .is_some_and(|v| v.contains("max-age="))
    );
}

/// Many attempts from one address are slowed down whichever accounts they aim at.
#[tokio::test]
async fn one_address_may_not_flood_login_or_registration() {
    let app = TestApp::sqlite().await;
    for i in 0..10 {
        let who = json!({"email": format!("user{i}@example.eu"), "password": "a long passphrase", "name": "U", "language": "en"});
        let (status, _) = app.post_json("/api/v1/accounts", None, who).await;
        assert_eq!(status, Status::Created);
    }
    let (status, body) = app.post_json("/api/v1/accounts", None, anna()).await;
    assert_eq!(status, Status::TooManyRequests, "{body}");

    for i in 0..20 {
        let attempt = json!({"email": format!("user{}@example.eu", i % 10), "password": "wrong password here"});
        let (status, _) = app.post_json("/api/v1/session", None, attempt).await;
        assert_eq!(status, Status::Unauthorized);
    }
    let right = json!({"email": "user9@example.eu", "password": "a long passphrase"});
    let res = app
        .client
        .post("/api/v1/session")
        .header(ContentType::JSON)
        .body(right.to_string())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::TooManyRequests);
    assert!(res.headers().get_one("Retry-After").is_some());

    app.clock.advance(chrono::Duration::minutes(16));
    let (status, _) = app.post_json("/api/v1/session", None, right).await;
    assert_eq!(status, Status::Ok, "the window has passed");
}

#[tokio::test]
async fn an_oversized_body_is_413_and_stores_nothing() {
    let app = TestApp::sqlite().await;
    let huge = json!({"email": "big@example.eu", "password": "a long passphrase", "name": "x".repeat(2 * 1024 * 1024), "language": "en"});
    let (status, body) = app.post_json("/api/v1/accounts", None, huge).await;
    assert_eq!(status, Status::PayloadTooLarge);
    assert_eq!(body["error"]["code"], "too_large");
    let (status, _) = app
        .post_json(
            "/api/v1/session",
            None,
            json!({"email": "big@example.eu", "password": "a long passphrase"}),
        )
        .await;
    assert_eq!(status, Status::Unauthorized, "no account was made");
}

/// R29: a consumer downloads what Redress holds about them as a zip, without any secret.
#[tokio::test]
async fn r29_a_user_downloads_their_data() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let token = app.token("anna@example.eu").await;
    let res = app
        .client
        .get("/api/v1/me/export")
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.content_type(), Some(rocket::http::ContentType::ZIP));
    assert!(
        res.headers()
            .get_one("Content-Disposition")
            .unwrap()
            .starts_with("attachment")
    );
    let bytes = res.into_bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("data.json").unwrap(), &mut text).unwrap();
    let data: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(data["account"]["email"], "anna@example.eu");
    assert_eq!(data["cases"][0]["reference"], r.to_string());
    assert!(
        data["cases"][0]["summary"]
            .as_str()
            .unwrap()
            .contains("washing machine")
    );
    assert_eq!(data["sessions"].as_array().unwrap().len(), 1);
    assert!(
        !text.contains("argon2") && !text.contains("token_hash") && !text.contains(&token),
        "no secrets"
    );
    assert_eq!(
        app.client
            .get("/api/v1/me/export")
            .dispatch()
            .await
            .status(),
        Status::Unauthorized
    );
}
