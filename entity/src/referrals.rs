//! The `referrals` table: a complaint a company hands over to Redress, waiting for the
//! consumer to take it on (R33: the consumer stays the claimant).
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "referrals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub company_id: i64,
    pub referred_by: i64,
    pub company_reference: String,
    pub consumer_name: String,
    pub consumer_email: String,
    pub consumer_language: String,
    pub case_type: String,
    pub complained_on: Date,
    pub channel: String,
    #[sea_orm(column_type = "Text")]
    pub asked: String,
    #[sea_orm(column_type = "Text")]
    pub offered: String,
    #[sea_orm(column_type = "Text")]
    pub final_answer: String,
    pub desired_outcome: String,
    pub amount_cents: i64,
    pub currency: String,
    pub status: String,
    /// SHA-256 of the consumer's one-time link; the link itself is only in the mail.
    #[serde(skip)]
    pub token_hash: String,
    pub case_id: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub decline_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
