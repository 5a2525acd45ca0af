//! Delivers queued mail: over SMTP when `--smtp-url` is set, otherwise as `.eml` files in
//! `<data dir>/outbox` (the embedded default, where an operator or a mail server's pickup
//! directory takes them). Each message is plain text with an HTML alternative, carries its
//! Message-ID and, for a party of a case, a reply address with the case's token.
//!
//! A row is claimed by bumping its attempt count first, so two scheduler instances do not both
//! send it. A failed attempt keeps the row queued with its error and a time before which it is
//! not tried again (2, 4, 8 … minutes, at most 6 hours), up to MAX_ATTEMPTS: a mail server
//! that is down loses nothing, and a restarted `serve` picks the queue up where it was.
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use entity::mail_outbox;
use lettre::message::header::{ContentType, MessageId};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

pub const MAX_ATTEMPTS: i32 = 10;
const ERASURE_NOTICE: &str = "erasure_requested";
const BATCH: u64 = 100;

/// What one delivery pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

enum Outbound {
    Files(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Outbound {
    fn of(state: &AppState) -> anyhow::Result<Self> {
        Ok(match &state.config.smtp_url {
            Some(url) => Outbound::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("--smtp-url: {e}"))?
                    .build(),
            ),
            None => {
                let dir = state.config.data_dir.join("outbox");
                std::fs::create_dir_all(&dir)?;
                Outbound::Files(AsyncFileTransport::new(dir))
            }
        })
    }

    async fn send(&self, message: Message) -> anyhow::Result<()> {
        match self {
            Outbound::Files(t) => t.send(message).await.map(|_| ())?,
            Outbound::Smtp(t) => t.send(message).await.map(|_| ())?,
        }
        Ok(())
    }
}

/// When a mail that failed `attempts` times may be tried again.
fn backoff(now: DateTime<Utc>, attempts: i32) -> DateTime<Utc> {
    let minutes = 2i64.saturating_pow(attempts.clamp(1, 20) as u32).min(360);
    now + Duration::minutes(minutes)
}

pub async fn deliver_pending(state: &AppState) -> anyhow::Result<Delivered> {
    let mut done = Delivered::default();
    let now = state.clock.now();
    let queued = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::Attempts.lt(MAX_ATTEMPTS))
        .filter(
            Condition::any()
                .add(mail_outbox::Column::NextAttemptAt.is_null())
                .add(mail_outbox::Column::NextAttemptAt.lte(now)),
        )
        .order_by_asc(mail_outbox::Column::Id)
        .limit(BATCH)
        .all(&state.db)
        .await?;
    if queued.is_empty() {
        return Ok(done);
    }
    let outbound = Outbound::of(state)?;
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
        let outcome = match message(&state.config.mail_from, &mail, &state.config.data_dir) {
            Ok(m) => outbound.send(m).await,
            Err(e) => Err(e),
        };
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
                    .col_expr(
                        mail_outbox::Column::NextAttemptAt,
                        Expr::value(backoff(now, mail.attempts + 1)),
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
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone());
    if let Some(id) = &mail.message_id {
        builder = builder.header(MessageId::from(id.clone()));
    }
    if let Some(reply_to) = &mail.reply_to {
        builder = builder.reply_to(reply_to.parse()?);
    }
    let body = MultiPart::alternative_plain_html(mail.body_text.clone(), html_of(&mail.body_text));
    let (Some(path), Some(name)) = (&mail.attachment_path, &mail.attachment_name) else {
        return Ok(builder.multipart(body)?);
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
            .multipart(body)
            .singlepart(Attachment::new(name.clone()).body(bytes, kind)),
    )?)
}

/// The HTML part of a mail, from its text: paragraphs, line breaks, and web addresses as links;
/// everything else escaped, so a party's words can never become markup.
pub fn html_of(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let linked = |line: &str| {
        line.split(' ')
            .map(|word| {
                if word.starts_with("https://") || word.starts_with("http://") {
                    let url = escape(word);
                    format!("<a href=\"{url}\">{url}</a>")
                } else {
                    escape(word)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(linked).collect();
            format!("<p>{}</p>", lines.join("<br>\n"))
        })
        .collect();
    format!(
        "<!doctype html>\n<html><body style=\"font-family: sans-serif; line-height: 1.4\">\n{}\n</body></html>\n",
        paragraphs.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_html_part_escapes_the_text_and_links_addresses() {
        let html =
            html_of("Hello <b>you</b> & co,\n\nSee https://adr.example/cases/RD-1 now.\nBye");
        assert!(
            html.contains("Hello &lt;b&gt;you&lt;/b&gt; &amp; co,"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"https://adr.example/cases/RD-1\">"),
            "{html}"
        );
        assert!(html.contains("now.<br>\nBye"), "{html}");
    }

    #[test]
    fn retries_back_off_up_to_six_hours() {
        let now = Utc::now();
        assert_eq!(backoff(now, 1) - now, Duration::minutes(2));
        assert_eq!(backoff(now, 3) - now, Duration::minutes(8));
        assert_eq!(backoff(now, 12) - now, Duration::minutes(360));
    }
}
