//! The staff's triage queue (R6–R8, R34): cases waiting for a completeness review or an
//! admissibility decision, soonest deadline first, overdue ones marked; parties' requests for a
//! person to review an automated step; and incomplete cases waiting for the consumer.
use super::listing::company_names;
use super::{Caller, Result, authorize_global};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use entity::{cases, deadlines};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The queue is work in progress, not an archive: it shows this many cases at most.
pub const QUEUE_LIMIT: u64 = 500;

pub struct QueueItem {
    pub case: cases::Model,
    pub company_name: String,
    /// What staff must do: "completeness_check", "admissibility" or "human_review"; "waiting"
    /// for the consumer.
    pub task: String,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
}

pub async fn queue(state: &AppState, caller: &Caller) -> Result<Vec<QueueItem>> {
    authorize_global(&state.policies, caller, "case.decide_admissibility")?;
    let now = state.clock.now();
    let waiting = cases::Entity::find()
        .filter(cases::Column::Status.is_in(["submitted", "complete", "incomplete"]))
        .order_by_asc(cases::Column::Id)
        .limit(QUEUE_LIMIT)
        .all(&state.db)
        .await?;
    let ids: Vec<i64> = waiting.iter().map(|c| c.id).collect();
    // The latest review deadline of each case, fired or not: a fired one is overdue.
    let mut due: HashMap<i64, deadlines::Model> = HashMap::new();
    for d in deadlines::Entity::find()
        .filter(deadlines::Column::CaseId.is_in(ids))
        .filter(deadlines::Column::CancelledAt.is_null())
        .filter(deadlines::Column::Kind.is_in(["completeness_check", "admissibility"]))
        .order_by_asc(deadlines::Column::Id)
        .all(&state.db)
        .await?
    {
        if let Some(case_id) = d.case_id {
            due.insert(case_id, d);
        }
    }
    let names = company_names(state, waiting.iter().map(|c| c.company_id).collect()).await?;
    let mut items: Vec<QueueItem> = waiting
        .into_iter()
        .map(|case| {
            let deadline = due.get(&case.id).filter(|_| case.status != "incomplete");
            let task = match (case.status.as_str(), deadline) {
                ("incomplete", _) => "waiting".to_string(),
                (_, Some(d)) => d.kind.clone(),
                ("complete", None) => "admissibility".to_string(),
                _ => "completeness_check".to_string(),
            };
            let due_at = deadline.map(|d| d.due_at);
            QueueItem {
                company_name: names.get(&case.company_id).cloned().unwrap_or_default(),
                overdue: due_at.is_some_and(|d| d <= now),
                task,
                due_at,
                case,
            }
        })
        .collect();
    // R34: parties' requests for a person to review an automated step.
    let reviews = cases::Entity::find()
        .filter(cases::Column::ReviewRequestedAt.is_not_null())
        .order_by_asc(cases::Column::ReviewRequestedAt)
        .limit(QUEUE_LIMIT)
        .all(&state.db)
        .await?;
    let names = company_names(state, reviews.iter().map(|c| c.company_id).collect()).await?;
    items.extend(reviews.into_iter().map(|case| QueueItem {
        company_name: names.get(&case.company_id).cloned().unwrap_or_default(),
        task: "human_review".into(),
        due_at: None,
        overdue: false,
        case,
    }));
    // Staff work first, soonest deadline first; cases waiting for the consumer last.
    items.sort_by_key(|i| (i.task == "waiting", i.due_at.is_none(), i.due_at, i.case.id));
    Ok(items)
}
