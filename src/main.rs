//! The `redress` command: parses the command line, loads the configuration and runs.
use clap::{Args, Parser, Subcommand};
use redress::clock::SystemClock;
use redress::config::{Config, DEFAULT_DATABASE_URL, DEFAULT_MAIL_FROM};
use redress::policy::Role;
use redress::services::users::{CompanyChoice, NeutralProfile, NewUser, create_user};
use redress::{AppState, audit, cli};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "redress",
    version,
    about = "Online dispute resolution for EU consumer disputes"
)]
struct Cli {
    /// Database URL: sqlite://FILE?mode=rwc or postgres://USER@HOST/DB
    #[arg(long, global = true, env = "REDRESS_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    /// Directory with entity.toml, access.toml and procedures/
    #[arg(
        long,
        global = true,
        env = "REDRESS_POLICIES",
        default_value = "policies"
    )]
    policies: PathBuf,
    /// Directory of the page templates and the e-mail texts (mail/<language>/)
    #[arg(
        long,
        global = true,
        env = "REDRESS_TEMPLATES",
        default_value = "templates"
    )]
    templates: PathBuf,
    /// Directory of the portal's words in each language (<language>/*.ftl)
    #[arg(
        long,
        global = true,
        env = "REDRESS_LOCALES",
        default_value = "locales"
    )]
    locales: PathBuf,
    /// Directory for attachments, the mail outbox, records, keys and the demo's secret key
    #[arg(long, global = true, env = "REDRESS_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// Directory of the entity's private signing keys (default DATA_DIR/keys), e.g. where a
    /// secret store is mounted
    #[arg(long, global = true, env = "REDRESS_KEYS_DIR")]
    keys_dir: Option<PathBuf>,
    /// The portal's address as people reach it, for links in e-mails (https://… turns on HSTS);
    /// defaults to http://ADDRESS:PORT
    #[arg(long, global = true, env = "REDRESS_PUBLIC_URL")]
    public_url: Option<String>,
    /// Sender of Redress's e-mails
    #[arg(long, global = true, env = "REDRESS_MAIL_FROM", default_value = DEFAULT_MAIL_FROM)]
    mail_from: String,
    /// Send mail over SMTP: smtp://USER:PASSWORD@HOST:587?tls=required (STARTTLS) or
    /// smtps://USER:PASSWORD@HOST:465 (TLS); without it, mail is written to DATA_DIR/outbox/
    #[arg(long, global = true, env = "REDRESS_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Key of the reply addresses' tokens (default: a random one kept in DATA_DIR/mail-secret)
    #[arg(
        long,
        global = true,
        env = "REDRESS_MAIL_SECRET",
        hide_env_values = true
    )]
    mail_secret: Option<String>,
    /// Shared secret a mail server sends (as a bearer token) to POST /api/v1/inbound-mail;
    /// without it that address is off
    #[arg(
        long,
        global = true,
        env = "REDRESS_INBOUND_SECRET",
        hide_env_values = true
    )]
    inbound_secret: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve the portal and the API
    Serve(ServeArgs),
    /// Bring the database schema up to date
    Migrate,
    /// Migrate, load demo data if the database is empty, and serve
    Demo(ServeArgs),
    /// Manage accounts
    #[command(subcommand)]
    Users(UsersCommand),
    /// Check the audit log
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The entity's signing keys (Ed25519, PKCS#8 PEM files readable only by their owner)
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Signed settlement and outcome records
    #[command(subcommand)]
    Settlement(SettlementCommand),
    /// Incoming mail
    #[command(subcommand)]
    Mail(MailCommand),
    /// Reports of the ADR entity
    #[command(subcommand)]
    Report(ReportCommand),
}

#[derive(Subcommand)]
enum ReportCommand {
    /// The activity report of a year (R24, with the R37 split), or with --years 2 the biennial
    /// report to the competent authority (R25), on standard output or into --output
    Activity {
        /// The (last) year covered, e.g. 2026
        #[arg(long)]
        year: i32,
        /// 1 for the annual report, 2 for the authority's
        #[arg(long, default_value_t = 1)]
        years: u32,
        #[arg(long, value_enum, default_value = "html")]
        format: cli::ReportFormat,
        /// Write to this file instead of standard output
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Take one raw message on standard input (what a mail server's pipe delivers): stored on
    /// its case, or held for staff on /staff/mail. Exits 0 once the message is kept.
    Ingest,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Make the first signing key (refused while one is in use)
    Generate,
    /// Make a new key and retire the one in use; it stays published, so what it signed still
    /// verifies
    Rotate,
    /// Every key ever used, with its validity
    List,
}

#[derive(Subcommand)]
enum SettlementCommand {
    /// Check a record's PDF: exit 0 when valid, 1 with the reason when not
    Verify {
        /// The PDF file
        file: PathBuf,
    },
}

#[derive(Args)]
struct ServeArgs {
    #[arg(long, env = "REDRESS_ADDRESS", default_value = "127.0.0.1")]
    address: IpAddr,
    #[arg(long, env = "REDRESS_PORT", default_value_t = 8000)]
    port: u16,
    /// Key for private cookies (base64 of 32+ random bytes); required in release builds
    #[arg(long, env = "REDRESS_SECRET_KEY", hide_env_values = true)]
    secret_key: Option<String>,
    /// Seconds between scheduler passes over due deadlines (0 = off)
    #[arg(long, env = "REDRESS_SCHEDULER_INTERVAL", default_value_t = 30)]
    scheduler_interval: u64,
    /// Seconds between signed heads of the audit log (one is also signed at every settlement)
    #[arg(long, env = "REDRESS_TREE_HEAD_INTERVAL", default_value_t = 3600)]
    tree_head_interval: u64,
}

#[derive(Subcommand)]
enum UsersCommand {
    /// Create an account; the password is read from standard input
    Create {
        #[arg(long, value_parser = ["consumer", "company", "neutral", "staff"])]
        role: String,
        #[arg(long)]
        email: String,
        /// The company a representative acts for (found by name, or created)
        #[arg(long)]
        company: Option<String>,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value = "en", value_parser = ["en", "nl", "fr", "de"])]
        language: String,
        /// For neutrals: mediator or in_house_lawyer
        #[arg(long, default_value = "mediator", value_parser = ["mediator", "in_house_lawyer"])]
        kind: String,
        /// For neutrals: the languages they work in, comma-separated (default: --language)
        #[arg(long, value_delimiter = ',')]
        languages: Vec<String>,
        /// For neutrals: their fields, comma-separated, e.g. retail,travel
        #[arg(long, value_delimiter = ',', default_value = "general")]
        sectors: Vec<String>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Exit 0 when the log is intact, 1 naming the first broken entry
    Verify,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("REDRESS_LOG")
                .unwrap_or_else(|_| "info,rocket=warn,sqlx=warn,sea_orm=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut config = Config {
        database_url: cli.database,
        policies_dir: cli.policies,
        templates_dir: cli.templates,
        locales_dir: cli.locales,
        keys_dir: cli.keys_dir.unwrap_or_else(|| cli.data_dir.join("keys")),
        data_dir: cli.data_dir,
        mail_from: cli.mail_from,
        smtp_url: cli.smtp_url,
        mail_secret: cli.mail_secret,
        inbound_secret: cli.inbound_secret,
        ..Config::for_database("", "")
    };
    let public_url = cli.public_url;
    match cli.command {
        Command::Migrate => {
            AppState::open(config, Arc::new(SystemClock)).await?;
            println!("database is up to date");
        }
        Command::Serve(args) => {
            apply(&mut config, &args, public_url);
            cli::serve(AppState::open(config, Arc::new(SystemClock)).await?).await?;
        }
        Command::Demo(args) => {
            apply(&mut config, &args, public_url);
            if config.secret_key.is_none() {
                config.secret_key = Some(cli::demo_secret_key(&config.data_dir)?);
            }
            let state = AppState::open(config, Arc::new(SystemClock)).await?;
            redress::services::keys::ensure(&state).await?;
            let loaded = redress::demo::load(&state).await?;
            cli::print_demo_banner(&state, loaded);
            cli::serve(state).await?;
        }
        Command::Users(UsersCommand::Create {
            role,
            email,
            company,
            name,
            language,
            kind,
            languages,
            sectors,
        }) => {
            let state = AppState::open(config, Arc::new(SystemClock)).await?;
            let password = cli::read_password()?;
            let role = Role::parse(&role).unwrap_or(Role::Consumer);
            let name =
                name.unwrap_or_else(|| email.split('@').next().unwrap_or(&email).to_string());
            let new = NewUser {
                email,
                name,
                role,
                password: Some(password),
                company: company.map(CompanyChoice::ByName),
                neutral: (role == Role::Neutral).then(|| NeutralProfile {
                    kind,
                    languages: if languages.is_empty() {
                        vec![language.clone()]
                    } else {
                        languages
                    },
                    sectors,
                    employer_company_id: None,
                }),
                language,
                self_registered: false,
            };
            match create_user(&state, new, "operator").await {
                Ok(user) => println!(
                    "created {} account {} (id {})",
                    user.role, user.email, user.id
                ),
                Err(e) => {
                    eprintln!("error: {e}");
                    return Ok(ExitCode::from(1));
                }
            }
        }
        Command::Audit(AuditCommand::Verify) => {
            let state = AppState::open(config, Arc::new(SystemClock)).await?;
            let report = audit::verify(&state.db).await?;
            match &report.problem {
                None => println!(
                    "audit log intact: {} entries, head {}, {} signed tree heads verified",
                    report.entries, report.head_hash, report.heads
                ),
                Some(problem) => {
                    println!(
                        "audit log BROKEN at {problem} ({} entries before it verified)",
                        report.entries
                    );
                    return Ok(ExitCode::from(1));
                }
            }
        }
        Command::Keys(command) => {
            let state = AppState::open(config, Arc::new(SystemClock)).await?;
            return cli::keys(&state, command_name(&command)).await;
        }
        Command::Mail(MailCommand::Ingest) => {
            let state = AppState::open(config, Arc::new(SystemClock)).await?;
            return cli::ingest_mail(&state).await;
        }
        Command::Report(ReportCommand::Activity {
            year,
            years,
            format,
            output,
        }) => {
            let state = AppState::open(config, Arc::new(SystemClock)).await?;
            return cli::activity_report(&state, year, years, format, output.as_deref()).await;
        }
        Command::Settlement(SettlementCommand::Verify { file }) => {
            let state = AppState::open(config, Arc::new(SystemClock)).await?;
            return cli::verify_record(&state, &file).await;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn command_name(command: &KeysCommand) -> cli::KeysAction {
    match command {
        KeysCommand::Generate => cli::KeysAction::Generate,
        KeysCommand::Rotate => cli::KeysAction::Rotate,
        KeysCommand::List => cli::KeysAction::List,
    }
}

fn apply(config: &mut Config, args: &ServeArgs, public_url: Option<String>) {
    config.address = args.address;
    config.port = args.port;
    config.public_url =
        public_url.unwrap_or_else(|| format!("http://{}:{}", args.address, args.port));
    config.secret_key = args
        .secret_key
        .clone()
        .or_else(|| std::env::var("ROCKET_SECRET_KEY").ok());
    config.scheduler_interval_secs = args.scheduler_interval;
    config.tree_head_interval_secs = args.tree_head_interval;
}
