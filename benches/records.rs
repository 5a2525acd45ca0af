//! Signed records and the audit log at scale: records signed per second, sealed PDFs rendered
//! and verified per second, and audit entries verified per second over a log of 1,000,000
//! entries (chain, hashes, head, and the Merkle tree against every signed head), plus the
//! time to catch the in-memory tree up and to prove one entry. Run with
//! `cargo bench --bench records`; REDRESS_BENCH_PG=URL (a database that may be emptied) adds
//! PostgreSQL. Prints numbers, asserts none.
mod support;

use chrono::Utc;
use redress::AppState;
use redress::audit::{self, GENESIS_HASH};
use redress::clock::{ManualClock, truncate};
use redress::config::Config;
use redress::records::{self, KnownKey, document};
use redress::services::{keys, transparency};
use redress::signing::EntityKey;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionTrait};
use std::sync::Arc;
use std::time::Instant;
use support::report;

const ENTRIES: i64 = 1_000_000;
const SIGNED: usize = 5_000;
const PDFS: usize = 200;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    pure()?;
    support::on_each_engine("records.db", |engine, url, data| async move {
        log(engine, &url, &data).await
    })
    .await
}

/// Signing, rendering and checking records: no database involved.
fn pure() -> anyhow::Result<()> {
    let key = EntityKey::generate();
    let record = records::example("nl");
    let started = Instant::now();
    for _ in 0..SIGNED {
        std::hint::black_box(record.clone().sign(&key));
    }
    report("-", "records signed", SIGNED, started);
    let signed = record.sign(&key);
    let started = Instant::now();
    let mut pdf = Vec::new();
    for _ in 0..PDFS {
        pdf = document::render(&signed, &key);
    }
    report("-", "sealed PDFs rendered", PDFS, started);
    println!("      one PDF: {} bytes", pdf.len());
    let known = KnownKey {
        public_hex: key.public_hex(),
        not_before: Utc::now() - chrono::Duration::days(3650),
        not_after: None,
    };
    let key_of = |_: &str| Some(known.clone());
    let started = Instant::now();
    for _ in 0..PDFS {
        records::verify_pdf(&pdf, &key_of).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    report("-", "sealed PDFs verified", PDFS, started);
    Ok(())
}

async fn log(engine: &str, url: &str, data: &std::path::Path) -> anyhow::Result<()> {
    let config = Config::for_database(url, data.join("data"));
    let state = AppState::open(config, Arc::new(ManualClock::new(Utc::now()))).await?;
    keys::ensure(&state).await?;
    // A million entries with a valid chain, written in bulk: the log as years of use leave it.
    let started = Instant::now();
    let at = truncate(Utc::now());
    let mut prev = GENESIS_HASH.to_string();
    let mut seq = 0i64;
    while seq < ENTRIES {
        let txn = state.db.begin().await?;
        for _ in 0..50 {
            let mut rows = Vec::with_capacity(1_000);
            for _ in 0..1_000 {
                seq += 1;
                let mut e = entity::audit_entries::Model {
                    seq,
                    at,
                    actor: "system".into(),
                    case_id: None,
                    action: "bench.entry".into(),
                    policy: "-".into(),
                    rule: "bench".into(),
                    automated: true,
                    payload_hash: audit::sha256_hex(&seq.to_le_bytes()),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                e.hash = audit::entry_hash(&e);
                prev = e.hash.clone();
                rows.push(entity::audit_entries::ActiveModel {
                    seq: Set(e.seq),
                    at: Set(e.at),
                    actor: Set(e.actor),
                    case_id: Set(None),
                    action: Set(e.action),
                    policy: Set(e.policy),
                    rule: Set(e.rule),
                    automated: Set(true),
                    payload_hash: Set(e.payload_hash),
                    prev_hash: Set(e.prev_hash),
                    hash: Set(e.hash),
                });
            }
            entity::audit_entries::Entity::insert_many(rows)
                .exec_without_returning(&txn)
                .await?;
        }
        txn.commit().await?;
    }
    state
        .db
        .execute_unprepared(&format!(
            "UPDATE audit_head SET seq = {ENTRIES}, hash = '{prev}' WHERE id = 1"
        ))
        .await?;
    report(engine, "entries written (bulk)", ENTRIES as usize, started);

    let started = Instant::now();
    let size = transparency::tree(&state).await?.len();
    report(
        engine,
        "entries loaded into the tree",
        size as usize,
        started,
    );
    let started = Instant::now();
    transparency::sign_head(&state, "request").await?;
    let proof = transparency::inclusion(&state, ENTRIES / 2, None).await?;
    println!(
        "{engine:>10}  signed head and one inclusion proof ({} hashes): {:.2} ms",
        proof.proof.len(),
        started.elapsed().as_secs_f64() * 1e3
    );

    let started = Instant::now();
    let verification = audit::verify(&state.db).await?;
    anyhow::ensure!(verification.intact(), "{:?}", verification.problem);
    report(
        engine,
        "audit entries verified",
        verification.entries as usize,
        started,
    );
    Ok(())
}
