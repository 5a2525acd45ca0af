//! Use cases: each runs one step in one transaction together with its audit entry. These are
//! the only functions that write dossiers.
pub mod accounts;
pub mod dossier;
pub mod filing;
pub mod gdpr;
pub mod tokens;
pub mod users;
pub mod views;

use crate::domain::dossier::Rejection;
use crate::policy::Role;

/// Who asks for a step: a signed-in user, or Redress itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    User { id: i64, role: Role },
    System,
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
