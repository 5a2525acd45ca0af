//! Bringing people in: staff create neutrals and staff, representatives are invited to a
//! company, and a party names a representative who acts for them (R5).
use crate::common::{TestApp, csrf_of, submit};
use crate::on_both_engines;
use redress::policy::Role;
use rocket::http::Status;
use serde_json::json;

const CHOSEN: &str = "violet kettle under seven bridges";

/// Accepts the newest invitation mailed to `email` through the API.
async fn accept(app: &TestApp, email: &str, name: &str) -> serde_json::Value {
    let token = app.mailed_token(email, "/invitation").await;
    let (status, account) = app
        .post_json(
            "/api/v1/invitations/accept",
            None,
            json!({"token": token, "name": name, "password": CHOSEN}),
        )
        .await;
    assert_eq!(status, Status::Ok, "{account}");
    account
}

async fn staff_create_a_neutral_who_sets_their_own_password(app: TestApp) {
    let cast = app.cast().await;
    let staff = app.token("staff@example.eu").await;
    let consumer = app.token("anna@example.eu").await;
    let neutral = json!({
        "email": "lawyer@adr.example", "name": "Lea Lawyer", "role": "neutral", "language": "de",
        "kind": "in_house_lawyer", "languages": ["de", "en"], "sectors": ["travel", "energy"],
    });
    let (status, _) = app.post_json("/api/v1/users", None, neutral.clone()).await;
    assert_eq!(status, Status::Unauthorized);
    let (status, _) = app
        .post_json("/api/v1/users", Some(&consumer), neutral.clone())
        .await;
    assert_eq!(status, Status::Forbidden);
    let mut bad = neutral.clone();
    bad["sectors"] = json!(["Travel & Leisure!"]);
    let (status, body) = app.post_json("/api/v1/users", Some(&staff), bad).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body["error"]["fields"]["sectors"].is_array());

    let (status, person) = app
        .post_json("/api/v1/users", Some(&staff), neutral.clone())
        .await;
    assert_eq!(status, Status::Created, "{person}");
    assert_eq!(person["active"], false);
    let (status, _) = app.post_json("/api/v1/users", Some(&staff), neutral).await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(
        app.try_login("lawyer@adr.example", "").await.0,
        Status::Unauthorized,
        "no password until the invitation is accepted"
    );

    let account = accept(&app, "lawyer@adr.example", "Dr. Lea Lawyer").await;
    assert_eq!(account["role"], "neutral");
    assert_eq!(account["name"], "Dr. Lea Lawyer");
    assert_eq!(
        account["email_confirmed"], true,
        "the link proved the address"
    );
    assert_eq!(
        app.try_login("lawyer@adr.example", CHOSEN).await.0,
        Status::Ok
    );
    let profile = {
        use sea_orm::EntityTrait;
        entity::neutral_profiles::Entity::find_by_id(account["id"].as_i64().unwrap())
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(profile.kind, "in_house_lawyer");
    assert_eq!(profile.languages, "de,en");
    assert_eq!(profile.sectors, "travel,energy");
    let _ = cast;
}
on_both_engines!(staff_create_a_neutral_who_sets_their_own_password);

async fn representatives_are_invited_to_their_company(app: TestApp) {
    let _cast = app.cast().await;
    app.user(Role::Company, "rep@other.example", Some("Other BV"))
        .await;
    let rep = app.token("service@webshop.example").await;
    let other = app.token("rep@other.example").await;
    let me = app.get_as("/api/v1/me", &rep).await.1;
    let company = me["companies"][0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/companies/{company}/representatives");

    let colleague = json!({"email": "colleague@webshop.example", "name": "Col League"});
    let (status, _) = app.post_json(&path, Some(&other), colleague.clone()).await;
    assert_eq!(status, Status::NotFound, "not their company");
    let (status, person) = app.post_json(&path, Some(&rep), colleague).await;
    assert_eq!(status, Status::Created, "{person}");
    let (subject, body) = app.last_mail("colleague@webshop.example").await.unwrap();
    assert!(subject.contains("Webshop Noord BV"), "{subject}");
    assert!(body.contains("on behalf of Webshop Noord BV"));
    let account = accept(&app, "colleague@webshop.example", "Col League").await;
    assert_eq!(account["companies"][0]["name"], "Webshop Noord BV");

    // Staff add an existing representative of another company: no new account, a notice.
    let staff = app.token("staff@example.eu").await;
    let (status, _) = app
        .post_json(
            &path,
            Some(&staff),
            json!({"email": "rep@other.example", "name": "ignored"}),
        )
        .await;
    assert_eq!(status, Status::Created);
    let (subject, _) = app.last_mail("rep@other.example").await.unwrap();
    assert!(
        subject.contains("You now represent Webshop Noord BV"),
        "{subject}"
    );
    let me = app.get_as("/api/v1/me", &other).await.1;
    assert_eq!(me["companies"].as_array().unwrap().len(), 2);

    let (status, _) = app
        .post_json(
            &path,
            Some(&staff),
            json!({"email": "anna@example.eu", "name": "Anna"}),
        )
        .await;
    assert_eq!(
        status,
        Status::Conflict,
        "a consumer account is not a representative's"
    );
    let (status, _) = app
        .post_json(
            "/api/v1/companies/999999/representatives",
            Some(&staff),
            json!({"email": "x@example.eu", "name": "X"}),
        )
        .await;
    assert_eq!(status, Status::NotFound);
}
on_both_engines!(representatives_are_invited_to_their_company);

async fn r5_a_representative_named_by_the_consumer_acts_for_her(app: TestApp) {
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    let anna = app.token("anna@example.eu").await;
    let neutral = app.token("mediator@example.eu").await;
    app.user(Role::Consumer, "eve@example.eu", None).await;
    let eve = app.token("eve@example.eu").await;
    let path = format!("/api/v1/cases/{r}/representatives");
    let helper = json!({"email": "help@consumer-association.example", "name": "Consumer Help"});

    assert_eq!(
        app.post_json(&path, Some(&eve), helper.clone()).await.0,
        Status::NotFound,
        "a stranger does not learn the case exists"
    );
    let (status, _) = app.post_json(&path, Some(&neutral), helper.clone()).await;
    assert_eq!(
        status,
        Status::NotFound,
        "an unassigned neutral has no tie to it"
    );
    let (status, person) = app.post_json(&path, Some(&anna), helper).await;
    assert_eq!(status, Status::Created, "{person}");
    assert!(
        app.last_mail("help@consumer-association.example")
            .await
            .is_some(),
        "the representative is invited"
    );
    accept(&app, "help@consumer-association.example", "Consumer Help").await;
    let (_, helper) = app
        .try_login("help@consumer-association.example", CHOSEN)
        .await;
    let helper = helper.expect("the representative logs in");

    let (status, case) = app.get_as(&format!("/api/v1/cases/{r}"), &helper).await;
    assert_eq!(status, Status::Ok, "the representative sees the case");
    assert_eq!(case["representatives"][0]["side"], "consumer");
    assert_eq!(case["representatives"][0]["name"], "Consumer Help");
    let (_, audit) = app.get_as(&format!("/api/v1/cases/{r}/audit"), &anna).await;
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "case.appoint_representative"),
        "the appointment is in the audit trail"
    );
    // The representative acts for her: here, withdrawing the case on her behalf.
    let helper_id = case_helper_id(&app).await;
    app.run(
        &r,
        &redress::services::Caller::User {
            id: helper_id,
            role: Role::Consumer,
        },
        redress::domain::dossier::Command::Withdraw {
            reason: "Settled directly with the shop.".into(),
        },
    )
    .await;
    let (_, case) = app.get_as(&format!("/api/v1/cases/{r}"), &anna).await;
    assert_eq!(case["status"], "withdrawn");
    let withdrawn = case["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "withdrawn")
        .cloned()
        .unwrap();
    assert_eq!(withdrawn["details"]["side"], "consumer", "{withdrawn}");
}

async fn case_helper_id(app: &TestApp) -> i64 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    entity::users::Entity::find()
        .filter(entity::users::Column::Email.eq("help@consumer-association.example"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id
}
on_both_engines!(r5_a_representative_named_by_the_consumer_acts_for_her);

/// Accepting an invitation on the page.
#[tokio::test]
async fn an_invitation_is_accepted_on_its_page() {
    let app = TestApp::sqlite().await;
    app.cast().await;
    let staff = app.token("staff@example.eu").await;
    app.post_json(
        "/api/v1/users",
        Some(&staff),
        json!({"email": "new-staff@adr.example", "name": "New", "role": "staff", "language": "en"}),
    )
    .await;
    let token = app
        .mailed_token("new-staff@adr.example", "/invitation")
        .await;
    let path = format!("/invitation?token={token}");
    let csrf = csrf_of(&app, &path).await;
    let (status, _, html) = submit(
        &app,
        "/invitation",
        &[
            ("csrf", &csrf),
            ("token", &token),
            ("name", ""),
            ("password", CHOSEN),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("enter a name"), "{html}");
    let (status, location, _) = submit(
        &app,
        "/invitation",
        &[
            ("csrf", &csrf),
            ("token", &token),
            ("name", "Nora Staff"),
            ("password", CHOSEN),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some("/login?welcome=1"))
    );
    assert_eq!(
        app.try_login("new-staff@adr.example", CHOSEN).await.0,
        Status::Ok
    );
}
