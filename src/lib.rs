//! Redress: online dispute resolution for EU consumer disputes.
//!
//! The library builds the whole application; `main.rs` only parses the command line. Tests
//! build the same Rocket through [`web::build`].
pub mod audit;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod letters;
pub mod mail;
pub mod pdf;
pub mod policy;
pub mod records;
pub mod reports;
pub mod services;
pub mod signing;
pub mod state;
pub mod web;

pub use state::AppState;
pub use web::build;
