//! The whole-bank audit: the invariants that must hold after anything at all — a test, a
//! load run, a crash and restart. Money is conserved and balanced, no balance is
//! negative, every hold is resolved at most once and agrees with its request, held
//! balances equal the pending holds, and every request's history is gapless and
//! replays to the stored request, and the dashboard's running counts agree with what
//! they count. Reads only.

use std::collections::HashMap;

use crate::server::sql::{self, Reads};

use super::ledger_store::{self, Conservation};
use super::{requests_store, StoreError};
use crate::lifecycle::definition::holds_escrow;
use crate::lifecycle::replay::replay;
use crate::lifecycle::{HoldStatus, Request};

/// What the audit found. [`Audit::is_clean`] is the verdict; `problems` says what broke
/// (the first [`Audit::MAX_PROBLEMS`] findings, each naming its request or account).
#[derive(Clone, Debug, Default)]
pub struct Audit {
    pub conservation: Option<Conservation>,
    pub requests_checked: usize,
    pub events_replayed: usize,
    pub problems: Vec<String>,
    /// Findings beyond the ones kept in `problems`.
    pub more_problems: usize,
}

impl Audit {
    pub const MAX_PROBLEMS: usize = 20;

    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.conservation.as_ref().is_some_and(|c| c.holds())
    }

    fn problem(&mut self, p: String) {
        if self.problems.len() < Self::MAX_PROBLEMS {
            self.problems.push(p);
        } else {
            self.more_problems += 1;
        }
    }
}

impl std::fmt::Display for Audit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(c) = &self.conservation {
            write!(
                f,
                "sum of balances {} min, {} mismatched accounts, {} negative accounts, {} unbalanced transfers; ",
                c.total, c.mismatched_accounts, c.negative_accounts, c.unbalanced_transfers
            )?;
        }
        write!(
            f,
            "{} requests replayed from {} events",
            self.requests_checked, self.events_replayed
        )?;
        if self.is_clean() {
            write!(f, "; all invariants hold")
        } else {
            write!(
                f,
                "; {} problems: {}",
                self.problems.len() + self.more_problems,
                self.problems.join("; ")
            )
        }
    }
}

/// Runs every check over the whole database.
pub async fn audit(pool: &Reads) -> Result<Audit, StoreError> {
    let mut a = Audit {
        conservation: Some(ledger_store::conservation(pool).await?),
        ..Audit::default()
    };
    let holds: Vec<(String, String, i64, i64, i64)> = sql::query_as(
        "SELECT request_id, status, amount_minutes, posted_minutes, voided_minutes FROM holds",
    )
    .long()
    .fetch_all(pool)
    .await?;
    let mut hold_rows: HashMap<String, (String, i64, i64, i64)> = holds
        .into_iter()
        .map(|(id, s, amount, posted, voided)| (id, (s, amount, posted, voided)))
        .collect();
    let resolutions: Vec<(String, i64)> = sql::query_as(
        "SELECT request_id, COUNT(*) FROM ledger_transfers WHERE kind IN ('post', 'void') \
         AND request_id IS NOT NULL GROUP BY request_id",
    )
    .long()
    .fetch_all(pool)
    .await?;
    let resolutions: HashMap<String, i64> = resolutions.into_iter().collect();

    let ids: Vec<String> = sql::query_scalar("SELECT id FROM requests ORDER BY id")
        .long()
        .fetch_all(pool)
        .await?;
    let mut pending_by_member: HashMap<String, i64> = HashMap::new();
    for id in ids {
        let rid = id
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("request id {id:?}")))?;
        let req = requests_store::get(pool, rid).await?;
        let history = requests_store::history(pool, rid).await?;
        a.requests_checked += 1;
        a.events_replayed += history.len();
        let seqs: Vec<i64> = history.iter().map(|h| h.recorded.seq).collect();
        if seqs != (1..=req.version).collect::<Vec<_>>() {
            a.problem(format!(
                "request {id}: history sequence {seqs:?} is not 1..={}",
                req.version
            ));
        }
        let events: Vec<_> = history.into_iter().map(|h| h.recorded).collect();
        match replay(&events) {
            Ok(replayed) if replayed == req => {}
            Ok(_) => a.problem(format!(
                "request {id}: replaying its history gives a different request"
            )),
            Err(e) => a.problem(format!("request {id}: replay failed: {e}")),
        }
        if let Some(p) = escrow_problem(&req) {
            a.problem(p);
        }
        let resolved = resolutions.get(&id).copied().unwrap_or(0);
        if resolved > 1 {
            a.problem(format!("request {id}: hold resolved {resolved} times"));
        }
        let row = hold_rows.remove(&id);
        let agrees = match (&req.hold.status, &row) {
            (HoldStatus::None, None) => resolved == 0,
            (HoldStatus::Pending, Some((s, amount, 0, 0))) if s == "pending" => {
                *pending_by_member
                    .entry(req.requester.to_string())
                    .or_default() += amount;
                *amount == req.hold.amount.0 && resolved == 0
            }
            (HoldStatus::Posted, Some((s, amount, posted, 0))) if s == "posted" => {
                *amount == req.hold.amount.0 && posted == amount && resolved == 1
            }
            (HoldStatus::Voided, Some((s, amount, 0, voided))) if s == "voided" => {
                *amount == req.hold.amount.0 && voided == amount && resolved == 1
            }
            (HoldStatus::Split { to_provider }, Some((s, amount, posted, voided)))
                if s == "split" =>
            {
                *posted == to_provider.0 && posted + voided == *amount && resolved == 1
            }
            _ => false,
        };
        if !agrees {
            a.problem(format!(
                "request {id}: hold {:?} of {} min, but the hold row is {row:?} and {resolved} resolving transfers",
                req.hold.status, req.hold.amount.0
            ));
        }
    }
    for orphan in hold_rows.keys() {
        a.problem(format!("hold row for unknown request {orphan}"));
    }
    let held: Vec<(String, i64)> =
        sql::query_as("SELECT id, held_minutes FROM ledger_accounts WHERE kind = 'member'")
            .long()
            .fetch_all(pool)
            .await?;
    for (member, held) in held {
        let pending = pending_by_member.get(&member).copied().unwrap_or(0);
        if held != pending {
            a.problem(format!(
                "member {member}: {held} min held but {pending} min in pending holds"
            ));
        }
    }
    for p in counts_problems(pool).await? {
        a.problem(p);
    }
    Ok(a)
}

/// The dashboard's running counts against what they count: requests per state, and
/// history rows per day, transition and event.
async fn counts_problems(pool: &Reads) -> Result<Vec<String>, StoreError> {
    let mut problems = Vec::new();
    let by_state = |sql: &'static str| async move {
        let rows: Vec<(String, i64)> = sql::query_as(sql).long().fetch_all(pool).await?;
        Ok::<_, StoreError>(
            rows.into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
    };
    // The dashboard's own reading of the counts, against the requests themselves.
    let counted: std::collections::BTreeMap<String, i64> =
        super::admin_store::requests_by_state(pool)
            .await?
            .into_iter()
            .collect();
    let actual = by_state("SELECT state, COUNT(*) FROM requests GROUP BY state").await?;
    if counted != actual {
        problems.push(format!(
            "requests per state: counted {counted:?}, stored {actual:?}"
        ));
    }
    type Key = (i64, String, String, String);
    let transitions = |sql: &'static str| async move {
        let rows: Vec<(i64, String, String, String, i64)> =
            sql::query_as(sql).long().fetch_all(pool).await?;
        Ok::<_, StoreError>(
            rows.into_iter()
                .map(|(d, f, t, e, n)| ((d, f, t, e), n))
                .collect::<std::collections::BTreeMap<Key, i64>>(),
        )
    };
    let counted = transitions(
        "SELECT day_number, from_state, to_state, event, CAST(SUM(transitions) AS BIGINT) \
         FROM transition_counts GROUP BY day_number, from_state, to_state, event",
    )
    .await?;
    let actual = transitions(
        "SELECT at_ms / 86400000, COALESCE(from_state, ''), to_state, event, COUNT(*) \
         FROM request_events GROUP BY at_ms / 86400000, COALESCE(from_state, ''), to_state, event",
    )
    .await?;
    if counted != actual {
        let differing = counted
            .iter()
            .filter(|(k, n)| actual.get(*k) != Some(n))
            .count()
            + actual.keys().filter(|k| !counted.contains_key(*k)).count();
        problems.push(format!(
            "history rows per day and transition: {differing} counts differ from the history"
        ));
    }
    Ok(problems)
}

/// A closed request has no escrow left (paid, refunded or split, or never held); an open
/// one past validation holds its cost.
pub fn escrow_problem(req: &Request) -> Option<String> {
    if req.state.is_terminal() {
        (req.hold.status == HoldStatus::Pending).then(|| {
            format!(
                "request {} is {:?} with hours still held",
                req.id, req.state
            )
        })
    } else if holds_escrow(req.state) {
        (req.hold.status != HoldStatus::Pending)
            .then(|| format!("open request {} does not hold its cost", req.id))
    } else {
        None
    }
}
