//! Dossiers change only through the state machine, each change with its audit entry, and
//! deadlines fire from the injected clock.
use crate::common::TestApp;
use crate::on_both_engines;
use chrono::Duration;
use entity::{audit_entries, case_events, cases, deadlines, proposals, rounds};
use redress::audit;
use redress::domain::dossier::{Command, DeadlineKind, ProposalTerms, Rejection, Remedy};
use redress::jobs::run_once;
use redress::services::dossier::execute;
use redress::services::{Caller, Error};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

async fn case_row(
    app: &TestApp,
    reference: &redress::domain::reference::CaseReference,
) -> cases::Model {
    cases::Entity::find()
        .filter(cases::Column::Reference.eq(reference.to_string()))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

async fn open_deadline(
    app: &TestApp,
    case_id: i64,
    kind: DeadlineKind,
) -> Option<deadlines::Model> {
    deadlines::Entity::find()
        .filter(deadlines::Column::CaseId.eq(case_id))
        .filter(deadlines::Column::Kind.eq(kind.as_str()))
        .filter(deadlines::Column::FiredAt.is_null())
        .filter(deadlines::Column::CancelledAt.is_null())
        .one(&app.state.db)
        .await
        .unwrap()
}

fn offer(cents: i64, counter_to: Option<u32>) -> Command {
    Command::Propose(ProposalTerms {
        amount_cents: cents,
        currency: "EUR".into(),
        remedies: vec![Remedy::Refund, Remedy::Apology],
        terms: "Refund by bank transfer".into(),
        performance_days: 14,
        counter_to,
        notices_acknowledged: true,
    })
}

/// R1: a filed case gets a reference of the year, records its procedure, and is tracked.
async fn r1_a_filed_case_gets_a_yearly_reference_and_its_procedure(app: TestApp) {
    let cast = app.cast().await;
    let first = app.file(&cast).await;
    let second = app.file(&cast).await;
    assert_eq!(first.to_string(), "RD-2026-000001");
    assert_eq!(second.to_string(), "RD-2026-000002");
    let row = case_row(&app, &first).await;
    assert_eq!(row.status, "submitted");
    assert_eq!(
        (row.policy_id.as_str(), row.policy_version.as_str()),
        ("eu-default", "2026.1")
    );
    assert_eq!(row.version, 1);
    let entry = audit_entries::Entity::find()
        .filter(audit_entries::Column::CaseId.eq(row.id))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("filing is in the audit log");
    assert_eq!(entry.action, "case.file");
    assert_eq!(entry.policy, "eu-default@2026.1");
    assert_eq!(entry.rule, "consumer.file");
    assert!(audit::verify(&app.state.db).await.unwrap().intact());
}
on_both_engines!(r1_a_filed_case_gets_a_yearly_reference_and_its_procedure);

/// The whole procedure with the clock moved by days: file, complete, accept, the company
/// joins, assignment and declaration, offers and a counter-offer, agreement, seven days of
/// reflection (R17), settled by the scheduler, closed with grounds (R20), audit intact (R26).
async fn the_journey_from_filing_to_a_closed_settlement(app: TestApp) {
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let neutral_id = cast.id(&cast.neutral);
    app.run(
        &r,
        &cast.staff,
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await;
    app.run(&r, &cast.staff, Command::AcceptCase).await;
    app.clock.advance_days(2);
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
            neutral_id,
            facts: Default::default(),
        },
    )
    .await;
    app.run(&r, &cast.neutral, Command::DeclareIndependence)
        .await;
    app.run(&r, &cast.neutral, Command::OpenRound { deadline: None })
        .await;
    app.clock.advance_days(1);
    app.run(&r, &cast.company, offer(30_000, None)).await;
    app.run(&r, &cast.consumer, offer(60_000, Some(1))).await;
    app.run(&r, &cast.neutral, Command::OpenRound { deadline: None })
        .await;
    app.run(&r, &cast.neutral, offer(45_000, None)).await;
    app.run(
        &r,
        &cast.consumer,
        Command::AcceptProposal {
            number: 3,
            notices_acknowledged: true,
        },
    )
    .await;
    let done = app
        .run(
            &r,
            &cast.company,
            Command::AcceptProposal {
                number: 3,
                notices_acknowledged: true,
            },
        )
        .await;
    assert_eq!(done.case.status, "agreed");

    app.clock.advance_days(6);
    run_once(&app.state).await.unwrap();
    assert_eq!(
        case_row(&app, &r).await.status,
        "agreed",
        "still reflecting on day 6"
    );
    app.clock.advance_days(2);
    let pass = run_once(&app.state).await.unwrap();
    assert_eq!(pass.fired, 1);
    let row = case_row(&app, &r).await;
    assert_eq!(
        (row.status.as_str(), row.outcome.as_deref()),
        ("settled", Some("settled"))
    );
    assert!(
        open_deadline(&app, row.id, DeadlineKind::Outcome)
            .await
            .is_none(),
        "a settled case has no running clock"
    );

    app.run(
        &r,
        &cast.neutral,
        Command::Close {
            reasons: "Settled at EUR 450 with an apology.".into(),
        },
    )
    .await;
    let row = case_row(&app, &r).await;
    assert_eq!(row.status, "closed");

    let proposals = proposals::Entity::find()
        .filter(proposals::Column::CaseId.eq(row.id))
        .order_by_asc(proposals::Column::Number)
        .all(&app.state.db)
        .await
        .unwrap();
    let statuses: Vec<_> = proposals
        .iter()
        .map(|p| (p.side.as_str(), p.status.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("company", "superseded"),
            ("consumer", "superseded"),
            ("neutral", "settled")
        ]
    );
    assert_eq!(proposals[1].counter_to, Some(1));
    let rounds = rounds::Entity::find()
        .filter(rounds::Column::CaseId.eq(row.id))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(rounds, 2);
    let automated = audit_entries::Entity::find()
        .filter(audit_entries::Column::CaseId.eq(row.id))
        .filter(audit_entries::Column::Automated.eq(true))
        .all(&app.state.db)
        .await
        .unwrap();
    let actions: Vec<&str> = automated.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["case.deadline", "record.issue"],
        "the settlement by the scheduler and the signed record are marked automated (R34)"
    );
    assert_eq!(automated[0].action, "case.deadline");
    let report = audit::verify(&app.state.db).await.unwrap();
    assert!(report.intact(), "{:?}", report.problem);
}
on_both_engines!(the_journey_from_filing_to_a_closed_settlement);

/// R9: the trader has 20 working days to say whether it takes part; silence lapses the
/// case with that reason, and the deadline fires only once.
async fn r9_trader_silence_lapses_the_case_after_20_working_days(app: TestApp) {
    let cast = app.cast().await;
    let r = app.accepted_case(&cast).await;
    let id = case_row(&app, &r).await.id;
    let due = open_deadline(&app, id, DeadlineKind::CompanyAnswer)
        .await
        .expect("a company-answer deadline")
        .due_at;
    assert_eq!(
        due,
        app.clock_now() + Duration::days(28),
        "20 working days from a Monday are 4 weeks"
    );

    app.clock.advance_days(27);
    assert_eq!(run_once(&app.state).await.unwrap().fired, 0);
    assert_eq!(case_row(&app, &r).await.status, "accepted");
    app.clock.advance_days(1);
    assert_eq!(run_once(&app.state).await.unwrap().fired, 1);
    let row = case_row(&app, &r).await;
    assert_eq!(row.status, "lapsed");
    let lapse = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(id))
        .filter(case_events::Column::Kind.eq("lapsed"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(lapse.payload.contains("trader did not reply"));
    assert_eq!(
        run_once(&app.state).await.unwrap().fired,
        0,
        "a deadline fires at most once"
    );
}
on_both_engines!(r9_trader_silence_lapses_the_case_after_20_working_days);

/// R6, R8: the complete file starts a three-week admissibility clock; overdue is flagged.
async fn r8_an_overdue_admissibility_decision_is_flagged_to_staff(app: TestApp) {
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    app.clock.advance_days(1);
    app.run(
        &r,
        &cast.staff,
        Command::ReviewCompleteness { missing: vec![] },
    )
    .await;
    let row = case_row(&app, &r).await;
    assert_eq!(row.complete_at, Some(app.clock_now()));
    assert_eq!(
        row.outcome_due_at,
        Some(app.clock_now() + Duration::days(90))
    );
    let admissibility = open_deadline(&app, row.id, DeadlineKind::Admissibility)
        .await
        .unwrap();
    assert_eq!(admissibility.due_at, app.clock_now() + Duration::days(21));
    app.clock.advance_days(22);
    run_once(&app.state).await.unwrap();
    let missed = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(row.id))
        .filter(case_events::Column::Kind.eq("deadline_missed"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(missed, 1);
    assert_eq!(
        case_row(&app, &r).await.status,
        "complete",
        "flagged, not decided"
    );
}
on_both_engines!(r8_an_overdue_admissibility_decision_is_flagged_to_staff);

/// R30: a case is invisible to strangers (404), and a role without a rule is refused (403).
async fn r30_strangers_cannot_see_or_change_a_case(app: TestApp) {
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let stranger = app
        .user(redress::policy::Role::Consumer, "eve@example.eu", None)
        .await;
    let withdraw = Command::Withdraw {
        reason: "I want to end it".into(),
    };
    assert!(matches!(
        execute(&app.state, &r, &stranger, withdraw.clone()).await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        execute(&app.state, &r, &cast.staff, withdraw).await,
        Err(Error::Forbidden(_))
    ));
    let nothing: redress::domain::reference::CaseReference = "RD-2026-009999".parse().unwrap();
    assert!(matches!(
        execute(&app.state, &nothing, &cast.staff, Command::AcceptCase).await,
        Err(Error::NotFound)
    ));
    assert_eq!(case_row(&app, &r).await.version, 1, "nothing changed");
}
on_both_engines!(r30_strangers_cannot_see_or_change_a_case);

/// Many commands at once on several dossiers never fork the audit chain, and two racing
/// withdrawals of one case leave exactly one withdrawal.
async fn concurrent_commands_keep_one_chain_and_one_outcome(app: TestApp) {
    let cast = app.cast().await;
    let mut refs = Vec::new();
    for _ in 0..6 {
        refs.push(app.file(&cast).await);
    }
    let mut tasks = Vec::new();
    for r in refs.clone() {
        let (state, staff) = (app.state.clone(), cast.staff.clone());
        tasks.push(tokio::spawn(async move {
            execute(
                &state,
                &r,
                &staff,
                Command::ReviewCompleteness { missing: vec![] },
            )
            .await
            .map(|_| ())
        }));
    }
    for _ in 0..2 {
        let (state, consumer, r) = (app.state.clone(), cast.consumer.clone(), refs[0]);
        tasks.push(tokio::spawn(async move {
            execute(
                &state,
                &r,
                &consumer,
                Command::Withdraw {
                    reason: "Settled privately".into(),
                },
            )
            .await
            .map(|_| ())
        }));
    }
    let results: Vec<_> = futures::future::join_all(tasks)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    let refused: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(refused.len() <= 2, "{refused:?}");
    for e in &refused {
        assert!(
            matches!(e, Error::Rejected(Rejection::WrongState { .. })),
            "only state conflicts: {e:?}"
        );
    }
    let id = case_row(&app, &refs[0]).await.id;
    let withdrawals = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(id))
        .filter(case_events::Column::Kind.eq("withdrawn"))
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(withdrawals, 1);
    let report = audit::verify(&app.state.db).await.unwrap();
    assert!(report.intact(), "{:?}", report.problem);
    let entries = audit_entries::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(report.entries, entries);
    assert_eq!(
        report.head_seq as u64, entries,
        "sequence numbers have no gaps"
    );
}
on_both_engines!(concurrent_commands_keep_one_chain_and_one_outcome);

/// The system actor only acts through the scheduler: a user cannot fire a deadline.
#[tokio::test]
async fn users_cannot_pretend_to_be_the_scheduler() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    let r = app.file(&cast).await;
    let fire = Command::DeadlinePassed {
        kind: DeadlineKind::CompletenessCheck,
    };
    assert!(matches!(
        execute(&app.state, &r, &cast.consumer, fire.clone()).await,
        Err(Error::Forbidden(_))
    ));
    assert!(execute(&app.state, &r, &Caller::System, fire).await.is_ok());
}
