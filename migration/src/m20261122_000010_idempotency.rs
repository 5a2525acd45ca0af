//! Safe retries: the first answer to each `Idempotency-Key` a caller sends with an API POST,
//! kept for a day with a fingerprint of the request body it answered.
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
                    .table("idempotency_keys")
                    .col(big_pk_auto("id"))
                    // SHA-256 of who asked: the bearer token or session, or the address.
                    .col(string_len("identity", 64))
                    .col(string_len("key", 255))
                    .col(string_len("method", 8))
                    .col(string_len("path", 500))
                    .col(string_len("fingerprint", 100))
                    .col(integer_null("status_code"))
                    .col(string_len_null("content_type", 200))
                    .col(blob_null("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("completed_at"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_idempotency_keys_identity_key")
                    .table("idempotency_keys")
                    .col("identity")
                    .col("key")
                    .unique()
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_idempotency_keys_created")
                    .table("idempotency_keys")
                    .col("created_at")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("idempotency_keys").if_exists().take())
            .await
    }
}
