//! The HourBank server: start-up (database, migrations, admin, demo data) and the axum
//! router around the Leptos app.

pub mod assets;
pub mod bench;
pub mod cli;
pub mod html_repair;
pub mod language;
pub mod observability;
pub mod routes;
pub mod security;
pub mod startup;

pub use startup::{build_router, build_state, StartError};
