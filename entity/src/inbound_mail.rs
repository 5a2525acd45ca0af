//! The `inbound_mail` table: every message that came in, once, and what became of it.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "inbound_mail")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub message_id: String,
    pub received_at: DateTimeUtc,
    pub from_address: String,
    pub subject: String,
    pub size: i64,
    /// The raw message, relative to the data directory.
    pub raw_key: String,
    /// stored, quarantined or discarded
    pub status: String,
    pub reason: Option<String>,
    pub case_id: Option<i64>,
    pub side: Option<String>,
    pub proposed_case_id: Option<i64>,
    pub resolved_by: Option<i64>,
    pub resolved_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
