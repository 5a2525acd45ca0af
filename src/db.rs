//! Opens the database (SQLite or PostgreSQL, chosen by the URL) and runs the migrations.
use anyhow::{Context, bail};
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    TransactionOptions, TransactionTrait,
};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        // WAL lets readers run beside the one writer; the busy timeout makes writers queue
        // instead of failing; SQLite checks foreign keys only when asked.
        opts.max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
            });
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        opts.max_connections(16).min_connections(1);
    } else {
        bail!(
            "unsupported database URL '{url}': use sqlite://FILE?mode=rwc or postgres://USER@HOST/DB"
        );
    }
    Database::connect(opts)
        .await
        .with_context(|| format!("cannot open the database at {}", redact(url)))
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("database migration failed")
}

/// A transaction that will write, holding this process's turn to write on SQLite.
pub struct WriteTxn {
    txn: DatabaseTransaction,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl std::ops::Deref for WriteTxn {
    type Target = DatabaseTransaction;
    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

impl WriteTxn {
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }
}

/// Begins a write transaction. SQLite has one writer at a time: writers of this process wait
/// for their turn on `turns` (a queue, not a sleep-and-retry), and the transaction takes the
/// write lock at BEGIN (IMMEDIATE), so another process's writer queues on the busy timeout
/// instead of failing when it would upgrade a read lock. PostgreSQL needs neither.
pub async fn begin_write(
    db: &DatabaseConnection,
    turns: &Arc<Mutex<()>>,
) -> Result<WriteTxn, DbErr> {
    if !is_postgres(db) {
        let turn = turns.clone().lock_owned().await;
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
            ..Default::default()
        };
        let txn = db.begin_with_options(options).await?;
        return Ok(WriteTxn {
            txn,
            _turn: Some(turn),
        });
    }
    Ok(WriteTxn {
        txn: db.begin().await?,
        _turn: None,
    })
}

pub fn is_postgres(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Postgres
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}
