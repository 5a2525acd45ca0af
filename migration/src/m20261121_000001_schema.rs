//! The schema for the whole procedure: accounts, companies, dossiers and what hangs off them,
//! deadlines, the audit log, signing keys and settlements.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(from: &'static str, col: &'static str, to: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, col)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .take()
}

fn index(table: &'static str, name: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    for col in cols {
        stmt.col(*col);
    }
    stmt.take()
}

fn unique(table: &'static str, name: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = index(table, name, cols);
    stmt.unique();
    stmt
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("users")
            .col(big_pk_auto("id"))
            .col(string_len_uniq("email", 254))
            .col(string_len("name", 200))
            .col(string_len("password_hash", 200))
            .col(string_len("role", 16))
            .col(string_len("language", 8))
            .col(timestamp_with_time_zone_null("email_confirmed_at"))
            .col(integer("failed_logins").default(0))
            .col(timestamp_with_time_zone_null("locked_until"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("erased_at"))
            .take(),
        Table::create()
            .table("companies")
            .col(big_pk_auto("id"))
            .col(string_len("name", 200))
            .col(string_len_null("vat_number", 32))
            .col(string_len_null("domain", 253))
            .col(string_len_null("complaint_email", 254))
            .col(string_len("sector", 64))
            .col(string_len("country", 2))
            .col(text_null("public_reply"))
            .col(timestamp_with_time_zone("created_at"))
            .take(),
        Table::create()
            .table("company_members")
            .col(big_integer("company_id"))
            .col(big_integer("user_id"))
            .col(string_len("member_role", 16))
            .col(timestamp_with_time_zone("created_at"))
            .primary_key(Index::create().col("company_id").col("user_id"))
            .foreign_key(&mut fk("company_members", "company_id", "companies"))
            .foreign_key(&mut fk("company_members", "user_id", "users"))
            .take(),
        Table::create()
            .table("neutral_profiles")
            .col(big_integer("user_id").primary_key())
            .col(string_len("kind", 16))
            .col(string_len("languages", 64))
            .col(string_len("sectors", 256))
            .col(integer("capacity"))
            .col(big_integer_null("employer_company_id"))
            .col(text_null("mandate"))
            .foreign_key(&mut fk("neutral_profiles", "user_id", "users"))
            .foreign_key(&mut fk(
                "neutral_profiles",
                "employer_company_id",
                "companies",
            ))
            .take(),
        Table::create()
            .table("cases")
            .col(big_pk_auto("id"))
            .col(string_len_uniq("reference", 20))
            .col(string_len("case_type", 16))
            .col(string_len("status", 16))
            .col(big_integer("version"))
            .col(big_integer("consumer_id"))
            .col(big_integer("company_id"))
            .col(big_integer_null("neutral_id"))
            .col(boolean("neutral_declared").default(false))
            .col(string_len("channel", 16))
            .col(string_len("language", 8))
            .col(string_len("visibility", 16))
            .col(string_len("moderation", 16))
            .col(text("summary"))
            .col(string_len("desired_outcome", 16))
            .col(big_integer("amount_claimed_cents"))
            .col(string_len("currency", 3))
            .col(date_null("prior_complaint_on"))
            .col(string_len_null("prior_complaint_channel", 32))
            .col(string_len_null("prior_complaint_reference", 100))
            .col(string_len("policy_id", 64))
            .col(string_len("policy_version", 32))
            .col(integer("round_number").default(0))
            .col(integer("proposals_made").default(0))
            .col(integer_null("standing_proposal"))
            .col(integer_null("consumer_accepted"))
            .col(integer_null("company_accepted"))
            .col(boolean("outcome_extended").default(false))
            .col(string_len_null("outcome", 16))
            .col(timestamp_with_time_zone("filed_at"))
            .col(timestamp_with_time_zone_null("complete_at"))
            .col(timestamp_with_time_zone_null("outcome_due_at"))
            .col(timestamp_with_time_zone_null("company_joined_at"))
            .col(timestamp_with_time_zone_null("agreed_at"))
            .col(timestamp_with_time_zone_null("reflection_ends_at"))
            .col(timestamp_with_time_zone_null("settled_at"))
            .col(timestamp_with_time_zone_null("closed_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk("cases", "consumer_id", "users"))
            .foreign_key(&mut fk("cases", "company_id", "companies"))
            .foreign_key(&mut fk("cases", "neutral_id", "users"))
            .take(),
        Table::create()
            .table("case_parties")
            .col(big_pk_auto("id"))
            .col(big_integer("case_id"))
            .col(big_integer_null("user_id"))
            .col(string_len("side", 16))
            .col(string_len("capacity", 16))
            .col(string_len("name", 200))
            .col(string_len_null("email", 254))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("case_parties", "case_id", "cases"))
            .foreign_key(&mut fk("case_parties", "user_id", "users"))
            .take(),
        Table::create()
            .table("case_events")
            .col(big_pk_auto("id"))
            .col(big_integer("case_id"))
            .col(big_integer("version"))
            .col(string_len("kind", 48))
            .col(text("payload"))
            .col(char_len("payload_hash", 64))
            .col(string_len("actor", 64))
            .col(timestamp_with_time_zone("at"))
            .col(big_integer("audit_seq"))
            .foreign_key(&mut fk("case_events", "case_id", "cases"))
            .take(),
        Table::create()
            .table("messages")
            .col(big_pk_auto("id"))
            .col(big_integer("case_id"))
            .col(big_integer_null("author_id"))
            .col(string_len("side", 16))
            .col(text("body"))
            .col(boolean("internal").default(false))
            .col(string_len("source", 16))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("messages", "case_id", "cases"))
            .foreign_key(&mut fk("messages", "author_id", "users"))
            .take(),
        Table::create()
            .table("attachments")
            .col(big_pk_auto("id"))
            .col(big_integer("case_id"))
            .col(big_integer_null("message_id"))
            .col(big_integer_null("uploaded_by"))
            .col(string_len("file_name", 255))
            .col(string_len("content_type", 128))
            .col(big_integer("size"))
            .col(char_len("sha256", 64))
            .col(string_len("storage_key", 255))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("attachments", "case_id", "cases"))
            .foreign_key(&mut fk("attachments", "message_id", "messages"))
            .foreign_key(&mut fk("attachments", "uploaded_by", "users"))
            .take(),
        Table::create()
            .table("rounds")
            .col(big_pk_auto("id"))
            .col(big_integer("case_id"))
            .col(integer("number"))
            .col(timestamp_with_time_zone("opened_at"))
            .col(timestamp_with_time_zone("deadline_at"))
            .col(timestamp_with_time_zone_null("closed_at"))
            .col(string_len_null("outcome", 16))
            .foreign_key(&mut fk("rounds", "case_id", "cases"))
            .take(),
        Table::create()
            .table("proposals")
            .col(big_pk_auto("id"))
            .col(big_integer("case_id"))
            .col(integer("number"))
            .col(integer("round_number"))
            .col(big_integer_null("author_id"))
            .col(string_len("side", 16))
            .col(big_integer("amount_cents"))
            .col(string_len("currency", 3))
            .col(text("remedies"))
            .col(text("terms"))
            .col(integer("performance_days"))
            .col(integer_null("counter_to"))
            .col(string_len("status", 16))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("proposals", "case_id", "cases"))
            .foreign_key(&mut fk("proposals", "author_id", "users"))
            .take(),
        Table::create()
            .table("deadlines")
            .col(big_pk_auto("id"))
            .col(big_integer_null("case_id"))
            .col(string_len("kind", 32))
            .col(timestamp_with_time_zone("due_at"))
            .col(timestamp_with_time_zone_null("remind_at"))
            .col(timestamp_with_time_zone_null("reminded_at"))
            .col(timestamp_with_time_zone_null("fired_at"))
            .col(timestamp_with_time_zone_null("cancelled_at"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("deadlines", "case_id", "cases"))
            .take(),
        Table::create()
            .table("audit_entries")
            .col(big_integer("seq").primary_key())
            .col(timestamp_with_time_zone("at"))
            .col(string_len("actor", 64))
            .col(big_integer_null("case_id"))
            .col(string_len("action", 64))
            .col(string_len("policy", 100))
            .col(string_len("rule", 100))
            .col(boolean("automated"))
            .col(char_len("payload_hash", 64))
            .col(char_len("prev_hash", 64))
            .col(char_len("hash", 64))
            .take(),
        Table::create()
            .table("audit_head")
            .col(integer("id").primary_key())
            .col(big_integer("seq"))
            .col(char_len("hash", 64))
            .take(),
        Table::create()
            .table("signing_keys")
            .col(string_len("id", 64).primary_key())
            .col(string_len("algorithm", 16))
            .col(char_len("public_key", 64))
            .col(timestamp_with_time_zone("not_before"))
            .col(timestamp_with_time_zone_null("not_after"))
            .col(timestamp_with_time_zone("created_at"))
            .take(),
        Table::create()
            .table("settlements")
            .col(big_pk_auto("id"))
            .col(big_integer("case_id"))
            .col(integer_null("proposal_number"))
            .col(string_len("kind", 16))
            .col(text("record"))
            .col(char_len("record_hash", 64))
            .col(string_len("signature", 128))
            .col(string_len("key_id", 64))
            .col(char_len_null("pdf_sha256", 64))
            .col(string_len_null("pdf_storage_key", 255))
            .col(big_integer("audit_seq"))
            .col(timestamp_with_time_zone("issued_at"))
            .foreign_key(&mut fk("settlements", "case_id", "cases"))
            .take(),
        Table::create()
            .table("api_tokens")
            .col(big_pk_auto("id"))
            .col(big_integer_null("user_id"))
            .col(big_integer_null("company_id"))
            .col(string_len("name", 100))
            .col(string_len_uniq("prefix", 16))
            .col(char_len("token_hash", 64))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("last_used_at"))
            .col(timestamp_with_time_zone_null("expires_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .foreign_key(&mut fk("api_tokens", "user_id", "users"))
            .foreign_key(&mut fk("api_tokens", "company_id", "companies"))
            .take(),
        Table::create()
            .table("access_log")
            .col(big_pk_auto("id"))
            .col(big_integer("user_id"))
            .col(big_integer("case_id"))
            .col(string_len("action", 32))
            .col(timestamp_with_time_zone("at"))
            .foreign_key(&mut fk("access_log", "user_id", "users"))
            .foreign_key(&mut fk("access_log", "case_id", "cases"))
            .take(),
        Table::create()
            .table("counters")
            .col(string_len("name", 64).primary_key())
            .col(big_integer("value"))
            .take(),
    ]
}

/// Every list is read newest-first by keyset (`… WHERE id < ? ORDER BY id DESC`) and every
/// deadline scan by due time, so each gets an index that ends in the key it pages on.
fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("users", "ix_users_role", &["role", "id"]),
        index("companies", "ix_companies_name", &["name"]),
        index("companies", "ix_companies_vat", &["vat_number"]),
        index("companies", "ix_companies_domain", &["domain"]),
        index("company_members", "ix_company_members_user", &["user_id"]),
        index("cases", "ix_cases_consumer", &["consumer_id", "id"]),
        index("cases", "ix_cases_company", &["company_id", "id"]),
        index("cases", "ix_cases_neutral", &["neutral_id", "id"]),
        index("cases", "ix_cases_status", &["status", "id"]),
        index(
            "cases",
            "ix_cases_public",
            &["visibility", "moderation", "id"],
        ),
        index("cases", "ix_cases_filed", &["filed_at"]),
        index("case_parties", "ix_case_parties_case", &["case_id"]),
        index(
            "case_parties",
            "ix_case_parties_user",
            &["user_id", "case_id"],
        ),
        index(
            "case_events",
            "ix_case_events_case",
            &["case_id", "version"],
        ),
        index("messages", "ix_messages_case", &["case_id", "id"]),
        index("attachments", "ix_attachments_case", &["case_id", "id"]),
        index("attachments", "ix_attachments_sha", &["sha256"]),
        unique("rounds", "ux_rounds_number", &["case_id", "number"]),
        unique("proposals", "ux_proposals_number", &["case_id", "number"]),
        index("deadlines", "ix_deadlines_due", &["fired_at", "due_at"]),
        index(
            "deadlines",
            "ix_deadlines_remind",
            &["reminded_at", "remind_at"],
        ),
        index("deadlines", "ix_deadlines_case", &["case_id", "due_at"]),
        index("audit_entries", "ix_audit_case", &["case_id", "seq"]),
        index("case_events", "ix_case_events_audit", &["audit_seq"]),
        index("settlements", "ix_settlements_case", &["case_id"]),
        index("api_tokens", "ix_api_tokens_user", &["user_id"]),
        index("api_tokens", "ix_api_tokens_company", &["company_id"]),
        index("access_log", "ix_access_log_case", &["case_id", "at"]),
        index("access_log", "ix_access_log_user", &["user_id", "at"]),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        // The audit log's head row exists from the start, so every append can lock it.
        let genesis = Query::insert()
            .into_table("audit_head")
            .columns(["id", "seq", "hash"])
            .values_panic([1.into(), 0i64.into(), "0".repeat(64).into()])
            .to_owned();
        manager.exec_stmt(genesis).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables().into_iter().rev() {
            let name = table.get_table_name().cloned().expect("tables are named");
            manager
                .drop_table(Table::drop().table(name).if_exists().take())
                .await?;
        }
        Ok(())
    }
}
