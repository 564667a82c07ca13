//! What every handler and server function can reach: provided to Leptos as context.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::{Clock, Config, Db, Live};

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub clock: Clock,
    pub leptos_options: LeptosOptions,
    pub live: Live,
    /// Login and sign-up attempts per address and per account.
    pub auth_limits: Arc<super::rate_limit::AuthLimits>,
}

impl AppState {
    /// The state every request shares, around a connected and migrated database. The one
    /// builder: `main` reaches it through `server::startup::build_state`, the tests'
    /// `spawn_app` and storage tests with the database they made.
    pub fn new(config: Config, db: Db, clock: Clock, leptos_options: LeptosOptions) -> AppState {
        let auth_limits = Arc::new(super::rate_limit::AuthLimits::per_minute(
            config.auth_attempts_per_addr,
            config.auth_attempts_per_account,
        ));
        AppState {
            db,
            auth_limits,
            config: Arc::new(config),
            clock,
            leptos_options,
            live: Live::new(),
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
