//! Company referrals (R33, R36): a company hands a complaint its own procedure could not settle
//! to Redress, with its history; the consumer decides, by a one-time link, whether to take it
//! on as their case.
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
                    .table("referrals")
                    .col(big_pk_auto("id"))
                    .col(big_integer("company_id"))
                    .col(big_integer("referred_by"))
                    .col(string_len("company_reference", 100))
                    .col(string_len("consumer_name", 200))
                    .col(string_len("consumer_email", 320))
                    .col(string_len("consumer_language", 8))
                    .col(string_len("case_type", 16))
                    .col(date("complained_on"))
                    .col(string_len("channel", 32))
                    .col(text("asked"))
                    .col(text("offered"))
                    .col(text("final_answer"))
                    .col(string_len("desired_outcome", 16))
                    .col(big_integer("amount_cents"))
                    .col(string_len("currency", 3))
                    // invited, confirmed, declined or expired
                    .col(string_len("status", 16))
                    .col(string_len_uniq("token_hash", 64))
                    .col(big_integer_null("case_id"))
                    .col(text_null("decline_reason"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("answered_at"))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            // A second referral of the same complaint finds the first.
            (
                "ix_referrals_company_reference",
                &["company_id", "company_reference"][..],
            ),
            // The scheduler finds the invitations that expired.
            ("ix_referrals_status_expires", &["status", "expires_at"][..]),
        ] {
            let mut index = Index::create().name(name).table("referrals").take();
            for col in cols {
                index.col(*col);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("referrals").if_exists().take())
            .await
    }
}
