//! The `mail_outbox` table.
use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "mail_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub to_address: String,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body_text: String,
    pub reply_to: Option<String>,
    pub user_id: Option<i64>,
    pub case_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    pub attempts: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    /// A file to attach, relative to the data directory.
    pub attachment_path: Option<String>,
    /// The name the attachment carries in the mail.
    pub attachment_name: Option<String>,
    /// `<…@domain>`, set when queued; replies refer to it.
    pub message_id: Option<String>,
    /// consumer or company: the party the mail went to, for replies matched by Message-ID.
    pub party_side: Option<String>,
    /// After a failed attempt, not before this time.
    pub next_attempt_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
