//! R12, R33 and the later stages of mediation: conflicts a neutral declares once for all
//! their cases, and the smaller parts of a dossier's state (a disclosure awaiting the
//! parties' answer, escalation, double-blind bidding, compliance after a settlement) kept
//! together as one JSON document on the case row.
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
                    .table("neutral_conflicts")
                    .col(big_pk_auto("id"))
                    .col(big_integer("neutral_id"))
                    .col(big_integer_null("company_id"))
                    .col(string_len_null("consumer_email", 254))
                    .col(text("reason"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("neutral_conflicts", "neutral_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from("neutral_conflicts", "company_id")
                            .to("companies", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_neutral_conflicts_neutral")
                    .table("neutral_conflicts")
                    .col("neutral_id")
                    .col("id")
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .add_column(text("procedure_state").default("{}"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .drop_column("procedure_state")
                    .take(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("neutral_conflicts").if_exists().take())
            .await
    }
}
