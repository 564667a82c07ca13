//! Instants, amounts and numbers in the reader's language and zone. The patterns are in
//! the catalogue (`date-time`, `time-of-day`, `decimal`, the month and weekday names), so
//! a translator decides the order, the clock and the decimal sign.

use chrono::{DateTime, Datelike, LocalResult, NaiveDateTime, TimeZone, Timelike, Utc};
use fluent_templates::fluent_bundle::FluentValue;

use super::catalogue::{lookup, Args};
use super::{Lang, Zone};
use crate::domain::Timestamp;

fn local(zone: Zone, t: Timestamp) -> Option<DateTime<chrono_tz::Tz>> {
    DateTime::<Utc>::from_timestamp_millis(t.0).map(|u| u.with_timezone(&zone.0))
}

fn args(pairs: Vec<(&'static str, FluentValue<'static>)>) -> Args<'static> {
    pairs.into_iter().map(|(k, v)| (k.into(), v)).collect()
}

/// The pieces every date pattern may use.
fn date_args(lang: Lang, l: &DateTime<chrono_tz::Tz>) -> Vec<(&'static str, FluentValue<'static>)> {
    let id = lang.id();
    let weekday = lookup(
        id,
        &format!("weekday-{}", l.weekday().number_from_monday()),
        None,
    );
    let month = lookup(id, &format!("month-{}", l.month()), None);
    let hour12 = match l.hour() % 12 {
        0 => 12,
        h => h,
    };
    let ampm = lookup(id, if l.hour() < 12 { "time-am" } else { "time-pm" }, None);
    let time = lookup(
        id,
        "time-of-day",
        Some(&args(vec![
            ("hour", FluentValue::from(format!("{:02}", l.hour()))),
            ("hour12", FluentValue::from(hour12.to_string())),
            ("minute", FluentValue::from(format!("{:02}", l.minute()))),
            ("ampm", FluentValue::from(ampm)),
        ])),
    );
    vec![
        ("weekday", FluentValue::from(weekday)),
        ("month", FluentValue::from(month)),
        ("day", FluentValue::from(l.day().to_string())),
        ("year", FluentValue::from(l.year().to_string())),
        ("time", FluentValue::from(time)),
        ("zone", FluentValue::from(l.format("%Z").to_string())),
    ]
}

/// "Tue, Dec 8, 2026, 10:00 AM EST" / "dt., 8 de des. 2026, 16:00 CET".
pub(super) fn date_time(lang: Lang, zone: Zone, t: Timestamp) -> String {
    match local(zone, t) {
        Some(l) => lookup(lang.id(), "date-time", Some(&args(date_args(lang, &l)))),
        None => lookup(lang.id(), "time-invalid", None),
    }
}

/// The day alone: "Tue, Dec 8, 2026".
pub(super) fn date(lang: Lang, zone: Zone, t: Timestamp) -> String {
    match local(zone, t) {
        Some(l) => lookup(lang.id(), "date", Some(&args(date_args(lang, &l)))),
        None => lookup(lang.id(), "time-invalid", None),
    }
}

/// The value of an `<input type="datetime-local">` for `t` in `zone`: "2026-12-08T10:00".
pub(super) fn local_input(zone: Zone, t: Timestamp) -> String {
    local(zone, t).map_or_else(String::new, |l| l.format("%Y-%m-%dT%H:%M").to_string())
}

/// "2026-12-08 16:00 CET": sortable, the same in every language (the CSV's).
pub(super) fn sortable(zone: Zone, t: Timestamp) -> String {
    local(zone, t).map_or_else(String::new, |l| l.format("%Y-%m-%d %H:%M %Z").to_string())
}

/// 125 → "1.25" (or "1,25"), as the catalogue's `decimal` writes it.
pub(super) fn decimal(lang: Lang, hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    lookup(
        lang.id(),
        "decimal",
        Some(&args(vec![
            ("units", FluentValue::from(format!("{sign}{}", abs / 100))),
            ("hundredths", FluentValue::from(format!("{:02}", abs % 100))),
        ])),
    )
}

/// "in 23 h 5 min", "in 4 min", "overdue".
pub(super) fn remaining(lang: Lang, deadline: Timestamp, now: Timestamp) -> String {
    let ms = deadline.0.saturating_sub(now.0);
    let id = lang.id();
    if ms <= 0 {
        return lookup(id, "remaining-overdue", None);
    }
    let minutes = (ms + 59_999) / 60_000;
    let (d, h, m) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let n = |v: i64| FluentValue::from(v);
    match (d, h, m) {
        (0, 0, m) => lookup(
            id,
            "remaining-minutes",
            Some(&args(vec![("minutes", n(m))])),
        ),
        (0, h, 0) => lookup(id, "remaining-hours", Some(&args(vec![("hours", n(h))]))),
        (0, h, m) => lookup(
            id,
            "remaining-hours-minutes",
            Some(&args(vec![("hours", n(h)), ("minutes", n(m))])),
        ),
        (d, h, _) => lookup(
            id,
            "remaining-days-hours",
            Some(&args(vec![("days", n(d)), ("hours", n(h))])),
        ),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalTimeError {
    /// Not of the form 2026-12-08T10:00.
    Malformed,
    /// A local time the clocks skip (the hour lost when summer time starts).
    Skipped,
}

/// A date and time typed in `zone` (an `<input type="datetime-local">`'s value) as an
/// instant. A time the clocks pass twice (autumn) is taken the first time.
pub fn parse_local_input(zone: Zone, s: &str) -> Result<Timestamp, LocalTimeError> {
    let s = s.trim();
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| LocalTimeError::Malformed)?;
    match zone.0.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
            Ok(Timestamp(t.timestamp_millis()))
        }
        LocalResult::None => Err(LocalTimeError::Skipped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z(name: &str) -> Zone {
        Zone::parse(name).expect("zone")
    }

    #[test]
    fn one_instant_in_two_zones_and_languages() {
        let madrid = z("Europe/Madrid");
        let ny = z("America/New_York");
        let ca = Lang::parse("ca").expect("ca");
        let t = parse_local_input(madrid, "2026-12-08T16:00").expect("time");
        assert_eq!(t, parse_local_input(ny, "2026-12-08T10:00").expect("time"));
        assert_eq!(
            date_time(Lang::english(), ny, t),
            "Tue, Dec 8, 2026, 10:00 AM EST"
        );
        assert_eq!(date_time(ca, madrid, t), "dt., 8 de des. 2026, 16:00 CET");
        assert_eq!(local_input(madrid, t), "2026-12-08T16:00");
        assert_eq!(decimal(ca, 125), "1,25");
        assert_eq!(decimal(Lang::english(), 100), "1.00");
    }

    #[test]
    fn clock_changes() {
        let madrid = z("Europe/Madrid");
        // 2027-03-28: clocks go from 02:00 to 03:00 in Madrid.
        assert_eq!(
            parse_local_input(madrid, "2027-03-28T02:30"),
            Err(LocalTimeError::Skipped)
        );
        // 2026-10-25: 02:30 happens twice; the first (summer time, UTC+2) is taken.
        let t = parse_local_input(madrid, "2026-10-25T02:30").expect("time");
        assert_eq!(
            t,
            parse_local_input(z("UTC"), "2026-10-25T00:30").expect("time")
        );
        assert_eq!(
            parse_local_input(madrid, "next tuesday"),
            Err(LocalTimeError::Malformed)
        );
    }

    #[test]
    fn remaining_words() {
        let en = Lang::english();
        let now = Timestamp(0);
        assert_eq!(
            remaining(en, Timestamp(-1), now),
            "overdue (the timer will act shortly)"
        );
        assert_eq!(remaining(en, Timestamp(60_000 * 4), now), "in 4 min");
        assert_eq!(
            remaining(en, Timestamp(3_600_000 * 23 + 60_000 * 5), now),
            "in 23 h 5 min"
        );
        assert_eq!(remaining(en, Timestamp(3_600_000 * 2), now), "in 2 h");
        assert_eq!(remaining(en, Timestamp(3_600_000 * 50), now), "in 2 d 2 h");
    }
}
