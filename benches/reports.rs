//! Reports at scale: the activity report, a company's scorecard and the staff dashboard over
//! 1,000,000 cases. The cases are written in bulk with the facts the dossier would have left
//! on them (a year of filings over 2,000 companies, most of them ended, some refused,
//! discontinued or settled, with verdicts and compliance), because a million trips through the
//! state machine would measure the state machine, not the reports. Run with
//! `cargo bench --bench reports`; REDRESS_BENCH_PG=URL (a database that may be emptied) adds
//! PostgreSQL. Prints numbers, asserts none.
mod support;

use chrono::{Duration, TimeZone, Utc};
use entity::{cases, companies};
use redress::AppState;
use redress::clock::ManualClock;
use redress::config::Config;
use redress::policy::Role;
use redress::reports::activity::Period;
use redress::services::{Caller, dashboard, reports, scorecards, users};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{EntityTrait, TransactionTrait};
use std::sync::Arc;
use std::time::Instant;
use support::report;

const CASES: usize = 1_000_000;
const COMPANIES: usize = 2_000;
/// Rows per INSERT: under SQLite's limit of bound values with every column of a case.
const BATCH: usize = 500;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    support::on_each_engine("reports.db", |engine, url, data| async move {
        run(engine, &url, &data).await
    })
    .await
}

/// A small, fixed pseudo-random sequence, so every run writes the same cases.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % sides
    }
}

const REASONS: [&str; 9] = [
    "settled",
    "settled",
    "settled",
    "no_agreement",
    "withdrawn_by_consumer",
    "trader_silent",
    "trader_declined",
    "filed_too_late",
    "no_prior_complaint",
];
const REMEDIES: [&str; 4] = ["refund", "repair", "replacement", "discount"];

fn case(n: usize, consumer_id: i64, dice: &mut Dice) -> cases::ActiveModel {
    let year_start = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
    let filed = year_start + Duration::minutes(dice.roll(60 * 24 * 330) as i64);
    let ended = dice.roll(10) < 8;
    let reason = REASONS[dice.roll(REASONS.len() as u64) as usize];
    let refused = reason.starts_with("filed") || reason.starts_with("no_prior");
    let forwarded = (!refused).then(|| filed + Duration::days(3));
    let answered = forwarded.filter(|_| reason != "trader_silent" && dice.roll(10) < 9);
    let outcome_at = ended.then(|| filed + Duration::days(5 + dice.roll(85) as i64));
    let settled = ended && reason == "settled";
    let status = if !ended {
        "negotiating"
    } else if settled {
        "settled"
    } else {
        "closed"
    };
    // A fifth of the companies get half the cases: recurring problems exist.
    let company = if dice.roll(2) == 0 {
        dice.roll(COMPANIES as u64 / 5)
    } else {
        dice.roll(COMPANIES as u64)
    } as i64
        + 1;
    cases::ActiveModel {
        id: NotSet,
        reference: Set(format!("RD-2026-{n:07}")),
        case_type: Set(if dice.roll(20) == 0 {
            "incident"
        } else {
            "complaint"
        }
        .into()),
        status: Set(status.into()),
        version: Set(8),
        consumer_id: Set(consumer_id),
        company_id: Set(company),
        neutral_id: Set(None),
        neutral_declared: Set(false),
        channel: Set("web".into()),
        language: Set("en".into()),
        visibility: Set("private".into()),
        moderation: Set("none".into()),
        summary: Set("A parcel that never arrived.".into()),
        desired_outcome: Set(REMEDIES[dice.roll(4) as usize].into()),
        amount_claimed_cents: Set(10_000),
        currency: Set("EUR".into()),
        prior_complaint_on: Set(None),
        prior_complaint_channel: Set(None),
        prior_complaint_reference: Set(None),
        policy_id: Set("eu-default".into()),
        policy_version: Set("2026.1".into()),
        round_number: Set(1),
        proposals_made: Set(1),
        standing_proposal: Set(None),
        consumer_accepted: Set(None),
        company_accepted: Set(None),
        outcome_extended: Set(false),
        outcome: Set(ended.then(|| if settled { "settled" } else { "lapsed" }.to_string())),
        filed_at: Set(filed),
        complete_at: Set(Some(filed + Duration::days(1))),
        outcome_due_at: Set(None),
        company_joined_at: Set(answered),
        agreed_at: Set(None),
        reflection_ends_at: Set(None),
        settled_at: Set(outcome_at.filter(|_| settled)),
        closed_at: Set(outcome_at
            .filter(|_| !settled)
            .map(|at| at + Duration::days(2))),
        updated_at: Set(filed),
        reply_token: Set(None),
        feedback_at: Set(None),
        review_requested_at: Set(None),
        procedure_state: Set("{}".into()),
        record_due: Set(false),
        consumer_country: Set(Some(if dice.roll(8) == 0 { "DE" } else { "BE" }.into())),
        cross_border: Set(false),
        forwarded_at: Set(forwarded),
        first_answer_at: Set(answered.map(|at| at + Duration::hours(dice.roll(200) as i64))),
        outcome_at: Set(outcome_at),
        outcome_seconds: Set(outcome_at.map(|at| (at - filed).num_seconds())),
        ended_reason: Set(ended.then(|| reason.to_string())),
        outcome_basis: Set(settled.then(|| {
            ["amicable", "amicable", "consumer", "trader"][dice.roll(4) as usize].to_string()
        })),
        feedback_resolved: Set((ended && !refused && dice.roll(3) > 0).then(|| dice.roll(2) == 0)),
        feedback_rating: Set((ended && !refused).then(|| 1 + dice.roll(5) as i32)),
        complied: Set((settled && dice.roll(2) == 0).then(|| dice.roll(10) < 8)),
    }
}

async fn run(engine: &str, url: &str, data: &std::path::Path) -> anyhow::Result<()> {
    let config = Config::for_database(url, data.join("data"));
    // The dashboard and scorecards look back from the first of December 2026.
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let state = AppState::open(config, Arc::new(ManualClock::new(now))).await?;
    let consumer = users::create_user(
        &state,
        users::NewUser {
            email: "consumer@example.eu".into(),
            name: "Consumer".into(),
            role: Role::Consumer,
            language: "en".into(),
            password: None,
            company: None,
            neutral: None,
            self_registered: false,
        },
        "bench",
    )
    .await?;
    let started = Instant::now();
    let txn = state.db.begin().await?;
    companies::Entity::insert_many((1..=COMPANIES).map(|n| companies::ActiveModel {
        id: NotSet,
        name: Set(format!("Company {n:04}")),
        vat_number: Set(None),
        domain: Set(None),
        complaint_email: Set(None),
        sector: Set(["retail", "travel", "telecom", "energy"][n % 4].into()),
        country: Set("BE".into()),
        public_reply: Set(None),
        created_at: Set(now),
    }))
    .exec(&txn)
    .await?;
    txn.commit().await?;
    let mut dice = Dice(7);
    let mut written = 0;
    while written < CASES {
        let txn = state.db.begin().await?;
        for _ in 0..40 {
            let rows: Vec<_> = (written..written + BATCH)
                .map(|n| case(n, consumer.id, &mut dice))
                .collect();
            cases::Entity::insert_many(rows).exec(&txn).await?;
            written += BATCH;
        }
        txn.commit().await?;
    }
    report(engine, "cases written", CASES, started);

    for round in 1..=2 {
        let started = Instant::now();
        let r = reports::activity(&state, &Caller::System, Period::year(2026)).await?;
        let secs = started.elapsed().as_secs_f64();
        println!(
            "{engine:<10} activity report 2026 (run {round}): {secs:.2} s — {} received, {} ended, median {:.1} days",
            r.received,
            r.ended,
            r.median_days_to_outcome.unwrap_or_default()
        );
    }
    let started = Instant::now();
    let two = reports::activity(&state, &Caller::System, Period::years(2026, 2)).await?;
    println!(
        "{engine:<10} authority report 2025-2026: {:.2} s — {} received",
        started.elapsed().as_secs_f64(),
        two.received
    );
    // Company 1 is among the busiest: about 1,250 cases in its year.
    let started = Instant::now();
    let card = scorecards::scorecard(&state, 1).await?;
    println!(
        "{engine:<10} scorecard of a busy company: {:.1} ms — {} cases, score {:?}",
        started.elapsed().as_secs_f64() * 1000.0,
        card.card.figures.received,
        card.card.score
    );
    let staff = Caller::System;
    let started = Instant::now();
    let d = dashboard::dashboard(&state, &staff).await;
    println!(
        "{engine:<10} staff dashboard: {:.1} ms ({})",
        started.elapsed().as_secs_f64() * 1000.0,
        match &d {
            Ok(d) => format!("{} open cases", d.open_cases),
            Err(e) => format!("{e}"),
        }
    );
    Ok(())
}
