//! R32: a party reads Redress's mail in their own language, amounts written the way that
//! language writes them; a text missing in a language falls back to English.
use crate::common::TestApp;
use redress::domain::dossier::{Command, ProposalTerms, Remedy};
use redress::policy::Role;
use redress::services::Caller;
use redress::services::users::{NewUser, create_user};

async fn dutch_consumer(app: &TestApp) -> Caller {
    let new = NewUser {
        email: "sanne@example.nl".into(),
        name: "Sanne".into(),
        role: Role::Consumer,
        language: "nl".into(),
        password: Some("correct horse battery staple".into()),
        company: None,
        neutral: None,
        self_registered: false,
    };
    let user = create_user(&app.state, new, "test").await.unwrap();
    Caller::User {
        id: user.id,
        role: Role::Consumer,
    }
}

#[rocket::async_test]
async fn r32_a_dutch_consumer_reads_dutch_mail_with_dutch_amounts() {
    let app = TestApp::sqlite().await;
    let mut cast = app.cast().await;
    cast.consumer = dutch_consumer(&app).await;
    let r = app.negotiating_case(&cast).await;
    let offer = ProposalTerms {
        amount_cents: 123_456,
        currency: "EUR".into(),
        remedies: vec![Remedy::Refund],
        terms: "Terugbetaling binnen tien dagen.".into(),
        performance_days: 10,
        counter_to: None,
        notices_acknowledged: true,
    };
    app.run(&r, &cast.company, Command::Propose(offer)).await;
    let (subject, body) = app.last_mail("sanne@example.nl").await.unwrap();
    assert!(subject.contains(&r.to_string()), "{subject}");
    assert!(!body.contains("Hello,"), "not the English text: {body}");
    assert!(body.contains("€ 1.234,56"), "{subject}\n{body}");
    assert!(subject.to_lowercase().contains("voorstel"), "{subject}");
    // The same notice in English for the company's representative.
    let (_, english) = app.last_mail("mediator@example.eu").await.unwrap();
    assert!(english.contains("€1,234.56"), "{english}");
}

/// The refusal ground and a lapse's reason come in the reader's language too.
#[rocket::async_test]
async fn r32_refusal_grounds_and_lapse_reasons_are_told_in_the_readers_language() {
    use redress::policy::procedure::RefusalGround;
    let app = TestApp::sqlite().await;
    let mut cast = app.cast().await;
    cast.consumer = dutch_consumer(&app).await;
    let r = app.file(&cast).await;
    app.run(
        &r,
        &cast.staff,
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await;
    let refuse = Command::RefuseCase {
        ground: RefusalGround::NoPriorComplaint,
        reasons: "Er is geen klacht bij de winkel bekend.".into(),
    };
    app.run(&r, &cast.staff, refuse).await;
    let (_, body) = app.last_mail("sanne@example.nl").await.unwrap();
    assert!(body.contains("heeft niet eerst geprobeerd"), "{body}");

    let lapsing = app.accepted_case(&cast).await;
    app.clock.advance(chrono::Duration::days(40));
    redress::jobs::run_once(&app.state).await.unwrap();
    let (_, body) = app
        .mail_about("sanne@example.nl", &lapsing.to_string())
        .await
        .unwrap();
    assert!(body.contains("niet op tijd gereageerd"), "{body}");
}
