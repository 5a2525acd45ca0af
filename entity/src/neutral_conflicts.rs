//! The `neutral_conflicts` table: R12, a company or a consumer a neutral must never be
//! assigned against.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "neutral_conflicts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub neutral_id: i64,
    pub company_id: Option<i64>,
    pub consumer_email: Option<String>,
    pub reason: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
