//! R12: a neutral declares, once, the companies and consumers they must never be assigned
//! against (a former employer, a relative). Assignment, by staff or by Redress, refuses them.
use super::{Caller, Error, Result, authorize_global};
use crate::state::AppState;
use entity::{companies, neutral_conflicts};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

/// With whom a neutral declares a conflict: a registered company, or a consumer by e-mail.
#[derive(Clone, Debug)]
pub enum Counterpart {
    Company(i64),
    Consumer(String),
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Conflict {
    pub id: i64,
    pub company_id: Option<i64>,
    pub company: Option<String>,
    pub consumer_email: Option<String>,
    pub reason: String,
    pub declared_at: chrono::DateTime<chrono::Utc>,
}

fn neutral_of(state: &AppState, caller: &Caller) -> Result<i64> {
    authorize_global(&state.policies, caller, "account.declare_conflict")?;
    caller
        .user_id()
        .ok_or_else(|| Error::Forbidden("Only a neutral declares conflicts.".into()))
}

pub async fn declare(
    state: &AppState,
    caller: &Caller,
    with: Counterpart,
    reason: &str,
) -> Result<Conflict> {
    let neutral_id = neutral_of(state, caller)?;
    let reason = reason.trim();
    if !(3..=2_000).contains(&reason.chars().count()) {
        return Err(Error::invalid("reason", "say in 3 to 2,000 characters why"));
    }
    let (company_id, consumer_email) = match with {
        Counterpart::Company(id) => {
            companies::Entity::find_by_id(id)
                .one(&state.db)
                .await?
                .ok_or_else(|| Error::invalid("company_id", "no such company"))?;
            (Some(id), None)
        }
        Counterpart::Consumer(email) => {
            let email = email.trim().to_lowercase();
            if validator::ValidateEmail::validate_email(&email) {
                (None, Some(email))
            } else {
                return Err(Error::invalid("consumer_email", "not an e-mail address"));
            }
        }
    };
    let row = neutral_conflicts::Entity::insert(neutral_conflicts::ActiveModel {
        id: NotSet,
        neutral_id: Set(neutral_id),
        company_id: Set(company_id),
        consumer_email: Set(consumer_email),
        reason: Set(reason.to_string()),
        created_at: Set(state.clock.now()),
    })
    .exec_with_returning(&state.db)
    .await?;
    Ok(present(row, &state.db).await?)
}

/// The caller's own declared conflicts, newest first.
pub async fn list(state: &AppState, caller: &Caller) -> Result<Vec<Conflict>> {
    let neutral_id = neutral_of(state, caller)?;
    let rows = neutral_conflicts::Entity::find()
        .filter(neutral_conflicts::Column::NeutralId.eq(neutral_id))
        .order_by_desc(neutral_conflicts::Column::Id)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(present(row, &state.db).await?);
    }
    Ok(out)
}

async fn present(
    row: neutral_conflicts::Model,
    db: &sea_orm::DatabaseConnection,
) -> std::result::Result<Conflict, sea_orm::DbErr> {
    let company = match row.company_id {
        Some(id) => companies::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| c.name),
        None => None,
    };
    Ok(Conflict {
        id: row.id,
        company_id: row.company_id,
        company,
        consumer_email: row.consumer_email,
        reason: row.reason,
        declared_at: row.created_at,
    })
}
