//! Outbound mail. A message is first a row in `mail_outbox`, written in the transaction of the
//! step it reports (`enqueue`), so a crash can neither send a mail for a step that did not
//! happen nor lose the mail of one that did. The scheduler delivers queued rows
//! (`delivery::deliver_pending`).
pub mod delivery;
pub mod inbound;
pub mod reply;
pub mod templates;

pub use templates::MailTemplates;

use chrono::{DateTime, Utc};
use entity::mail_outbox;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use serde_json::Value;

/// One message to queue: which template, to whom, in which language, with what data.
pub struct Mail<'a> {
    pub kind: &'a str,
    pub to: &'a str,
    pub language: &'a str,
    pub user_id: Option<i64>,
    pub case_id: Option<i64>,
    /// Where answers go, when they should reach a case rather than the sender address.
    pub reply_to: Option<String>,
    pub data: Value,
    /// A file to attach: its path relative to the data directory, and its name in the mail.
    pub attachment: Option<(String, String)>,
    /// consumer or company, when the mail goes to a party of the case.
    pub party_side: Option<&'a str>,
}

/// A new Message-ID on the sender's domain: `<random@domain>`.
pub fn new_message_id(domain: &str) -> String {
    format!("<{}@{domain}>", uuid::Uuid::new_v4().simple())
}

/// Renders `mail` and queues it on `conn` (normally the step's own transaction).
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    state: &crate::state::AppState,
    mail: Mail<'_>,
    now: DateTime<Utc>,
) -> Result<(), MailError> {
    let templates = &state.mail;
    let rendered = templates.render(mail.kind, mail.language, &mail.data)?;
    mail_outbox::Entity::insert(mail_outbox::ActiveModel {
        id: NotSet,
        kind: Set(mail.kind.to_string()),
        to_address: Set(mail.to.to_string()),
        subject: Set(rendered.subject),
        body_text: Set(rendered.body),
        reply_to: Set(mail.reply_to),
        user_id: Set(mail.user_id),
        case_id: Set(mail.case_id),
        created_at: Set(now),
        sent_at: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        attachment_path: Set(mail.attachment.as_ref().map(|a| a.0.clone())),
        attachment_name: Set(mail.attachment.map(|a| a.1)),
        message_id: Set(Some(new_message_id(&state.config.mail_domain()))),
        party_side: Set(mail.party_side.map(str::to_string)),
        next_attempt_at: Set(None),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("mail template {0}")]
    Template(String),
    #[error(transparent)]
    Database(#[from] DbErr),
}
