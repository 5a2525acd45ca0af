//! Redress: online dispute resolution for EU consumer disputes.
pub mod domain;
pub mod policy;
