//! The audit log: an append-only SHA-256 hash chain (RFC 6962-style leaf hashing) over
//! canonical entries. Entries keep hashes of their payloads, never the payloads, so erasing
//! personal data from the ordinary tables leaves the chain verifiable.
pub mod merkle;
mod verify;

pub use verify::{Problem, Verification, head_message, verify};

use crate::clock::truncate;
use chrono::{DateTime, SecondsFormat, Utc};
use entity::audit_entries;
use sea_orm::ExprTrait;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What a caller hands in to be logged; `payload_hash` names the data the step produced.
#[derive(Clone, Debug)]
pub struct NewEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub case_id: Option<i64>,
    pub action: String,
    /// "eu-default@2026.1" for procedure steps, "-" where no procedure applies.
    pub policy: String,
    /// The access rule that allowed the step.
    pub rule: String,
    /// Set when Redress took the step on its own (R34).
    pub automated: bool,
    pub payload_hash: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// JSON with object keys sorted and no whitespace: the same value gives the same bytes.
/// What an event's stored payload becomes when its personal data is erased (R29). The event
/// keeps its hash, so the log still verifies; `verify` accepts exactly this text in place of
/// the original and counts it as erased, not as tampered.
pub fn erased_payload(kind: &str) -> String {
    String::from_utf8(canonical_json(
        &serde_json::json!({"event": kind, "erased": true}),
    ))
    .unwrap_or_default()
}

pub fn canonical_json<T: Serialize>(value: &T) -> Vec<u8> {
    // serde_json's Value keeps objects in a BTreeMap (sorted) unless `preserve_order` is on.
    let value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
    serde_json::to_vec(&value).unwrap_or_default()
}

/// The hash of a list of payload hashes, as one audit entry covers several events.
pub fn combine_hashes<'a>(hashes: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for part in hashes {
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    hex::encode(h.finalize())
}

/// The bytes an entry's hash covers: every field but the hash, length-prefixed in a fixed
/// order so no two entries share an encoding.
fn leaf_bytes(e: &audit_entries::Model) -> Vec<u8> {
    let case = e.case_id.map(|c| c.to_string()).unwrap_or_default();
    let at = e.at.to_rfc3339_opts(SecondsFormat::Micros, true);
    let seq = e.seq.to_string();
    let automated = if e.automated { "1" } else { "0" };
    let fields: [&str; 10] = [
        &seq,
        &at,
        &e.actor,
        &case,
        &e.action,
        &e.policy,
        &e.rule,
        automated,
        &e.payload_hash,
        &e.prev_hash,
    ];
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(b"redress-audit-v1");
    for f in fields {
        out.extend_from_slice(&(f.len() as u32).to_be_bytes());
        out.extend_from_slice(f.as_bytes());
    }
    out
}

/// SHA-256(0x00 ‖ leaf), the RFC 6962 leaf hash, so the same values can later feed a Merkle tree.
pub fn entry_hash(e: &audit_entries::Model) -> String {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(leaf_bytes(e));
    hex::encode(h.finalize())
}

/// Appends one entry inside the caller's transaction and returns it.
///
/// The first statement moves the head row forward and returns the previous head: on
/// PostgreSQL that row lock makes concurrent appends wait for each other until commit, so the
/// chain never forks; on SQLite the write transaction already serialises writers.
pub async fn append<C: ConnectionTrait>(
    conn: &C,
    new: NewEntry,
) -> Result<audit_entries::Model, DbErr> {
    let bump = Query::update()
        .table("audit_head")
        .value("seq", Expr::col("seq").add(1))
        .and_where(Expr::col("id").eq(1))
        .returning(Query::returning().columns(["seq", "hash"]))
        .to_owned();
    let row = conn
        .query_one(&bump)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("audit_head row 1 (run the migrations)".into()))?;
    let seq: i64 = row.try_get("", "seq")?;
    let prev_hash: String = row.try_get("", "hash")?;

    let mut entry = audit_entries::Model {
        seq,
        at: truncate(new.at),
        actor: new.actor,
        case_id: new.case_id,
        action: new.action,
        policy: new.policy,
        rule: new.rule,
        automated: new.automated,
        payload_hash: new.payload_hash,
        prev_hash,
        hash: String::new(),
    };
    entry.hash = entry_hash(&entry);

    audit_entries::Entity::insert(audit_entries::ActiveModel {
        seq: Set(entry.seq),
        at: Set(entry.at),
        actor: Set(entry.actor.clone()),
        case_id: Set(entry.case_id),
        action: Set(entry.action.clone()),
        policy: Set(entry.policy.clone()),
        rule: Set(entry.rule.clone()),
        automated: Set(entry.automated),
        payload_hash: Set(entry.payload_hash.clone()),
        prev_hash: Set(entry.prev_hash.clone()),
        hash: Set(entry.hash.clone()),
    })
    .exec_without_returning(conn)
    .await?;

    let set_head = Query::update()
        .table("audit_head")
        .value("hash", entry.hash.clone())
        .and_where(Expr::col("id").eq(1))
        .to_owned();
    conn.execute(&set_head).await?;
    Ok(entry)
}
