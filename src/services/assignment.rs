//! R11, R12: who handles a case. Staff name a neutral, or Redress picks the best fit: one who
//! works in the case's language, knows the company's sector (or takes general cases), has room
//! in their caseload, has not stepped down from this case, and is not employed by the company.
//! A pick by Redress runs as the system, so the audit log marks it automated (R34).
use super::dossier::{Executed, actor_for, execute, find};
use super::{Caller, Error, Result, authorize};
use crate::domain::dossier::{Command, Status};
use crate::domain::reference::CaseReference;
use crate::state::AppState;
use entity::{case_events, cases, companies, neutral_profiles, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Assigns `neutral_id`, or the best fit when None.
pub async fn assign(
    state: &AppState,
    caller: &Caller,
    reference: &CaseReference,
    neutral_id: Option<i64>,
) -> Result<Executed> {
    match neutral_id {
        Some(id) => {
            let neutral = users::Entity::find_by_id(id)
                .filter(users::Column::Role.eq("neutral"))
                .filter(users::Column::ErasedAt.is_null())
                .one(&state.db)
                .await?;
            if neutral.is_none() {
                return Err(Error::invalid("neutral_id", "no such neutral"));
            }
            execute(state, reference, caller, Command::Assign { neutral_id: id }).await
        }
        None => {
            // Only someone who may assign may ask Redress to pick.
            let case = find(state, reference).await?;
            let actor = actor_for(&state.db, &case, caller).await?;
            authorize(&state.policies, &actor, "case.assign")?;
            let pick = best_fit(state, &case).await?.ok_or_else(|| {
                Error::Conflict(
                    "No neutral fits this case (language, sector, caseload, conflicts); name one."
                        .into(),
                )
            })?;
            execute(
                state,
                reference,
                &Caller::System,
                Command::Assign { neutral_id: pick },
            )
            .await
        }
    }
}

/// The neutral who fits the case best, if any: sector match first, then the lightest caseload.
pub async fn best_fit(state: &AppState, case: &cases::Model) -> Result<Option<i64>> {
    let company = companies::Entity::find_by_id(case.company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let stepped_down = stepped_down(state, case.id).await?;
    let active: Vec<i64> = users::Entity::find()
        .filter(users::Column::Role.eq("neutral"))
        .filter(users::Column::ErasedAt.is_null())
        .filter(users::Column::PasswordHash.ne(""))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let profiles = neutral_profiles::Entity::find()
        .filter(neutral_profiles::Column::UserId.is_in(active.clone()))
        .all(&state.db)
        .await?;
    let open = Status::open_names();
    // Every neutral's open caseload in one grouped query.
    let loads: HashMap<i64, i64> = cases::Entity::find()
        .select_only()
        .column(cases::Column::NeutralId)
        .column_as(Expr::col(cases::Column::Id).count(), "open_cases")
        .filter(cases::Column::NeutralId.is_in(active))
        .filter(cases::Column::Status.is_in(open))
        .group_by(cases::Column::NeutralId)
        .into_tuple::<(Option<i64>, i64)>()
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|(id, n)| id.map(|id| (id, n)))
        .collect();
    let mut best: Option<((u8, i64, i64), i64)> = None;
    for p in profiles {
        let list = |s: &str| {
            s.split(',')
                .map(str::trim)
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        if !list(&p.languages).contains(&case.language)
            || p.employer_company_id == Some(company.id)
            || stepped_down.contains(&p.user_id)
            || case.neutral_id == Some(p.user_id)
        {
            continue;
        }
        let sectors = list(&p.sectors);
        let sector = if sectors.contains(&company.sector) {
            0
        } else if sectors.iter().any(|s| s == "general") {
            1
        } else {
            continue;
        };
        let caseload = loads.get(&p.user_id).copied().unwrap_or(0);
        if caseload >= i64::from(p.capacity) {
            continue;
        }
        let key = (sector, caseload, p.user_id);
        if best.as_ref().is_none_or(|(k, _)| key < *k) {
            best = Some((key, p.user_id));
        }
    }
    Ok(best.map(|(_, id)| id))
}

/// Neutrals who recused themselves from this case before.
async fn stepped_down(state: &AppState, case_id: i64) -> Result<Vec<i64>> {
    Ok(case_events::Entity::find()
        .filter(case_events::Column::CaseId.eq(case_id))
        .filter(case_events::Column::Kind.eq("neutral_recused"))
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|e| serde_json::from_str::<serde_json::Value>(&e.payload).ok())
        .filter_map(|v| v["neutral_id"].as_i64())
        .collect())
}
