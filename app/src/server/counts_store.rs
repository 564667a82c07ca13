//! The admin dashboard's running counts, kept in the same transaction as the history
//! rows they count, so the dashboard reads a few small tables instead of the whole
//! history (issue 17: 4.2 s per load with 100,000 requests before). Two tables
//! (`migrations/20261202000002_counts_and_indexes_for_size.sql`):
//! - `transition_counts`: history rows per UTC day, from-state, to-state and event;
//! - `state_counts`: requests per state (+1 into a row's to-state, −1 out of its
//!   from-state).
//!
//! Each count is split over `shard` rows so that concurrent transactions on PostgreSQL
//! (many servers, many write connections) rarely wait for one another's row: a request
//! always counts in the shard its id picks, and a statement touches its rows in key
//! order. SQLite has one writer, so it uses one shard. Readers sum the shards.

use crate::server::group_commit::WriteTx;
use crate::server::sql;
use std::collections::BTreeMap;

use super::multi_row::{self, Style};
use super::StoreError;

/// The per-day counts' unit: the dashboard's day.
pub use crate::api::dashboard::DAY_MS;

/// Shards per count on PostgreSQL.
const PG_SHARDS: u32 = 16;

/// One history row, as the counts see it.
#[derive(Clone, Copy, Debug)]
pub struct Counted<'a> {
    pub request_id: &'a str,
    pub from: Option<&'a str>,
    pub to: &'a str,
    pub event: &'a str,
    pub at_ms: i64,
}

/// (day, from-state or "", to-state, event, shard) → history rows.
type TransitionKey<'a> = (i64, &'a str, &'a str, &'a str, i64);
/// (state, shard) → change in requests.
type StateKey<'a> = (&'a str, i64);

/// What a set of history rows adds to the counts, in key order; states whose count the
/// rows leave unchanged are left out.
fn deltas<'a>(
    rows: &[Counted<'a>],
    shards: u32,
) -> (
    BTreeMap<TransitionKey<'a>, i64>,
    BTreeMap<StateKey<'a>, i64>,
) {
    let mut transitions = BTreeMap::new();
    let mut states = BTreeMap::new();
    for r in rows {
        let shard = shard_of(r.request_id, shards);
        let key = (
            r.at_ms.div_euclid(DAY_MS),
            r.from.unwrap_or(""),
            r.to,
            r.event,
            shard,
        );
        *transitions.entry(key).or_insert(0) += 1;
        *states.entry((r.to, shard)).or_insert(0) += 1;
        if let Some(from) = r.from {
            *states.entry((from, shard)).or_insert(0) -= 1;
        }
    }
    states.retain(|_, n| *n != 0);
    (transitions, states)
}

/// The shard a request counts in: from the first hex digit of its id (uuids spread
/// evenly over them).
fn shard_of(request_id: &str, shards: u32) -> i64 {
    let digit = request_id
        .chars()
        .next()
        .and_then(|c| c.to_digit(16))
        .unwrap_or(0);
    i64::from(digit % shards.max(1))
}

/// Adds `rows` (history rows just written by the caller's transaction) to the counts.
pub async fn count(conn: &mut WriteTx, rows: &[Counted<'_>]) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let style = Style::of(conn);
    let shards = match style {
        Style::Numbered => PG_SHARDS,
        Style::Anonymous => 1,
    };
    let (transitions, states) = deltas(rows, shards);
    let transitions: Vec<_> = transitions.into_iter().collect();
    const T_COLUMNS: usize = 6;
    for chunk in transitions.chunks(multi_row::rows_per_statement(T_COLUMNS)) {
        let sql = format!(
            "{} ON CONFLICT (day_number, from_state, to_state, event, shard) \
             DO UPDATE SET transitions = transition_counts.transitions + excluded.transitions",
            multi_row::insert(
                style,
                "transition_counts (day_number, from_state, to_state, event, shard, transitions)",
                T_COLUMNS,
                chunk.len(),
            )
        );
        let mut q = sql::query(&sql);
        for ((day, from, to, event, shard), n) in chunk {
            q = q
                .bind(*day)
                .bind(*from)
                .bind(*to)
                .bind(*event)
                .bind(*shard)
                .bind(*n);
        }
        q.execute(&mut *conn).await?;
    }
    let states: Vec<_> = states.into_iter().collect();
    const S_COLUMNS: usize = 3;
    for chunk in states.chunks(multi_row::rows_per_statement(S_COLUMNS)) {
        let sql = format!(
            "{} ON CONFLICT (state, shard) DO UPDATE SET requests = state_counts.requests + excluded.requests",
            multi_row::insert(style, "state_counts (state, shard, requests)", S_COLUMNS, chunk.len())
        );
        let mut q = sql::query(&sql);
        for ((state, shard), n) in chunk {
            q = q.bind(*state).bind(*shard).bind(*n);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(id: &'a str, from: Option<&'a str>, to: &'a str, at_ms: i64) -> Counted<'a> {
        Counted {
            request_id: id,
            from,
            to,
            event: "e",
            at_ms,
        }
    }

    #[test]
    fn rows_count_by_day_and_move_requests_between_states() {
        let rows = [
            row("a1", None, "INITIATED", 5),
            row("a1", Some("INITIATED"), "VALIDATING", 6),
            row("b2", Some("VALIDATING"), "VALIDATING", DAY_MS + 1),
            row("c3", Some("INITIATED"), "VALIDATING", DAY_MS + 2),
        ];
        let (t, s) = deltas(&rows, 1);
        assert_eq!(
            t.into_iter().collect::<Vec<_>>(),
            vec![
                ((0, "", "INITIATED", "e", 0), 1),
                ((0, "INITIATED", "VALIDATING", "e", 0), 1),
                ((1, "INITIATED", "VALIDATING", "e", 0), 1),
                ((1, "VALIDATING", "VALIDATING", "e", 0), 1),
            ]
        );
        // a1 entered INITIATED and left it; c3 left it having entered before these rows.
        assert_eq!(
            s.into_iter().collect::<Vec<_>>(),
            vec![(("INITIATED", 0), -1), (("VALIDATING", 0), 2)]
        );
    }

    #[test]
    fn a_request_always_counts_in_the_shard_its_id_picks() {
        assert_eq!(shard_of("f0000000-0000", 16), 15);
        assert_eq!(shard_of("30000000-0000", 16), 3);
        assert_eq!(shard_of("f0000000-0000", 1), 0);
        let (t, _) = deltas(&[row("a1", None, "INITIATED", 0)], 16);
        assert_eq!(t.keys().next().map(|k| k.4), Some(10));
    }
}
