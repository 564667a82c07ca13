//! The lifecycle's transition function: pure, no I/O, compiled for the server and the
//! browser alike. It looks the (state, event, actor) up in [`super::table::TABLE`],
//! checks the dynamic guards (whose turn, round limit, deadline due), and returns the
//! new request with the effects the store must apply in the same transaction.

use serde::{Deserialize, Serialize};

use super::request::{EndReason, Hold, HoldStatus, Negotiation, Party, Paused, Request};
use super::rules::Rules;
use super::table::{find_row, rows_from, ActorKind, EventKind, Row, State, Target};
use super::terms::{Terms, TermsError};
use super::validation::ValidationFailure;
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequest {
    pub id: RequestId,
    pub service_id: ServiceId,
    pub requester: MemberId,
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
}

impl Event {
    /// What the actor typed with this event (a reason, a note, a counter-offer's
    /// message), shown in the history; None when there is nothing, or nothing typed.
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
    Notify {
        to: Recipient,
        text: String,
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

/// Why an action was refused, in words for the member. Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Rejection {
    #[error("Only the requester or the provider of this request can do that.")]
    NotAParty,
    #[error("This request is {0}; nothing more can happen to it.", .state.label())]
    Closed { state: State },
    #[error("Only the {} can {} now.", .who.as_str(), .action.label())]
    WrongActor { action: EventKind, who: ActorKind },
    #[error("You can't {} a request that is {}.", .action.label(), .state.label())]
    NotNow { action: EventKind, state: State },
    #[error("It's the other member's turn to answer this offer.")]
    NotYourTurn,
    #[error("This negotiation has had its {max} counter-offers: accept or decline.")]
    RoundLimit { max: u32 },
    #[error("{0}")]
    InvalidTerms(TermsError),
    #[error("Please give a {what}.")]
    TextRequired { what: String },
    #[error("The {what} can be at most {max} characters.")]
    TextTooLong { what: String, max: usize },
    #[error("The {what} contains characters we can't show.")]
    TextUnprintable { what: String },
    #[error("A split must give the provider between 1 minute and {} (the hold is {hold}).", Minutes(.hold.0 - 1))]
    InvalidSplit { hold: Minutes },
    #[error("The deadline has not passed yet.")]
    DeadlineNotDue,
    #[error("That deadline no longer applies.")]
    StaleDeadline,
    #[error("A request is submitted only once.")]
    AlreadySubmitted,
    #[error("You can rate the other member once the request is paid.")]
    NotRateable,
    #[error("Choose from 1 to 5 stars.")]
    InvalidStars,
    #[error("This request's record is inconsistent ({0}); an admin has to look at it.")]
    Inconsistent(String),
}

/// An action the actor may take now, and until when (the current deadline, if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowedAction {
    pub action: EventKind,
    pub until: Option<Timestamp>,
}

/// Creates the request (the `submit` row): state INITIATED, nothing held yet.
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
    if req.state == State::Negotiating
        && matches!(
            action,
            EventKind::Accept | EventKind::Counter | EventKind::Decline
        )
    {
        let n = req
            .negotiation
            .ok_or_else(|| Rejection::Inconsistent("negotiating without a round".into()))?;
        if party(role) != Some(n.turn) {
            return Err(Rejection::NotYourTurn);
        }
        if action == EventKind::Counter && n.round >= req.rules.max_rounds {
            return Err(Rejection::RoundLimit {
                max: req.rules.max_rounds,
            });
        }
    }
    Ok(row)
}

/// The actions a person (member or admin) can ask for; the rest are the system's and the timer's.
pub const PERSON_ACTIONS: [EventKind; 14] = [
    EventKind::Accept,
    EventKind::Decline,
    EventKind::Counter,
    EventKind::Withdraw,
    EventKind::Cancel,
    EventKind::MarkStarted,
    EventKind::ConfirmStart,
    EventKind::MarkCompleted,
    EventKind::ConfirmCompletion,
    EventKind::Dispute,
    EventKind::Resume,
    EventKind::PayProvider,
    EventKind::Refund,
    EventKind::Split,
];

/// The actions a member or admin may take on this request now, with their deadline.
/// Timer and system steps are not listed.
pub fn allowed_actions(req: &Request, actor: &Actor) -> Vec<AllowedAction> {
    let Ok(role) = role_of(req, actor) else {
        return Vec::new();
    };
    PERSON_ACTIONS
        .into_iter()
        .filter(|a| guard(req, *a, role).is_ok())
        .map(|action| AllowedAction {
            action,
            until: req.deadline,
        })
        .collect()
}

/// The next step the system takes by itself, inside the same transaction, if any.
/// (VALIDATING needs facts from the database, so the store supplies that step.)
pub fn automatic_step(req: &Request) -> Option<Event> {
    match req.state {
        State::Initiated => Some(Event::StartValidation),
        State::Escrowed => Some(Event::NotifyProvider),
        State::Completed => Some(Event::ProcessPayment),
        State::Validating
        | State::AwaitingResponse
        | State::Negotiating
        | State::Accepted
        | State::PendingStartConfirmation
        | State::InProgress
        | State::PendingCompletionConfirmation
        | State::Disputed
        | State::Paid
        | State::Rejected
        | State::Expired
        | State::Cancelled
        | State::Resolved => None,
    }
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

fn notify(fx: &mut Vec<Effect>, to: Recipient, text: String) {
    fx.push(Effect::Notify { to, text });
}

fn notify_both(fx: &mut Vec<Effect>, text: &str) {
    notify(fx, Recipient::Requester, text.to_owned());
    notify(fx, Recipient::Provider, text.to_owned());
}

fn void_all(next: &mut Request, fx: &mut Vec<Effect>) -> Result<(), Rejection> {
    let amount = pending_hold(next)?;
    fx.push(Effect::Void {
        payer: next.requester,
        amount,
    });
    next.hold.status = HoldStatus::Voided;
    Ok(())
}

fn describe(t: &Terms) -> String {
    format!(
        "{} at rate {} (cost {})",
        Minutes(t.duration_minutes),
        t.rate_label(),
        t.cost()
    )
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
    // Most states carry no deadline; the arms below set one where the rules give one.
    next.deadline = None;
    let mut fx = Vec::new();
    let rules = &req.rules;

    match event {
        Event::Submit { .. } => return Err(Rejection::AlreadySubmitted),
        Event::StartValidation => {}
        Event::ChecksPassed => {
            let cost = req.cost();
            fx.push(Effect::Hold {
                payer: req.requester,
                amount: cost,
            });
            next.hold = Hold {
                amount: cost,
                status: HoldStatus::Pending,
            };
        }
        Event::ChecksFailed { reason } => {
            next.end_reason = Some(EndReason::Validation(reason.clone()));
            notify(
                &mut fx,
                Recipient::Requester,
                format!("Your request was not sent: {}", reason.message()),
            );
        }
        Event::NotifyProvider => {
            next.deadline = Some(now.plus_millis(req.response_window_ms));
            notify(
                &mut fx,
                Recipient::Provider,
                format!("New request: {}.", describe(&req.terms)),
            );
        }
        Event::Accept => {
            next.negotiation = None;
            if role == ActorKind::Requester {
                // The requester accepts the provider's terms: the hold follows the cost.
                let held = pending_hold(req)?;
                let cost = req.cost();
                if cost != held {
                    fx.push(Effect::AdjustHold {
                        payer: req.requester,
                        from: held,
                        to: cost,
                    });
                    next.hold.amount = cost;
                }
            }
            notify_both(
                &mut fx,
                &format!("Request accepted: {}.", describe(&req.terms)),
            );
        }
        Event::Decline { reason } => {
            let reason = text(reason, "reason", false)?;
            void_all(&mut next, &mut fx)?;
            next.negotiation = None;
            let msg = if reason.is_empty() {
                "The request was declined; the hours are back.".to_owned()
            } else {
                format!("The request was declined: {reason}. The hours are back.")
            };
            next.end_reason = Some(EndReason::Declined(reason));
            match req.state {
                State::Negotiating => notify_both(&mut fx, &msg),
                _ => notify(&mut fx, Recipient::Requester, msg),
            }
        }
        Event::Counter { terms } => {
            terms.check().map_err(Rejection::InvalidTerms)?;
            let terms = Terms {
                message: terms.message.trim().to_owned(),
                ..terms.clone()
            };
            let (round, turn) = match req.negotiation {
                None => (1, Party::Requester),
                Some(n) => (n.round + 1, n.turn.other()),
            };
            if role == ActorKind::Requester {
                let held = pending_hold(req)?;
                let cost = terms.cost();
                if cost != held {
                    fx.push(Effect::AdjustHold {
                        payer: req.requester,
                        from: held,
                        to: cost,
                    });
                    next.hold.amount = cost;
                }
            }
            let to = match turn {
                Party::Requester => Recipient::Requester,
                Party::Provider => Recipient::Provider,
            };
            notify(
                &mut fx,
                to,
                format!("Counter-offer (round {round}): {}.", describe(&terms)),
            );
            next.terms = terms;
            next.negotiation = Some(Negotiation { round, turn });
            next.deadline = Some(now.plus_millis(rules.negotiation_round_ms));
        }
        Event::Withdraw => {
            void_all(&mut next, &mut fx)?;
            next.negotiation = None;
            next.end_reason = Some(EndReason::Withdrawn);
            notify(
                &mut fx,
                Recipient::Provider,
                "The requester withdrew the request.".into(),
            );
        }
        Event::Cancel { reason } => {
            let reason = text(reason, "reason", false)?;
            void_all(&mut next, &mut fx)?;
            notify(
                &mut fx,
                Recipient::Requester,
                "The provider cancelled the request; the hours are back.".into(),
            );
            next.end_reason = Some(EndReason::CancelledByProvider(reason));
        }
        Event::MemberDeactivated { member } => {
            if req.party_of(*member).is_none() {
                return Err(Rejection::NotAParty);
            }
            void_all(&mut next, &mut fx)?;
            next.negotiation = None;
            next.end_reason = Some(EndReason::MemberDeactivated);
            notify_both(
                &mut fx,
                "The request was cancelled because a member was deactivated.",
            );
        }
        Event::MarkStarted => {
            next.marked_started_at = Some(now);
            next.deadline = Some(now.plus_millis(rules.confirm_ms));
            notify(
                &mut fx,
                Recipient::Requester,
                "The provider says the service has started. Please confirm.".into(),
            );
        }
        Event::ConfirmStart => {
            next.started_at = Some(now);
            notify(
                &mut fx,
                Recipient::Provider,
                "The requester confirmed the start.".into(),
            );
        }
        Event::MarkCompleted => {
            next.deadline = Some(now.plus_millis(rules.confirm_ms));
            notify(
                &mut fx,
                Recipient::Requester,
                "The provider says the service is complete. Please confirm.".into(),
            );
        }
        Event::ConfirmCompletion => {
            next.completed_at = Some(now);
        }
        Event::ProcessPayment => {
            let amount = pending_hold(req)?;
            fx.push(Effect::Post {
                payer: req.requester,
                payee: provider(req)?,
                amount,
            });
            next.hold.status = HoldStatus::Posted;
            notify_both(
                &mut fx,
                &format!("Paid: {amount} went to the provider. You can now rate each other."),
            );
        }
        Event::Dispute { reason } => {
            let reason = text(reason, "reason for the dispute", true)?;
            let party = party(role)
                .ok_or_else(|| Rejection::Inconsistent("dispute by a non-party".into()))?;
            next.paused = Some(Paused {
                state: req.state,
                remaining_ms: req.deadline.map(|d| (d.0 - now.0).max(0)),
            });
            fx.push(Effect::OpenDispute {
                raised_by: party,
                reason: reason.clone(),
            });
            notify(
                &mut fx,
                Recipient::Admins,
                format!("A dispute was raised: {reason}"),
            );
            notify_both(
                &mut fx,
                "A dispute was raised; everything is paused until an admin resolves it.",
            );
        }
        Event::Resume { note } => {
            let note = text(note, "note", true)?;
            let paused = req
                .paused
                .ok_or_else(|| Rejection::Inconsistent("no paused state".into()))?;
            next.deadline = paused.remaining_ms.map(|r| now.plus_millis(r));
            next.paused = None;
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::Resumed,
                note: note.clone(),
            });
            notify_both(&mut fx, &format!("An admin resumed the request: {note}"));
        }
        Event::PayProvider { note } => {
            let note = text(note, "note", true)?;
            let amount = pending_hold(req)?;
            fx.push(Effect::Post {
                payer: req.requester,
                payee: provider(req)?,
                amount,
            });
            next.hold.status = HoldStatus::Posted;
            next.paused = None;
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::PaidProvider,
                note: note.clone(),
            });
            notify_both(
                &mut fx,
                &format!("An admin paid the provider {amount}: {note}"),
            );
        }
        Event::Refund { note } => {
            let note = text(note, "note", true)?;
            void_all(&mut next, &mut fx)?;
            next.paused = None;
            next.end_reason = Some(EndReason::DisputeRefunded);
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::Refunded,
                note: note.clone(),
            });
            notify_both(&mut fx, &format!("An admin refunded the requester: {note}"));
        }
        Event::Split { to_provider, note } => {
            let note = text(note, "note", true)?;
            let held = pending_hold(req)?;
            if to_provider.0 <= 0 || to_provider.0 >= held.0 {
                return Err(Rejection::InvalidSplit { hold: held });
            }
            let to_payer = Minutes(held.0 - to_provider.0);
            fx.push(Effect::Split {
                payer: req.requester,
                payee: provider(req)?,
                to_payee: *to_provider,
                to_payer,
            });
            next.hold.status = HoldStatus::Split {
                to_provider: *to_provider,
            };
            next.paused = None;
            next.end_reason = Some(EndReason::DisputeSplit);
            fx.push(Effect::CloseDispute {
                outcome: DisputeOutcome::Split,
                note: note.clone(),
            });
            notify_both(&mut fx, &format!("An admin split the hours: {to_provider} to the provider, {to_payer} back: {note}"));
        }
        Event::Deadline { due } => {
            if req.deadline != Some(*due) {
                return Err(Rejection::StaleDeadline);
            }
            if now < *due {
                return Err(Rejection::DeadlineNotDue);
            }
            match req.state {
                State::AwaitingResponse | State::Negotiating => {
                    void_all(&mut next, &mut fx)?;
                    next.negotiation = None;
                    next.end_reason = Some(EndReason::Expired);
                    notify_both(
                        &mut fx,
                        "The request expired without an answer; the hours are back.",
                    );
                }
                State::PendingStartConfirmation => {
                    next.started_at = req.marked_started_at;
                    next.auto_confirmed_start = true;
                    notify_both(
                        &mut fx,
                        "The start was confirmed automatically after 48 hours.",
                    );
                }
                State::PendingCompletionConfirmation => {
                    next.completed_at = Some(now);
                    next.auto_confirmed_completion = true;
                    notify_both(
                        &mut fx,
                        "The completion was confirmed automatically after 48 hours.",
                    );
                }
                State::Initiated
                | State::Validating
                | State::Escrowed
                | State::Accepted
                | State::InProgress
                | State::Disputed
                | State::Completed
                | State::Paid
                | State::Rejected
                | State::Expired
                | State::Cancelled
                | State::Resolved => {
                    return Err(Rejection::NotNow {
                        action: EventKind::Deadline,
                        state: req.state,
                    })
                }
            }
        }
    }
    Ok((next, fx))
}

/// Checks a rating: `member` is a party, the request is paid, 1–5 stars, a comment of at
/// most 1,000 characters. Returns the rater's part and the trimmed comment.
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
    Ok((party, text(comment, "comment", false)?))
}

/// Whether `member` may rate the other party of `req` (once each, after payment).
pub fn can_rate(req: &Request, member: MemberId) -> Result<Party, Rejection> {
    let p = req.party_of(member).ok_or(Rejection::NotAParty)?;
    if req.state != State::Paid {
        return Err(Rejection::NotRateable);
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::table::TABLE;

    fn new_request() -> (Request, MemberId, MemberId) {
        let (r, p) = (MemberId::new_random(), MemberId::new_random());
        let new = NewRequest {
            id: RequestId::new_random(),
            service_id: ServiceId::new_random(),
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
        assert!(kinds(&Actor::Member(MemberId::new_random())).is_empty());
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
}
