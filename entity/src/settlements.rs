//! The `settlements` table.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "settlements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub case_id: i64,
    pub proposal_number: Option<i32>,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub record: String,
    pub record_hash: String,
    pub signature: String,
    pub key_id: String,
    pub pdf_sha256: Option<String>,
    pub pdf_storage_key: Option<String>,
    pub audit_seq: i64,
    pub issued_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
