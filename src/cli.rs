//! Helpers behind the `redress` command that are not the application itself: serving with
//! the scheduler, the demo's secret key, reading a password from standard input.
use crate::state::AppState;
use anyhow::{Context, bail};
use base64::Engine;
use rand::RngCore;
use std::io::BufRead;
use std::path::Path;
use std::time::Duration;

pub async fn serve(state: AppState) -> anyhow::Result<()> {
    if state.config.secret_key.is_none() && !cfg!(debug_assertions) {
        bail!(
            "no secret key for session cookies: set REDRESS_SECRET_KEY (or --secret-key) to the output of `openssl rand -base64 32`"
        );
    }
    if state.config.scheduler_interval_secs > 0 {
        crate::jobs::spawn_scheduler(
            state.clone(),
            Duration::from_secs(state.config.scheduler_interval_secs),
        );
    }
    crate::web::build(state)
        .launch()
        .await
        .context("the web server stopped")?;
    Ok(())
}

/// The demo keeps one secret key in its data directory, so sessions survive a restart.
pub fn demo_secret_key(data_dir: &Path) -> anyhow::Result<String> {
    let file = data_dir.join("demo-secret-key");
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
