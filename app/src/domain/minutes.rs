//! Hours are money: kept as whole minutes, never as floating point.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A signed amount of time-credit in whole minutes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Minutes(pub i64);

impl Minutes {
    pub const ZERO: Minutes = Minutes(0);

    pub const fn from_hours(hours: i64) -> Self {
        Minutes(hours * 60)
    }

    pub fn checked_add(self, other: Minutes) -> Option<Minutes> {
        self.0.checked_add(other.0).map(Minutes)
    }

    pub fn checked_neg(self) -> Option<Minutes> {
        self.0.checked_neg().map(Minutes)
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl fmt::Display for Minutes {
    /// "2 h 30 min", "45 min", "0 h", "-1 h 15 min".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (h, m) = (abs / 60, abs % 60);
        match (h, m) {
            (0, 0) => write!(f, "0 h"),
            (0, m) => write!(f, "{sign}{m} min"),
            (h, 0) => write!(f, "{sign}{h} h"),
            (h, m) => write!(f, "{sign}{h} h {m} min"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_hours_and_minutes() {
        assert_eq!(Minutes(0).to_string(), "0 h");
        assert_eq!(Minutes(45).to_string(), "45 min");
        assert_eq!(Minutes(120).to_string(), "2 h");
        assert_eq!(Minutes(150).to_string(), "2 h 30 min");
        assert_eq!(Minutes(-75).to_string(), "-1 h 15 min");
    }

    #[test]
    fn checked_arithmetic_refuses_overflow() {
        assert_eq!(Minutes(i64::MAX).checked_add(Minutes(1)), None);
        assert_eq!(Minutes(i64::MIN).checked_neg(), None);
        assert_eq!(Minutes(5).checked_add(Minutes(-7)), Some(Minutes(-2)));
    }
}
