//! Telling the parties (R3: on a durable medium). Called by `dossier::record` inside the
//! transaction that stores a step's events, so each notice exists exactly when its step does.
//! The consumer side is the consumer and their representatives; the company side is the
//! company's active representatives and those named on the case, or, while it has none, the
//! company's complaint address, which also receives a claim link when the case is accepted.
use super::users::{CompanyChoice, NewUser, insert_user};
use super::{Error, Result, welcome};
use crate::clock::format_utc;
use crate::domain::dossier::{DeadlineKind, Event, Side};
use crate::domain::money::format_amount;
use crate::mail::{self, Mail};
use crate::policy::Role;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use entity::{case_parties, cases, companies, company_members, users};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

/// Someone a notice goes to.
struct Recipient {
    email: String,
    language: String,
    user_id: Option<i64>,
    /// The party they receive the mail for; their replies go to that party's reply address.
    side: Option<Side>,
}

/// The same people, receiving for `side`.
fn for_side(mut people: Vec<Recipient>, side: Side) -> Vec<Recipient> {
    for p in &mut people {
        p.side = Some(side);
    }
    people
}

/// Where `side`'s replies about `case` go: an address with the case's HMAC token (R3).
pub fn reply_address(state: &AppState, case: &cases::Model, side: Side) -> String {
    mail::reply::address(
        &state.reply_key(),
        &state.config.mail_domain(),
        &case.reference,
        side,
    )
}

pub async fn events<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
    events: &[Event],
    now: DateTime<Utc>,
) -> Result<()> {
    let (company, base) = company_and_base(state, conn, case).await?;
    let filed = events.iter().any(|e| matches!(e, Event::Filed { .. }));
    for event in events {
        match event {
            Event::Filed { .. } => {
                let missing = events.iter().find_map(|e| match e {
                    Event::MarkedIncomplete { missing } => Some(missing.clone()),
                    _ => None,
                });
                let data = with(
                    &base,
                    json!({ "missing": missing, "channel": case.channel }),
                );
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "case_filed",
                    data,
                    now,
                )
                .await?;
            }
            Event::MarkedIncomplete { missing } if !filed => {
                let data = with(&base, json!({ "missing": missing }));
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "case_incomplete",
                    data,
                    now,
                )
                .await?;
            }
            Event::Completed => {
                let data = with(
                    &base,
                    json!({ "admissibility_days": admissibility_days(state, case) }),
                );
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "case_complete",
                    data.clone(),
                    now,
                )
                .await?;
                let company_side = company_side(state, conn, case, &company, now, false).await?;
                send(
                    state,
                    conn,
                    case,
                    company_side,
                    "case_complete_company",
                    data,
                    now,
                )
                .await?;
            }
            Event::Accepted => {
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "case_accepted",
                    base.clone(),
                    now,
                )
                .await?;
                let data = with(
                    &base,
                    json!({
                        "summary": case.summary,
                        "claim": format_amount(case.amount_claimed_cents, &case.currency),
                        "desired_outcome": case.desired_outcome,
                        "token": case.reply_token,
                        "answer_working_days": answer_days(state, case),
                    }),
                );
                let to = company_side(state, conn, case, &company, now, true).await?;
                for r in to {
                    queue(
                        state,
                        conn,
                        case,
                        &r,
                        "case_company_notice",
                        data.clone(),
                        None,
                        now,
                    )
                    .await?;
                }
            }
            Event::Refused { ground, reasons } => {
                let data = with(
                    &base,
                    json!({ "ground_key": ground.as_str(), "reasons": reasons }),
                );
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "case_refused",
                    data.clone(),
                    now,
                )
                .await?;
                let company_side = company_side(state, conn, case, &company, now, false).await?;
                send(state, conn, case, company_side, "case_refused", data, now).await?;
            }
            Event::CompanyJoined | Event::CompanyDeclined { .. } => {
                let (joined, reasons) = match event {
                    Event::CompanyDeclined { reasons } => (false, reasons.clone()),
                    _ => (true, String::new()),
                };
                let data = with(&base, json!({ "joined": joined, "reasons": reasons }));
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "company_answered",
                    data,
                    now,
                )
                .await?;
            }
            Event::MessagePosted {
                author,
                author_id,
                internal: false,
                body,
                ..
            } => {
                let data = with(&base, json!({ "author": author.as_str(), "body": body }));
                let mut to = everyone_but(state, conn, case, &company, *author_id, now).await?;
                // Written from a mailbox without an account: its own side needs no copy.
                if author_id.is_none() {
                    to.retain(|r| r.side.is_none_or(|s| s.as_str() != author.as_str()));
                }
                send(state, conn, case, to, "case_message", data, now).await?;
            }
            Event::DocumentAdded {
                author,
                author_id,
                document,
            } => {
                let data = with(
                    &base,
                    json!({ "author": author.as_str(), "file_name": document.file_name, "sha256": document.sha256 }),
                );
                let to = everyone_but(state, conn, case, &company, *author_id, now).await?;
                send(state, conn, case, to, "case_document", data, now).await?;
            }
            Event::BundleProposed { .. } => {
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "bundle_proposed",
                    base.clone(),
                    now,
                )
                .await?;
            }
            Event::TimeRequested { side, reason } => {
                let data = notice(
                    &base,
                    "time_requested",
                    json!({ "side": side, "reason": reason }),
                );
                let to = live_users(conn, case.neutral_id.into_iter().collect()).await?;
                send(state, conn, case, to, "case_update", data, now).await?;
            }
            Event::NeutralAssigned { neutral_id } => {
                let data = notice(&base, "neutral_assigned", json!({}));
                let to = live_users(conn, vec![*neutral_id]).await?;
                send(state, conn, case, to, "case_update", data, now).await?;
            }
            Event::IndependenceDeclared { .. }
            | Event::RoundOpened { .. }
            | Event::ProposalMade { .. }
            | Event::Agreed { .. }
            | Event::ConsentRevoked { .. }
            | Event::Settled { .. }
            | Event::NotSettled { .. }
            | Event::Withdrawn { .. }
            | Event::OutcomeExtended { .. }
            | Event::ReviewAnswered { .. }
            | Event::RoundDeadlineChanged { .. }
            | Event::ConflictDisclosed { .. }
            | Event::NeutralObjected { .. }
            | Event::Escalated { .. }
            | Event::BlindBiddingOpened
            | Event::BlindBiddingEnded { .. }
            | Event::Reopened { .. }
            | Event::Closed { .. } => {
                let Some((key, facts)) = update_notice(event) else {
                    continue;
                };
                let data = notice(&base, key, facts);
                let to = everyone_but(state, conn, case, &company, None, now).await?;
                send(state, conn, case, to, "case_update", data, now).await?;
                if matches!(event, Event::Closed { .. }) {
                    let to = consumer_side(conn, case).await?;
                    send(state, conn, case, to, "feedback_request", base.clone(), now).await?;
                }
            }
            Event::ComplianceAsked => {
                let data = notice(&base, "compliance_asked", json!({}));
                let to = consumer_side(conn, case).await?;
                send(state, conn, case, to, "case_update", data, now).await?;
            }
            Event::Lapsed { reason } => {
                let lapse_key = match reason.as_str() {
                    crate::domain::dossier::TRADER_DECLINED => Some("trader_declined"),
                    crate::domain::dossier::TRADER_SILENT => Some("trader_silent"),
                    _ => None,
                };
                let data = with(&base, json!({ "reason": reason, "lapse_key": lapse_key }));
                send(
                    state,
                    conn,
                    case,
                    consumer_side(conn, case).await?,
                    "case_lapsed",
                    data.clone(),
                    now,
                )
                .await?;
                let company_side = company_side(state, conn, case, &company, now, false).await?;
                send(state, conn, case, company_side, "case_lapsed", data, now).await?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// The case's company, and what every notice about the case says: reference, company,
/// entity, and the links to the case and the portal.
async fn company_and_base<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
) -> Result<(companies::Model, Value)> {
    let company = companies::Entity::find_by_id(case.company_id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound)?;
    let base = json!({
        "reference": case.reference,
        "company": company.name,
        "entity": state.policies.entity.name,
        "link": state.config.link(&format!("/cases/{}", case.reference)),
        "portal": state.config.link("/"),
    });
    Ok((company, base))
}

/// Both sides and the neutral, except the one who acted. The company hears of the thread only
/// once the case was accepted and it was brought in.
async fn everyone_but<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
    company: &companies::Model,
    author: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<Recipient>> {
    let mut to = consumer_side(conn, case).await?;
    if !matches!(
        case.status.as_str(),
        "submitted" | "incomplete" | "complete"
    ) {
        to.extend(company_side(state, conn, case, company, now, false).await?);
    }
    if let Some(neutral) = case.neutral_id {
        to.extend(live_users(conn, vec![neutral]).await?);
    }
    to.retain(|r| r.user_id.is_none() || r.user_id != author);
    Ok(to)
}

/// Which notice of `templates/mail/<language>/notices.toml` tells of a mediation step, and
/// the facts it reads; the words are chosen per reader's language when the mail is queued.
fn update_notice(event: &Event) -> Option<(&'static str, Value)> {
    let day = |t: &DateTime<Utc>| format_utc(*t);
    Some(match event {
        Event::IndependenceDeclared { .. } => ("independence_declared", json!({})),
        Event::RoundOpened { number, deadline } => (
            "round_opened",
            json!({ "number": number, "deadline": day(deadline) }),
        ),
        Event::ProposalMade {
            number,
            author,
            amount_cents,
            currency,
            terms,
            performance_days,
            ..
        } => (
            "proposal_made",
            json!({
                "number": number, "side": author, "amount_cents": amount_cents,
                "currency": currency, "terms": terms, "days": performance_days,
            }),
        ),
        Event::Agreed {
            number,
            reflection_ends_at,
        } => (
            "agreed",
            json!({ "number": number, "until": day(reflection_ends_at) }),
        ),
        Event::ConsentRevoked { side, reason } => {
            ("consent_revoked", json!({ "side": side, "reason": reason }))
        }
        Event::Settled { number } => ("settled", json!({ "number": number })),
        Event::NotSettled { reasons } => ("not_settled", json!({ "reasons": reasons })),
        Event::Withdrawn { side, reason } => {
            ("withdrawn", json!({ "side": side, "reason": reason }))
        }
        Event::OutcomeExtended { until, reasons } => (
            "outcome_extended",
            json!({ "until": day(until), "reasons": reasons }),
        ),
        Event::RoundDeadlineChanged { number, deadline } => (
            "round_deadline_changed",
            json!({ "number": number, "deadline": day(deadline) }),
        ),
        Event::ReviewAnswered { answer } => ("review_answered", json!({ "answer": answer })),
        Event::ConflictDisclosed { circumstances, .. } => (
            "conflict_disclosed",
            json!({ "circumstances": circumstances }),
        ),
        Event::NeutralObjected { side, .. } => ("neutral_objected", json!({ "side": side })),
        Event::Escalated { reason, .. } => ("escalated", json!({ "reason": reason })),
        Event::BlindBiddingOpened => ("blind_bidding_opened", json!({})),
        Event::BlindBiddingEnded { matched: true } => ("blind_bidding_matched", json!({})),
        Event::BlindBiddingEnded { matched: false } => ("blind_bidding_failed", json!({})),
        Event::Reopened { reason } => ("reopened", json!({ "reason": reason })),
        Event::Closed { outcome, reasons } => {
            ("closed", json!({ "outcome": outcome, "reasons": reasons }))
        }
        _ => return None,
    })
}

/// A `case_update` mail's data: the case's facts and which notice tells them.
fn notice(base: &Value, key: &str, facts: Value) -> Value {
    let mut data = with(base, facts);
    if let Some(map) = data.as_object_mut() {
        map.insert("notice".into(), Value::String(key.to_string()));
    }
    data
}

/// A reminder before `kind` falls due: to those who must act by then.
pub async fn reminder<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
    kind: DeadlineKind,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (company, base) = company_and_base(state, conn, case).await?;
    let neutral = || async { live_users(conn, case.neutral_id.into_iter().collect()).await };
    let (to, key) = match kind {
        DeadlineKind::Round => (
            everyone_but(state, conn, case, &company, case.neutral_id, now).await?,
            "reminder_round",
        ),
        DeadlineKind::CompanyAnswer => (
            company_side(state, conn, case, &company, now, false).await?,
            "reminder_company_answer",
        ),
        DeadlineKind::Reflection => (
            everyone_but(state, conn, case, &company, case.neutral_id, now).await?,
            "reminder_reflection",
        ),
        DeadlineKind::Outcome => (neutral().await?, "reminder_outcome"),
        DeadlineKind::Objection => (
            everyone_but(state, conn, case, &company, case.neutral_id, now).await?,
            "reminder_objection",
        ),
        DeadlineKind::Performance => (
            company_side(state, conn, case, &company, now, false).await?,
            "reminder_performance",
        ),
        // Completeness and admissibility are staff's own work, shown in the triage queue.
        DeadlineKind::CompletenessCheck | DeadlineKind::Admissibility => return Ok(()),
    };
    let data = notice(&base, key, json!({ "when": format_utc(due_at) }));
    send(state, conn, case, to, "case_update", data, now).await
}

fn with(base: &Value, extra: Value) -> Value {
    let mut data = base.clone();
    if let (Some(data), Value::Object(extra)) = (data.as_object_mut(), extra) {
        data.extend(extra);
    }
    data
}

fn admissibility_days(state: &AppState, case: &cases::Model) -> u32 {
    state
        .policies
        .procedure(&case.policy_id, &case.policy_version)
        .map(|p| p.deadlines.admissibility_days)
        .unwrap_or(21)
}

fn answer_days(state: &AppState, case: &cases::Model) -> u32 {
    state
        .policies
        .procedure(&case.policy_id, &case.policy_version)
        .map(|p| p.deadlines.company_answer_working_days)
        .unwrap_or(20)
}

async fn send<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
    to: Vec<Recipient>,
    kind: &str,
    data: Value,
    now: DateTime<Utc>,
) -> Result<()> {
    for r in to {
        queue(state, conn, case, &r, kind, data.clone(), None, now).await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn queue<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
    r: &Recipient,
    kind: &str,
    data: Value,
    reply_to: Option<String>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mail = Mail {
        kind,
        to: &r.email,
        language: &r.language,
        user_id: r.user_id,
        case_id: Some(case.id),
        reply_to: reply_to.or_else(|| r.side.map(|s| reply_address(state, case, s))),
        data,
        attachment: None,
        party_side: r.side.map(|s| s.as_str()),
    };
    mail::enqueue(conn, state, mail, now)
        .await
        .map_err(|e| Error::Internal(e.into()))
}

fn recipient(user: users::Model) -> Recipient {
    Recipient {
        email: user.email,
        language: user.language,
        user_id: Some(user.id),
        side: None,
    }
}

/// The consumer and the representatives named for the consumer side.
async fn consumer_side<C: ConnectionTrait>(
    conn: &C,
    case: &cases::Model,
) -> Result<Vec<Recipient>> {
    let mut ids = vec![case.consumer_id];
    ids.extend(named_representatives(conn, case, "consumer").await?);
    Ok(for_side(live_users(conn, ids).await?, Side::Consumer))
}

/// The company's representatives who can log in and those named on the case. With nobody
/// there, the complaint address; when `claim` is set (the case was accepted), that address
/// also gets an invitation to become the company's representative.
async fn company_side<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
    company: &companies::Model,
    now: DateTime<Utc>,
    claim: bool,
) -> Result<Vec<Recipient>> {
    let mut ids: Vec<i64> = company_members::Entity::find()
        .filter(company_members::Column::CompanyId.eq(company.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    ids.extend(named_representatives(conn, case, "company").await?);
    let people = live_users(conn, ids).await?;
    if !people.is_empty() {
        return Ok(for_side(people, Side::Company));
    }
    let Some(address) = company.complaint_email.clone() else {
        return Ok(Vec::new());
    };
    if claim {
        claim_link(state, conn, company, &address, &case.language, now).await?;
    }
    Ok(vec![Recipient {
        email: address,
        language: case.language.clone(),
        user_id: None,
        side: Some(Side::Company),
    }])
}

/// Invites the complaint address to represent the company, unless it already has an account.
async fn claim_link<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    company: &companies::Model,
    address: &str,
    language: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let existing = users::Entity::find()
        .filter(users::Column::Email.eq(address.trim().to_lowercase()))
        .one(conn)
        .await?;
    match existing {
        Some(user) if user.role == Role::Company.as_str() && user.erased_at.is_none() => {
            if super::accounts::join_company(conn, company.id, user.id, now).await? {
                welcome::membership(state, conn, &user, company.id, now).await?;
            }
            Ok(())
        }
        // An address in use by another kind of account gets the notice without a claim link.
        Some(_) => Ok(()),
        None => {
            let new = NewUser {
                email: address.to_string(),
                name: company.name.clone(),
                role: Role::Company,
                language: language.to_string(),
                password: None,
                company: Some(CompanyChoice::Existing(company.id)),
                neutral: None,
                self_registered: false,
            };
            insert_user(state, conn, new, None, "system")
                .await
                .map(|_| ())
        }
    }
}

async fn named_representatives<C: ConnectionTrait>(
    conn: &C,
    case: &cases::Model,
    side: &str,
) -> Result<Vec<i64>> {
    Ok(case_parties::Entity::find()
        .filter(case_parties::Column::CaseId.eq(case.id))
        .filter(case_parties::Column::Capacity.eq("representative"))
        .filter(case_parties::Column::Side.eq(side))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|p| p.user_id)
        .collect())
}

/// The accounts among `ids` that can log in (not erased, invitation accepted).
async fn live_users<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> Result<Vec<Recipient>> {
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .filter(users::Column::ErasedAt.is_null())
        .filter(users::Column::PasswordHash.ne(""))
        .all(conn)
        .await?
        .into_iter()
        .map(recipient)
        .collect())
}

/// R20: both sides and the neutral receive a case's signed record, as a PDF attached to the
/// mail (a durable medium), with where to check it.
pub async fn record_issued<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    case: &cases::Model,
    kind: &str,
    attachment: (String, String),
    now: DateTime<Utc>,
) -> Result<()> {
    let (company, base) = company_and_base(state, conn, case).await?;
    let facts = json!({ "kind": kind, "verify_url": state.config.link("/verify") });
    let data = notice(&base, "record_issued", facts);
    for r in everyone_but(state, conn, case, &company, None, now).await? {
        let mail = Mail {
            kind: "case_update",
            to: &r.email,
            language: &r.language,
            user_id: r.user_id,
            case_id: Some(case.id),
            reply_to: r.side.map(|s| reply_address(state, case, s)),
            data: data.clone(),
            attachment: Some(attachment.clone()),
            party_side: r.side.map(|s| s.as_str()),
        };
        mail::enqueue(conn, state, mail, now)
            .await
            .map_err(|e| Error::Internal(e.into()))?;
    }
    Ok(())
}
