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
}
