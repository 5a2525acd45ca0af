//! Issuing and checking signed records (R20, R21, R23, R27). When a case is settled, or ends
//! with another outcome, the step marks it `record_due`; right after, and in every scheduler
//! pass until it succeeds, Redress builds the canonical record, signs it, renders the sealed
//! PDF, stores both, logs the issue in the audit log and mails the PDF to both parties.
use super::dossier::dossier_of;
use super::{Error, Result, keys, notify, transparency};
use crate::audit::merkle::{from_hex, to_hex};
use crate::audit::{self, NewEntry};
use crate::clock::format_rfc3339;
use crate::domain::reference::CaseReference;
use crate::records::texts::Texts;
use crate::records::{
    self, AuditAnchor, Company, Dates, FORMAT, Invalid, KnownKey, Neutral, Record, Representative,
    SignedRecord, Terms, document,
};
use crate::state::AppState;
use anyhow::anyhow;
use entity::{
    audit_entries, case_events, case_parties, cases, companies, neutral_profiles, proposals,
    settlements, signing_keys, users,
};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use std::collections::HashMap;

/// Issues every record that is due; returns how many were issued. A case whose record
/// cannot be issued yet (no signing key) stays due and is tried again next time.
pub async fn issue_due(state: &AppState) -> Result<usize> {
    let due: Vec<i64> = cases::Entity::find()
        .select_only()
        .column(cases::Column::Id)
        .filter(cases::Column::RecordDue.eq(true))
        .order_by_asc(cases::Column::Id)
        .limit(100)
        .into_tuple()
        .all(&state.db)
        .await?;
    let mut issued = 0;
    for id in due {
        match issue(state, id).await {
            Ok(Some(_)) => issued += 1,
            Ok(None) => {}
            Err(e) => tracing::warn!(case = id, "the signed record waits: {e}"),
        }
    }
    Ok(issued)
}

/// Issues the record of case `case_id` if one is due; None when there is nothing to issue or
/// another instance issued it first.
pub async fn issue(state: &AppState, case_id: i64) -> Result<Option<settlements::Model>> {
    let case = cases::Entity::find_by_id(case_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    if !case.record_due {
        return Ok(None);
    }
    let dossier = dossier_of(&case)?;
    let Some(outcome) = dossier.outcome.filter(|_| !dossier.status.is_open()) else {
        // Reopened before its record was issued: the next outcome gets one.
        clear_due(state, case_id).await?;
        return Ok(None);
    };
    let key = keys::active(state).await?;
    let settled = outcome == crate::domain::dossier::Status::Settled;
    let step = if settled { "settled" } else { "closed" };
    let step_seq = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case_id))
        .filter(case_events::Column::Kind.eq(step))
        .order_by_desc(case_events::Column::Id)
        .one(&state.db)
        .await?
        .map(|e| e.audit_seq)
        .ok_or_else(|| Error::Internal(anyhow!("case {} has no {step} event", case.reference)))?;
    let anchor = anchor(state, step_seq).await?;
    let record = build(state, &case, &dossier, anchor).await?;
    let signed = record.sign(&key);
    let pdf = document::render(&signed, &key);
    let pdf_sha256 = audit::sha256_hex(&pdf);
    let storage_key = format!("records/{pdf_sha256}.pdf");
    let file = state.config.data_dir.join(&storage_key);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::Internal(e.into()))?;
    }
    std::fs::write(&file, &pdf).map_err(|e| Error::Internal(e.into()))?;
    // A head signed at every settlement: the record's tree is then a signed one.
    transparency::sign_head(state, "settlement").await?;

    let now = state.clock.now();
    let txn = state.begin_write().await?;
    let claimed = cases::Entity::update_many()
        .col_expr(cases::Column::RecordDue, Expr::value(false))
        .filter(cases::Column::Id.eq(case_id))
        .filter(cases::Column::RecordDue.eq(true))
        .exec(&*txn)
        .await?;
    if claimed.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(None);
    }
    let entry = audit::append(
        &*txn,
        NewEntry {
            at: now,
            actor: "system".into(),
            case_id: Some(case_id),
            action: "record.issue".into(),
            policy: case.policy_id.clone() + "@" + &case.policy_version,
            rule: "system.records".into(),
            automated: true,
            payload_hash: signed.record_sha256.clone(),
        },
    )
    .await?;
    let row = settlements::Entity::insert(settlements::ActiveModel {
        id: NotSet,
        case_id: Set(case_id),
        proposal_number: Set(signed.record.terms.as_ref().map(|t| t.proposal)),
        kind: Set(signed.record.kind.clone()),
        record: Set(String::from_utf8_lossy(&signed.record.canonical()).into_owned()),
        record_hash: Set(signed.record_sha256.clone()),
        signature: Set(signed.signature.clone()),
        key_id: Set(signed.key_id.clone()),
        pdf_sha256: Set(Some(pdf_sha256)),
        pdf_storage_key: Set(Some(storage_key.clone())),
        audit_seq: Set(entry.seq),
        issued_at: Set(now),
    })
    .exec_with_returning(&*txn)
    .await?;
    let name = format!("{}-{}.pdf", case.reference, signed.record.kind);
    let kind = signed.record.kind.clone();
    notify::record_issued(state, &*txn, &case, &kind, (storage_key, name), now).await?;
    txn.commit().await?;
    Ok(Some(row))
}

async fn clear_due(state: &AppState, case_id: i64) -> Result<()> {
    cases::Entity::update_many()
        .col_expr(cases::Column::RecordDue, Expr::value(false))
        .filter(cases::Column::Id.eq(case_id))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Entry `seq` with its proof in the tree as it stands.
async fn anchor(state: &AppState, seq: i64) -> Result<AuditAnchor> {
    let tree = transparency::tree(state).await?;
    let size = tree.len();
    let index = u64::try_from(seq - 1).map_err(|_| Error::NotFound)?;
    let proof = tree.inclusion_proof(index, size).ok_or(Error::NotFound)?;
    Ok(AuditAnchor {
        seq,
        entry_hash: to_hex(&tree.leaf(index).unwrap_or_default()),
        tree_size: i64::try_from(size).unwrap_or(i64::MAX),
        root_hash: to_hex(&tree.root(size).unwrap_or_default()),
        inclusion_proof: proof.iter().map(to_hex).collect(),
    })
}

/// The canonical record of a case as it stands.
async fn build(
    state: &AppState,
    case: &cases::Model,
    dossier: &crate::domain::dossier::Dossier,
    audit: AuditAnchor,
) -> Result<Record> {
    let settled = dossier.outcome == Some(crate::domain::dossier::Status::Settled);
    let company = companies::Entity::find_by_id(case.company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let consumer = users::Entity::find_by_id(case.consumer_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let representatives = case_parties::Entity::find()
        .filter(case_parties::Column::CaseId.eq(case.id))
        .filter(case_parties::Column::Capacity.eq("representative"))
        .order_by_asc(case_parties::Column::Id)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| Representative {
            side: p.side,
            name: p.name,
        })
        .collect();
    let neutral = match case.neutral_id {
        Some(id) => {
            let user = users::Entity::find_by_id(id).one(&state.db).await?;
            let profile = neutral_profiles::Entity::find_by_id(id)
                .one(&state.db)
                .await?;
            user.map(|u| Neutral {
                name: u.name,
                kind: profile.map_or_else(|| "mediator".into(), |p| p.kind),
            })
        }
        None => None,
    };
    let policy = state
        .policies
        .procedure(&case.policy_id, &case.policy_version);
    let terms = if settled {
        let agreed = proposals::Entity::find()
            .filter(proposals::Column::CaseId.eq(case.id))
            .filter(proposals::Column::Status.eq("settled"))
            .order_by_desc(proposals::Column::Number)
            .one(&state.db)
            .await?
            .ok_or_else(|| {
                Error::Internal(anyhow!(
                    "settled case {} has no agreed proposal",
                    case.reference
                ))
            })?;
        Some(Terms {
            proposal: agreed.number,
            amount_cents: agreed.amount_cents,
            currency: agreed.currency,
            remedies: serde_json::from_str(&agreed.remedies).unwrap_or_default(),
            text: agreed.terms,
            performance_days: agreed.performance_days,
            perform_by: dossier.procedure.performance_due_at.map(format_rfc3339),
        })
    } else {
        None
    };
    let texts = Texts::of(&case.language);
    Ok(Record {
        format: FORMAT.into(),
        kind: if settled { "settlement" } else { "outcome" }.into(),
        entity: state.policies.entity.name.clone(),
        reference: case.reference.clone(),
        language: case.language.clone(),
        procedure: format!("{}@{}", case.policy_id, case.policy_version),
        procedure_name: policy.map_or_else(|| case.policy_id.clone(), |p| p.name.clone()),
        outcome: dossier
            .outcome
            .map_or_else(String::new, |o| o.as_str().to_string()),
        grounds: if settled {
            None
        } else {
            grounds(state, case.id).await?
        },
        consumer: consumer.name,
        company: Company {
            name: company.name,
            vat_number: company.vat_number,
            country: company.country,
        },
        representatives,
        neutral,
        dates: Dates {
            filed: format_rfc3339(case.filed_at),
            complete: case.complete_at.map(format_rfc3339),
            agreed: case.agreed_at.map(format_rfc3339),
            settled: case.settled_at.map(format_rfc3339),
            closed: case.closed_at.map(format_rfc3339),
        },
        terms,
        notices: texts
            .consent_notices
            .iter()
            .map(|n| n.to_string())
            .collect(),
        audit,
        issued_at: format_rfc3339(state.clock.now()),
        verify_at: state.config.link("/verify"),
    })
}

/// The written grounds of the latest closing step (R20).
async fn grounds(state: &AppState, case_id: i64) -> Result<Option<String>> {
    let last = case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case_id))
        .filter(case_events::Column::Kind.is_in([
            "closed",
            "not_settled",
            "withdrawn",
            "lapsed",
            "refused",
        ]))
        .order_by_desc(case_events::Column::Id)
        .one(&state.db)
        .await?;
    Ok(last
        .and_then(|e| serde_json::from_str::<serde_json::Value>(&e.payload).ok())
        .and_then(|v| {
            v["reasons"]
                .as_str()
                .or(v["reason"].as_str())
                .map(str::to_string)
        }))
}

/// The latest signed record of a case, with the stored PDF's location.
pub async fn latest(
    state: &AppState,
    case: &cases::Model,
) -> Result<Option<(SignedRecord, settlements::Model)>> {
    let Some(row) = settlements::Entity::find()
        .filter(settlements::Column::CaseId.eq(case.id))
        .order_by_desc(settlements::Column::Id)
        .one(&state.db)
        .await?
    else {
        return Ok(None);
    };
    let record: Record = serde_json::from_str(&row.record)
        .map_err(|e| Error::Internal(anyhow!("stored record {}: {e}", row.id)))?;
    let signed = SignedRecord {
        record,
        record_sha256: row.record_hash.clone(),
        key_id: row.key_id.clone(),
        signature: row.signature.clone(),
    };
    Ok(Some((signed, row)))
}

/// The bytes of a stored record PDF.
pub fn pdf_bytes(state: &AppState, row: &settlements::Model) -> Result<Vec<u8>> {
    let key = row.pdf_storage_key.as_deref().ok_or(Error::NotFound)?;
    std::fs::read(state.config.data_dir.join(key)).map_err(|e| Error::Internal(e.into()))
}

/// What a check of a record or a PDF found.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Verdict {
    pub valid: bool,
    /// Why it is not valid, in words.
    pub reason: Option<String>,
    pub reference: Option<String>,
    pub kind: Option<String>,
    pub outcome: Option<String>,
    pub key_id: Option<String>,
    pub record_sha256: Option<String>,
    pub issued_at: Option<String>,
    /// True when this server holds the case and issued exactly this record.
    pub on_file: bool,
}

impl Verdict {
    fn invalid(reason: String, signed: Option<&SignedRecord>) -> Self {
        let mut v = Self::of(signed);
        v.reason = Some(reason);
        v
    }

    fn of(signed: Option<&SignedRecord>) -> Self {
        Self {
            valid: false,
            reason: None,
            reference: signed.map(|s| s.record.reference.clone()),
            kind: signed.map(|s| s.record.kind.clone()),
            outcome: signed.map(|s| s.record.outcome.clone()),
            key_id: signed.map(|s| s.key_id.clone()),
            record_sha256: signed.map(|s| s.record_sha256.clone()),
            issued_at: signed.map(|s| s.record.issued_at.clone()),
            on_file: false,
        }
    }
}

async fn known_keys(state: &AppState) -> Result<HashMap<String, KnownKey>> {
    Ok(signing_keys::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|k| {
            (
                k.id,
                KnownKey {
                    public_hex: k.public_key,
                    not_before: k.not_before,
                    not_after: k.not_after,
                },
            )
        })
        .collect())
}

/// Checks a sealed PDF: offline checks first, then against what this server holds.
pub async fn verify_pdf(state: &AppState, bytes: &[u8]) -> Result<Verdict> {
    let keys = known_keys(state).await?;
    let key_of = |id: &str| keys.get(id).cloned();
    match records::verify_pdf(bytes, &key_of) {
        Ok(signed) => against_server(state, signed).await,
        Err(Invalid(reason)) => Ok(Verdict::invalid(reason, None)),
    }
}

/// Checks a signed record given as JSON.
pub async fn verify_record(state: &AppState, signed: SignedRecord) -> Result<Verdict> {
    let keys = known_keys(state).await?;
    let key_of = |id: &str| keys.get(id).cloned();
    match signed.verify(&key_of) {
        Ok(()) => against_server(state, signed).await,
        Err(Invalid(reason)) => Ok(Verdict::invalid(reason, Some(&signed))),
    }
}

/// A record that verifies on its own must also match the case, where this server has it: the
/// record issued, the audit entry it names, and the tree it was issued at.
async fn against_server(state: &AppState, signed: SignedRecord) -> Result<Verdict> {
    let r = &signed.record;
    let Ok(reference) = r.reference.parse::<CaseReference>() else {
        return Ok(Verdict::invalid(
            "the record's reference is not a case reference".into(),
            Some(&signed),
        ));
    };
    let case = cases::Entity::find()
        .filter(cases::Column::Reference.eq(reference.to_string()))
        .one(&state.db)
        .await?;
    let Some(case) = case else {
        // Issued elsewhere, or by an earlier installation: the offline checks are all there is.
        let mut v = Verdict::of(Some(&signed));
        v.valid = true;
        return Ok(v);
    };
    let issued = settlements::Entity::find()
        .filter(settlements::Column::CaseId.eq(case.id))
        .filter(settlements::Column::RecordHash.eq(signed.record_sha256.clone()))
        .one(&state.db)
        .await?;
    if issued.is_none() {
        return Ok(Verdict::invalid(
            format!(
                "this is not a record Redress issued for case {}",
                r.reference
            ),
            Some(&signed),
        ));
    }
    let entry = audit_entries::Entity::find_by_id(r.audit.seq)
        .one(&state.db)
        .await?;
    if entry.is_none_or(|e| e.hash != r.audit.entry_hash || e.case_id != Some(case.id)) {
        return Ok(Verdict::invalid(
            "the audit log no longer holds the entry this record names".into(),
            Some(&signed),
        ));
    }
    let tree = transparency::tree(state).await?;
    let root = u64::try_from(r.audit.tree_size)
        .ok()
        .and_then(|size| tree.root(size));
    if root.is_none() || root != from_hex(&r.audit.root_hash) {
        return Ok(Verdict::invalid(
            "the audit log was changed since this record was issued: its tree root differs".into(),
            Some(&signed),
        ));
    }
    let mut v = Verdict::of(Some(&signed));
    v.valid = true;
    v.on_file = true;
    Ok(v)
}
