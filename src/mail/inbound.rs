//! Reading one incoming message (RFC 5322, with MIME, quoted-printable, base64 and any
//! charset, by mail-parser) into what Redress needs: who sent it, to which addresses, what it
//! answers, the new words without the quoted history, its attachments, and whether a machine
//! wrote it (an out-of-office reply is no answer).
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders};

/// The largest message Redress reads.
pub const MAX_BYTES: usize = 25 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// Without angle brackets; a hash of the bytes when the message has none.
    pub message_id: String,
    pub from: String,
    /// To, Cc, Delivered-To and X-Original-To: where a reply token may be.
    pub recipients: Vec<String>,
    pub subject: String,
    /// In-Reply-To and References, without angle brackets.
    pub refers_to: Vec<String>,
    /// The new text of the message, the quoted earlier message cut off.
    pub body: String,
    pub attachments: Vec<(String, Vec<u8>)>,
    /// Written by a machine: an out-of-office or other automatic reply.
    pub automatic: bool,
}

/// Why a message could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("the message is larger than {} MiB", MAX_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("this is not an e-mail message (no headers could be read)")]
    Malformed,
}

fn addresses(address: Option<&Address<'_>>) -> Vec<String> {
    address
        .map(|a| {
            a.iter()
                .filter_map(|addr| addr.address())
                .map(|s| s.trim().to_lowercase())
                .collect()
        })
        .unwrap_or_default()
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    value
        .as_text_list()
        .map(|list| {
            list.iter()
                .flat_map(|v| v.split_whitespace())
                .map(|id| id.trim_matches(['<', '>']).to_string())
                .filter(|id| !id.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

pub fn read(raw: &[u8]) -> Result<Incoming, Unreadable> {
    if raw.len() > MAX_BYTES {
        return Err(Unreadable::TooLarge);
    }
    let message = MessageParser::default()
        .parse(raw)
        .filter(|m| m.headers().iter().any(|h| !h.name().is_empty()))
        .ok_or(Unreadable::Malformed)?;
    let from = addresses(message.from())
        .into_iter()
        .next()
        .ok_or(Unreadable::Malformed)?;
    let mut recipients = addresses(message.to());
    recipients.extend(addresses(message.cc()));
    for header in ["Delivered-To", "X-Original-To", "Envelope-To"] {
        if let Some(value) = message.header_raw(header) {
            recipients.push(value.trim().trim_matches(['<', '>']).to_lowercase());
        }
    }
    let mut refers_to = ids(message.in_reply_to());
    refers_to.extend(ids(message.references()));
    let subject = message.subject().unwrap_or_default().trim().to_string();
    let text = message
        .body_text(0)
        .map(|b| b.into_owned())
        .unwrap_or_default();
    let attachments = message
        .attachments()
        .filter(|part| !part.is_message())
        .map(|part| {
            let name = part.attachment_name().unwrap_or("attachment").to_string();
            (name, part.contents().to_vec())
        })
        .collect();
    let message_id = message
        .message_id()
        .map(|id| id.trim_matches(['<', '>']).to_string())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| format!("{}@no-message-id", crate::audit::sha256_hex(raw)));
    Ok(Incoming {
        automatic: automatic(&message, &subject),
        message_id,
        from,
        recipients,
        subject,
        refers_to,
        body: strip_quoted(&text),
        attachments,
    })
}

/// RFC 3834's Auto-Submitted, the headers common mail systems add, and the subjects of
/// out-of-office replies in the four languages.
fn automatic(message: &mail_parser::Message<'_>, subject: &str) -> bool {
    let header = |name: &str| message.header_raw(name).map(|v| v.trim().to_lowercase());
    if header("Auto-Submitted").is_some_and(|v| v != "no")
        || header("X-Autoreply").is_some()
        || header("X-Autorespond").is_some()
        || header("Precedence")
            .is_some_and(|v| matches!(v.as_str(), "auto_reply" | "bulk" | "junk"))
    {
        return true;
    }
    let subject = subject.to_lowercase();
    [
        "out of office",
        "automatic reply",
        "auto:",
        "autoreply",
        "afwezigheidsmelding",
        "automatisch antwoord",
        "abwesenheitsnotiz",
        "automatische antwort",
        "réponse automatique",
        "absence du bureau",
    ]
    .iter()
    .any(|s| subject.starts_with(s))
}

/// The lines where a mail client starts quoting the message replied to.
fn starts_quote(line: &str, next: Option<&str>) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    // "On … X wrote:", possibly wrapped onto the next line.
    let attribution = |opening: &str, verb: &str| {
        let joined = match next {
            Some(n) => format!("{lower} {}", n.trim().to_lowercase()),
            None => lower.clone(),
        };
        lower.starts_with(opening)
            && joined.contains(verb)
            && (lower.ends_with(':') || next.is_some_and(|n| n.trim_end().ends_with(':')))
    };
    attribution("on ", "wrote")
        || attribution("op ", "schreef")
        || attribution("op ", "geschreven")
        || attribution("am ", "schrieb")
        || attribution("le ", "a écrit")
        || (lower.starts_with("-----")
            && (lower.contains("original")
                || lower.contains("ursprüngliche")
                || lower.contains("oorspronkelijk")
                || lower.contains("d'origine")))
        || t.starts_with("________________________________")
        || (["from:", "van:", "von:", "de :", "de:"]
            .iter()
            .any(|p| lower.starts_with(p))
            && next.is_some_and(|n| {
                let n = n.trim().to_lowercase();
                [
                    "sent:",
                    "date:",
                    "verzonden:",
                    "gesendet:",
                    "envoyé :",
                    "envoyé:",
                    "datum:",
                ]
                .iter()
                .any(|p| n.starts_with(p))
            }))
}

/// The new text of a reply: everything before the quoted earlier message, without `>` lines.
pub fn strip_quoted(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut kept = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if starts_quote(line, lines.get(i + 1).copied()) {
            break;
        }
        if !line.trim_start().starts_with('>') {
            kept.push(line.trim_end());
        }
    }
    kept.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_history_is_cut_in_each_clients_style() {
        let gmail = "We will refund the full price.\n\nRegards, Jan\n\nOn Mon, 2 Mar 2026 at 09:00, Redress <cases@adr.example>\nwrote:\n> Hello,\n> a complaint";
        assert_eq!(
            strip_quoted(gmail),
            "We will refund the full price.\n\nRegards, Jan"
        );
        let outlook = "Wir erstatten den Betrag.\r\n\r\n-----Ursprüngliche Nachricht-----\r\nVon: Redress\r\n";
        assert_eq!(strip_quoted(outlook), "Wir erstatten den Betrag.");
        let dutch =
            "Akkoord.\nOp ma 2 mrt. 2026 om 09:00 schreef Redress <cases@adr.example>:\n> tekst";
        assert_eq!(strip_quoted(dutch), "Akkoord.");
        let headers = "D'accord.\n\nDe : Redress <cases@adr.example>\nEnvoyé : lundi 2 mars 2026\nObjet : ...";
        assert_eq!(strip_quoted(headers), "D'accord.");
        let interleaved = "> your question\nOur answer\n> another\nAnd more";
        assert_eq!(strip_quoted(interleaved), "Our answer\nAnd more");
    }
}
