//! The staff dashboard: where the cases stand, what falls due this week, what is overdue, each
//! neutral's caseload and how long each stage takes.
use super::{Caller, Result, authorize_global};
use crate::domain::dossier::{DeadlineKind, Status};
use crate::reports::{chart, share};
use crate::state::AppState;
use chrono::Duration;
use entity::{cases, deadlines, neutral_profiles, users};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use std::collections::HashMap;

type Time = chrono::DateTime<chrono::Utc>;

/// How many deadlines each list shows, and how many ended cases the stage times cover.
const LIST: u64 = 100;
const STAGE_SAMPLE: u64 = 1_000;

/// Time limits staff themselves must keep: once passed they stay overdue until acted on. The
/// parties' limits act when they pass (a round lapses), so they are never left overdue.
const STAFF_DUTIES: [DeadlineKind; 3] = [
    DeadlineKind::CompletenessCheck,
    DeadlineKind::Admissibility,
    DeadlineKind::Outcome,
];

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StatusCount {
    pub status: String,
    pub cases: u64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DueItem {
    pub reference: String,
    pub status: String,
    /// The kind of time limit, e.g. admissibility or round.
    pub kind: String,
    pub due_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Caseload {
    pub neutral_id: i64,
    pub name: String,
    pub open_cases: u64,
    pub capacity: i32,
    /// Percent of capacity.
    pub load: Option<f64>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StageTime {
    /// intake, admissibility, procedure or closing
    pub stage: String,
    pub what: String,
    pub cases: u64,
    pub mean_days: Option<f64>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Dashboard {
    pub generated_at: chrono::DateTime<chrono::Utc>,
    pub by_status: Vec<StatusCount>,
    pub open_cases: u64,
    pub due_this_week: Vec<DueItem>,
    pub overdue: Vec<DueItem>,
    pub caseloads: Vec<Caseload>,
    /// Over the latest ended cases.
    pub stages: Vec<StageTime>,
}

pub async fn dashboard(state: &AppState, caller: &Caller) -> Result<Dashboard> {
    authorize_global(&state.policies, caller, "report.view")?;
    let now = state.clock.now();
    let db = &state.db;
    let n = || Expr::col(cases::Column::Id).count();
    let per_status: HashMap<String, i64> = cases::Entity::find()
        .select_only()
        .column(cases::Column::Status)
        .column_as(n(), "n")
        .group_by(cases::Column::Status)
        .into_tuple::<(String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let by_status: Vec<StatusCount> = Status::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.as_str().to_string(),
            cases: per_status
                .get(s.as_str())
                .map_or(0, |n| u64::try_from(*n).unwrap_or(0)),
        })
        .collect();
    let open_cases = by_status
        .iter()
        .filter(|s| Status::parse(&s.status).is_some_and(|s| s.is_open()))
        .map(|s| s.cases)
        .sum();

    let pending = || {
        deadlines::Entity::find()
            .filter(deadlines::Column::CaseId.is_not_null())
            .filter(deadlines::Column::CancelledAt.is_null())
            .order_by_asc(deadlines::Column::DueAt)
            .limit(LIST)
    };
    let week = pending()
        .filter(deadlines::Column::FiredAt.is_null())
        .filter(deadlines::Column::DueAt.gte(now))
        .filter(deadlines::Column::DueAt.lt(now + Duration::days(7)))
        .all(db)
        .await?;
    let late = pending()
        .filter(deadlines::Column::DueAt.lt(now))
        .filter(
            Condition::any()
                .add(deadlines::Column::FiredAt.is_null())
                .add(deadlines::Column::Kind.is_in(STAFF_DUTIES.iter().map(|k| k.as_str()))),
        )
        .all(db)
        .await?;
    let case_ids = week.iter().chain(&late).filter_map(|d| d.case_id);
    let cases_of: HashMap<i64, (String, String)> = cases::Entity::find()
        .select_only()
        .column(cases::Column::Id)
        .column(cases::Column::Reference)
        .column(cases::Column::Status)
        .filter(cases::Column::Id.is_in(case_ids))
        .into_tuple::<(i64, String, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, reference, status)| (id, (reference, status)))
        .collect();
    let items = |list: Vec<deadlines::Model>| -> Vec<DueItem> {
        list.into_iter()
            .filter_map(|d| {
                let (reference, status) = cases_of.get(&d.case_id?)?.clone();
                Status::parse(&status)
                    .is_some_and(|s| s.is_open())
                    .then_some(DueItem {
                        reference,
                        status,
                        kind: d.kind,
                        due_at: d.due_at,
                    })
            })
            .collect()
    };

    Ok(Dashboard {
        generated_at: now,
        by_status,
        open_cases,
        due_this_week: items(week),
        overdue: items(late),
        caseloads: caseloads(state).await?,
        stages: stages(state).await?,
    })
}

async fn caseloads(state: &AppState) -> Result<Vec<Caseload>> {
    let open: HashMap<i64, i64> = cases::Entity::find()
        .select_only()
        .column(cases::Column::NeutralId)
        .column_as(Expr::col(cases::Column::Id).count(), "n")
        .filter(cases::Column::NeutralId.is_not_null())
        .filter(cases::Column::Status.is_in(Status::open_names()))
        .group_by(cases::Column::NeutralId)
        .into_tuple::<(i64, i64)>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let neutrals = users::Entity::find()
        .filter(users::Column::Role.eq("neutral"))
        .filter(users::Column::ErasedAt.is_null())
        .order_by_asc(users::Column::Name)
        .all(&state.db)
        .await?;
    let capacity: HashMap<i64, i32> = neutral_profiles::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p.capacity))
        .collect();
    Ok(neutrals
        .into_iter()
        .map(|u| {
            let open_cases = open
                .get(&u.id)
                .map_or(0, |n| u64::try_from(*n).unwrap_or(0));
            let capacity = capacity.get(&u.id).copied().unwrap_or(0);
            Caseload {
                neutral_id: u.id,
                name: u.name,
                open_cases,
                capacity,
                load: share(open_cases, u64::try_from(capacity).unwrap_or(0)),
            }
        })
        .collect())
}

/// Mean days of each stage over the latest ended cases.
async fn stages(state: &AppState) -> Result<Vec<StageTime>> {
    type Row = (Time, Option<Time>, Option<Time>, Option<Time>, Option<Time>);
    let rows: Vec<Row> = cases::Entity::find()
        .select_only()
        .column(cases::Column::FiledAt)
        .column(cases::Column::CompleteAt)
        .column(cases::Column::ForwardedAt)
        .column(cases::Column::OutcomeAt)
        .column(cases::Column::ClosedAt)
        .filter(cases::Column::OutcomeAt.is_not_null())
        .order_by_desc(cases::Column::OutcomeAt)
        .limit(STAGE_SAMPLE)
        .into_tuple()
        .all(&state.db)
        .await?;
    let stage = |stage: &str, what: &str, span: &dyn Fn(&Row) -> Option<(Time, Time)>| {
        let days: Vec<f64> = rows
            .iter()
            .filter_map(span)
            .map(|(a, b)| (b - a).num_seconds() as f64 / 86_400.0)
            .collect();
        StageTime {
            stage: stage.into(),
            what: what.into(),
            cases: days.len() as u64,
            mean_days: (!days.is_empty()).then(|| days.iter().sum::<f64>() / days.len() as f64),
        }
    };
    Ok(vec![
        stage("intake", "from filing to a complete file", &|r| {
            Some((r.0, r.1?))
        }),
        stage(
            "admissibility",
            "from a complete file to the company being told",
            &|r| Some((r.1?, r.2?)),
        ),
        stage(
            "procedure",
            "from the company being told to the outcome",
            &|r| Some((r.2?, r.3?)),
        ),
        stage(
            "closing",
            "from the outcome to the closing with grounds",
            &|r| Some((r.3?, r.4?)),
        ),
    ])
}

/// The dashboard's charts: open cases by state, and each neutral's caseload.
pub fn charts(d: &Dashboard) -> Vec<String> {
    let open: Vec<&StatusCount> = d
        .by_status
        .iter()
        .filter(|s| Status::parse(&s.status).is_some_and(|s| s.is_open()))
        .collect();
    let labels: Vec<String> = open.iter().map(|s| s.status.replace('_', " ")).collect();
    let describe = |pairs: Vec<(String, u64)>| {
        pairs
            .iter()
            .map(|(l, n)| format!("{l}: {n}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut charts = vec![chart::bars(
        "states",
        "Open cases by state",
        &describe(open.iter().map(|s| (s.status.clone(), s.cases)).collect()),
        &labels,
        &[chart::Series {
            name: "cases",
            values: open.iter().map(|s| s.cases).collect(),
        }],
    )];
    if !d.caseloads.is_empty() {
        charts.push(chart::bars(
            "caseloads",
            "Open cases per neutral",
            &describe(
                d.caseloads
                    .iter()
                    .map(|c| (c.name.clone(), c.open_cases))
                    .collect(),
            ),
            &d.caseloads
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>(),
            &[
                chart::Series {
                    name: "open cases",
                    values: d.caseloads.iter().map(|c| c.open_cases).collect(),
                },
                chart::Series {
                    name: "capacity",
                    values: d
                        .caseloads
                        .iter()
                        .map(|c| u64::try_from(c.capacity).unwrap_or(0))
                        .collect(),
                },
            ],
        ));
    }
    charts
}
