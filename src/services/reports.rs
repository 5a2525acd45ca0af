//! The activity report (R24), the biennial report to the authority (R25) and their written
//! assessment: a handful of grouped queries over the case facts, whatever the number of cases.
use super::{Caller, Error, Result, authorize_global};
use crate::reports::activity::{
    self, ActivityReport, CompanyGroup, EndedGroup, Gathered, Period, ReceivedGroup, Training,
};
use crate::state::AppState;
use entity::{cases, companies, neutral_training, report_assessments, users};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

type Time = chrono::DateTime<chrono::Utc>;

/// Years a report may cover: from the first year Redress could hold cases to a year ahead.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The report for `period`, for staff (or the command line, as the system).
pub async fn activity(state: &AppState, caller: &Caller, period: Period) -> Result<ActivityReport> {
    authorize_global(&state.policies, caller, "report.view")?;
    if !YEARS.contains(&period.first_year) || !YEARS.contains(&period.last_year) {
        return Err(Error::invalid("year", "give a year such as 2026"));
    }
    let (from, to) = period.bounds();
    let db = &state.db;
    let n = || Expr::col(cases::Column::Id).count();

    let received: Vec<(String, String, bool, i64)> = cases::Entity::find()
        .select_only()
        .column(cases::Column::CaseType)
        .column(cases::Column::DesiredOutcome)
        .column(cases::Column::CrossBorder)
        .column_as(n(), "n")
        .filter(cases::Column::FiledAt.gte(from))
        .filter(cases::Column::FiledAt.lt(to))
        .group_by(cases::Column::CaseType)
        .group_by(cases::Column::DesiredOutcome)
        .group_by(cases::Column::CrossBorder)
        .into_tuple()
        .all(db)
        .await?;
    let per_company: Vec<(i64, String, i64)> = cases::Entity::find()
        .select_only()
        .column(cases::Column::CompanyId)
        .column(cases::Column::DesiredOutcome)
        .column_as(n(), "n")
        .filter(cases::Column::FiledAt.gte(from))
        .filter(cases::Column::FiledAt.lt(to))
        .group_by(cases::Column::CompanyId)
        .group_by(cases::Column::DesiredOutcome)
        .into_tuple()
        .all(db)
        .await?;
    let names = company_names(state, per_company.iter().map(|(id, _, _)| *id)).await?;
    /// Why it ended, R37 basis, procedure, complied, count.
    type EndedRow = (String, Option<String>, String, Option<bool>, i64);
    let ended: Vec<EndedRow> = cases::Entity::find()
        .select_only()
        .column(cases::Column::EndedReason)
        .column(cases::Column::OutcomeBasis)
        .column(cases::Column::PolicyId)
        .column(cases::Column::Complied)
        .column_as(n(), "n")
        .filter(cases::Column::OutcomeAt.gte(from))
        .filter(cases::Column::OutcomeAt.lt(to))
        .filter(cases::Column::EndedReason.is_not_null())
        .group_by(cases::Column::EndedReason)
        .group_by(cases::Column::OutcomeBasis)
        .group_by(cases::Column::PolicyId)
        .group_by(cases::Column::Complied)
        .into_tuple()
        .all(db)
        .await?;
    let spans: Vec<Option<i64>> = cases::Entity::find()
        .select_only()
        .column(cases::Column::OutcomeSeconds)
        .filter(cases::Column::OutcomeAt.gte(from))
        .filter(cases::Column::OutcomeAt.lt(to))
        .filter(cases::Column::EndedReason.is_not_null())
        .into_tuple()
        .all(db)
        .await?;

    let trader_paid = |policy_id: &str| {
        state
            .policies
            .procedures()
            .any(|p| p.id == policy_id && p.claims.trader_fee_cents > 0)
    };
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    let gathered = Gathered {
        entity: state.policies.entity.name.clone(),
        period,
        generated_at: state.clock.now(),
        received: received
            .into_iter()
            .map(|(case_type, remedy, cross_border, n)| ReceivedGroup {
                case_type,
                remedy,
                cross_border,
                count: count(n),
            })
            .collect(),
        companies: per_company
            .into_iter()
            .map(|(id, remedy, n)| {
                let (company, sector) = names.get(&id).cloned().unwrap_or_default();
                CompanyGroup {
                    company,
                    sector,
                    remedy,
                    count: count(n),
                }
            })
            .collect(),
        ended: ended
            .into_iter()
            .map(|(reason, basis, policy, complied, n)| EndedGroup {
                trader_paid: trader_paid(&policy),
                reason,
                basis,
                complied,
                count: count(n),
            })
            .collect(),
        days_to_outcome: spans
            .into_iter()
            .flatten()
            .map(|secs| secs as f64 / 86_400.0)
            .collect(),
        training: training(state, from, to).await?,
        assessment: report_assessments::Entity::find()
            .filter(report_assessments::Column::Period.eq(period.name()))
            .one(db)
            .await?
            .map(|a| a.body),
        any_trader_paid: state
            .policies
            .procedures()
            .any(|p| p.claims.trader_fee_cents > 0),
    };
    Ok(activity::report(gathered))
}

/// Company id → (name, sector), read in chunks the engines accept as one query.
async fn company_names(
    state: &AppState,
    ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, (String, String)>> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    let mut names = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(1_000) {
        let rows: Vec<(i64, String, String)> = companies::Entity::find()
            .select_only()
            .column(companies::Column::Id)
            .column(companies::Column::Name)
            .column(companies::Column::Sector)
            .filter(companies::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(&state.db)
            .await?;
        names.extend(
            rows.into_iter()
                .map(|(id, name, sector)| (id, (name, sector))),
        );
    }
    Ok(names)
}

async fn training(state: &AppState, from: Time, to: Time) -> Result<Training> {
    let entries: Vec<(i64, i32)> = neutral_training::Entity::find()
        .select_only()
        .column(neutral_training::Column::UserId)
        .column(neutral_training::Column::Minutes)
        .filter(neutral_training::Column::CompletedOn.gte(from.date_naive()))
        .filter(neutral_training::Column::CompletedOn.lt(to.date_naive()))
        .into_tuple()
        .all(&state.db)
        .await?;
    let mut trained: Vec<i64> = entries.iter().map(|(user, _)| *user).collect();
    trained.sort_unstable();
    trained.dedup();
    let neutrals = users::Entity::find()
        .filter(users::Column::Role.eq("neutral"))
        .filter(users::Column::ErasedAt.is_null())
        .count(&state.db)
        .await?;
    Ok(Training {
        entries: entries.len() as u64,
        minutes: entries
            .iter()
            .map(|(_, m)| u64::try_from(*m).unwrap_or(0))
            .sum(),
        neutrals_trained: trained.len() as u64,
        neutrals,
    })
}

/// Staff write (or rewrite) the assessment of a period: its effectiveness and, for the
/// authority's report, recommendations on recurring problems (R24, R25).
pub async fn save_assessment(
    state: &AppState,
    caller: &Caller,
    period: Period,
    body: &str,
) -> Result<()> {
    authorize_global(&state.policies, caller, "report.write")?;
    let body = body.trim();
    if body.chars().count() > 10_000 {
        return Err(Error::invalid(
            "assessment",
            "keep the assessment within 10,000 characters",
        ));
    }
    let row = report_assessments::ActiveModel {
        id: NotSet,
        period: Set(period.name()),
        body: Set(body.to_string()),
        author_id: Set(caller.user_id().unwrap_or(0)),
        updated_at: Set(state.clock.now()),
    };
    report_assessments::Entity::insert(row)
        .on_conflict(
            OnConflict::column(report_assessments::Column::Period)
                .update_columns([
                    report_assessments::Column::Body,
                    report_assessments::Column::AuthorId,
                    report_assessments::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(&state.db)
        .await?;
    Ok(())
}

/// The period a request names: `year`, and `years` back from it (1 or 2).
pub fn period_of(year: Option<i32>, years: Option<u32>, now: Time) -> Result<Period> {
    use chrono::Datelike;
    let years = years.unwrap_or(1);
    if !(1..=2).contains(&years) {
        return Err(Error::invalid(
            "years",
            "a report covers 1 year, or 2 for the authority's report",
        ));
    }
    Ok(Period::years(year.unwrap_or(now.year()), years))
}
