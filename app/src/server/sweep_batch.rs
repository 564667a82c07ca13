//! The sweeper's batches, set-based. A batch of due deadlines is run through the pure
//! transitions in Rust ([`plan`]: the deadline's own, then the system's automatic steps
//! after it) and written with a few multi-row statements per table ([`write`]): the
//! request rows (version-checked, so a request that moved on, or that another server
//! fired first, is written nothing), their history, the holds they resolve, the ledger's
//! transfers, entries and balances, and the notifications — about ten statements for
//! 500 firings instead of about six per firing.

use super::engine::{meta, payee, resolution, EngineError};
use super::ledger_store::{self, TransferMeta};
use super::requests_store::{self as store, HoldResolution, PendingWrites};
use super::{Db, StoreError};
use crate::domain::ids::RequestId;
use crate::domain::ledger::BalancedTransfer;
use crate::domain::{MemberId, Timestamp};
use crate::lifecycle::machine::{automatic_step, transition, Recipient};
use crate::lifecycle::{Actor, Effect, Event, Rejection, Request, State};
use crate::server::group_commit::WriteTx;

/// One transition of a planned firing.
#[derive(Clone, Debug)]
pub struct PlannedStep {
    pub from: State,
    pub next: Request,
    pub event: Event,
    pub actor: Actor,
    pub effects: Vec<Effect>,
}

/// A firing worked out in memory: the version it was planned from and every step.
#[derive(Clone, Debug)]
pub struct Planned {
    pub loaded_version: i64,
    pub steps: Vec<PlannedStep>,
}

impl Planned {
    /// The request as the firing leaves it.
    pub fn last(&self) -> Option<&Request> {
        self.steps.last().map(|s| &s.next)
    }
}

/// How a firing is written.
#[derive(Clone, Debug)]
pub enum Plan {
    /// With the rest of the batch.
    Batch(Planned),
    /// On its own, through the engine's single path: one of its effects is not one a
    /// batch writes (today's definition fires none such from a deadline).
    Alone,
}

/// Whether a batch writes this effect (the rest go through the engine's single path).
fn batchable(effect: &Effect) -> bool {
    match effect {
        Effect::Post { .. }
        | Effect::Void { .. }
        | Effect::Split { .. }
        | Effect::Notify { .. } => true,
        Effect::Hold { .. }
        | Effect::AdjustHold { .. }
        | Effect::OpenDispute { .. }
        | Effect::CloseDispute { .. } => false,
    }
}

/// The pure part of firing `req`'s deadline that fell due at `due`: its transition and the
/// system's automatic steps after it. No I/O.
pub fn plan(req: &Request, due: Timestamp, now: Timestamp) -> Result<Plan, Rejection> {
    let mut steps = Vec::new();
    let mut current = req.clone();
    let mut event = Event::Deadline { due };
    let mut actor = Actor::Timer;
    loop {
        let (next, effects) = transition(&current, &event, &actor, now)?;
        if !effects.iter().all(batchable) {
            return Ok(Plan::Alone);
        }
        steps.push(PlannedStep {
            from: current.state,
            next: next.clone(),
            event,
            actor,
            effects,
        });
        current = next;
        match automatic_step(&current) {
            Some(e) => {
                event = e;
                actor = Actor::System;
            }
            None => break,
        }
    }
    Ok(Plan::Batch(Planned {
        loaded_version: req.version,
        steps,
    }))
}

/// Writes `planned` firings in the caller's transaction. Each is written only if its
/// request still has the version it was planned from; the others come back as
/// [`EngineError::Conflict`] with nothing written. Any other failure (a hold no longer
/// pending, a balance that would go below zero) fails the whole batch: the caller rolls
/// back and fires its deadlines one by one.
pub async fn write(
    tx: &mut WriteTx,
    db: &Db,
    planned: Vec<(RequestId, Planned)>,
    now: Timestamp,
) -> Result<Vec<(RequestId, Result<Request, EngineError>)>, EngineError> {
    let claims: Vec<(&Request, i64)> = planned
        .iter()
        .filter_map(|(_, p)| p.last().map(|last| (last, p.loaded_version)))
        .collect();
    let won = store::update_many(tx, &claims).await?;
    let won: std::collections::HashSet<RequestId> = won.into_iter().collect();

    let mut w = PendingWrites::for_db(db);
    let mut holds: Vec<HoldResolution<'static>> = Vec::new();
    let mut transfers: Vec<(BalancedTransfer, TransferMeta)> = Vec::new();
    let mut admins: Option<Vec<MemberId>> = None;
    let mut out = Vec::with_capacity(planned.len());
    for (id, p) in planned {
        let Some(last) = p.last().cloned() else {
            out.push((id, Err(EngineError::Conflict)));
            continue;
        };
        if !won.contains(&id) {
            out.push((id, Err(EngineError::Conflict)));
            continue;
        }
        for step in &p.steps {
            w.event(Some(step.from), &step.next, &step.event, &step.actor, now)?;
            for effect in &step.effects {
                match effect {
                    Effect::Post { .. } | Effect::Void { .. } | Effect::Split { .. } => {
                        let r = resolution(effect)?.ok_or_else(|| {
                            StoreError::Corrupt(
                                "a hold-resolving effect without its resolution".into(),
                            )
                        })?;
                        holds.push(HoldResolution {
                            request: id,
                            status: r.status,
                            posted: r.posted,
                            voided: r.voided,
                        });
                        transfers.push((r.transfer, meta(&step.next, r.reason, &step.actor)));
                    }
                    Effect::Notify { to, notice } => {
                        let recipients = match to {
                            Recipient::Requester => vec![step.next.requester],
                            Recipient::Provider => vec![payee(&step.next)?],
                            Recipient::Admins => match &admins {
                                Some(a) => a.clone(),
                                None => {
                                    let a = store::active_admins(tx).await?;
                                    admins = Some(a.clone());
                                    a
                                }
                            },
                        };
                        for member in recipients {
                            w.notify(member, &step.next, notice, now)?;
                        }
                    }
                    // `plan` sends firings with these through the engine's single path.
                    Effect::Hold { .. }
                    | Effect::AdjustHold { .. }
                    | Effect::OpenDispute { .. }
                    | Effect::CloseDispute { .. } => {
                        return Err(EngineError::Store(StoreError::Corrupt(format!(
                            "a batch was asked to write {effect:?}"
                        ))))
                    }
                }
            }
            metrics::counter!("hourbank_transitions_total", "event" => step.event.kind().as_str(), "outcome" => "ok").increment(1);
        }
        out.push((id, Ok(last)));
    }
    store::resolve_holds(tx, &holds, now).await?;
    ledger_store::apply_many(tx, &transfers, now).await?;
    w.flush(tx).await?;
    Ok(out)
}
