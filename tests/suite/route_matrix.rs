//! R30: every route × every role and relation answers as the access policy says. A route
//! that is mounted but not declared in `web::access::ROUTES` fails this test.
use crate::common::TestApp;
use redress::domain::dossier::Command;
use redress::policy::{Decision, Relation, Role};
use redress::web::access::{RouteAccess, access_of};
use rocket::http::{Method, Status};

#[tokio::test]
async fn every_route_answers_every_role_as_the_access_policy_says() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
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
        },
    )
    .await;
    app.user(Role::Consumer, "eve@example.eu", None).await;
    app.user(Role::Company, "rep@other.example", Some("Other BV"))
        .await;
    app.user(Role::Neutral, "other-mediator@example.eu", None)
        .await;

    // Each caller with how they stand to the case.
    let callers = [
        (Role::Consumer, Relation::OwnCase, "anna@example.eu"),
        (Role::Consumer, Relation::None, "eve@example.eu"),
        (
            Role::Company,
            Relation::OwnCompany,
            "service@webshop.example",
        ),
        (Role::Company, Relation::None, "rep@other.example"),
        (
            Role::Neutral,
            Relation::AssignedNeutral,
            "mediator@example.eu",
        ),
        (Role::Neutral, Relation::None, "other-mediator@example.eu"),
        (Role::Staff, Relation::None, "staff@example.eu"),
    ];
    let mut tokens = Vec::new();
    for (role, relation, email) in callers {
        tokens.push((role, relation, app.token(email).await));
    }

    let policy = &app.state.policies.access;
    let company = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::companies::Entity::find()
            .filter(entity::companies::Column::Name.eq("Webshop Noord BV"))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let routes: Vec<_> = app.client.rocket().routes().cloned().collect();
    let mut case_checks = 0;
    for route in routes {
        let name = route.name.as_deref().unwrap_or("?").to_string();
        let access = access_of(&name).unwrap_or_else(|| {
            panic!(
                "route {} {} ({name}) is not declared in web::access::ROUTES",
                route.method, route.uri
            )
        });
        let (action, is_case) = match access {
            RouteAccess::Case(action) => (action, true),
            RouteAccess::Company(action) => (action, false),
            RouteAccess::Public | RouteAccess::SignedIn => continue,
        };
        // Routes that change something are tried by their own tests with a proper body.
        if route.method != Method::Get {
            continue;
        }
        let path = route
            .uri
            .path()
            .to_string()
            .replace("<reference>", &r.to_string())
            .replace("<id>", &company.to_string());

        let anonymous = app.client.get(path.clone()).dispatch().await.status();
        assert_eq!(anonymous, Status::Unauthorized, "{name} without login");
        for (role, relation, token) in &tokens {
            let status = app.get_as(&path, token).await.0;
            // For company routes the relation is to the company: own company or none.
            let relation = if is_case || *relation == Relation::OwnCompany {
                *relation
            } else {
                Relation::None
            };
            let expected = match policy.decide(*role, relation, action) {
                Decision::Allow(_) => Status::Ok,
                Decision::Deny if relation == Relation::None && *role != Role::Staff => {
                    Status::NotFound
                }
                Decision::Deny => Status::Forbidden,
            };
            assert_eq!(
                status,
                expected,
                "{name} as {} ({relation:?})",
                role.as_str()
            );
            case_checks += 1;
        }
    }
    assert!(case_checks >= 21, "the case and company routes were tried");
}
