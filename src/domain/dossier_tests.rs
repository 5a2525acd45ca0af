//! Every allowed and every refused transition of the dossier state machine.
use super::*;
use crate::policy::procedure::ProcedurePolicy;
use chrono::TimeZone;
use std::path::Path;

fn policy(name: &str) -> ProcedurePolicy {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("policies/procedures/{name}.toml"));
    ProcedurePolicy::load(&file).expect("shipped policy loads")
}

fn eu() -> ProcedurePolicy {
    policy("eu-default")
}

fn t0() -> DateTime<Utc> {
    // A Monday with no holiday near it.
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

const NEUTRAL: i64 = 7;

fn actor(role: Role, relation: Relation, id: i64) -> Actor {
    Actor {
        role,
        user_id: Some(id),
        relation,
    }
}
fn consumer() -> Actor {
    actor(Role::Consumer, Relation::OwnCase, 1)
}
fn company() -> Actor {
    actor(Role::Company, Relation::OwnCompany, 2)
}
fn neutral() -> Actor {
    actor(Role::Neutral, Relation::AssignedNeutral, NEUTRAL)
}
fn staff() -> Actor {
    actor(Role::Staff, Relation::None, 3)
}

/// Decides and applies, as the service does; panics with the rejection if refused.
fn step(
    d: &mut Dossier,
    cmd: Command,
    who: &Actor,
    now: DateTime<Utc>,
    p: &ProcedurePolicy,
) -> Vec<Event> {
    let events = decide(d, &cmd, who, now, p).unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"));
    for e in &events {
        d.apply(e, now);
    }
    d.version += 1;
    events
}

fn filed(p: &ProcedurePolicy, missing: &[String]) -> Dossier {
    let mut d = Dossier::new();
    for e in decide_filing("web", missing, None, &consumer(), t0(), p).unwrap() {
        d.apply(&e, t0());
    }
    d
}

fn terms(ack: bool) -> ProposalTerms {
    ProposalTerms {
        amount_cents: 12_500,
        currency: "EUR".into(),
        remedies: vec![Remedy::Refund],
        terms: "Refund of the delivery costs".into(),
        performance_days: 14,
        counter_to: None,
        notices_acknowledged: ack,
    }
}

/// A dossier brought to `negotiating` the lawful way, with round 1 open.
fn negotiating(p: &ProcedurePolicy) -> Dossier {
    let mut d = filed(p, &[]);
    step(
        &mut d,
        Command::ReviewCompleteness { missing: vec![] },
        &staff(),
        t0(),
        p,
    );
    step(&mut d, Command::AcceptCase, &staff(), t0(), p);
    step(
        &mut d,
        Command::AnswerParticipation {
            takes_part: true,
            reasons: String::new(),
        },
        &company(),
        t0(),
        p,
    );
    step(
        &mut d,
        Command::Assign {
            neutral_id: NEUTRAL,
            facts: Default::default(),
        },
        &staff(),
        t0(),
        p,
    );
    step(&mut d, Command::DeclareIndependence, &neutral(), t0(), p);
    step(
        &mut d,
        Command::OpenRound { deadline: None },
        &neutral(),
        t0(),
        p,
    );
    d
}

/// A dossier in the given status, with plausible fields for it.
fn in_status(status: Status) -> Dossier {
    let mut d = Dossier::new();
    d.status = status;
    d.complete_at = Some(t0());
    d.outcome_due_at = Some(t0() + Duration::days(90));
    if matches!(
        status,
        Status::Assigned | Status::Negotiating | Status::Agreed
    ) {
        d.neutral_id = Some(NEUTRAL);
        d.neutral_declared = status != Status::Assigned;
    }
    if matches!(status, Status::Negotiating | Status::Agreed) {
        d.company_joined_at = Some(t0());
        d.round_number = 1;
        d.proposals_made = 1;
        d.standing_proposal = Some(1);
        d.company_accepted = Some(1);
    }
    if status == Status::Agreed {
        d.consumer_accepted = Some(1);
        d.reflection_ends_at = Some(t0() + Duration::days(7));
    }
    // The parties are being asked about a disclosure, so they may answer it.
    d.procedure.disclosure_pending = status == Status::Assigned;
    if matches!(status, Status::Settled | Status::Closed) {
        d.outcome = Some(Status::Settled);
    }
    d
}

fn every_command() -> Vec<(Command, Actor)> {
    let reasons = || "Reasons given in full".to_string();
    vec![
        (Command::SupplyInformation(supplied()), consumer()),
        (Command::ReviewCompleteness { missing: vec![] }, staff()),
        (Command::AcceptCase, staff()),
        (
            Command::RefuseCase {
                ground: RefusalGround::FrivolousOrVexatious,
                reasons: reasons(),
            },
            staff(),
        ),
        (
            Command::AnswerParticipation {
                takes_part: true,
                reasons: String::new(),
            },
            company(),
        ),
        (
            Command::Assign {
                neutral_id: 99,
                facts: Default::default(),
            },
            staff(),
        ),
        (Command::DeclareIndependence, neutral()),
        (
            Command::Disclose {
                circumstances: "I advised the company's parent ten years ago.".into(),
            },
            neutral(),
        ),
        (
            Command::AnswerDisclosure {
                object: false,
                reason: String::new(),
            },
            consumer(),
        ),
        (
            Command::ConsentToBlindBidding {
                notices_acknowledged: true,
            },
            consumer(),
        ),
        (
            Command::SubmitBlindLimit {
                amount_cents: 10_000,
                salt: "5a17".into(),
            },
            consumer(),
        ),
        (
            Command::ReportCompliance {
                complied: true,
                comment: String::new(),
            },
            consumer(),
        ),
        (Command::Recuse { reasons: reasons() }, neutral()),
        (Command::OpenRound { deadline: None }, neutral()),
        (Command::Propose(terms(true)), consumer()),
        (
            Command::AcceptProposal {
                number: 1,
                notices_acknowledged: true,
            },
            consumer(),
        ),
        (
            Command::RejectProposal {
                number: 1,
                reason: reasons(),
            },
            consumer(),
        ),
        (Command::RevokeConsent { reason: reasons() }, consumer()),
        (
            Command::EndWithoutSettlement { reasons: reasons() },
            neutral(),
        ),
        (Command::Withdraw { reason: reasons() }, consumer()),
        (Command::AppointRepresentative { user_id: 77 }, consumer()),
        (Command::ProposeBundle { bundle_id: 5 }, staff()),
        (
            Command::AskForTime {
                reason: "I am waiting for the repairer's report.".into(),
            },
            consumer(),
        ),
        (
            Command::RequestReview {
                reason: "The lapse was wrong: we did answer.".into(),
            },
            company(),
        ),
        (
            Command::GiveFeedback {
                resolved: true,
                rating: 4,
                comment: String::new(),
            },
            consumer(),
        ),
        (
            Command::AnswerBundle {
                bundle_id: 5,
                consent: true,
            },
            consumer(),
        ),
        (
            Command::PostMessage {
                body: "Any news?".into(),
                internal: false,
                by_email: false,
            },
            consumer(),
        ),
        (
            Command::ExtendOutcome {
                until: t0() + Duration::days(120),
                reasons: reasons(),
            },
            neutral(),
        ),
        (Command::Close { reasons: reasons() }, staff()),
        (Command::Archive, Actor::system()),
    ]
}

/// The statuses in which each command may run (by its action name in the access policy).
fn allowed_in(cmd: &Command) -> Vec<Status> {
    use Status::*;
    match cmd {
        Command::SupplyInformation(_) => vec![Incomplete],
        Command::ReviewCompleteness { .. } => vec![Submitted, Incomplete],
        Command::AcceptCase | Command::RefuseCase { .. } => vec![Complete],
        Command::AnswerParticipation { .. } => vec![Accepted, Assigned],
        Command::Assign { .. } => vec![Accepted, Assigned],
        Command::DeclareIndependence
        | Command::Disclose { .. }
        | Command::AnswerDisclosure { .. } => vec![Assigned],
        Command::ConsentToBlindBidding { .. } | Command::SubmitBlindLimit { .. } => {
            vec![Negotiating]
        }
        Command::ReportCompliance { .. } => vec![Settled, Closed],
        Command::Recuse { .. } | Command::EndWithoutSettlement { .. } => {
            vec![Assigned, Negotiating]
        }
        Command::OpenRound { .. } => vec![Assigned, Negotiating],
        Command::Propose(_) | Command::AcceptProposal { .. } | Command::RejectProposal { .. } => {
            vec![Negotiating]
        }
        Command::RevokeConsent { .. } => vec![Agreed],
        // Moderation depends on the publication state, not on the procedure's.
        Command::Moderate { .. } => Status::ALL.to_vec(),
        Command::ChangeRoundDeadline { .. } | Command::AskForTime { .. } => vec![Negotiating],
        Command::RequestReview { .. } => Status::ALL
            .iter()
            .copied()
            .filter(|s| *s != Archived)
            .collect(),
        // Answerable whenever a request waits, whatever the procedure's state.
        Command::AnswerReview { .. } => Status::ALL.to_vec(),
        Command::GiveFeedback { .. } => Status::ALL
            .iter()
            .copied()
            .filter(|s| !s.is_open())
            .collect(),
        Command::PostMessage { .. } | Command::AddDocument(_) => Status::ALL
            .iter()
            .copied()
            .filter(|s| !matches!(s, Closed | Archived))
            .collect(),
        Command::Withdraw { .. }
        | Command::AppointRepresentative { .. }
        | Command::ProposeBundle { .. }
        | Command::AnswerBundle { .. } => vec![
            Submitted,
            Incomplete,
            Complete,
            Accepted,
            Assigned,
            Negotiating,
            Agreed,
        ],
        Command::ExtendOutcome { .. } => vec![Assigned, Negotiating, Agreed],
        Command::Close { .. } => vec![Refused, Settled, NotSettled, Withdrawn, Lapsed],
        Command::Archive => vec![Closed],
        Command::DeadlinePassed { .. } => Status::ALL.to_vec(),
    }
}

#[test]
fn every_command_runs_in_exactly_the_states_it_belongs_to() {
    let p = eu();
    for (cmd, who) in every_command() {
        let allowed = allowed_in(&cmd);
        for status in Status::ALL {
            let result = decide(
                &in_status(*status),
                &cmd,
                &who,
                t0() + Duration::days(1),
                &p,
            );
            let state_refused = matches!(result, Err(Rejection::WrongState { .. }));
            assert_eq!(
                state_refused,
                !allowed.contains(status),
                "{cmd:?} in {status}: got {result:?}"
            );
        }
    }
}

#[test]
fn the_journey_from_filing_to_archive_applies_every_step() {
    let p = eu();
    let mut d = negotiating(&p);
    assert_eq!(d.status, Status::Negotiating);
    step(&mut d, Command::Propose(terms(true)), &company(), t0(), &p);
    let counter = ProposalTerms {
        amount_cents: 20_000,
        counter_to: Some(1),
        ..terms(true)
    };
    step(&mut d, Command::Propose(counter), &consumer(), t0(), &p);
    assert_eq!(d.standing_proposal, Some(2));
    assert_eq!(
        d.consumer_accepted,
        Some(2),
        "an offer binds the one who makes it"
    );
    step(
        &mut d,
        Command::AcceptProposal {
            number: 2,
            notices_acknowledged: true,
        },
        &company(),
        t0(),
        &p,
    );
    assert_eq!(d.status, Status::Agreed);
    let day8 = t0() + Duration::days(8);
    step(
        &mut d,
        Command::DeadlinePassed {
            kind: DeadlineKind::Reflection,
        },
        &Actor::system(),
        day8,
        &p,
    );
    assert_eq!(d.status, Status::Settled);
    assert_eq!(d.settled_at, Some(day8));
    step(
        &mut d,
        Command::Close {
            reasons: "Settled by agreement of both parties".into(),
        },
        &neutral(),
        day8,
        &p,
    );
    assert_eq!(
        (d.status, d.outcome),
        (Status::Closed, Some(Status::Settled))
    );
    step(&mut d, Command::Archive, &Actor::system(), day8, &p);
    assert_eq!(d.status, Status::Archived);
}

#[test]
fn r6_a_complete_file_starts_the_clocks_and_an_incomplete_one_says_what_is_missing() {
    let p = eu();
    let missing = vec!["prior complaint date".to_string()];
    let mut d = filed(&p, &missing);
    assert_eq!(d.status, Status::Incomplete);
    step(
        &mut d,
        Command::SupplyInformation(supplied()),
        &consumer(),
        t0(),
        &p,
    );
    assert_eq!(d.status, Status::Submitted);
    let later = t0() + Duration::days(2);
    let events = step(
        &mut d,
        Command::ReviewCompleteness { missing: vec![] },
        &staff(),
        later,
        &p,
    );
    assert_eq!(d.status, Status::Complete);
    assert_eq!(d.complete_at, Some(later));
    // R8: 3 weeks for admissibility; R19: 90 days for the outcome.
    assert!(events.contains(&Event::DeadlineSet {
        kind: DeadlineKind::Admissibility,
        due_at: later + Duration::days(21),
        remind_at: Some(later + Duration::days(21) - Duration::hours(48)),
    }));
    assert_eq!(d.outcome_due_at, Some(later + Duration::days(90)));
    assert!(matches!(
        decide(
            &d,
            &Command::SupplyInformation(supplied()),
            &company(),
            later,
            &p
        ),
        Err(Rejection::WrongState { .. })
    ));
}

#[test]
fn r7_a_refusal_needs_a_ground_the_procedure_lists_and_reasons() {
    let belgian = policy("be-consumer-mediation");
    let d = in_status(Status::Complete);
    let refuse = |ground, reasons: &str| Command::RefuseCase {
        ground,
        reasons: reasons.into(),
    };
    assert_eq!(
        decide(
            &d,
            &refuse(
                RefusalGround::ClaimValueOutOfRange,
                "The claim is far too small"
            ),
            &staff(),
            t0(),
            &belgian
        ),
        Err(Rejection::GroundNotAllowed("claim_value_out_of_range"))
    );
    assert!(matches!(
        decide(
            &d,
            &refuse(RefusalGround::FiledTooLate, "late"),
            &staff(),
            t0(),
            &belgian
        ),
        Err(Rejection::Invalid {
            field: "reasons",
            ..
        })
    ));
    let events = decide(
        &d,
        &refuse(
            RefusalGround::FiledTooLate,
            "Filed three years after the complaint",
        ),
        &staff(),
        t0(),
        &belgian,
    )
    .unwrap();
    assert!(matches!(
        events[0],
        Event::Refused {
            ground: RefusalGround::FiledTooLate,
            ..
        }
    ));
}

#[test]
fn r9_trader_silence_for_20_working_days_lapses_the_case() {
    let p = eu();
    let mut d = filed(&p, &[]);
    step(
        &mut d,
        Command::ReviewCompleteness { missing: vec![] },
        &staff(),
        t0(),
        &p,
    );
    let events = step(&mut d, Command::AcceptCase, &staff(), t0(), &p);
    let due = Utc.with_ymd_and_hms(2026, 3, 30, 9, 0, 0).unwrap(); // 20 working days on
    assert!(events.iter().any(|e| matches!(e, Event::DeadlineSet { kind: DeadlineKind::CompanyAnswer, due_at, .. } if *due_at == due)));
    let mut joined = d.clone();
    step(
        &mut d,
        Command::DeadlinePassed {
            kind: DeadlineKind::CompanyAnswer,
        },
        &Actor::system(),
        due,
        &p,
    );
    assert_eq!(d.status, Status::Lapsed);
    assert_eq!(d.outcome, Some(Status::Lapsed));

    step(
        &mut joined,
        Command::AnswerParticipation {
            takes_part: true,
            reasons: String::new(),
        },
        &company(),
        t0(),
        &p,
    );
    let nothing = decide(
        &joined,
        &Command::DeadlinePassed {
            kind: DeadlineKind::CompanyAnswer,
        },
        &Actor::system(),
        due,
        &p,
    );
    assert_eq!(nothing, Ok(vec![]));
    assert_eq!(
        decide(
            &joined,
            &Command::AnswerParticipation {
                takes_part: true,
                reasons: String::new()
            },
            &company(),
            t0(),
            &p
        ),
        Err(Rejection::CompanyAlreadyAnswered)
    );
}

#[test]
fn r9_a_company_that_declines_lapses_the_case_with_its_reasons() {
    let p = eu();
    let d = in_status(Status::Accepted);
    let cmd = Command::AnswerParticipation {
        takes_part: false,
        reasons: "We do not take part in ADR".into(),
    };
    assert_eq!(
        decide(&d, &cmd, &consumer(), t0(), &p),
        Err(Rejection::NotAParty)
    );
    let events = decide(&d, &cmd, &company(), t0(), &p).unwrap();
    assert!(events.iter().any(|e| matches!(e, Event::Lapsed { .. })));
}

#[test]
fn r12_the_neutral_declares_before_working_and_recusal_sends_the_case_back() {
    let p = eu();
    let mut d = in_status(Status::Assigned);
    d.company_joined_at = Some(t0());
    assert_eq!(
        decide(
            &d,
            &Command::OpenRound { deadline: None },
            &neutral(),
            t0(),
            &p
        ),
        Err(Rejection::DeclarationRequired)
    );
    let stranger = actor(Role::Neutral, Relation::None, 8);
    assert_eq!(
        decide(&d, &Command::DeclareIndependence, &stranger, t0(), &p),
        Err(Rejection::NotTheNeutral)
    );
    // Before the declaration staff may still swap the neutral; not to the same one.
    assert_eq!(
        decide(
            &d,
            &Command::Assign {
                neutral_id: NEUTRAL,
                facts: Default::default(),
            },
            &staff(),
            t0(),
            &p
        ),
        Err(Rejection::SameNeutral)
    );
    step(
        &mut d,
        Command::Recuse {
            reasons: "I advised the company last year".into(),
        },
        &neutral(),
        t0(),
        &p,
    );
    assert_eq!((d.status, d.neutral_id), (Status::Accepted, None));
    step(
        &mut d,
        Command::Assign {
            neutral_id: 9,
            facts: Default::default(),
        },
        &staff(),
        t0(),
        &p,
    );
    assert_eq!(
        (d.status, d.neutral_id, d.neutral_declared),
        (Status::Assigned, Some(9), false)
    );
}

#[test]
fn rounds_have_policy_bounded_deadlines_and_a_maximum() {
    let p = eu();
    let mut d = negotiating(&p);
    let too_soon = Some(t0() + Duration::days(1));
    assert!(matches!(
        decide(
            &d,
            &Command::OpenRound { deadline: too_soon },
            &neutral(),
            t0(),
            &p
        ),
        Err(Rejection::Invalid {
            field: "deadline",
            ..
        })
    ));
    for _ in 1..p.rounds.max {
        step(
            &mut d,
            Command::OpenRound { deadline: None },
            &neutral(),
            t0(),
            &p,
        );
    }
    assert_eq!(d.round_number, p.rounds.max);
    assert_eq!(
        decide(
            &d,
            &Command::OpenRound { deadline: None },
            &neutral(),
            t0(),
            &p
        ),
        Err(Rejection::RoundLimit(5))
    );
    // The last round lapsing ends the case without settlement.
    step(
        &mut d,
        Command::DeadlinePassed {
            kind: DeadlineKind::Round,
        },
        &Actor::system(),
        t0() + Duration::days(30),
        &p,
    );
    assert_eq!(d.status, Status::NotSettled);
}

#[test]
fn r16_acceptance_requires_the_notices_and_only_of_the_standing_proposal() {
    let p = eu();
    let mut d = negotiating(&p);
    assert_eq!(
        decide(&d, &Command::Propose(terms(false)), &company(), t0(), &p),
        Err(Rejection::NoticesNotAcknowledged)
    );
    step(&mut d, Command::Propose(terms(true)), &company(), t0(), &p);
    let accept = |n, ack| Command::AcceptProposal {
        number: n,
        notices_acknowledged: ack,
    };
    assert_eq!(
        decide(&d, &accept(1, false), &consumer(), t0(), &p),
        Err(Rejection::NoticesNotAcknowledged)
    );
    assert_eq!(
        decide(&d, &accept(2, true), &consumer(), t0(), &p),
        Err(Rejection::NotStanding(2))
    );
    assert_eq!(
        decide(&d, &accept(1, true), &company(), t0(), &p),
        Err(Rejection::AlreadyAccepted(1))
    );
    assert_eq!(
        decide(&d, &accept(1, true), &staff(), t0(), &p),
        Err(Rejection::NotAParty)
    );
    step(
        &mut d,
        Command::RejectProposal {
            number: 1,
            reason: "Too little".into(),
        },
        &consumer(),
        t0(),
        &p,
    );
    assert_eq!(d.standing_proposal, None);
    assert_eq!(
        decide(&d, &accept(1, true), &consumer(), t0(), &p),
        Err(Rejection::NotStanding(1))
    );
}

#[test]
fn r17_consent_binds_after_seven_days_and_may_be_revoked_before() {
    let p = eu();
    let mut d = negotiating(&p);
    step(&mut d, Command::Propose(terms(true)), &company(), t0(), &p);
    step(
        &mut d,
        Command::AcceptProposal {
            number: 1,
            notices_acknowledged: true,
        },
        &consumer(),
        t0(),
        &p,
    );
    assert_eq!(d.status, Status::Agreed);
    assert_eq!(d.reflection_ends_at, Some(t0() + Duration::days(7)));
    let reflect = Command::DeadlinePassed {
        kind: DeadlineKind::Reflection,
    };
    assert_eq!(
        decide(&d, &reflect, &Actor::system(), t0() + Duration::days(6), &p),
        Ok(vec![])
    );
    assert_eq!(
        decide(&d, &reflect, &consumer(), t0() + Duration::days(8), &p),
        Err(Rejection::NotSystem)
    );

    let mut revoked = d.clone();
    let revoke = Command::RevokeConsent {
        reason: "I changed my mind".into(),
    };
    step(
        &mut revoked,
        revoke.clone(),
        &consumer(),
        t0() + Duration::days(3),
        &p,
    );
    assert_eq!(revoked.status, Status::Negotiating);
    assert_eq!(
        revoked.company_accepted,
        Some(1),
        "the other side's acceptance stands"
    );
    assert_eq!(
        decide(&d, &revoke, &consumer(), t0() + Duration::days(7), &p),
        Err(Rejection::ReflectionOver(t0() + Duration::days(7)))
    );
    step(
        &mut d,
        reflect,
        &Actor::system(),
        t0() + Duration::days(8),
        &p,
    );
    assert_eq!(d.status, Status::Settled);
}

#[test]
fn r15_either_party_withdraws_from_every_open_state() {
    let p = eu();
    let reason = || Command::Withdraw {
        reason: "No longer needed".into(),
    };
    for status in Status::ALL.iter().filter(|s| s.is_open()) {
        for who in [consumer(), company()] {
            let mut d = in_status(*status);
            step(&mut d, reason(), &who, t0(), &p);
            assert_eq!(d.status, Status::Withdrawn);
        }
        assert_eq!(
            decide(&in_status(*status), &reason(), &neutral(), t0(), &p),
            Err(Rejection::NotAParty)
        );
    }
    // Dutch binding advice makes trader participation mandatory: only the consumer may withdraw.
    let dutch = policy("nl-binding-advice");
    assert_eq!(
        decide(
            &in_status(Status::Negotiating),
            &reason(),
            &company(),
            t0(),
            &dutch
        ),
        Err(Rejection::TraderMayNotWithdraw)
    );
}

#[test]
fn r19_the_outcome_deadline_extends_once_with_reasons() {
    let p = eu();
    let mut d = in_status(Status::Negotiating);
    let due = d.outcome_due_at.unwrap();
    let extend = |days, reasons: &str| Command::ExtendOutcome {
        until: due + Duration::days(days),
        reasons: reasons.into(),
    };
    assert!(matches!(
        decide(&d, &extend(30, "complex"), &neutral(), t0(), &p),
        Err(Rejection::Invalid {
            field: "reasons",
            ..
        })
    ));
    assert!(matches!(
        decide(
            &d,
            &extend(91, "Expert report needed"),
            &neutral(),
            t0(),
            &p
        ),
        Err(Rejection::Invalid { field: "until", .. })
    ));
    step(
        &mut d,
        extend(30, "Expert report needed"),
        &neutral(),
        t0(),
        &p,
    );
    assert_eq!(d.outcome_due_at, Some(due + Duration::days(30)));
    assert_eq!(
        decide(
            &d,
            &extend(40, "Expert report needed"),
            &neutral(),
            t0(),
            &p
        ),
        Err(Rejection::AlreadyExtended)
    );
}

#[test]
fn r20_closing_records_the_outcome_with_grounds() {
    let p = eu();
    let d = in_status(Status::Withdrawn);
    assert!(matches!(
        decide(
            &d,
            &Command::Close { reasons: "".into() },
            &staff(),
            t0(),
            &p
        ),
        Err(Rejection::Invalid { .. })
    ));
    let events = decide(
        &d,
        &Command::Close {
            reasons: "The consumer withdrew the case".into(),
        },
        &staff(),
        t0(),
        &p,
    )
    .unwrap();
    assert_eq!(
        events,
        vec![Event::Closed {
            outcome: Status::Withdrawn,
            reasons: "The consumer withdrew the case".into()
        }]
    );
}

#[test]
fn deadlines_that_pass_flag_overdue_steps_and_otherwise_do_nothing() {
    let p = eu();
    let passed = |status, kind| {
        decide(
            &in_status(status),
            &Command::DeadlinePassed { kind },
            &Actor::system(),
            t0(),
            &p,
        )
        .unwrap()
    };
    // R8: an overdue admissibility decision is flagged.
    assert_eq!(
        passed(Status::Complete, DeadlineKind::Admissibility),
        vec![Event::DeadlineMissed {
            kind: DeadlineKind::Admissibility
        }]
    );
    assert_eq!(
        passed(Status::Accepted, DeadlineKind::Admissibility),
        vec![]
    );
    assert_eq!(
        passed(Status::Negotiating, DeadlineKind::Outcome),
        vec![Event::DeadlineMissed {
            kind: DeadlineKind::Outcome
        }]
    );
    assert_eq!(passed(Status::Closed, DeadlineKind::Outcome), vec![]);
    assert_eq!(
        passed(Status::Submitted, DeadlineKind::CompletenessCheck),
        vec![Event::DeadlineMissed {
            kind: DeadlineKind::CompletenessCheck
        }]
    );
}

#[test]
fn events_and_commands_round_trip_through_json() {
    for (cmd, _) in every_command() {
        let json = serde_json::to_string(&cmd).unwrap();
        assert_eq!(serde_json::from_str::<Command>(&json).unwrap(), cmd);
    }
    let e = Event::Refused {
        ground: RefusalGround::HandledElsewhere,
        reasons: "A court has the case".into(),
    };
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(
        json,
        r#"{"event":"refused","ground":"handled_elsewhere","reasons":"A court has the case"}"#
    );
}

fn supplied() -> SuppliedInformation {
    SuppliedInformation {
        prior_complaint: None,
        note: "The order number is 4411.".into(),
    }
}

#[test]
fn r31_a_flagged_public_case_is_held_and_staff_decide_its_publication() {
    let p = eu();
    let mut d = Dossier::new();
    for e in decide_filing("web", &[], Some(2), &consumer(), t0(), &p).unwrap() {
        d.apply(&e, t0());
    }
    assert_eq!(d.moderation, Moderation::Held);
    let refuse = Command::Moderate {
        publish: false,
        reasons: String::new(),
    };
    assert!(matches!(
        decide(&d, &refuse, &staff(), t0(), &p),
        Err(Rejection::Invalid {
            field: "reasons",
            ..
        })
    ));
    step(
        &mut d,
        Command::Moderate {
            publish: true,
            reasons: String::new(),
        },
        &staff(),
        t0(),
        &p,
    );
    assert_eq!(d.moderation, Moderation::Published);

    let mut private = Dossier::new();
    for e in decide_filing("web", &[], None, &consumer(), t0(), &p).unwrap() {
        private.apply(&e, t0());
    }
    assert_eq!(private.moderation, Moderation::None);
    assert_eq!(
        decide(&private, &refuse, &staff(), t0(), &p),
        Err(Rejection::NothingToModerate)
    );
}

fn assigned(p: &ProcedurePolicy) -> Dossier {
    let mut d = negotiating(p);
    d.status = Status::Assigned;
    d.neutral_declared = false;
    d.round_number = 0;
    d
}

fn disclose() -> Command {
    Command::Disclose {
        circumstances: "I advised the company's parent ten years ago.".into(),
    }
}

fn no_objection() -> Command {
    Command::AnswerDisclosure {
        object: false,
        reason: String::new(),
    }
}

#[test]
fn r12_a_disclosure_asks_the_parties_and_silence_or_two_yeses_let_the_neutral_go_on() {
    let p = eu();
    let mut d = assigned(&p);
    let events = step(&mut d, disclose(), &neutral(), t0(), &p);
    assert!(events.iter().any(|e| matches!(
        e,
        Event::DeadlineSet {
            kind: DeadlineKind::Objection,
            ..
        }
    )));
    assert_eq!(
        decide(&d, &Command::DeclareIndependence, &neutral(), t0(), &p),
        Err(Rejection::DisclosurePending)
    );
    step(&mut d, no_objection(), &consumer(), t0(), &p);
    assert_eq!(
        decide(&d, &no_objection(), &consumer(), t0(), &p),
        Err(Rejection::AlreadyAnswered)
    );
    assert!(!d.neutral_declared);
    step(&mut d, no_objection(), &company(), t0(), &p);
    assert!(d.neutral_declared && !d.procedure.disclosure_pending);

    // Nobody answers: at the deadline silence counts as consent.
    let mut quiet = assigned(&p);
    step(&mut quiet, disclose(), &neutral(), t0(), &p);
    let passed = Command::DeadlinePassed {
        kind: DeadlineKind::Objection,
    };
    step(
        &mut quiet,
        passed,
        &Actor::system(),
        t0() + Duration::days(7),
        &p,
    );
    assert!(quiet.neutral_declared);
}

#[test]
fn r12_an_objection_or_a_reassign_policy_sends_the_case_back_for_another_neutral() {
    let p = eu();
    let mut d = assigned(&p);
    step(&mut d, disclose(), &neutral(), t0(), &p);
    let object = Command::AnswerDisclosure {
        object: true,
        reason: "That is too close for me.".into(),
    };
    step(&mut d, object, &consumer(), t0(), &p);
    assert_eq!((d.status, d.neutral_id), (Status::Accepted, None));

    let be = policy("be-consumer-mediation");
    let mut d = assigned(&be);
    let events = step(&mut d, disclose(), &neutral(), t0(), &be);
    assert!(matches!(events[1], Event::NeutralRecused { .. }));
    assert_eq!((d.status, d.neutral_id), (Status::Accepted, None));
}

#[test]
fn r33_the_companys_own_employee_a_declared_conflict_or_a_former_neutral_is_refused() {
    let p = eu();
    let d = in_status(Status::Accepted);
    let assign = |facts: NeutralFacts| Command::Assign {
        neutral_id: 9,
        facts,
    };
    let refused = |facts| decide(&d, &assign(facts), &staff(), t0(), &p);
    assert_eq!(
        refused(NeutralFacts {
            employed_by_company: true,
            ..Default::default()
        }),
        Err(Rejection::EmployedByCompany)
    );
    assert_eq!(
        refused(NeutralFacts {
            declared_conflict: true,
            ..Default::default()
        }),
        Err(Rejection::DeclaredConflict)
    );
    assert_eq!(
        refused(NeutralFacts {
            stepped_down: true,
            ..Default::default()
        }),
        Err(Rejection::SteppedDown)
    );
    // Under the regulated in-house regime the company's own neutral may serve.
    let mut in_house = eu();
    in_house.neutrals.in_house_regime = true;
    let employed = assign(NeutralFacts {
        employed_by_company: true,
        ..Default::default()
    });
    assert!(decide(&d, &employed, &staff(), t0(), &in_house).is_ok());
}

#[test]
fn a_company_silent_for_two_rounds_escalates_the_case_to_an_in_house_lawyer() {
    let p = eu();
    assert_eq!(p.escalation.company_silences, 2);
    let mut d = negotiating(&p);
    let lapse = Command::DeadlinePassed {
        kind: DeadlineKind::Round,
    };
    // Round 1: the consumer offers, the company says nothing.
    step(&mut d, Command::Propose(terms(true)), &consumer(), t0(), &p);
    let events = step(&mut d, lapse.clone(), &Actor::system(), t0(), &p);
    assert_eq!(
        events,
        vec![Event::RoundLapsed {
            number: 1,
            silent: vec![Side::Company]
        }]
    );
    step(
        &mut d,
        Command::OpenRound { deadline: None },
        &neutral(),
        t0(),
        &p,
    );
    let events = step(&mut d, lapse, &Actor::system(), t0(), &p);
    assert!(
        matches!(&events[1], Event::Escalated { rule, .. } if rule == "escalation.company_silences")
    );
    assert_eq!((d.status, d.neutral_id), (Status::Accepted, None));
    assert!(d.procedure.escalated);
    let mediator = Command::Assign {
        neutral_id: 9,
        facts: Default::default(),
    };
    assert_eq!(
        decide(&d, &mediator, &staff(), t0(), &p),
        Err(Rejection::InHouseLawyerRequired)
    );
    let lawyer = Command::Assign {
        neutral_id: 9,
        facts: NeutralFacts {
            in_house_lawyer: true,
            ..Default::default()
        },
    };
    step(&mut d, lawyer, &staff(), t0(), &p);
    assert_eq!(d.status, Status::Assigned);
}

fn consent() -> Command {
    Command::ConsentToBlindBidding {
        notices_acknowledged: true,
    }
}

fn limit(cents: i64) -> Command {
    Command::SubmitBlindLimit {
        amount_cents: cents,
        salt: format!("salt-{cents}"),
    }
}

#[test]
fn blind_limits_that_overlap_agree_at_the_midpoint() {
    let p = eu();
    let mut d = negotiating(&p);
    assert_eq!(
        decide(&d, &limit(40_000), &consumer(), t0(), &p),
        Err(Rejection::BlindBiddingNotOpen)
    );
    assert_eq!(
        decide(
            &d,
            &Command::ConsentToBlindBidding {
                notices_acknowledged: false
            },
            &consumer(),
            t0(),
            &p
        ),
        Err(Rejection::NoticesNotAcknowledged)
    );
    step(&mut d, consent(), &consumer(), t0(), &p);
    step(&mut d, consent(), &company(), t0(), &p);
    assert!(d.procedure.blind.open);
    step(&mut d, limit(40_000), &consumer(), t0(), &p);
    assert_eq!(
        decide(&d, &limit(1), &consumer(), t0(), &p),
        Err(Rejection::AlreadyAnswered)
    );
    let events = step(&mut d, limit(60_000), &company(), t0(), &p);
    let agreed_amount = events.iter().find_map(|e| match e {
        Event::ProposalMade { amount_cents, .. } => Some(*amount_cents),
        _ => None,
    });
    assert_eq!(agreed_amount, Some(50_000));
    assert_eq!(
        d.status,
        Status::Agreed,
        "R17: the reflection period still runs"
    );
    assert!(
        d.procedure.blind.consumer_limit.is_none(),
        "limits are not kept"
    );
}

#[test]
fn blind_limits_too_far_apart_reveal_nothing_and_the_attempts_are_capped() {
    let p = eu();
    let mut d = negotiating(&p);
    for attempt in 1..=p.blind_bidding.attempts {
        step(&mut d, consent(), &consumer(), t0(), &p);
        step(&mut d, consent(), &company(), t0(), &p);
        step(&mut d, limit(80_000), &consumer(), t0(), &p);
        let events = step(&mut d, limit(50_000), &company(), t0(), &p);
        assert_eq!(
            events[1],
            Event::BlindBiddingEnded { matched: false },
            "attempt {attempt}"
        );
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, Event::ProposalMade { .. }))
        );
        assert_eq!(d.status, Status::Negotiating);
    }
    assert_eq!(
        decide(&d, &consent(), &consumer(), t0(), &p),
        Err(Rejection::BlindBiddingExhausted(p.blind_bidding.attempts))
    );
    let be = policy("be-consumer-mediation");
    assert_eq!(
        decide(&negotiating(&be), &consent(), &consumer(), t0(), &be),
        Err(Rejection::BlindBiddingUnavailable)
    );
}

fn settled(p: &ProcedurePolicy) -> Dossier {
    let mut d = negotiating(p);
    step(&mut d, Command::Propose(terms(true)), &company(), t0(), p);
    let accept = Command::AcceptProposal {
        number: 1,
        notices_acknowledged: true,
    };
    step(&mut d, accept, &consumer(), t0(), p);
    let reflection = Command::DeadlinePassed {
        kind: DeadlineKind::Reflection,
    };
    step(
        &mut d,
        reflection,
        &Actor::system(),
        t0() + Duration::days(7),
        p,
    );
    d
}

fn breach() -> Command {
    Command::ReportCompliance {
        complied: false,
        comment: "No refund arrived on my account.".into(),
    }
}

#[test]
fn after_a_settlement_the_company_has_its_performance_days_then_a_no_reopens_the_case() {
    let p = eu();
    let mut d = settled(&p);
    assert_eq!(d.status, Status::Settled);
    // terms(): 14 days to perform, from the day the agreement binds.
    assert_eq!(
        d.procedure.performance_due_at,
        Some(t0() + Duration::days(7 + 14))
    );
    assert!(matches!(
        decide(&d, &breach(), &consumer(), t0() + Duration::days(8), &p),
        Err(Rejection::PerformanceNotDue(_))
    ));
    assert_eq!(
        decide(&d, &breach(), &company(), t0(), &p),
        Err(Rejection::NotAParty)
    );
    let due = Command::DeadlinePassed {
        kind: DeadlineKind::Performance,
    };
    step(&mut d, due, &Actor::system(), t0() + Duration::days(21), &p);
    assert!(d.procedure.compliance_asked);
    step(&mut d, breach(), &consumer(), t0() + Duration::days(22), &p);
    assert_eq!(d.procedure.complied, Some(false));
    assert_eq!((d.status, d.neutral_id), (Status::Assigned, Some(NEUTRAL)));
    assert!(d.neutral_declared, "the same neutral takes it up again");
    // The neutral may open one more round than the procedure's maximum allowed before.
    assert_eq!(d.round_limit(&p), p.rounds.max + 1);
    step(
        &mut d,
        Command::OpenRound { deadline: None },
        &neutral(),
        t0() + Duration::days(22),
        &p,
    );
    assert_eq!(d.status, Status::Negotiating);
}

#[test]
fn under_an_escalating_procedure_a_breach_goes_to_an_in_house_lawyer() {
    let be = policy("be-consumer-mediation");
    let mut d = settled(&be);
    let yes = Command::ReportCompliance {
        complied: true,
        comment: String::new(),
    };
    // A "yes" may come at any time and ends the question.
    let mut kept = d.clone();
    step(
        &mut kept,
        yes.clone(),
        &consumer(),
        t0() + Duration::days(9),
        &be,
    );
    assert_eq!(kept.procedure.complied, Some(true));
    assert!(matches!(
        decide(&kept, &yes, &consumer(), t0(), &be),
        Err(Rejection::WrongState { .. })
    ));
    let due = Command::DeadlinePassed {
        kind: DeadlineKind::Performance,
    };
    step(
        &mut d,
        due,
        &Actor::system(),
        t0() + Duration::days(30),
        &be,
    );
    step(
        &mut d,
        breach(),
        &consumer(),
        t0() + Duration::days(30),
        &be,
    );
    assert_eq!((d.status, d.neutral_id), (Status::Accepted, None));
    assert!(d.procedure.escalated);
}
