//! Case lists at 1,000 and at 1,000,000 cases: a consumer's, a company's, staff's (all, and by
//! status), a deep keyset page, and the public list, each timed over many runs, plus the query
//! plans. Run with `cargo bench --bench lists`; REDRESS_BENCH_PG=URL (a database that may be
//! emptied) adds PostgreSQL. Prints numbers, asserts none.
mod support;

use chrono::{Duration, Utc};
use redress::AppState;
use redress::clock::ManualClock;
use redress::config::Config;
use redress::policy::Role;
use redress::services::{Caller, listing, publication};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use std::sync::Arc;
use std::time::Instant;

const CONSUMERS: i64 = 1_000;
const COMPANIES: i64 = 100;
const SIZES: [i64; 2] = [1_000, 1_000_000];
const RUNS: u32 = 200;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    support::on_each_engine("lists.db", |engine, url, data| async move {
        run(engine, &url, &data).await
    })
    .await
}

async fn run(engine: &str, url: &str, data: &std::path::Path) -> anyhow::Result<()> {
    let config = Config::for_database(url, data.join("data"));
    let clock = Arc::new(ManualClock::new(Utc::now() - Duration::days(1)));
    let state = AppState::open(config, clock).await?;
    let db = &state.db;
    let backend = db.get_database_backend();
    // One account and company made the ordinary way serve as templates for the bulk rows, so
    // every stored value has exactly the engine's own format.
    let staff = redress::services::users::create_user(
        &state,
        bench_user("staff@bench.example", Role::Staff),
        "bench",
    )
    .await?;
    let first_consumer = scalar(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM users").await?;
    exec(db, &users_sql(backend, first_consumer)).await?;
    let first_company = scalar(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM companies").await?;
    exec(db, &companies_sql(backend, first_company, staff.id)).await?;

    let staff = Caller::User {
        id: staff.id,
        role: Role::Staff,
    };
    let consumer = Caller::User {
        id: first_consumer,
        role: Role::Consumer,
    };
    let rep_id = scalar(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM users").await?;
    exec(db, &format!(
        "INSERT INTO users (id, email, name, password_hash, role, language, failed_logins, created_at) \
         SELECT {rep_id}, 'rep@bench.example', name, '', 'company', language, 0, created_at FROM users WHERE id = {first_consumer}"
    )).await?;
    exec(
        db,
        &format!(
            "INSERT INTO company_members (company_id, user_id, member_role, created_at) \
         SELECT {first_company}, {rep_id}, 'admin', created_at FROM users WHERE id = {rep_id}"
        ),
    )
    .await?;
    let company = Caller::User {
        id: rep_id,
        role: Role::Company,
    };

    let mut filled = 0;
    for size in SIZES {
        let started = Instant::now();
        exec(
            db,
            &cases_sql(backend, filled + 1, size, first_consumer, first_company),
        )
        .await?;
        exec(db, "ANALYZE").await?;
        println!(
            "{engine:<10} {size:>9} cases (filled in {:.1} s)",
            started.elapsed().as_secs_f64()
        );
        filled = size;
        let middle = scalar(db, "SELECT MAX(id) / 2 FROM cases").await?;

        time(engine, "consumer, first page", || {
            listing::cases_for(&state, &consumer, None, None, None)
        })
        .await?;
        time(engine, "consumer, deep page", || {
            listing::cases_for(&state, &consumer, None, Some(middle), None)
        })
        .await?;
        time(engine, "company, first page", || {
            listing::cases_for(&state, &company, None, None, None)
        })
        .await?;
        time(engine, "staff, all", || {
            listing::cases_for(&state, &staff, None, None, None)
        })
        .await?;
        time(engine, "staff, deep page", || {
            listing::cases_for(&state, &staff, None, Some(middle), None)
        })
        .await?;
        time(engine, "staff, status=negotiating", || {
            listing::cases_for(&state, &staff, Some("negotiating"), None, None)
        })
        .await?;
        time(engine, "public, first page", || {
            publication::published(&state, None, None)
        })
        .await?;
    }
    plans(db, backend, first_consumer, first_company).await
}

/// Mean and slowest time of one list query over RUNS runs.
async fn time<F, Fut, T>(engine: &str, what: &str, query: F) -> anyhow::Result<()>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = redress::services::Result<T>>,
{
    query().await?;
    let mut slowest = 0f64;
    let started = Instant::now();
    for _ in 0..RUNS {
        let one = Instant::now();
        query().await?;
        slowest = slowest.max(one.elapsed().as_secs_f64());
    }
    let mean = started.elapsed().as_secs_f64() / f64::from(RUNS);
    println!(
        "{engine:<10}   {what:<28} mean {:>7.3} ms   slowest {:>7.3} ms",
        mean * 1e3,
        slowest * 1e3
    );
    Ok(())
}

async fn plans(
    db: &sea_orm::DatabaseConnection,
    backend: DatabaseBackend,
    consumer: i64,
    company: i64,
) -> anyhow::Result<()> {
    let explain = if backend == DatabaseBackend::Postgres {
        "EXPLAIN"
    } else {
        "EXPLAIN QUERY PLAN"
    };
    for (what, sql) in [
        ("consumer list", format!("SELECT * FROM cases WHERE consumer_id = {consumer} ORDER BY id DESC LIMIT 21")),
        ("company list", format!("SELECT * FROM cases WHERE company_id IN ({company}) ORDER BY id DESC LIMIT 21")),
        ("status list", "SELECT * FROM cases WHERE status = 'negotiating' AND id < 500000 ORDER BY id DESC LIMIT 21".into()),
        ("public list", "SELECT * FROM cases WHERE visibility = 'public' AND moderation = 'published' ORDER BY id DESC LIMIT 21".into()),
    ] {
        println!("plan, {what}:");
        let rows = db.query_all_raw(Statement::from_string(backend, format!("{explain} {sql}"))).await?;
        for row in rows {
            let line: String = match backend {
                DatabaseBackend::Postgres => row.try_get_by_index(0)?,
                _ => row.try_get("", "detail")?,
            };
            println!("    {line}");
        }
    }
    Ok(())
}

fn users_sql(backend: DatabaseBackend, first: i64) -> String {
    let last = first + CONSUMERS - 1;
    let select = "SELECT n, 'bulk' || n || '@bench.example', 'Bulk consumer', '', 'consumer', 'en', 0, \
         (SELECT created_at FROM users LIMIT 1)";
    series(
        backend,
        first,
        last,
        "INSERT INTO users (id, email, name, password_hash, role, language, failed_logins, created_at)",
        select,
    )
}

fn companies_sql(backend: DatabaseBackend, first: i64, _by: i64) -> String {
    let last = first + COMPANIES - 1;
    let select =
        "SELECT n, 'Bulk company ' || n, 'general', 'BE', (SELECT created_at FROM users LIMIT 1)"
            .to_string();
    series(
        backend,
        first,
        last,
        "INSERT INTO companies (id, name, sector, country, created_at)",
        &select,
    )
}

const STATUSES: [&str; 8] = [
    "submitted",
    "complete",
    "accepted",
    "assigned",
    "negotiating",
    "settled",
    "closed",
    "archived",
];

fn cases_sql(backend: DatabaseBackend, from: i64, to: i64, consumer: i64, company: i64) -> String {
    let status = format!(
        "CASE n % 8 {} END",
        STATUSES
            .iter()
            .enumerate()
            .map(|(i, s)| format!("WHEN {i} THEN '{s}'"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let number = match backend {
        DatabaseBackend::Postgres => "lpad((n % 100000)::text, 6, '0')",
        _ => "printf('%06d', n % 100000)",
    };
    let select = format!(
        "SELECT 'RD-' || (2000 + n / 100000) || '-' || {number}, 'complaint', {status}, 1, \
         {consumer} + n % {CONSUMERS}, {company} + n % {COMPANIES}, 'web', 'en', \
         CASE WHEN n % 10 = 0 THEN 'public' ELSE 'private' END, \
         CASE WHEN n % 10 = 0 THEN 'published' ELSE 'none' END, \
         'A bulk complaint for measuring lists.', 'refund', 10000 + n % 50000, 'EUR', \
         'eu-default', '2026.1', t.created_at, t.created_at \
         FROM (SELECT created_at FROM users LIMIT 1) AS t"
    );
    series(
        backend,
        from,
        to,
        "INSERT INTO cases (reference, case_type, status, version, consumer_id, company_id, channel, language, \
         visibility, moderation, summary, desired_outcome, amount_claimed_cents, currency, policy_id, \
         policy_version, filed_at, updated_at)",
        &select,
    )
}

/// `insert` filled from `select` once per n in from..=to.
fn series(backend: DatabaseBackend, from: i64, to: i64, insert: &str, select: &str) -> String {
    match backend {
        DatabaseBackend::Postgres => {
            let (head, tail) = match select.find(" FROM (SELECT created_at") {
                Some(i) => (
                    select[..i].to_string(),
                    format!("{}, generate_series({from}, {to}) AS s(n)", &select[i..]),
                ),
                None => (
                    select.to_string(),
                    format!(" FROM generate_series({from}, {to}) AS s(n)"),
                ),
            };
            format!("{insert} {head}{tail}")
        }
        _ => {
            let (head, tail) = match select.find(" FROM (SELECT created_at") {
                Some(i) => (select[..i].to_string(), format!("{}, s", &select[i..])),
                None => (select.to_string(), " FROM s".to_string()),
            };
            format!(
                "WITH RECURSIVE s(n) AS (SELECT {from} UNION ALL SELECT n + 1 FROM s WHERE n < {to}) {insert} {head}{tail}"
            )
        }
    }
}

async fn exec(db: &sea_orm::DatabaseConnection, sql: &str) -> anyhow::Result<()> {
    db.execute_unprepared(sql)
        .await
        .map_err(|e| anyhow::anyhow!("{e}: {sql}"))?;
    Ok(())
}

async fn scalar(db: &sea_orm::DatabaseConnection, sql: &str) -> anyhow::Result<i64> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(backend, sql.to_string()))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no row: {sql}"))?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

fn bench_user(email: &str, role: Role) -> redress::services::users::NewUser {
    redress::services::users::NewUser {
        email: email.into(),
        name: "Bench".into(),
        role,
        language: "en".into(),
        password: Some("bench walrus orbit lantern".into()),
        company: None,
        neutral: None,
        self_registered: false,
    }
}
