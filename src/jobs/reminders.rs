//! Reminders a policy-set time before a deadline (R19 and the rounds): each deadline's reminder
//! is claimed with a conditional update and its mail queued in the same transaction, so it goes
//! out once even with several schedulers on one database.
use crate::domain::dossier::DeadlineKind;
use crate::services::notify;
use crate::state::AppState;
use entity::{cases, deadlines};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

const BATCH: u64 = 200;

/// Sends the reminders due now; returns how many deadlines were reminded.
pub async fn send_due(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let due = deadlines::Entity::find()
        .filter(deadlines::Column::RemindedAt.is_null())
        .filter(deadlines::Column::RemindAt.lte(now))
        .filter(deadlines::Column::FiredAt.is_null())
        .filter(deadlines::Column::CancelledAt.is_null())
        .order_by_asc(deadlines::Column::RemindAt)
        .limit(BATCH)
        .all(&state.db)
        .await?;
    let mut sent = 0;
    for deadline in due {
        let (Some(case_id), Some(kind)) = (deadline.case_id, DeadlineKind::parse(&deadline.kind))
        else {
            continue;
        };
        let txn = state.begin_write().await?;
        let claimed = deadlines::Entity::update_many()
            .col_expr(deadlines::Column::RemindedAt, Expr::value(now))
            .filter(deadlines::Column::Id.eq(deadline.id))
            .filter(deadlines::Column::RemindedAt.is_null())
            .exec(&*txn)
            .await?;
        if claimed.rows_affected != 1 {
            txn.rollback().await?;
            continue;
        }
        if let Some(case) = cases::Entity::find_by_id(case_id).one(&*txn).await? {
            notify::reminder(state, &*txn, &case, kind, deadline.due_at, now).await?;
            crate::services::webhooks::queue_deadline_near(
                &*txn,
                &case,
                kind,
                deadline.due_at,
                now,
            )
            .await?;
        }
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
