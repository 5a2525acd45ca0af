//! The audit log as a transparency log (RFC 6962 / 9162 style): signed tree heads, inclusion
//! proofs for single entries and consistency proofs between two heads. Anyone may fetch them;
//! entries hold ids and hashes only.
use super::{Error, Result, keys};
use crate::audit::head_message;
use crate::audit::merkle::{Hash, MerkleTree, from_hex, to_hex};
use crate::clock::format_rfc3339;
use crate::state::AppState;
use anyhow::anyhow;
use chrono::{DateTime, Utc};
use entity::{audit_entries, tree_heads};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use tokio::sync::MutexGuard;

/// A signed statement: "the log's first `tree_size` entries have Merkle root `root_hash`".
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TreeHead {
    pub tree_size: i64,
    pub root_hash: String,
    pub issued_at: DateTime<Utc>,
    pub key_id: String,
    /// Ed25519 over the canonical JSON of format, tree_size, root_hash, issued_at and key_id.
    pub signature: String,
}

impl From<tree_heads::Model> for TreeHead {
    fn from(h: tree_heads::Model) -> Self {
        Self {
            tree_size: h.tree_size,
            root_hash: h.root_hash,
            issued_at: h.issued_at,
            key_id: h.key_id,
            signature: h.signature,
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct InclusionProof {
    pub seq: i64,
    /// The entry's hash: its RFC 6962 leaf hash.
    pub leaf_hash: String,
    /// The leaf's index in the tree: seq − 1.
    pub leaf_index: u64,
    pub tree_size: i64,
    pub root_hash: String,
    pub proof: Vec<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ConsistencyProof {
    pub first: i64,
    pub second: i64,
    pub first_root: String,
    pub second_root: String,
    pub proof: Vec<String>,
}

const BATCH: u64 = 10_000;

/// The tree, caught up with every entry written so far.
pub async fn tree(state: &AppState) -> Result<MutexGuard<'_, MerkleTree>> {
    let mut tree = state.tree.lock().await;
    loop {
        let next = i64::try_from(tree.len()).unwrap_or(i64::MAX) + 1;
        let hashes: Vec<(i64, String)> = audit_entries::Entity::find()
            .select_only()
            .column(audit_entries::Column::Seq)
            .column(audit_entries::Column::Hash)
            .filter(audit_entries::Column::Seq.gte(next))
            .order_by_asc(audit_entries::Column::Seq)
            .limit(BATCH)
            .into_tuple()
            .all(&state.db)
            .await?;
        if hashes.is_empty() {
            return Ok(tree);
        }
        for (seq, hash) in hashes {
            let expected = i64::try_from(tree.len()).unwrap_or(i64::MAX) + 1;
            let leaf = from_hex(&hash).filter(|_| seq == expected).ok_or_else(|| {
                Error::Internal(anyhow!(
                    "audit entry {seq} cannot join the tree (expected {expected}); run `redress audit verify`"
                ))
            })?;
            tree.push(leaf);
        }
    }
}

pub async fn latest_head(state: &AppState) -> Result<Option<TreeHead>> {
    Ok(tree_heads::Entity::find()
        .order_by_desc(tree_heads::Column::Id)
        .one(&state.db)
        .await?
        .map(TreeHead::from))
}

/// Signs the head of the tree as it stands, unless the latest signed head already covers it.
pub async fn sign_head(state: &AppState, reason: &str) -> Result<TreeHead> {
    let (size, root) = {
        let tree = tree(state).await?;
        (tree.len(), tree.root(tree.len()).unwrap_or_default())
    };
    let size = i64::try_from(size).unwrap_or(i64::MAX);
    if let Some(latest) = latest_head(state).await?
        && latest.tree_size == size
    {
        return Ok(latest);
    }
    let key = keys::active(state).await?;
    let issued_at = crate::clock::truncate(state.clock.now());
    let root_hash = to_hex(&root);
    let message = head_message(size, &root_hash, &format_rfc3339(issued_at), &key.id);
    let head = tree_heads::ActiveModel {
        id: NotSet,
        tree_size: Set(size),
        root_hash: Set(root_hash),
        issued_at: Set(issued_at),
        key_id: Set(key.id.clone()),
        signature: Set(key.sign(&message)),
        reason: Set(reason.to_string()),
    };
    let row = tree_heads::Entity::insert(head)
        .exec_with_returning(&state.db)
        .await?;
    Ok(row.into())
}

/// The head to prove against: the latest signed one covering `seq`, signed now if none does.
async fn head_covering(state: &AppState, seq: i64) -> Result<TreeHead> {
    match latest_head(state).await? {
        Some(head) if head.tree_size >= seq => Ok(head),
        _ => sign_head(state, "request").await,
    }
}

/// The proof that entry `seq` is in the tree of `tree_size` (default: the latest signed head).
pub async fn inclusion(
    state: &AppState,
    seq: i64,
    tree_size: Option<i64>,
) -> Result<InclusionProof> {
    if seq < 1 {
        return Err(Error::invalid("seq", "entries are numbered from 1"));
    }
    let (size, root) = match tree_size {
        Some(size) => (size, None),
        None => {
            let head = head_covering(state, seq).await?;
            (head.tree_size, Some(head.root_hash))
        }
    };
    if seq > size {
        return Err(Error::invalid(
            "tree_size",
            format!("entry {seq} is not in a tree of {size} entries"),
        ));
    }
    let tree = tree(state).await?;
    let (index, n) = (
        u64::try_from(seq - 1).unwrap_or(0),
        u64::try_from(size).unwrap_or(0),
    );
    if n > tree.len() {
        return Err(Error::invalid(
            "tree_size",
            format!("the log has {} entries", tree.len()),
        ));
    }
    let proof = tree.inclusion_proof(index, n).ok_or(Error::NotFound)?;
    let root = root.unwrap_or_else(|| to_hex(&tree.root(n).unwrap_or_default()));
    let leaf: Hash = tree.leaf(index).unwrap_or_default();
    Ok(InclusionProof {
        seq,
        leaf_hash: to_hex(&leaf),
        leaf_index: index,
        tree_size: size,
        root_hash: root,
        proof: proof.iter().map(to_hex).collect(),
    })
}

/// The proof that the tree of `first` entries is a prefix of the tree of `second`.
pub async fn consistency(state: &AppState, first: i64, second: i64) -> Result<ConsistencyProof> {
    let tree = tree(state).await?;
    let (m, n) = (
        u64::try_from(first).unwrap_or(0),
        u64::try_from(second).unwrap_or(0),
    );
    let proof = tree.consistency_proof(m, n).ok_or_else(|| {
        Error::invalid(
            "first",
            format!(
                "give 1 <= first <= second <= {} (the log's size)",
                tree.len()
            ),
        )
    })?;
    Ok(ConsistencyProof {
        first,
        second,
        first_root: to_hex(&tree.root(m).unwrap_or_default()),
        second_root: to_hex(&tree.root(n).unwrap_or_default()),
        proof: proof.iter().map(to_hex).collect(),
    })
}
