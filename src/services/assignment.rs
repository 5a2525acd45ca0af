//! R11, R12, R33: who handles a case. Staff name a neutral, or Redress picks the best fit: one
//! who works in the case's language, knows the company's sector (or takes general cases), has
//! room in their caseload, has not stepped down from this case, has declared no conflict with
//! either party and is not employed by the company. A pick by Redress runs as the system, so
//! the audit log marks it automated (R34). An escalated case takes in-house lawyers only.
use super::dossier::{Executed, actor_for, dossier_of, execute, find};
use super::{Caller, Error, Result, authorize};
use crate::domain::dossier::{Command, NeutralFacts, Status};
use crate::domain::reference::CaseReference;
use crate::state::AppState;
use entity::{case_events, cases, companies, neutral_conflicts, neutral_profiles, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, ExprTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// Assigns `neutral_id`, or the best fit when None.
pub async fn assign(
    state: &AppState,
    caller: &Caller,
    reference: &CaseReference,
    neutral_id: Option<i64>,
) -> Result<Executed> {
    let case = find(state, reference).await?;
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
            let profile = neutral_profiles::Entity::find_by_id(id)
                .one(&state.db)
                .await?;
            let bars = Bars::of(state, &case).await?;
            let facts = bars.facts(id, profile.as_ref());
            let command = Command::Assign {
                neutral_id: id,
                facts,
            };
            execute(state, reference, caller, command).await
        }
        None => {
            // Only someone who may assign may ask Redress to pick.
            let actor = actor_for(&state.db, &case, caller).await?;
            authorize(&state.policies, &actor, "case.assign")?;
            pick(state, &case).await?.ok_or_else(|| {
                Error::Conflict(
                    "No neutral fits this case (language, sector, caseload, conflicts); name one."
                        .into(),
                )
            })
        }
    }
}

/// Redress assigns the best fit on its own, if there is one.
async fn pick(state: &AppState, case: &cases::Model) -> Result<Option<Executed>> {
    let Some((neutral_id, facts)) = best_fit(state, case).await? else {
        return Ok(None);
    };
    let reference = case
        .reference
        .parse::<CaseReference>()
        .map_err(|e| Error::Internal(anyhow::anyhow!("stored reference: {e}")))?;
    let command = Command::Assign { neutral_id, facts };
    Ok(Some(
        execute(state, &reference, &Caller::System, command).await?,
    ))
}

/// After an escalation Redress looks for an in-house lawyer at once; when none fits, the
/// case waits in the staff's triage queue.
pub async fn after_escalation(state: &AppState, case_id: i64) -> Result<()> {
    let Some(case) = cases::Entity::find_by_id(case_id).one(&state.db).await? else {
        return Ok(());
    };
    if case.neutral_id.is_none()
        && case.status == Status::Accepted.as_str()
        && pick(state, &case).await?.is_none()
    {
        tracing::warn!(case = %case.reference, "escalated case waits for an in-house lawyer");
    }
    Ok(())
}

/// What rules a neutral out of one case.
struct Bars {
    company_id: i64,
    /// Neutrals who recused themselves from this case or were objected to.
    stepped_down: HashSet<i64>,
    /// Neutrals who declared a conflict with the company or the consumer.
    conflicted: HashSet<i64>,
    escalated: bool,
}

impl Bars {
    async fn of(state: &AppState, case: &cases::Model) -> Result<Self> {
        let stepped_down = case_events::Entity::find()
            .filter(case_events::Column::CaseId.eq(case.id))
            .filter(case_events::Column::Kind.is_in(["neutral_recused", "neutral_objected"]))
            .all(&state.db)
            .await?
            .into_iter()
            .filter_map(|e| serde_json::from_str::<serde_json::Value>(&e.payload).ok())
            .filter_map(|v| v["neutral_id"].as_i64())
            .collect();
        let consumer_email = users::Entity::find_by_id(case.consumer_id)
            .one(&state.db)
            .await?
            .map(|u| u.email.to_lowercase());
        let mut parties =
            Condition::any().add(neutral_conflicts::Column::CompanyId.eq(case.company_id));
        if let Some(email) = consumer_email {
            parties = parties.add(neutral_conflicts::Column::ConsumerEmail.eq(email));
        }
        let conflicted = neutral_conflicts::Entity::find()
            .filter(parties)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|c| c.neutral_id)
            .collect();
        Ok(Self {
            company_id: case.company_id,
            stepped_down,
            conflicted,
            escalated: dossier_of(case)?.procedure.escalated,
        })
    }

    fn facts(&self, neutral_id: i64, profile: Option<&neutral_profiles::Model>) -> NeutralFacts {
        NeutralFacts {
            employed_by_company: profile
                .is_some_and(|p| p.employer_company_id == Some(self.company_id)),
            declared_conflict: self.conflicted.contains(&neutral_id),
            stepped_down: self.stepped_down.contains(&neutral_id),
            in_house_lawyer: profile.is_some_and(|p| p.kind == "in_house_lawyer"),
        }
    }

    /// Whether Redress may pick this neutral on its own: no bar at all, not even one the
    /// procedure could allow.
    fn allows(&self, facts: &NeutralFacts) -> bool {
        !facts.employed_by_company
            && !facts.declared_conflict
            && !facts.stepped_down
            && (facts.in_house_lawyer || !self.escalated)
    }
}

/// The neutral who fits the case best, if any: sector match first, then the lightest caseload.
pub async fn best_fit(
    state: &AppState,
    case: &cases::Model,
) -> Result<Option<(i64, NeutralFacts)>> {
    let company = companies::Entity::find_by_id(case.company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let bars = Bars::of(state, case).await?;
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
    let mut best: Option<((u8, i64, i64), i64, NeutralFacts)> = None;
    for p in profiles {
        let list = |s: &str| {
            s.split(',')
                .map(str::trim)
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let facts = bars.facts(p.user_id, Some(&p));
        if !list(&p.languages).contains(&case.language)
            || !bars.allows(&facts)
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
        if best.as_ref().is_none_or(|(k, _, _)| key < *k) {
            best = Some((key, p.user_id, facts));
        }
    }
    Ok(best.map(|(_, id, facts)| (id, facts)))
}
