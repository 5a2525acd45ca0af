//! The `cases` table.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub reference: String,
    pub case_type: String,
    pub status: String,
    pub version: i64,
    pub consumer_id: i64,
    pub company_id: i64,
    pub neutral_id: Option<i64>,
    pub neutral_declared: bool,
    pub channel: String,
    pub language: String,
    pub visibility: String,
    pub moderation: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    pub desired_outcome: String,
    pub amount_claimed_cents: i64,
    pub currency: String,
    pub prior_complaint_on: Option<Date>,
    pub prior_complaint_channel: Option<String>,
    pub prior_complaint_reference: Option<String>,
    pub policy_id: String,
    pub policy_version: String,
    pub round_number: i32,
    pub proposals_made: i32,
    pub standing_proposal: Option<i32>,
    pub consumer_accepted: Option<i32>,
    pub company_accepted: Option<i32>,
    pub outcome_extended: bool,
    pub outcome: Option<String>,
    pub filed_at: DateTimeUtc,
    pub complete_at: Option<DateTimeUtc>,
    pub outcome_due_at: Option<DateTimeUtc>,
    pub company_joined_at: Option<DateTimeUtc>,
    pub agreed_at: Option<DateTimeUtc>,
    pub reflection_ends_at: Option<DateTimeUtc>,
    pub settled_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    pub reply_token: Option<String>,
    pub feedback_at: Option<DateTimeUtc>,
    pub review_requested_at: Option<DateTimeUtc>,
    /// The smaller parts of the dossier's state as JSON; it holds confidential bids, so it
    /// is never serialised with the row.
    #[serde(skip)]
    pub procedure_state: String,
    /// The case reached an outcome whose signed record is not yet issued.
    pub record_due: bool,
    /// Where the consumer lives (two letters); differs from the company's for a cross-border
    /// case (R24).
    pub consumer_country: Option<String>,
    pub cross_border: bool,
    /// The facts the reports count, kept as the dossier changes (see `domain::report_facts`).
    pub forwarded_at: Option<DateTimeUtc>,
    pub first_answer_at: Option<DateTimeUtc>,
    pub outcome_at: Option<DateTimeUtc>,
    pub ended_reason: Option<String>,
    pub outcome_basis: Option<String>,
    /// Seconds from filing to the outcome.
    pub outcome_seconds: Option<i64>,
    pub feedback_resolved: Option<bool>,
    pub feedback_rating: Option<i32>,
    pub complied: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
