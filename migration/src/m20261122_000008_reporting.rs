//! Scorecards and the activity report (R13, R24, R25, R37): the facts each report counts are
//! kept on the case row as the dossier changes (forwarded to the company, first answer,
//! outcome and why, the consumer's verdict, compliance, cross-border), so a report over a
//! million cases is a few grouped queries. Neutrals' training and the report's written
//! assessment get tables of their own.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CASE_COLUMNS: &[&str] = &[
    "consumer_country",
    "cross_border",
    "forwarded_at",
    "first_answer_at",
    "outcome_at",
    "ended_reason",
    "outcome_basis",
    "outcome_seconds",
    "feedback_resolved",
    "feedback_rating",
    "complied",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            string_len_null("consumer_country", 2),
            boolean("cross_border").default(false).take(),
            timestamp_with_time_zone_null("forwarded_at"),
            timestamp_with_time_zone_null("first_answer_at"),
            timestamp_with_time_zone_null("outcome_at"),
            string_len_null("ended_reason", 40),
            string_len_null("outcome_basis", 16),
            big_integer_null("outcome_seconds"),
            boolean_null("feedback_resolved"),
            integer_null("feedback_rating"),
            boolean_null("complied"),
        ] {
            manager
                .alter_table(Table::alter().table("cases").add_column(column).take())
                .await?;
        }
        for (name, cols) in [
            // A company's scorecard reads its cases forwarded in the last months.
            (
                "ix_cases_company_forwarded",
                &["company_id", "forwarded_at"][..],
            ),
            // The activity report reads a year's filings and outcomes from these two alone,
            // never from the wide rows.
            (
                "ix_cases_filed_report",
                &[
                    "filed_at",
                    "company_id",
                    "case_type",
                    "desired_outcome",
                    "cross_border",
                ][..],
            ),
            (
                "ix_cases_outcome_report",
                &[
                    "outcome_at",
                    "ended_reason",
                    "outcome_basis",
                    "policy_id",
                    "complied",
                    "outcome_seconds",
                ][..],
            ),
        ] {
            let mut index = Index::create().name(name).table("cases").take();
            for col in cols {
                index.col(*col);
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table("neutral_training")
                    .col(big_pk_auto("id"))
                    .col(big_integer("user_id"))
                    .col(date("completed_on"))
                    .col(integer("minutes"))
                    .col(string_len("title", 200))
                    .col(string_len("provider", 200))
                    .col(timestamp_with_time_zone("created_at"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_neutral_training_user")
                    .table("neutral_training")
                    .col("user_id")
                    .col("completed_on")
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("report_assessments")
                    .col(big_pk_auto("id"))
                    // "2026" for a year, "2025-2026" for the biennial authority report
                    .col(string_len_uniq("period", 9))
                    .col(text("body"))
                    .col(big_integer("author_id"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["report_assessments", "neutral_training"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().take())
                .await?;
        }
        for name in [
            "ix_cases_company_forwarded",
            "ix_cases_filed_report",
            "ix_cases_outcome_report",
        ] {
            manager
                .drop_index(Index::drop().name(name).table("cases").to_owned())
                .await?;
        }
        for column in CASE_COLUMNS {
            manager
                .alter_table(Table::alter().table("cases").drop_column(*column).take())
                .await?;
        }
        Ok(())
    }
}
