//! R10: bundles of similar cases against one company, and each consumer's consent to their
//! case joining one; when the consumer gave feedback on the outcome (R20); and a pending
//! request for a person to review an automated step (R34).
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
                    .table("bundles")
                    .col(big_pk_auto("id"))
                    .col(big_integer("company_id"))
                    .col(string_len("title", 200))
                    .col(big_integer_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("bundles", "company_id")
                            .to("companies", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("bundle_members")
                    .col(big_integer("bundle_id"))
                    .col(big_integer("case_id"))
                    .col(timestamp_with_time_zone("proposed_at"))
                    .col(timestamp_with_time_zone_null("consented_at"))
                    .col(timestamp_with_time_zone_null("declined_at"))
                    .primary_key(Index::create().col("bundle_id").col("case_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("bundle_members", "bundle_id")
                            .to("bundles", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from("bundle_members", "case_id")
                            .to("cases", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_bundle_members_case")
                    .table("bundle_members")
                    .col("case_id")
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .add_column(timestamp_with_time_zone_null("feedback_at"))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .add_column(timestamp_with_time_zone_null("review_requested_at"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("cases")
                    .drop_column("feedback_at")
                    .take(),
            )
            .await?;
        for table in ["bundle_members", "bundles"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
