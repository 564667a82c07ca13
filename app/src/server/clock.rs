//! The injectable clock. Production reads the system time (plus an offset that only a
//! test-mode server lets tests move); unit tests use a manual clock they set by hand.

use crate::domain::Timestamp;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct Clock(Arc<Inner>);

#[derive(Debug)]
enum Inner {
    System { offset_ms: AtomicI64 },
    Manual { now_ms: AtomicI64 },
}

impl Clock {
    pub fn system() -> Self {
        Clock(Arc::new(Inner::System {
            offset_ms: AtomicI64::new(0),
        }))
    }

    pub fn manual(start: Timestamp) -> Self {
        Clock(Arc::new(Inner::Manual {
            now_ms: AtomicI64::new(start.0),
        }))
    }

    pub fn now(&self) -> Timestamp {
        match &*self.0 {
            Inner::System { offset_ms } => {
                Timestamp(chrono::Utc::now().timestamp_millis() + offset_ms.load(Ordering::SeqCst))
            }
            Inner::Manual { now_ms } => Timestamp(now_ms.load(Ordering::SeqCst)),
        }
    }

    /// Moves time forward (tests and the test-mode control only).
    pub fn advance_ms(&self, ms: i64) {
        match &*self.0 {
            Inner::System { offset_ms } => offset_ms.fetch_add(ms, Ordering::SeqCst),
            Inner::Manual { now_ms } => now_ms.fetch_add(ms, Ordering::SeqCst),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let c = Clock::manual(Timestamp(1_000));
        assert_eq!(c.now(), Timestamp(1_000));
        c.advance_ms(500);
        assert_eq!(c.now(), Timestamp(1_500));
    }

    #[test]
    fn system_clock_offset_shifts_time() {
        let c = Clock::system();
        let before = c.now();
        c.advance_ms(3_600_000);
        assert!(c.now().0 - before.0 >= 3_600_000);
    }
}
