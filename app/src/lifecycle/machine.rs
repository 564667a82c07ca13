//! The lifecycle's transition function: pure, no I/O, compiled for the server and the
//! browser alike. It looks the (state, event, actor) up in the definition's
//! [`TABLE`](super::definition::TABLE), checks the dynamic guards (whose turn, round
//! limit, deadline due), and returns the new request with the effects the store must
//! apply in the same transaction. What the row declares — the target, what happens to
//! the hold, who is told — and the deadline the target state arms are applied the same
//! way for every row; each event adds only its own data (terms, reasons, times).

use serde::{Deserialize, Serialize};

use super::checks::ValidationFailure;
use super::definition::{
    awaits_start, find_row, person_actions, rows_from, ActorKind, DeadlineRule, EventKind,
    HoldMove, Input, OnFire, Row, State, Target, Tell, WaitsFor,
};
use super::notices::{Notice, Offer};
pub use super::refusals::{AskError, Rejection};
use super::request::{
    Awaited, EndReason, Hold, HoldStatus, Negotiation, Party, Paused, Request, Waiting,
};
use super::rules::Rules;
use super::terms::Terms;
use super::words;
use crate::domain::ids::{RequestId, ServiceId};
use crate::domain::{MemberId, Minutes, Timestamp};

/// Longest reason, note or comment a member or admin may type.
pub const TEXT_MAX_CHARS: usize = 1_000;

/// Who acts. Members and admins come from the session, never from the request body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Actor {
    Member(MemberId),
    Admin(MemberId),
    Timer,
    System,
}

impl Actor {
    pub fn member_id(&self) -> Option<MemberId> {
        match self {
            Actor::Member(id) | Actor::Admin(id) => Some(*id),
            Actor::Timer | Actor::System => None,
        }
    }
}

/// What a submit creates (stored in the history's first event).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequest {
    pub id: RequestId,
    pub service_id: ServiceId,
    pub requester: MemberId,
    #[serde(default)]
    pub provider: Option<MemberId>,
    pub terms: Terms,
    pub response_window_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "event")]
pub enum Event {
    Submit { request: NewRequest, rules: Rules },
    StartValidation,
    ChecksPassed,
    ChecksFailed { reason: ValidationFailure },
    NotifyProvider,
    Accept,
    Decline { reason: String },
    Counter { terms: Terms },
    Withdraw,
    Cancel { reason: String },
    MemberDeactivated { member: MemberId },
    MarkStarted,
    ConfirmStart,
    MarkCompleted,
    ConfirmCompletion,
    ProcessPayment,
    Dispute { reason: String },
    Resume { note: String },
    PayProvider { note: String },
    Refund { note: String },
    Split { to_provider: Minutes, note: String },
    Deadline { due: Timestamp },
}

impl Event {
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Submit { .. } => EventKind::Submit,
            Event::StartValidation => EventKind::StartValidation,
            Event::ChecksPassed => EventKind::ChecksPassed,
            Event::ChecksFailed { .. } => EventKind::ChecksFailed,
            Event::NotifyProvider => EventKind::NotifyProvider,
            Event::Accept => EventKind::Accept,
            Event::Decline { .. } => EventKind::Decline,
            Event::Counter { .. } => EventKind::Counter,
            Event::Withdraw => EventKind::Withdraw,
            Event::Cancel { .. } => EventKind::Cancel,
            Event::MemberDeactivated { .. } => EventKind::MemberDeactivated,
            Event::MarkStarted => EventKind::MarkStarted,
            Event::ConfirmStart => EventKind::ConfirmStart,
            Event::MarkCompleted => EventKind::MarkCompleted,
            Event::ConfirmCompletion => EventKind::ConfirmCompletion,
            Event::ProcessPayment => EventKind::ProcessPayment,
            Event::Dispute { .. } => EventKind::Dispute,
            Event::Resume { .. } => EventKind::Resume,
            Event::PayProvider { .. } => EventKind::PayProvider,
            Event::Refund { .. } => EventKind::Refund,
            Event::Split { .. } => EventKind::Split,
            Event::Deadline { .. } => EventKind::Deadline,
        }
    }

    /// The event a person asks for with `kind` (one of [`person_actions`]) and what they
    /// filled in, as the definition's `input` says it needs.
    pub fn asked(kind: EventKind, input: ActionInput) -> Result<Event, AskError> {
        let ActionInput {
            text,
            terms,
            to_provider,
        } = input;
        Ok(match kind {
            EventKind::Accept => Event::Accept,
            EventKind::Decline => Event::Decline { reason: text },
            EventKind::Counter => Event::Counter {
                terms: terms.ok_or(AskError::MissingTerms)?,
            },
            EventKind::Withdraw => Event::Withdraw,
            EventKind::Cancel => Event::Cancel { reason: text },
            EventKind::MarkStarted => Event::MarkStarted,
            EventKind::ConfirmStart => Event::ConfirmStart,
            EventKind::MarkCompleted => Event::MarkCompleted,
            EventKind::ConfirmCompletion => Event::ConfirmCompletion,
            EventKind::Dispute => Event::Dispute { reason: text },
            EventKind::Resume => Event::Resume { note: text },
            EventKind::PayProvider => Event::PayProvider { note: text },
            EventKind::Refund => Event::Refund { note: text },
            EventKind::Split => Event::Split {
                to_provider: to_provider.ok_or(AskError::MissingShare)?,
                note: text,
            },
            EventKind::Submit
            | EventKind::StartValidation
            | EventKind::ChecksPassed
            | EventKind::ChecksFailed
            | EventKind::NotifyProvider
            | EventKind::MemberDeactivated
            | EventKind::ProcessPayment
            | EventKind::Deadline => return Err(AskError::NotAsked),
        })
    }

    /// What the actor typed with this event (a reason, a note, a message), shown in the
    /// history; None when there is nothing, or nothing typed.
    pub fn typed_text(&self) -> Option<&str> {
        let t = match self {
            Event::Decline { reason } | Event::Cancel { reason } | Event::Dispute { reason } => {
                reason
            }
            Event::Resume { note }
            | Event::PayProvider { note }
            | Event::Refund { note }
            | Event::Split { note, .. } => note,
            Event::Counter { terms } => &terms.message,
            Event::Submit { request, .. } => &request.terms.message,
            Event::StartValidation
            | Event::ChecksPassed
            | Event::ChecksFailed { .. }
            | Event::NotifyProvider
            | Event::Accept
            | Event::Withdraw
            | Event::MemberDeactivated { .. }
            | Event::MarkStarted
            | Event::ConfirmStart
            | Event::MarkCompleted
            | Event::ConfirmCompletion
            | Event::ProcessPayment
            | Event::Deadline { .. } => return None,
        };
        let t = t.trim();
        (!t.is_empty()).then_some(t)
    }
}

/// What a person filled in on the request page to ask for an action.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionInput {
    /// The reason or note (empty when none was asked for or given).
    pub text: String,
    /// A counter-offer's terms.
    pub terms: Option<Terms>,
    /// A split's share for the provider.
    pub to_provider: Option<Minutes>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    Requester,
    Provider,
    Admins,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeOutcome {
    Resumed,
    PaidProvider,
    Refunded,
    Split,
}

/// What the store must do, in the transition's own database transaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    /// Requester's available → held.
    Hold {
        payer: MemberId,
        amount: Minutes,
    },
    /// Change a pending hold's size (negotiated terms).
    AdjustHold {
        payer: MemberId,
        from: Minutes,
        to: Minutes,
    },
    /// The whole hold to the provider.
    Post {
        payer: MemberId,
        payee: MemberId,
        amount: Minutes,
    },
    /// The whole hold back to the requester.
    Void {
        payer: MemberId,
        amount: Minutes,
    },
    /// `to_payee` to the provider, `to_payer` back to the requester.
    Split {
        payer: MemberId,
        payee: MemberId,
        to_payee: Minutes,
        to_payer: Minutes,
    },
    /// Tell `to` what happened, as data (words are made where it is shown).
    Notify {
        to: Recipient,
        notice: Notice,
    },
    OpenDispute {
        raised_by: Party,
        reason: String,
    },
    CloseDispute {
        outcome: DisputeOutcome,
        note: String,
    },
}

/// An action the actor may take now, and until when (the current deadline, if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowedAction {
    pub action: EventKind,
    pub until: Option<Timestamp>,
}

/// Who `req` waits for now, from its state's definition (and, while negotiating, whose
/// turn it is). The lists' "your turn", the request page's status line and reminders
/// all use this.
pub fn waiting_for(req: &Request) -> Waiting {
    let who = match req.state.def().waits_for {
        WaitsFor::System => Awaited::System,
        WaitsFor::Requester => Awaited::Party(Party::Requester),
        WaitsFor::Provider => Awaited::Party(Party::Provider),
        WaitsFor::PartyInTurn => match req.negotiation {
            Some(n) => Awaited::Party(n.turn),
            None => Awaited::System,
        },
        WaitsFor::Admin => Awaited::Admin,
        WaitsFor::Nobody => Awaited::Nobody,
    };
    Waiting {
        who,
        until: req.deadline,
    }
}

/// True when `req` waits for `party` to move.
pub fn is_turn_of(req: &Request, party: Party) -> bool {
    waiting_for(req).who == Awaited::Party(party)
}

/// Creates the request (the `submit` event): state INITIATED, nothing held yet.
pub fn create(new: &NewRequest, rules: &Rules, now: Timestamp) -> (Request, Vec<Effect>) {
    let req = Request {
        id: new.id,
        service_id: new.service_id,
        requester: new.requester,
        provider: new.provider,
        state: State::Initiated,
        version: 1,
        terms: new.terms.clone(),
        negotiation: None,
        hold: Hold {
            amount: Minutes::ZERO,
            status: HoldStatus::None,
        },
        deadline: None,
        paused: None,
        response_window_ms: new.response_window_ms,
        marked_started_at: None,
        started_at: None,
        completed_at: None,
        auto_confirmed_start: false,
        auto_confirmed_completion: false,
        end_reason: None,
        created_at: now,
        updated_at: now,
        rules: rules.clone(),
    };
    (req, Vec::new())
}

/// The role `actor` plays on `req`, or why they play none.
pub fn role_of(req: &Request, actor: &Actor) -> Result<ActorKind, Rejection> {
    match actor {
        Actor::Member(id) => match req.party_of(*id) {
            Some(Party::Requester) => Ok(ActorKind::Requester),
            Some(Party::Provider) => Ok(ActorKind::Provider),
            None => Err(Rejection::NotAParty),
        },
        Actor::Admin(_) => Ok(ActorKind::Admin),
        Actor::Timer => Ok(ActorKind::Timer),
        Actor::System => Ok(ActorKind::System),
    }
}

fn party(role: ActorKind) -> Option<Party> {
    match role {
        ActorKind::Requester => Some(Party::Requester),
        ActorKind::Provider => Some(Party::Provider),
        ActorKind::Admin | ActorKind::Timer | ActorKind::System => None,
    }
}

/// The table lookup plus the guards that depend on the request: the one place that
/// decides whether an action is allowed (the UI's buttons come from here too).
pub fn guard(req: &Request, action: EventKind, role: ActorKind) -> Result<&'static Row, Rejection> {
    if req.state.is_terminal() {
        return Err(Rejection::Closed { state: req.state });
    }
    let Some(row) = find_row(req.state, action, role) else {
        return Err(match rows_from(req.state).find(|r| r.event == action) {
            Some(other) => Rejection::WrongActor {
                action,
                who: other.actor,
            },
            None => Rejection::NotNow {
                action,
                state: req.state,
            },
        });
    };
    if req.state.def().waits_for == WaitsFor::PartyInTurn {
        if let Some(p) = party(role) {
            let n = req
                .negotiation
                .ok_or_else(|| Rejection::Inconsistent("negotiating without a round".into()))?;
            // Withdrawing is the requester's whatever the turn; answering is the turn's.
            let answers = matches!(
                action,
                EventKind::Accept | EventKind::Counter | EventKind::Decline
            );
            if answers && p != n.turn {
                return Err(Rejection::NotYourTurn);
            }
            if action == EventKind::Counter && n.round >= req.rules.max_rounds {
                return Err(Rejection::RoundLimit {
                    max: req.rules.max_rounds,
                });
            }
        }
    }
    Ok(row)
}

/// The actions a member or admin may take on this request now, with their deadline.
/// Timer and system steps are not listed.
pub fn allowed_actions(req: &Request, actor: &Actor) -> Vec<AllowedAction> {
    let Ok(role) = role_of(req, actor) else {
        return Vec::new();
    };
    person_actions()
        .filter(|a| guard(req, *a, role).is_ok())
        .map(|action| AllowedAction {
            action,
            until: req.deadline,
        })
        .collect()
}

/// The next step the system takes by itself, inside the same transaction, if any: the
/// system's row out of the current state. (VALIDATING's outcome needs facts from the
/// database, so the store supplies that step.)
pub fn automatic_step(req: &Request) -> Option<Event> {
    let mut system = rows_from(req.state).filter(|r| r.actor == ActorKind::System);
    let row = system.next()?;
    if system.next().is_some() {
        return None; // a choice (checks passed or failed): the caller decides
    }
    match row.event {
        EventKind::StartValidation => Some(Event::StartValidation),
        EventKind::NotifyProvider => Some(Event::NotifyProvider),
        EventKind::ProcessPayment => Some(Event::ProcessPayment),
        EventKind::Submit
        | EventKind::ChecksPassed
        | EventKind::ChecksFailed
        | EventKind::Accept
        | EventKind::Decline
        | EventKind::Counter
        | EventKind::Withdraw
        | EventKind::Cancel
        | EventKind::MemberDeactivated
        | EventKind::MarkStarted
        | EventKind::ConfirmStart
        | EventKind::MarkCompleted
        | EventKind::ConfirmCompletion
        | EventKind::Dispute
        | EventKind::Resume
        | EventKind::PayProvider
        | EventKind::Refund
        | EventKind::Split
        | EventKind::Deadline => None,
    }
}

/// The reason, note or comment typed with `kind`: trimmed, within [`TEXT_MAX_CHARS`],
/// printable, and present when the definition's input requires it.
fn typed(raw: &str, kind: EventKind) -> Result<String, Rejection> {
    text(
        raw,
        words::text_field(kind),
        kind.def().input.text_required(),
    )
}

fn text(raw: &str, what: &str, required: bool) -> Result<String, Rejection> {
    let t = raw.trim();
    if required && t.is_empty() {
        return Err(Rejection::TextRequired {
            what: what.to_owned(),
        });
    }
    if t.chars().count() > TEXT_MAX_CHARS {
        return Err(Rejection::TextTooLong {
            what: what.to_owned(),
            max: TEXT_MAX_CHARS,
        });
    }
    if crate::domain::text::has_unprintable(t) {
        return Err(Rejection::TextUnprintable {
            what: what.to_owned(),
        });
    }
    Ok(t.to_owned())
}

fn provider(req: &Request) -> Result<MemberId, Rejection> {
    req.provider
        .ok_or_else(|| Rejection::Inconsistent("no provider".into()))
}

fn pending_hold(req: &Request) -> Result<Minutes, Rejection> {
    match req.hold.status {
        HoldStatus::Pending => Ok(req.hold.amount),
        HoldStatus::None | HoldStatus::Posted | HoldStatus::Voided | HoldStatus::Split { .. } => {
            Err(Rejection::Inconsistent("no pending hold".into()))
        }
    }
}

/// How long a deadline of `rule` runs, for `req`.
pub fn deadline_ms(rule: DeadlineRule, req: &Request) -> i64 {
    match rule {
        DeadlineRule::ResponseWindow => req.response_window_ms,
        DeadlineRule::NegotiationRound => req.rules.negotiation_round_ms,
        DeadlineRule::StartConfirmation | DeadlineRule::CompletionConfirmation => {
            req.rules.confirm_ms
        }
    }
}

/// When the party `req` waits for is reminded before its deadline: the state's deadline
/// rule decides how long before, from the request's own rules — a share of the response
/// window (at least a floor), a fixed lead before a negotiation round or an
/// auto-confirmation ends. None when the state has no deadline, the reminder is off (0),
/// or the lead is not shorter than the time the deadline runs.
pub fn reminder_at(req: &Request) -> Option<Timestamp> {
    deadline_reminder_at(req).or_else(|| start_reminder_at(req))
}

/// The day-before reminder of the agreed start, while the work waits to begin: none
/// without a start, when it is off (0), or when the request reached this state less than
/// the lead before the start (`updated_at`: a request that waits to start is written
/// only when it enters the state).
fn start_reminder_at(req: &Request) -> Option<Timestamp> {
    let start = req.terms.proposed_start?;
    let lead = req.rules.remind_start_ms;
    let at = start.plus_millis(-lead);
    (awaits_start(req.state) && lead > 0 && at >= req.updated_at).then_some(at)
}

/// Who is reminded of what when `req`'s reminder is due at `now`: the awaited party of
/// its deadline, or both parties of the agreed start. Empty when nothing is due.
pub fn reminders(req: &Request) -> Vec<(MemberId, Notice)> {
    let parties = || [Some(req.requester), req.provider].into_iter().flatten();
    if deadline_reminder_at(req).is_some() {
        let w = waiting_for(req);
        let (Awaited::Party(party), Some(deadline)) = (w.who, w.until) else {
            return Vec::new();
        };
        let member = match party {
            Party::Requester => Some(req.requester),
            Party::Provider => req.provider,
        };
        member
            .map(|m| {
                (
                    m,
                    Notice::Reminder {
                        state: req.state,
                        deadline,
                    },
                )
            })
            .into_iter()
            .collect()
    } else if let (Some(_), Some(start)) = (start_reminder_at(req), req.terms.proposed_start) {
        parties()
            .map(|m| (m, Notice::StartsSoon { start }))
            .collect()
    } else {
        Vec::new()
    }
}

fn deadline_reminder_at(req: &Request) -> Option<Timestamp> {
    let rule = req.state.def().deadline?.from;
    let deadline = req.deadline?;
    let r = &req.rules;
    let runs = deadline_ms(rule, req);
    let lead = match rule {
        DeadlineRule::ResponseWindow if r.remind_response_percent > 0 => {
            (runs * r.remind_response_percent / 100).max(r.remind_response_min_ms)
        }
        DeadlineRule::ResponseWindow => 0,
        DeadlineRule::NegotiationRound => r.remind_negotiation_ms,
        DeadlineRule::StartConfirmation | DeadlineRule::CompletionConfirmation => {
            r.remind_confirm_ms
        }
    };
    (lead > 0 && lead < runs).then(|| deadline.plus_millis(-lead))
}

/// `(request, event, actor, now) → (request', effects)` or a refusal that changes nothing.
pub fn transition(
    req: &Request,
    event: &Event,
    actor: &Actor,
    now: Timestamp,
) -> Result<(Request, Vec<Effect>), Rejection> {
    let role = role_of(req, actor)?;
    let row = guard(req, event.kind(), role)?;
    let mut next = req.clone();
    next.version += 1;
    next.updated_at = now;
    next.state = match row.to {
        Target::To(s) => s,
        Target::PausedState => {
            req.paused
                .ok_or_else(|| Rejection::Inconsistent("disputed without a paused state".into()))?
                .state
        }
    };
    let mut fx = Vec::new();
    // A split's share for the provider, checked by its arm, moved by the hold step.
    let mut share = None;

    // 1. What this event itself changes.
    match event {
        Event::Submit { .. } => return Err(Rejection::AlreadySubmitted),
        Event::StartValidation
        | Event::ChecksPassed
        | Event::NotifyProvider
        | Event::MarkCompleted
        | Event::ProcessPayment => {}
        Event::ChecksFailed { reason } => {
            next.end_reason = Some(EndReason::Validation(reason.clone()));
        }
        Event::Accept => {
            // The start on the table must still be ahead: an offer left unanswered past
            // its own start is countered with a new time, not accepted.
            req.terms
                .check_start(now)
                .map_err(Rejection::InvalidTerms)?;
            next.negotiation = None;
        }
        Event::Decline { reason } => {
            let reason = typed(reason, event.kind())?;
            next.negotiation = None;
            next.end_reason = Some(EndReason::Declined(reason));
        }
        Event::Counter { terms } => {
            terms.check_at(now).map_err(Rejection::InvalidTerms)?;
            let (round, turn) = match req.negotiation {
                None => (1, Party::Requester),
                Some(n) => (n.round + 1, n.turn.other()),
            };
            next.terms = Terms {
                message: terms.message.trim().to_owned(),
                ..terms.clone()
            };
            next.negotiation = Some(Negotiation { round, turn });
        }
        Event::Withdraw => {
            next.negotiation = None;
            next.end_reason = Some(EndReason::Withdrawn);
        }
        Event::Cancel { reason } => {
            let reason = typed(reason, event.kind())?;
            next.end_reason = Some(EndReason::CancelledByProvider(reason));
        }
        Event::MemberDeactivated { member } => {
            if req.party_of(*member).is_none() {
                return Err(Rejection::NotAParty);
            }
            next.negotiation = None;
            next.end_reason = Some(EndReason::MemberDeactivated);
        }
        Event::MarkStarted => next.marked_started_at = Some(now),
        Event::ConfirmStart => next.started_at = Some(now),
        Event::ConfirmCompletion => next.completed_at = Some(now),
        Event::Dispute { reason } => {
            let reason = typed(reason, event.kind())?;
            let party = party(role)
                .ok_or_else(|| Rejection::Inconsistent("dispute by a non-party".into()))?;
            next.paused = Some(Paused {
                state: req.state,
                remaining_ms: req.deadline.map(|d| (d.0 - now.0).max(0)),
            });
            fx.push(Effect::OpenDispute {
                raised_by: party,
                reason,
            });
        }
        Event::Resume { note } => {
            let note = typed(note, event.kind())?;
            next.paused = None;
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::Resumed,
                note,
            });
        }
        Event::PayProvider { note } => {
            let note = typed(note, event.kind())?;
            next.paused = None;
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::PaidProvider,
                note,
            });
        }
        Event::Refund { note } => {
            let note = typed(note, event.kind())?;
            next.paused = None;
            next.end_reason = Some(EndReason::DisputeRefunded);
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::Refunded,
                note,
            });
        }
        Event::Split { to_provider, note } => {
            let note = typed(note, event.kind())?;
            let held = pending_hold(req)?;
            if to_provider.0 <= 0 || to_provider.0 >= held.0 {
                return Err(Rejection::InvalidSplit { hold: held });
            }
            share = Some(*to_provider);
            next.paused = None;
            next.end_reason = Some(EndReason::DisputeSplit);
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::Split,
                note,
            });
        }
        Event::Deadline { due } => {
            if req.deadline != Some(*due) {
                return Err(Rejection::StaleDeadline);
            }
            if now < *due {
                return Err(Rejection::DeadlineNotDue);
            }
            let on_fire = req.state.def().deadline.map(|d| d.on_fire).ok_or_else(|| {
                Rejection::Inconsistent("a deadline row from a state without one".into())
            })?;
            match on_fire {
                OnFire::Expire => {
                    next.negotiation = None;
                    next.end_reason = Some(EndReason::Expired);
                }
                OnFire::ConfirmStart => {
                    next.started_at = req.marked_started_at;
                    next.auto_confirmed_start = true;
                }
                OnFire::ConfirmCompletion => {
                    next.completed_at = Some(now);
                    next.auto_confirmed_completion = true;
                }
            }
        }
    }

    // 2. The hold moves as the row says.
    match row.hold {
        HoldMove::Keep => {}
        HoldMove::Place => {
            let cost = next.cost();
            fx.push(Effect::Hold {
                payer: req.requester,
                amount: cost,
            });
            next.hold = Hold {
                amount: cost,
                status: HoldStatus::Pending,
            };
        }
        HoldMove::FollowTerms => {
            let held = pending_hold(req)?;
            let cost = next.cost();
            if cost != held {
                fx.push(Effect::AdjustHold {
                    payer: req.requester,
                    from: held,
                    to: cost,
                });
                next.hold.amount = cost;
            }
        }
        HoldMove::Post => {
            let amount = pending_hold(req)?;
            fx.push(Effect::Post {
                payer: req.requester,
                payee: provider(req)?,
                amount,
            });
            next.hold.status = HoldStatus::Posted;
        }
        HoldMove::Void => {
            let amount = pending_hold(req)?;
            fx.push(Effect::Void {
                payer: req.requester,
                amount,
            });
            next.hold.status = HoldStatus::Voided;
        }
        HoldMove::Split => {
            let held = pending_hold(req)?;
            let to_payee =
                share.ok_or_else(|| Rejection::Inconsistent("a split without a share".into()))?;
            fx.push(Effect::Split {
                payer: req.requester,
                payee: provider(req)?,
                to_payee,
                to_payer: Minutes(held.0 - to_payee.0),
            });
            next.hold.status = HoldStatus::Split {
                to_provider: to_payee,
            };
        }
    }

    // 3. Entering a state arms the deadline its definition declares; a resumed request
    //    gets back the time its dispute paused.
    next.deadline = match event {
        Event::Resume { .. } => req
            .paused
            .and_then(|p| p.remaining_ms)
            .map(|r| now.plus_millis(r)),
        _ => next
            .state
            .def()
            .deadline
            .map(|d| now.plus_millis(deadline_ms(d.from, &next))),
    };

    // 4. Tell whom the row says.
    let (to_parties, to_admins) = notices(event, role, req, &next)?;
    let parties: &[Recipient] = match row.tell {
        Tell::Nobody => &[],
        Tell::Requester => &[Recipient::Requester],
        Tell::Provider => &[Recipient::Provider],
        Tell::Other => match role {
            ActorKind::Requester => &[Recipient::Provider],
            ActorKind::Provider => &[Recipient::Requester],
            ActorKind::Admin | ActorKind::Timer | ActorKind::System => {
                return Err(Rejection::Inconsistent(
                    "told the other of a non-party".into(),
                ))
            }
        },
        Tell::Both | Tell::BothAndAdmins => &[Recipient::Requester, Recipient::Provider],
    };
    if !parties.is_empty() {
        let notice = to_parties
            .ok_or_else(|| Rejection::Inconsistent(format!("no notice for {:?}", row.event)))?;
        for to in parties {
            fx.push(Effect::Notify {
                to: *to,
                notice: notice.clone(),
            });
        }
    }
    if row.tell == Tell::BothAndAdmins {
        let notice = to_admins.ok_or_else(|| {
            Rejection::Inconsistent(format!("no admin notice for {:?}", row.event))
        })?;
        fx.push(Effect::Notify {
            to: Recipient::Admins,
            notice,
        });
    }
    Ok((next, fx))
}

/// What this event tells the parties (and the admins), as data, from the request before
/// (`req`) and after (`next`) it.
fn notices(
    event: &Event,
    role: ActorKind,
    req: &Request,
    next: &Request,
) -> Result<(Option<Notice>, Option<Notice>), Rejection> {
    let armed = || {
        next.deadline
            .ok_or_else(|| Rejection::Inconsistent("a waiting state without its deadline".into()))
    };
    let to_parties = match event {
        Event::Submit { .. }
        | Event::StartValidation
        | Event::ChecksPassed
        | Event::ConfirmCompletion => None,
        Event::ChecksFailed { reason } => Some(Notice::NotSent {
            reason: reason.clone(),
        }),
        Event::NotifyProvider => Some(Notice::NewRequest {
            offer: Offer::of(&next.terms),
            answer_by: armed()?,
        }),
        Event::Accept => Some(Notice::Accepted {
            offer: Offer::of(&next.terms),
        }),
        Event::Decline { reason } => Some(Notice::Declined {
            reason: reason.trim().to_owned(),
        }),
        Event::Counter { .. } => Some(Notice::CounterOffer {
            round: next.negotiation.map(|n| n.round).unwrap_or(1),
            offer: Offer::of(&next.terms),
            answer_by: armed()?,
        }),
        Event::Withdraw => Some(Notice::Withdrawn),
        Event::Cancel { reason } => Some(Notice::CancelledByProvider {
            reason: reason.trim().to_owned(),
        }),
        Event::MemberDeactivated { .. } => Some(Notice::CancelledByDeactivation),
        Event::MarkStarted => Some(Notice::MarkedStarted {
            confirm_by: armed()?,
        }),
        Event::ConfirmStart => Some(Notice::StartConfirmed),
        Event::MarkCompleted => Some(Notice::MarkedCompleted {
            confirm_by: armed()?,
        }),
        Event::ProcessPayment => Some(Notice::Paid {
            amount: req.hold.amount,
        }),
        Event::Dispute { reason } => {
            let by = party(role)
                .ok_or_else(|| Rejection::Inconsistent("dispute by a non-party".into()))?;
            return Ok((
                Some(Notice::DisputeRaised { by }),
                Some(Notice::DisputeToResolve {
                    by,
                    reason: reason.trim().to_owned(),
                }),
            ));
        }
        Event::Resume { note } => Some(Notice::Resumed {
            note: note.trim().to_owned(),
        }),
        Event::PayProvider { note } => Some(Notice::PaidByAdmin {
            amount: req.hold.amount,
            note: note.trim().to_owned(),
        }),
        Event::Refund { note } => Some(Notice::RefundedByAdmin {
            amount: req.hold.amount,
            note: note.trim().to_owned(),
        }),
        Event::Split { to_provider, note } => Some(Notice::SplitByAdmin {
            to_provider: *to_provider,
            to_requester: Minutes(req.hold.amount.0 - to_provider.0),
            note: note.trim().to_owned(),
        }),
        Event::Deadline { .. } => {
            let after = Minutes(req.rules.confirm_ms / 60_000);
            Some(match req.state.def().deadline.map(|d| d.on_fire) {
                Some(OnFire::ConfirmStart) => Notice::StartAutoConfirmed { after },
                Some(OnFire::ConfirmCompletion) => Notice::CompletionAutoConfirmed { after },
                Some(OnFire::Expire) | None => Notice::Expired,
            })
        }
    };
    Ok((to_parties, None))
}

/// Checks a rating: `member` is a party, the request is paid, 1–5 stars, a comment of at
/// most [`TEXT_MAX_CHARS`] characters. Returns the rater's part and the trimmed comment.
pub fn rating(
    req: &Request,
    member: MemberId,
    stars: i64,
    comment: &str,
) -> Result<(Party, String), Rejection> {
    let party = can_rate(req, member)?;
    if !(1..=5).contains(&stars) {
        return Err(Rejection::InvalidStars);
    }
    Ok((party, text(comment, words::COMMENT, false)?))
}

/// Whether `member` may rate the other party of `req` (once each, after payment).
pub fn can_rate(req: &Request, member: MemberId) -> Result<Party, Rejection> {
    let p = req.party_of(member).ok_or(Rejection::NotAParty)?;
    if req.state != State::Paid {
        return Err(Rejection::NotRateable);
    }
    Ok(p)
}

/// The input a form for `kind` asks for (the definition's column).
pub fn input_of(kind: EventKind) -> Input {
    kind.def().input
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::definition::{StateKind, TABLE};
    use crate::lifecycle::rules::HOUR_MS;

    fn new_request() -> (Request, MemberId, MemberId) {
        let (r, p) = (MemberId::generate(), MemberId::generate());
        let new = NewRequest {
            id: RequestId::generate(),
            service_id: ServiceId::generate(),
            requester: r,
            provider: Some(p),
            terms: Terms {
                duration_minutes: 60,
                rate: 100,
                proposed_start: None,
                message: String::new(),
            },
            response_window_ms: 2 * 3_600_000,
        };
        (create(&new, &Rules::default(), Timestamp(0)).0, r, p)
    }

    /// A stored request leaves out what it does not have (no `null`, no `false`), reads
    /// back equal, and the form written before (every field spelt out) still loads.
    #[test]
    fn stored_requests_leave_out_empty_fields_and_old_ones_still_load() {
        let (req, _, _) = new_request();
        let json = serde_json::to_string(&req).unwrap();
        assert!(!json.contains("null") && !json.contains("false"), "{json}");
        assert!(
            !json.contains(r#""message":"#) && !json.contains(r#""negotiation":"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), req);
        let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
        for key in [
            "negotiation",
            "deadline",
            "paused",
            "marked_started_at",
            "started_at",
            "completed_at",
            "end_reason",
        ] {
            old[key] = serde_json::Value::Null;
        }
        old["auto_confirmed_start"] = false.into();
        old["auto_confirmed_completion"] = false.into();
        old["terms"]["proposed_start"] = serde_json::Value::Null;
        old["terms"]["message"] = "".into();
        assert_eq!(serde_json::from_value::<Request>(old).unwrap(), req);
        let mut full = req.clone();
        full.auto_confirmed_start = true;
        full.terms.message = "Bring gloves".into();
        full.started_at = Some(Timestamp(7));
        let json = serde_json::to_string(&full).unwrap();
        assert!(json.contains(r#""auto_confirmed_start":true"#) && json.contains("Bring gloves"));
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), full);
    }

    /// The transient and passing states: only the system moves them on, exactly as the table says.
    #[test]
    fn transient_states_move_only_by_system_steps() {
        let (req, r, p) = new_request();
        let actors = [
            Actor::Member(r),
            Actor::Member(p),
            Actor::Admin(r),
            Actor::Timer,
            Actor::System,
        ];
        let mut at = req;
        for (event, to) in [
            (Event::StartValidation, State::Validating),
            (Event::ChecksPassed, State::Escrowed),
            (Event::NotifyProvider, State::AwaitingResponse),
        ] {
            for actor in &actors {
                let result = transition(&at, &event, actor, Timestamp(1));
                assert_eq!(
                    result.is_ok(),
                    *actor == Actor::System,
                    "{event:?} by {actor:?} in {:?}",
                    at.state
                );
            }
            assert_eq!(
                automatic_step(&at).as_ref(),
                if at.state == State::Validating {
                    None
                } else {
                    Some(&event)
                }
            );
            at = transition(&at, &event, &Actor::System, Timestamp(1))
                .unwrap()
                .0;
            assert_eq!(at.state, to);
        }
        assert_eq!(
            at.deadline,
            Some(Timestamp(1 + 2 * 3_600_000)),
            "the response window starts at notification"
        );
        assert_eq!(
            at.hold,
            Hold {
                amount: Minutes(60),
                status: HoldStatus::Pending
            }
        );
    }

    #[test]
    fn validation_failure_holds_nothing() {
        let (req, _, _) = new_request();
        let v = transition(&req, &Event::StartValidation, &Actor::System, Timestamp(1))
            .unwrap()
            .0;
        let (rejected, fx) = transition(
            &v,
            &Event::ChecksFailed {
                reason: ValidationFailure::OwnService,
            },
            &Actor::System,
            Timestamp(1),
        )
        .unwrap();
        assert_eq!(rejected.state, State::Rejected);
        assert_eq!(rejected.hold.status, HoldStatus::None);
        assert!(fx.iter().all(|e| matches!(
            e,
            Effect::Notify {
                to: Recipient::Requester,
                ..
            }
        )));
    }

    #[test]
    fn submit_is_never_a_row_of_the_table() {
        // Creation is `create`, not a transition: no row may start from an existing state with it.
        for row in TABLE {
            assert_ne!(row.event, EventKind::Submit);
        }
    }

    #[test]
    fn the_ui_is_offered_exactly_what_the_guard_allows() {
        let (req, r, p) = new_request();
        let mut at = req;
        for e in [
            Event::StartValidation,
            Event::ChecksPassed,
            Event::NotifyProvider,
        ] {
            at = transition(&at, &e, &Actor::System, Timestamp(1)).unwrap().0;
        }
        let kinds = |a: &Actor| {
            allowed_actions(&at, a)
                .into_iter()
                .map(|x| x.action)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds(&Actor::Member(p)),
            [EventKind::Accept, EventKind::Decline, EventKind::Counter]
        );
        assert_eq!(kinds(&Actor::Member(r)), [EventKind::Withdraw]);
        assert!(kinds(&Actor::Member(MemberId::generate())).is_empty());
        assert!(allowed_actions(&at, &Actor::Member(p))
            .iter()
            .all(|a| a.until == at.deadline));
    }

    /// Reasons, notes and comments: at most TEXT_MAX_CHARS characters once trimmed.
    #[test]
    fn typed_text_is_limited() {
        let at = "é".repeat(TEXT_MAX_CHARS);
        assert_eq!(text(&format!(" {at} "), "note", true), Ok(at.clone()));
        assert_eq!(
            text(&format!("{at}é"), "reason", false),
            Err(Rejection::TextTooLong {
                what: "reason".into(),
                max: TEXT_MAX_CHARS
            })
        );
        assert_eq!(
            text("  ", "note", true),
            Err(Rejection::TextRequired {
                what: "note".into()
            })
        );
        assert_eq!(text("", "comment", false), Ok(String::new()));
        assert_eq!(
            text("a\0b", "reason", false),
            Err(Rejection::TextUnprintable {
                what: "reason".into()
            })
        );
    }

    /// A request in every waiting state, reached through the transition function.
    fn in_every_waiting_state() -> Vec<(Request, MemberId, MemberId)> {
        let (req, r, p) = new_request();
        let sys =
            |at: Request, e: Event| transition(&at, &e, &Actor::System, Timestamp(1)).unwrap().0;
        let by = |at: &Request, e: Event, m: MemberId| {
            transition(at, &e, &Actor::Member(m), Timestamp(2))
                .unwrap()
                .0
        };
        let awaiting = sys(
            sys(sys(req, Event::StartValidation), Event::ChecksPassed),
            Event::NotifyProvider,
        );
        let counter = |d| Event::Counter {
            terms: Terms {
                duration_minutes: d,
                rate: 100,
                proposed_start: None,
                message: String::new(),
            },
        };
        let negotiating_r = by(&awaiting, counter(45), p);
        let negotiating_p = by(&negotiating_r, counter(75), r);
        let accepted = by(&awaiting, Event::Accept, p);
        let start = by(&accepted, Event::MarkStarted, p);
        let progress = by(&start, Event::ConfirmStart, r);
        let completion = by(&progress, Event::MarkCompleted, p);
        let disputed = by(
            &completion,
            Event::Dispute {
                reason: "late".into(),
            },
            r,
        );
        [
            awaiting,
            negotiating_r,
            negotiating_p,
            accepted,
            start,
            progress,
            completion,
            disputed,
        ]
        .into_iter()
        .map(|q| (q, r, p))
        .collect()
    }

    fn sample_event(kind: EventKind, req: &Request) -> Option<Event> {
        let input = ActionInput {
            text: "because".into(),
            terms: Some(Terms {
                duration_minutes: 90,
                rate: 100,
                proposed_start: None,
                message: String::new(),
            }),
            to_provider: Some(Minutes(10)),
        };
        match kind {
            EventKind::Deadline => req.deadline.map(|due| Event::Deadline { due }),
            EventKind::MemberDeactivated => Some(Event::MemberDeactivated {
                member: req.requester,
            }),
            k => Event::asked(k, input).ok(),
        }
    }

    /// Every row of the table out of a waiting state, taken through `transition`: the
    /// hold moves as the row's `hold` column says and exactly the row's `tell` is told.
    #[test]
    fn effects_are_what_each_row_declares() {
        let mut rows_seen = std::collections::HashSet::new();
        for (req, r, p) in in_every_waiting_state() {
            for row in TABLE.iter().filter(|row| row.from == req.state) {
                let actor = match row.actor {
                    ActorKind::Requester => Actor::Member(r),
                    ActorKind::Provider => Actor::Member(p),
                    ActorKind::Admin => Actor::Admin(MemberId::generate()),
                    ActorKind::Timer => Actor::Timer,
                    ActorKind::System => Actor::System,
                };
                let Some(event) = sample_event(row.event, &req) else {
                    continue;
                };
                let now = req.deadline.unwrap_or(Timestamp(3)).plus_millis(1);
                let Ok((next, fx)) = transition(&req, &event, &actor, now) else {
                    continue; // not this party's turn in this negotiation
                };
                rows_seen.insert((row.from, row.event, row.actor));
                let money: Vec<&str> = fx
                    .iter()
                    .filter_map(|e| match e {
                        Effect::Hold { .. } => Some("place"),
                        Effect::AdjustHold { .. } => Some("adjust"),
                        Effect::Post { .. } => Some("post"),
                        Effect::Void { .. } => Some("void"),
                        Effect::Split { .. } => Some("split"),
                        Effect::Notify { .. }
                        | Effect::OpenDispute { .. }
                        | Effect::CloseDispute { .. } => None,
                    })
                    .collect();
                let want: &[&str] = match row.hold {
                    HoldMove::Keep => &[],
                    HoldMove::Place => &["place"],
                    HoldMove::FollowTerms if next.cost() != req.hold.amount => &["adjust"],
                    HoldMove::FollowTerms => &[],
                    HoldMove::Post => &["post"],
                    HoldMove::Void => &["void"],
                    HoldMove::Split => &["split"],
                };
                assert_eq!(money, want, "{row:?}");
                let mut told: Vec<Recipient> = fx
                    .iter()
                    .filter_map(|e| match e {
                        Effect::Notify { to, .. } => Some(*to),
                        _ => None,
                    })
                    .collect();
                told.sort_by_key(|t| *t as u8);
                let other = if row.actor == ActorKind::Requester {
                    Recipient::Provider
                } else {
                    Recipient::Requester
                };
                let want: Vec<Recipient> = match row.tell {
                    Tell::Nobody => vec![],
                    Tell::Requester => vec![Recipient::Requester],
                    Tell::Provider => vec![Recipient::Provider],
                    Tell::Other => vec![other],
                    Tell::Both => vec![Recipient::Requester, Recipient::Provider],
                    Tell::BothAndAdmins => {
                        vec![Recipient::Requester, Recipient::Provider, Recipient::Admins]
                    }
                };
                assert_eq!(told, want, "{row:?}");
                // Entering a state arms what its definition says.
                assert_eq!(
                    next.deadline.is_some(),
                    next.state.def().deadline.is_some()
                        || (row.event == EventKind::Resume
                            && req.paused.and_then(|x| x.remaining_ms).is_some()),
                    "{row:?}"
                );
            }
        }
        let person_rows = TABLE
            .iter()
            .filter(|r| r.from.kind() == StateKind::Waiting)
            .count();
        assert_eq!(
            rows_seen.len(),
            person_rows,
            "every row out of a waiting state was tried"
        );
    }

    /// "Your turn" is the state's "waits for": the requester of a request waiting for the
    /// provider is not told it is theirs (they can only withdraw), and in ACCEPTED the
    /// provider is awaited although both may dispute.
    #[test]
    fn the_turn_is_whom_the_state_waits_for_not_whoever_has_a_button() {
        let all = in_every_waiting_state();
        let state = |s: State| all.iter().find(|(q, ..)| q.state == s).unwrap();
        let (awaiting, r, _) = state(State::AwaitingResponse);
        assert!(
            !allowed_actions(awaiting, &Actor::Member(*r)).is_empty(),
            "the requester can withdraw"
        );
        assert!(!is_turn_of(awaiting, Party::Requester));
        assert!(is_turn_of(awaiting, Party::Provider));
        assert_eq!(waiting_for(awaiting).until, awaiting.deadline);
        let (accepted, r, p) = state(State::Accepted);
        assert!(allowed_actions(accepted, &Actor::Member(*r))
            .iter()
            .any(|a| a.action == EventKind::Dispute));
        assert!(allowed_actions(accepted, &Actor::Member(*p))
            .iter()
            .any(|a| a.action == EventKind::Dispute));
        assert!(is_turn_of(accepted, Party::Provider) && !is_turn_of(accepted, Party::Requester));
        let (start, ..) = state(State::PendingStartConfirmation);
        assert!(is_turn_of(start, Party::Requester));
        let (disputed, ..) = state(State::Disputed);
        assert_eq!(waiting_for(disputed).who, Awaited::Admin);
        for (q, ..) in all.iter().filter(|(q, ..)| q.state == State::Negotiating) {
            let turn = q.negotiation.unwrap().turn;
            assert!(is_turn_of(q, turn) && !is_turn_of(q, turn.other()));
        }
    }

    /// The deadline a state arms comes from the request's own rules, so a bank that sets
    /// 72 h for confirmations arms 72 h and says 72 h.
    #[test]
    fn deadlines_and_their_words_follow_the_rules() {
        let (req, r, p) = new_request();
        let mut req = req;
        req.rules.confirm_ms = 72 * HOUR_MS;
        let sys =
            |at: &Request, e: Event| transition(at, &e, &Actor::System, Timestamp(0)).unwrap().0;
        let at = sys(
            &sys(&sys(&req, Event::StartValidation), Event::ChecksPassed),
            Event::NotifyProvider,
        );
        let at = transition(&at, &Event::Accept, &Actor::Member(p), Timestamp(0))
            .unwrap()
            .0;
        let (at, fx) =
            transition(&at, &Event::MarkStarted, &Actor::Member(p), Timestamp(0)).unwrap();
        assert_eq!(at.deadline, Some(Timestamp(72 * HOUR_MS)));
        assert!(fx.contains(&Effect::Notify {
            to: Recipient::Requester,
            notice: Notice::MarkedStarted {
                confirm_by: Timestamp(72 * HOUR_MS)
            }
        }));
        let due = at.deadline.unwrap();
        let (_, fx) = transition(&at, &Event::Deadline { due }, &Actor::Timer, due).unwrap();
        let notice = fx
            .iter()
            .find_map(|e| match e {
                Effect::Notify { notice, .. } => Some(notice.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            notice,
            Notice::StartAutoConfirmed {
                after: Minutes(72 * 60)
            }
        );
        assert_eq!(
            crate::lifecycle::words::notice(&notice, &crate::i18n::Viewer::default()),
            "The start was confirmed automatically after 72 h."
        );
        let _ = r;
    }

    /// Reminders come before the timer acts, as the request's rules say: a quarter of the
    /// response window left (at least an hour), 6 h before a negotiation round ends, 12 h
    /// before an auto-confirmation.
    #[test]
    fn reminders_fall_before_each_deadline() {
        let all = in_every_waiting_state();
        let state = |s: State| &all.iter().find(|(q, ..)| q.state == s).unwrap().0;
        let awaiting = state(State::AwaitingResponse); // 2 h window
        assert_eq!(
            reminder_at(awaiting),
            Some(awaiting.deadline.unwrap().plus_millis(-HOUR_MS)),
            "a quarter of 2 h is 30 min, so the floor of 1 h"
        );
        let mut day = awaiting.clone();
        day.response_window_ms = 24 * HOUR_MS;
        assert_eq!(
            reminder_at(&day),
            Some(day.deadline.unwrap().plus_millis(-6 * HOUR_MS))
        );
        let neg = state(State::Negotiating);
        assert_eq!(
            reminder_at(neg),
            Some(neg.deadline.unwrap().plus_millis(-6 * HOUR_MS))
        );
        let start = state(State::PendingStartConfirmation);
        assert_eq!(
            reminder_at(start),
            Some(start.deadline.unwrap().plus_millis(-12 * HOUR_MS))
        );
        assert_eq!(reminder_at(state(State::Accepted)), None, "no deadline");
        let mut off = start.clone();
        off.rules.remind_confirm_ms = 0;
        assert_eq!(reminder_at(&off), None, "turned off");
        off.rules.remind_confirm_ms = 48 * HOUR_MS;
        assert_eq!(
            reminder_at(&off),
            None,
            "a lead as long as the wait is no reminder"
        );
    }
}
