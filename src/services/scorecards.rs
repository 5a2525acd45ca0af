//! A company's public scorecard (seed 004, R13): what it received, answered and resolved in the
//! policy's months, its score once it has enough cases, how the score is made, and its reply.
use super::{Caller, Error, Result, authorize_company};
use crate::domain::moderation;
use crate::reports::scorecard::{self, Card, CaseFacts};
use crate::reports::{Months, chart};
use crate::state::AppState;
use entity::{cases, companies};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::Serialize;

type Time = chrono::DateTime<chrono::Utc>;

/// The longest reply a company may publish.
const REPLY_CHARS: usize = 1_000;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Scorecard {
    pub company_id: i64,
    pub company: String,
    pub sector: String,
    pub country: String,
    /// The cases counted were sent to the company from this instant on.
    pub from: chrono::DateTime<chrono::Utc>,
    pub months: u32,
    /// Fewer cases than this show counts only, no score.
    pub min_cases: u32,
    #[serde(flatten)]
    pub card: Card,
    /// How the score is made, in words.
    pub method: Vec<String>,
    /// The company's own words under its scorecard.
    pub reply: Option<String>,
}

pub async fn scorecard(state: &AppState, company_id: i64) -> Result<Scorecard> {
    let company = companies::Entity::find_by_id(company_id)
        .one(&state.db)
        .await?
        .ok_or(Error::NotFound)?;
    let rules = &state.policies.entity.scorecard;
    let months = Months::ending(state.clock.now(), rules.months);
    type Row = (
        Option<Time>,
        Option<Time>,
        Option<String>,
        Option<bool>,
        Option<i32>,
        Option<bool>,
    );
    let rows: Vec<Row> = cases::Entity::find()
        .select_only()
        .column(cases::Column::ForwardedAt)
        .column(cases::Column::FirstAnswerAt)
        .column(cases::Column::EndedReason)
        .column(cases::Column::FeedbackResolved)
        .column(cases::Column::FeedbackRating)
        .column(cases::Column::Complied)
        .filter(cases::Column::CompanyId.eq(company_id))
        .filter(cases::Column::ForwardedAt.gte(months.start()))
        .into_tuple()
        .all(&state.db)
        .await?;
    let facts: Vec<CaseFacts> = rows
        .into_iter()
        .filter_map(|(forwarded, answer, reason, resolved, rating, complied)| {
            Some(CaseFacts {
                forwarded_at: forwarded?,
                first_answer_at: answer,
                ended_reason: reason,
                feedback_resolved: resolved,
                feedback_rating: rating,
                complied,
            })
        })
        .collect();
    Ok(Scorecard {
        company_id,
        company: company.name,
        sector: company.sector,
        country: company.country,
        from: months.start(),
        months: rules.months,
        min_cases: rules.min_cases,
        card: scorecard::card(&facts, rules, &months),
        method: scorecard::method(rules),
        reply: company.public_reply,
    })
}

/// The scorecard's trend as a chart: received, answered and resolved per month.
pub fn trend_chart(card: &Scorecard) -> String {
    let trend = &card.card.trend;
    let labels: Vec<String> = trend.iter().map(|m| m.month.clone()).collect();
    let series = |f: fn(&scorecard::MonthFigures) -> u64| trend.iter().map(f).collect();
    chart::bars(
        "trend",
        &format!("{}: cases per month", card.company),
        &format!(
            "Cases received, answered and resolved in each of the last {} months; the table below gives the same figures.",
            card.months
        ),
        &labels,
        &[
            chart::Series {
                name: "received",
                values: series(|m| m.received),
            },
            chart::Series {
                name: "answered",
                values: series(|m| m.answered),
            },
            chart::Series {
                name: "resolved",
                values: series(|m| m.resolved),
            },
        ],
    )
}

/// A representative publishes (or, with empty text, removes) the company's reply. It is
/// public, so it is held to the moderation lists of every language (R31).
pub async fn set_reply(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    text: &str,
) -> Result<Option<String>> {
    authorize_company(state, caller, company_id, "company.reply").await?;
    let text = text.trim();
    if text.chars().count() > REPLY_CHARS {
        return Err(Error::invalid(
            "reply",
            format!("keep the reply within {REPLY_CHARS} characters"),
        ));
    }
    let flagged: Vec<String> = ["en", "nl", "fr", "de"]
        .iter()
        .flat_map(|lang| moderation::flagged(text, state.policies.moderation_words(lang)))
        .collect();
    if !flagged.is_empty() {
        return Err(Error::invalid(
            "reply",
            format!(
                "the reply is public: please leave out {}",
                flagged.join(", ")
            ),
        ));
    }
    let reply = (!text.is_empty()).then(|| moderation::redact(text));
    companies::Entity::update(companies::ActiveModel {
        id: Set(company_id),
        public_reply: Set(reply.clone()),
        ..Default::default()
    })
    .exec(&state.db)
    .await?;
    Ok(reply)
}
