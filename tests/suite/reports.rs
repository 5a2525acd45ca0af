//! Scorecards, the staff dashboard and the activity report (R13, R24, R25, R37) over a known
//! data set: eight cases moved through the procedure with the clock, every figure checked
//! exactly, through the API, the pages, the downloads and the command line.
use crate::cli::{redress, text};
use crate::common::{TestApp, log_in, page, sample_case, submit};
use crate::on_both_engines;
use redress::domain::dossier::{Command, ProposalTerms, Remedy};
use redress::domain::reference::CaseReference;
use redress::jobs::run_once;
use redress::policy::{RefusalGround, Role};
use redress::services::filing::{CompanyPick, file_case};
use rocket::http::{ContentType, Status};
use serde_json::{Value, json};

struct DataSet {
    webshop_id: i64,
    airline_id: i64,
    cases: Vec<CaseReference>,
}

fn offer(cents: i64, remedies: Vec<Remedy>) -> Command {
    Command::Propose(ProposalTerms {
        amount_cents: cents,
        currency: "EUR".into(),
        remedies,
        terms: "As agreed in the round.".into(),
        performance_days: 14,
        counter_to: None,
        notices_acknowledged: true,
    })
}

fn accept(number: u32) -> Command {
    Command::AcceptProposal {
        number,
        notices_acknowledged: true,
    }
}

fn join() -> Command {
    Command::AnswerParticipation {
        takes_part: true,
        reasons: String::new(),
    }
}

fn refuse(ground: RefusalGround) -> Command {
    Command::RefuseCase {
        ground,
        reasons: "The ground applies, as explained in the letter.".into(),
    }
}

/// Day 0 is Monday 2 March 2026, 09:00 UTC. Webshop Noord BV (cases 1–6) and SkyHop Airlines
/// (7, 8); every consumer lives in BE like both companies, except case 7's (DE).
///
/// | case | company | what happens                                                    | ends  |
/// |------|---------|-----------------------------------------------------------------|-------|
/// | 1    | webshop | joins day 1; its offer accepted day 2; settled day 9; "resolved", 5; complied | 9 |
/// | 2    | webshop | joins day 2; the neutral's proposal of nothing accepted; settled day 9; "not resolved", 2 | 9 |
/// | 3    | webshop | never answers; lapses when the scheduler runs on day 30         | 30    |
/// | 4    | webshop | refused day 1 (filed too late), closed day 5                    | 1     |
/// | 5    | webshop | declines day 2                                                  | 2     |
/// | 6    | webshop | joins day 1; the consumer withdraws day 3                       | 3     |
/// | 7    | airline | an incident, cross-border, still waiting for its review         | open  |
/// | 8    | airline | refused day 1 (no prior complaint)                              | 1     |
async fn known_data_set(app: &TestApp) -> DataSet {
    let cast = app.cast().await;
    app.user(
        Role::Company,
        "desk@skyhop.example",
        Some("SkyHop Airlines"),
    )
    .await;
    let webshop_id = sample_case(app, &cast).await.company;
    let CompanyPick::Existing(webshop_id) = webshop_id else {
        panic!("the sample case names a registered company")
    };
    let airline_id = company_id(app, "SkyHop Airlines").await;
    let mut cases = Vec::new();
    for n in 1..=8 {
        let mut new = sample_case(app, &cast).await;
        if n >= 7 {
            new.company = CompanyPick::Existing(airline_id);
        }
        if n == 7 {
            new.case_type = "incident".into();
            new.consumer_country = Some("DE".into());
        }
        let case = file_case(&app.state, &cast.consumer, new).await.unwrap();
        cases.push(case.reference.parse::<CaseReference>().unwrap());
    }
    let staff = &cast.staff;
    for (i, r) in cases.iter().enumerate() {
        if i == 6 {
            continue;
        }
        app.run(r, staff, Command::ReviewCompleteness { missing: vec![] })
            .await;
        if matches!(i, 0 | 1 | 2 | 4 | 5) {
            app.run(r, staff, Command::AcceptCase).await;
        }
    }
    let neutral_id = cast.id(&cast.neutral);
    let negotiate = |r: CaseReference| {
        let cast = &cast;
        async move {
            let assign = Command::Assign {
                neutral_id,
                facts: Default::default(),
            };
            app.run(&r, &cast.staff, assign).await;
            app.run(&r, &cast.neutral, Command::DeclareIndependence)
                .await;
            app.run(&r, &cast.neutral, Command::OpenRound { deadline: None })
                .await;
        }
    };

    app.clock.advance_days(1);
    app.run(&cases[0], &cast.company, join()).await;
    app.run(&cases[5], &cast.company, join()).await;
    app.run(&cases[3], staff, refuse(RefusalGround::FiledTooLate))
        .await;
    app.run(&cases[7], staff, refuse(RefusalGround::NoPriorComplaint))
        .await;
    negotiate(cases[0]).await;

    app.clock.advance_days(1);
    app.run(
        &cases[0],
        &cast.company,
        offer(30_000, vec![Remedy::Refund]),
    )
    .await;
    app.run(&cases[0], &cast.consumer, accept(1)).await;
    app.run(&cases[1], &cast.company, join()).await;
    negotiate(cases[1]).await;
    app.run(&cases[1], &cast.neutral, offer(0, vec![])).await;
    app.run(&cases[1], &cast.consumer, accept(1)).await;
    app.run(&cases[1], &cast.company, accept(1)).await;
    let decline = Command::AnswerParticipation {
        takes_part: false,
        reasons: "We do not take part in this procedure.".into(),
    };
    app.run(&cases[4], &cast.company, decline).await;

    app.clock.advance_days(1);
    let withdraw = Command::Withdraw {
        reason: "I no longer want to go on.".into(),
    };
    app.run(&cases[5], &cast.consumer, withdraw).await;

    app.clock.advance_days(2);
    let close = Command::Close {
        reasons: "Refused: the complaint came after the time limit.".into(),
    };
    app.run(&cases[3], staff, close).await;

    app.clock.advance_days(4);
    run_once(&app.state).await.unwrap();
    app.clock.advance_days(1);
    let feedback = |resolved, rating| Command::GiveFeedback {
        resolved,
        rating,
        comment: String::new(),
    };
    app.run(&cases[0], &cast.consumer, feedback(true, 5)).await;
    app.run(&cases[1], &cast.consumer, feedback(false, 2)).await;
    let complied = Command::ReportCompliance {
        complied: true,
        comment: String::new(),
    };
    app.run(&cases[0], &cast.consumer, complied).await;

    app.clock.advance_days(20);
    run_once(&app.state).await.unwrap();
    DataSet {
        webshop_id,
        airline_id,
        cases,
    }
}

async fn company_id(app: &TestApp, name: &str) -> i64 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    entity::companies::Entity::find()
        .filter(entity::companies::Column::Name.eq(name))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

fn close_to(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

fn counts(list: &Value) -> Vec<(String, u64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["item"].as_str().unwrap().to_string(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pairs(items: &[(&str, u64)]) -> Vec<(String, u64)> {
    items.iter().map(|(i, n)| (i.to_string(), *n)).collect()
}

/// R24, R25, R37: every figure of the activity report, exactly.
async fn r24_r37_the_activity_report_gives_every_figure_exactly(app: TestApp) {
    known_data_set(&app).await;
    let staff = app.token("staff@example.eu").await;
    let neutral = app.token("mediator@example.eu").await;
    for (on, minutes) in [("2026-02-10", 90), ("2026-03-20", 30), ("2025-11-01", 600)] {
        let body = json!({"completed_on": on, "minutes": minutes, "title": "Mediation skills", "provider": "ADR Academy"});
        let (status, _) = app
            .post_json("/api/v1/me/training", Some(&neutral), body)
            .await;
        assert_eq!(status, Status::Created);
    }
    let assessment =
        json!({"year": 2026, "text": "Most disputes concern one web shop; we met it twice."});
    let (status, _) = app
        .post_json("/api/v1/reports/assessment", Some(&staff), assessment)
        .await;
    assert_eq!(status, Status::NoContent);

    let (status, r) = app
        .get_as("/api/v1/reports/activity?year=2026", &staff)
        .await;
    assert_eq!(status, Status::Ok, "{r}");
    assert_eq!(r["period_name"], "2026");
    assert_eq!(r["received"], 8);
    assert_eq!(
        counts(&r["by_type"]),
        pairs(&[("complaint", 7), ("incident", 1)])
    );
    assert_eq!(counts(&r["by_remedy"]), pairs(&[("refund", 8)]));
    assert_eq!(counts(&r["by_sector"]), pairs(&[("general", 8)]));
    assert_eq!(r["cross_border"]["count"], 1);
    assert!(close_to(&r["cross_border"]["share"], 12.5));
    assert_eq!(
        counts(&r["top_companies"]),
        pairs(&[("Webshop Noord BV", 6), ("SkyHop Airlines", 2)])
    );
    assert!(close_to(&r["top_companies"][0]["share"], 75.0));
    assert_eq!(counts(&r["top_problems"]), pairs(&[("general: refund", 8)]));

    assert_eq!(r["ended"], 7, "all but the open incident");
    assert_eq!(counts(&r["outcomes"]), pairs(&[("settled", 2)]));
    assert_eq!(r["refused"]["count"], 2);
    assert!(close_to(&r["refused"]["share"], 200.0 / 7.0));
    assert_eq!(
        counts(&r["refusal_grounds"]),
        pairs(&[("filed_too_late", 1), ("no_prior_complaint", 1)])
    );
    assert!(close_to(&r["refusal_grounds"][0]["share"], 50.0));
    assert_eq!(r["discontinued"]["count"], 3);
    assert!(close_to(&r["discontinued"]["share"], 300.0 / 7.0));
    assert_eq!(
        counts(&r["discontinued_reasons"]),
        pairs(&[
            ("trader_declined", 1),
            ("trader_silent", 1),
            ("withdrawn_by_consumer", 1)
        ])
    );
    // Days from filing to the end: 9, 9, 30, 1, 2, 3, 1.
    assert!(close_to(&r["mean_days_to_outcome"], 55.0 / 7.0));
    assert!(close_to(&r["median_days_to_outcome"], 3.0));
    assert_eq!(r["compliance"]["reports"], 1);
    assert_eq!(r["compliance"]["complied"], 1);
    assert!(close_to(&r["compliance"]["rate"], 100.0));
    // R37: eu-default is paid by traders.
    let paid = &r["trader_paid"];
    assert_eq!(paid["ended"], 7);
    assert_eq!(
        counts(&paid["split"]),
        pairs(&[("consumer", 0), ("trader", 1), ("amicable", 1), ("none", 5)])
    );
    assert_eq!(
        r["training"]["entries"], 2,
        "the 2025 course is not counted"
    );
    assert_eq!(r["training"]["minutes"], 120);
    assert_eq!(r["training"]["neutrals_trained"], 1);
    assert_eq!(r["training"]["neutrals"], 1);
    assert_eq!(
        r["assessment"],
        "Most disputes concern one web shop; we met it twice."
    );

    // R25: the authority's report over 2025 and 2026 holds the same cases, and 2025's course.
    let (_, two) = app
        .get_as("/api/v1/reports/activity?year=2026&years=2", &staff)
        .await;
    assert_eq!(two["period_name"], "2025-2026");
    assert_eq!(
        (two["received"].clone(), two["ended"].clone()),
        (json!(8), json!(7))
    );
    assert_eq!(two["training"]["entries"], 3);
    assert!(two["assessment"].is_null(), "written per period");
    // Another year is empty, not an error.
    let (_, empty) = app
        .get_as("/api/v1/reports/activity?year=2025", &staff)
        .await;
    assert_eq!(empty["received"], 0);
    assert!(empty["median_days_to_outcome"].is_null());
    let (status, _) = app
        .get_as("/api/v1/reports/activity?year=2026&years=3", &staff)
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    let company = app.token("service@webshop.example").await;
    let (status, _) = app
        .get_as("/api/v1/reports/activity?year=2026", &company)
        .await;
    assert_eq!(status, Status::Forbidden, "staff only");

    // The same figures as CSV, PDF and HTML, from the staff page and from the command line.
    log_in(&app, "staff@example.eu").await;
    let (status, html) = page(&app, "/staff/reports?year=2026").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<svg class=\"chart\""), "charts are drawn");
    assert!(
        html.contains(
            "<th scope=\"row\">the case was filed after this procedure&#x27;s time limit"
        ),
        "{html}"
    );
    assert!(html.contains("Most disputes concern one web shop"));
    let res = app
        .client
        .get("/staff/reports/activity/csv?year=2026&years=1")
        .dispatch()
        .await;
    assert_eq!(res.content_type(), Some(ContentType::CSV));
    assert_eq!(
        res.headers().get_one("Content-Disposition"),
        Some("attachment; filename=\"activity-report-2026.csv\"")
    );
    let csv = res.into_string().await.unwrap();
    assert!(csv.starts_with("section,item,value,share_percent\n"));
    assert!(csv.contains("received,disputes received,8,\n"));
    assert!(csv.contains("refused,refused,2,28.6\n"));
    assert!(csv.contains("trader-paid procedures (R37),settled amicably,1,14.3\n"));
    assert!(csv.contains("neutral training,hours,2.0,\n"));
    let res = app
        .client
        .get("/staff/reports/activity/pdf?year=2026")
        .dispatch()
        .await;
    assert_eq!(res.content_type(), Some(ContentType::PDF));
    let pdf = res.into_bytes().await.unwrap();
    let pdf_text = redress::pdf::text_of(&pdf).expect("a PDF with text");
    assert!(pdf_text.contains("Refusal grounds"), "{pdf_text}");
    let (status, _) = page(&app, "/staff/reports/activity/xls?year=2026").await;
    assert_eq!(status, Status::UnprocessableEntity);

    let db = app.database_url().to_string();
    let out = redress(
        &db,
        &["report", "activity", "--year", "2026", "--format", "csv"],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        csv,
        "the CLI and the page agree"
    );
    let out = redress(
        &db,
        &["report", "activity", "--year", "2026", "--format", "html"],
        "",
    );
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(html.starts_with("<!doctype html>") && html.contains("activity report 2026"));
    assert!(html.contains("role=\"img\""));
    let out = redress(
        &db,
        &["report", "activity", "--year", "2026", "--format", "pdf"],
        "",
    );
    assert!(out.stdout.starts_with(b"%PDF"));
}
on_both_engines!(r24_r37_the_activity_report_gives_every_figure_exactly);

/// Seed 004 and R13: the webshop's scorecard over the same data set, its chart with a table,
/// how the score is made, too few cases showing no score, and the company's reply.
async fn r13_a_company_scorecard_counts_answers_verdicts_and_compliance(app: TestApp) {
    let set = known_data_set(&app).await;
    let res = app
        .client
        .get(format!("/api/v1/companies/{}/scorecard", set.webshop_id))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let card: Value = res.into_json().await.unwrap();
    let f = &card["figures"];
    assert_eq!(
        f["received"], 5,
        "the refused case never reached the company"
    );
    assert_eq!(f["answered"], 4);
    assert!(close_to(&f["answer_rate"], 80.0));
    assert!(close_to(&f["median_answer_hours"], 36.0));
    assert_eq!(f["quick_answers"], 4);
    // Two verdicts, a silence and a refusal to take part: silence is never resolved.
    assert_eq!(
        (f["judged"].clone(), f["resolved"].clone()),
        (json!(4), json!(1))
    );
    assert!(close_to(&f["resolved_rate"], 25.0));
    assert!(close_to(&f["satisfaction"], 3.5));
    assert!(close_to(&f["compliance_rate"], 100.0));
    // (50 × 25 + 35 × 80 + 15 × 100 + 10 × 100) / 110 = 59.5
    assert_eq!(card["score"], 60);
    let march = card["trend"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == "2026-03")
        .unwrap();
    assert_eq!(
        (
            march["received"].clone(),
            march["answered"].clone(),
            march["resolved"].clone()
        ),
        (json!(5), json!(4), json!(1))
    );
    assert_eq!(card["trend"].as_array().unwrap().len(), 12);

    let res = app
        .client
        .get(format!("/api/v1/companies/{}/scorecard", set.airline_id))
        .dispatch()
        .await;
    let airline: Value = res.into_json().await.unwrap();
    assert_eq!(airline["figures"]["received"], 0);
    assert!(airline["score"].is_null(), "too few cases: no score");

    let (status, html) = page(&app, &format!("/companies/{}", set.webshop_id)).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<strong>60</strong> out of 100"), "{html}");
    assert!(html.contains("role=\"img\"") && html.contains("<th scope=\"row\">2026-03</th>"));
    assert!(html.contains("Silence never counts as resolved"));
    let (_, html) = page(&app, &format!("/companies/{}", set.airline_id)).await;
    assert!(html.contains("No score yet"));
    let (status, _) = page(&app, "/companies/999999").await;
    assert_eq!(status, Status::NotFound);

    // The webshop replies; an insult is refused; another company may not reply for it.
    let rep = app.token("service@webshop.example").await;
    let path = format!("/api/v1/companies/{}/reply", set.webshop_id);
    let (status, body) = app
        .post_json(&path, Some(&rep), json!({"reply": "You idiot"}))
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    let reply = "We answer every case within two days. Write to care@webshop.example.";
    let (status, body) = app
        .post_json(&path, Some(&rep), json!({ "reply": reply }))
        .await;
    assert_eq!(status, Status::Ok);
    assert!(
        !body["reply"]
            .as_str()
            .unwrap()
            .contains("care@webshop.example"),
        "contact details are redacted like public complaints"
    );
    let other = app.token("desk@skyhop.example").await;
    let (status, _) = app
        .post_json(&path, Some(&other), json!({"reply": "Not ours."}))
        .await;
    assert_eq!(status, Status::NotFound);
    let (_, html) = page(&app, &format!("/companies/{}", set.webshop_id)).await;
    assert!(html.contains("We answer every case within two days."));
}
on_both_engines!(r13_a_company_scorecard_counts_answers_verdicts_and_compliance);

/// The staff dashboard over the same data set: cases by state, the overdue review, each
/// neutral's caseload and the time per stage.
async fn the_staff_dashboard_shows_states_overdue_items_caseloads_and_stage_times(app: TestApp) {
    let set = known_data_set(&app).await;
    let staff = app.token("staff@example.eu").await;
    let (status, d) = app.get_as("/api/v1/dashboard", &staff).await;
    assert_eq!(status, Status::Ok, "{d}");
    let state = |s: &str| {
        d["by_status"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == s)
            .unwrap()["cases"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        [
            state("submitted"),
            state("settled"),
            state("lapsed"),
            state("refused"),
            state("withdrawn"),
            state("closed")
        ],
        [1, 2, 2, 1, 1, 1]
    );
    assert_eq!(d["open_cases"], 1);
    let overdue = d["overdue"].as_array().unwrap();
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert_eq!(overdue[0]["reference"], set.cases[6].to_string());
    assert_eq!(overdue[0]["kind"], "completeness_check");
    assert_eq!(d["caseloads"][0]["name"], "mediator");
    assert_eq!(d["caseloads"][0]["open_cases"], 0);
    let stage = |name: &str| {
        d["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["stage"] == name)
            .unwrap()
            .clone()
    };
    // Forwarded on day 0; outcomes on days 9, 9, 30, 2 and 3.
    assert_eq!(stage("procedure")["cases"], 5);
    assert!(close_to(&stage("procedure")["mean_days"], 10.6));
    // Case 4: refused on day 1, closed on day 5.
    assert_eq!(stage("closing")["cases"], 1);
    assert!(close_to(&stage("closing")["mean_days"], 4.0));
    let consumer = app.token("anna@example.eu").await;
    let (status, _) = app.get_as("/api/v1/dashboard", &consumer).await;
    assert_eq!(status, Status::Forbidden);

    log_in(&app, "staff@example.eu").await;
    let (status, html) = page(&app, "/staff").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains(&set.cases[6].to_string()) && html.contains("completeness_check"));
    assert!(html.contains("Open cases by state"));
}
on_both_engines!(the_staff_dashboard_shows_states_overdue_items_caseloads_and_stage_times);

/// R24: a neutral records training on the account page; dates ahead and other roles are
/// refused.
#[rocket::async_test]
async fn r24_neutrals_record_their_training() {
    let app = TestApp::sqlite().await;
    let _cast = app.cast().await;
    let csrf = log_in(&app, "mediator@example.eu").await;
    let (status, location, _) = submit(
        &app,
        "/account/training",
        &[
            ("csrf", &csrf),
            ("completed_on", "2026-02-27"),
            ("hours", "1,5"),
            ("title", "Online mediation"),
            ("provider", "ADR Academy"),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_deref()),
        (Status::SeeOther, Some("/account"))
    );
    let (_, html) = page(&app, "/account").await;
    assert!(
        html.contains("Online mediation") && html.contains("1.5"),
        "{html}"
    );
    let neutral = app.token("mediator@example.eu").await;
    let (_, list) = app.get_as("/api/v1/me/training", &neutral).await;
    assert_eq!(list[0]["minutes"], 90);
    let ahead =
        json!({"completed_on": "2026-12-01", "minutes": 60, "title": "Later", "provider": "Them"});
    let (status, body) = app
        .post_json("/api/v1/me/training", Some(&neutral), ahead)
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body["error"]["fields"]["completed_on"].is_array());
    let consumer = app.token("anna@example.eu").await;
    let (status, _) = app.get_as("/api/v1/me/training", &consumer).await;
    assert_eq!(status, Status::Forbidden);
}
