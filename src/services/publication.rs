//! R31: the public list of complaints. Only public cases whose moderation published them, with
//! e-mail addresses, phone numbers and bank accounts redacted and no consumer named; and the
//! staff's queue of public cases held for review.
use super::listing::{company_names, cut_page, page_size};
use super::{Caller, Result, authorize_global};
use crate::domain::moderation::{flagged, redact};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use entity::cases;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

pub struct PublicCase {
    pub id: i64,
    pub reference: String,
    pub company_id: i64,
    pub company_name: String,
    pub status: String,
    pub desired_outcome: String,
    /// Redacted.
    pub summary: String,
    pub filed_at: DateTime<Utc>,
}

pub struct Held {
    pub reference: String,
    pub company_name: String,
    pub summary: String,
    /// The listed words the text holds.
    pub flagged: Vec<String>,
}

/// Published cases, newest first, keyset-paginated like every list.
pub async fn published(
    state: &AppState,
    after: Option<i64>,
    limit: Option<u64>,
) -> Result<(Vec<PublicCase>, Option<i64>)> {
    let limit = page_size(limit)?;
    let mut query = cases::Entity::find()
        .filter(cases::Column::Visibility.eq("public"))
        .filter(cases::Column::Moderation.eq("published"));
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
    let items = rows
        .into_iter()
        .map(|c| PublicCase {
            id: c.id,
            company_name: names.get(&c.company_id).cloned().unwrap_or_default(),
            summary: redact(&c.summary),
            reference: c.reference,
            company_id: c.company_id,
            status: c.status,
            desired_outcome: c.desired_outcome,
            filed_at: c.filed_at,
        })
        .collect();
    Ok((items, next))
}

/// Public cases held because their text holds listed words, oldest first (staff only).
pub async fn held(state: &AppState, caller: &Caller) -> Result<Vec<Held>> {
    authorize_global(&state.policies, caller, "case.moderate")?;
    let rows = cases::Entity::find()
        .filter(cases::Column::Visibility.eq("public"))
        .filter(cases::Column::Moderation.eq("held"))
        .order_by_asc(cases::Column::Id)
        .limit(super::triage::QUEUE_LIMIT)
        .all(&state.db)
        .await?;
    let names = company_names(state, rows.iter().map(|c| c.company_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|c| Held {
            flagged: flagged(&c.summary, state.policies.moderation_words(&c.language)),
            company_name: names.get(&c.company_id).cloned().unwrap_or_default(),
            summary: c.summary,
            reference: c.reference,
        })
        .collect())
}
