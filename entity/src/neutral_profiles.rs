//! The `neutral_profiles` table.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "neutral_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    pub kind: String,
    pub languages: String,
    pub sectors: String,
    pub capacity: i32,
    pub employer_company_id: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub mandate: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
