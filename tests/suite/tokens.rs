//! Company API tokens: made and revoked by the company's representatives, shown once,
//! working only while the representative still belongs to the company.
use crate::common::{TestApp, bearer};
use crate::on_both_engines;
use rocket::http::Status;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

async fn company_id(app: &TestApp, token: &str) -> i64 {
    let me: Value = app
        .client
        .get("/api/v1/me")
        .header(bearer(token))
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap();
    me["companies"][0]["id"]
        .as_i64()
        .expect("the representative's company")
}

async fn a_representative_makes_uses_and_revokes_a_company_token(app: TestApp) {
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let rep = app.token("service@webshop.example").await;
    let company = company_id(&app, &rep).await;
    let tokens = format!("/api/v1/companies/{company}/tokens");

    let (status, made) = app
        .post_json(&tokens, Some(&rep), json!({"name": "CRM integration"}))
        .await;
    assert_eq!(status, Status::Created);
    let token = made["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("rdc_"));
    assert_eq!(made["prefix"].as_str().unwrap(), &token[..12]);

    let list: Value = app
        .client
        .get(tokens.clone())
        .header(bearer(&rep))
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap();
    assert_eq!(list[0]["name"], "CRM integration");
    assert!(
        list[0].get("token").is_none(),
        "the secret is shown once only"
    );

    // The company's system reads the company's case with it.
    let res = app
        .client
        .get(format!("/api/v1/cases/{r}"))
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let res = app
        .client
        .delete("/api/v1/session")
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(
        res.status(),
        Status::BadRequest,
        "a token is revoked, not logged out"
    );

    let id = made["id"].as_i64().unwrap();
    let res = app
        .client
        .delete(format!("{tokens}/{id}"))
        .header(bearer(&rep))
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
        "a revoked token stops at once"
    );
    let res = app
        .client
        .delete(format!("{tokens}/{id}"))
        .header(bearer(&rep))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NotFound, "already revoked");

    let (status, _) = app
        .post_json(&tokens, Some(&rep), json!({"name": " "}))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
}
on_both_engines!(a_representative_makes_uses_and_revokes_a_company_token);

async fn only_the_companys_representatives_manage_its_tokens(app: TestApp) {
    app.cast().await;
    let rep = app.token("service@webshop.example").await;
    let company = company_id(&app, &rep).await;
    let tokens = format!("/api/v1/companies/{company}/tokens");
    app.user(
        redress::policy::Role::Company,
        "rep@other.example",
        Some("Other BV"),
    )
    .await;
    // Strangers learn nothing; staff know companies exist but hold no rule for their tokens.
    let refusals = [
        ("rep@other.example", Status::NotFound),
        ("anna@example.eu", Status::NotFound),
        ("staff@example.eu", Status::Forbidden),
    ];
    for (email, expected) in refusals {
        let token = app.token(email).await;
        let (status, _) = app
            .post_json(&tokens, Some(&token), json!({"name": "x"}))
            .await;
        assert_eq!(status, expected, "{email}");
    }

    // A representative who leaves the company takes the company's trust with them.
    let (_, made) = app
        .post_json(&tokens, Some(&rep), json!({"name": "ERP"}))
        .await;
    let token = made["token"].as_str().unwrap().to_string();
    app.state
        .db
        .execute_unprepared("DELETE FROM company_members")
        .await
        .unwrap();
    let res = app
        .client
        .get("/api/v1/me")
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Unauthorized);
}
on_both_engines!(only_the_companys_representatives_manage_its_tokens);

/// A representative's token page: a token made with its secret shown once, then revoked
/// after a confirmation; another company's page is not found.
#[tokio::test]
async fn a_representative_makes_and_revokes_api_tokens_on_the_page() {
    let app = crate::common::TestApp::sqlite().await;
    app.cast().await;
    let rep = app.token("service@webshop.example").await;
    let company = app.company_of(&rep).await;
    let csrf = crate::common::log_in(&app, "service@webshop.example").await;
    let (_, account) = crate::common::page(&app, "/account").await;
    assert!(account.contains(&format!("href=\"/companies/{company}/tokens\"")));
    let path = format!("/companies/{company}/tokens");
    let (status, _, html) =
        crate::common::submit(&app, &path, &[("csrf", &csrf), ("name", "")]).await;
    assert_eq!(status, rocket::http::Status::UnprocessableEntity);
    assert!(html.contains("name the token"), "{html}");
    let (status, _, html) =
        crate::common::submit(&app, &path, &[("csrf", &csrf), ("name", "CRM")]).await;
    assert_eq!(status, rocket::http::Status::Created);
    let start = html.find("<code>rdc_").expect("the secret, once") + "<code>".len();
    let secret: String = html[start..].chars().take_while(|c| *c != '<').collect();
    let (status, _) = app
        .get_as(&format!("/api/v1/companies/{company}/referrals"), &secret)
        .await;
    assert_eq!(status, rocket::http::Status::Ok, "the new token works");
    let (_, html) = crate::common::page(&app, &path).await;
    assert!(!html.contains(&secret), "shown only once");
    let id_at = html.find("/tokens/").unwrap() + "/tokens/".len();
    let id: String = html[id_at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let revoke = format!("{path}/{id}/revocation");
    let (status, _, _) = crate::common::submit(&app, &revoke, &[("csrf", &csrf)]).await;
    assert_eq!(
        status,
        rocket::http::Status::UnprocessableEntity,
        "confirm first"
    );
    let (status, _, _) =
        crate::common::submit(&app, &revoke, &[("csrf", &csrf), ("confirm", "yes")]).await;
    assert_eq!(status, rocket::http::Status::SeeOther);
    let (status, _) = app
        .get_as(&format!("/api/v1/companies/{company}/referrals"), &secret)
        .await;
    assert_eq!(status, rocket::http::Status::Unauthorized, "revoked");
    let (status, _) =
        crate::common::page(&app, &format!("/companies/{}/tokens", company + 999)).await;
    assert_eq!(status, rocket::http::Status::NotFound);
}
