//! Runtime settings, read once at start from the environment and the command line.

use crate::domain::Minutes;

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
        let test_mode = matches!(std::env::var("HOURBANK_TEST_MODE").as_deref(), Ok("1") | Ok("true"));
        Ok(Config {
            database_url,
            starting_credit,
            secure_cookies,
            session_ttl_ms: 30 * 24 * 3_600_000,
            test_mode,
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
        }
    }
}
