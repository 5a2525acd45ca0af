//! The links Redress mails: e-mail confirmation, password reset and invitations; their pages
//! and API; the mail outbox and its delivery into the outbox folder.
use crate::common::{PASSWORD, TestApp, csrf_of, submit};
use crate::on_both_engines;
use rocket::http::Status;
use serde_json::json;

const NEW_PASSWORD: &str = "violet kettle under seven bridges";

async fn registration_mails_a_confirmation_link_that_works_once(app: TestApp) {
    assert_eq!(
        app.register("anna@example.eu", "Anna").await,
        Status::Created
    );
    let (subject, _) = app.last_mail("anna@example.eu").await.expect("a mail");
    assert!(subject.contains("confirm"), "{subject}");
    let token = app
        .mailed_token("anna@example.eu", "/account/confirm")
        .await;
    let session = app.token("anna@example.eu").await;
    assert_eq!(
        app.get_as("/api/v1/me", &session).await.1["email_confirmed"],
        false
    );

    let confirm = |t: &str| json!({ "token": t });
    let (status, body) = app
        .post_json(
            "/api/v1/accounts/confirmation",
            None,
            confirm("not-a-token"),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body["error"]["fields"]["token"].is_array());
    let (status, _) = app
        .post_json("/api/v1/accounts/confirmation", None, confirm(&token))
        .await;
    assert_eq!(status, Status::NoContent);
    assert_eq!(
        app.get_as("/api/v1/me", &session).await.1["email_confirmed"],
        true
    );
    let (status, _) = app
        .post_json("/api/v1/accounts/confirmation", None, confirm(&token))
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "a link works once");
    let (status, _) = app
        .post_json("/api/v1/me/confirmation", Some(&session), json!({}))
        .await;
    assert_eq!(status, Status::Conflict, "nothing left to confirm");
}
on_both_engines!(registration_mails_a_confirmation_link_that_works_once);

/// A new confirmation link voids the old one, and links expire.
#[tokio::test]
async fn a_resent_confirmation_link_replaces_the_old_one_and_links_expire() {
    let app = TestApp::sqlite().await;
    app.register("anna@example.eu", "Anna").await;
    let first = app
        .mailed_token("anna@example.eu", "/account/confirm")
        .await;
    let session = app.token("anna@example.eu").await;
    let (status, _) = app
        .post_json("/api/v1/me/confirmation", Some(&session), json!({}))
        .await;
    assert_eq!(status, Status::Accepted);
    let second = app
        .mailed_token("anna@example.eu", "/account/confirm")
        .await;
    assert_ne!(first, second);
    let (status, _) = app
        .post_json(
            "/api/v1/accounts/confirmation",
            None,
            json!({"token": first}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "the old link is void");
    app.clock.advance(chrono::Duration::days(4));
    let (status, _) = app
        .post_json(
            "/api/v1/accounts/confirmation",
            None,
            json!({"token": second}),
        )
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "expired after three days"
    );
}

/// Confirming on the pages: the mailed link opens a page with a button; only the button's POST
/// uses the link, so a mail scanner following links confirms nothing.
#[tokio::test]
async fn the_confirmation_page_confirms_on_its_button() {
    let app = TestApp::sqlite().await;
    app.register("anna@example.eu", "Anna").await;
    let token = app
        .mailed_token("anna@example.eu", "/account/confirm")
        .await;
    let path = format!("/account/confirm?token={token}");
    let page = app.client.get(path.clone()).dispatch().await;
    assert_eq!(page.status(), Status::Ok);
    let html = page.into_string().await.unwrap();
    assert!(html.contains(&format!("value=\"{token}\"")));
    let csrf = csrf_of(&app, &path).await;
    let (status, _, html) = submit(
        &app,
        "/account/confirm",
        &[("csrf", &csrf), ("token", "wrong")],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("not valid"), "{html}");
    let (status, _, html) = submit(
        &app,
        "/account/confirm",
        &[("csrf", &csrf), ("token", &token)],
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("confirmed"));
}

async fn a_password_reset_sets_a_new_password_and_ends_every_session(app: TestApp) {
    app.register("anna@example.eu", "Anna").await;
    let old_session = app.token("anna@example.eu").await;
    let ask = |email: &str| json!({ "email": email });
    let (status, _) = app
        .post_json("/api/v1/password-resets", None, ask("nobody@example.eu"))
        .await;
    assert_eq!(
        status,
        Status::Accepted,
        "the same answer for unknown addresses"
    );
    assert!(app.last_mail("nobody@example.eu").await.is_none());
    let (status, _) = app
        .post_json("/api/v1/password-resets", None, ask("Anna@Example.eu"))
        .await;
    assert_eq!(status, Status::Accepted);
    let token = app.mailed_token("anna@example.eu", "/password/reset").await;

    let reset = |password: &str| json!({ "token": token, "password": password });
    let (status, body) = app
        .post_json(
            "/api/v1/password-resets/confirm",
            None,
            reset("password1234"),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "too easy to guess");
    assert!(body["error"]["fields"]["password"].is_array());
    let (status, _) = app
        .post_json("/api/v1/password-resets/confirm", None, reset(NEW_PASSWORD))
        .await;
    assert_eq!(
        status,
        Status::NoContent,
        "a weak try does not use up the link"
    );
    assert_eq!(
        app.get_as("/api/v1/me", &old_session).await.0,
        Status::Unauthorized,
        "the old session ended"
    );
    assert_eq!(
        app.try_login("anna@example.eu", PASSWORD).await.0,
        Status::Unauthorized
    );
    assert_eq!(
        app.try_login("anna@example.eu", NEW_PASSWORD).await.0,
        Status::Ok
    );
    let (status, _) = app
        .post_json(
            "/api/v1/password-resets/confirm",
            None,
            reset("yet another fine passphrase"),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "a link works once");
}
on_both_engines!(a_password_reset_sets_a_new_password_and_ends_every_session);

/// A reset link lasts one hour, and a reset lifts a lockout.
#[tokio::test]
async fn a_reset_link_expires_after_an_hour_and_a_reset_lifts_a_lock() {
    let app = TestApp::sqlite().await;
    app.register("anna@example.eu", "Anna").await;
    for _ in 0..5 {
        app.try_login("anna@example.eu", "a wrong guess of it")
            .await;
    }
    assert_eq!(
        app.try_login("anna@example.eu", PASSWORD).await.0,
        Status::TooManyRequests
    );
    let ask = json!({"email": "anna@example.eu"});
    app.post_json("/api/v1/password-resets", None, ask.clone())
        .await;
    let stale = app.mailed_token("anna@example.eu", "/password/reset").await;
    app.clock.advance(chrono::Duration::minutes(61));
    let (status, _) = app
        .post_json(
            "/api/v1/password-resets/confirm",
            None,
            json!({"token": stale, "password": NEW_PASSWORD}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    // Ask again; the lock (15 minutes) has passed anyway, so lock it anew first.
    for _ in 0..5 {
        app.try_login("anna@example.eu", "a wrong guess of it")
            .await;
    }
    app.post_json("/api/v1/password-resets", None, ask).await;
    let fresh = app.mailed_token("anna@example.eu", "/password/reset").await;
    let (status, _) = app
        .post_json(
            "/api/v1/password-resets/confirm",
            None,
            json!({"token": fresh, "password": NEW_PASSWORD}),
        )
        .await;
    assert_eq!(status, Status::NoContent);
    assert_eq!(
        app.try_login("anna@example.eu", NEW_PASSWORD).await.0,
        Status::Ok
    );
}

/// The whole reset on the pages, as a browser without JavaScript does it.
#[tokio::test]
async fn a_forgotten_password_is_replaced_on_the_pages() {
    let app = TestApp::sqlite().await;
    app.register("anna@example.eu", "Anna").await;
    let login = app
        .client
        .get("/login")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(login.contains("href=\"/password/forgot\""));
    let csrf = csrf_of(&app, "/password/forgot").await;
    let (status, _, html) = submit(
        &app,
        "/password/forgot",
        &[("csrf", &csrf), ("email", "anna@example.eu")],
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("If this address has an account"));
    let token = app.mailed_token("anna@example.eu", "/password/reset").await;
    let csrf = csrf_of(&app, &format!("/password/reset?token={token}")).await;
    let (status, _, html) = submit(
        &app,
        "/password/reset",
        &[("csrf", &csrf), ("token", &token), ("password", "short")],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("at least 12 characters"), "{html}");
    let (status, location, _) = submit(
        &app,
        "/password/reset",
        &[
            ("csrf", &csrf),
            ("token", &token),
            ("password", NEW_PASSWORD),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some("/login?reset=1"))
    );
    assert_eq!(
        app.try_login("anna@example.eu", NEW_PASSWORD).await.0,
        Status::Ok
    );
}

/// Queued mail is delivered by the scheduler pass as .eml files in the outbox folder, once.
#[tokio::test]
async fn the_scheduler_delivers_queued_mail_into_the_outbox_folder() {
    let app = TestApp::sqlite().await;
    app.register("anna@example.eu", "Anna").await;
    let pass = redress::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(pass.mailed, 1);
    let dir = app.state.config.data_dir.join("outbox");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    assert!(eml.contains("To: anna@example.eu"), "{eml}");
    assert!(eml.contains("Subject: Please confirm your e-mail address"));
    assert!(eml.contains("/account/confirm?token="));
    assert_eq!(redress::jobs::run_once(&app.state).await.unwrap().mailed, 0);
}

/// Registrations racing with one address: one account, the others a clear 409, never a 500.
async fn racing_registrations_of_one_address_make_one_account(app: TestApp) {
    let tries = (0..6).map(|_| app.register("race@example.eu", "Racer"));
    let statuses = futures::future::join_all(tries).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == Status::Created).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|s| matches!(*s, Status::Created | Status::Conflict)),
        "{statuses:?}"
    );
}
on_both_engines!(racing_registrations_of_one_address_make_one_account);
