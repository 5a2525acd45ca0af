//! SeaORM entities of Redress: plain table mappings, no behaviour.

pub mod access_log;
pub mod account_links;
pub mod api_tokens;
pub mod attachments;
pub mod audit_entries;
pub mod audit_head;
pub mod bundle_members;
pub mod bundles;
pub mod case_events;
pub mod case_parties;
pub mod cases;
pub mod companies;
pub mod company_members;
pub mod counters;
pub mod deadlines;
pub mod mail_outbox;
pub mod messages;
pub mod neutral_conflicts;
pub mod neutral_profiles;
pub mod proposals;
pub mod rounds;
pub mod sessions;
pub mod settlements;
pub mod signing_keys;
pub mod tree_heads;
pub mod users;
