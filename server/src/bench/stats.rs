//! Latency samples per action and failures by kind, gathered by every virtual user and
//! merged at the end. Percentiles are nearest-rank over all samples (no sampling).

use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Default, Debug)]
pub struct Recorder {
    /// Microseconds per call, by action name.
    pub latencies_us: BTreeMap<&'static str, Vec<u32>>,
    /// "action: status message" → count.
    pub errors: BTreeMap<String, u64>,
    pub lifecycles: BTreeMap<&'static str, u64>,
    /// Every lifecycle answer the client saw succeed: the request, the version (history
    /// sequence number) and the state it reported. The crash test checks each is stored.
    pub seen: Vec<Seen>,
    /// Answers with a 5xx status: never acceptable, whatever else happens.
    pub server_errors: u64,
    /// Actions sent twice at once, and how many times both copies succeeded (must be 0).
    pub double_clicks: u64,
    pub both_copies_succeeded: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub request_id: String,
    pub version: i64,
    pub state: &'static str,
}

impl Recorder {
    pub fn ok(&mut self, action: &'static str, took: Duration) {
        let us = u32::try_from(took.as_micros()).unwrap_or(u32::MAX);
        self.latencies_us.entry(action).or_default().push(us);
    }

    pub fn error(&mut self, action: &'static str, kind: String) {
        *self.errors.entry(format!("{action}: {kind}")).or_default() += 1;
    }

    pub fn lifecycle(&mut self, scenario: &'static str) {
        *self.lifecycles.entry(scenario).or_default() += 1;
    }

    pub fn merge(&mut self, other: Recorder) {
        for (k, mut v) in other.latencies_us {
            self.latencies_us.entry(k).or_default().append(&mut v);
        }
        for (k, n) in other.errors {
            *self.errors.entry(k).or_default() += n;
        }
        for (k, n) in other.lifecycles {
            *self.lifecycles.entry(k).or_default() += n;
        }
        self.seen.extend(other.seen);
        self.server_errors += other.server_errors;
        self.double_clicks += other.double_clicks;
        self.both_copies_succeeded += other.both_copies_succeeded;
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    pub fn lifecycle_count(&self) -> u64 {
        self.lifecycles.values().sum()
    }

    pub fn call_count(&self) -> usize {
        self.latencies_us.values().map(Vec::len).sum()
    }
}

/// Nearest-rank percentile of sorted samples, in milliseconds.
pub fn percentile_ms(sorted_us: &[u32], p: f64) -> f64 {
    if sorted_us.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted_us.len() as f64).ceil() as usize;
    let i = rank.clamp(1, sorted_us.len()) - 1;
    sorted_us[i] as f64 / 1000.0
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub action: &'static str,
    pub count: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

pub fn summarise(rec: &mut Recorder) -> Vec<Summary> {
    rec.latencies_us
        .iter_mut()
        .map(|(action, v)| {
            v.sort_unstable();
            Summary {
                action,
                count: v.len(),
                p50_ms: percentile_ms(v, 50.0),
                p95_ms: percentile_ms(v, 95.0),
                p99_ms: percentile_ms(v, 99.0),
                max_ms: v.last().copied().unwrap_or(0) as f64 / 1000.0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<u32> = (1..=100).map(|i| i * 1000).collect();
        assert_eq!(percentile_ms(&v, 50.0), 50.0);
        assert_eq!(percentile_ms(&v, 99.0), 99.0);
        assert_eq!(percentile_ms(&v, 100.0), 100.0);
        assert_eq!(percentile_ms(&[7000], 99.0), 7.0);
        assert_eq!(percentile_ms(&[], 50.0), 0.0);
    }

    #[test]
    fn merging_adds_samples_errors_and_lifecycles() {
        let mut a = Recorder::default();
        a.ok("accept", Duration::from_millis(2));
        a.error("accept", "409 changed".into());
        a.lifecycle("happy");
        let mut b = Recorder::default();
        b.ok("accept", Duration::from_millis(4));
        b.error("accept", "409 changed".into());
        b.lifecycle("decline");
        a.merge(b);
        assert_eq!(a.call_count(), 2);
        assert_eq!(a.error_count(), 2);
        assert_eq!(a.lifecycle_count(), 2);
        let s = summarise(&mut a);
        assert_eq!((s[0].count, s[0].p50_ms, s[0].max_ms), (2, 2.0, 4.0));
    }
}
