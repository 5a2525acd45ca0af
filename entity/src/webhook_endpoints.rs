//! The `webhook_endpoints` table: where a company wants the events of its cases sent.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_endpoints")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub company_id: i64,
    #[sea_orm(column_type = "Text")]
    pub url: String,
    /// Signs each delivery; never serialised.
    pub secret: String,
    /// The event names, comma-separated.
    #[sea_orm(column_type = "Text")]
    pub events: String,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub disabled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
