//! Background work. `run_once(state)` fires every deadline due at the clock's now, at most once
//! each, issues the signed records still due, signs a tree head when the interval has passed,
//! finishes erasures whose cases have ended and delivers queued mail; the scheduler loop in
//! `serve` and the tests call the same function.
pub mod reminders;

use crate::mail::delivery::deliver_pending;
use crate::services::dossier::fire_deadline;
use crate::services::gdpr::complete_pending_erasures;
use crate::state::AppState;
use entity::deadlines;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::time::Duration;

const BATCH: u64 = 200;

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub fired: usize,
    pub failed: usize,
    /// Reminders sent, mails delivered, and erasures finished because their last open case ended.
    pub reminded: usize,
    pub mailed: usize,
    pub erased: usize,
    /// Signed records issued.
    pub issued: usize,
    /// Referral invitations that expired unanswered.
    pub referrals_expired: usize,
}

pub async fn run_once(state: &AppState) -> anyhow::Result<Pass> {
    let now = state.clock.now();
    let mut pass = Pass::default();
    let mut after = 0i64;
    loop {
        let due = deadlines::Entity::find()
            .filter(deadlines::Column::FiredAt.is_null())
            .filter(deadlines::Column::CancelledAt.is_null())
            .filter(deadlines::Column::DueAt.lte(now))
            .filter(deadlines::Column::Id.gt(after))
            .order_by_asc(deadlines::Column::Id)
            .limit(BATCH)
            .all(&state.db)
            .await?;
        let Some(last) = due.last() else { break };
        after = last.id;
        for deadline in &due {
            match fire_deadline(state, deadline).await {
                Ok(Some(_)) => pass.fired += 1,
                Ok(None) => {}
                Err(e) => {
                    // Left unfired: the next pass tries again.
                    pass.failed += 1;
                    tracing::error!(deadline = deadline.id, "firing a deadline failed: {e:#}");
                }
            }
        }
    }
    pass.reminded = reminders::send_due(state).await?;
    pass.issued = crate::services::records::issue_due(state).await?;
    pass.referrals_expired = crate::services::referrals::expire_due(state).await?;
    crate::web::idempotency::forget_old(state).await?;
    sign_head_when_due(state).await;
    // Erasures first: a case that ended in this pass may free one, and its notice goes out below.
    pass.erased = complete_pending_erasures(state).await?;
    let delivered = deliver_pending(state).await?;
    pass.mailed = delivered.sent;
    pass.failed += delivered.failed;
    Ok(pass)
}

/// A signed tree head once the interval has passed since the last one, if the log grew. No
/// signing key yet is worth a warning, not a failed pass.
async fn sign_head_when_due(state: &AppState) {
    let interval = state.config.tree_head_interval_secs;
    if interval == 0 {
        return;
    }
    let latest = crate::services::transparency::latest_head(state).await;
    let due = match latest {
        Ok(Some(head)) => {
            state.clock.now() - head.issued_at
                >= chrono::Duration::seconds(i64::try_from(interval).unwrap_or(i64::MAX))
        }
        Ok(None) => true,
        Err(_) => false,
    };
    if due && let Err(e) = crate::services::transparency::sign_head(state, "interval").await {
        tracing::warn!("no signed tree head this time: {e}");
    }
}

/// Runs `run_once` every `interval` until the process ends.
pub fn spawn_scheduler(state: AppState, interval: Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        loop {
            ticker.tick().await;
            match run_once(&state).await {
                Ok(pass) if pass.fired + pass.failed > 0 => {
                    tracing::info!(fired = pass.fired, failed = pass.failed, "scheduler pass");
                }
                Ok(_) => {}
                Err(e) => tracing::error!("scheduler pass failed: {e:#}"),
            }
        }
    });
}
