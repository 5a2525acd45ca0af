//! R12 and R33 through HTTP: a neutral's disclosure and the parties' objection, declared
//! conflicts and the respondent's own employee kept off a case, and escalation to an in-house
//! lawyer after the company let two rounds pass in silence (R34: marked automated).
use crate::common::{Cast, TestApp, log_in, page, submit};
use crate::on_both_engines;
use redress::domain::dossier::Command;
use redress::domain::reference::CaseReference;
use redress::jobs::run_once;
use redress::policy::Role;
use redress::services::users::{NeutralProfile, NewUser, create_user};
use rocket::http::Status;
use serde_json::{Value, json};

/// A neutral of `kind` who works in English on general cases, employed by `employer` if given.
async fn neutral(app: &TestApp, email: &str, kind: &str, employer: Option<i64>) -> i64 {
    let new = NewUser {
        email: email.into(),
        name: email.into(),
        role: Role::Neutral,
        language: "en".into(),
        password: Some("correct horse battery staple".into()),
        company: None,
        neutral: Some(NeutralProfile {
            kind: kind.into(),
            languages: vec!["en".into()],
            sectors: vec!["general".into()],
            employer_company_id: employer,
        }),
        self_registered: false,
    };
    create_user(&app.state, new, "test").await.unwrap().id
}

/// An accepted case the company joined, with the cast's mediator assigned.
pub async fn assigned_case(app: &TestApp, cast: &Cast) -> CaseReference {
    let r = app.accepted_case(cast).await;
    let join = Command::AnswerParticipation {
        takes_part: true,
        reasons: String::new(),
    };
    app.run(&r, &cast.company, join).await;
    let staff = app.token("staff@example.eu").await;
    let body = json!({"neutral_id": cast.id(&cast.neutral)});
    let (status, done) = app
        .post_json(&format!("/api/v1/cases/{r}/assignment"), Some(&staff), body)
        .await;
    assert_eq!(status, Status::Ok, "{done}");
    r
}

async fn r12_a_disclosure_is_put_to_the_parties_and_one_objection_brings_another_neutral(
    app: TestApp,
) {
    let cast = app.cast().await;
    let r = assigned_case(&app, &cast).await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let (anna, rep, mediator) = (
        app.token("anna@example.eu").await,
        app.token("service@webshop.example").await,
        app.token("mediator@example.eu").await,
    );
    let circumstances = "Ten years ago I advised the company's parent on its terms of sale.";
    let (status, _) = app
        .post_json(
            &path("disclosure"),
            Some(&mediator),
            json!({"circumstances": circumstances}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    // Both parties are told, in the words of the disclosure.
    let (subject, body) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(subject.contains("disclosed"), "{subject}");
    assert!(body.contains("terms of sale"), "{body}");
    // The neutral cannot declare past it while the parties are asked.
    let (status, _) = app
        .post_json(
            &path("declaration"),
            Some(&mediator),
            json!({"independent": true}),
        )
        .await;
    assert_eq!(status, Status::Conflict);
    // The consumer sees the disclosure on the dossier page and does not object.
    let page = app
        .client
        .get(format!("/cases/{r}"))
        .header(crate::common::bearer(&anna))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(
        page.contains("terms of sale") && page.contains("I object"),
        "{page}"
    );
    let (status, _) = app
        .post_json(
            &path("disclosure/answer"),
            Some(&anna),
            json!({"object": false}),
        )
        .await;
    assert_eq!(status, Status::Ok);
    // The company objects, with a reason: the neutral leaves and cannot be assigned again.
    let (status, err) = app
        .post_json(
            &path("disclosure/answer"),
            Some(&rep),
            json!({"object": true}),
        )
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "a reason is needed: {err}"
    );
    let (status, done) = app
        .post_json(
            &path("disclosure/answer"),
            Some(&rep),
            json!({"object": true, "reason": "That is too close to the group."}),
        )
        .await;
    assert_eq!(
        (status, done["status"].as_str()),
        (Status::Ok, Some("accepted"))
    );
    let staff = app.token("staff@example.eu").await;
    let again = json!({"neutral_id": cast.id(&cast.neutral)});
    let (status, err) = app
        .post_json(&path("assignment"), Some(&staff), again)
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{err}");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("objected")
    );
}
on_both_engines!(r12_a_disclosure_is_put_to_the_parties_and_one_objection_brings_another_neutral);

async fn r12_silence_until_the_objection_deadline_lets_the_neutral_go_on(app: TestApp) {
    let cast = app.cast().await;
    let r = assigned_case(&app, &cast).await;
    let mediator = app.token("mediator@example.eu").await;
    let body = json!({"circumstances": "My cousin works in the company's warehouse."});
    let (status, _) = app
        .post_json(
            &format!("/api/v1/cases/{r}/disclosure"),
            Some(&mediator),
            body,
        )
        .await;
    assert_eq!(status, Status::Ok);
    let (status, _) = app.get_as(&format!("/api/v1/cases/{r}"), &mediator).await;
    assert_eq!(
        status,
        Status::Forbidden,
        "not before the parties had their say"
    );
    app.clock.advance(chrono::Duration::days(8));
    let pass = run_once(&app.state).await.unwrap();
    assert!(pass.fired >= 1);
    // Logins lapse when idle for days: the neutral signs in afresh.
    let mediator = app.token("mediator@example.eu").await;
    let (status, case) = app.get_as(&format!("/api/v1/cases/{r}"), &mediator).await;
    assert_eq!(status, Status::Ok, "{case}");
}
on_both_engines!(r12_silence_until_the_objection_deadline_lets_the_neutral_go_on);

async fn r12_r33_declared_conflicts_and_the_respondents_employee_are_never_assigned(app: TestApp) {
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    let company_id = {
        use sea_orm::EntityTrait;
        let case = redress::services::dossier::find(&app.state, &r)
            .await
            .unwrap();
        entity::companies::Entity::find_by_id(case.company_id)
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    // The cast's mediator declares a conflict with the company, on the account page.
    let mediator = app.token("mediator@example.eu").await;
    let (status, err) = app
        .post_json(
            "/api/v1/me/conflicts",
            Some(&mediator),
            json!({"reason": "former employer"}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{err}");
    let (status, _) = app
        .post_json(
            "/api/v1/me/conflicts",
            Some(&mediator),
            json!({"company_id": company_id, "reason": "I worked there until 2024."}),
        )
        .await;
    assert_eq!(status, Status::Created);
    let (_, listed) = app.get_as("/api/v1/me/conflicts", &mediator).await;
    assert_eq!(listed[0]["company"], "Webshop Noord BV");
    let anna = app.token("anna@example.eu").await;
    let (status, _) = app.get_as("/api/v1/me/conflicts", &anna).await;
    assert_eq!(status, Status::Forbidden, "only neutrals keep such a list");

    let staff = app.token("staff@example.eu").await;
    let assign = |id: i64| json!({"neutral_id": id});
    let path = format!("/api/v1/cases/{r}/assignment");
    let (status, err) = app
        .post_json(&path, Some(&staff), assign(cast.id(&cast.neutral)))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("conflict")
    );
    // R33: the company's own employee, under a procedure without the in-house regime.
    let employee = neutral(
        &app,
        "inhouse@webshop.example",
        "mediator",
        Some(company_id),
    )
    .await;
    let (status, err) = app.post_json(&path, Some(&staff), assign(employee)).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        err["error"]["message"].as_str().unwrap().contains("R33"),
        "{err}"
    );
    // Nobody left who fits: Redress says so instead of picking one of them.
    let (status, _) = app.post_json(&path, Some(&staff), json!({})).await;
    assert_eq!(status, Status::Conflict);
    let free = neutral(&app, "free@example.eu", "mediator", None).await;
    let (status, done) = app.post_json(&path, Some(&staff), json!({})).await;
    assert_eq!(status, Status::Ok, "{done}");
    let case = redress::services::dossier::find(&app.state, &r)
        .await
        .unwrap();
    assert_eq!(case.neutral_id, Some(free));
}
on_both_engines!(r12_r33_declared_conflicts_and_the_respondents_employee_are_never_assigned);

async fn a_company_silent_for_two_rounds_sends_the_case_to_an_in_house_lawyer(app: TestApp) {
    let cast = app.cast().await;
    let lawyer = neutral(&app, "lawyer@example.eu", "in_house_lawyer", None).await;
    let r = assigned_case(&app, &cast).await;
    let path = |p: &str| format!("/api/v1/cases/{r}/{p}");
    let mediator = app.token("mediator@example.eu").await;
    let ok = |(status, body): (Status, Value)| assert_eq!(status, Status::Ok, "{body}");
    ok(app
        .post_json(
            &path("declaration"),
            Some(&mediator),
            json!({"independent": true}),
        )
        .await);
    for round in 1..=2 {
        // Logins lapse when idle for days: sign in afresh each round.
        let (anna, mediator) = (
            app.token("anna@example.eu").await,
            app.token("mediator@example.eu").await,
        );
        ok(app
            .post_json(&path("rounds"), Some(&mediator), json!({}))
            .await);
        let offer = json!({
            "amount_cents": 50_000, "currency": "EUR", "remedies": ["refund"],
            "terms": "Refund of the price.", "performance_days": 14, "notices_acknowledged": true,
        });
        ok(app.post_json(&path("proposals"), Some(&anna), offer).await);
        // The company says nothing; the round's ten working days pass.
        app.clock.advance(chrono::Duration::days(15));
        run_once(&app.state).await.unwrap();
        let case = redress::services::dossier::find(&app.state, &r)
            .await
            .unwrap();
        if round == 1 {
            assert_eq!(case.status, "negotiating");
        } else {
            // Escalated, and Redress assigned the in-house lawyer on its own.
            assert_eq!(
                (case.status.as_str(), case.neutral_id),
                ("assigned", Some(lawyer))
            );
        }
    }
    let staff = app.token("staff@example.eu").await;
    let (_, audit) = app.get_as(&path("audit"), &staff).await;
    let steps: Vec<&Value> = audit.as_array().unwrap().iter().collect();
    let escalation = steps
        .iter()
        .find(|e| e["action"] == "case.deadline" && e["automated"] == true)
        .expect("the lapses are automated steps");
    assert_eq!(escalation["actor"], "system");
    let (_, file) = app.get_as(&format!("/api/v1/cases/{r}"), &staff).await;
    let escalated = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "escalated")
        .expect("an escalation event");
    assert_eq!(escalated["details"]["rule"], "escalation.company_silences");
    let (subject, _) = app.last_mail("anna@example.eu").await.unwrap();
    assert!(
        subject.contains("in-house lawyer") || subject.contains("handle"),
        "{subject}"
    );
}
on_both_engines!(a_company_silent_for_two_rounds_sends_the_case_to_an_in_house_lawyer);

/// R12 on the page: the neutral discloses from the declaration page and sees it pending.
#[rocket::async_test]
async fn r12_the_declaration_page_offers_to_disclose() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = assigned_case(&app, &cast).await;
    let csrf = log_in(&app, "mediator@example.eu").await;
    let (status, _, _) = submit(
        &app,
        &format!("/cases/{r}/declaration"),
        &[
            ("csrf", &csrf),
            ("independent", "disclose"),
            ("reasons", "I bought a kitchen from this shop last year."),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (_, html) = page(&app, &format!("/cases/{r}")).await;
    assert!(html.contains("You disclosed a circumstance"), "{html}");
}
