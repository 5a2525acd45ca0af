//! The mail outbox and one-time account links (e-mail confirmation, password reset,
//! invitations), the erasure request on accounts (R29), and each case's reply token: the
//! unguessable part of the subject and reply address that matches a company's e-mail answer
//! to its case.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Every message Redress sends is first a row here, written in the same transaction as
        // the step it reports, so a crash can neither send a mail for a step that did not
        // happen nor lose the mail of one that did.
        manager
            .create_table(
                Table::create()
                    .table("mail_outbox")
                    .col(big_pk_auto("id"))
                    .col(string_len("kind", 48))
                    .col(string_len("to_address", 254))
                    .col(string_len("subject", 300))
                    .col(text("body_text"))
                    .col(string_len_null("reply_to", 254))
                    .col(big_integer_null("user_id"))
                    .col(big_integer_null("case_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .col(integer("attempts").default(0))
                    .col(text_null("last_error"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mail_outbox_queue")
                    .table("mail_outbox")
                    .col("sent_at")
                    .col("id")
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mail_outbox_user")
                    .table("mail_outbox")
                    .col("user_id")
                    .col("id")
                    .take(),
            )
            .await?;
        // Only the SHA-256 of a link's token is kept, as for sessions.
        manager
            .create_table(
                Table::create()
                    .table("account_links")
                    .col(big_pk_auto("id"))
                    .col(char_len_uniq("token_hash", 64))
                    .col(string_len("purpose", 24))
                    .col(big_integer("user_id"))
                    .col(big_integer_null("company_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("account_links", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_account_links_user")
                    .table("account_links")
                    .col("user_id")
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .add_column(timestamp_with_time_zone_null("erasure_requested_at"))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .add_column(string_len_null("reply_token", 32))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_cases_reply_token")
                    .table("cases")
                    .col("reply_token")
                    .unique()
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ux_cases_reply_token")
                    .table("cases")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .drop_column("reply_token")
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .drop_column("erasure_requested_at")
                    .take(),
            )
            .await?;
        for table in ["account_links", "mail_outbox"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
