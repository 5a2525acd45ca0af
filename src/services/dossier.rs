//! Runs one command against one dossier: load, authorise, decide (pure), then store the new
//! state, the events, their projections and the audit entry in ONE transaction. A concurrent
//! change to the same dossier is caught by its version number and the command is decided
//! again on the fresh state, so two racing commands leave exactly one consistent history.
use super::{Caller, Error, Result};
use crate::audit::{self, NewEntry, canonical_json, combine_hashes, sha256_hex};
use crate::domain::dossier::{
    Actor, Command, DeadlineKind, Dossier, Event, Moderation, Side, Status, decide,
};
use crate::domain::procedure_state::ProcedureState;
use crate::domain::reference::CaseReference;
use crate::domain::report_facts::{ReportFacts, basis};
use crate::policy::{Relation, Role};
use crate::state::AppState;
use anyhow::anyhow;
use chrono::{DateTime, Utc};
use entity::{
    attachments, bundle_members, case_events, case_parties, cases, company_members, deadlines,
    messages, proposals, rounds, users,
};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
};

const ATTEMPTS: usize = 5;

/// What a command did: the dossier row after it, the events, and the audit entry's number.
#[derive(Debug)]
pub struct Executed {
    pub case: cases::Model,
    pub events: Vec<Event>,
    pub audit_seq: Option<i64>,
}

/// Runs `command` on the dossier `reference` for `caller`.
pub async fn execute(
    state: &AppState,
    reference: &CaseReference,
    caller: &Caller,
    command: Command,
) -> Result<Executed> {
    let case = find(state, reference).await?;
    let case_id = case.id;
    run(state, case_id, Some(case), caller, &command, None).await
}

/// Fires one due deadline: decides `DeadlinePassed` and marks the row fired in the same
/// transaction, only if no one fired it first. Returns None when another worker had it.
pub async fn fire_deadline(
    state: &AppState,
    deadline: &deadlines::Model,
) -> Result<Option<Executed>> {
    let (Some(case_id), Some(kind)) = (deadline.case_id, DeadlineKind::parse(&deadline.kind))
    else {
        return Err(Error::Internal(anyhow!(
            "deadline {} has no case or an unknown kind",
            deadline.id
        )));
    };
    match run(
        state,
        case_id,
        None,
        &Caller::System,
        &Command::DeadlinePassed { kind },
        Some(deadline.id),
    )
    .await
    {
        Ok(done) => Ok(Some(done)),
        Err(Error::Conflict(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn find(state: &AppState, reference: &CaseReference) -> Result<cases::Model> {
    cases::Entity::find()
        .filter(cases::Column::Reference.eq(reference.to_string()))
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)
}

/// `loaded` saves a query when the caller has just read the case; retries read it afresh.
async fn run(
    state: &AppState,
    case_id: i64,
    mut loaded: Option<cases::Model>,
    caller: &Caller,
    command: &Command,
    deadline_id: Option<i64>,
) -> Result<Executed> {
    for _ in 0..ATTEMPTS {
        let case = match loaded.take() {
            Some(case) => case,
            None => cases::Entity::find_by_id(case_id)
                .one(&state.db)
                .await?
                .ok_or(Error::NotFound)?,
        };
        let actor = actor_for(&state.db, &case, caller).await?;
        let rule = super::authorize(&state.policies, &actor, command.action())?;
        let policy = state
            .policies
            .procedure(&case.policy_id, &case.policy_version)
            .ok_or_else(|| {
                Error::Internal(anyhow!(
                    "procedure {}@{} is not loaded",
                    case.policy_id,
                    case.policy_version
                ))
            })?;
        let dossier = dossier_of(&case)?;
        let now = state.clock.now();
        let events = decide(&dossier, command, &actor, now, policy)?;

        let txn = state.begin_write().await?;
        if let Some(id) = deadline_id
            && !claim_deadline(&txn, id, now).await?
        {
            txn.rollback().await?;
            return Err(Error::Conflict("the deadline was already handled".into()));
        }
        if events.is_empty() {
            txn.commit().await?;
            return Ok(Executed {
                case,
                events,
                audit_seq: None,
            });
        }
        let mut next = dossier.clone();
        for e in &events {
            next.apply(e, now);
        }
        next.version += 1;
        let updated = cases::Entity::update_many()
            .set(columns(&next, now))
            .filter(cases::Column::Id.eq(case.id))
            .filter(cases::Column::Version.eq(dossier.version))
            .exec(&*txn)
            .await?;
        if updated.rows_affected != 1 {
            // Someone else changed the dossier since we read it: decide again on the new state.
            txn.rollback().await?;
            continue;
        }
        let entry = record(
            state,
            &txn,
            &case,
            next.version,
            &events,
            &actor,
            command.action(),
            &rule,
            &policy.label(),
            now,
        )
        .await?;
        txn.commit().await?;
        if events
            .iter()
            .any(|e| matches!(e, Event::Settled { .. } | Event::Closed { .. }))
            && let Err(e) = super::records::issue(state, case_id).await
        {
            // Stays due: the scheduler tries again on its next pass.
            tracing::warn!(error = %e, "the signed record is not issued yet");
        }
        if case.channel == "referral" && events.iter().any(|e| matches!(e, Event::Accepted)) {
            // The company said it takes part by referring the case.
            if let Err(e) = Box::pin(super::referrals::after_acceptance(state, case_id)).await {
                tracing::warn!(error = %e, "a referred case's participation is not recorded");
            }
        }
        if events.iter().any(|e| matches!(e, Event::Escalated { .. })) {
            // The escalation stands on its own; finding a lawyer is a step of its own.
            if let Err(e) = Box::pin(super::assignment::after_escalation(state, case_id)).await {
                tracing::warn!(error = %e, "no in-house lawyer assigned after an escalation");
            }
        }
        let case = cases::Entity::find_by_id(case_id)
            .one(&state.db)
            .await?
            .ok_or(Error::NotFound)?;
        return Ok(Executed {
            case,
            events,
            audit_seq: Some(entry),
        });
    }
    Err(Error::Conflict(
        "the case is changing too quickly; please try again".into(),
    ))
}

/// Stores events, their projections and the audit entry, inside the caller's transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn record(
    state: &AppState,
    txn: &DatabaseTransaction,
    case: &cases::Model,
    version: i64,
    events: &[Event],
    actor: &Actor,
    action: &str,
    rule: &str,
    policy: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    for event in events {
        project(txn, case.id, event, now).await?;
    }
    // Each event is serialised once: its tag, canonical payload and hash come from that.
    let payloads: Vec<(String, String, String)> = events
        .iter()
        .map(|e| {
            let value = serde_json::to_value(e).unwrap_or_default();
            let kind = value["event"].as_str().unwrap_or_default().to_string();
            let json = String::from_utf8(canonical_json(&value)).unwrap_or_default();
            let hash = sha256_hex(json.as_bytes());
            (kind, json, hash)
        })
        .collect();
    let entry = audit::append(
        txn,
        NewEntry {
            at: now,
            actor: actor.audit_name(),
            case_id: Some(case.id),
            action: action.to_string(),
            policy: policy.to_string(),
            rule: rule.to_string(),
            automated: actor.role == Role::System,
            payload_hash: combine_hashes(payloads.iter().map(|(_, _, h)| h.as_str())),
        },
    )
    .await?;
    let rows = payloads
        .into_iter()
        .map(|(kind, payload, payload_hash)| case_events::ActiveModel {
            id: NotSet,
            case_id: Set(case.id),
            version: Set(version),
            kind: Set(kind),
            payload: Set(payload),
            payload_hash: Set(payload_hash),
            actor: Set(actor.audit_name()),
            at: Set(now),
            audit_seq: Set(entry.seq),
        });
    // The events of one command share the dossier version they produced.
    case_events::Entity::insert_many(rows)
        .exec_without_returning(txn)
        .await?;
    super::notify::events(state, txn, case, events, now).await?;
    super::webhooks::queue_events(txn, case, events, now).await?;
    Ok(entry.seq)
}

/// Marks a deadline fired unless another worker did; true if this call got it.
async fn claim_deadline(txn: &DatabaseTransaction, id: i64, now: DateTime<Utc>) -> Result<bool> {
    let claimed = deadlines::Entity::update_many()
        .col_expr(deadlines::Column::FiredAt, Expr::value(now))
        .filter(deadlines::Column::Id.eq(id))
        .filter(deadlines::Column::FiredAt.is_null())
        .filter(deadlines::Column::CancelledAt.is_null())
        .exec(txn)
        .await?;
    Ok(claimed.rows_affected == 1)
}

/// How the caller stands to this dossier, from the data: the filer, a representative, a
/// member of the respondent company, or the assigned neutral.
pub async fn actor_for<C: ConnectionTrait>(
    conn: &C,
    case: &cases::Model,
    caller: &Caller,
) -> Result<Actor> {
    let (id, role) = match caller {
        Caller::System => return Ok(Actor::system()),
        Caller::User { id, role } => (*id, *role),
        Caller::Mailbox { side } => {
            return Ok(match side {
                Side::Consumer => Actor {
                    role: Role::Consumer,
                    user_id: None,
                    relation: Relation::OwnCase,
                },
                Side::Company => Actor {
                    role: Role::Company,
                    user_id: None,
                    relation: Relation::OwnCompany,
                },
            });
        }
    };
    let relation = if case.consumer_id == id {
        Relation::OwnCase
    } else if case.neutral_id == Some(id) {
        Relation::AssignedNeutral
    } else if company_members::Entity::find()
        .filter(company_members::Column::CompanyId.eq(case.company_id))
        .filter(company_members::Column::UserId.eq(id))
        .count(conn)
        .await?
        > 0
    {
        Relation::OwnCompany
    } else {
        // R5: a representative named on the case acts for their side.
        let side = case_parties::Entity::find()
            .filter(case_parties::Column::CaseId.eq(case.id))
            .filter(case_parties::Column::UserId.eq(id))
            .one(conn)
            .await?
            .map(|p| p.side);
        match side.as_deref() {
            Some("consumer") => Relation::OwnCase,
            Some("company") => Relation::OwnCompany,
            _ => Relation::None,
        }
    };
    Ok(Actor {
        role,
        user_id: Some(id),
        relation,
    })
}

/// The decision-relevant state of a stored dossier.
pub fn dossier_of(case: &cases::Model) -> Result<Dossier> {
    let status = Status::parse(&case.status).ok_or_else(|| {
        Error::Internal(anyhow!(
            "case {} has an unknown status '{}'",
            case.reference,
            case.status
        ))
    })?;
    let outcome = case.outcome.as_deref().and_then(Status::parse);
    let n = |v: i32| u32::try_from(v).unwrap_or(0);
    let on = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok());
    Ok(Dossier {
        status,
        version: case.version,
        neutral_id: case.neutral_id,
        neutral_declared: case.neutral_declared,
        round_number: n(case.round_number),
        proposals_made: n(case.proposals_made),
        standing_proposal: on(case.standing_proposal),
        consumer_accepted: on(case.consumer_accepted),
        company_accepted: on(case.company_accepted),
        complete_at: case.complete_at,
        outcome_due_at: case.outcome_due_at,
        outcome_extended: case.outcome_extended,
        company_joined_at: case.company_joined_at,
        agreed_at: case.agreed_at,
        reflection_ends_at: case.reflection_ends_at,
        settled_at: case.settled_at,
        closed_at: case.closed_at,
        outcome,
        moderation: Moderation::parse(&case.moderation).unwrap_or(Moderation::None),
        feedback_at: case.feedback_at,
        review_requested_at: case.review_requested_at,
        procedure: ProcedureState::from_json(&case.procedure_state),
        facts: ReportFacts {
            filed_at: Some(case.filed_at),
            outcome_seconds: case.outcome_seconds,
            forwarded_at: case.forwarded_at,
            first_answer_at: case.first_answer_at,
            outcome_at: case.outcome_at,
            ended_reason: case.ended_reason.clone(),
            outcome_basis: case.outcome_basis.as_deref().and_then(|b| {
                [basis::AMICABLE, basis::CONSUMER, basis::TRADER]
                    .into_iter()
                    .find(|known| *known == b)
            }),
            feedback_resolved: case.feedback_resolved,
            feedback_rating: case.feedback_rating.and_then(|r| u8::try_from(r).ok()),
            complied: case.complied,
        },
    })
}

/// The columns of the `cases` row that mirror a dossier's state.
pub(crate) fn columns(d: &Dossier, now: DateTime<Utc>) -> cases::ActiveModel {
    let i = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let oi = |v: Option<u32>| v.map(i);
    cases::ActiveModel {
        status: Set(d.status.as_str().to_string()),
        version: Set(d.version),
        neutral_id: Set(d.neutral_id),
        neutral_declared: Set(d.neutral_declared),
        round_number: Set(i(d.round_number)),
        proposals_made: Set(i(d.proposals_made)),
        standing_proposal: Set(oi(d.standing_proposal)),
        consumer_accepted: Set(oi(d.consumer_accepted)),
        company_accepted: Set(oi(d.company_accepted)),
        complete_at: Set(d.complete_at),
        outcome_due_at: Set(d.outcome_due_at),
        outcome_extended: Set(d.outcome_extended),
        company_joined_at: Set(d.company_joined_at),
        agreed_at: Set(d.agreed_at),
        reflection_ends_at: Set(d.reflection_ends_at),
        settled_at: Set(d.settled_at),
        closed_at: Set(d.closed_at),
        outcome: Set(d.outcome.map(|s| s.as_str().to_string())),
        moderation: Set(d.moderation.as_str().to_string()),
        feedback_at: Set(d.feedback_at),
        procedure_state: Set(d.procedure.to_json()),
        review_requested_at: Set(d.review_requested_at),
        forwarded_at: Set(d.facts.forwarded_at),
        first_answer_at: Set(d.facts.first_answer_at),
        outcome_at: Set(d.facts.outcome_at),
        outcome_seconds: Set(d.facts.outcome_seconds),
        ended_reason: Set(d.facts.ended_reason.clone()),
        outcome_basis: Set(d.facts.outcome_basis.map(str::to_string)),
        feedback_resolved: Set(d.facts.feedback_resolved),
        feedback_rating: Set(d.facts.feedback_rating.map(i32::from)),
        complied: Set(d.facts.complied),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// Keeps the side tables (deadlines, rounds, proposals) in step with one event.
async fn project(
    txn: &DatabaseTransaction,
    case_id: i64,
    event: &Event,
    now: DateTime<Utc>,
) -> Result<()> {
    let open_deadlines = || {
        deadlines::Entity::update_many()
            .col_expr(deadlines::Column::CancelledAt, Expr::value(now))
            .filter(deadlines::Column::CaseId.eq(case_id))
            .filter(deadlines::Column::FiredAt.is_null())
            .filter(deadlines::Column::CancelledAt.is_null())
    };
    match event {
        Event::DeadlineSet {
            kind,
            due_at,
            remind_at,
        } => {
            open_deadlines()
                .filter(deadlines::Column::Kind.eq(kind.as_str()))
                .exec(txn)
                .await?;
            deadlines::Entity::insert(deadlines::ActiveModel {
                id: NotSet,
                case_id: Set(Some(case_id)),
                kind: Set(kind.as_str().to_string()),
                due_at: Set(*due_at),
                remind_at: Set(*remind_at),
                reminded_at: Set(None),
                fired_at: Set(None),
                cancelled_at: Set(None),
                created_at: Set(now),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Event::DeadlineCleared { kind } => {
            open_deadlines()
                .filter(deadlines::Column::Kind.eq(kind.as_str()))
                .exec(txn)
                .await?;
        }
        Event::AllDeadlinesCleared => {
            open_deadlines().exec(txn).await?;
        }
        Event::RoundOpened { number, deadline } => {
            close_rounds(txn, case_id, "superseded", now).await?;
            rounds::Entity::insert(rounds::ActiveModel {
                id: NotSet,
                case_id: Set(case_id),
                number: Set(i32::try_from(*number).unwrap_or(i32::MAX)),
                opened_at: Set(now),
                deadline_at: Set(*deadline),
                closed_at: Set(None),
                outcome: Set(None),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Event::RoundLapsed { .. } => close_rounds(txn, case_id, "lapsed", now).await?,
        Event::RoundDeadlineChanged { number, deadline } => {
            rounds::Entity::update_many()
                .col_expr(rounds::Column::DeadlineAt, Expr::value(*deadline))
                .filter(rounds::Column::CaseId.eq(case_id))
                .filter(rounds::Column::Number.eq(i32::try_from(*number).unwrap_or(i32::MAX)))
                .exec(txn)
                .await?;
        }
        Event::Agreed { .. } => close_rounds(txn, case_id, "agreed", now).await?,
        Event::ProposalMade {
            number,
            round,
            author,
            amount_cents,
            currency,
            remedies,
            terms,
            performance_days,
            counter_to,
        } => {
            set_proposal_status(txn, case_id, None, "open", "superseded").await?;
            proposals::Entity::insert(proposals::ActiveModel {
                id: NotSet,
                case_id: Set(case_id),
                number: Set(i32::try_from(*number).unwrap_or(i32::MAX)),
                round_number: Set(i32::try_from(*round).unwrap_or(i32::MAX)),
                author_id: Set(None),
                side: Set(author.as_str().to_string()),
                amount_cents: Set(*amount_cents),
                currency: Set(currency.clone()),
                remedies: Set(serde_json::to_string(remedies).unwrap_or_else(|_| "[]".into())),
                terms: Set(terms.clone()),
                performance_days: Set(i32::try_from(*performance_days).unwrap_or(i32::MAX)),
                counter_to: Set(counter_to.map(|c| i32::try_from(c).unwrap_or(i32::MAX))),
                status: Set("open".into()),
                created_at: Set(now),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Event::ProposalRejected { number, .. } => {
            set_proposal_status(txn, case_id, Some(*number), "open", "rejected").await?;
        }
        Event::Settled { number } => {
            set_proposal_status(txn, case_id, Some(*number), "open", "settled").await?;
            record_due(txn, case_id).await?;
        }
        // A settled case has its record from the settlement; every other outcome gets one
        // when it is closed with its grounds.
        Event::Closed { outcome, .. } if *outcome != Status::Settled => {
            record_due(txn, case_id).await?;
        }
        Event::MessagePosted {
            author,
            author_id,
            internal,
            body,
            by_email,
        } => {
            messages::Entity::insert(messages::ActiveModel {
                id: NotSet,
                case_id: Set(case_id),
                author_id: Set(*author_id),
                side: Set(author.as_str().to_string()),
                body: Set(body.clone()),
                internal: Set(*internal),
                source: Set(if *by_email { "email" } else { "portal" }.into()),
                created_at: Set(now),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Event::DocumentAdded {
            author_id,
            document,
            ..
        } => {
            attachments::Entity::insert(attachments::ActiveModel {
                id: NotSet,
                case_id: Set(case_id),
                message_id: Set(None),
                uploaded_by: Set(*author_id),
                file_name: Set(document.file_name.clone()),
                content_type: Set(document.content_type.clone()),
                size: Set(document.size),
                sha256: Set(document.sha256.clone()),
                storage_key: Set(document.sha256.clone()),
                created_at: Set(now),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Event::BundleProposed { bundle_id } => {
            bundle_members::Entity::insert(bundle_members::ActiveModel {
                bundle_id: Set(*bundle_id),
                case_id: Set(case_id),
                proposed_at: Set(now),
                consented_at: Set(None),
                declined_at: Set(None),
            })
            .exec_without_returning(txn)
            .await?;
        }
        Event::BundleAnswered { bundle_id, consent } => {
            let column = if *consent {
                bundle_members::Column::ConsentedAt
            } else {
                bundle_members::Column::DeclinedAt
            };
            bundle_members::Entity::update_many()
                .col_expr(column, Expr::value(now))
                .filter(bundle_members::Column::BundleId.eq(*bundle_id))
                .filter(bundle_members::Column::CaseId.eq(case_id))
                .exec(txn)
                .await?;
        }
        Event::InformationSupplied(info) => {
            if let Some(prior) = &info.prior_complaint {
                cases::Entity::update_many()
                    .col_expr(cases::Column::PriorComplaintOn, Expr::value(prior.on))
                    .col_expr(
                        cases::Column::PriorComplaintChannel,
                        Expr::value(prior.channel.clone()),
                    )
                    .col_expr(
                        cases::Column::PriorComplaintReference,
                        Expr::value(prior.reference.clone()),
                    )
                    .filter(cases::Column::Id.eq(case_id))
                    .exec(txn)
                    .await?;
            }
        }
        Event::RepresentativeAppointed { side, user_id } => {
            let user = users::Entity::find_by_id(*user_id)
                .one(txn)
                .await?
                .ok_or(Error::NotFound)?;
            case_parties::Entity::insert(case_parties::ActiveModel {
                id: NotSet,
                case_id: Set(case_id),
                user_id: Set(Some(user.id)),
                side: Set(side.as_str().to_string()),
                capacity: Set("representative".into()),
                name: Set(user.name),
                email: Set(Some(user.email)),
                created_at: Set(now),
            })
            .exec_without_returning(txn)
            .await?;
        }
        _ => {}
    }
    Ok(())
}

/// R20, R27: the case's signed record is to be issued (`services::records`).
async fn record_due(txn: &DatabaseTransaction, case_id: i64) -> Result<()> {
    cases::Entity::update_many()
        .col_expr(cases::Column::RecordDue, Expr::value(true))
        .filter(cases::Column::Id.eq(case_id))
        .exec(txn)
        .await?;
    Ok(())
}

async fn close_rounds(
    txn: &DatabaseTransaction,
    case_id: i64,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    rounds::Entity::update_many()
        .col_expr(rounds::Column::ClosedAt, Expr::value(now))
        .col_expr(rounds::Column::Outcome, Expr::value(outcome))
        .filter(rounds::Column::CaseId.eq(case_id))
        .filter(rounds::Column::ClosedAt.is_null())
        .exec(txn)
        .await?;
    Ok(())
}

async fn set_proposal_status(
    txn: &DatabaseTransaction,
    case_id: i64,
    number: Option<u32>,
    from: &str,
    to: &str,
) -> Result<()> {
    let mut q = proposals::Entity::update_many()
        .col_expr(proposals::Column::Status, Expr::value(to))
        .filter(proposals::Column::CaseId.eq(case_id))
        .filter(proposals::Column::Status.eq(from));
    if let Some(n) = number {
        q = q.filter(proposals::Column::Number.eq(i32::try_from(n).unwrap_or(i32::MAX)));
    }
    q.exec(txn).await?;
    Ok(())
}
