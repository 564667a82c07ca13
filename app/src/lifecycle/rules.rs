//! The configurable numbers of the lifecycle (defaults from the rules page). Every
//! request keeps the rules it was submitted under; a number added later takes its
//! default in requests stored before it existed (`#[serde(default)]`).

use serde::{Deserialize, Serialize};

pub const HOUR_MS: i64 = 3_600_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    /// Time the party in turn has to answer a counter-offer (24 h).
    pub negotiation_round_ms: i64,
    /// Time the requester has to confirm a start or a completion before it auto-confirms (48 h).
    pub confirm_ms: i64,
    /// Counter-offers allowed in one negotiation; after the last only accept/decline (5).
    pub max_rounds: u32,
    /// Non-terminal requests one requester may have (20).
    pub max_open_requests: i64,
    /// Reminders before the timer acts (0 turns one off). The provider is reminded when
    /// this percentage of the response window is left (25 %) ...
    pub remind_response_percent: i64,
    /// ... but at least this long before it ends (1 h).
    pub remind_response_min_ms: i64,
    /// The party in turn, this long before a negotiation round expires (6 h).
    pub remind_negotiation_ms: i64,
    /// The requester, this long before a start or completion is confirmed for them (12 h).
    pub remind_confirm_ms: i64,
    /// Both parties, this long before the agreed start (24 h): only when the request was
    /// accepted more than this long before it.
    pub remind_start_ms: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            negotiation_round_ms: 24 * HOUR_MS,
            confirm_ms: 48 * HOUR_MS,
            max_rounds: 5,
            max_open_requests: 20,
            remind_response_percent: 25,
            remind_response_min_ms: HOUR_MS,
            remind_negotiation_ms: 6 * HOUR_MS,
            remind_confirm_ms: 12 * HOUR_MS,
            remind_start_ms: 24 * HOUR_MS,
        }
    }
}
