//! The ADR entity's activity report (R24, art 7(2) of the ADR Directive), the biennial report to
//! the competent authority (R25, art 19) and the outcome split for trader-paid procedures (R37),
//! computed from grouped counts the service reads. Every figure is a count, a share of a named
//! whole, or a time; the report says which whole.
use super::{median, share};
use crate::domain::report_facts::{basis, ended};
use crate::policy::RefusalGround;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// The years a report covers: one for the annual report, two for the authority's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Period {
    pub first_year: i32,
    pub last_year: i32,
}

impl Period {
    pub fn year(year: i32) -> Self {
        Self {
            first_year: year,
            last_year: year,
        }
    }

    pub fn years(last_year: i32, count: u32) -> Self {
        Self {
            first_year: last_year - count.max(1) as i32 + 1,
            last_year,
        }
    }

    /// `2026`, or `2025-2026`: the key of its written assessment.
    pub fn name(&self) -> String {
        if self.first_year == self.last_year {
            self.first_year.to_string()
        } else {
            format!("{}-{}", self.first_year, self.last_year)
        }
    }

    /// From the first of January of the first year to (not including) that of the year after
    /// the last.
    pub fn bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let jan1 = |y: i32| {
            NaiveDate::from_ymd_opt(y, 1, 1)
                .unwrap_or_default()
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default()
                .and_utc()
        };
        (jan1(self.first_year), jan1(self.last_year + 1))
    }
}

/// Cases filed in the period, counted by kind, remedy sought and whether cross-border.
#[derive(Clone, Debug)]
pub struct ReceivedGroup {
    pub case_type: String,
    pub remedy: String,
    pub cross_border: bool,
    pub count: u64,
}

/// Cases filed in the period against one company, asking for one remedy.
#[derive(Clone, Debug)]
pub struct CompanyGroup {
    pub company: String,
    pub sector: String,
    pub remedy: String,
    pub count: u64,
}

/// Cases whose procedure ended in the period, by why and how.
#[derive(Clone, Debug)]
pub struct EndedGroup {
    pub reason: String,
    pub basis: Option<String>,
    /// The case's procedure is paid by traders (R37).
    pub trader_paid: bool,
    pub complied: Option<bool>,
    pub count: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Training {
    pub entries: u64,
    pub minutes: u64,
    /// Neutrals with at least one entry in the period.
    pub neutrals_trained: u64,
    /// Neutrals with an account at the time of the report.
    pub neutrals: u64,
}

/// Everything the service read for one period.
#[derive(Clone, Debug)]
pub struct Gathered {
    pub entity: String,
    pub period: Period,
    pub generated_at: DateTime<Utc>,
    pub received: Vec<ReceivedGroup>,
    pub companies: Vec<CompanyGroup>,
    pub ended: Vec<EndedGroup>,
    /// Days from filing to the end of the procedure, for each case that ended in the period.
    pub days_to_outcome: Vec<f64>,
    pub training: Training,
    pub assessment: Option<String>,
    /// Some procedure of the entity is paid by traders (R37).
    pub any_trader_paid: bool,
}

/// A count with what it is, and its share of the whole its list names.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Count {
    pub item: String,
    pub label: String,
    pub count: u64,
    /// Percent.
    pub share: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Compliance {
    /// Settlements whose consumer said whether the company did what it agreed.
    pub reports: u64,
    pub complied: u64,
    /// Percent of the reports; None when no consumer said.
    pub rate: Option<f64>,
}

/// R37: how settled cases of trader-paid procedures came out.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TraderPaidOutcomes {
    /// Cases of trader-paid procedures that ended in the period.
    pub ended: u64,
    /// Shares of `ended`: for the consumer, for the trader, settled amicably; and ended
    /// without such an outcome (refused, discontinued, no agreement).
    pub split: Vec<Count>,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ActivityReport {
    pub entity: String,
    pub period: Period,
    /// `2026` or `2025-2026`
    pub period_name: String,
    pub generated_at: DateTime<Utc>,
    /// Disputes filed in the period.
    pub received: u64,
    /// Shares of `received`.
    pub by_type: Vec<Count>,
    pub by_remedy: Vec<Count>,
    pub by_sector: Vec<Count>,
    pub cross_border: Count,
    /// Recurring problems: the companies with most disputes, shares of `received`.
    pub top_companies: Vec<Count>,
    /// Recurring problems: sector and remedy sought together, shares of `received`.
    pub top_problems: Vec<Count>,
    /// Procedures that ended in the period.
    pub ended: u64,
    /// Refused, share of `ended`.
    pub refused: Count,
    /// Per ground, shares of the refusals.
    pub refusal_grounds: Vec<Count>,
    /// Discontinued before an outcome on the merits, share of `ended`.
    pub discontinued: Count,
    /// Why, shares of the discontinued.
    pub discontinued_reasons: Vec<Count>,
    /// Settled and not settled, shares of `ended`.
    pub outcomes: Vec<Count>,
    pub mean_days_to_outcome: Option<f64>,
    pub median_days_to_outcome: Option<f64>,
    pub compliance: Compliance,
    /// None when no procedure is paid by traders.
    pub trader_paid: Option<TraderPaidOutcomes>,
    pub training: Training,
    /// The entity's assessment of its effectiveness and, for the authority, its
    /// recommendations; written by staff.
    pub assessment: Option<String>,
}

/// How many companies and problems the report names.
const TOP: usize = 10;

fn ground_of(reason: &str) -> Option<RefusalGround> {
    serde_json::from_value(serde_json::Value::String(reason.into())).ok()
}

fn reason_label(reason: &str) -> String {
    if let Some(ground) = ground_of(reason) {
        return ground.explain().to_string();
    }
    match reason {
        ended::SETTLED => "settled",
        ended::NO_AGREEMENT => "ended without agreement",
        ended::WITHDRAWN_BY_CONSUMER => "withdrawn by the consumer",
        ended::WITHDRAWN_BY_COMPANY => "withdrawn by the company",
        ended::TRADER_DECLINED => "the company declined to take part",
        ended::TRADER_SILENT => "the company did not answer",
        _ => "lapsed",
    }
    .to_string()
}

/// Counts per key, largest first (then by key), with shares of `whole`.
fn counts(groups: BTreeMap<String, u64>, whole: u64, label: impl Fn(&str) -> String) -> Vec<Count> {
    let mut list: Vec<Count> = groups
        .into_iter()
        .map(|(item, count)| Count {
            label: label(&item),
            share: share(count, whole),
            item,
            count,
        })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.item.cmp(&b.item)));
    list
}

fn count(item: &str, label: &str, count: u64, whole: u64) -> Count {
    Count {
        item: item.into(),
        label: label.into(),
        count,
        share: share(count, whole),
    }
}

fn sum_by<T>(
    items: &[T],
    key: impl Fn(&T) -> Option<String>,
    n: impl Fn(&T) -> u64,
) -> BTreeMap<String, u64> {
    let mut map = BTreeMap::new();
    for item in items {
        if let Some(k) = key(item) {
            *map.entry(k).or_insert(0) += n(item);
        }
    }
    map
}

pub fn report(g: Gathered) -> ActivityReport {
    let received: u64 = g.received.iter().map(|r| r.count).sum();
    let plain = |s: &str| s.replace('_', " ");
    let by_type = counts(
        sum_by(&g.received, |r| Some(r.case_type.clone()), |r| r.count),
        received,
        plain,
    );
    let by_remedy = counts(
        sum_by(&g.received, |r| Some(r.remedy.clone()), |r| r.count),
        received,
        plain,
    );
    let cross: u64 = g
        .received
        .iter()
        .filter(|r| r.cross_border)
        .map(|r| r.count)
        .sum();
    let by_sector = counts(
        sum_by(&g.companies, |c| Some(c.sector.clone()), |c| c.count),
        received,
        plain,
    );
    let mut top_companies = counts(
        sum_by(&g.companies, |c| Some(c.company.clone()), |c| c.count),
        received,
        str::to_string,
    );
    top_companies.truncate(TOP);
    let mut top_problems = counts(
        sum_by(
            &g.companies,
            |c| Some(format!("{}: {}", c.sector, c.remedy)),
            |c| c.count,
        ),
        received,
        plain,
    );
    top_problems.truncate(TOP);

    let ended_total: u64 = g.ended.iter().map(|e| e.count).sum();
    let refusals = sum_by(
        &g.ended,
        |e| ground_of(&e.reason).map(|_| e.reason.clone()),
        |e| e.count,
    );
    let refused: u64 = refusals.values().sum();
    let discontinued_map = sum_by(
        &g.ended,
        |e| {
            ended::DISCONTINUED
                .contains(&e.reason.as_str())
                .then(|| e.reason.clone())
        },
        |e| e.count,
    );
    let discontinued: u64 = discontinued_map.values().sum();
    let outcomes = counts(
        sum_by(
            &g.ended,
            |e| {
                [ended::SETTLED, ended::NO_AGREEMENT]
                    .contains(&e.reason.as_str())
                    .then(|| e.reason.clone())
            },
            |e| e.count,
        ),
        ended_total,
        reason_label,
    );
    let reports: u64 = g
        .ended
        .iter()
        .filter(|e| e.complied.is_some())
        .map(|e| e.count)
        .sum();
    let complied: u64 = g
        .ended
        .iter()
        .filter(|e| e.complied == Some(true))
        .map(|e| e.count)
        .sum();
    let paid: Vec<&EndedGroup> = g.ended.iter().filter(|e| e.trader_paid).collect();
    let trader_paid = g.any_trader_paid.then(|| {
        let total: u64 = paid.iter().map(|e| e.count).sum();
        let of = |b: &str| {
            paid.iter()
                .filter(|e| e.basis.as_deref() == Some(b))
                .map(|e| e.count)
                .sum::<u64>()
        };
        let (consumer, trader, amicable) =
            (of(basis::CONSUMER), of(basis::TRADER), of(basis::AMICABLE));
        TraderPaidOutcomes {
            ended: total,
            split: vec![
                count(basis::CONSUMER, "decided for the consumer", consumer, total),
                count(basis::TRADER, "decided for the trader", trader, total),
                count(basis::AMICABLE, "settled amicably", amicable, total),
                count(
                    "none",
                    "no such outcome (refused, discontinued or no agreement)",
                    total - consumer - trader - amicable,
                    total,
                ),
            ],
        }
    });
    let mean = (!g.days_to_outcome.is_empty())
        .then(|| g.days_to_outcome.iter().sum::<f64>() / g.days_to_outcome.len() as f64);
    ActivityReport {
        entity: g.entity,
        period_name: g.period.name(),
        period: g.period,
        generated_at: g.generated_at,
        received,
        by_type,
        by_remedy,
        by_sector,
        cross_border: count(
            "cross_border",
            "cross-border (consumer and company in different countries)",
            cross,
            received,
        ),
        top_companies,
        top_problems,
        ended: ended_total,
        refused: count("refused", "refused", refused, ended_total),
        refusal_grounds: counts(refusals, refused, reason_label),
        discontinued: count("discontinued", "discontinued", discontinued, ended_total),
        discontinued_reasons: counts(discontinued_map, discontinued, reason_label),
        outcomes,
        mean_days_to_outcome: mean,
        median_days_to_outcome: median(g.days_to_outcome),
        compliance: Compliance {
            reports,
            complied,
            rate: share(complied, reports),
        },
        trader_paid,
        training: g.training,
        assessment: g.assessment,
    }
}
