//! Case lists, keyset-paginated on the case id (newest first), each on an index that ends in
//! the id: a consumer's own cases, a company's, a neutral's, all of them for staff. The cost
//! of a page does not grow with the number of cases.
use super::{Caller, Error, Result};
use crate::domain::dossier::Status;
use crate::policy::Role;
use crate::state::AppState;
use entity::{case_parties, cases, companies, company_members, deadlines};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

pub const DEFAULT_LIMIT: u64 = 20;
pub const MAX_LIMIT: u64 = 100;

pub struct ListedCase {
    pub case: cases::Model,
    pub company_name: String,
}

pub struct Page {
    pub items: Vec<ListedCase>,
    /// Pass as `after` for the next page; None on the last page.
    pub next: Option<i64>,
}

/// The cases `caller` may see, newest first, `limit` at a time after the case id `after`.
pub async fn cases_for(
    state: &AppState,
    caller: &Caller,
    status: Option<&str>,
    after: Option<i64>,
    limit: Option<u64>,
) -> Result<Page> {
    let Caller::User { id, role } = caller else {
        return Err(Error::Forbidden("Lists are for people.".into()));
    };
    let limit = page_size(limit)?;
    if let Some(status) = status
        && Status::parse(status).is_none()
    {
        let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        return Err(Error::invalid(
            "status",
            format!("choose one of {}", all.join(", ")),
        ));
    }
    let mut query = cases::Entity::find();
    query = match role {
        Role::Staff => query,
        Role::Neutral => query.filter(cases::Column::NeutralId.eq(*id)),
        Role::Consumer => query.filter(own_or_represented(
            cases::Column::ConsumerId.eq(*id),
            represented(state, *id, "consumer").await?,
        )),
        Role::Company => {
            let companies: Vec<i64> = company_members::Entity::find()
                .filter(company_members::Column::UserId.eq(*id))
                .all(&state.db)
                .await?
                .into_iter()
                .map(|m| m.company_id)
                .collect();
            query.filter(own_or_represented(
                cases::Column::CompanyId.is_in(companies),
                represented(state, *id, "company").await?,
            ))
        }
        Role::Public | Role::System => {
            return Err(Error::Forbidden("Lists are for people.".into()));
        }
    };
    if let Some(status) = status {
        query = query.filter(cases::Column::Status.eq(status));
    }
    if let Some(after) = after {
        query = query.filter(cases::Column::Id.lt(after));
    }
    let mut rows = query
        .order_by_desc(cases::Column::Id)
        .limit(limit + 1)
        .all(&state.db)
        .await?;
    let next = cut_page(&mut rows, limit);
    let names = company_names(state, rows.iter().map(|c| c.company_id).collect()).await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|case| ListedCase {
                company_name: names.get(&case.company_id).cloned().unwrap_or_default(),
                case,
            })
            .collect(),
        next,
    })
}

/// The page size asked for, within bounds.
pub fn page_size(limit: Option<u64>) -> Result<u64> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::invalid(
            "limit",
            format!("ask for 1 to {MAX_LIMIT} cases at a time"),
        ));
    }
    Ok(limit)
}

/// Lists fetch one row more than a page: if it came, it is dropped and the last id kept is
/// the cursor of the next page.
pub fn cut_page(rows: &mut Vec<cases::Model>, limit: u64) -> Option<i64> {
    if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|c| c.id)
    } else {
        None
    }
}

/// The caller's own cases, plus those they represent. Without representations the condition
/// stays a plain indexed one, so the common case keeps its index range scan.
fn own_or_represented(own: sea_orm::sea_query::SimpleExpr, represented: Vec<i64>) -> Condition {
    let condition = Condition::any().add(own);
    if represented.is_empty() {
        condition
    } else {
        condition.add(cases::Column::Id.is_in(represented))
    }
}

/// The cases where `user_id` is named as a representative of `side` (R5).
async fn represented(state: &AppState, user_id: i64, side: &str) -> Result<Vec<i64>> {
    Ok(case_parties::Entity::find()
        .filter(case_parties::Column::UserId.eq(user_id))
        .filter(case_parties::Column::Capacity.eq("representative"))
        .filter(case_parties::Column::Side.eq(side))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| p.case_id)
        .collect())
}

pub async fn company_names(state: &AppState, ids: Vec<i64>) -> Result<HashMap<i64, String>> {
    Ok(companies::Entity::find()
        .filter(companies::Column::Id.is_in(ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

/// The next open deadline of each of these cases (its time and kind), in one query.
pub async fn next_deadlines(
    state: &AppState,
    case_ids: &[i64],
) -> Result<HashMap<i64, (chrono::DateTime<chrono::Utc>, String)>> {
    let mut next: HashMap<i64, (chrono::DateTime<chrono::Utc>, String)> = HashMap::new();
    let open = deadlines::Entity::find()
        .filter(deadlines::Column::CaseId.is_in(case_ids.iter().copied()))
        .filter(deadlines::Column::FiredAt.is_null())
        .filter(deadlines::Column::CancelledAt.is_null())
        .order_by_asc(deadlines::Column::DueAt)
        .all(&state.db)
        .await?;
    for d in open {
        if let Some(case_id) = d.case_id {
            next.entry(case_id).or_insert((d.due_at, d.kind));
        }
    }
    Ok(next)
}
