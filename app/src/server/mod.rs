//! Server-only code (compiled with the `ssr` feature): database, stores, sessions.
//! Nothing here reaches the WASM bundle.

pub mod admin_store;
pub mod alarms;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod context;
pub mod counts_store;
pub mod csp;
pub mod db;
pub mod demo;
pub mod engine;
pub mod group_commit;
pub mod header_store;
pub mod ledger_store;
pub mod live;
pub mod mail;
pub mod members_store;
pub mod multi_row;
pub mod notifications_store;
pub mod operations;
pub mod password;
pub mod rate_limit;
pub mod read_connections;
pub mod requests_store;
pub mod services_store;
pub mod sessions;
pub mod sql;
pub mod state;
pub mod sweep_batch;
pub mod sweeper;
pub mod testing;

pub use clock::Clock;
pub use config::Config;
pub use db::{Db, StoreError};
pub use live::Live;
pub use state::AppState;
