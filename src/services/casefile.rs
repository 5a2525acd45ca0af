//! The portable case file (R3, durable medium): everything a party may see of their case —
//! parties, claim, dates, deadlines, messages, documents with their hashes, proposals and every
//! step — as JSON and as one PDF, so the file outlives the portal.
use super::views::{self, CaseFile};
use super::{Caller, Result};
use crate::clock::format_utc as day;
use crate::domain::money::format_amount as money;
use crate::domain::reference::CaseReference;
use crate::pdf::TextDocument;
use crate::state::AppState;

use entity::users;
use sea_orm::EntityTrait;
use serde_json::{Value, json};

/// The case file as `caller` may see it, in both forms.
pub struct Export {
    pub reference: String,
    pub json: Value,
    pub pdf: Vec<u8>,
}

pub async fn export(
    state: &AppState,
    reference: &CaseReference,
    caller: &Caller,
) -> Result<Export> {
    let file = views::case_file(state, reference, caller).await?;
    let consumer = name_of(state, Some(file.case.consumer_id)).await?;
    let neutral = name_of(state, file.case.neutral_id).await?;
    let json = as_json(state, &file, &consumer, &neutral);
    let pdf = as_pdf(state, &file, &consumer, &neutral);
    Ok(Export {
        reference: file.case.reference,
        json,
        pdf,
    })
}

async fn name_of(state: &AppState, id: Option<i64>) -> Result<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    Ok(users::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .map(|u| u.name))
}

fn as_json(
    state: &AppState,
    f: &CaseFile,
    consumer: &Option<String>,
    neutral: &Option<String>,
) -> Value {
    let c = &f.case;
    json!({
        "exported_at": state.clock.now(),
        "entity": state.policies.entity.name,
        "reference": c.reference, "status": c.status, "case_type": c.case_type, "channel": c.channel,
        "language": c.language, "procedure": format!("{}@{}", c.policy_id, c.policy_version),
        "parties": {
            "consumer": consumer, "company": f.company.name, "neutral": neutral,
            "representatives": f.representatives.iter().map(|p| json!({"side": p.side, "name": p.name})).collect::<Vec<_>>(),
        },
        "claim": {"amount_cents": c.amount_claimed_cents, "currency": c.currency, "desired_outcome": c.desired_outcome},
        "summary": c.summary,
        "prior_complaint": {"on": c.prior_complaint_on, "channel": c.prior_complaint_channel, "reference": c.prior_complaint_reference},
        "dates": {
            "filed_at": c.filed_at, "complete_at": c.complete_at, "outcome_due_at": c.outcome_due_at,
            "company_joined_at": c.company_joined_at, "agreed_at": c.agreed_at, "settled_at": c.settled_at,
            "closed_at": c.closed_at,
        },
        "outcome": c.outcome,
        "deadlines": f.deadlines.iter().map(|d| json!({"kind": d.kind, "due_at": d.due_at})).collect::<Vec<_>>(),
        "proposals": f.proposals.iter().map(|p| json!({
            "number": p.number, "round": p.round_number, "side": p.side, "amount_cents": p.amount_cents,
            "currency": p.currency, "remedies": p.remedies, "terms": p.terms,
            "performance_days": p.performance_days, "status": p.status, "made_at": p.created_at,
        })).collect::<Vec<_>>(),
        "messages": f.messages.iter().map(|m| json!({
            "author": m.side, "internal": m.internal, "body": m.body, "at": m.created_at,
        })).collect::<Vec<_>>(),
        "documents": f.documents.iter().map(|d| json!({
            "file_name": d.file_name, "content_type": d.content_type, "size": d.size, "sha256": d.sha256, "added_at": d.created_at,
        })).collect::<Vec<_>>(),
        "timeline": f.events.iter().map(|e| json!({
            "version": e.version, "at": e.at, "kind": e.kind, "actor": e.actor,
            "details": serde_json::from_str::<Value>(&e.payload).unwrap_or(Value::Null),
            "sha256": e.payload_hash,
        })).collect::<Vec<_>>(),
    })
}

fn as_pdf(
    state: &AppState,
    f: &CaseFile,
    consumer: &Option<String>,
    neutral: &Option<String>,
) -> Vec<u8> {
    let c = &f.case;
    let mut doc = TextDocument::new(&format!("Case file {}", c.reference));
    doc.field("Dispute resolution body", &state.policies.entity.name)
        .field("Exported", &day(state.clock.now()))
        .field("Status", &c.status)
        .field(
            "Procedure",
            &format!("{} {}", c.policy_id, c.policy_version),
        );
    doc.heading("Parties")
        .field("Consumer", consumer.as_deref().unwrap_or("-"))
        .field("Company", &f.company.name)
        .field("Neutral", neutral.as_deref().unwrap_or("not assigned"));
    for p in &f.representatives {
        doc.field(&format!("Representative ({} side)", p.side), &p.name);
    }
    doc.heading("Claim")
        .field("Amount", &money(c.amount_claimed_cents, &c.currency))
        .field("Desired outcome", &c.desired_outcome)
        .field("Kind", &c.case_type);
    doc.heading("What happened").paragraph(&c.summary);
    if let Some(on) = c.prior_complaint_on {
        let channel = c.prior_complaint_channel.as_deref().unwrap_or("-");
        let reference = c
            .prior_complaint_reference
            .as_deref()
            .unwrap_or("no reference");
        doc.field(
            "Complaint to the company",
            &format!("{on} by {channel} ({reference})"),
        );
    }
    doc.heading("Dates").field("Filed", &day(c.filed_at));
    for (label, at) in [
        ("File complete", c.complete_at),
        ("Company joined", c.company_joined_at),
        ("Outcome due", c.outcome_due_at),
        ("Agreed", c.agreed_at),
        ("Settled", c.settled_at),
        ("Closed", c.closed_at),
    ] {
        if let Some(at) = at {
            doc.field(label, &day(at));
        }
    }
    for d in &f.deadlines {
        doc.field(
            &format!("Deadline: {}", d.kind.replace('_', " ")),
            &day(d.due_at),
        );
    }
    if !f.proposals.is_empty() {
        doc.heading("Proposals");
        for p in &f.proposals {
            doc.paragraph(&format!(
                "No. {} (round {}, by the {} side, {}): {}; perform within {} days. {}",
                p.number,
                p.round_number,
                p.side,
                p.status,
                money(p.amount_cents, &p.currency),
                p.performance_days,
                p.terms
            ));
        }
    }
    doc.heading("Messages");
    if f.messages.is_empty() {
        doc.paragraph("None.");
    }
    for m in &f.messages {
        let note = if m.internal { ", internal note" } else { "" };
        doc.field(
            &format!("{} ({}{note})", day(m.created_at), m.side),
            &m.body,
        );
    }
    doc.heading("Documents");
    if f.documents.is_empty() {
        doc.paragraph("None.");
    }
    for d in &f.documents {
        doc.paragraph(&format!(
            "{} ({}, {} bytes, added {}), SHA-256 {}",
            d.file_name,
            d.content_type,
            d.size,
            day(d.created_at),
            d.sha256
        ));
    }
    doc.heading("Every step");
    for e in &f.events {
        doc.paragraph(&format!(
            "{}  {}  ({})",
            day(e.at),
            e.kind.replace('_', " "),
            e.actor
        ));
    }
    doc.render()
}
