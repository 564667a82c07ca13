//! What every handler and server function can reach: provided to Leptos as context.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use super::{Clock, Config, Db, Live};

/// The state every request shares. Cloning it (axum's `State`, Leptos's context, once
/// or more per request) copies one pointer: the fields live in [`Shared`], reached
/// through `Deref` (`state.db`, `state.clock`, …).
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

#[derive(Debug)]
pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub clock: Clock,
    pub leptos_options: LeptosOptions,
    pub live: Live,
    /// Login and sign-up attempts per address and per account.
    pub auth_limits: Arc<super::rate_limit::AuthLimits>,
    /// The bank's secret (it signs unsubscribe links), read from the database once.
    secret: tokio::sync::OnceCell<Vec<u8>>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// The state every request shares, around a connected and migrated database. The one
    /// builder: `main` reaches it through `server::startup::build_state`, the tests'
    /// `spawn_app` and storage tests with the database they made.
    pub fn new(
        config: Config,
        mut db: Db,
        clock: Clock,
        leptos_options: LeptosOptions,
    ) -> AppState {
        let auth_limits = Arc::new(super::rate_limit::AuthLimits::per_minute(
            config.auth_attempts_per_addr,
            config.auth_attempts_per_account,
        ));
        db.outbox = match &config.mail {
            Some(m) => super::mail::Outbox::On {
                digest_hour_utc: m.digest_hour_utc,
            },
            None => super::mail::Outbox::Off,
        };
        AppState(Arc::new(Shared {
            db,
            auth_limits,
            config: Arc::new(config),
            clock,
            leptos_options,
            live: Live::new(),
            secret: tokio::sync::OnceCell::new(),
        }))
    }

    /// The bank's secret (made at the first start, shared by every server of the bank).
    pub async fn secret(&self) -> Result<Vec<u8>, super::StoreError> {
        self.secret
            .get_or_try_init(|| super::mail::tokens::bank_secret(&self.db))
            .await
            .cloned()
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
