//! Delivers queued mail. The embedded default writes each message as an `.eml` file into
//! `<data dir>/outbox`, where an operator (or a mail server's pickup directory) takes it.
//! A row is claimed by bumping its attempt count first, so two scheduler instances do not
//! both send it; a failed attempt keeps the row queued with its error, up to MAX_ATTEMPTS.
use crate::state::AppState;
use entity::mail_outbox;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::{FileTransport, Message, Transport};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

pub const MAX_ATTEMPTS: i32 = 10;
const ERASURE_NOTICE: &str = "erasure_requested";
const BATCH: u64 = 100;

/// What one delivery pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

pub async fn deliver_pending(state: &AppState) -> anyhow::Result<Delivered> {
    let mut done = Delivered::default();
    let queued = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(mail_outbox::Column::Id)
        .limit(BATCH)
        .all(&state.db)
        .await?;
    if queued.is_empty() {
        return Ok(done);
    }
    let dir = state.config.data_dir.join("outbox");
    std::fs::create_dir_all(&dir)?;
    let transport = FileTransport::new(&dir);
    for mail in queued {
        let claimed = mail_outbox::Entity::update_many()
            .col_expr(
                mail_outbox::Column::Attempts,
                Expr::value(mail.attempts + 1),
            )
            .filter(mail_outbox::Column::Id.eq(mail.id))
            .filter(mail_outbox::Column::Attempts.eq(mail.attempts))
            .filter(mail_outbox::Column::SentAt.is_null())
            .exec(&state.db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let outcome = message(&state.config.mail_from, &mail, &state.config.data_dir)
            .and_then(|m| transport.send(&m).map(|_| ()).map_err(anyhow::Error::from));
        let update = mail_outbox::Entity::update_many().filter(mail_outbox::Column::Id.eq(mail.id));
        match outcome {
            Ok(()) => {
                let mut update =
                    update.col_expr(mail_outbox::Column::SentAt, Expr::value(state.clock.now()));
                // The notice of an erasure is the last trace of the address: keep no copy.
                if mail.kind == ERASURE_NOTICE {
                    update = update
                        .col_expr(mail_outbox::Column::ToAddress, Expr::value("erased"))
                        .col_expr(mail_outbox::Column::BodyText, Expr::value(""));
                }
                update.exec(&state.db).await?;
                done.sent += 1;
            }
            Err(e) => {
                tracing::warn!(mail = mail.id, "mail delivery failed: {e:#}");
                update
                    .col_expr(
                        mail_outbox::Column::LastError,
                        Expr::value(format!("{e:#}")),
                    )
                    .exec(&state.db)
                    .await?;
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

fn message(
    from: &str,
    mail: &mail_outbox::Model,
    data_dir: &std::path::Path,
) -> anyhow::Result<Message> {
    let from: Mailbox = from.parse()?;
    let to: Mailbox = mail.to_address.parse()?;
    let mut builder = Message::builder().from(from).to(to);
    if let Some(reply_to) = &mail.reply_to {
        builder = builder.reply_to(reply_to.parse()?);
    }
    let builder = builder.subject(mail.subject.clone());
    let (Some(path), Some(name)) = (&mail.attachment_path, &mail.attachment_name) else {
        return Ok(builder
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone())?);
    };
    let bytes = std::fs::read(data_dir.join(path))
        .map_err(|e| anyhow::anyhow!("attachment {path}: {e}"))?;
    let kind = ContentType::parse(if name.ends_with(".pdf") {
        "application/pdf"
    } else {
        "application/octet-stream"
    })?;
    Ok(builder.multipart(
        MultiPart::mixed()
            .singlepart(SinglePart::plain(mail.body_text.clone()))
            .singlepart(Attachment::new(name.clone()).body(bytes, kind)),
    )?)
}
