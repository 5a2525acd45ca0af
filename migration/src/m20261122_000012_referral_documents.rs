//! The documents a company sends with a referral: kept with it until the consumer confirms,
//! then added to the case file they became.
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
                    .table("referral_documents")
                    .col(big_pk_auto("id"))
                    .col(big_integer("referral_id"))
                    .col(string_len("file_name", 200))
                    .col(string_len("content_type", 100))
                    .col(big_integer("size"))
                    // The bytes are stored once under this hash, like a case's documents.
                    .col(string_len("sha256", 64))
                    .col(timestamp_with_time_zone("created_at"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_referral_documents_referral")
                    .table("referral_documents")
                    .col("referral_id")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("referral_documents").if_exists().take())
            .await
    }
}
