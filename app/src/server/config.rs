//! Runtime settings, read once at start from the environment and the command line.

use crate::domain::Minutes;
use crate::lifecycle::rules::{Rules, HOUR_MS};

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://data/hourbank.db` (default) or `postgres://…`.
    pub database_url: String,
    /// Credit every new member starts with (`HOURBANK_STARTING_CREDIT_MINUTES`, default 0).
    pub starting_credit: Minutes,
    /// Mark the session cookie `Secure` (`HOURBANK_SECURE_COOKIES`, on when the public URL is https).
    pub secure_cookies: bool,
    /// How long a login lasts.
    pub session_ttl_ms: i64,
    /// Test mode exposes the clock control the browser tests move time with. Never in production.
    pub test_mode: bool,
    /// The lifecycle's numbers (negotiation round, confirmation window, round and open-request limits).
    pub rules: Rules,
    /// How often the sweeper looks for due deadlines.
    pub sweep_interval_ms: u64,
    /// Login + sign-up attempts allowed per minute from one address
    /// (`HOURBANK_AUTH_ATTEMPTS_PER_ADDR`) and on one account (`HOURBANK_AUTH_ATTEMPTS_PER_ACCOUNT`).
    pub auth_attempts_per_addr: u32,
    pub auth_attempts_per_account: u32,
    /// Test mode only: how far ahead of the system time the clock starts
    /// (`HOURBANK_TEST_CLOCK_OFFSET_MS`), so a restarted test server keeps the time its
    /// predecessor had been moved to (the crash test).
    pub test_clock_offset_ms: i64,
}

fn env_number(name: &str, min: i64, max: i64) -> Result<Option<i64>, String> {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .map(Some)
            .ok_or_else(|| format!("{name} must be a whole number from {min} to {max}, not {v:?}")),
        Err(_) => Ok(None),
    }
}

fn rules_from_env() -> Result<Rules, String> {
    let d = Rules::default();
    Ok(Rules {
        negotiation_round_ms: env_number("HOURBANK_NEGOTIATION_ROUND_HOURS", 1, 720)?
            .map(|h| h * HOUR_MS)
            .unwrap_or(d.negotiation_round_ms),
        confirm_ms: env_number("HOURBANK_CONFIRM_HOURS", 1, 720)?
            .map(|h| h * HOUR_MS)
            .unwrap_or(d.confirm_ms),
        max_rounds: env_number("HOURBANK_MAX_ROUNDS", 1, 50)?
            .map(|n| n as u32)
            .unwrap_or(d.max_rounds),
        max_open_requests: env_number("HOURBANK_MAX_OPEN_REQUESTS", 1, 10_000)?
            .unwrap_or(d.max_open_requests),
    })
}

impl Config {
    pub const DEFAULT_DATABASE_URL: &'static str = "sqlite://data/hourbank.db";

    pub fn from_env() -> Result<Self, String> {
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| Self::DEFAULT_DATABASE_URL.to_owned());
        let starting_credit = match std::env::var("HOURBANK_STARTING_CREDIT_MINUTES") {
            Ok(v) => Minutes(
                v.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|m| (0..=100_000 * 60).contains(m))
                    .ok_or_else(|| {
                        format!("HOURBANK_STARTING_CREDIT_MINUTES must be a whole number of minutes from 0 to 6000000, not {v:?}")
                    })?,
            ),
            Err(_) => Minutes::ZERO,
        };
        let public_https = std::env::var("HOURBANK_PUBLIC_URL")
            .map(|u| u.starts_with("https://"))
            .unwrap_or(false);
        let secure_cookies = match std::env::var("HOURBANK_SECURE_COOKIES").as_deref() {
            Ok("1") | Ok("true") => true,
            Ok("0") | Ok("false") => false,
            _ => public_https,
        };
        let test_mode = matches!(
            std::env::var("HOURBANK_TEST_MODE").as_deref(),
            Ok("1") | Ok("true")
        );
        Ok(Config {
            database_url,
            starting_credit,
            secure_cookies,
            session_ttl_ms: 30 * 24 * 3_600_000,
            test_mode,
            rules: rules_from_env()?,
            sweep_interval_ms: env_number("HOURBANK_SWEEP_INTERVAL_MS", 10, 3_600_000)?
                .unwrap_or(1_000) as u64,
            auth_attempts_per_addr: env_number("HOURBANK_AUTH_ATTEMPTS_PER_ADDR", 1, 1_000_000)?
                .unwrap_or(30) as u32,
            auth_attempts_per_account: env_number(
                "HOURBANK_AUTH_ATTEMPTS_PER_ACCOUNT",
                1,
                1_000_000,
            )?
            .unwrap_or(10) as u32,
            test_clock_offset_ms: if test_mode {
                env_number(
                    "HOURBANK_TEST_CLOCK_OFFSET_MS",
                    0,
                    100 * 365 * 24 * 3_600_000,
                )?
                .unwrap_or(0)
            } else {
                0
            },
        })
    }

    /// Settings for tests: the given database, nothing else from the environment.
    pub fn for_tests(database_url: &str) -> Self {
        Config {
            database_url: database_url.to_owned(),
            starting_credit: Minutes::ZERO,
            secure_cookies: false,
            session_ttl_ms: 30 * 24 * 3_600_000,
            test_mode: true,
            rules: Rules::default(),
            sweep_interval_ms: 1_000,
            auth_attempts_per_addr: 1_000_000,
            auth_attempts_per_account: 1_000_000,
            test_clock_offset_ms: 0,
        }
    }
}
