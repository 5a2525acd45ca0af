//! What every benchmark shares: the machine it ran on, and running one measurement on SQLite
//! and, when REDRESS_BENCH_PG names a database that may be emptied, on PostgreSQL.
use std::future::Future;

pub async fn on_each_engine<F, Fut>(file: &str, run: F) -> anyhow::Result<()>
where
    F: Fn(&'static str, String, std::path::PathBuf) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    println!(
        "machine: {} cores, {}",
        std::thread::available_parallelism()?.get(),
        cpu_model()
    );
    let dir = tempfile::tempdir()?;
    let data = dir.path().to_path_buf();
    let sqlite = format!("sqlite://{}?mode=rwc", dir.path().join(file).display());
    run("SQLite", sqlite, data.clone()).await?;
    if let Ok(pg) = std::env::var("REDRESS_BENCH_PG") {
        use sea_orm::ConnectionTrait;
        let admin = sea_orm::Database::connect(&pg).await?;
        admin
            .execute_unprepared("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
            .await?;
        admin.close().await?;
        run("PostgreSQL", pg, data).await?;
    }
    Ok(())
}

/// One line of results: how many of `what` per second since `started`.
// Each benchmark compiles this module on its own; not all of them report rates.
#[allow(dead_code)]
pub fn report(engine: &str, what: &str, n: usize, started: std::time::Instant) {
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{engine:<10} {what:<30} {n:>8} in {secs:>7.2} s = {:>9.0}/s",
        n as f64 / secs
    );
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
