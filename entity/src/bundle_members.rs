//! The `bundle_members` table.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "bundle_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub bundle_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub case_id: i64,
    pub proposed_at: DateTimeUtc,
    pub consented_at: Option<DateTimeUtc>,
    pub declined_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
