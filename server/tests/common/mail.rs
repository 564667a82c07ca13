//! The SMTP sink the tests send to: maildev (npm), started by `scripts/test.sh` through
//! `scripts/mail-sink.sh` (`HOURBANK_TEST_SMTP_URL`, `HOURBANK_TEST_MAILDEV_URL`; the
//! defaults are the script's ports). Tests share one sink, so each reads only the mail
//! to its own members' addresses.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use app::server::config::MailSettings;

pub fn smtp_url() -> String {
    std::env::var("HOURBANK_TEST_SMTP_URL").unwrap_or_else(|_| "smtp://127.0.0.1:1025".into())
}

pub fn api_url() -> String {
    std::env::var("HOURBANK_TEST_MAILDEV_URL").unwrap_or_else(|_| "http://127.0.0.1:1080".into())
}

/// Mail settings that send to the sink at once and retry quickly.
pub fn settings() -> MailSettings {
    MailSettings {
        smtp_url: smtp_url(),
        from: "Test Bank <bank@hourbank.test>".into(),
        digest_hour_utc: 7,
        interval_ms: 50,
        lease_ms: 3_000,
        retry_ms: 200,
    }
}

/// One message as the sink holds it.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Received {
    pub subject: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub html: Option<String>,
    pub to: Vec<Address>,
    #[serde(default)]
    pub headers: HashMap<String, serde_json::Value>,
    #[serde(rename = "messageId", default)]
    pub message_id: String,
}

#[derive(Clone, Debug, serde::Deserialize)]
pub struct Address {
    pub address: String,
}

impl Received {
    pub fn header(&self, name: &str) -> String {
        match self.headers.get(name) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        }
    }

    /// The first link in the text part that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with(prefix))
            .map(|w| w.trim_end_matches(['.', ',']).to_owned())
    }
}

/// Everything the sink holds for `address` (lower case), oldest first.
pub async fn to(address: &str) -> Vec<Received> {
    let encoded: String = address
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    // maildev filters by dot notation: only this address's messages come back.
    let all: Vec<Received> = reqwest::get(format!("{}/email?to.address={encoded}", api_url()))
        .await
        .unwrap_or_else(|e| {
            panic!(
                "the SMTP sink is not running at {} ({e}); start it with scripts/mail-sink.sh",
                api_url()
            )
        })
        .json()
        .await
        .expect("the sink's list");
    all.into_iter()
        .filter(|m| m.to.iter().any(|a| a.address.eq_ignore_ascii_case(address)))
        .collect()
}

/// Waits until `address` has received at least `n` messages (at most 15 s).
pub async fn wait_for(address: &str, n: usize) -> Vec<Received> {
    let started = Instant::now();
    loop {
        let got = to(address).await;
        if got.len() >= n || started.elapsed() > Duration::from_secs(15) {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The subjects `address` received, without the bank's name.
pub fn subjects(mails: &[Received]) -> Vec<String> {
    mails
        .iter()
        .map(|m| {
            m.subject
                .split_once("] ")
                .map(|(_, s)| s.to_owned())
                .unwrap_or_else(|| m.subject.clone())
        })
        .collect()
}
