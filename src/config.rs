//! Runtime configuration, passed explicitly to everything that needs it (no globals).
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://path?mode=rwc` or `postgres://user@host/db`.
    pub database_url: String,
    pub policies_dir: PathBuf,
    pub templates_dir: PathBuf,
    /// The portal's words in each language: `<dir>/<language>/*.ftl`.
    pub locales_dir: PathBuf,
    /// Attachments, the mail outbox, signing keys and the demo's secret key live here.
    pub data_dir: PathBuf,
    /// The entity's private signing keys (`<id>.pem`, mode 0600); `DATA_DIR/keys` unless a
    /// secret store is mounted elsewhere.
    pub keys_dir: PathBuf,
    /// Seconds between signed heads of the audit log's tree (one is also signed at every
    /// settlement); 0 signs them only at settlements.
    pub tree_head_interval_secs: u64,
    pub address: IpAddr,
    pub port: u16,
    /// Rocket's key for private cookies (base64, 44+ characters). Required in release builds.
    pub secret_key: Option<String>,
    /// How often the scheduler looks for due deadlines, in seconds; 0 turns it off.
    pub scheduler_interval_secs: u64,
    /// The address people reach the portal at, for links in e-mails; `https://…` in
    /// production, which also turns on HSTS.
    pub public_url: String,
    /// The sender of Redress's e-mails, e.g. `Redress ADR <cases@adr.example>`.
    pub mail_from: String,
    /// `smtp://user:password@host:587?tls=required` or `smtps://host:465`; None writes each
    /// message as an `.eml` file into `DATA_DIR/outbox/`.
    pub smtp_url: Option<String>,
    /// The key of the reply addresses' HMAC tokens; None: kept in `DATA_DIR/mail-secret`.
    pub mail_secret: Option<String>,
    /// The shared secret a mail server sends to `POST /api/v1/inbound-mail`; None turns the
    /// endpoint off.
    pub inbound_secret: Option<String>,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://redress.db?mode=rwc";
pub const DEFAULT_MAIL_FROM: &str = "Redress <redress@localhost>";

impl Config {
    /// A configuration for tests and tools: the repository's policies and templates, and the
    /// given database and data directory.
    pub fn for_database(database_url: impl Into<String>, data_dir: impl Into<PathBuf>) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let data_dir = data_dir.into();
        Self {
            database_url: database_url.into(),
            policies_dir: root.join("policies"),
            templates_dir: root.join("templates"),
            locales_dir: root.join("locales"),
            keys_dir: data_dir.join("keys"),
            tree_head_interval_secs: 3600,
            data_dir,
            address: IpAddr::from([127, 0, 0, 1]),
            port: 8000,
            secret_key: None,
            scheduler_interval_secs: 0,
            public_url: "http://127.0.0.1:8000".into(),
            mail_from: DEFAULT_MAIL_FROM.into(),
            smtp_url: None,
            mail_secret: None,
            inbound_secret: None,
        }
    }
}

impl Config {
    /// The stylesheet and other files served under `/static`: beside the templates.
    pub fn static_dir(&self) -> PathBuf {
        self.templates_dir
            .parent()
            .map_or_else(|| PathBuf::from("static"), |root| root.join("static"))
    }

    /// A link into the portal: `path` starts with `/`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    /// Where an attachment's bytes are kept: `<data dir>/attachments/<key>`, the key being the
    /// SHA-256 of the content.
    pub fn attachment_path(&self, key: &str) -> PathBuf {
        self.data_dir.join("attachments").join(key)
    }

    /// The domain of the sender address: reply addresses and Message-IDs use it.
    pub fn mail_domain(&self) -> String {
        let from = &self.mail_from;
        let address = from
            .rsplit_once('<')
            .map(|(_, a)| a.trim_end_matches('>'))
            .unwrap_or(from);
        address
            .rsplit_once('@')
            .map_or("localhost", |(_, d)| d)
            .trim()
            .to_string()
    }

    /// Served over TLS (directly or behind a proxy), so browsers may be told to insist on it.
    pub fn uses_tls(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}
