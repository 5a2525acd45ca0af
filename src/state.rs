//! Everything a request or a command needs, built once and handed around explicitly.
use crate::clock::Clock;
use crate::config::Config;
use crate::db;
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
}

impl AppState {
    /// Loads the policies (a bad file stops here), opens the database and migrates it.
    pub async fn open(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let policies = PolicySet::load(&config.policies_dir).context("invalid policy")?;
        let db = db::connect(&config.database_url).await?;
        db::migrate(&db).await?;
        Ok(Self {
            db,
            clock,
            policies: Arc::new(policies),
            config: Arc::new(config),
        })
    }
}
