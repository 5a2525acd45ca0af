//! Checks the whole log: sequence without gaps, each entry's hash, each link to the previous
//! entry, the head row, the dossier events each entry vouches for, and every signed tree
//! head: its root must be the Merkle tree hash of the entries it covers, signed by a
//! published key.
use super::merkle::{MerkleTree, from_hex, to_hex};
use super::{GENESIS_HASH, combine_hashes, entry_hash, erased_payload, sha256_hex};
use entity::{audit_entries, audit_head, case_events, signing_keys, tree_heads};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::BTreeMap;
use std::fmt;

const BATCH: u64 = 5_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The first entry that does not check out.
    pub seq: i64,
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {}: {}", self.seq, self.what)
    }
}

#[derive(Clone, Debug)]
pub struct Verification {
    pub entries: u64,
    /// Signed tree heads checked.
    pub heads: u64,
    pub head_seq: i64,
    pub head_hash: String,
    pub problem: Option<Problem>,
}

impl Verification {
    pub fn intact(&self) -> bool {
        self.problem.is_none()
    }
}

pub async fn verify<C: ConnectionTrait>(db: &C) -> Result<Verification, DbErr> {
    let mut expected_seq = 1i64;
    let mut prev_hash = GENESIS_HASH.to_string();
    let mut checked = 0u64;
    let mut tree = MerkleTree::new();
    let report = |seq: i64, what: String, checked: u64, prev: &str| Verification {
        entries: checked,
        heads: 0,
        head_seq: seq - 1,
        head_hash: prev.to_string(),
        problem: Some(Problem { seq, what }),
    };

    loop {
        let batch = audit_entries::Entity::find()
            .filter(audit_entries::Column::Seq.gte(expected_seq))
            .order_by_asc(audit_entries::Column::Seq)
            .limit(BATCH)
            .all(db)
            .await?;
        if batch.is_empty() {
            break;
        }
        let first = batch[0].seq;
        let last = batch[batch.len() - 1].seq;
        let events = events_by_entry(db, first, last).await?;

        for entry in &batch {
            if entry.seq != expected_seq {
                let what = if entry.seq > expected_seq {
                    "missing: the log jumps from here to a later entry (deleted or reordered rows)"
                } else {
                    "out of order"
                };
                return Ok(report(expected_seq, what.into(), checked, &prev_hash));
            }
            if entry.prev_hash != prev_hash {
                return Ok(report(
                    entry.seq,
                    "does not link to the entry before it".into(),
                    checked,
                    &prev_hash,
                ));
            }
            if entry_hash(entry) != entry.hash {
                return Ok(report(
                    entry.seq,
                    "its content was changed after it was written".into(),
                    checked,
                    &prev_hash,
                ));
            }
            if let Some(problem) = check_events(entry, events.get(&entry.seq)) {
                return Ok(report(entry.seq, problem, checked, &prev_hash));
            }
            prev_hash = entry.hash.clone();
            tree.push(from_hex(&entry.hash).unwrap_or_default());
            expected_seq += 1;
            checked += 1;
        }
    }

    let head = audit_head::Entity::find_by_id(1).one(db).await?;
    let last_seq = expected_seq - 1;
    let problem = match head {
        None => Some(Problem {
            seq: 0,
            what: "the log's head row is missing".into(),
        }),
        Some(h) if h.seq != last_seq || h.hash != prev_hash => Some(Problem {
            seq: last_seq + 1,
            what: format!(
                "the log ends at entry {last_seq} but its head says {}: entries were removed from the end or the head was edited",
                h.seq
            ),
        }),
        Some(_) => None,
    };
    let (heads, head_problem) = verify_heads(db, &tree).await?;
    Ok(Verification {
        problem: problem.or(head_problem),
        heads,
        entries: checked,
        head_seq: last_seq,
        head_hash: prev_hash,
    })
}

/// The message a tree head's signature covers.
pub fn head_message(tree_size: i64, root_hash: &str, issued_at: &str, key_id: &str) -> Vec<u8> {
    super::canonical_json(&serde_json::json!({
        "format": "redress-tree-head/1",
        "tree_size": tree_size,
        "root_hash": root_hash,
        "issued_at": issued_at,
        "key_id": key_id,
    }))
}

/// Every signed head against the tree rebuilt from the entries. Two heads that both match
/// one tree are consistent with each other, so this also checks consistency between heads.
async fn verify_heads<C: ConnectionTrait>(
    db: &C,
    tree: &MerkleTree,
) -> Result<(u64, Option<Problem>), DbErr> {
    let keys: BTreeMap<String, String> = signing_keys::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.id, k.public_key))
        .collect();
    let heads = tree_heads::Entity::find()
        .order_by_asc(tree_heads::Column::Id)
        .all(db)
        .await?;
    let mut checked = 0;
    for head in heads {
        let problem = |what: String| Problem {
            seq: head.tree_size,
            what: format!(
                "signed tree head {} (size {}): {what}",
                head.id, head.tree_size
            ),
        };
        let size = u64::try_from(head.tree_size).unwrap_or(u64::MAX);
        let Some(root) = tree.root(size) else {
            return Ok((
                checked,
                Some(problem("covers entries the log no longer has".into())),
            ));
        };
        if to_hex(&root) != head.root_hash {
            return Ok((
                checked,
                Some(problem(
                    "its root does not match the entries: the log was rewritten after it was signed"
                        .into(),
                )),
            ));
        }
        let message = head_message(
            head.tree_size,
            &head.root_hash,
            &crate::clock::format_rfc3339(head.issued_at),
            &head.key_id,
        );
        let signed = keys
            .get(&head.key_id)
            .is_some_and(|public| crate::signing::verify(public, &message, &head.signature));
        if !signed {
            return Ok((
                checked,
                Some(problem(
                    "its signature does not verify with a published key".into(),
                )),
            ));
        }
        checked += 1;
    }
    Ok((checked, None))
}

/// Dossier events grouped by the audit entry that logged them.
async fn events_by_entry<C: ConnectionTrait>(
    db: &C,
    first: i64,
    last: i64,
) -> Result<BTreeMap<i64, Vec<case_events::Model>>, DbErr> {
    let rows = case_events::Entity::find()
        .filter(case_events::Column::AuditSeq.between(first, last))
        .order_by_asc(case_events::Column::AuditSeq)
        .order_by_asc(case_events::Column::Id)
        .all(db)
        .await?;
    let mut map: BTreeMap<i64, Vec<case_events::Model>> = BTreeMap::new();
    for row in rows {
        map.entry(row.audit_seq).or_default().push(row);
    }
    Ok(map)
}

/// An entry for a dossier step vouches for exactly the events stored with it.
fn check_events(
    entry: &audit_entries::Model,
    events: Option<&Vec<case_events::Model>>,
) -> Option<String> {
    let Some(events) = events else {
        return entry
            .action
            .starts_with("case.")
            .then(|| "its dossier events are missing".into());
    };
    if let Some(e) = events.iter().find(|e| {
        sha256_hex(e.payload.as_bytes()) != e.payload_hash && e.payload != erased_payload(&e.kind)
    }) {
        return Some(format!(
            "dossier event {} ({}) was changed after it was written",
            e.id, e.kind
        ));
    }
    if combine_hashes(events.iter().map(|e| e.payload_hash.as_str())) != entry.payload_hash {
        return Some("its dossier events were changed, added or removed".into());
    }
    None
}
