//! Time as data: milliseconds since the Unix epoch, UTC. The server's clock is injected
//! (see `server::clock`), so the same code runs against real or moved time.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn millis(self) -> i64 {
        self.0
    }

    pub fn plus_millis(self, ms: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(ms))
    }

    /// "2026-11-26 14:05 UTC"
    pub fn to_utc_string(self) -> String {
        match chrono::DateTime::<chrono::Utc>::from_timestamp_millis(self.0) {
            Some(t) => t.format("%Y-%m-%d %H:%M UTC").to_string(),
            None => "(invalid time)".to_owned(),
        }
    }

    /// "2026-11-26T14:05:09Z", for a `<time datetime>` attribute.
    pub fn to_rfc3339(self) -> String {
        match chrono::DateTime::<chrono::Utc>::from_timestamp_millis(self.0) {
            Some(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    #[test]
    fn machine_readable_and_human_times() {
        let t = Timestamp(1_764_597_909_000);
        assert_eq!(t.to_rfc3339(), "2025-12-01T14:05:09Z");
        assert_eq!(t.to_utc_string(), "2025-12-01 14:05 UTC");
    }
}
