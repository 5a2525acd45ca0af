//! R13: what the entity must publish, generated from the policies and the neutrals' data: who
//! the neutrals are and how they are appointed, each procedure's rules, refusal grounds,
//! languages, fee, time limits and the legal effect of its outcome, and the average length of
//! the cases closed lately.
use super::Result;
use super::users::NEUTRAL_KINDS;
use crate::domain::money::format_amount_in;
use crate::policy::procedure::{OnDisclosure, ProcedureKind, ProcedurePolicy};
use crate::state::AppState;
use entity::{cases, companies, neutral_profiles, users};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

type Time = chrono::DateTime<chrono::Utc>;

/// How many of the latest closed cases the average length is taken over.
const LENGTH_SAMPLE: u64 = 1_000;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct About {
    pub entity: String,
    pub country: String,
    pub website: String,
    pub neutrals: Vec<NeutralInfo>,
    pub appointment: String,
    pub procedures: Vec<ProcedureInfo>,
    /// Mean days from the complete file to closing, over the latest closed cases; None before
    /// any case closed.
    pub average_days: Option<f64>,
    pub cases_measured: usize,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NeutralInfo {
    pub name: String,
    /// mediator or in_house_lawyer
    pub kind: String,
    pub languages: Vec<String>,
    pub sectors: Vec<String>,
    /// R33: the company that employs or pays this neutral, if any.
    pub employed_by: Option<String>,
    pub mandate: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProcedureInfo {
    pub id: String,
    pub version: String,
    pub name: String,
    pub languages: Vec<String>,
    pub fee: String,
    pub refusal_grounds: Vec<String>,
    pub admissibility_days: u32,
    pub outcome_days: u32,
    pub company_answer_working_days: u32,
    pub reflection_days: u32,
    pub max_rounds: u32,
    pub trader_participation_mandatory: bool,
    pub legal_effect: String,
}

/// What the outcome of a procedure means for the parties (art 7(1)(n)).
fn legal_effect(p: &ProcedurePolicy) -> String {
    match p.kind {
        ProcedureKind::Mediation => format!(
            "Non-binding mediation: no one is bound unless both parties accept a solution, and an accepted solution binds only after a reflection period of {} days in which either side may still revoke its consent. Taking part does not take away the right to go to court.",
            p.reflection.days
        ),
        ProcedureKind::Recommendation => "The entity makes a recommendation; the parties are free to follow it. Taking part does not take away the right to go to court.".into(),
        ProcedureKind::BindingAdvice => match p.deadlines.court_challenge_days {
            Some(days) => format!(
                "A binding advice: the ruling binds both parties, who may ask a court to set it aside within {days} days."
            ),
            None => "A binding advice: the ruling binds both parties.".into(),
        },
    }
}

fn appointment(state: &AppState) -> String {
    let asks = state
        .policies
        .procedures()
        .any(|p| p.neutrals.on_disclosure == OnDisclosure::AskParties);
    let disclosure = if asks {
        "A neutral who discloses a circumstance that could affect their independence goes on only if neither party objects; otherwise, and in procedures that say so, another neutral is assigned."
    } else {
        "A neutral who discloses a circumstance that could affect their independence steps down and another is assigned."
    };
    format!(
        "Staff assign each case to one of the neutrals below, or let Redress pick one who works in the case's language and knows the company's sector, never one who declared a conflict with either party or is employed by the company complained about. Before seeing the case file the neutral declares to be independent and impartial, or recuses. {disclosure} Neutrals are {}.",
        NEUTRAL_KINDS.join(" or ").replace('_', " ")
    )
}

pub async fn about(state: &AppState) -> Result<About> {
    let neutrals = users::Entity::find()
        .filter(users::Column::Role.eq("neutral"))
        .filter(users::Column::ErasedAt.is_null())
        .filter(users::Column::PasswordHash.ne(""))
        .order_by_asc(users::Column::Name)
        .all(&state.db)
        .await?;
    let profiles = neutral_profiles::Entity::find()
        .filter(neutral_profiles::Column::UserId.is_in(neutrals.iter().map(|u| u.id)))
        .all(&state.db)
        .await?;
    // R33: the employers named, in one query.
    let employers: std::collections::HashMap<i64, String> = companies::Entity::find()
        .filter(companies::Column::Id.is_in(profiles.iter().filter_map(|p| p.employer_company_id)))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut info = Vec::with_capacity(neutrals.len());
    for user in neutrals {
        let Some(p) = profiles.iter().find(|p| p.user_id == user.id) else {
            continue;
        };
        let employed_by = p
            .employer_company_id
            .and_then(|id| employers.get(&id).cloned());
        let list = |s: &str| s.split(',').map(|x| x.trim().to_string()).collect();
        info.push(NeutralInfo {
            name: user.name,
            kind: p.kind.clone(),
            languages: list(&p.languages),
            sectors: list(&p.sectors),
            employed_by,
            mandate: p.mandate.clone(),
        });
    }
    let procedures = state
        .policies
        .procedures()
        .map(|p| ProcedureInfo {
            id: p.id.clone(),
            version: p.version.clone(),
            name: p.name.clone(),
            languages: p.languages.clone(),
            fee: if p.claims.consumer_fee_cents == 0 {
                "free of charge for consumers".into()
            } else {
                format_amount_in(p.claims.consumer_fee_cents, &p.claims.currency, "en")
            },
            refusal_grounds: p
                .refusal_grounds
                .iter()
                .map(|g| g.explain().to_string())
                .collect(),
            admissibility_days: p.deadlines.admissibility_days,
            outcome_days: p.deadlines.outcome_days,
            company_answer_working_days: p.deadlines.company_answer_working_days,
            reflection_days: p.reflection.days,
            max_rounds: p.rounds.max,
            trader_participation_mandatory: p.trader_participation_mandatory,
            legal_effect: legal_effect(p),
        })
        .collect();
    // The latest closed cases: their file-complete and closing times, in one query.
    let spans: Vec<(Option<Time>, Option<Time>)> = cases::Entity::find()
        .select_only()
        .column(cases::Column::CompleteAt)
        .column(cases::Column::ClosedAt)
        .filter(cases::Column::ClosedAt.is_not_null())
        .filter(cases::Column::CompleteAt.is_not_null())
        .order_by_desc(cases::Column::Id)
        .limit(LENGTH_SAMPLE)
        .into_tuple()
        .all(&state.db)
        .await?;
    let days: Vec<f64> = spans
        .iter()
        .filter_map(|(complete, closed)| Some(((*closed)? - (*complete)?).num_seconds()))
        .map(|secs| secs as f64 / 86_400.0)
        .collect();
    let average_days = (!days.is_empty()).then(|| days.iter().sum::<f64>() / days.len() as f64);
    Ok(About {
        entity: state.policies.entity.name.clone(),
        country: state.policies.entity.country.clone(),
        website: state.policies.entity.website.clone(),
        neutrals: info,
        appointment: appointment(state),
        procedures,
        average_days,
        cases_measured: days.len(),
    })
}
