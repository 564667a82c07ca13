//! Durable timers: deadlines live in `requests.deadline_at_ms`; the sweeper reads the due
//! ones and fires each through the same transition path as a member's action. Several
//! server processes may sweep one database: the version check lets exactly one firing
//! of a deadline commit; the others see a conflict or a stale deadline and move on.

use std::time::Duration;

use super::db::Backend;
use super::engine::{self, EngineError};
use super::notifications_store::{self, Note};
use super::{alarms, requests_store};
use super::{Clock, Db, Live, StoreError};
use crate::domain::ids::RequestId;
use crate::domain::{MemberId, Timestamp};
use crate::lifecycle::machine::reminders;
use crate::lifecycle::{Notice, Rejection, Request};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Deadlines this sweep fired.
    pub fired: usize,
    /// Deadlines that no longer applied (the state moved on, or another process fired them).
    pub stale: usize,
    /// Requests whose timer transition kept failing: now flagged as needing attention.
    pub failed: usize,
}

/// Fires every deadline due now, at most `batch` at a time, until none is left.
pub async fn sweep_once(db: &Db, clock: &Clock, batch: i64) -> Result<SweepReport, StoreError> {
    sweep_once_live(db, clock, batch, None).await
}

/// Deadlines fired per transaction: one commit for many firings.
pub const FIRINGS_PER_TRANSACTION: usize = 500;

/// [`sweep_once`], telling `live` whose requests moved. Each batch of due deadlines is
/// cut into transactions of [`FIRINGS_PER_TRANSACTION`]; on PostgreSQL up to four run at
/// once (SQLite has one writer, so there they run one after another).
pub async fn sweep_once_live(
    db: &Db,
    clock: &Clock,
    batch: i64,
    live: Option<&Live>,
) -> Result<SweepReport, StoreError> {
    let parallel = match db.backend {
        Backend::Postgres => 4,
        Backend::Sqlite => 1,
    };
    let mut report = SweepReport::default();
    loop {
        let due = requests_store::due(&db.read, clock.now(), batch).await?;
        if due.is_empty() {
            return Ok(report);
        }
        let mut fired_any = false;
        for wave in due.chunks(FIRINGS_PER_TRANSACTION * parallel) {
            // Concurrent transactions get disjoint payers, so they seldom wait on the same
            // accounts (payees may be shared; each batch locks its accounts in ascending
            // order first, so waiting never becomes a deadlock).
            let mut lanes: Vec<Vec<(RequestId, Timestamp)>> = vec![Vec::new(); parallel];
            for d in wave {
                lanes[lane(&d.requester, parallel)].push((d.id, d.deadline));
            }
            let results = futures::future::join_all(lanes.iter().map(|lane| async move {
                let mut out = Vec::with_capacity(lane.len());
                for chunk in lane.chunks(FIRINGS_PER_TRANSACTION) {
                    out.extend(fire_chunk(db, clock, chunk).await);
                }
                out
            }))
            .await;
            for result in results {
                for (id, outcome) in result {
                    match outcome {
                        Ok(req) => {
                            if let Some(live) = live {
                                live.changed([req.requester].into_iter().chain(req.provider));
                            }
                            report.fired += 1;
                            fired_any = true;
                        }
                        // The request moved on (another process fired it, a member acted, it
                        // closed): the deadline no longer applies.
                        Err(EngineError::Conflict) => report.stale += 1,
                        Err(EngineError::Rejected(r))
                            if !matches!(r, Rejection::Inconsistent(_)) =>
                        {
                            report.stale += 1
                        }
                        Err(e) => {
                            tracing::error!(request = %id, error = %e, "timer transition failed; flagged for an admin");
                            let error = e.to_string();
                            let mut tx = db.begin_write().await?;
                            requests_store::mark_attention(&mut tx, id, &error).await?;
                            tx.commit().await?;
                            let version = requests_store::get(&db.read, id)
                                .await
                                .map(|r| r.version)
                                .ok();
                            let admins = alarms::raise(
                                db,
                                clock.now(),
                                &alarms::timer_key(id),
                                Notice::TimerFailing { error },
                                version.map(|v| (id, v)),
                            )
                            .await?;
                            if let Some(live) = live {
                                live.changed(admins);
                            }
                            report.failed += 1;
                            fired_any = true;
                        }
                    }
                }
            }
        }
        // A short batch was everything that was due; a full batch of only stale rows is
        // another process's work: stop rather than spin.
        if (due.len() as i64) < batch || !fired_any {
            return Ok(report);
        }
    }
}

/// Which of `lanes` a payer's deadlines go to.
fn lane(payer: &MemberId, lanes: usize) -> usize {
    payer
        .to_string()
        .bytes()
        .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
        % lanes.max(1)
}

/// Fires one chunk in one transaction; if that fails, fires its deadlines one by one so
/// that only the one that really fails is flagged.
async fn fire_chunk(
    db: &Db,
    clock: &Clock,
    chunk: &[(RequestId, Timestamp)],
) -> Vec<(RequestId, Result<Request, EngineError>)> {
    let results = match engine::fire_deadlines(db, clock, chunk).await {
        Ok(results) => results,
        Err(e) => {
            tracing::warn!(error = %e, deadlines = chunk.len(), "batch of timers failed; firing them one by one");
            let mut one_by_one = Vec::with_capacity(chunk.len());
            for (id, deadline) in chunk {
                one_by_one.push((*id, engine::fire_deadline(db, clock, *id, *deadline).await));
            }
            one_by_one
        }
    };
    let now = clock.now();
    for ((_, deadline), (_, outcome)) in chunk.iter().zip(&results) {
        if outcome.is_ok() {
            let lag_ms = (now.0 - deadline.0).max(0);
            metrics::histogram!("hourbank_timer_lag_seconds").record(lag_ms as f64 / 1000.0);
        }
    }
    results
}

/// Due deadlines read at a time: a transaction's worth per lane on PostgreSQL.
pub const DUE_PER_READ: i64 = 4 * FIRINGS_PER_TRANSACTION as i64;

/// Reminders claimed per transaction.
pub const REMINDERS_PER_TRANSACTION: usize = 100;

/// Sends every reminder due now, once each: the party a request waits for is told in the
/// app (and by e-mail) before the timer acts. A reminder is claimed with the request's
/// version, so one that moved on since is not reminded of, and with several servers
/// only one sends it. Returns how many it sent.
pub async fn remind_once(db: &Db, clock: &Clock, live: Option<&Live>) -> Result<usize, StoreError> {
    let now = clock.now();
    let mut due = requests_store::reminders_due(&db.read, now, 500).await?;
    // The order every transaction takes requests in: no deadlock with a sweeper batch.
    due.sort_by_key(|(id, _)| id.to_string());
    let mut sent = 0;
    for chunk in due.chunks(REMINDERS_PER_TRANSACTION) {
        let mut tx = db.begin_write().await?;
        let mut notes = Vec::new();
        for (id, version) in chunk {
            if !requests_store::take_reminder(&mut tx, *id, *version, now).await? {
                continue;
            }
            let req = requests_store::load(&mut tx, *id).await?;
            notes.extend(reminders(&req).into_iter().map(|(member, notice)| Note {
                member,
                request: Some((req.id, req.version)),
                notice,
                at: now,
            }));
        }
        notifications_store::insert(&mut tx, db.outbox, &notes).await?;
        tx.commit().await?;
        sent += notes.len();
        metrics::counter!("hourbank_reminders_total").increment(notes.len() as u64);
        if let Some(live) = live {
            live.changed(notes.iter().map(|n| n.member));
        }
    }
    Ok(sent)
}

/// One round of the timers: every due deadline fired, then every due reminder sent.
pub async fn tick(
    db: &Db,
    clock: &Clock,
    live: Option<&Live>,
) -> Result<(SweepReport, usize), StoreError> {
    let report = sweep_once_live(db, clock, DUE_PER_READ, live).await?;
    let reminded = remind_once(db, clock, live).await?;
    Ok((report, reminded))
}

/// Sweeps every `interval` until the process ends.
pub fn spawn(db: Db, clock: Clock, live: Live, interval: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match tick(&db, &clock, Some(&live)).await {
                Ok((r, reminded)) if r.fired + r.failed + reminded > 0 => {
                    tracing::info!(
                        fired = r.fired,
                        stale = r.stale,
                        failed = r.failed,
                        reminded,
                        "sweep"
                    )
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "sweep failed"),
            }
            tokio::time::sleep(interval).await;
        }
    })
}
