//! Signed records and a verifiable log: signed tree heads over the audit entries (RFC 6962
//! style), a flag on a case whose outcome still awaits its signed record, and a file attached
//! to a queued mail (the record's PDF, R20: on a durable medium).
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
                    .table("tree_heads")
                    .col(big_pk_auto("id"))
                    .col(big_integer("tree_size"))
                    .col(string_len("root_hash", 64))
                    .col(timestamp_with_time_zone("issued_at"))
                    .col(string_len("key_id", 64))
                    .col(string_len("signature", 128))
                    .col(string_len("reason", 16))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_tree_heads_size")
                    .table("tree_heads")
                    .col("tree_size")
                    .col("id")
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .add_column(boolean("record_due").default(false))
                    .take(),
            )
            .await?;
        for column in ["attachment_path", "attachment_name"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("mail_outbox")
                        .add_column(string_len_null(column, 255))
                        .take(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_cases_record_due")
                    .table("cases")
                    .col("record_due")
                    .col("id")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_cases_record_due")
                    .table("cases")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .drop_column("record_due")
                    .take(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("tree_heads").if_exists().take())
            .await
    }
}
