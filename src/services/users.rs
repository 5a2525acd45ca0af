//! Accounts and companies: creation with an argon2id password hash and an audit entry.
use super::{Error, Result, welcome};
use crate::audit::{self, NewEntry, canonical_json, sha256_hex};
use crate::policy::Role;
use crate::policy::procedure::SUPPORTED_LANGUAGES;
use crate::state::AppState;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use chrono::{DateTime, Utc};
use entity::{companies, company_members, neutral_profiles, users};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use validator::ValidateEmail;

pub const MIN_PASSWORD_CHARS: usize = 12;

#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub language: String,
    /// None: the person sets one through the invitation link Redress mails them.
    pub password: Option<String>,
    /// For company representatives: the company they act for.
    pub company: Option<CompanyChoice>,
    /// For neutrals: what kind, and the languages and sectors they work in.
    pub neutral: Option<NeutralProfile>,
    /// The person registered themselves: a link to confirm the address is mailed. Otherwise
    /// the operator or staff member who made the account vouches for it.
    pub self_registered: bool,
}

#[derive(Clone, Debug)]
pub enum CompanyChoice {
    /// Found by name, or created (the command line and the demo).
    ByName(String),
    /// A company already registered.
    Existing(i64),
}

#[derive(Clone, Debug)]
pub struct NeutralProfile {
    /// "mediator" or "in_house_lawyer"
    pub kind: String,
    pub languages: Vec<String>,
    pub sectors: Vec<String>,
    /// R33: the company that employs or pays this neutral, if any.
    pub employer_company_id: Option<i64>,
}

pub const NEUTRAL_KINDS: &[&str] = &["mediator", "in_house_lawyer"];

#[derive(Clone, Debug)]
pub struct NewCompany {
    pub name: String,
    pub vat_number: Option<String>,
    pub domain: Option<String>,
    pub complaint_email: Option<String>,
    pub sector: String,
    pub country: String,
}

/// At least MIN_PASSWORD_CHARS characters and not easy to guess (zxcvbn score 3 of 4, which
/// also refuses passwords built from the person's own e-mail or name).
pub fn check_password(password: &str, email: &str, name: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::invalid(
            "password",
            format!("use at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    let local = email.split('@').next().unwrap_or_default();
    let estimate = zxcvbn::zxcvbn(password, &[email, local, name]);
    if u8::from(estimate.score()) < 3 {
        let hint = estimate
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        return Err(Error::invalid(
            "password",
            format!(
                "this password is too easy to guess{hint}; a few unrelated words make a strong one"
            ),
        ));
    }
    Ok(())
}

/// Argon2id is deliberately slow (tens of milliseconds): it runs on the blocking pool, so it
/// never stalls the request workers.
pub async fn hash_password(password: &str) -> Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password_now(&password))
        .await
        .map_err(|e| Error::Internal(e.into()))?
}

pub async fn verify_password(password: &str, hash: &str) -> bool {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || verify_password_now(&password, &hash))
        .await
        .unwrap_or(false)
}

pub(super) fn hash_password_now(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(anyhow::anyhow!("password hashing failed: {e}")))
}

fn verify_password_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Creates an account. `by` names who did it in the audit log ("system" for the CLI).
pub async fn create_user(state: &AppState, new: NewUser, by: &str) -> Result<users::Model> {
    // Hashing is slow: done before the write transaction, not inside it.
    let password_hash = match &new.password {
        Some(password) => {
            check_password(password, &new.email.trim().to_lowercase(), new.name.trim())?;
            Some(hash_password(password).await?)
        }
        None => None,
    };
    let txn = state.begin_write().await?;
    let user = insert_user(state, &*txn, new, password_hash, by).await?;
    txn.commit().await?;
    Ok(user)
}

/// Creates an account on `conn`, inside the caller's transaction (filing a case for someone,
/// bringing a company in). `password_hash` is None for an invited account.
pub async fn insert_user<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    new: NewUser,
    password_hash: Option<String>,
    by: &str,
) -> Result<users::Model> {
    let email = new.email.trim().to_lowercase();
    if !email.validate_email() {
        return Err(Error::invalid(
            "email",
            "enter an e-mail address such as name@example.eu",
        ));
    }
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(Error::invalid(
            "name",
            "enter a name of 1 to 200 characters",
        ));
    }
    if !SUPPORTED_LANGUAGES.contains(&new.language.as_str()) {
        return Err(Error::invalid(
            "language",
            format!("choose one of {}", SUPPORTED_LANGUAGES.join(", ")),
        ));
    }
    if matches!(new.role, Role::Public | Role::System) {
        return Err(Error::invalid(
            "role",
            "choose consumer, company, neutral or staff",
        ));
    }
    let named = |c: &CompanyChoice| matches!(c, CompanyChoice::ByName(n) if n.trim().is_empty());
    if new.role == Role::Company && new.company.as_ref().is_none_or(named) {
        return Err(Error::invalid(
            "company",
            "a company representative needs --company NAME",
        ));
    }
    let existing = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(conn)
        .await?;
    if existing.is_some() {
        return Err(Error::Conflict(format!(
            "an account for {email} already exists"
        )));
    }
    let neutral = match (&new.neutral, new.role) {
        (Some(profile), Role::Neutral) => Some(check_neutral(profile)?),
        (None, Role::Neutral) => Some(NeutralProfile {
            kind: "mediator".into(),
            languages: vec![new.language.clone()],
            sectors: vec!["general".into()],
            employer_company_id: None,
        }),
        _ => None,
    };
    if let Some(employer) = neutral.as_ref().and_then(|n| n.employer_company_id)
        && companies::Entity::find_by_id(employer)
            .one(conn)
            .await?
            .is_none()
    {
        return Err(Error::invalid("employer_company_id", "no such company"));
    }
    let now = state.clock.now();
    // Accounts made by an operator or staff with a password are vouched for; invited people
    // prove their address by using the link, self-registered ones by confirming it.
    let confirmed = (password_hash.is_some() && !new.self_registered).then_some(now);
    let invited = password_hash.is_none();
    // An account without a password cannot log in until its invitation link is used.
    let password_hash = password_hash.unwrap_or_default();

    let user = users::Entity::insert(users::ActiveModel {
        id: NotSet,
        email: Set(email),
        name: Set(name.to_string()),
        password_hash: Set(password_hash),
        role: Set(new.role.as_str().to_string()),
        language: Set(new.language.clone()),
        email_confirmed_at: Set(confirmed),
        failed_logins: Set(0),
        locked_until: Set(None),
        created_at: Set(now),
        erased_at: Set(None),
        erasure_requested_at: Set(None),
    })
    .exec_with_returning(conn)
    .await
    .map_err(|e| taken_or(e, &new.email))?;
    let mut company_id = None;
    if let Some(choice) = new.company.as_ref().filter(|_| new.role == Role::Company) {
        let id = match choice {
            CompanyChoice::ByName(name) => {
                find_or_create_company(conn, name.trim(), by, now).await?.id
            }
            CompanyChoice::Existing(id) => *id,
        };
        company_id = Some(id);
        let member_role = match choice {
            CompanyChoice::ByName(_) => "admin",
            CompanyChoice::Existing(_) => "member",
        };
        company_members::Entity::insert(company_members::ActiveModel {
            company_id: Set(id),
            user_id: Set(user.id),
            member_role: Set(member_role.into()),
            created_at: Set(now),
        })
        .exec_without_returning(conn)
        .await?;
    }
    if let Some(profile) = neutral {
        neutral_profiles::Entity::insert(neutral_profiles::ActiveModel {
            user_id: Set(user.id),
            kind: Set(profile.kind),
            languages: Set(profile.languages.join(",")),
            sectors: Set(profile.sectors.join(",")),
            capacity: Set(25),
            employer_company_id: Set(profile.employer_company_id),
            mandate: Set(None),
        })
        .exec_without_returning(conn)
        .await?;
    }
    log(
        conn,
        by,
        "user.create",
        &serde_json::json!({"user": user.id, "role": user.role}),
        now,
    )
    .await?;
    if invited {
        welcome::invitation(state, conn, &user, company_id, now).await?;
    } else if new.self_registered {
        welcome::confirmation(state, conn, &user, now).await?;
    }
    Ok(user)
}

/// A unique-index violation on insert means the e-mail was taken meanwhile (two registrations
/// racing past the check above): the same 409 as the check gives.
pub(super) fn taken_or(e: sea_orm::DbErr, email: &str) -> Error {
    match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => Error::Conflict(format!(
            "an account for {} already exists",
            email.trim().to_lowercase()
        )),
        _ => e.into(),
    }
}

fn check_neutral(profile: &NeutralProfile) -> Result<NeutralProfile> {
    if !NEUTRAL_KINDS.contains(&profile.kind.as_str()) {
        return Err(Error::invalid(
            "kind",
            format!("choose one of {}", NEUTRAL_KINDS.join(", ")),
        ));
    }
    let languages: Vec<String> = profile
        .languages
        .iter()
        .map(|l| l.trim().to_lowercase())
        .collect();
    if languages.is_empty()
        || languages
            .iter()
            .any(|l| !SUPPORTED_LANGUAGES.contains(&l.as_str()))
    {
        return Err(Error::invalid(
            "languages",
            format!("list one or more of {}", SUPPORTED_LANGUAGES.join(", ")),
        ));
    }
    let sectors: Vec<String> = profile
        .sectors
        .iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    if sectors.is_empty()
        || sectors.iter().any(|s| {
            s.len() > 40
                || !s
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-')
        })
    {
        return Err(Error::invalid(
            "sectors",
            "list one or more sectors such as retail, travel or energy (lowercase words)",
        ));
    }
    Ok(NeutralProfile {
        kind: profile.kind.clone(),
        languages,
        sectors,
        employer_company_id: profile.employer_company_id,
    })
}

pub async fn create_company(
    state: &AppState,
    new: NewCompany,
    by: &str,
) -> Result<companies::Model> {
    check_company(&new)?;
    let txn = state.begin_write().await?;
    let company = insert_company(&*txn, new, by, state.clock.now()).await?;
    txn.commit().await?;
    Ok(company)
}

/// A company's fields make sense: a name, a real e-mail address, a country code, and (given)
/// a VAT number and domain of a plausible shape. Field names are prefixed `company.`.
pub fn check_company(new: &NewCompany) -> Result<()> {
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(Error::invalid(
            "company.name",
            "enter a company name of 1 to 200 characters",
        ));
    }
    if let Some(email) = &new.complaint_email
        && !email.trim().validate_email()
    {
        return Err(Error::invalid(
            "company.complaint_email",
            "enter the e-mail address where the company takes complaints",
        ));
    }
    if new.country.len() != 2 || !new.country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::invalid(
            "company.country",
            "use a two-letter country code such as BE",
        ));
    }
    if let Some(vat) = &new.vat_number
        && (vat.len() > 32 || !vat.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return Err(Error::invalid(
            "company.vat_number",
            "write the VAT number as letters and digits, such as BE0123456789",
        ));
    }
    if let Some(domain) = &new.domain
        && (domain.len() > 253 || !domain.contains('.') || domain.contains(char::is_whitespace))
    {
        return Err(Error::invalid(
            "company.domain",
            "write the web address's domain, such as shop.example",
        ));
    }
    Ok(())
}

/// Stores a checked company on the caller's transaction, with its audit entry.
pub async fn insert_company<C: ConnectionTrait>(
    conn: &C,
    new: NewCompany,
    by: &str,
    now: DateTime<Utc>,
) -> Result<companies::Model> {
    let company = companies::Entity::insert(companies::ActiveModel {
        id: NotSet,
        name: Set(new.name.trim().to_string()),
        vat_number: Set(new.vat_number.map(|v| v.trim().to_uppercase())),
        domain: Set(new.domain.map(|d| d.trim().to_lowercase())),
        complaint_email: Set(new.complaint_email.map(|e| e.trim().to_lowercase())),
        sector: Set(new.sector),
        country: Set(new.country),
        public_reply: Set(None),
        created_at: Set(now),
    })
    .exec_with_returning(conn)
    .await?;
    log(
        conn,
        by,
        "company.create",
        &serde_json::json!({"company": company.id}),
        now,
    )
    .await?;
    Ok(company)
}

async fn find_or_create_company<C: ConnectionTrait>(
    conn: &C,
    name: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<companies::Model> {
    if let Some(found) = companies::Entity::find()
        .filter(companies::Column::Name.eq(name))
        .one(conn)
        .await?
    {
        return Ok(found);
    }
    let company = companies::Entity::insert(companies::ActiveModel {
        id: NotSet,
        name: Set(name.to_string()),
        vat_number: Set(None),
        domain: Set(None),
        complaint_email: Set(None),
        sector: Set("general".into()),
        country: Set("BE".into()),
        public_reply: Set(None),
        created_at: Set(now),
    })
    .exec_with_returning(conn)
    .await?;
    log(
        conn,
        by,
        "company.create",
        &serde_json::json!({"company": company.id}),
        now,
    )
    .await?;
    Ok(company)
}

/// An audit entry for an account or company step: the log keeps ids, never names or e-mails.
pub(super) async fn log<C: ConnectionTrait>(
    conn: &C,
    by: &str,
    action: &str,
    payload: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<()> {
    audit::append(
        conn,
        NewEntry {
            at: now,
            actor: by.to_string(),
            case_id: None,
            action: action.to_string(),
            policy: "-".into(),
            rule: "operator".into(),
            automated: false,
            payload_hash: sha256_hex(&canonical_json(payload)),
        },
    )
    .await?;
    Ok(())
}
