//! Webhooks: a company's HTTPS endpoints for the events of its cases, and every delivery with
//! its attempts, so a company can see what was sent and ask for it again.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("webhook_endpoints")
                    .col(big_pk_auto("id"))
                    .col(big_integer("company_id"))
                    .col(text("url"))
                    // The signing secret; shown to the company once, kept to sign.
                    .col(string_len("secret", 64))
                    .col(text("events"))
                    .col(big_integer("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("disabled_at"))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("webhook_deliveries")
                    .col(big_pk_auto("id"))
                    .col(big_integer("endpoint_id"))
                    .col(string_len("event", 32))
                    .col(string_len("case_reference", 20))
                    .col(text("payload"))
                    // pending, delivered or failed
                    .col(string_len("status", 16))
                    .col(integer("attempts"))
                    .col(timestamp_with_time_zone("next_attempt_at"))
                    .col(integer_null("last_status"))
                    .col(text_null("last_error"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("delivered_at"))
                    .take(),
            )
            .await?;
        for (table, name, cols) in [
            (
                "webhook_endpoints",
                "ix_webhook_endpoints_company",
                &["company_id"][..],
            ),
            (
                "webhook_deliveries",
                "ix_webhook_deliveries_due",
                &["status", "next_attempt_at"][..],
            ),
            (
                "webhook_deliveries",
                "ix_webhook_deliveries_endpoint",
                &["endpoint_id", "id"][..],
            ),
        ] {
            let mut index = Index::create().name(name).table(table).take();
            for col in cols {
                index.col(*col);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["webhook_deliveries", "webhook_endpoints"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
