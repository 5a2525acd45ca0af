//! Data-subject rights (GDPR art 15, 17 and 20; R29). The export holds everything Redress keeps
//! about a person, in a portable form, with the files they uploaded; secrets (password and token
//! hashes) are never part of it. Erasure pseudonymises the account and removes the person's
//! words from their closed cases; data an open case still needs is kept until it ends
//! (art 17(3)(e)), then a scheduler pass finishes the erasure. The audit log keeps only hashes,
//! and an erased event keeps its hash, so `redress audit verify` stays green.
use super::users::log;
use super::{Result, welcome};
use crate::audit::erased_payload;
use crate::domain::dossier::Status;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use entity::{
    account_links, api_tokens, attachments, case_events, case_parties, cases, company_members,
    mail_outbox, messages, neutral_conflicts, neutral_profiles, neutral_training, sessions, users,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use std::io::Write;

/// What an account holder's data looks like as JSON.
pub async fn export(state: &AppState, user: &users::Model) -> Result<Value> {
    let companies = super::accounts::companies_of(state, user.id).await?;
    let cases = cases::Entity::find()
        .filter(cases::Column::ConsumerId.eq(user.id))
        .order_by_asc(cases::Column::Id)
        .all(&state.db)
        .await?;
    let sessions = sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user.id))
        .order_by_asc(sessions::Column::Id)
        .all(&state.db)
        .await?;
    let tokens = api_tokens::Entity::find()
        .filter(api_tokens::Column::UserId.eq(user.id))
        .all(&state.db)
        .await?;
    let conflicts = neutral_conflicts::Entity::find()
        .filter(neutral_conflicts::Column::NeutralId.eq(user.id))
        .all(&state.db)
        .await?;
    let training = neutral_training::Entity::find()
        .filter(neutral_training::Column::UserId.eq(user.id))
        .all(&state.db)
        .await?;
    let messages = messages::Entity::find()
        .filter(messages::Column::AuthorId.eq(user.id))
        .order_by_asc(messages::Column::Id)
        .all(&state.db)
        .await?;
    let files = uploads_of(state, user.id).await?;
    Ok(json!({
        "exported_at": state.clock.now(),
        "controller": state.policies.entity.name,
        "account": {
            "id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "language": user.language, "created_at": user.created_at,
            "email_confirmed_at": user.email_confirmed_at,
            "erasure_requested_at": user.erasure_requested_at,
        },
        "companies": companies.iter().map(|c| json!({"id": c.id, "name": c.name})).collect::<Vec<_>>(),
        "cases": cases.iter().map(|c| json!({
            "reference": c.reference, "status": c.status, "case_type": c.case_type,
            "channel": c.channel, "language": c.language, "visibility": c.visibility,
            "summary": c.summary, "desired_outcome": c.desired_outcome,
            "claim": {"amount_cents": c.amount_claimed_cents, "currency": c.currency},
            "prior_complaint": {"on": c.prior_complaint_on, "channel": c.prior_complaint_channel, "reference": c.prior_complaint_reference},
            "filed_at": c.filed_at, "complete_at": c.complete_at, "closed_at": c.closed_at, "outcome": c.outcome,
            "consumer_country": c.consumer_country, "feedback_resolved": c.feedback_resolved,
            "feedback_rating": c.feedback_rating, "complied": c.complied,
        })).collect::<Vec<_>>(),
        "messages": messages.iter().map(|m| json!({
            "case_id": m.case_id, "body": m.body, "created_at": m.created_at, "source": m.source,
        })).collect::<Vec<_>>(),
        "attachments": files.iter().map(|a| json!({
            "file": archive_name(a), "name": a.file_name, "content_type": a.content_type,
            "size": a.size, "sha256": a.sha256, "uploaded_at": a.created_at,
        })).collect::<Vec<_>>(),
        "sessions": sessions.iter().map(|s| json!({
            "kind": s.kind, "created_at": s.created_at, "last_seen_at": s.last_seen_at,
            "expires_at": s.expires_at, "revoked_at": s.revoked_at,
        })).collect::<Vec<_>>(),
        "api_tokens": tokens.iter().map(|t| json!({
            "name": t.name, "prefix": t.prefix, "created_at": t.created_at, "revoked_at": t.revoked_at,
        })).collect::<Vec<_>>(),
        "declared_conflicts": conflicts.iter().map(|c| json!({
            "company_id": c.company_id, "consumer_email": c.consumer_email, "reason": c.reason,
            "declared_at": c.created_at,
        })).collect::<Vec<_>>(),
        "training": training.iter().map(|t| json!({
            "completed_on": t.completed_on, "minutes": t.minutes, "title": t.title,
            "provider": t.provider,
        })).collect::<Vec<_>>(),
    }))
}

/// The export as a zip: `data.json` and `attachments/` with every file the person uploaded.
pub async fn export_zip(state: &AppState, user: &users::Model) -> Result<Vec<u8>> {
    let data = export(state, user).await?;
    let files = uploads_of(state, user.id).await?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| anyhow::anyhow!("building the export: {e}");
    zip.start_file("data.json", options).map_err(|e| fail(&e))?;
    let text = serde_json::to_vec_pretty(&data).map_err(|e| fail(&e))?;
    zip.write_all(&text).map_err(|e| fail(&e))?;
    for file in &files {
        let path = state.config.attachment_path(&file.storage_key);
        // A file missing from storage is named in data.json but cannot be included.
        let Ok(bytes) = std::fs::read(&path) else {
            tracing::warn!(attachment = file.id, "attachment missing from storage");
            continue;
        };
        zip.start_file(archive_name(file), options)
            .map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

async fn uploads_of(state: &AppState, user_id: i64) -> Result<Vec<attachments::Model>> {
    Ok(attachments::Entity::find()
        .filter(attachments::Column::UploadedBy.eq(user_id))
        .order_by_asc(attachments::Column::Id)
        .all(&state.db)
        .await?)
}

/// `attachments/<id>-<name>`, with the name reduced to characters safe in any file system.
fn archive_name(a: &attachments::Model) -> String {
    let safe: String = a
        .file_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("attachments/{}-{safe}", a.id)
}

/// The outcome of an erasure request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    /// Erased now; otherwise it waits for `open_cases` to end.
    pub done: bool,
    pub open_cases: Vec<String>,
}

/// Records the request, tells the person, and erases at once unless an open case of theirs
/// still needs the data.
pub async fn request_erasure(state: &AppState, user: &users::Model) -> Result<Erasure> {
    let now = state.clock.now();
    let open_cases = open_cases_of(&state.db, user.id).await?;
    let txn = state.begin_write().await?;
    users::Entity::update_many()
        .col_expr(
            users::Column::ErasureRequestedAt,
            Expr::value(user.erasure_requested_at.unwrap_or(now)),
        )
        .filter(users::Column::Id.eq(user.id))
        .exec(&*txn)
        .await?;
    log(
        &*txn,
        &format!("user:{}", user.id),
        "user.erasure_requested",
        &json!({"user": user.id}),
        now,
    )
    .await?;
    let done = open_cases.is_empty();
    let unused = if done {
        erase(&*txn, user.id, now).await?
    } else {
        Vec::new()
    };
    // Queued after the erasure removed the person's other mail: this notice is the last.
    welcome::erasure(state, &*txn, user, &open_cases, now).await?;
    txn.commit().await?;
    remove_files(state, &unused);
    Ok(Erasure { done, open_cases })
}

/// Finishes the erasures that waited for open cases which have since ended. Called by the
/// scheduler; returns how many accounts it erased.
pub async fn complete_pending_erasures(state: &AppState) -> Result<usize> {
    let waiting = users::Entity::find()
        .filter(users::Column::ErasureRequestedAt.is_not_null())
        .filter(users::Column::ErasedAt.is_null())
        .all(&state.db)
        .await?;
    let mut erased = 0;
    for user in waiting {
        if !open_cases_of(&state.db, user.id).await?.is_empty() {
            continue;
        }
        let now = state.clock.now();
        let txn = state.begin_write().await?;
        let unused = erase(&*txn, user.id, now).await?;
        txn.commit().await?;
        remove_files(state, &unused);
        erased += 1;
    }
    Ok(erased)
}

/// The references of the person's cases that have not ended.
pub async fn open_cases_of<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<Vec<String>> {
    let open = Status::open_names();
    Ok(cases::Entity::find()
        .filter(cases::Column::ConsumerId.eq(user_id))
        .filter(cases::Column::Status.is_in(open))
        .order_by_asc(cases::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.reference)
        .collect())
}

const ERASED_TEXT: &str = "[erased at the person's request]";

/// Pseudonymises the account and removes the person's words and files from their cases. The
/// case skeleton (reference, status, dates, amounts) stays for the statistics the ADR entity
/// must report, and the audit log keeps its hashes. Returns the storage keys of files no longer
/// used, to delete once the transaction has committed.
async fn erase<C: ConnectionTrait>(
    conn: &C,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    users::Entity::update_many()
        .col_expr(
            users::Column::Email,
            Expr::value(format!("erased-{user_id}@erased.invalid")),
        )
        .col_expr(users::Column::Name, Expr::value("Erased person"))
        .col_expr(users::Column::PasswordHash, Expr::value(""))
        .col_expr(
            users::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(users::Column::ErasedAt, Expr::value(now))
        .filter(users::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    api_tokens::Entity::delete_many()
        .filter(api_tokens::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    account_links::Entity::delete_many()
        .filter(account_links::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    // A neutral's declared conflicts name other people; they go with the account.
    neutral_conflicts::Entity::delete_many()
        .filter(neutral_conflicts::Column::NeutralId.eq(user_id))
        .exec(conn)
        .await?;
    company_members::Entity::delete_many()
        .filter(company_members::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    neutral_profiles::Entity::delete_many()
        .filter(neutral_profiles::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    mail_outbox::Entity::delete_many()
        .filter(mail_outbox::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    case_parties::Entity::update_many()
        .col_expr(case_parties::Column::Name, Expr::value("Erased person"))
        .col_expr(
            case_parties::Column::Email,
            Expr::value(Option::<String>::None),
        )
        .filter(case_parties::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    messages::Entity::update_many()
        .col_expr(messages::Column::Body, Expr::value(ERASED_TEXT))
        .filter(messages::Column::AuthorId.eq(user_id))
        .exec(conn)
        .await?;
    let own_cases: Vec<i64> = cases::Entity::find()
        .filter(cases::Column::ConsumerId.eq(user_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    cases::Entity::update_many()
        .col_expr(cases::Column::Summary, Expr::value(ERASED_TEXT))
        .col_expr(
            cases::Column::PriorComplaintReference,
            Expr::value(Option::<String>::None),
        )
        .filter(cases::Column::Id.is_in(own_cases.clone()))
        .exec(conn)
        .await?;
    // Free text in the dossier events (reasons, terms, notes, messages, the complaint to the
    // company) may name the person: those payloads
    // become the erased marker, keeping their hashes.
    let events = case_events::Entity::find()
        .filter(case_events::Column::CaseId.is_in(own_cases))
        .all(conn)
        .await?;
    for event in events {
        let has_text = serde_json::from_str::<Value>(&event.payload).is_ok_and(|v| {
            [
                "reason", "reasons", "terms", "note", "body", "comment", "answer",
            ]
            .iter()
            .any(|k| {
                v.get(k)
                    .and_then(Value::as_str)
                    .is_some_and(|t| !t.is_empty())
            }) || ["prior_complaint", "document"]
                .iter()
                .any(|k| v.get(k).is_some_and(|p| !p.is_null()))
        });
        if has_text {
            case_events::Entity::update_many()
                .col_expr(
                    case_events::Column::Payload,
                    Expr::value(erased_payload(&event.kind)),
                )
                .filter(case_events::Column::Id.eq(event.id))
                .exec(conn)
                .await?;
        }
    }
    let files = attachments::Entity::find()
        .filter(attachments::Column::UploadedBy.eq(user_id))
        .all(conn)
        .await?;
    let keys: Vec<String> = files.iter().map(|f| f.storage_key.clone()).collect();
    attachments::Entity::delete_many()
        .filter(attachments::Column::UploadedBy.eq(user_id))
        .exec(conn)
        .await?;
    // Content-addressed storage: a file another upload still uses stays.
    let mut unused = Vec::new();
    for key in keys {
        let still_used = attachments::Entity::find()
            .filter(attachments::Column::StorageKey.eq(&key))
            .one(conn)
            .await?
            .is_some();
        if !still_used {
            unused.push(key);
        }
    }
    log(
        conn,
        &format!("user:{user_id}"),
        "user.erase",
        &json!({"user": user_id}),
        now,
    )
    .await?;
    Ok(unused)
}

fn remove_files(state: &AppState, keys: &[String]) {
    for key in keys {
        if let Err(e) = std::fs::remove_file(state.config.attachment_path(key)) {
            tracing::warn!("erasing attachment {key}: {e}");
        }
    }
}
