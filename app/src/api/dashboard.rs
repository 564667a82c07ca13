//! The admin dashboard and dispute panel: figures computed from the history.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{Minutes, Timestamp};
use crate::lifecycle::definition::{provider_answers, DAILY_COUNTS};

/// (request id, seq, from state, to state, event, at ms) of one history event.
pub type TimingRow = (String, i64, Option<String>, String, String, i64);
use crate::lifecycle::State;
use crate::AppError;

pub const DAY_MS: i64 = 86_400_000;
/// The per-day chart covers this many days.
pub const CHART_DAYS: i64 = 14;

/// One day of the chart: entries into each of the definition's [`DAILY_COUNTS`] states.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCounts {
    /// Days since the epoch (UTC).
    pub day: i64,
    /// Aligned with [`DAILY_COUNTS`].
    pub counts: Vec<i64>,
}

impl DayCounts {
    /// Entries into `state` that day (0 for a state the chart does not count).
    pub fn count(&self, state: State) -> i64 {
        DAILY_COUNTS
            .iter()
            .position(|s| *s == state)
            .and_then(|i| self.counts.get(i).copied())
            .unwrap_or(0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Percentiles {
    pub count: usize,
    pub median_ms: i64,
    pub p90_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConservationView {
    /// When the health watch last added the ledger up.
    pub checked_at: Timestamp,
    pub total: i64,
    pub mismatched_accounts: i64,
    pub negative_accounts: i64,
    pub unbalanced_transfers: i64,
    pub holds: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedRequest {
    pub request_id: String,
    pub state: String,
    pub error: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub now: Timestamp,
    pub by_state: Vec<(String, i64)>,
    pub per_day: Vec<DayCounts>,
    /// Paid ÷ closed, in percent (None before anything closed).
    pub success_percent: Option<i64>,
    pub provider_response: Option<Percentiles>,
    pub time_to_payment: Option<Percentiles>,
    pub auto_confirmed_start: i64,
    pub auto_confirmed_completion: i64,
    pub in_escrow: Minutes,
    pub conservation: ConservationView,
    pub flagged: Vec<FlaggedRequest>,
    /// The outbox (None: e-mail is off, no SMTP configured).
    pub mail: Option<MailQueue>,
    /// Alarms raised and not cleared.
    pub alarms: Vec<AlarmView>,
}

/// What an admin sees of the outbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailQueue {
    pub waiting: i64,
    pub sent_today: i64,
    pub failing: i64,
    /// The commonest errors of failing messages, with how many share each.
    pub errors: Vec<(String, i64)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlarmView {
    pub detail: String,
    pub raised_at: Timestamp,
}

/// Nearest-rank percentile of ascending `sorted` (p in 1..=100).
pub fn percentile(sorted: &[i64], p: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

pub fn percentiles(mut v: Vec<i64>) -> Option<Percentiles> {
    v.sort_unstable();
    Some(Percentiles {
        count: v.len(),
        median_ms: percentile(&v, 50)?,
        p90_ms: percentile(&v, 90)?,
    })
}

/// From (request, seq, from, to, event, at) rows in request/seq order: the provider's
/// response times (entering AWAITING_RESPONSE → their first answer: the events of their
/// rows out of it in the definition) and the times from submission to payment.
pub fn timings(rows: &[TimingRow]) -> (Vec<i64>, Vec<i64>) {
    let awaiting = State::AwaitingResponse.as_str();
    let paid = State::Paid.as_str();
    let answers: Vec<&str> = provider_answers().map(|e| e.as_str()).collect();
    let (mut response, mut payment) = (Vec::new(), Vec::new());
    let mut current: Option<&str> = None;
    let (mut created, mut awaiting_since): (Option<i64>, Option<i64>) = (None, None);
    for (req, seq, from, to, event, at) in rows {
        if current != Some(req.as_str()) {
            current = Some(req.as_str());
            created = None;
            awaiting_since = None;
        }
        if *seq == 1 {
            created = Some(*at);
        }
        if from.as_deref() == Some(awaiting) {
            if let Some(t0) = awaiting_since.take() {
                if answers.contains(&event.as_str()) {
                    response.push(at - t0);
                }
            }
        }
        if to == awaiting {
            awaiting_since = Some(*at);
        }
        if to == paid {
            if let Some(t0) = created {
                payment.push(at - t0);
            }
        }
    }
    (response, payment)
}

/// Pivots (day, state, count) rows into one line per day, the last `days` days, oldest first.
pub fn per_day(rows: &[(i64, String, i64)], today: i64, days: i64) -> Vec<DayCounts> {
    (today - days + 1..=today)
        .map(|day| DayCounts {
            day,
            counts: DAILY_COUNTS
                .iter()
                .map(|s| {
                    rows.iter()
                        .filter(|(d, state, _)| *d == day && state == s.as_str())
                        .map(|(_, _, n)| n)
                        .sum()
                })
                .collect(),
        })
        .collect()
}

#[server(endpoint = "admin/dashboard")]
pub async fn admin_dashboard() -> Result<Dashboard, AppError> {
    use crate::server::admin_store;
    use crate::server::context::{require_admin, serve};
    use crate::server::ledger_store;
    serve(|state| async move {
        require_admin()?;
        let db = &state.db.read;
        let now = state.clock.now();
        let today = now.0.div_euclid(DAY_MS);
        let since = Timestamp((today - CHART_DAYS + 1) * DAY_MS);
        let by_state = admin_store::requests_by_state(db).await?;
        // Started = entered IN_PROGRESS; a resumed dispute re-enters it.
        let entries = admin_store::entries_per_day(db, &DAILY_COUNTS, since).await?;
        let count = |pick: &dyn Fn(State) -> bool| -> i64 {
            by_state
                .iter()
                .filter(|(s, _)| State::parse(s).is_some_and(pick))
                .map(|(_, n)| n)
                .sum()
        };
        let closed = count(&|s| s.is_terminal());
        let paid = count(&|s| s == State::Paid);
        // Timings over the requests made in the chart's window, so a load reads what
        // those few days wrote, however long the history.
        let (response, payment) = timings(&admin_store::timing_events(db, since).await?);
        let (auto_start, auto_completion) = admin_store::auto_confirm_counts(db).await?;
        // The health watch's last check (every 30 s); before its first, one now.
        let (checked_at, c) = match ledger_store::last_check(db).await? {
            Some(last) => last,
            None => (now, ledger_store::conservation(db).await?),
        };
        let mail = match &state.config.mail {
            None => None,
            Some(_) => {
                let q =
                    crate::server::mail::outbox_store::queue_stats(db, Timestamp(today * DAY_MS))
                        .await?;
                Some(MailQueue {
                    waiting: q.waiting,
                    sent_today: q.sent_since,
                    failing: q.failing,
                    errors: q.errors,
                })
            }
        };
        let alarms = crate::server::alarms::open(db)
            .await?
            .into_iter()
            .map(|a| AlarmView {
                detail: a.detail,
                raised_at: a.raised_at,
            })
            .collect();
        Ok(Dashboard {
            mail,
            alarms,
            now,
            per_day: per_day(&entries, today, CHART_DAYS),
            success_percent: (closed > 0).then(|| paid * 100 / closed),
            provider_response: percentiles(response),
            time_to_payment: percentiles(payment),
            auto_confirmed_start: auto_start,
            auto_confirmed_completion: auto_completion,
            in_escrow: admin_store::minutes_in_escrow(db).await?,
            conservation: ConservationView {
                checked_at,
                holds: c.holds(),
                total: c.total,
                mismatched_accounts: c.mismatched_accounts,
                negative_accounts: c.negative_accounts,
                unbalanced_transfers: c.unbalanced_transfers,
            },
            flagged: admin_store::needing_attention(db)
                .await?
                .into_iter()
                .map(|f| FlaggedRequest {
                    request_id: f.request_id,
                    state: f.state,
                    error: f.error,
                })
                .collect(),
            by_state,
        })
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputeEntry {
    pub request_id: String,
    pub service_title: String,
    pub requester_name: String,
    pub provider_name: String,
    pub raised_by: String,
    pub reason: String,
    pub paused_state: String,
    pub opened_at: Timestamp,
    pub held: Minutes,
}

/// Open disputes, oldest first.
#[server(endpoint = "admin/disputes")]
pub async fn admin_disputes() -> Result<Vec<DisputeEntry>, AppError> {
    use crate::server::admin_store;
    use crate::server::context::{require_admin, serve};
    serve(|state| async move {
        require_admin()?;
        let v = crate::i18n::page_viewer();
        Ok(admin_store::open_disputes(&state.db.read, 500)
            .await?
            .into_iter()
            .map(|d| DisputeEntry {
                request_id: d.request_id,
                service_title: d
                    .service_title
                    .unwrap_or_else(|| v.t("er-no-such-service-title")),
                requester_name: d.requester_name,
                provider_name: d.provider_name.unwrap_or_else(|| v.t("er-no-counterpart")),
                raised_by: d.raised_by,
                reason: d.reason,
                paused_state: d.paused_state,
                opened_at: d.opened_at,
                held: d.held,
            })
            .collect())
    })
    .await
}

/// Clears a request's "needs attention" flag and fires its deadline again now.
#[server(endpoint = "admin/retry_timer")]
pub async fn admin_retry_timer(request_id: String) -> Result<(), AppError> {
    use crate::server::context::{require_admin, serve};
    use crate::server::operations::{self, RetryError};
    serve(|state| async move {
        require_admin()?;
        let v = crate::i18n::page_viewer();
        let id: crate::domain::RequestId = request_id
            .parse()
            .map_err(|_| AppError::invalid("request_id", v.t("er-request-id-malformed")))?;
        match operations::retry_timer(&state, id).await {
            Ok(done) => {
                state.tell(done);
                Ok(())
            }
            Err(RetryError::NotFlagged) => Err(AppError::NotFound(v.t("er-retry-not-flagged"))),
            Err(RetryError::FailedAgain) => Err(AppError::Conflict(v.t("er-retry-failed-again"))),
            Err(RetryError::Engine(e)) => Err(e.into()),
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[7], 90), Some(7));
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!((percentile(&v, 50), percentile(&v, 90)), (Some(5), Some(9)));
        assert_eq!(
            percentiles(vec![30, 10, 20]).unwrap(),
            Percentiles {
                count: 3,
                median_ms: 20,
                p90_ms: 30
            }
        );
    }

    #[test]
    fn response_and_payment_times_from_history() {
        let r = |req: &str, seq, from: Option<&str>, to: &str, ev: &str, at| {
            (
                req.to_owned(),
                seq,
                from.map(str::to_owned),
                to.to_owned(),
                ev.to_owned(),
                at,
            )
        };
        let rows = vec![
            r("a", 1, None, "INITIATED", "submit", 0),
            r(
                "a",
                4,
                Some("ESCROWED"),
                "AWAITING_RESPONSE",
                "notify_provider",
                0,
            ),
            r(
                "a",
                5,
                Some("AWAITING_RESPONSE"),
                "ACCEPTED",
                "accept",
                3_000,
            ),
            r(
                "a",
                10,
                Some("COMPLETED"),
                "PAID",
                "process_payment",
                50_000,
            ),
            r("b", 1, None, "INITIATED", "submit", 100),
            r(
                "b",
                4,
                Some("ESCROWED"),
                "AWAITING_RESPONSE",
                "notify_provider",
                100,
            ),
            r(
                "b",
                5,
                Some("AWAITING_RESPONSE"),
                "EXPIRED",
                "deadline",
                9_000,
            ),
            r("c", 1, None, "INITIATED", "submit", 0),
            r(
                "c",
                4,
                Some("ESCROWED"),
                "AWAITING_RESPONSE",
                "notify_provider",
                0,
            ),
            r(
                "c",
                5,
                Some("AWAITING_RESPONSE"),
                "NEGOTIATING",
                "counter",
                1_000,
            ),
        ];
        let (response, payment) = timings(&rows);
        assert_eq!(response, vec![3_000, 1_000], "an expiry is no response");
        assert_eq!(payment, vec![50_000]);
    }

    #[test]
    fn per_day_pivots_and_fills_empty_days() {
        let rows = vec![
            (10, "PAID".to_owned(), 2),
            (10, "DISPUTED".to_owned(), 1),
            (12, "IN_PROGRESS".to_owned(), 3),
        ];
        let d = per_day(&rows, 12, 3);
        assert_eq!(d.iter().map(|c| c.day).collect::<Vec<_>>(), [10, 11, 12]);
        assert_eq!(
            (
                d[0].count(State::Paid),
                d[0].count(State::Disputed),
                d[1].count(State::Paid),
                d[2].count(State::InProgress)
            ),
            (2, 1, 0, 3)
        );
    }
}
