//! Accounts and companies: creation with an argon2id password hash and an audit entry.
use super::{Error, Result};
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
    pub password: String,
    /// For company representatives: the company they act for (found by name, or created).
    pub company: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewCompany {
    pub name: String,
    pub vat_number: Option<String>,
    pub domain: Option<String>,
    pub complaint_email: Option<String>,
    pub sector: String,
    pub country: String,
}

pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(anyhow::anyhow!("password hashing failed: {e}")))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
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
    if new.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::invalid(
            "password",
            format!("use at least {MIN_PASSWORD_CHARS} characters"),
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
    if new.role == Role::Company && new.company.as_deref().is_none_or(|c| c.trim().is_empty()) {
        return Err(Error::invalid(
            "company",
            "a company representative needs --company NAME",
        ));
    }
    let existing = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&state.db)
        .await?;
    if existing.is_some() {
        return Err(Error::Conflict(format!(
            "an account for {email} already exists"
        )));
    }
    let password_hash = hash_password(&new.password)?;
    let now = state.clock.now();

    let txn = state.begin_write().await?;
    let user = users::Entity::insert(users::ActiveModel {
        id: NotSet,
        email: Set(email),
        name: Set(name.to_string()),
        password_hash: Set(password_hash),
        role: Set(new.role.as_str().to_string()),
        language: Set(new.language.clone()),
        email_confirmed_at: Set(None),
        failed_logins: Set(0),
        locked_until: Set(None),
        created_at: Set(now),
        erased_at: Set(None),
    })
    .exec_with_returning(&*txn)
    .await?;
    if let Some(company_name) = new.company.as_deref().filter(|_| new.role == Role::Company) {
        let company = find_or_create_company(&*txn, company_name.trim(), by, now).await?;
        company_members::Entity::insert(company_members::ActiveModel {
            company_id: Set(company.id),
            user_id: Set(user.id),
            member_role: Set("admin".into()),
            created_at: Set(now),
        })
        .exec_without_returning(&*txn)
        .await?;
    }
    if new.role == Role::Neutral {
        neutral_profiles::Entity::insert(neutral_profiles::ActiveModel {
            user_id: Set(user.id),
            kind: Set("mediator".into()),
            languages: Set(new.language.clone()),
            sectors: Set("general".into()),
            capacity: Set(25),
            employer_company_id: Set(None),
            mandate: Set(None),
        })
        .exec_without_returning(&*txn)
        .await?;
    }
    log(
        &*txn,
        by,
        "user.create",
        &serde_json::json!({"user": user.id, "role": user.role}),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

pub async fn create_company(
    state: &AppState,
    new: NewCompany,
    by: &str,
) -> Result<companies::Model> {
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(Error::invalid(
            "name",
            "enter a company name of 1 to 200 characters",
        ));
    }
    if let Some(email) = &new.complaint_email
        && !email.validate_email()
    {
        return Err(Error::invalid("complaint_email", "enter an e-mail address"));
    }
    if new.country.len() != 2 || !new.country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::invalid(
            "country",
            "use a two-letter country code such as BE",
        ));
    }
    let now = state.clock.now();
    let txn = state.begin_write().await?;
    let company = companies::Entity::insert(companies::ActiveModel {
        id: NotSet,
        name: Set(name.to_string()),
        vat_number: Set(new.vat_number),
        domain: Set(new.domain),
        complaint_email: Set(new.complaint_email),
        sector: Set(new.sector),
        country: Set(new.country),
        public_reply: Set(None),
        created_at: Set(now),
    })
    .exec_with_returning(&*txn)
    .await?;
    log(
        &*txn,
        by,
        "company.create",
        &serde_json::json!({"company": company.id}),
        now,
    )
    .await?;
    txn.commit().await?;
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
async fn log<C: ConnectionTrait>(
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
