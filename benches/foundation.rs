//! Throughput of the foundation: filing cases, running dossier commands, verifying the audit
//! log. Run with `cargo bench --bench foundation`; set REDRESS_BENCH_PG to a PostgreSQL URL
//! (a database that may be emptied) to measure PostgreSQL as well. Prints numbers, asserts none.
mod support;

use chrono::{Duration, Utc};
use redress::AppState;
use redress::audit::{self, NewEntry};
use redress::clock::ManualClock;
use redress::config::Config;
use redress::domain::dossier::{Command, Remedy};
use redress::domain::money::Money;
use redress::policy::Role;
use redress::services::Caller;
use redress::services::dossier::execute;
use redress::services::filing::{
    Channel, CompanyPick, ConsumerPick, NewCase, PriorComplaint, file_case,
};
use redress::services::users::{CompanyChoice, NewUser, create_user};
use sea_orm::TransactionTrait;
use std::sync::Arc;
use std::time::Instant;
use support::report;

const CASES: usize = 4_000;
const TASKS: usize = 8;
const SYNTHETIC_ENTRIES: usize = 200_000;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    support::on_each_engine("bench.db", |engine, url, data| async move {
        run(engine, &url, &data).await
    })
    .await
}

async fn run(engine: &str, url: &str, data: &std::path::Path) -> anyhow::Result<()> {
    let config = Config::for_database(url, data.join("data"));
    let clock = Arc::new(ManualClock::new(Utc::now() - Duration::days(1)));
    let state = AppState::open(config, clock).await?;
    let consumer = create_user(
        &state,
        user("bench@example.eu", Role::Consumer, None),
        "bench",
    )
    .await?;
    let rep = create_user(
        &state,
        user("rep@example.eu", Role::Company, Some("Bench BV")),
        "bench",
    )
    .await?;
    let staff = create_user(&state, user("staff@example.eu", Role::Staff, None), "bench").await?;
    let company_id = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let member = entity::company_members::Entity::find()
            .filter(entity::company_members::Column::UserId.eq(rep.id))
            .one(&state.db)
            .await?
            .expect("the representative belongs to Bench BV");
        member.company_id
    };
    let consumer_caller = Caller::User {
        id: consumer.id,
        role: Role::Consumer,
    };
    let staff_caller = Caller::User {
        id: staff.id,
        role: Role::Staff,
    };

    // Filing, TASKS at a time.
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..TASKS {
        let (state, caller) = (state.clone(), consumer_caller.clone());
        handles.push(tokio::spawn(async move {
            let mut refs = Vec::new();
            for _ in 0..CASES / TASKS {
                let case = file_case(&state, &caller, new_case(consumer.id, company_id)).await?;
                refs.push(case.reference);
            }
            anyhow::Ok(refs)
        }));
    }
    let mut refs = Vec::new();
    for h in handles {
        refs.extend(h.await??);
    }
    report(engine, "cases filed", refs.len(), started);

    // A dossier command on each case, TASKS at a time.
    let started = Instant::now();
    let mut handles = Vec::new();
    for chunk in refs.chunks(CASES / TASKS) {
        let (state, caller, chunk) = (state.clone(), staff_caller.clone(), chunk.to_vec());
        handles.push(tokio::spawn(async move {
            for r in chunk {
                let r = r.parse()?;
                execute(
                    &state,
                    &r,
                    &caller,
                    Command::ReviewCompleteness { missing: vec![] },
                )
                .await?;
            }
            anyhow::Ok(())
        }));
    }
    for h in handles {
        h.await??;
    }
    report(engine, "dossier commands", refs.len(), started);

    // Grow the log with synthetic entries, then verify all of it. Appends commit in batches:
    // on PostgreSQL every append updates the one head row, and thousands of updates of one row
    // inside a single transaction cannot be pruned and slow down each other.
    let mut txn = state.db.begin().await?;
    for i in 0..SYNTHETIC_ENTRIES {
        if i % 1_000 == 999 {
            txn.commit().await?;
            txn = state.db.begin().await?;
        }
        audit::append(
            &txn,
            NewEntry {
                at: Utc::now(),
                actor: "bench".into(),
                case_id: None,
                action: "bench.entry".into(),
                policy: "-".into(),
                rule: "bench".into(),
                automated: true,
                payload_hash: audit::sha256_hex(&i.to_le_bytes()),
            },
        )
        .await?;
    }
    txn.commit().await?;
    let started = Instant::now();
    let verification = audit::verify(&state.db).await?;
    assert!(verification.intact());
    report(
        engine,
        "audit entries verified",
        verification.entries as usize,
        started,
    );
    Ok(())
}

fn user(email: &str, role: Role, company: Option<&str>) -> NewUser {
    NewUser {
        email: email.into(),
        name: "Bench".into(),
        role,
        language: "en".into(),
        password: Some("bench walrus orbit lantern".into()),
        company: company.map(|c| CompanyChoice::ByName(c.to_string())),
        neutral: None,
        self_registered: false,
    }
}

fn new_case(consumer_id: i64, company_id: i64) -> NewCase {
    NewCase {
        consumer: ConsumerPick::Account(consumer_id),
        company: CompanyPick::Existing(company_id),
        allow_duplicate: true,
        consumer_country: None,
        case_type: "complaint".into(),
        channel: Channel::Web,
        language: "en".into(),
        public: false,
        summary: "The parcel never arrived and the shop does not answer.".into(),
        desired_outcome: Remedy::Refund,
        claim: Money::eur(4_999).expect("a valid amount"),
        prior_complaint: Some(PriorComplaint {
            on: (Utc::now() - Duration::days(30)).date_naive(),
            channel: "email".into(),
            reference: None,
        }),
    }
}
