//! Terms of a request: hours, rate, proposed start, message — and their limits.

use serde::{Deserialize, Serialize};

use crate::domain::{Minutes, Timestamp};

pub const DURATION_STEP_MINUTES: i64 = 15;
pub const DURATION_MIN_MINUTES: i64 = 15;
pub const DURATION_MAX_MINUTES: i64 = 40 * 60;
/// Rates are credit-hours per hour, in hundredths (100 = 1.00, the time-bank norm).
pub const RATE_MIN: i64 = 50;
pub const RATE_MAX: i64 = 400;
pub const RATE_NORM: i64 = 100;
pub const MESSAGE_MAX_CHARS: usize = 2_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// Length of the service in minutes (a multiple of 15, from 15 to 2,400).
    pub duration_minutes: i64,
    /// Credit-hours per hour in hundredths (50–400).
    pub rate: i64,
    #[serde(default)]
    pub proposed_start: Option<Timestamp>,
    #[serde(default)]
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TermsError {
    #[error(
        "Hours must be from {} to {}, in {}-minute steps.",
        Minutes(DURATION_MIN_MINUTES),
        Minutes(DURATION_MAX_MINUTES),
        DURATION_STEP_MINUTES
    )]
    Duration,
    #[error(
        "The rate must be from {} to {} credit-hours per hour.",
        rate_label(RATE_MIN),
        rate_label(RATE_MAX)
    )]
    Rate,
    #[error(
        "The message can be at most {} characters.",
        crate::domain::text::grouped(MESSAGE_MAX_CHARS)
    )]
    MessageTooLong,
    #[error("The message contains characters we can't show.")]
    MessageUnprintable,
}

impl Terms {
    /// Credit the requester pays: duration × rate, rounded to the nearest whole minute.
    pub fn cost(&self) -> Minutes {
        // Both factors are bounded by `check`; for unchecked values saturate instead of overflowing.
        let product = self.duration_minutes.saturating_mul(self.rate);
        Minutes(product.saturating_add(50).div_euclid(100))
    }

    pub fn check(&self) -> Result<(), TermsError> {
        if self.duration_minutes < DURATION_MIN_MINUTES
            || self.duration_minutes > DURATION_MAX_MINUTES
            || self.duration_minutes % DURATION_STEP_MINUTES != 0
        {
            return Err(TermsError::Duration);
        }
        if !(RATE_MIN..=RATE_MAX).contains(&self.rate) {
            return Err(TermsError::Rate);
        }
        if self.message.chars().count() > MESSAGE_MAX_CHARS {
            return Err(TermsError::MessageTooLong);
        }
        if crate::domain::text::has_unprintable(&self.message) {
            return Err(TermsError::MessageUnprintable);
        }
        Ok(())
    }

    /// "1.25"
    pub fn rate_label(&self) -> String {
        rate_label(self.rate)
    }
}

/// A rate in hundredths as it is written: 125 → "1.25".
pub fn rate_label(rate: i64) -> String {
    format!("{}.{:02}", rate / 100, rate % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(d: i64, r: i64) -> Terms {
        Terms {
            duration_minutes: d,
            rate: r,
            proposed_start: None,
            message: String::new(),
        }
    }

    #[test]
    fn cost_is_duration_times_rate_rounded() {
        assert_eq!(t(60, 100).cost(), Minutes(60));
        assert_eq!(t(15, 125).cost(), Minutes(19)); // 18.75 → 19
        assert_eq!(t(15, 50).cost(), Minutes(8)); // 7.5 → 8
        assert_eq!(t(2400, 400).cost(), Minutes(9600));
        assert_eq!(t(90, 133).cost(), Minutes(120)); // 119.7 → 120
    }

    #[test]
    fn limits() {
        assert!(
            t(15, 100).check().is_ok() && t(2400, 400).check().is_ok() && t(45, 50).check().is_ok()
        );
        assert_eq!(t(0, 100).check(), Err(TermsError::Duration));
        assert_eq!(t(20, 100).check(), Err(TermsError::Duration));
        assert_eq!(t(2415, 100).check(), Err(TermsError::Duration));
        assert_eq!(t(60, 49).check(), Err(TermsError::Rate));
        assert_eq!(t(60, 401).check(), Err(TermsError::Rate));
        let mut long = t(60, 100);
        long.message = "é".repeat(MESSAGE_MAX_CHARS);
        assert_eq!(long.check(), Ok(()));
        long.message = "é".repeat(MESSAGE_MAX_CHARS + 1);
        assert_eq!(long.check(), Err(TermsError::MessageTooLong));
        long.message = "a\0b".into();
        assert_eq!(long.check(), Err(TermsError::MessageUnprintable));
        assert_eq!(t(60, 125).rate_label(), "1.25");
        assert_eq!(
            TermsError::Duration.to_string(),
            "Hours must be from 15 min to 40 h, in 15-minute steps."
        );
        assert_eq!(
            TermsError::Rate.to_string(),
            "The rate must be from 0.50 to 4.00 credit-hours per hour."
        );
        assert_eq!(
            TermsError::MessageTooLong.to_string(),
            "The message can be at most 2,000 characters."
        );
    }
}
