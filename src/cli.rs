//! Helpers behind the `redress` command that are not the application itself: serving with
//! the scheduler, the demo's secret key, reading a password from standard input.
use crate::state::AppState;
use anyhow::{Context, bail};
use base64::Engine;
use rand::RngCore;
use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

pub async fn serve(state: AppState) -> anyhow::Result<()> {
    if state.config.secret_key.is_none() && !cfg!(debug_assertions) {
        bail!(
            "no secret key for session cookies: set REDRESS_SECRET_KEY (or --secret-key) to the output of `openssl rand -base64 32`"
        );
    }
    // R27: records are signed; production starts only with its key in place.
    if cfg!(debug_assertions) {
        crate::services::keys::ensure(&state).await?;
    } else if let Err(e) = crate::services::keys::active(&state).await {
        bail!(
            "no usable signing key ({e}): run `redress keys generate` (keys live in {}, or set REDRESS_KEYS_DIR)",
            state.config.keys_dir.display()
        );
    }
    if state.config.scheduler_interval_secs > 0 {
        crate::jobs::spawn_scheduler(
            state.clone(),
            Duration::from_secs(state.config.scheduler_interval_secs),
        );
        // Webhooks go out on a worker of their own: a slow endpoint never holds up deadlines.
        crate::services::webhooks::spawn_worker(state.clone(), Duration::from_secs(5));
    }
    crate::web::build(state)
        .launch()
        .await
        .context("the web server stopped")?;
    Ok(())
}

/// The demo keeps one secret key in its data directory, so sessions survive a restart.
pub fn demo_secret_key(data_dir: &Path) -> anyhow::Result<String> {
    kept_secret(data_dir, "demo-secret-key")
}

/// A random secret kept in `data_dir/name` (base64 of 32 bytes, mode 0600): read if there,
/// made otherwise.
pub fn kept_secret(data_dir: &Path, name: &str) -> anyhow::Result<String> {
    let file = data_dir.join(name);
    if let Ok(key) = std::fs::read_to_string(&file) {
        return Ok(key.trim().to_string());
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let key = base64::engine::general_purpose::STANDARD.encode(bytes);
    write_private(&file, &key)?;
    Ok(key)
}

/// Writes a file only its owner can read.
pub fn write_private(file: &Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options
        .open(file)
        .with_context(|| format!("cannot write {}", file.display()))?;
    f.write_all(contents.as_bytes())?;
    Ok(())
}

pub enum KeysAction {
    Generate,
    Rotate,
    List,
}

/// `redress keys generate|rotate|list`.
pub async fn keys(state: &AppState, action: KeysAction) -> anyhow::Result<ExitCode> {
    use crate::services::keys;
    let made = match action {
        KeysAction::Generate => keys::generate(state).await,
        KeysAction::Rotate => keys::rotate(state).await,
        KeysAction::List => {
            for k in keys::published(state).await? {
                let until = k
                    .not_after
                    .map_or_else(|| "in use".to_string(), |t| format!("until {t}"));
                println!("{}  {}  from {}  {until}", k.id, k.algorithm, k.not_before);
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    match made {
        Ok(key) => {
            println!(
                "signing key {} in use; private key in {}",
                key.id,
                crate::signing::key_file(&state.config.keys_dir, &key.id).display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// `redress settlement verify FILE.pdf`: 0 when valid, 1 with the reason.
pub async fn verify_record(state: &AppState, file: &Path) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let verdict = crate::services::records::verify_pdf(state, &bytes).await?;
    if verdict.valid {
        println!(
            "valid: {} record of case {}, outcome {}, signed with key {} on {}{}",
            verdict.kind.unwrap_or_default(),
            verdict.reference.unwrap_or_default(),
            verdict.outcome.unwrap_or_default(),
            verdict.key_id.unwrap_or_default(),
            verdict.issued_at.unwrap_or_default(),
            if verdict.on_file {
                "; it is the record on file for the case"
            } else {
                "; this database does not hold the case"
            }
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "NOT valid: {}",
            verdict.reason.unwrap_or_else(|| "unknown".into())
        );
        Ok(ExitCode::from(1))
    }
}

/// `redress mail ingest`: one raw message on standard input.
pub async fn ingest_mail(state: &AppState) -> anyhow::Result<ExitCode> {
    use std::io::Read;
    let mut raw = Vec::new();
    std::io::stdin()
        .take(crate::mail::inbound::MAX_BYTES as u64 + 1)
        .read_to_end(&mut raw)
        .context("cannot read the message from standard input")?;
    let done = crate::services::inbound::ingest(state, &raw).await?;
    let case = done.case.as_deref().unwrap_or("no case");
    match (done.status.as_str(), done.duplicate) {
        (_, true) => println!("already received as message {} ({case})", done.id),
        ("stored", _) => println!("stored on {case} as message {}", done.id),
        (status, _) => println!(
            "{status}: {} (message {}, proposed case: {case})",
            done.reason.unwrap_or_default(),
            done.id
        ),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        bail!(
            "give the password on standard input, e.g. `echo 'a long passphrase' | redress users create ...`"
        );
    }
    Ok(password)
}

pub fn print_demo_banner(state: &AppState, loaded: bool) {
    let c = &state.config;
    println!();
    println!("Redress demo on http://{}:{}/", c.address, c.port);
    println!("Database: {}", crate::db::redact(&c.database_url));
    if !loaded {
        println!("(demo data was already present; nothing loaded)");
    }
    println!("Demo logins (password: {}):", crate::demo::PASSWORD);
    for (role, email) in crate::demo::LOGINS {
        println!("  {role:<9} {email}");
    }
    println!(
        "Mail Redress sends (confirmation and reset links) lands in {}",
        c.data_dir.join("outbox").display()
    );
    println!();
}

/// The forms the activity report is written in.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ReportFormat {
    Html,
    Csv,
    Pdf,
}

/// `redress report activity`: the report of `years` ending with `year`, as the system.
pub async fn activity_report(
    state: &AppState,
    year: i32,
    years: u32,
    format: ReportFormat,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    use crate::reports::output;
    use crate::services::{Caller, reports};
    let period = match reports::period_of(Some(year), Some(years), state.clock.now()) {
        Ok(period) => period,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(2));
        }
    };
    let report = reports::activity(state, &Caller::System, period)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let bytes = match format {
        ReportFormat::Html => output::html(&report, &state.config.templates_dir)?.into_bytes(),
        ReportFormat::Csv => output::csv(&report)?,
        ReportFormat::Pdf => output::pdf(&report),
    };
    match output {
        Some(file) => std::fs::write(file, &bytes)
            .with_context(|| format!("cannot write {}", file.display()))?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
