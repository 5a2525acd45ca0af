//! Database migrations for Redress. Append-only: a landed migration is never edited.
pub use sea_orm_migration::prelude::*;

mod m20261121_000001_schema;
mod m20261121_000002_sessions;
mod m20261121_000003_account_mail;
mod m20261121_000004_bundles;
mod m20261122_000005_safeguards;
mod m20261122_000006_records;
mod m20261122_000007_mail_both_ways;
mod m20261122_000008_reporting;
mod m20261122_000009_referrals;
mod m20261122_000010_idempotency;
mod m20261122_000011_webhooks;
mod m20261122_000012_referral_documents;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_schema::Migration),
            Box::new(m20261121_000002_sessions::Migration),
            Box::new(m20261121_000003_account_mail::Migration),
            Box::new(m20261121_000004_bundles::Migration),
            Box::new(m20261122_000005_safeguards::Migration),
            Box::new(m20261122_000006_records::Migration),
            Box::new(m20261122_000007_mail_both_ways::Migration),
            Box::new(m20261122_000008_reporting::Migration),
            Box::new(m20261122_000009_referrals::Migration),
            Box::new(m20261122_000010_idempotency::Migration),
            Box::new(m20261122_000011_webhooks::Migration),
            Box::new(m20261122_000012_referral_documents::Migration),
        ]
    }
}
