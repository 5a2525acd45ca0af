//! Everything a request or a command needs, built once and handed around explicitly.
use crate::clock::Clock;
use crate::config::Config;
use crate::db;
use crate::mail::MailTemplates;
use crate::policy::PolicySet;
use anyhow::Context;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub policies: Arc<PolicySet>,
    pub config: Arc<Config>,
    pub mail: Arc<MailTemplates>,
    /// The pages' words in each language.
    pub texts: Arc<crate::i18n::Texts>,
    /// Writers of this process take turns here on SQLite (see `db::begin_write`).
    write_turns: Arc<tokio::sync::Mutex<()>>,
    /// The audit log's Merkle tree, caught up with the entries on each use (the database
    /// stays the truth; entries are never changed, only appended).
    pub tree: Arc<tokio::sync::Mutex<crate::audit::merkle::MerkleTree>>,
    reply_key: Arc<std::sync::OnceLock<Vec<u8>>>,
}

impl AppState {
    /// Loads the policies (a bad file stops here), opens the database and migrates it.
    pub async fn open(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let policies = PolicySet::load(&config.policies_dir).context("invalid policy")?;
        let mail = MailTemplates::load(&config.templates_dir.join("mail"))
            .context("invalid mail template")?;
        let texts = crate::i18n::Texts::load(&config.locales_dir)?;
        let db = db::connect(&config.database_url).await?;
        db::migrate(&db).await?;
        Ok(Self {
            db,
            clock,
            policies: Arc::new(policies),
            config: Arc::new(config),
            mail: Arc::new(mail),
            texts: Arc::new(texts),
            write_turns: Arc::new(tokio::sync::Mutex::new(())),
            tree: Arc::default(),
            reply_key: Arc::default(),
        })
    }

    /// The same application on another clock (the demo loader walks through past weeks).
    pub fn with_clock(&self, clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            ..self.clone()
        }
    }

    /// The key of the reply addresses' tokens: `REDRESS_MAIL_SECRET`, or a random one kept in
    /// `DATA_DIR/mail-secret` (made on first use, readable by its owner only), so tokens stay
    /// valid across restarts.
    pub fn reply_key(&self) -> Vec<u8> {
        self.reply_key
            .get_or_init(|| match &self.config.mail_secret {
                Some(secret) => secret.as_bytes().to_vec(),
                None => crate::cli::kept_secret(&self.config.data_dir, "mail-secret")
                    .unwrap_or_else(|e| {
                        tracing::error!(
                            "no mail secret file ({e:#}); reply tokens last until restart"
                        );
                        crate::services::random_hex(32)
                    })
                    .into_bytes(),
            })
            .clone()
    }

    pub async fn begin_write(&self) -> Result<db::WriteTxn, sea_orm::DbErr> {
        db::begin_write(&self.db, &self.write_turns).await
    }
}
