//! Mail that comes in (R3): a party answers by replying to a notice. Each message is kept once
//! (by its Message-ID) and either stored on its case as the party's message, with its
//! attachments, or held in quarantine for staff: when it proves no case (no valid token, no
//! reference to a mail Redress sent), comes from an address not registered for that party,
//! concerns a closed case, was written by a machine, or could not be read. Nothing is dropped,
//! and nothing is attached to a case it does not prove it belongs to.
use super::dossier::{actor_for, execute, find};
use super::{Caller, Error, Result, authorize_global, documents};
use crate::domain::dossier::{Command, Side, Status};
use crate::domain::reference::CaseReference;
use crate::mail::inbound::{Incoming, Unreadable, read};
use crate::mail::reply;
use crate::policy::Relation;
use crate::state::AppState;
use entity::{case_parties, cases, companies, company_members, inbound_mail, mail_outbox, users};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

/// What became of one message.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Ingested {
    pub id: i64,
    /// stored, quarantined or discarded
    pub status: String,
    /// The case it was stored on, or the one staff are offered for it.
    pub case: Option<String>,
    pub reason: Option<String>,
    /// The same Message-ID came in before; nothing new was stored.
    pub duplicate: bool,
    /// The bytes were no e-mail, or too large to read: held, not read.
    pub unreadable: bool,
}

struct Route {
    case: cases::Model,
    side: Side,
}

/// Takes one raw RFC 5322 message.
pub async fn ingest(state: &AppState, raw: &[u8]) -> Result<Ingested> {
    let sha = crate::audit::sha256_hex(raw);
    let raw_key = format!("inbound/{sha}.eml");
    let file = state.config.data_dir.join(&raw_key);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::Internal(e.into()))?;
    }
    // An oversized message keeps its first 64 KiB for the reviewer.
    let kept = if raw.len() > crate::mail::inbound::MAX_BYTES {
        &raw[..64 * 1024]
    } else {
        raw
    };
    std::fs::write(&file, kept).map_err(|e| Error::Internal(e.into()))?;
    let incoming = match read(raw) {
        Ok(incoming) => incoming,
        Err(problem) => return unreadable(state, raw, &sha, &raw_key, problem).await,
    };
    // Claimed first: the same Message-ID twice is stored once.
    let row = match insert(state, &incoming, raw.len(), &raw_key).await? {
        Some(row) => row,
        None => return duplicate(state, &incoming.message_id).await,
    };
    let route = route(state, &incoming).await?;
    let hold = |reason: String, proposed: Option<i64>| quarantine(state, row.id, reason, proposed);
    if incoming.automatic {
        let proposed = route.as_ref().map(|r| r.case.id);
        return hold(
            "an automatic reply (out of office): not taken as an answer".into(),
            proposed,
        )
        .await;
    }
    let Some(Route { case, side }) = route else {
        let proposed = guess(state, &incoming).await?;
        return hold(
            "no valid case token, and no reference to a mail Redress sent".into(),
            proposed,
        )
        .await;
    };
    if matches!(
        Status::parse(&case.status),
        Some(Status::Closed | Status::Archived)
    ) {
        return hold(format!("case {} is closed", case.reference), Some(case.id)).await;
    }
    let Some(caller) = sender(state, &case, side, &incoming.from).await? else {
        return hold(
            format!(
                "{} is not an address registered for the {side} side of case {}",
                incoming.from, case.reference
            ),
            Some(case.id),
        )
        .await;
    };
    store(state, row.id, &case, side, &caller, &incoming, None).await
}

async fn insert(
    state: &AppState,
    m: &Incoming,
    size: usize,
    raw_key: &str,
) -> Result<Option<inbound_mail::Model>> {
    let row = inbound_mail::ActiveModel {
        id: NotSet,
        message_id: Set(m.message_id.chars().take(255).collect()),
        received_at: Set(state.clock.now()),
        from_address: Set(m.from.chars().take(320).collect()),
        subject: Set(m.subject.chars().take(500).collect()),
        size: Set(i64::try_from(size).unwrap_or(i64::MAX)),
        raw_key: Set(raw_key.to_string()),
        status: Set("received".into()),
        reason: Set(None),
        case_id: Set(None),
        side: Set(None),
        proposed_case_id: Set(None),
        resolved_by: Set(None),
        resolved_at: Set(None),
    };
    match inbound_mail::Entity::insert(row)
        .exec_with_returning(&state.db)
        .await
    {
        Ok(row) => Ok(Some(row)),
        Err(e)
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

async fn duplicate(state: &AppState, message_id: &str) -> Result<Ingested> {
    let row = inbound_mail::Entity::find()
        .filter(inbound_mail::Column::MessageId.eq(message_id))
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let mut answer = answer(state, &row).await?;
    answer.duplicate = true;
    Ok(answer)
}

async fn unreadable(
    state: &AppState,
    raw: &[u8],
    sha: &str,
    raw_key: &str,
    problem: Unreadable,
) -> Result<Ingested> {
    let incoming = Incoming {
        message_id: format!("{sha}@unreadable"),
        from: String::new(),
        recipients: Vec::new(),
        subject: String::new(),
        refers_to: Vec::new(),
        body: String::new(),
        attachments: Vec::new(),
        automatic: false,
    };
    let row = match insert(state, &incoming, raw.len(), raw_key).await? {
        Some(row) => row,
        None => return duplicate(state, &incoming.message_id).await,
    };
    let mut held = quarantine(state, row.id, problem.to_string(), None).await?;
    held.unreadable = true;
    Ok(held)
}

/// The case and party a message proves it belongs to: its reply token, the token in the
/// subject of a company notice, or a Message-ID of a mail Redress sent.
async fn route(state: &AppState, m: &Incoming) -> Result<Option<Route>> {
    let key = state.reply_key();
    for address in &m.recipients {
        if let Some((reference, side)) = reply::parse(&key, address)
            && let Ok(case) = find(state, &reference).await
        {
            return Ok(Some(Route { case, side }));
        }
    }
    // "[RD-2026-000123 #token]" in the subject of the notice sent to the company's address.
    if let Some(token) = m.subject.split('#').nth(1).map(|t| {
        t.chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect::<String>()
    }) && token.len() == 32
        && let Some(case) = cases::Entity::find()
            .filter(cases::Column::ReplyToken.eq(token))
            .one(&state.db)
            .await?
    {
        return Ok(Some(Route {
            case,
            side: Side::Company,
        }));
    }
    let ids: Vec<String> = m.refers_to.iter().map(|id| format!("<{id}>")).collect();
    if !ids.is_empty()
        && let Some(sent) = mail_outbox::Entity::find()
            .filter(mail_outbox::Column::MessageId.is_in(ids))
            .filter(mail_outbox::Column::CaseId.is_not_null())
            .filter(mail_outbox::Column::PartySide.is_not_null())
            .order_by_desc(mail_outbox::Column::Id)
            .one(&state.db)
            .await?
        && let (Some(case_id), Some(side)) = (sent.case_id, sent.party_side.as_deref())
        && let Some(side) = Side::parse(side)
        && let Some(case) = cases::Entity::find_by_id(case_id).one(&state.db).await?
    {
        return Ok(Some(Route { case, side }));
    }
    Ok(None)
}

/// Who writes, if the address is registered for `side` of the case: an account of that side,
/// or (with no account) the company's complaint address or a representative named by e-mail.
async fn sender(
    state: &AppState,
    case: &cases::Model,
    side: Side,
    from: &str,
) -> Result<Option<Caller>> {
    let from = from.trim().to_lowercase();
    if let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(from.clone()))
        .filter(users::Column::ErasedAt.is_null())
        .one(&state.db)
        .await?
    {
        let role = crate::policy::Role::parse(&user.role).unwrap_or(crate::policy::Role::Public);
        let caller = Caller::User { id: user.id, role };
        let relation = actor_for(&state.db, case, &caller).await?.relation;
        let fits = match side {
            Side::Consumer => relation == Relation::OwnCase,
            Side::Company => relation == Relation::OwnCompany,
        };
        return Ok(fits.then_some(caller));
    }
    let company = companies::Entity::find_by_id(case.company_id)
        .one(&state.db)
        .await?;
    let complaint_address = side == Side::Company
        && company.is_some_and(|c| c.complaint_email.is_some_and(|e| e.to_lowercase() == from));
    let named = case_parties::Entity::find()
        .filter(case_parties::Column::CaseId.eq(case.id))
        .filter(case_parties::Column::Side.eq(side.as_str()))
        .filter(case_parties::Column::Email.eq(from))
        .one(&state.db)
        .await?
        .is_some();
    Ok((complaint_address || named).then_some(Caller::Mailbox { side }))
}

/// The case a reviewer is offered for a message that proves none: a reference in its subject
/// or text, or else the sender's latest open case.
async fn guess(state: &AppState, m: &Incoming) -> Result<Option<i64>> {
    let pattern = regex::Regex::new(r"RD-\d{4}-\d{6}").map_err(|e| Error::Internal(e.into()))?;
    let text = format!("{} {}", m.subject, m.body);
    if let Some(found) = pattern.find(&text)
        && let Ok(reference) = found.as_str().parse::<CaseReference>()
        && let Ok(case) = find(state, &reference).await
    {
        return Ok(Some(case.id));
    }
    let open = Status::open_names();
    let mut companies: Vec<i64> = companies::Entity::find()
        .filter(companies::Column::ComplaintEmail.eq(m.from.clone()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(m.from.clone()))
        .one(&state.db)
        .await?;
    let mut consumer = None;
    if let Some(user) = user {
        consumer = Some(user.id);
        companies.extend(
            company_members::Entity::find()
                .filter(company_members::Column::UserId.eq(user.id))
                .all(&state.db)
                .await?
                .into_iter()
                .map(|m| m.company_id),
        );
    }
    let mut cond = sea_orm::Condition::any().add(cases::Column::CompanyId.is_in(companies));
    if let Some(id) = consumer {
        cond = cond.add(cases::Column::ConsumerId.eq(id));
    }
    Ok(cases::Entity::find()
        .select_only()
        .column(cases::Column::Id)
        .filter(cond)
        .filter(cases::Column::Status.is_in(open))
        .order_by_desc(cases::Column::Id)
        .into_tuple::<i64>()
        .one(&state.db)
        .await?)
}

async fn quarantine(
    state: &AppState,
    id: i64,
    reason: String,
    proposed: Option<i64>,
) -> Result<Ingested> {
    inbound_mail::Entity::update_many()
        .col_expr(inbound_mail::Column::Status, Expr::value("quarantined"))
        .col_expr(inbound_mail::Column::Reason, Expr::value(reason))
        .col_expr(inbound_mail::Column::ProposedCaseId, Expr::value(proposed))
        .filter(inbound_mail::Column::Id.eq(id))
        .exec(&state.db)
        .await?;
    tracing::info!(inbound = id, "incoming mail held for review");
    let row = inbound_mail::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    answer(state, &row).await
}

/// Stores the message on the case as the party's, with its attachments; the dossier step
/// enters it in the audit log and tells the other side.
async fn store(
    state: &AppState,
    id: i64,
    case: &cases::Model,
    side: Side,
    caller: &Caller,
    m: &Incoming,
    reviewed_by: Option<i64>,
) -> Result<Ingested> {
    let reference: CaseReference = case
        .reference
        .parse()
        .map_err(|e| Error::Internal(anyhow::anyhow!("stored reference: {e}")))?;
    let body = if m.body.is_empty() {
        format!("(e-mail: {})", m.subject)
    } else {
        m.body.clone()
    };
    let command = Command::PostMessage {
        body,
        internal: false,
        by_email: true,
    };
    execute(state, &reference, caller, command).await?;
    let mut refused = Vec::new();
    for (file_name, bytes) in &m.attachments {
        let upload = documents::Upload {
            file_name: file_name.clone(),
            bytes: bytes.clone(),
        };
        if let Err(e) = documents::add(state, caller, &reference, upload).await {
            refused.push(format!("{file_name}: {e}"));
        }
    }
    let reason =
        (!refused.is_empty()).then(|| format!("attachments not kept: {}", refused.join("; ")));
    inbound_mail::Entity::update_many()
        .col_expr(inbound_mail::Column::Status, Expr::value("stored"))
        .col_expr(inbound_mail::Column::CaseId, Expr::value(case.id))
        .col_expr(inbound_mail::Column::Side, Expr::value(side.as_str()))
        .col_expr(inbound_mail::Column::Reason, Expr::value(reason))
        .col_expr(inbound_mail::Column::ResolvedBy, Expr::value(reviewed_by))
        .filter(inbound_mail::Column::Id.eq(id))
        .exec(&state.db)
        .await?;
    let row = inbound_mail::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    answer(state, &row).await
}

async fn answer(state: &AppState, row: &inbound_mail::Model) -> Result<Ingested> {
    let case_id = row.case_id.or(row.proposed_case_id);
    let case = match case_id {
        Some(id) => cases::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .map(|c| c.reference),
        None => None,
    };
    Ok(Ingested {
        id: row.id,
        status: row.status.clone(),
        case,
        reason: row.reason.clone(),
        duplicate: false,
        unreadable: false,
    })
}

/// A quarantined message as staff review it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Held {
    pub id: i64,
    pub received_at: chrono::DateTime<chrono::Utc>,
    pub from: String,
    pub subject: String,
    pub reason: Option<String>,
    /// The case Redress thinks it belongs to, if any.
    pub proposed_case: Option<String>,
    /// The start of its text.
    pub excerpt: String,
}

/// Messages waiting in quarantine, oldest first (staff).
pub async fn held(state: &AppState, caller: &Caller) -> Result<Vec<Held>> {
    authorize_global(&state.policies, caller, "mail.review")?;
    let rows = inbound_mail::Entity::find()
        .filter(inbound_mail::Column::Status.eq("quarantined"))
        .order_by_asc(inbound_mail::Column::Id)
        .limit(200)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let raw = std::fs::read(state.config.data_dir.join(&row.raw_key)).unwrap_or_default();
        let excerpt = read(&raw)
            .map(|m| m.body.chars().take(300).collect())
            .unwrap_or_default();
        let proposed_case = answer(state, &row).await?.case;
        out.push(Held {
            id: row.id,
            received_at: row.received_at,
            from: row.from_address,
            subject: row.subject,
            reason: row.reason,
            proposed_case,
            excerpt,
        });
    }
    Ok(out)
}

async fn held_row(state: &AppState, id: i64) -> Result<inbound_mail::Model> {
    inbound_mail::Entity::find_by_id(id)
        .filter(inbound_mail::Column::Status.eq("quarantined"))
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)
}

/// Staff put a held message on a case, for the party they name: they vouch for the sender.
pub async fn assign(
    state: &AppState,
    caller: &Caller,
    id: i64,
    reference: &CaseReference,
    side: Side,
) -> Result<Ingested> {
    authorize_global(&state.policies, caller, "mail.review")?;
    let row = held_row(state, id).await?;
    let raw = std::fs::read(state.config.data_dir.join(&row.raw_key))
        .map_err(|e| Error::Internal(e.into()))?;
    let incoming = read(&raw).map_err(|e| Error::invalid("id", e.to_string()))?;
    let case = find(state, reference).await?;
    store(
        state,
        row.id,
        &case,
        side,
        &Caller::Mailbox { side },
        &incoming,
        caller.user_id(),
    )
    .await
}

/// Staff discard a held message, saying why; it stays on file.
pub async fn discard(state: &AppState, caller: &Caller, id: i64, reason: &str) -> Result<Ingested> {
    authorize_global(&state.policies, caller, "mail.review")?;
    let row = held_row(state, id).await?;
    if reason.trim().chars().count() < 3 {
        return Err(Error::invalid("reason", "say why it is discarded"));
    }
    inbound_mail::Entity::update_many()
        .col_expr(inbound_mail::Column::Status, Expr::value("discarded"))
        .col_expr(inbound_mail::Column::Reason, Expr::value(reason.trim()))
        .col_expr(
            inbound_mail::Column::ResolvedBy,
            Expr::value(caller.user_id()),
        )
        .col_expr(
            inbound_mail::Column::ResolvedAt,
            Expr::value(state.clock.now()),
        )
        .filter(inbound_mail::Column::Id.eq(row.id))
        .exec(&state.db)
        .await?;
    let row = inbound_mail::Entity::find_by_id(row.id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    answer(state, &row).await
}
