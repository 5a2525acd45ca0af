//! Runtime configuration, passed explicitly to everything that needs it (no globals).
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://path?mode=rwc` or `postgres://user@host/db`.
    pub database_url: String,
    pub policies_dir: PathBuf,
    pub templates_dir: PathBuf,
    /// Attachments, the mail outbox, signing keys and the demo's secret key live here.
    pub data_dir: PathBuf,
    pub address: IpAddr,
    pub port: u16,
    /// Rocket's key for private cookies (base64, 44+ characters). Required in release builds.
    pub secret_key: Option<String>,
    /// How often the scheduler looks for due deadlines, in seconds; 0 turns it off.
    pub scheduler_interval_secs: u64,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://redress.db?mode=rwc";

impl Config {
    /// A configuration for tests and tools: the repository's policies and templates, and the
    /// given database and data directory.
    pub fn for_database(database_url: impl Into<String>, data_dir: impl Into<PathBuf>) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        Self {
            database_url: database_url.into(),
            policies_dir: root.join("policies"),
            templates_dir: root.join("templates"),
            data_dir: data_dir.into(),
            address: IpAddr::from([127, 0, 0, 1]),
            port: 8000,
            secret_key: None,
            scheduler_interval_secs: 0,
        }
    }
}
