//! Use cases: each runs one step in one transaction together with its audit entry. These are
//! the only functions that write dossiers.
pub mod about;
pub mod accounts;
pub mod assignment;
pub mod bundles;
pub mod casefile;
pub mod closing;
pub mod companies;
pub mod conflicts;
pub mod dashboard;
pub mod documents;
pub mod dossier;
pub mod filing;
pub mod gdpr;
pub mod inbound;
pub mod invitations;
pub mod keys;
pub mod links;
pub mod listing;
pub mod notify;
pub mod publication;
pub mod records;
pub mod referrals;
pub mod reports;
pub mod scorecards;
pub mod tokens;
pub mod training;
pub mod transparency;
pub mod triage;
pub mod users;
pub mod views;
pub mod webhooks;
pub mod welcome;

use crate::domain::dossier::{Actor, Rejection};
use crate::policy::{Action, Decision, PolicySet, Relation, Role};

/// `bytes` random bytes from the operating system, hex-encoded.
pub fn random_hex(bytes: usize) -> String {
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// A party's confidential limit in double-blind bidding, sealed with a random salt.
pub fn sealed_limit(amount_cents: i64) -> crate::domain::dossier::Command {
    crate::domain::dossier::Command::SubmitBlindLimit {
        amount_cents,
        salt: random_hex(16),
    }
}

impl Caller {
    /// The account acting, if any.
    pub fn user_id(&self) -> Option<i64> {
        match self {
            Caller::User { id, .. } => Some(*id),
            Caller::System | Caller::Mailbox { .. } => None,
        }
    }
}

/// Who asks for a step: a signed-in user, or Redress itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    User {
        id: i64,
        role: Role,
    },
    System,
    /// A party writing by e-mail from an address registered for its side (such as the
    /// company's complaint address) that has no account: matched by the reply token (R3).
    Mailbox {
        side: crate::domain::dossier::Side,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Unknown, or not visible to the caller: the two look the same from outside.
    #[error("not found")]
    NotFound,
    /// Not logged in, or the credentials are wrong.
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error(transparent)]
    Rejected(#[from] Rejection),
    #[error("{0}")]
    Conflict(String),
    /// More bytes than the rules allow.
    #[error("{0}")]
    TooLarge(String),
    /// The consumer already has an open case against this company.
    #[error("you already have an open case against {company}: {reference}")]
    Duplicate { reference: String, company: String },
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for Error {
    fn from(e: sea_orm::DbErr) -> Self {
        Error::Internal(anyhow::Error::new(e).context("database"))
    }
}

impl Error {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Asks the access policy; returns the id of the rule that allowed `action`. A refusal is
/// "not found" for a caller with no tie to the case or company (so its existence is not
/// revealed) and "forbidden" for a party, the neutral or staff, who know it exists.
pub fn authorize(policies: &PolicySet, actor: &Actor, action: Action) -> Result<String> {
    match policies.access.decide(actor.role, actor.relation, action) {
        Decision::Allow(rule) => Ok(rule),
        Decision::Deny
            if actor.relation == Relation::None
                && !matches!(actor.role, Role::Staff | Role::System) =>
        {
            Err(Error::NotFound)
        }
        Decision::Deny => Err(Error::Forbidden("You may not do this.".into())),
    }
}

/// Asks the access policy about an action on a company (its tokens, its representatives):
/// its representatives stand to it as "own company", everyone else as "none".
pub async fn authorize_company(
    state: &crate::state::AppState,
    caller: &Caller,
    company_id: i64,
    action: Action,
) -> Result<Actor> {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let Caller::User { id, role } = caller else {
        return Ok(Actor::system());
    };
    let company = entity::companies::Entity::find_by_id(company_id)
        .one(&state.db)
        .await?;
    if company.is_none() {
        return Err(Error::NotFound);
    }
    let member = entity::company_members::Entity::find()
        .filter(entity::company_members::Column::CompanyId.eq(company_id))
        .filter(entity::company_members::Column::UserId.eq(*id))
        .count(&state.db)
        .await?
        > 0;
    let actor = Actor {
        role: *role,
        user_id: Some(*id),
        relation: if member {
            Relation::OwnCompany
        } else {
            Relation::None
        },
    };
    authorize(&state.policies, &actor, action)?;
    Ok(actor)
}

/// Asks the access policy about an action tied to no case or company (staff administration).
/// Nothing is hidden by such a refusal, so it is always "forbidden".
pub fn authorize_global(policies: &PolicySet, caller: &Caller, action: Action) -> Result<String> {
    let role = match caller {
        Caller::System => Role::System,
        Caller::User { role, .. } => *role,
        // A mailbox acts only on the case its token names.
        Caller::Mailbox { .. } => Role::Public,
    };
    match policies.access.decide(role, Relation::None, action) {
        Decision::Allow(rule) => Ok(rule),
        Decision::Deny => Err(Error::Forbidden("Your role may not do this.".into())),
    }
}
