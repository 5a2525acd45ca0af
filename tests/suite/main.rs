//! Black-box tests of Redress: each starts the application on a fresh database and speaks
//! HTTP through Rocket's local client, or runs the `redress` binary. Tests written with
//! `on_both_engines!` run on SQLite always and on PostgreSQL when REDRESS_TEST_PG is set.
mod common;

mod about;
mod account_links;
mod account_pages;
mod accounts;
mod audit_log;
mod bundles;
mod case_api;
mod case_export;
mod case_pages;
mod cli;
mod demo;
mod dossier_flow;
mod gdpr;
mod idempotency;
mod intake;
mod mail_in;
mod mail_languages;
mod mail_out;
mod mediation;
mod page_languages;
mod people;
mod policies;
mod publication;
mod records;
mod referrals;
mod reports;
mod route_matrix;
mod safeguards;
mod scheduler;
mod settlement_steps;
mod thread;
mod tokens;
mod web_shell;
mod webhooks;
