//! Deadlines in words.

use crate::domain::Timestamp;

/// "in 23 h 5 min", "in 4 min", "overdue".
pub fn remaining(deadline: Timestamp, now: Timestamp) -> String {
    let ms = deadline.0 - now.0;
    if ms <= 0 {
        return "overdue (the timer will act shortly)".to_owned();
    }
    let minutes = (ms + 59_999) / 60_000;
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    match (d, h, m) {
        (0, 0, m) => format!("in {m} min"),
        (0, h, 0) => format!("in {h} h"),
        (0, h, m) => format!("in {h} h {m} min"),
        (d, h, _) => format!("in {d} d {h} h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let now = Timestamp(0);
        assert_eq!(
            remaining(Timestamp(-1), now),
            "overdue (the timer will act shortly)"
        );
        assert_eq!(remaining(Timestamp(60_000 * 4), now), "in 4 min");
        assert_eq!(
            remaining(Timestamp(3_600_000 * 23 + 60_000 * 5), now),
            "in 23 h 5 min"
        );
        assert_eq!(remaining(Timestamp(3_600_000 * 2), now), "in 2 h");
        assert_eq!(remaining(Timestamp(3_600_000 * 50), now), "in 2 d 2 h");
    }
}
