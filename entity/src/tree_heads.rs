//! The `tree_heads` table: signed heads of the audit log's Merkle tree.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "tree_heads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tree_size: i64,
    pub root_hash: String,
    pub issued_at: DateTimeUtc,
    pub key_id: String,
    pub signature: String,
    /// interval, settlement or request
    pub reason: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
