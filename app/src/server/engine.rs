//! Running the lifecycle against the database. Each call is ONE transaction: load the
//! request with its version, run the pure transition, write the new state only if the
//! version is unchanged (a lost race changes nothing), apply every effect (ledger, hold,
//! dispute), run the system's automatic steps, then write the final row once and every
//! history row and notification in one INSERT each. All or nothing. Transient database errors are retried (3 attempts,
//! backoff ×2), as the design's retry block does.

use crate::domain::ledger::reasons;
use crate::server::group_commit::WriteTx;
use std::future::Future;
use std::time::Duration;

use super::db::Backend;
use super::ledger_store::{self, TransferMeta};
use super::requests_store::{self as store, PendingWrites};
use super::{members_store, Clock, Db, StoreError};
use crate::domain::ids::{RequestId, ServiceId};
use crate::domain::ledger::{Account, BalancedTransfer, Bucket, Leg, TransferKind};
use crate::domain::{MemberId, Minutes, Timestamp};
use crate::lifecycle::checks::{validate, Asked};
use crate::lifecycle::definition::paying_deadlines;
use crate::lifecycle::machine::{automatic_step, create, rating, role_of, transition, Recipient};
use crate::lifecycle::request::Party;
use crate::lifecycle::rules::HOUR_MS;
use crate::lifecycle::{
    Actor, Effect, Event, NewRequest, Notice, Rejection, Request, Rules, State, Terms,
};

pub const MAX_ATTEMPTS: u32 = 3;
pub const FIRST_BACKOFF: Duration = Duration::from_millis(25);

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The lifecycle refused the action; nothing changed.
    #[error("{0}")]
    Rejected(Rejection),
    /// Someone else changed the request first; nothing changed.
    #[error("This request changed; reload it and try again.")]
    Conflict,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for EngineError {
    fn from(e: sqlx::Error) -> Self {
        EngineError::Store(StoreError::Db(e))
    }
}

impl EngineError {
    fn is_transient(&self) -> bool {
        matches!(self, EngineError::Store(e) if e.is_transient())
    }
}

/// Runs `attempt` until it succeeds, fails for good, or has failed transiently
/// `MAX_ATTEMPTS` times.
pub async fn with_retry<T, F, Fut>(mut attempt: F) -> Result<T, EngineError>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, EngineError>>,
{
    let mut backoff = FIRST_BACKOFF;
    let mut n = 1;
    loop {
        match attempt(n).await {
            Err(e) if e.is_transient() && n < MAX_ATTEMPTS => {
                tracing::warn!(attempt = n, error = %e, "transient database error; retrying");
                tokio::time::sleep(backoff).await;
                backoff *= 2;
                n += 1;
            }
            other => return other,
        }
    }
}

/// One transition inside the caller's transaction: the pure step, the claim on the row
/// (first transition only), its effects, and its history row queued in `w`. A refusal or
/// a lost race returns before anything is written.
async fn step(
    tx: &mut WriteTx,
    w: &mut PendingWrites,
    req: &Request,
    event: &Event,
    actor: &Actor,
    now: Timestamp,
) -> Result<Request, EngineError> {
    let (next, effects) = transition(req, event, actor, now).map_err(EngineError::Rejected)?;
    if !w.claim(tx, &next, req.version).await? {
        return Err(EngineError::Conflict);
    }
    w.event(Some(req.state), &next, event, actor, now)?;
    apply_effects(tx, w, req, &next, &effects, actor, now).await?;
    // Counted when written; a rollback after this point is counted again as an error below.
    metrics::counter!("hourbank_transitions_total", "event" => event.kind().as_str(), "outcome" => "ok").increment(1);
    Ok(next)
}

/// Counts an action that did not go through, by event and why.
fn count_failure<T>(event: &Event, result: &Result<T, EngineError>) {
    let outcome = match result {
        Ok(_) => return,
        Err(EngineError::Rejected(_)) => "refused",
        Err(EngineError::Conflict) => "conflict",
        Err(EngineError::Store(StoreError::InsufficientHours)) => "insufficient_hours",
        Err(EngineError::Store(_)) => "error",
    };
    metrics::counter!("hourbank_transitions_total", "event" => event.kind().as_str(), "outcome" => outcome).increment(1);
}

/// The system's own steps (hold → notify provider, completion → payment) in the same transaction.
async fn run_automatic(
    tx: &mut WriteTx,
    w: &mut PendingWrites,
    mut req: Request,
    now: Timestamp,
) -> Result<Request, EngineError> {
    while let Some(event) = automatic_step(&req) {
        req = step(tx, w, &req, &event, &Actor::System, now).await?;
    }
    Ok(req)
}

pub(super) fn meta(req: &Request, reason: &str, actor: &Actor) -> TransferMeta {
    TransferMeta {
        reason: reason.to_owned(),
        request_id: Some(req.id.to_string()),
        actor_id: actor.member_id().map(|m| m.to_string()),
    }
}

pub(super) fn payee(req: &Request) -> Result<MemberId, EngineError> {
    req.provider
        .ok_or_else(|| EngineError::Rejected(Rejection::Inconsistent("no provider".into())))
}

/// What an effect that resolves the pending hold does to the books: the hold's new
/// status and how it is split, and the balanced transfer with its reason. `None` for
/// every other effect. The one place these are decided, for single actions and for the
/// sweeper's batches alike.
pub(crate) struct Resolution {
    pub status: &'static str,
    pub posted: Minutes,
    pub voided: Minutes,
    pub transfer: BalancedTransfer,
    pub reason: &'static str,
}

pub(crate) fn resolution(effect: &Effect) -> Result<Option<Resolution>, StoreError> {
    Ok(Some(match effect {
        Effect::Post {
            payer,
            payee,
            amount,
        } => Resolution {
            status: "posted",
            posted: *amount,
            voided: Minutes::ZERO,
            transfer: BalancedTransfer::post(*payer, *payee, *amount)?,
            reason: reasons::PAYMENT,
        },
        Effect::Void { payer, amount } => Resolution {
            status: "voided",
            posted: Minutes::ZERO,
            voided: *amount,
            transfer: BalancedTransfer::void(*payer, *amount)?,
            reason: reasons::REFUND,
        },
        Effect::Split {
            payer,
            payee,
            to_payee,
            to_payer,
        } => Resolution {
            status: "split",
            posted: *to_payee,
            voided: *to_payer,
            transfer: BalancedTransfer::new(
                TransferKind::Post,
                vec![
                    Leg {
                        account: Account::Member(*payer),
                        bucket: Bucket::Held,
                        amount: Minutes(-(to_payee.0 + to_payer.0)),
                    },
                    Leg {
                        account: Account::Member(*payee),
                        bucket: Bucket::Available,
                        amount: *to_payee,
                    },
                    Leg {
                        account: Account::Member(*payer),
                        bucket: Bucket::Available,
                        amount: *to_payer,
                    },
                ],
            )?,
            reason: reasons::DISPUTE_SPLIT,
        },
        Effect::Hold { .. }
        | Effect::AdjustHold { .. }
        | Effect::Notify { .. }
        | Effect::OpenDispute { .. }
        | Effect::CloseDispute { .. } => return Ok(None),
    }))
}

async fn apply_effects(
    tx: &mut WriteTx,
    w: &mut PendingWrites,
    prev: &Request,
    next: &Request,
    effects: &[Effect],
    actor: &Actor,
    now: Timestamp,
) -> Result<(), EngineError> {
    for effect in effects {
        match effect {
            Effect::Hold { payer, amount } => {
                let t = BalancedTransfer::hold(*payer, *amount).map_err(StoreError::from)?;
                ledger_store::apply(tx, &t, meta(next, reasons::ESCROW_HOLD, actor), now).await?;
                store::insert_hold(tx, next, *amount, now).await?;
            }
            Effect::AdjustHold { payer, from, to } => {
                store::adjust_hold(tx, next.id, *from, *to).await?;
                let delta = to.0 - from.0;
                let acct = Account::Member(*payer);
                let t = BalancedTransfer::new(
                    TransferKind::Adjust,
                    vec![
                        Leg {
                            account: acct,
                            bucket: Bucket::Available,
                            amount: Minutes(-delta),
                        },
                        Leg {
                            account: acct,
                            bucket: Bucket::Held,
                            amount: Minutes(delta),
                        },
                    ],
                )
                .map_err(StoreError::from)?;
                ledger_store::apply(tx, &t, meta(next, reasons::HOLD_ADJUSTED, actor), now).await?;
            }
            Effect::Post { .. } | Effect::Void { .. } | Effect::Split { .. } => {
                let r = resolution(effect)?.ok_or_else(|| {
                    StoreError::Corrupt("a hold-resolving effect without its resolution".into())
                })?;
                store::resolve_hold(tx, next.id, r.status, r.posted, r.voided, now).await?;
                ledger_store::apply(tx, &r.transfer, meta(next, r.reason, actor), now).await?;
            }
            Effect::Notify { to, notice } => {
                let recipients = match to {
                    Recipient::Requester => vec![next.requester],
                    Recipient::Provider => vec![payee(next)?],
                    Recipient::Admins => store::active_admins(tx).await?,
                };
                for member in recipients {
                    w.notify(member, next, notice, now)?;
                }
            }
            Effect::OpenDispute { raised_by, reason } => {
                store::open_dispute(tx, next, *raised_by, reason, prev.state, now).await?;
            }
            Effect::CloseDispute { outcome, note } => {
                store::close_dispute(tx, next.id, *outcome, actor.member_id(), note, now).await?;
            }
        }
    }
    Ok(())
}

/// A member or admin acts on a request. `expected_version` is the version the actor saw:
/// if the request has moved on since, the action is refused with [`EngineError::Conflict`].
pub async fn act(
    db: &Db,
    clock: &Clock,
    id: RequestId,
    expected_version: Option<i64>,
    event: &Event,
    actor: &Actor,
) -> Result<Request, EngineError> {
    act_telling(db, clock, id, expected_version, event, actor)
        .await
        .map(|(req, _)| req)
}

/// [`act`], and everyone the transaction notified (admins too, for a dispute).
pub async fn act_telling(
    db: &Db,
    clock: &Clock,
    id: RequestId,
    expected_version: Option<i64>,
    event: &Event,
    actor: &Actor,
) -> Result<(Request, Vec<MemberId>), EngineError> {
    let result = with_retry(|_| async {
        let mut tx = db.begin_write().await?;
        let req = store::load(&mut tx, id).await?;
        // Who may act comes before whether they saw the latest version: a stranger is
        // told "no such request" whatever version they send, never "it changed".
        role_of(&req, actor).map_err(EngineError::Rejected)?;
        if expected_version.is_some_and(|v| v != req.version) {
            return Err(EngineError::Conflict);
        }
        let now = clock.now();
        let mut w = PendingWrites::for_db(db);
        let next = step(&mut tx, &mut w, &req, event, actor, now).await?;
        let next = run_automatic(&mut tx, &mut w, next, now).await?;
        let told = w.notified().to_vec();
        w.finish(&mut tx, &next).await?;
        tx.commit().await?;
        Ok((next, told))
    })
    .await;
    count_failure(event, &result);
    result
}

/// Submits a request: INITIATED → VALIDATING → (ESCROWED → AWAITING_RESPONSE | REJECTED),
/// every step recorded, all in one transaction.
pub async fn submit(
    db: &Db,
    clock: &Clock,
    rules: &Rules,
    requester: MemberId,
    service_id: ServiceId,
    terms: &Terms,
) -> Result<Request, EngineError> {
    // The facts and the hold share a transaction, but on PostgreSQL another transaction can
    // spend the requester's hours in between: the guarded hold then fails. That is no
    // transient database error, so it is not the retry loop's business: submit again, and
    // the fresh facts record the request as REJECTED with the real balance.
    let mut attempt = 1;
    loop {
        match with_retry(|_| submit_once(db, clock, rules, requester, service_id, terms)).await {
            Err(EngineError::Store(StoreError::InsufficientHours)) if attempt < MAX_ATTEMPTS => {
                attempt += 1
            }
            other => return other,
        }
    }
}

/// One attempt of [`submit`], in one transaction.
async fn submit_once(
    db: &Db,
    clock: &Clock,
    rules: &Rules,
    requester: MemberId,
    service_id: ServiceId,
    terms: &Terms,
) -> Result<Request, EngineError> {
    let mut tx = db.begin_write().await?;
    let now = clock.now();
    let service = store::service_for_request(&mut tx, service_id).await?;
    let new = NewRequest {
        id: RequestId::generate(),
        service_id,
        requester,
        provider: service.as_ref().map(|s| s.provider),
        terms: terms.clone(),
        response_window_ms: service
            .as_ref()
            .map(|s| s.response_window_hours * HOUR_MS)
            .unwrap_or(0),
    };
    let (req, _) = create(&new, rules, now);
    // The row exists from the start (the hold refers to it); it is written once more at the end.
    store::insert(&mut tx, &req).await?;
    let inserted_version = req.version;
    let submit = Event::Submit {
        request: new,
        rules: rules.clone(),
    };
    let mut w = PendingWrites::for_db(db);
    w.inserted(inserted_version);
    w.event(None, &req, &submit, &Actor::Member(requester), now)?;
    let req = run_automatic(&mut tx, &mut w, req, now).await?; // → VALIDATING
    let facts = store::validation_facts(&mut tx, &req, service.as_ref()).await?;
    let asked = Asked {
        requester: req.requester,
        provider: req.provider,
        terms: &req.terms,
        at: now,
    };
    let checked = match validate(asked, &facts, rules) {
        Ok(()) => Event::ChecksPassed,
        Err(reason) => Event::ChecksFailed { reason },
    };
    let req = step(&mut tx, &mut w, &req, &checked, &Actor::System, now).await?;
    let req = run_automatic(&mut tx, &mut w, req, now).await?;
    w.finish(&mut tx, &req).await?;
    tx.commit().await?;
    Ok(req)
}

/// Fires a request's due deadline (the sweeper's call). Refusals mean the state moved on.
pub async fn fire_deadline(
    db: &Db,
    clock: &Clock,
    id: RequestId,
    due: Timestamp,
) -> Result<Request, EngineError> {
    act(db, clock, id, None, &Event::Deadline { due }, &Actor::Timer).await
}

/// Fires a batch of due deadlines in ONE transaction (the sweeper's fast path), set-based:
/// the requests are loaded in one query, run through the pure transitions, and written a
/// table at a time ([`super::sweep_batch`]). Results come back in `due`'s order. A
/// deadline that no longer applies (the request moved on: a refusal or a version
/// conflict, both found before anything is written for it) is reported and skipped; any
/// other failure rolls the whole batch back and is returned, and the caller fires that
/// batch one deadline at a time to find the culprit.
pub async fn fire_deadlines(
    db: &Db,
    clock: &Clock,
    due: &[(RequestId, Timestamp)],
) -> Result<Vec<(RequestId, Result<Request, EngineError>)>, EngineError> {
    use super::sweep_batch::{self, Plan};
    with_retry(|_| async {
        let mut tx = db.begin_write().await?;
        let ids: Vec<RequestId> = due.iter().map(|(id, _)| *id).collect();
        let ids = match db.backend {
            // The providers' accounts are locked only where a firing pays them.
            Backend::Postgres => {
                let paying: Vec<State> = paying_deadlines().collect();
                store::lock_with_parties(&mut tx, &ids, store::LockWait::SkipLocked, &paying)
                    .await?
            }
            Backend::Sqlite => ids,
        };
        let now = clock.now();
        let mut loaded: std::collections::HashMap<RequestId, Request> =
            store::load_many(&mut tx, &ids)
                .await?
                .into_iter()
                .map(|r| (r.id, r))
                .collect();
        let mut out: Vec<Option<Result<Request, EngineError>>> = due.iter().map(|_| None).collect();
        let (mut batch, mut alone) = (Vec::new(), Vec::new());
        for (i, (id, at)) in due.iter().enumerate() {
            let Some(req) = loaded.remove(id) else {
                out[i] = Some(Err(if ids.contains(id) {
                    EngineError::Store(StoreError::NotFound("request"))
                } else {
                    // Someone is changing it right now: it is theirs; the next sweep looks again.
                    EngineError::Conflict
                }));
                continue;
            };
            match sweep_batch::plan(&req, *at, now) {
                Ok(Plan::Batch(p)) => batch.push((i, p)),
                Ok(Plan::Alone) => alone.push((i, req, *at)),
                // Refused by the transition: the deadline no longer applies (or the
                // request is inconsistent, which the sweeper flags); nothing is written.
                Err(r) => out[i] = Some(Err(EngineError::Rejected(r))),
            }
        }
        let positions: Vec<usize> = batch.iter().map(|(i, _)| *i).collect();
        let written = sweep_batch::write(
            &mut tx,
            db,
            batch.into_iter().map(|(i, p)| (due[i].0, p)).collect(),
            now,
        )
        .await?;
        for (i, (_, result)) in positions.into_iter().zip(written) {
            out[i] = Some(result);
        }
        for (i, req, at) in alone {
            let event = Event::Deadline { due: at };
            let mut w = PendingWrites::for_db(db);
            out[i] = Some(
                match step(&mut tx, &mut w, &req, &event, &Actor::Timer, now).await {
                    Ok(next) => {
                        let next = run_automatic(&mut tx, &mut w, next, now).await?;
                        w.finish(&mut tx, &next).await?;
                        Ok(next)
                    }
                    // Refused by the transition, or a lost race: nothing was written for this one.
                    Err(e @ EngineError::Conflict) => Err(e),
                    Err(EngineError::Rejected(r)) => Err(EngineError::Rejected(r)),
                    Err(e) => return Err(e),
                },
            );
        }
        tx.commit().await?;
        Ok(due
            .iter()
            .zip(out)
            .map(|((id, _), r)| (*id, r.unwrap_or(Err(EngineError::Conflict))))
            .collect())
    })
    .await
}

/// Deactivates a member and, in the same transaction, cancels their non-terminal,
/// undisputed requests (voiding each hold). Returns whether the member was active, and
/// the requests it cancelled.
pub async fn deactivate_member(
    db: &Db,
    clock: &Clock,
    admin: MemberId,
    member: MemberId,
) -> Result<(bool, Vec<Request>), EngineError> {
    with_retry(|_| async {
        let mut tx = db.begin_write().await?;
        let now = clock.now();
        let changed = members_store::set_active(&mut tx, member, false, now).await?;
        let mut ids = store::cancellable_for_member(&mut tx, member).await?;
        if db.backend == Backend::Postgres {
            // Requests, then accounts, each in ascending order (the ledger's lock order);
            // then the list again, as some may have moved on while we waited.
            // Cancelling refunds the requester; no provider is paid.
            store::lock_with_parties(&mut tx, &ids, store::LockWait::Wait, &[]).await?;
            ids = store::cancellable_for_member(&mut tx, member).await?;
        }
        let mut cancelled = Vec::with_capacity(ids.len());
        for id in &ids {
            let req = store::load(&mut tx, *id).await?;
            let mut w = PendingWrites::for_db(db);
            let next = step(
                &mut tx,
                &mut w,
                &req,
                &Event::MemberDeactivated { member },
                &Actor::Admin(admin),
                now,
            )
            .await?;
            w.finish(&mut tx, &next).await?;
            cancelled.push(next);
        }
        tx.commit().await?;
        Ok((changed, cancelled))
    })
    .await
}

/// A party rates the other once, after payment. Returns who was rated.
pub async fn rate(
    db: &Db,
    clock: &Clock,
    id: RequestId,
    member: MemberId,
    stars: i64,
    comment: &str,
) -> Result<MemberId, EngineError> {
    with_retry(|_| async {
        let mut tx = db.begin_write().await?;
        let req = store::load(&mut tx, id).await?;
        let (party, comment) =
            rating(&req, member, stars, comment).map_err(EngineError::Rejected)?;
        let ratee = match party {
            Party::Requester => payee(&req)?,
            Party::Provider => req.requester,
        };
        let now = clock.now();
        store::insert_rating(&mut tx, id, member, ratee, stars, &comment, now).await?;
        store::notify(
            &mut tx,
            db.outbox,
            ratee,
            &req,
            &Notice::Rated { stars },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ratee)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn busy() -> EngineError {
        EngineError::Store(StoreError::Db(sqlx::Error::PoolTimedOut))
    }

    #[tokio::test(start_paused = true)]
    async fn transient_errors_are_retried_three_times_with_doubling_backoff() {
        let calls = AtomicU32::new(0);
        let started = tokio::time::Instant::now();
        let r: Result<(), _> = with_retry(|_| async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(busy())
        })
        .await;
        assert!(r.is_err());
        assert_eq!(calls.load(Ordering::SeqCst), MAX_ATTEMPTS);
        // 25 ms + 50 ms of backoff between the three attempts.
        assert_eq!(started.elapsed(), FIRST_BACKOFF * 3);
    }

    #[tokio::test(start_paused = true)]
    async fn a_transient_error_then_success_succeeds_and_refusals_are_not_retried() {
        let calls = AtomicU32::new(0);
        let r = with_retry(|n| async move {
            if n < 2 {
                Err(busy())
            } else {
                Ok(n)
            }
        })
        .await;
        assert_eq!(r.unwrap(), 2);
        let r: Result<(), _> = with_retry(|_| async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(EngineError::Conflict)
        })
        .await;
        assert!(matches!(r, Err(EngineError::Conflict)));
        assert_eq!(
            calls.load(Ordering::SeqCst),
            1,
            "a lost race is final: the member must reload"
        );
    }
}
