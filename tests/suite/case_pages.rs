//! The case pages as a browser without JavaScript uses them: filing (R1) with errors that keep
//! what was typed, the acknowledgement (R3), the dossier's forms (R6–R9, R14) and the triage
//! queue with overdue cases marked (R8).
use crate::common::{TestApp, log_in, page, submit};
use rocket::http::{ContentType, Status};

fn filing<'a>(
    csrf: &'a str,
    company_id: &'a str,
    summary: &'a str,
    amount: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("company_id", company_id),
        ("company_name", ""),
        ("company_email", ""),
        ("company_domain", ""),
        ("case_type", "complaint"),
        ("summary", summary),
        ("desired_outcome", "refund"),
        ("amount", amount),
        ("currency", "EUR"),
        ("language", "en"),
        ("prior_on", "2026-02-20"),
        ("prior_channel", "email"),
        ("prior_reference", "CS-1"),
        // Only what a consumer's form shows: the fields staff fill in for a letter or a
        // call (consumer_name, consumer_email, channel) are not on it, as in a browser.
    ]
}

const SUMMARY: &str = "The washing machine arrived broken & the shop refuses a refund.";

#[tokio::test]
async fn r1_r3_a_consumer_files_on_the_page_and_sees_the_acknowledgement() {
    let app = TestApp::sqlite().await;
    app.cast().await;
    let (status, _) = page(&app, "/cases/new").await;
    assert_eq!(status, Status::SeeOther, "log in first");
    let csrf = log_in(&app, "anna@example.eu").await;

    let (status, html) = page(&app, "/cases/new?q=noord").await;
    assert_eq!(status, Status::Ok);
    let marker = "name=\"company_id\" value=\"";
    let start = html.find(marker).expect("the company is offered") + marker.len();
    let company_id: String = html[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    assert!(html.contains("Webshop Noord BV"));

    let (status, _, html) = submit(
        &app,
        "/cases/new",
        &filing(&csrf, &company_id, "too short", "six hundred"),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("write the amount as a number"), "{html}");
    assert!(html.contains("six hundred"), "what was typed stays");
    let (status, _, html) = submit(
        &app,
        "/cases/new",
        &filing(&csrf, &company_id, "too short", "649,00"),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("20 to 20,000 characters"), "{html}");
    assert!(html.contains("value=\"649,00\"") && html.contains(">too short</textarea>"));
    assert!(
        html.contains(&format!("value=\"{company_id}\" checked")),
        "the chosen company stays chosen"
    );

    let (status, location, _) = submit(
        &app,
        "/cases/new",
        &filing(&csrf, &company_id, SUMMARY, "649,00"),
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let location = location.unwrap();
    assert!(
        location.starts_with("/cases/RD-2026-") && location.ends_with("?filed=1"),
        "{location}"
    );
    let (status, html) = page(&app, &location).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Your case is registered"));
    assert!(html.contains("€649.00"));
    assert!(
        html.contains("broken &amp; the shop"),
        "escaped, not raw HTML"
    );

    // The same dispute again: a warning with the link, and a way through.
    let (status, _, html) = submit(
        &app,
        "/cases/new",
        &filing(&csrf, &company_id, SUMMARY, "649"),
    )
    .await;
    assert_eq!(status, Status::Conflict);
    let reference = location
        .trim_start_matches("/cases/")
        .trim_end_matches("?filed=1");
    assert!(
        html.contains(&format!("href=\"/cases/{reference}\"")),
        "{html}"
    );
    let mut again = filing(&csrf, &company_id, SUMMARY, "649");
    again.push(("allow_duplicate", "yes"));
    let (status, _, _) = submit(&app, "/cases/new", &again).await;
    assert_eq!(status, Status::SeeOther);
    let (_, list) = page(&app, "/cases").await;
    assert_eq!(list.matches("href=\"/cases/RD-2026-").count(), 2);
}

#[tokio::test]
async fn r6_to_r9_and_r14_the_dossier_forms_take_each_side_through_intake() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let case = format!("/cases/{r}");

    let csrf = log_in(&app, "staff@example.eu").await;
    let (_, html) = page(&app, &case).await;
    assert!(html.contains("Completeness review") && !html.contains("Does the company take part?"));
    let (status, location, _) = submit(
        &app,
        &format!("{case}/completeness"),
        &[("csrf", &csrf), ("missing", "")],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some(format!("{case}?done=1").as_str()))
    );
    let (status, _, html) = submit(
        &app,
        &format!("{case}/admissibility"),
        &[
            ("csrf", &csrf),
            ("decision", "refuse"),
            ("ground", "filed_too_late"),
            ("reasons", ""),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity, "reasons are required");
    assert!(html.contains("at least 10 characters"), "{html}");
    let (status, _, _) = submit(
        &app,
        &format!("{case}/admissibility"),
        &[
            ("csrf", &csrf),
            ("decision", "accept"),
            ("ground", ""),
            ("reasons", ""),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);

    let csrf = log_in(&app, "service@webshop.example").await;
    let (_, html) = page(&app, &case).await;
    assert!(html.contains("Does the company take part?"));
    let (status, _, _) = submit(
        &app,
        &format!("{case}/participation"),
        &[("csrf", &csrf), ("takes_part", "true"), ("reasons", "")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = submit(
        &app,
        &format!("{case}/messages"),
        &[
            ("csrf", &csrf),
            ("body", "We will look into it <b>today</b>."),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = submit(
        &app,
        &format!("{case}/admissibility"),
        &[
            ("csrf", &csrf),
            ("decision", "accept"),
            ("ground", ""),
            ("reasons", ""),
        ],
    )
    .await;
    assert_eq!(
        status,
        Status::Forbidden,
        "a company does not decide admissibility"
    );

    let boundary = "page-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"terms.txt\"\r\n\r\nOur terms, article 7.\r\n--{boundary}--\r\n"
    );
    let res = app
        .client
        .post(format!("{case}/documents"))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", boundary)))
        .body(body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);

    log_in(&app, "anna@example.eu").await;
    let (_, html) = page(&app, &case).await;
    assert!(
        html.contains("We will look into it &lt;b&gt;today&lt;/b&gt;."),
        "the company's message, escaped"
    );
    assert!(html.contains("terms.txt"));
    assert!(!html.contains("Completeness review") && !html.contains("Admissibility</h2>"));
}

#[tokio::test]
async fn r8_the_triage_queue_puts_the_soonest_deadline_first_and_marks_overdue_cases() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let first = app.file(&cast).await;
    app.clock.advance(chrono::Duration::days(1));
    let second = app.file(&cast).await;
    app.run(
        &second,
        &cast.staff,
        redress::domain::dossier::Command::ReviewCompleteness { missing: vec![] },
    )
    .await;
    log_in(&app, "anna@example.eu").await;
    assert_eq!(page(&app, "/staff/triage").await.0, Status::Forbidden);

    log_in(&app, "staff@example.eu").await;
    let (status, html) = page(&app, "/staff/triage").await;
    assert_eq!(status, Status::Ok);
    let (a, b) = (
        html.find(&first.to_string()).unwrap(),
        html.find(&second.to_string()).unwrap(),
    );
    assert!(
        a < b,
        "the completeness check due in a week comes before the three-week decision"
    );
    assert!(!html.contains("<strong>overdue</strong>"));

    app.clock.advance(chrono::Duration::days(8));
    redress::jobs::run_once(&app.state).await.unwrap();
    log_in(&app, "staff@example.eu").await;
    let (_, html) = page(&app, "/staff/triage").await;
    let row = &html[html.find(&first.to_string()).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("overdue"), "{row}");
    let row = &html[html.find(&second.to_string()).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(!row.contains("overdue"), "{row}");
}

/// R12, R16, R17 on the pages: the neutral declares before the dossier opens, the parties see
/// the notices before they accept, and the reflection period offers a revocation.
#[tokio::test]
async fn the_mediation_forms_take_a_case_from_declaration_to_agreement() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    app.run(
        &r,
        &cast.company,
        redress::domain::dossier::Command::AnswerParticipation {
            takes_part: true,
            reasons: String::new(),
        },
    )
    .await;
    app.run(
        &r,
        &cast.staff,
        redress::domain::dossier::Command::Assign {
            neutral_id: cast.id(&cast.neutral),
            facts: Default::default(),
        },
    )
    .await;
    let case = format!("/cases/{r}");

    let csrf = log_in(&app, "mediator@example.eu").await;
    let (status, html) = page(&app, &case).await;
    assert_eq!(status, Status::Ok);
    assert!(
        html.contains("declare that you are independent") && !html.contains("What happened"),
        "{html}"
    );
    let (status, _, _) = submit(
        &app,
        &format!("{case}/declaration"),
        &[("csrf", &csrf), ("independent", "true"), ("reasons", "")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (_, html) = page(&app, &case).await;
    assert!(html.contains("What happened") && html.contains("Open the next round"));
    let (status, _, _) = submit(
        &app,
        &format!("{case}/rounds"),
        &[("csrf", &csrf), ("deadline", "")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);

    let csrf = log_in(&app, "service@webshop.example").await;
    let (status, _, _) = submit(
        &app,
        &format!("{case}/proposals"),
        &[
            ("csrf", &csrf),
            ("amount", "500,00"),
            ("terms", "Refund by transfer"),
            ("performance_days", "14"),
            ("notices", "yes"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);

    let csrf = log_in(&app, "anna@example.eu").await;
    let (_, html) = page(&app, &case).await;
    assert!(
        html.contains("€500.00") && html.contains("may differ from what a court"),
        "the notices are shown"
    );
    let (status, _, html) = submit(
        &app,
        &format!("{case}/proposals/1/accept"),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "R16: not without the notices"
    );
    assert!(html.contains("acknowledged"), "{html}");
    let (status, _, _) = submit(
        &app,
        &format!("{case}/proposals/1/accept"),
        &[("csrf", &csrf), ("notices", "yes")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);

    let csrf = log_in(&app, "service@webshop.example").await;
    submit(
        &app,
        &format!("{case}/proposals/1/accept"),
        &[("csrf", &csrf), ("notices", "yes")],
    )
    .await;
    log_in(&app, "anna@example.eu").await;
    let (_, html) = page(&app, &case).await;
    assert!(
        html.contains("<dd>agreed</dd>") && html.contains("Revoke my consent"),
        "{html}"
    );
}

/// Steps that cannot be undone ask for a confirmation first: without the ticked box the
/// dossier says why and nothing changes; with it the step is done.
#[tokio::test]
async fn withdrawing_a_case_asks_for_a_confirmation_first() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let case = format!("/cases/{r}");
    let csrf = log_in(&app, "anna@example.eu").await;
    let (_, html) = page(&app, &case).await;
    assert!(html.contains("name=\"confirm\" value=\"yes\" required"));
    let path = format!("{case}/withdrawal");
    let (status, _, html) = submit(&app, &path, &[("csrf", &csrf), ("reason", "Solved")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        html.contains("Tick the box to confirm: this cannot be undone."),
        "{html}"
    );
    let row = redress::services::dossier::find(&app.state, &r)
        .await
        .unwrap();
    assert_eq!(row.status, "submitted", "nothing changed");
    let (status, _, _) = submit(
        &app,
        &path,
        &[("csrf", &csrf), ("reason", "Solved"), ("confirm", "yes")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let row = redress::services::dossier::find(&app.state, &r)
        .await
        .unwrap();
    assert_eq!(row.status, "withdrawn");
}
