//! The entity's signing keys (R27): generate the first, rotate to a new one, list them, and
//! publish every public key ever used. The active key is the one without an end date.
use super::{Error, Result};
use crate::signing::EntityKey;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use entity::signing_keys;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

/// A public key as published in `/.well-known/redress/keys.json`.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PublicKey {
    pub id: String,
    pub algorithm: String,
    /// The 32-byte Ed25519 public key, hex.
    pub public_key: String,
    pub not_before: DateTime<Utc>,
    /// None for the key in use.
    pub not_after: Option<DateTime<Utc>>,
}

impl From<signing_keys::Model> for PublicKey {
    fn from(k: signing_keys::Model) -> Self {
        Self {
            id: k.id,
            algorithm: k.algorithm,
            public_key: k.public_key,
            not_before: k.not_before,
            not_after: k.not_after,
        }
    }
}

/// Every key ever used, oldest first.
pub async fn published(state: &AppState) -> Result<Vec<PublicKey>> {
    Ok(signing_keys::Entity::find()
        .order_by_asc(signing_keys::Column::NotBefore)
        .all(&state.db)
        .await?
        .into_iter()
        .map(PublicKey::from)
        .collect())
}

async fn active_row(state: &AppState) -> Result<Option<signing_keys::Model>> {
    Ok(signing_keys::Entity::find()
        .filter(signing_keys::Column::NotAfter.is_null())
        .order_by_desc(signing_keys::Column::NotBefore)
        .one(&state.db)
        .await?)
}

/// The key to sign with now, loaded from its file.
pub async fn active(state: &AppState) -> Result<EntityKey> {
    let row = active_row(state).await?.ok_or_else(|| {
        Error::Conflict("no signing key: run `redress keys generate` first".into())
    })?;
    EntityKey::load(&state.config.keys_dir, &row.id).map_err(Error::Internal)
}

/// The public half of key `id`, if Redress ever used it.
pub async fn public_key(state: &AppState, id: &str) -> Result<Option<PublicKey>> {
    Ok(signing_keys::Entity::find_by_id(id.to_string())
        .one(&state.db)
        .await?
        .map(PublicKey::from))
}

/// Makes the first key. Refused while one is in use: that is what `rotate` is for.
pub async fn generate(state: &AppState) -> Result<PublicKey> {
    if let Some(row) = active_row(state).await? {
        return Err(Error::Conflict(format!(
            "key {} is in use; `redress keys rotate` replaces it",
            row.id
        )));
    }
    create(state).await
}

/// A new key takes over; the old one stays published with its end date, so what it signed
/// still verifies.
pub async fn rotate(state: &AppState) -> Result<PublicKey> {
    let now = state.clock.now();
    let key = EntityKey::generate();
    key.save(&state.config.keys_dir).map_err(Error::Internal)?;
    let txn = state.begin_write().await?;
    signing_keys::Entity::update_many()
        .col_expr(signing_keys::Column::NotAfter, Expr::value(now))
        .filter(signing_keys::Column::NotAfter.is_null())
        .exec(&*txn)
        .await?;
    let row = insert(&*txn, &key, now).await?;
    txn.commit().await?;
    Ok(row)
}

/// Makes a key when there is none in use (the demo, development builds and tests).
pub async fn ensure(state: &AppState) -> Result<String> {
    match active_row(state).await? {
        Some(row) if crate::signing::key_file(&state.config.keys_dir, &row.id).exists() => {
            Ok(row.id)
        }
        Some(_) => Ok(rotate(state).await?.id),
        None => Ok(create(state).await?.id),
    }
}

async fn create(state: &AppState) -> Result<PublicKey> {
    let key = EntityKey::generate();
    key.save(&state.config.keys_dir).map_err(Error::Internal)?;
    let txn = state.begin_write().await?;
    let row = insert(&*txn, &key, state.clock.now()).await?;
    txn.commit().await?;
    Ok(row)
}

async fn insert<C: sea_orm::ConnectionTrait>(
    conn: &C,
    key: &EntityKey,
    now: DateTime<Utc>,
) -> Result<PublicKey> {
    let row = signing_keys::Model {
        id: key.id.clone(),
        algorithm: "Ed25519".into(),
        public_key: key.public_hex(),
        not_before: now,
        not_after: None,
        created_at: now,
    };
    signing_keys::Entity::insert(signing_keys::ActiveModel {
        id: Set(row.id.clone()),
        algorithm: Set(row.algorithm.clone()),
        public_key: Set(row.public_key.clone()),
        not_before: Set(now),
        not_after: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(row.into())
}
