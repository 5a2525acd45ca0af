//! Registering, logging in and out on the pages, as a browser without JavaScript does it.
use crate::common::{TestApp, csrf_of, submit};
use rocket::http::Status;

#[tokio::test]
async fn a_consumer_registers_logs_in_and_out_on_the_pages() {
    let app = TestApp::sqlite().await;
    let csrf = csrf_of(&app, "/register").await;
    let fields = [
        ("csrf", csrf.as_str()),
        ("name", "Anna Jansen"),
        ("email", "anna@example.eu"),
        ("password", "a long passphrase"),
        ("language", "nl"),
    ];
    let (status, location, _) = submit(&app, "/register", &fields).await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some("/login?registered=1"))
    );

    let login = app
        .client
        .get("/login?registered=1")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(login.contains("Your account is ready"));
    assert!(login.contains("confirm your e-mail address"));
    let csrf = csrf_of(&app, "/login").await;
    let (status, location, _) = submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "anna@example.eu"),
            ("password", "a long passphrase"),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some("/account"))
    );

    let account = app.client.get("/account").dispatch().await;
    assert_eq!(account.status(), Status::Ok);
    assert!(account.into_string().await.unwrap().contains("Anna Jansen"));

    let csrf = csrf_of(&app, "/account").await;
    let (status, location, _) = submit(&app, "/logout", &[("csrf", &csrf)]).await;
    assert_eq!((status, location.as_deref()), (Status::SeeOther, Some("/")));
    let after = app.client.get("/account").dispatch().await;
    assert_eq!(
        after.status(),
        Status::SeeOther,
        "logged out: sent to the login page"
    );
}

#[tokio::test]
async fn a_form_with_errors_keeps_what_was_typed_and_says_what_is_wrong() {
    let app = TestApp::sqlite().await;
    let csrf = csrf_of(&app, "/register").await;
    let (status, _, page) = submit(
        &app,
        "/register",
        &[
            ("csrf", &csrf),
            ("name", "Anna Jansen"),
            ("email", "anna-at-example"),
            ("password", "a long passphrase"),
            ("language", "en"),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("value=\"Anna Jansen\""), "the name is kept");
    assert!(
        page.contains("value=\"anna-at-example\""),
        "the e-mail as typed is kept"
    );
    assert!(page.contains("name@example.eu"), "the problem is explained");
    assert!(
        !page.contains("a long passphrase"),
        "the password is never echoed"
    );

    let csrf = csrf_of(&app, "/login").await;
    let (status, _, page) = submit(
        &app,
        "/login",
        &[
            ("csrf", &csrf),
            ("email", "nobody@example.eu"),
            ("password", "whatever it is"),
        ],
    )
    .await;
    assert_eq!(status, Status::Unauthorized);
    assert!(page.contains("wrong") && page.contains("value=\"nobody@example.eu\""));
}

/// Forms without the right CSRF token change nothing.
#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused() {
    let app = TestApp::sqlite().await;
    csrf_of(&app, "/register").await;
    let fields = [
        ("csrf", "forged"),
        ("name", "Mallory"),
        ("email", "m@example.eu"),
        ("password", "a long passphrase"),
        ("language", "en"),
    ];
    let (status, _, page) = submit(&app, "/register", &fields).await;
    assert_eq!(status, Status::Forbidden);
    assert!(page.contains("expired"));
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        entity::users::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0,
        "no account made"
    );
    let (status, _, _) = submit(&app, "/logout", &[("csrf", "")]).await;
    assert_eq!(status, Status::Forbidden);
}
