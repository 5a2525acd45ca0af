//! The `idempotency_keys` table: the first answer to an API POST sent with an
//! `Idempotency-Key`, replayed when the same caller sends the same key again.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idempotency_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub identity: String,
    pub key: String,
    pub method: String,
    pub path: String,
    /// `sha256:<hex>` of the whole body, or `peek:<length>:<hex>` for bodies read as files.
    pub fingerprint: String,
    pub status_code: Option<i32>,
    pub content_type: Option<String>,
    pub body: Option<Vec<u8>>,
    pub created_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
