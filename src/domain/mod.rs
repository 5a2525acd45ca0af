//! Pure rules of the procedure: no Rocket, no database, no clock of its own.
pub mod calendar;
pub mod dossier;
pub mod moderation;
pub mod money;
pub mod procedure_state;
pub mod reference;
pub mod report_facts;
