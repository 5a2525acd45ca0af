//! The `proposals` table.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub case_id: i64,
    pub number: i32,
    pub round_number: i32,
    pub author_id: Option<i64>,
    pub side: String,
    pub amount_cents: i64,
    pub currency: String,
    #[sea_orm(column_type = "Text")]
    pub remedies: String,
    #[sea_orm(column_type = "Text")]
    pub terms: String,
    pub performance_days: i32,
    pub counter_to: Option<i32>,
    pub status: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
