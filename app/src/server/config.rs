//! Runtime settings, read once at start from the environment and the command line.

use crate::domain::Minutes;
use crate::i18n::{Lang, Viewer, Zone};
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
    /// Where members reach the bank (`HOURBANK_PUBLIC_URL`): links in e-mails start here.
    pub public_url: String,
    /// The bank's name in e-mails (`HOURBANK_BANK_NAME`, default "HourBank").
    pub bank_name: String,
    /// E-mail, when `HOURBANK_SMTP_URL` is set; off otherwise (in-app notifications only).
    pub mail: Option<MailSettings>,
    /// The zone times are shown in to visitors and to members who chose none
    /// (`HOURBANK_TIME_ZONE`, an IANA name such as `Europe/Madrid`; default UTC).
    pub default_zone: Zone,
    /// The language of visitors whose browser asks for none the catalogue has, and of
    /// e-mails to members who chose none (`HOURBANK_LANGUAGE`: `en`, `es`, `ca`; default `en`).
    pub default_lang: Lang,
}

/// How the outbox's sender reaches the world.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailSettings {
    /// `smtp://host:25`, `smtp://host:587?tls=required`, `smtps://user:pass@host:465`.
    pub smtp_url: String,
    /// The From: of every message (`HOURBANK_MAIL_FROM`).
    pub from: String,
    /// The UTC hour at which daily digests go out (`HOURBANK_DIGEST_HOUR_UTC`, 7).
    pub digest_hour_utc: i64,
    /// How often the sender looks for mail to send (`HOURBANK_MAIL_INTERVAL_MS`, 500).
    pub interval_ms: u64,
    /// How long a sender holds the rows it took; one that dies lets them go after this
    /// (`HOURBANK_MAIL_LEASE_MS`, 60000).
    pub lease_ms: i64,
    /// The wait after a first failed attempt, doubling after each (`HOURBANK_MAIL_RETRY_MS`, 30000).
    pub retry_ms: i64,
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
        remind_response_percent: env_number("HOURBANK_REMIND_RESPONSE_PERCENT", 0, 99)?
            .unwrap_or(d.remind_response_percent),
        remind_response_min_ms: env_number("HOURBANK_REMIND_RESPONSE_MIN_HOURS", 0, 72)?
            .map(|h| h * HOUR_MS)
            .unwrap_or(d.remind_response_min_ms),
        remind_negotiation_ms: env_number("HOURBANK_REMIND_NEGOTIATION_HOURS", 0, 720)?
            .map(|h| h * HOUR_MS)
            .unwrap_or(d.remind_negotiation_ms),
        remind_confirm_ms: env_number("HOURBANK_REMIND_CONFIRM_HOURS", 0, 720)?
            .map(|h| h * HOUR_MS)
            .unwrap_or(d.remind_confirm_ms),
        remind_start_ms: env_number("HOURBANK_REMIND_START_HOURS", 0, 720)?
            .map(|h| h * HOUR_MS)
            .unwrap_or(d.remind_start_ms),
    })
}

fn mail_from_env() -> Result<Option<MailSettings>, String> {
    let Ok(smtp_url) = std::env::var("HOURBANK_SMTP_URL") else {
        return Ok(None);
    };
    let smtp_url = smtp_url.trim().to_owned();
    if smtp_url.is_empty() {
        return Ok(None);
    }
    if !(smtp_url.starts_with("smtp://") || smtp_url.starts_with("smtps://")) {
        return Err(format!(
            "HOURBANK_SMTP_URL must start with smtp:// or smtps://, not {:?}",
            super::db::redact_url(&smtp_url)
        ));
    }
    Ok(Some(MailSettings {
        smtp_url,
        from: std::env::var("HOURBANK_MAIL_FROM")
            .unwrap_or_else(|_| "HourBank <hourbank@localhost>".to_owned()),
        digest_hour_utc: env_number("HOURBANK_DIGEST_HOUR_UTC", 0, 23)?.unwrap_or(7),
        interval_ms: env_number("HOURBANK_MAIL_INTERVAL_MS", 10, 3_600_000)?.unwrap_or(500) as u64,
        lease_ms: env_number("HOURBANK_MAIL_LEASE_MS", 100, 3_600_000)?.unwrap_or(60_000),
        retry_ms: env_number("HOURBANK_MAIL_RETRY_MS", 10, 3_600_000)?.unwrap_or(30_000),
    }))
}

impl Config {
    /// Whom to write for: a member's own language and zone where they chose them, else
    /// the bank's.
    pub fn viewer(&self, lang: Option<Lang>, zone: Option<Zone>) -> Viewer {
        Viewer {
            lang: lang.unwrap_or(self.default_lang),
            zone: zone.unwrap_or(self.default_zone),
        }
    }

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
        let public_url = std::env::var("HOURBANK_PUBLIC_URL")
            .map(|u| u.trim().trim_end_matches('/').to_owned())
            .unwrap_or_else(|_| {
                format!(
                    "http://{}",
                    std::env::var("LEPTOS_SITE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into())
                )
            });
        let public_https = public_url.starts_with("https://");
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
            public_url,
            bank_name: std::env::var("HOURBANK_BANK_NAME")
                .map(|n| n.trim().to_owned())
                .ok()
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "HourBank".to_owned()),
            mail: mail_from_env()?,
            default_zone: match std::env::var("HOURBANK_TIME_ZONE") {
                Ok(name) if !name.trim().is_empty() => Zone::parse(&name).ok_or_else(|| {
                    format!("HOURBANK_TIME_ZONE must be an IANA time zone such as Europe/Madrid, not {name:?}")
                })?,
                _ => Zone::UTC,
            },
            default_lang: match std::env::var("HOURBANK_LANGUAGE") {
                Ok(code) if !code.trim().is_empty() => Lang::parse(&code).ok_or_else(|| {
                    format!(
                        "HOURBANK_LANGUAGE must be one of {}, not {code:?}",
                        Lang::all().map(Lang::code).collect::<Vec<_>>().join(", ")
                    )
                })?,
                _ => Lang::english(),
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
            public_url: "http://127.0.0.1:3000".to_owned(),
            bank_name: "HourBank".to_owned(),
            mail: None,
            default_zone: Zone::UTC,
            default_lang: Lang::english(),
        }
    }
}
