//! R32: the pages speak the reader's language: their own choice on the switcher, else their
//! account's language, else what the browser asks for; dates and amounts as the language
//! writes them.
use crate::common::{TestApp, log_in, page};
use redress::policy::Role;
use rocket::http::{Header, Status};

async fn html_with(app: &TestApp, path: &str, accept_language: &str) -> String {
    app.client
        .get(path.to_string())
        .header(Header::new("Accept-Language", accept_language.to_string()))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap()
}

#[tokio::test]
async fn r32_the_browsers_language_then_the_readers_choice() {
    let app = TestApp::sqlite().await;
    let html = html_with(&app, "/login", "nl-BE,nl;q=0.9,en;q=0.5").await;
    assert!(
        html.contains("<html lang=\"nl\">") && html.contains(">Inloggen<"),
        "{html}"
    );
    let html = html_with(&app, "/login", "es-ES,de;q=0.8").await;
    assert!(html.contains("<html lang=\"de\">") && html.contains("Anmelden"));
    let html = html_with(&app, "/login", "es-ES").await;
    assert!(
        html.contains("<html lang=\"en\">"),
        "English when none is offered"
    );

    // The switcher on every page: it remembers the choice and returns to the page.
    assert!(
        html.contains("href=\"/language/fr?back") && html.contains("%2Flogin"),
        "{html}"
    );
    let res = app.client.get("/language/fr?back=/login").dispatch().await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(res.headers().get_one("Location"), Some("/login"));
    let html = html_with(&app, "/login", "nl").await;
    assert!(
        html.contains("<html lang=\"fr\">") && html.contains("Se connecter"),
        "the choice wins"
    );
    // It never leads to another site.
    let res = app
        .client
        .get("/language/de?back=//evil.example")
        .dispatch()
        .await;
    assert_eq!(res.headers().get_one("Location"), Some("/"));
}

#[tokio::test]
async fn r32_a_logged_in_reader_gets_their_accounts_language_with_its_dates_and_amounts() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    app.user(Role::Consumer, "jan@example.eu", None).await;
    {
        use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
        let anna = entity::users::Entity::find()
            .filter(entity::users::Column::Email.eq("anna@example.eu"))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        let mut anna: entity::users::ActiveModel = anna.into();
        anna.language = Set("de".into());
        anna.update(&app.state.db).await.unwrap();
    }
    log_in(&app, "anna@example.eu").await;
    let (status, html) = page(&app, &format!("/cases/{r}")).await;
    assert_eq!(status, Status::Ok);
    assert!(
        html.contains("<html lang=\"de\">"),
        "her account's language"
    );
    assert!(html.contains("Meine Fälle"), "the navigation in German");
    assert!(html.contains("2. März 2026"), "a German date: {html}");
    assert!(html.contains("€ 649,00"), "a German amount");
    let (_, list) = page(&app, "/cases").await;
    assert!(list.contains("€ 649,00") && list.contains("2. März 2026"));
    assert!(
        list.contains("Nächste Frist") && list.contains("Vollständigkeitsprüfung: "),
        "each case's next deadline: {list}"
    );
}
