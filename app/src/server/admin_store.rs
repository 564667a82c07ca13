//! What the admin views read: disputes, counts by state and day, timings, flagged
//! requests. I/O only; the figures are computed in `crate::api::dashboard`.

use crate::server::sql::Reads;

use crate::server::group_commit::WriteTx;
use crate::server::sql;

use super::counts_store;
use super::StoreError;
use crate::domain::{Minutes, Timestamp};
use crate::lifecycle::definition::{deadlines_that, OnFire};
use crate::lifecycle::{EventKind, State};

/// `$first, $first+1, …` for `n` values.
fn params(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpenDispute {
    pub request_id: String,
    pub service_title: Option<String>,
    pub requester_name: String,
    pub provider_name: Option<String>,
    pub raised_by: String,
    pub reason: String,
    pub paused_state: String,
    pub opened_at: Timestamp,
    pub held: Minutes,
}

/// Unresolved disputes, oldest first.
pub async fn open_disputes(pool: &Reads, limit: i64) -> Result<Vec<OpenDispute>, StoreError> {
    type Row = (
        String,
        Option<String>,
        String,
        Option<String>,
        String,
        String,
        String,
        i64,
        Option<i64>,
    );
    let rows: Vec<Row> = sql::query_as(
        "SELECT d.request_id, s.title, rq.display_name, pv.display_name, d.raised_by, d.reason, d.paused_state, \
         d.opened_at_ms, h.amount_minutes FROM disputes d JOIN requests r ON r.id = d.request_id \
         LEFT JOIN services s ON s.id = r.service_id JOIN members rq ON rq.id = r.requester_id \
         LEFT JOIN members pv ON pv.id = r.provider_id LEFT JOIN holds h ON h.request_id = d.request_id \
         WHERE d.outcome IS NULL ORDER BY d.opened_at_ms, d.request_id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                request_id,
                service_title,
                requester_name,
                provider_name,
                raised_by,
                reason,
                paused_state,
                opened,
                held,
            )| {
                OpenDispute {
                    request_id,
                    service_title,
                    requester_name,
                    provider_name,
                    raised_by,
                    reason,
                    paused_state,
                    opened_at: Timestamp(opened),
                    held: Minutes(held.unwrap_or(0)),
                }
            },
        )
        .collect())
}

/// Requests per state now, from the running counts (`counts_store`); states with none
/// are left out.
pub async fn requests_by_state(pool: &Reads) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sql::query_as(
        "SELECT state, CAST(SUM(requests) AS BIGINT) FROM state_counts GROUP BY state \
         HAVING SUM(requests) <> 0 ORDER BY state",
    )
    .fetch_all(pool)
    .await?)
}

/// Entries into the given states per UTC day since `since`: (day number, state, count),
/// from the running counts.
pub async fn entries_per_day(
    pool: &Reads,
    states: &[State],
    since: Timestamp,
) -> Result<Vec<(i64, String, i64)>, StoreError> {
    let sql = format!(
        "SELECT day_number, to_state, CAST(SUM(transitions) AS BIGINT) FROM transition_counts \
         WHERE day_number >= $1 AND to_state IN ({}) GROUP BY day_number, to_state ORDER BY 1, 2",
        params(2, states.len())
    );
    let mut q = sql::query_as(&sql).bind(since.0.div_euclid(counts_store::DAY_MS));
    for s in states {
        q = q.bind(s.as_str());
    }
    Ok(q.fetch_all(pool).await?)
}

/// (request id, seq, from_state, to_state, event, at) of the events the timing figures
/// need: each request's first, those into and out of AWAITING_RESPONSE, and payments.
pub async fn timing_events(
    pool: &Reads,
    since: Timestamp,
) -> Result<Vec<crate::api::dashboard::TimingRow>, StoreError> {
    Ok(sql::query_as(
        // From the requests made since `since` (their index) to their rows (the history's
        // key), not through the whole history.
        "SELECT e.request_id, e.seq, e.from_state, e.to_state, e.event, e.at_ms FROM request_events e \
         WHERE e.request_id IN (SELECT id FROM requests WHERE created_at_ms >= $1) \
         AND (e.seq = 1 OR e.from_state = $2 OR e.to_state = $2 OR e.to_state = $3) \
         ORDER BY e.request_id, e.seq",
    )
    .bind(since.0)
    .bind(State::AwaitingResponse.as_str())
    .bind(State::Paid.as_str())
    .fetch_all(pool)
    .await?)
}

/// Auto-confirmations: deadlines that fired out of the states whose timer confirms the
/// start, and the completion.
pub async fn auto_confirm_counts(pool: &Reads) -> Result<(i64, i64), StoreError> {
    let count = |on_fire: OnFire| async move {
        let states: Vec<State> = deadlines_that(on_fire).collect();
        let sql = format!(
            "SELECT CAST(COALESCE(SUM(transitions), 0) AS BIGINT) FROM transition_counts \
             WHERE event = $1 AND from_state IN ({})",
            params(2, states.len())
        );
        let mut q = sql::query_scalar::<i64>(&sql).bind(EventKind::Deadline.as_str());
        for s in &states {
            q = q.bind(s.as_str());
        }
        q.fetch_one(pool).await
    };
    Ok((
        count(OnFire::ConfirmStart).await?,
        count(OnFire::ConfirmCompletion).await?,
    ))
}

pub async fn minutes_in_escrow(pool: &Reads) -> Result<Minutes, StoreError> {
    let m: i64 = sql::query_scalar("SELECT CAST(COALESCE(SUM(held_minutes), 0) AS BIGINT) FROM ledger_accounts WHERE kind = 'member'")
        .fetch_one(pool)
        .await?;
    Ok(Minutes(m))
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Flagged {
    pub request_id: String,
    pub state: String,
    pub error: String,
    pub deadline: Option<Timestamp>,
}

/// Requests whose timer transition kept failing.
pub async fn needing_attention(pool: &Reads) -> Result<Vec<Flagged>, StoreError> {
    let rows: Vec<(String, String, Option<String>, Option<i64>)> = sql::query_as(
        "SELECT id, state, attention_error, deadline_at_ms FROM requests WHERE needs_attention = 1 ORDER BY updated_at_ms, id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(request_id, state, error, deadline)| Flagged {
            request_id,
            state,
            error: error.unwrap_or_default(),
            deadline: deadline.map(Timestamp),
        })
        .collect())
}

/// Clears a request's attention flag so the sweeper tries its deadline again.
pub async fn clear_attention(tx: &mut WriteTx, request_id: &str) -> Result<bool, StoreError> {
    let r = sql::query("UPDATE requests SET needs_attention = 0, attention_error = NULL WHERE id = $1 AND needs_attention = 1")
        .bind(request_id)
        .execute(tx)
        .await?;
    Ok(r.rows_affected() == 1)
}
