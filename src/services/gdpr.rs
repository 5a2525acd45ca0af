//! Data-subject rights (GDPR art 15 and 20, R29): everything Redress holds about a person, in
//! a portable form. Secrets (password and token hashes) are never part of it.
use super::Result;
use crate::state::AppState;
use entity::{api_tokens, cases, sessions, users};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

pub async fn export(state: &AppState, user: &users::Model) -> Result<Value> {
    let companies = super::accounts::companies_of(state, user.id).await?;
    let cases = cases::Entity::find()
        .filter(cases::Column::ConsumerId.eq(user.id))
        .order_by_asc(cases::Column::Id)
        .all(&state.db)
        .await?;
    let sessions = sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user.id))
        .order_by_asc(sessions::Column::Id)
        .all(&state.db)
        .await?;
    let tokens = api_tokens::Entity::find()
        .filter(api_tokens::Column::UserId.eq(user.id))
        .all(&state.db)
        .await?;
    Ok(json!({
        "exported_at": state.clock.now(),
        "controller": state.policies.entity.name,
        "account": {
            "id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "language": user.language, "created_at": user.created_at,
            "email_confirmed_at": user.email_confirmed_at,
        },
        "companies": companies.iter().map(|c| json!({"id": c.id, "name": c.name})).collect::<Vec<_>>(),
        "cases": cases.iter().map(|c| json!({
            "reference": c.reference, "status": c.status, "case_type": c.case_type,
            "channel": c.channel, "language": c.language, "visibility": c.visibility,
            "summary": c.summary, "desired_outcome": c.desired_outcome,
            "claim": {"amount_cents": c.amount_claimed_cents, "currency": c.currency},
            "prior_complaint": {"on": c.prior_complaint_on, "channel": c.prior_complaint_channel, "reference": c.prior_complaint_reference},
            "filed_at": c.filed_at, "complete_at": c.complete_at, "closed_at": c.closed_at, "outcome": c.outcome,
        })).collect::<Vec<_>>(),
        "sessions": sessions.iter().map(|s| json!({
            "kind": s.kind, "created_at": s.created_at, "last_seen_at": s.last_seen_at,
            "expires_at": s.expires_at, "revoked_at": s.revoked_at,
        })).collect::<Vec<_>>(),
        "api_tokens": tokens.iter().map(|t| json!({
            "name": t.name, "prefix": t.prefix, "created_at": t.created_at, "revoked_at": t.revoked_at,
        })).collect::<Vec<_>>(),
    }))
}
