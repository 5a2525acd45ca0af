//! E-mail both ways (R3, R20): each queued mail gets its Message-ID (so a reply that lost its
//! token still finds its case through In-Reply-To), the side of the party it went to, and a
//! time before which it is not retried; every message that comes in is kept once, by its
//! Message-ID, with where it went or why it waits in quarantine.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            string_len_null("message_id", 255),
            string_len_null("party_side", 16),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("mail_outbox")
                        .add_column(column)
                        .take(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("mail_outbox")
                    .add_column(timestamp_with_time_zone_null("next_attempt_at"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mail_outbox_message_id")
                    .table("mail_outbox")
                    .col("message_id")
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("inbound_mail")
                    .col(big_pk_auto("id"))
                    .col(string_len_uniq("message_id", 255))
                    .col(timestamp_with_time_zone("received_at"))
                    .col(string_len("from_address", 320))
                    .col(string_len("subject", 500))
                    .col(big_integer("size"))
                    .col(string_len("raw_key", 128))
                    // stored, quarantined or discarded
                    .col(string_len("status", 16))
                    .col(text_null("reason"))
                    .col(big_integer_null("case_id"))
                    .col(string_len_null("side", 16))
                    .col(big_integer_null("proposed_case_id"))
                    .col(big_integer_null("resolved_by"))
                    .col(timestamp_with_time_zone_null("resolved_at"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_inbound_mail_status")
                    .table("inbound_mail")
                    .col("status")
                    .col("id")
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("inbound_mail").if_exists().take())
            .await
    }
}
