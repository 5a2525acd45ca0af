//! Company referrals: a company whose own complaint procedure ended without agreement hands
//! the complaint to Redress with its history. The consumer stays the claimant (R33): they get
//! a one-time link, see what the company sent, may add to it, and confirm, which files the
//! case in their name with the prior complaint on record and the company taking part; or they
//! decline, or let the invitation expire. The company hears of each answer.
use super::documents::Upload;
use super::filing::{Channel, CompanyPick, ConsumerPick, NewCase, PriorComplaint, file_case};
use super::{Caller, Error, Result, authorize_company, random_hex};
use crate::audit::sha256_hex;
use crate::domain::dossier::{Command, Document, Remedy, Status};
use crate::domain::money::Money;
use crate::mail::{self, Mail};
use crate::policy::Role;
use crate::policy::procedure::SUPPORTED_LANGUAGES;
use crate::state::AppState;
use chrono::{Duration, NaiveDate};
use entity::{cases, companies, referral_documents, referrals, users};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::json;
use std::collections::HashMap;
use validator::ValidateEmail;

pub const INVITED: &str = "invited";
pub const CONFIRMED: &str = "confirmed";
pub const DECLINED: &str = "declined";
pub const EXPIRED: &str = "expired";

/// What a company sends: who the consumer is, its own reference, and the history of the
/// complaint in its systems.
#[derive(Clone, Debug)]
pub struct NewReferral {
    pub company_reference: String,
    pub consumer_name: String,
    pub consumer_email: String,
    pub consumer_language: String,
    /// complaint or incident
    pub case_type: String,
    pub complained_on: NaiveDate,
    /// How the consumer complained: email, phone, letter, shop, web form …
    pub channel: String,
    /// What the consumer asked for.
    pub asked: String,
    /// What the company offered.
    pub offered: String,
    /// The company's final answer.
    pub final_answer: String,
    pub desired_outcome: Remedy,
    pub claim: Money,
}

/// The answer to a referral: the referral, and whether it is new. A second referral of a
/// complaint already invited or on an open case returns the first.
#[derive(Clone, Debug)]
pub struct Referred {
    pub referral: referrals::Model,
    pub created: bool,
    /// The case it became, when the consumer confirmed.
    pub case: Option<String>,
}

fn text(field: &str, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("write 1 to {max} characters"),
        ));
    }
    Ok(value.to_string())
}

fn check(new: &NewReferral, today: NaiveDate) -> Result<NewReferral> {
    let email = new.consumer_email.trim().to_lowercase();
    if !email.validate_email() {
        return Err(Error::invalid(
            "consumer_email",
            "give the consumer's e-mail address, such as anna@example.eu",
        ));
    }
    if !SUPPORTED_LANGUAGES.contains(&new.consumer_language.as_str()) {
        return Err(Error::invalid(
            "consumer_language",
            format!("choose one of {}", SUPPORTED_LANGUAGES.join(", ")),
        ));
    }
    if !matches!(new.case_type.as_str(), "complaint" | "incident") {
        return Err(Error::invalid("case_type", "choose complaint or incident"));
    }
    if new.complained_on > today {
        return Err(Error::invalid(
            "complained_on",
            "the consumer's complaint cannot be dated in the future",
        ));
    }
    Ok(NewReferral {
        company_reference: text("company_reference", &new.company_reference, 100)?,
        consumer_name: text("consumer_name", &new.consumer_name, 200)?,
        consumer_email: email,
        channel: text("channel", &new.channel, 32)?,
        asked: text("asked", &new.asked, 5_000)?,
        offered: text("offered", &new.offered, 5_000)?,
        final_answer: text("final_answer", &new.final_answer, 5_000)?,
        ..new.clone()
    })
}

/// Where the consumer answers: the link's path, its token in it.
pub fn link_path(token: &str) -> String {
    format!("/referrals/{token}")
}

/// The most documents one referral carries.
pub const MAX_DOCUMENTS: usize = 10;

/// A company (its representative, or its system with an API token) refers a complaint, with
/// the documents of its own procedure (checked like a case's documents, before anything is
/// stored).
pub async fn refer(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    new: NewReferral,
    documents: Vec<Upload>,
) -> Result<Referred> {
    authorize_company(state, caller, company_id, "company.refer").await?;
    let new = check(&new, state.clock.now().date_naive())?;
    if let Some(earlier) = earlier_referral(state, company_id, &new.company_reference).await? {
        return Ok(earlier);
    }
    if documents.len() > MAX_DOCUMENTS {
        return Err(too_many_documents());
    }
    let company = companies::Entity::find_by_id(company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let mut kept = Vec::with_capacity(documents.len());
    for upload in documents {
        kept.push(super::documents::keep(state, upload).await?);
    }
    let txn = state.begin_write().await?;
    let referral = invite(state, &*txn, caller, &company, &new).await?;
    for document in kept {
        record_document(state, &*txn, referral.id, document).await?;
    }
    txn.commit().await?;
    Ok(Referred {
        referral,
        created: true,
        case: None,
    })
}

fn too_many_documents() -> Error {
    Error::invalid(
        "file",
        format!("a referral carries at most {MAX_DOCUMENTS} documents"),
    )
}

async fn record_document<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    referral_id: i64,
    document: Document,
) -> Result<referral_documents::Model> {
    Ok(
        referral_documents::Entity::insert(referral_documents::ActiveModel {
            id: NotSet,
            referral_id: Set(referral_id),
            file_name: Set(document.file_name),
            content_type: Set(document.content_type),
            size: Set(document.size),
            sha256: Set(document.sha256),
            created_at: Set(state.clock.now()),
        })
        .exec_with_returning(conn)
        .await?,
    )
}

/// The company adds a document to a referral the consumer has not answered yet.
pub async fn add_document(
    state: &AppState,
    caller: &Caller,
    referral_id: i64,
    upload: Upload,
) -> Result<referral_documents::Model> {
    let referral = referrals::Entity::find_by_id(referral_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    authorize_company(state, caller, referral.company_id, "company.refer").await?;
    if referral.status != INVITED {
        return Err(Error::Conflict(
            "The consumer has answered this referral; add documents to the case instead.".into(),
        ));
    }
    let count = referral_documents::Entity::find()
        .filter(referral_documents::Column::ReferralId.eq(referral_id))
        .count(&state.db)
        .await?;
    if count as usize >= MAX_DOCUMENTS {
        return Err(too_many_documents());
    }
    let document = super::documents::keep(state, upload).await?;
    record_document(state, &state.db, referral_id, document).await
}

/// The documents of some referrals, by referral, oldest first: one query.
pub async fn documents_of(
    state: &AppState,
    referral_ids: &[i64],
) -> Result<HashMap<i64, Vec<referral_documents::Model>>> {
    let mut by_referral: HashMap<i64, Vec<_>> = HashMap::new();
    for d in referral_documents::Entity::find()
        .filter(referral_documents::Column::ReferralId.is_in(referral_ids.iter().copied()))
        .order_by_asc(referral_documents::Column::Id)
        .all(&state.db)
        .await?
    {
        by_referral.entry(d.referral_id).or_default().push(d);
    }
    Ok(by_referral)
}

/// A document of the referral a consumer's link opens, with its bytes.
pub async fn document_by_token(
    state: &AppState,
    token: &str,
    id: i64,
) -> Result<(referral_documents::Model, Vec<u8>)> {
    let (referral, _) = by_token(state, token).await?;
    let row = referral_documents::Entity::find_by_id(id)
        .filter(referral_documents::Column::ReferralId.eq(referral.id))
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let bytes = super::documents::read(state, &row.sha256).await?;
    Ok((row, bytes))
}

/// Stores a checked referral and queues the consumer's invitation, on `conn`.
async fn invite<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    caller: &Caller,
    company: &companies::Model,
    new: &NewReferral,
) -> Result<referrals::Model> {
    let now = state.clock.now();
    let days = state.policies.entity.referrals.invitation_days;
    let token = random_hex(32);
    let referral = referrals::Entity::insert(referrals::ActiveModel {
        id: NotSet,
        company_id: Set(company.id),
        referred_by: Set(caller.user_id().unwrap_or(0)),
        company_reference: Set(new.company_reference.clone()),
        consumer_name: Set(new.consumer_name.clone()),
        consumer_email: Set(new.consumer_email.clone()),
        consumer_language: Set(new.consumer_language.clone()),
        case_type: Set(new.case_type.clone()),
        complained_on: Set(new.complained_on),
        channel: Set(new.channel.clone()),
        asked: Set(new.asked.clone()),
        offered: Set(new.offered.clone()),
        final_answer: Set(new.final_answer.clone()),
        desired_outcome: Set(new.desired_outcome.as_str().to_string()),
        amount_cents: Set(new.claim.cents()),
        currency: Set(new.claim.currency().to_string()),
        status: Set(INVITED.into()),
        token_hash: Set(sha256_hex(token.as_bytes())),
        case_id: Set(None),
        decline_reason: Set(None),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(i64::from(days))),
        answered_at: Set(None),
    })
    .exec_with_returning(conn)
    .await?;
    let data = json!({
        "name": referral.consumer_name,
        "company": company.name,
        "reference": referral.company_reference,
        "entity": state.policies.entity.name,
        "portal": state.config.link("/"),
        "link": state.config.link(&link_path(&token)),
        "days": days,
    });
    mail::enqueue(
        conn,
        state,
        Mail {
            kind: "referral_invitation",
            to: &referral.consumer_email,
            language: &referral.consumer_language,
            user_id: None,
            case_id: None,
            reply_to: None,
            data,
            attachment: None,
            party_side: None,
        },
        now,
    )
    .await
    .map_err(|e| Error::Internal(e.into()))?;
    Ok(referral)
}

/// The columns of a referrals CSV, in any order, with a header line.
pub const CSV_COLUMNS: &[&str] = &[
    "company_reference",
    "consumer_name",
    "consumer_email",
    "consumer_language",
    "case_type",
    "complained_on",
    "channel",
    "asked",
    "offered",
    "final_answer",
    "desired_outcome",
    "amount_cents",
    "currency",
];

/// The most lines one file may hold.
const CSV_ROWS: usize = 1_000;

/// A line of a CSV that cannot be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The line in the file, the header being line 1.
    pub line: usize,
    pub field: String,
    pub message: String,
}

/// What a CSV import did: every line referred (or found referred already), or nothing at all
/// and the problem of each wrong line.
pub enum Imported {
    All(Vec<Referred>),
    Nothing(Vec<RowProblem>),
}

/// A company refers many complaints from one CSV file. Every line is checked first; one wrong
/// line imports nothing, and every wrong line is reported with its field.
pub async fn refer_csv(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    file: &[u8],
) -> Result<Imported> {
    authorize_company(state, caller, company_id, "company.refer").await?;
    let company = companies::Entity::find_by_id(company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let today = state.clock.now().date_naive();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(file);
    let problem = |line: usize, field: &str, message: String| RowProblem {
        line,
        field: field.to_string(),
        message,
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            return Ok(Imported::Nothing(vec![problem(
                1,
                "file",
                format!("not a CSV file: {e}"),
            )]));
        }
    };
    let missing: Vec<RowProblem> = CSV_COLUMNS
        .iter()
        .filter(|c| !headers.iter().any(|h| h == *c))
        .map(|c| problem(1, c, "this column is missing from the header line".into()))
        .collect();
    if !missing.is_empty() {
        return Ok(Imported::Nothing(missing));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        if i >= CSV_ROWS {
            problems.push(problem(
                line,
                "file",
                format!("at most {CSV_ROWS} lines per file"),
            ));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(line, "line", format!("cannot be read: {e}")));
                continue;
            }
        };
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|at| record.get(at))
                .unwrap_or("")
                .to_string()
        };
        match row(&get, today) {
            Ok(new) if !seen.insert(new.company_reference.clone()) => problems.push(problem(
                line,
                "company_reference",
                "this reference is on an earlier line of the file".into(),
            )),
            Ok(new) => rows.push(new),
            Err(Error::Invalid { field, message }) => problems.push(problem(line, &field, message)),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        return Ok(Imported::Nothing(problems));
    }
    // Read before the transaction: on SQLite it holds the one connection.
    let references: Vec<String> = rows.iter().map(|r| r.company_reference.clone()).collect();
    let mut earlier = earlier_referrals(state, company_id, &references).await?;
    let mut done = Vec::with_capacity(rows.len());
    let txn = state.begin_write().await?;
    for new in rows {
        if let Some(earlier) = earlier.remove(&new.company_reference) {
            done.push(earlier);
            continue;
        }
        let referral = invite(state, &*txn, caller, &company, &new).await?;
        done.push(Referred {
            referral,
            created: true,
            case: None,
        });
    }
    txn.commit().await?;
    Ok(Imported::All(done))
}

/// One CSV line as a checked referral.
fn row(get: &dyn Fn(&str) -> String, today: NaiveDate) -> Result<NewReferral> {
    let complained_on = NaiveDate::parse_from_str(&get("complained_on"), "%Y-%m-%d")
        .map_err(|_| Error::invalid("complained_on", "give the date as 2026-02-10"))?;
    let desired_outcome = Remedy::parse(&get("desired_outcome")).ok_or_else(|| {
        Error::invalid(
            "desired_outcome",
            "choose refund, repair, replacement, discount, apology or other",
        )
    })?;
    let amount: i64 = get("amount_cents")
        .parse()
        .map_err(|_| Error::invalid("amount_cents", "give the amount in cents, such as 64900"))?;
    let currency = get("currency")
        .to_uppercase()
        .parse()
        .map_err(|e: crate::domain::money::MoneyError| Error::invalid("currency", e.to_string()))?;
    let claim =
        Money::new(amount, currency).map_err(|e| Error::invalid("amount_cents", e.to_string()))?;
    let case_type = match get("case_type").as_str() {
        "" => "complaint".to_string(),
        other => other.to_string(),
    };
    check(
        &NewReferral {
            company_reference: get("company_reference"),
            consumer_name: get("consumer_name"),
            consumer_email: get("consumer_email"),
            consumer_language: get("consumer_language"),
            case_type,
            complained_on,
            channel: get("channel"),
            asked: get("asked"),
            offered: get("offered"),
            final_answer: get("final_answer"),
            desired_outcome,
            claim,
        },
        today,
    )
}

/// The referral of this complaint that is still pending, or whose case is still open.
async fn earlier_referral(
    state: &AppState,
    company_id: i64,
    reference: &str,
) -> Result<Option<Referred>> {
    let mut found = earlier_referrals(state, company_id, &[reference.to_string()]).await?;
    Ok(found.remove(reference))
}

/// For each of `references`, the referral still pending or whose case is still open: two
/// queries whatever the number of references (a CSV file has up to 1,000).
async fn earlier_referrals(
    state: &AppState,
    company_id: i64,
    references: &[String],
) -> Result<HashMap<String, Referred>> {
    let mut found = HashMap::new();
    for chunk in references.chunks(500) {
        let earlier = referrals::Entity::find()
            .filter(referrals::Column::CompanyId.eq(company_id))
            .filter(referrals::Column::CompanyReference.is_in(chunk.iter().cloned()))
            .filter(referrals::Column::Status.is_in([INVITED, CONFIRMED]))
            .order_by_desc(referrals::Column::Id)
            .all(&state.db)
            .await?;
        let open_cases: HashMap<i64, String> = cases::Entity::find()
            .filter(cases::Column::Id.is_in(earlier.iter().filter_map(|r| r.case_id)))
            .filter(cases::Column::Status.is_in(Status::open_names()))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.reference))
            .collect();
        for referral in earlier {
            let case = referral.case_id.and_then(|id| open_cases.get(&id).cloned());
            if found.contains_key(&referral.company_reference)
                || (referral.status != INVITED && case.is_none())
            {
                continue;
            }
            found.insert(
                referral.company_reference.clone(),
                Referred {
                    case,
                    referral,
                    created: false,
                },
            );
        }
    }
    Ok(found)
}

/// The company's referrals, newest first.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
) -> Result<Vec<(referrals::Model, Option<String>)>> {
    authorize_company(state, caller, company_id, "company.refer").await?;
    let rows = referrals::Entity::find()
        .filter(referrals::Column::CompanyId.eq(company_id))
        .order_by_desc(referrals::Column::Id)
        .all(&state.db)
        .await?;
    // The cases they became, in one query.
    let references: HashMap<i64, String> = cases::Entity::find()
        .filter(cases::Column::Id.is_in(rows.iter().filter_map(|r| r.case_id)))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.reference))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let reference = r.case_id.and_then(|id| references.get(&id).cloned());
            (r, reference)
        })
        .collect())
}

/// The referral a consumer's link opens, with the company's name. Anyone holding the link may
/// read it, as anyone holding an invitation mail may.
pub async fn by_token(state: &AppState, token: &str) -> Result<(referrals::Model, String)> {
    let referral = referrals::Entity::find()
        .filter(referrals::Column::TokenHash.eq(sha256_hex(token.as_bytes())))
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let company = companies::Entity::find_by_id(referral.company_id)
        .one(&state.db)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    Ok((referral, company))
}

/// An invitation still open to an answer, or why not.
fn pending(referral: &referrals::Model, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    match referral.status.as_str() {
        INVITED if referral.expires_at > now => Ok(()),
        INVITED | EXPIRED => Err(Error::Conflict(
            "This invitation has expired. You can still file a complaint yourself.".into(),
        )),
        CONFIRMED => Err(Error::Conflict(
            "You already took this complaint to us: it is a case now.".into(),
        )),
        _ => Err(Error::Conflict("You declined this invitation.".into())),
    }
}

/// What the consumer adds before confirming.
#[derive(Clone, Debug, Default)]
pub struct Confirmation {
    /// The consumer's own words, added to what the company sent.
    pub addition: String,
    pub desired_outcome: Option<Remedy>,
    pub amount_cents: Option<i64>,
    pub public: bool,
}

/// The consumer takes the complaint on: a case filed in their name (an account is made if
/// they have none, with a link to choose a password), the company's complaint on record.
pub async fn confirm(state: &AppState, token: &str, answer: Confirmation) -> Result<cases::Model> {
    let (referral, company) = by_token(state, token).await?;
    let now = state.clock.now();
    pending(&referral, now)?;
    let addition = answer.addition.trim();
    if addition.chars().count() > 10_000 {
        return Err(Error::invalid(
            "addition",
            "keep what you add within 10,000 characters",
        ));
    }
    let desired_outcome = answer
        .desired_outcome
        .or_else(|| Remedy::parse(&referral.desired_outcome))
        .unwrap_or(Remedy::Other);
    let claim = Money::new(
        answer.amount_cents.unwrap_or(referral.amount_cents),
        referral
            .currency
            .parse()
            .map_err(|e: crate::domain::money::MoneyError| {
                Error::invalid("currency", e.to_string())
            })?,
    )
    .map_err(|e| Error::invalid("amount_cents", e.to_string()))?;
    let mut summary = format!(
        "Referred by {company} (their reference {}).\nMy complaint of {} ({}): {}\nWhat {company} offered: {}\nIts final answer: {}",
        referral.company_reference,
        referral.complained_on,
        referral.channel,
        referral.asked,
        referral.offered,
        referral.final_answer,
    );
    if !addition.is_empty() {
        summary.push_str("\n\nWhat I add: ");
        summary.push_str(addition);
    }
    let new = NewCase {
        consumer: ConsumerPick::ByEmail {
            email: referral.consumer_email.clone(),
            name: referral.consumer_name.clone(),
            language: referral.consumer_language.clone(),
        },
        company: CompanyPick::Existing(referral.company_id),
        case_type: referral.case_type.clone(),
        channel: Channel::Referral,
        language: referral.consumer_language.clone(),
        public: answer.public,
        summary,
        desired_outcome,
        claim,
        prior_complaint: Some(PriorComplaint {
            on: referral.complained_on,
            channel: referral.channel.clone(),
            reference: Some(referral.company_reference.clone()),
        }),
        allow_duplicate: true,
        consumer_country: None,
    };
    let case = file_case(state, &Caller::System, new).await?;
    let claimed = referrals::Entity::update_many()
        .set(referrals::ActiveModel {
            status: Set(CONFIRMED.into()),
            case_id: Set(Some(case.id)),
            answered_at: Set(Some(now)),
            ..Default::default()
        })
        .filter(referrals::Column::Id.eq(referral.id))
        .filter(referrals::Column::Status.eq(INVITED))
        .exec(&state.db)
        .await?;
    if claimed.rows_affected == 1 {
        tell_company(
            state,
            &state.db,
            &referral,
            "confirmed",
            Some(&case.reference),
            None,
        )
        .await?;
        carry_documents(state, &referral, &case).await?;
    }
    Ok(case)
}

/// The company's documents enter the case file as the company's, each with its audit entry,
/// on behalf of the representative who referred it.
async fn carry_documents(
    state: &AppState,
    referral: &referrals::Model,
    case: &cases::Model,
) -> Result<()> {
    let documents = documents_of(state, &[referral.id])
        .await?
        .remove(&referral.id)
        .unwrap_or_default();
    if documents.is_empty() {
        return Ok(());
    }
    let reference = case
        .reference
        .parse()
        .map_err(|_| Error::Internal(anyhow::anyhow!("case {} has a bad reference", case.id)))?;
    let rep = Caller::User {
        id: referral.referred_by,
        role: Role::Company,
    };
    for d in documents {
        let document = Document {
            sha256: d.sha256,
            size: d.size,
            content_type: d.content_type,
            file_name: d.file_name,
        };
        super::dossier::execute(state, &reference, &rep, Command::AddDocument(document)).await?;
    }
    Ok(())
}

/// The consumer declines; the company is told.
pub async fn decline(state: &AppState, token: &str, reason: &str) -> Result<()> {
    let (referral, _) = by_token(state, token).await?;
    let now = state.clock.now();
    pending(&referral, now)?;
    let reason = reason.trim();
    if reason.chars().count() > 2_000 {
        return Err(Error::invalid(
            "reason",
            "keep the reason within 2,000 characters",
        ));
    }
    let txn = state.begin_write().await?;
    let updated = referrals::Entity::update_many()
        .set(referrals::ActiveModel {
            status: Set(DECLINED.into()),
            decline_reason: Set((!reason.is_empty()).then(|| reason.to_string())),
            answered_at: Set(Some(now)),
            ..Default::default()
        })
        .filter(referrals::Column::Id.eq(referral.id))
        .filter(referrals::Column::Status.eq(INVITED))
        .exec(&*txn)
        .await?;
    if updated.rows_affected == 1 {
        let reason = (!reason.is_empty()).then_some(reason);
        tell_company(state, &*txn, &referral, "declined", None, reason).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Invitations past their time expire; each company hears of it. Run by the scheduler.
pub async fn expire_due(state: &AppState) -> Result<usize> {
    let now = state.clock.now();
    let due = referrals::Entity::find()
        .filter(referrals::Column::Status.eq(INVITED))
        .filter(referrals::Column::ExpiresAt.lte(now))
        .all(&state.db)
        .await?;
    let mut expired = 0;
    for referral in due {
        let txn = state.begin_write().await?;
        let updated = referrals::Entity::update_many()
            .set(referrals::ActiveModel {
                status: Set(EXPIRED.into()),
                answered_at: Set(Some(now)),
                ..Default::default()
            })
            .filter(referrals::Column::Id.eq(referral.id))
            .filter(referrals::Column::Status.eq(INVITED))
            .exec(&*txn)
            .await?;
        if updated.rows_affected == 1 {
            tell_company(state, &*txn, &referral, "expired", None, None).await?;
            expired += 1;
        }
        txn.commit().await?;
    }
    Ok(expired)
}

/// Mails the representative who referred the complaint how the consumer answered.
async fn tell_company<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    referral: &referrals::Model,
    answer: &str,
    case: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    let Some(rep) = users::Entity::find_by_id(referral.referred_by)
        .one(conn)
        .await?
        .filter(|u| u.erased_at.is_none())
    else {
        return Ok(());
    };
    let data = json!({
        "name": rep.name,
        "reference": referral.company_reference,
        "answer": answer,
        "confirmed": answer == "confirmed",
        "declined": answer == "declined",
        "reason": reason,
        "case": case,
        "case_link": case.map(|r| state.config.link(&format!("/cases/{r}"))),
        "entity": state.policies.entity.name,
        "portal": state.config.link("/"),
    });
    mail::enqueue(
        conn,
        state,
        Mail {
            kind: "referral_answered",
            to: &rep.email,
            language: &rep.language,
            user_id: Some(rep.id),
            case_id: None,
            reply_to: None,
            data,
            attachment: None,
            party_side: None,
        },
        state.clock.now(),
    )
    .await
    .map_err(|e| Error::Internal(e.into()))
}

/// A referred case, once accepted, records the company as taking part: it said so by
/// referring. Done on behalf of the representative who referred it.
pub(crate) async fn after_acceptance(state: &AppState, case_id: i64) -> Result<()> {
    let Some(referral) = referrals::Entity::find()
        .filter(referrals::Column::CaseId.eq(case_id))
        .one(&state.db)
        .await?
    else {
        return Ok(());
    };
    let Some(case) = cases::Entity::find_by_id(case_id).one(&state.db).await? else {
        return Ok(());
    };
    let rep = Caller::User {
        id: referral.referred_by,
        role: Role::Company,
    };
    let join = Command::AnswerParticipation {
        takes_part: true,
        reasons: String::new(),
    };
    let reference = case
        .reference
        .parse()
        .map_err(|_| Error::Internal(anyhow::anyhow!("case {case_id} has a bad reference")))?;
    super::dossier::execute(state, &reference, &rep, join).await?;
    Ok(())
}

/// What a company asks its deadlock letter to say.
#[derive(Clone, Debug)]
pub struct LetterRequest {
    pub reference: String,
    pub consumer: String,
    /// As typed: `2026-02-10`.
    pub complained_on: String,
    /// Whether the company takes part in the entity's procedure; it must say.
    pub takes_part: Option<bool>,
    pub language: String,
}

/// R36: the company's deadlock letter as a PDF, with a link that opens the filing form holding
/// the company, its reference, the date of the complaint and its answer.
pub async fn deadlock_letter(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    req: LetterRequest,
) -> Result<Vec<u8>> {
    authorize_company(state, caller, company_id, "company.refer").await?;
    let company = companies::Entity::find_by_id(company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let today = state.clock.now().date_naive();
    let reference = text("reference", &req.reference, 100)?;
    let consumer = text("consumer", &req.consumer, 200)?;
    if !SUPPORTED_LANGUAGES.contains(&req.language.as_str()) {
        return Err(Error::invalid(
            "language",
            format!("choose one of {}", SUPPORTED_LANGUAGES.join(", ")),
        ));
    }
    let complained_on = NaiveDate::parse_from_str(req.complained_on.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("complained_on", "give the date as 2026-02-10"))?;
    if complained_on > today {
        return Err(Error::invalid(
            "complained_on",
            "the consumer's complaint cannot be dated in the future",
        ));
    }
    let takes_part = req.takes_part.ok_or_else(|| {
        Error::invalid(
            "takes_part",
            "say whether the company takes part in the procedure: true or false",
        )
    })?;
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("company_id", &company_id.to_string())
        .append_pair("prior_reference", &reference)
        .append_pair("prior_on", &complained_on.to_string())
        .append_pair("takes_part", if takes_part { "yes" } else { "no" })
        .finish();
    let link = state.config.link(&format!("/cases/new?{query}"));
    let entity = &state.policies.entity;
    Ok(crate::letters::deadlock_letter(
        &crate::letters::DeadlockLetter {
            company: &company.name,
            consumer: &consumer,
            reference: &reference,
            complained_on,
            written_on: today,
            takes_part,
            entity: &entity.name,
            entity_website: &entity.website,
            filing_link: &link,
            language: &req.language,
        },
    ))
}
