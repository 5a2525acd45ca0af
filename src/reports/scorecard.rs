//! A company's public scorecard from the facts of its cases (seed 004, R13): pure arithmetic,
//! so every figure is tested exactly. The service reads the cases; this decides what they
//! mean.
use super::{Months, median, share};
use crate::domain::report_facts::ended;
use crate::policy::ScorecardRules;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One case the company received within the scorecard's months.
#[derive(Clone, Debug)]
pub struct CaseFacts {
    pub forwarded_at: DateTime<Utc>,
    pub first_answer_at: Option<DateTime<Utc>>,
    pub ended_reason: Option<String>,
    pub feedback_resolved: Option<bool>,
    pub feedback_rating: Option<i32>,
    pub complied: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Figures {
    /// Cases sent to the company after admissibility.
    pub received: u64,
    /// Cases the company answered in any way (joined, declined, wrote, proposed).
    pub answered: u64,
    /// Percent of the cases received.
    pub answer_rate: Option<f64>,
    /// Median hours from the case reaching the company to its first answer.
    pub median_answer_hours: Option<f64>,
    /// Answers within the policy's quick-answer days.
    pub quick_answers: u64,
    /// Cases with the consumer's verdict, plus cases the company let lapse or declined:
    /// silence never counts as resolved.
    pub judged: u64,
    /// Cases the consumer called resolved.
    pub resolved: u64,
    /// Percent of the judged cases.
    pub resolved_rate: Option<f64>,
    /// Mean of the consumers' ratings, 1 to 5.
    pub satisfaction: Option<f64>,
    pub ratings: u64,
    /// Settled cases whose consumer said whether the company did what it agreed.
    pub compliance_reports: u64,
    pub complied: u64,
    pub compliance_rate: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ScorePart {
    /// verdict, response_rate, response_speed or compliance
    pub part: String,
    /// The policy's weight.
    pub weight: u32,
    /// Percent; None when there is nothing to measure, and the part then drops out.
    pub value: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MonthFigures {
    /// e.g. 2026-03
    pub month: String,
    pub received: u64,
    pub answered: u64,
    pub resolved: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Card {
    pub figures: Figures,
    /// 0 to 100; None below the policy's minimum of cases.
    pub score: Option<u32>,
    pub parts: Vec<ScorePart>,
    /// Month by month, oldest first.
    pub trend: Vec<MonthFigures>,
}

/// Whether the company never took part: it declined or let the case lapse.
fn company_silent(reason: Option<&str>) -> bool {
    matches!(reason, Some(ended::TRADER_SILENT | ended::TRADER_DECLINED))
}

/// The scorecard over `cases`, all forwarded within `months`.
pub fn card(cases: &[CaseFacts], rules: &ScorecardRules, months: &Months) -> Card {
    let count = |f: &dyn Fn(&CaseFacts) -> bool| cases.iter().filter(|c| f(c)).count() as u64;
    let received = cases.len() as u64;
    let answer_hours: Vec<f64> = cases
        .iter()
        .filter_map(|c| Some((c.first_answer_at? - c.forwarded_at).num_seconds() as f64 / 3600.0))
        .collect();
    let answered = answer_hours.len() as u64;
    let quick_hours = f64::from(rules.quick_answer_days) * 24.0;
    let quick_answers = answer_hours.iter().filter(|h| **h <= quick_hours).count() as u64;
    let judged =
        count(&|c| c.feedback_resolved.is_some() || company_silent(c.ended_reason.as_deref()));
    let resolved = count(&|c| c.feedback_resolved == Some(true));
    let ratings: Vec<f64> = cases
        .iter()
        .filter_map(|c| c.feedback_rating.map(f64::from))
        .collect();
    let compliance_reports = count(&|c| c.complied.is_some());
    let complied = count(&|c| c.complied == Some(true));
    let figures = Figures {
        received,
        answered,
        answer_rate: share(answered, received),
        median_answer_hours: median(answer_hours),
        quick_answers,
        judged,
        resolved,
        resolved_rate: share(resolved, judged),
        satisfaction: (!ratings.is_empty())
            .then(|| ratings.iter().sum::<f64>() / ratings.len() as f64),
        ratings: ratings.len() as u64,
        compliance_reports,
        complied,
        compliance_rate: share(complied, compliance_reports),
    };
    let w = &rules.weights;
    let parts = vec![
        part("verdict", w.verdict, figures.resolved_rate),
        part("response_rate", w.response_rate, figures.answer_rate),
        part(
            "response_speed",
            w.response_speed,
            share(quick_answers, answered),
        ),
        part("compliance", w.compliance, figures.compliance_rate),
    ];
    let score = (received >= u64::from(rules.min_cases))
        .then(|| weighted(&parts))
        .flatten();
    let trend = months
        .labels()
        .into_iter()
        .map(|month| {
            let in_month: Vec<&CaseFacts> = cases
                .iter()
                .filter(|c| Months::label_of(c.forwarded_at) == month)
                .collect();
            MonthFigures {
                received: in_month.len() as u64,
                answered: in_month
                    .iter()
                    .filter(|c| c.first_answer_at.is_some())
                    .count() as u64,
                resolved: in_month
                    .iter()
                    .filter(|c| c.feedback_resolved == Some(true))
                    .count() as u64,
                month,
            }
        })
        .collect();
    Card {
        figures,
        score,
        parts,
        trend,
    }
}

fn part(name: &str, weight: u32, value: Option<f64>) -> ScorePart {
    ScorePart {
        part: name.into(),
        weight,
        value,
    }
}

/// The weighted mean of the parts that have a value, rounded to a whole number.
fn weighted(parts: &[ScorePart]) -> Option<u32> {
    let (sum, weights) = parts
        .iter()
        .filter(|p| p.weight > 0)
        .filter_map(|p| Some((p.value? * f64::from(p.weight), f64::from(p.weight))))
        .fold((0.0, 0.0), |(s, w), (ps, pw)| (s + ps, w + pw));
    (weights > 0.0).then(|| (sum / weights).round() as u32)
}

/// How the score is made, in words, for the page.
pub fn method(rules: &ScorecardRules) -> Vec<String> {
    let w = &rules.weights;
    vec![
        format!(
            "The score counts the cases sent to the company in the last {} months, once there are at least {} of them; with fewer, only the counts are shown.",
            rules.months, rules.min_cases
        ),
        format!(
            "Consumers' verdict (weight {}): the share of cases the consumer called resolved, out of the cases with a verdict and the cases the company declined or let lapse. Silence never counts as resolved.",
            w.verdict
        ),
        format!(
            "Response rate (weight {}): the share of cases the company answered in any way.",
            w.response_rate
        ),
        format!(
            "Response speed (weight {}): the share of answers given within {} days.",
            w.response_speed, rules.quick_answer_days
        ),
        format!(
            "Compliance (weight {}): the share of settlements the company carried out, by the consumers' word.",
            w.compliance
        ),
        "The score is the weighted mean of these shares, 0 to 100. A part without anything to measure yet drops out and the others share its weight.".into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::ScoreWeights;
    use chrono::{Duration, TimeZone};

    fn rules() -> ScorecardRules {
        ScorecardRules {
            months: 12,
            min_cases: 5,
            quick_answer_days: 3,
            weights: ScoreWeights {
                verdict: 50,
                response_rate: 35,
                response_speed: 15,
                compliance: 10,
            },
        }
    }

    fn at(month: u32, day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, month, day, 12, 0, 0).unwrap()
    }

    fn case(month: u32, answer_hours: Option<i64>) -> CaseFacts {
        CaseFacts {
            forwarded_at: at(month, 1),
            first_answer_at: answer_hours.map(|h| at(month, 1) + Duration::hours(h)),
            ended_reason: None,
            feedback_resolved: None,
            feedback_rating: None,
            complied: None,
        }
    }

    fn months() -> Months {
        Months::ending(at(11, 21), 12)
    }

    #[test]
    fn figures_and_score_are_exact() {
        let mut cases = vec![
            case(3, Some(10)),
            case(3, Some(100)),
            case(5, Some(30)),
            case(6, None),
            case(11, Some(72)),
        ];
        cases[0].feedback_resolved = Some(true);
        cases[0].feedback_rating = Some(5);
        cases[0].complied = Some(true);
        cases[1].feedback_resolved = Some(false);
        cases[1].feedback_rating = Some(2);
        cases[3].ended_reason = Some(ended::TRADER_SILENT.into());
        let c = card(&cases, &rules(), &months());
        let f = &c.figures;
        assert_eq!((f.received, f.answered, f.quick_answers), (5, 4, 3));
        assert_eq!(f.answer_rate, Some(80.0));
        // 10, 30, 72, 100 hours: the median is between 30 and 72.
        assert_eq!(f.median_answer_hours, Some(51.0));
        // Two verdicts and one silent company: one of three resolved.
        assert_eq!((f.judged, f.resolved), (3, 1));
        assert_eq!(f.satisfaction, Some(3.5));
        assert_eq!(f.compliance_rate, Some(100.0));
        // (50 × 33.33 + 35 × 80 + 15 × 75 + 10 × 100) / 110 = 59.83…
        assert_eq!(c.score, Some(60));
        assert_eq!(c.trend.len(), 12);
        assert_eq!(c.trend[0].month, "2025-12");
        let march = c.trend.iter().find(|m| m.month == "2026-03").unwrap();
        assert_eq!((march.received, march.answered, march.resolved), (2, 2, 1));
    }

    #[test]
    fn too_few_cases_show_no_score_and_silence_is_never_resolved() {
        let mut cases = vec![case(4, None), case(4, None), case(4, None), case(4, None)];
        let c = card(&cases, &rules(), &months());
        assert_eq!(c.score, None, "four cases are below the minimum of five");
        cases.push(case(4, None));
        for c in &mut cases {
            c.ended_reason = Some(ended::TRADER_SILENT.into());
        }
        let c = card(&cases, &rules(), &months());
        assert_eq!(c.figures.resolved_rate, Some(0.0));
        assert_eq!(c.figures.answer_rate, Some(0.0));
        // Speed and compliance have nothing to measure: verdict and rate alone, both 0.
        assert_eq!(c.parts[2].value, None);
        assert_eq!(c.parts[3].value, None);
        assert_eq!(c.score, Some(0));
    }

    #[test]
    fn parts_without_data_leave_their_weight_to_the_others() {
        let cases: Vec<CaseFacts> = (0..5).map(|_| case(7, Some(1))).collect();
        let c = card(&cases, &rules(), &months());
        // Only response rate and speed (both 100 %) have data.
        assert_eq!(c.score, Some(100));
    }
}
