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
/// A proposed start is at most this far ahead of the moment it is proposed (365 days).
pub const START_MAX_AHEAD_MS: i64 = 365 * 24 * 3_600_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// Length of the service in minutes (a multiple of 15, from 15 to 2,400).
    pub duration_minutes: i64,
    /// Credit-hours per hour in hundredths (50–400).
    pub rate: i64,
    /// When the work would begin (an instant; shown in each reader's zone). Once the
    /// request is accepted, the agreed start. Requests stored before it existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_start: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

/// Why terms were refused (its words: `words::terms_error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TermsError {
    Duration,
    Rate,
    MessageTooLong,
    MessageUnprintable,
    StartPassed,
    StartTooFar,
}

// Its `Display` (English, for logs and tests) is in `words.rs`, beside its words: this
// file stays below the words in the lifecycle's imports.

impl std::error::Error for TermsError {}

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

    /// The proposed start, judged at `now`: not in the past, at most a year ahead. (Not
    /// part of [`Terms::check`]: it depends on when it is asked, which every caller passes
    /// — the transition's `now`, so that replay judges it as it was judged.)
    pub fn check_start(&self, now: Timestamp) -> Result<(), TermsError> {
        match self.proposed_start {
            None => Ok(()),
            Some(t) if t < now => Err(TermsError::StartPassed),
            Some(t) if t.0 > now.0.saturating_add(START_MAX_AHEAD_MS) => {
                Err(TermsError::StartTooFar)
            }
            Some(_) => Ok(()),
        }
    }

    /// Both checks: what a submit or a counter-offer must pass at `now`.
    pub fn check_at(&self, now: Timestamp) -> Result<(), TermsError> {
        self.check()?;
        self.check_start(now)
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

    #[test]
    fn a_start_is_not_in_the_past_nor_more_than_a_year_ahead() {
        let now = Timestamp(1_800_000_000_000);
        let at = |ms: i64| Terms {
            proposed_start: Some(Timestamp(now.0 + ms)),
            ..t(60, 100)
        };
        assert_eq!(t(60, 100).check_at(now), Ok(()), "no start is fine");
        assert_eq!(at(0).check_at(now), Ok(()), "now is not the past");
        assert_eq!(at(-1).check_at(now), Err(TermsError::StartPassed));
        assert_eq!(at(START_MAX_AHEAD_MS).check_at(now), Ok(()));
        assert_eq!(
            at(START_MAX_AHEAD_MS + 1).check_at(now),
            Err(TermsError::StartTooFar)
        );
        assert_eq!(at(-1).check(), Ok(()), "check() alone does not judge time");
        assert_eq!(
            TermsError::StartTooFar.to_string(),
            "The start can be at most 365 days ahead."
        );
    }
}
