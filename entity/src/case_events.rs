//! The `case_events` table.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "case_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub case_id: i64,
    pub version: i64,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub payload: String,
    pub payload_hash: String,
    pub actor: String,
    pub at: DateTimeUtc,
    pub audit_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
