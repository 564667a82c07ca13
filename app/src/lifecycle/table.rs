//! THE TRANSITION TABLE. Every (state, event, actor) HourBank accepts is a row here; any
//! other combination is refused. `machine::transition` looks rows up before doing
//! anything, and the state graph is drawn from this same data.
//!
//! Actors: R requester, P provider, A admin, T timer, S system (steps inside one
//! transaction: validation, escrow, payment).

use serde::{Deserialize, Serialize};

use State::*;

pub const TABLE: &[Row] = &[
    // Creation and validation (transient states, all inside the submitting transaction).
    row(
        Initiated,
        EventKind::StartValidation,
        ActorKind::System,
        Target::To(Validating),
    ),
    row(
        Validating,
        EventKind::ChecksPassed,
        ActorKind::System,
        Target::To(Escrowed),
    ),
    row(
        Validating,
        EventKind::ChecksFailed,
        ActorKind::System,
        Target::To(Rejected),
    ),
    row(
        Escrowed,
        EventKind::NotifyProvider,
        ActorKind::System,
        Target::To(AwaitingResponse),
    ),
    // The provider answers.
    row(
        AwaitingResponse,
        EventKind::Accept,
        ActorKind::Provider,
        Target::To(Accepted),
    ),
    row(
        AwaitingResponse,
        EventKind::Decline,
        ActorKind::Provider,
        Target::To(Rejected),
    ),
    row(
        AwaitingResponse,
        EventKind::Counter,
        ActorKind::Provider,
        Target::To(Negotiating),
    ),
    row(
        AwaitingResponse,
        EventKind::Deadline,
        ActorKind::Timer,
        Target::To(Expired),
    ),
    // Negotiation: only the party whose turn it is.
    row(
        Negotiating,
        EventKind::Accept,
        ActorKind::Requester,
        Target::To(Accepted),
    ),
    row(
        Negotiating,
        EventKind::Accept,
        ActorKind::Provider,
        Target::To(Accepted),
    ),
    row(
        Negotiating,
        EventKind::Counter,
        ActorKind::Requester,
        Target::To(Negotiating),
    ),
    row(
        Negotiating,
        EventKind::Counter,
        ActorKind::Provider,
        Target::To(Negotiating),
    ),
    row(
        Negotiating,
        EventKind::Decline,
        ActorKind::Requester,
        Target::To(Rejected),
    ),
    row(
        Negotiating,
        EventKind::Decline,
        ActorKind::Provider,
        Target::To(Rejected),
    ),
    row(
        Negotiating,
        EventKind::Deadline,
        ActorKind::Timer,
        Target::To(Expired),
    ),
    // Leaving before the work starts.
    row(
        AwaitingResponse,
        EventKind::Withdraw,
        ActorKind::Requester,
        Target::To(Cancelled),
    ),
    row(
        Negotiating,
        EventKind::Withdraw,
        ActorKind::Requester,
        Target::To(Cancelled),
    ),
    row(
        Accepted,
        EventKind::Withdraw,
        ActorKind::Requester,
        Target::To(Cancelled),
    ),
    row(
        Accepted,
        EventKind::Cancel,
        ActorKind::Provider,
        Target::To(Cancelled),
    ),
    // An admin deactivates a party: every waiting state but DISPUTED.
    row(
        AwaitingResponse,
        EventKind::MemberDeactivated,
        ActorKind::Admin,
        Target::To(Cancelled),
    ),
    row(
        Negotiating,
        EventKind::MemberDeactivated,
        ActorKind::Admin,
        Target::To(Cancelled),
    ),
    row(
        Accepted,
        EventKind::MemberDeactivated,
        ActorKind::Admin,
        Target::To(Cancelled),
    ),
    row(
        PendingStartConfirmation,
        EventKind::MemberDeactivated,
        ActorKind::Admin,
        Target::To(Cancelled),
    ),
    row(
        InProgress,
        EventKind::MemberDeactivated,
        ActorKind::Admin,
        Target::To(Cancelled),
    ),
    row(
        PendingCompletionConfirmation,
        EventKind::MemberDeactivated,
        ActorKind::Admin,
        Target::To(Cancelled),
    ),
    // Mutual confirmation of start and completion; the timer auto-confirms.
    row(
        Accepted,
        EventKind::MarkStarted,
        ActorKind::Provider,
        Target::To(PendingStartConfirmation),
    ),
    row(
        PendingStartConfirmation,
        EventKind::ConfirmStart,
        ActorKind::Requester,
        Target::To(InProgress),
    ),
    row(
        PendingStartConfirmation,
        EventKind::Deadline,
        ActorKind::Timer,
        Target::To(InProgress),
    ),
    row(
        InProgress,
        EventKind::MarkCompleted,
        ActorKind::Provider,
        Target::To(PendingCompletionConfirmation),
    ),
    row(
        PendingCompletionConfirmation,
        EventKind::ConfirmCompletion,
        ActorKind::Requester,
        Target::To(Completed),
    ),
    row(
        PendingCompletionConfirmation,
        EventKind::Deadline,
        ActorKind::Timer,
        Target::To(Completed),
    ),
    // Payment follows completion in the same transaction.
    row(
        Completed,
        EventKind::ProcessPayment,
        ActorKind::System,
        Target::To(Paid),
    ),
    // Disputes pause everything until an admin resolves them.
    row(
        Accepted,
        EventKind::Dispute,
        ActorKind::Requester,
        Target::To(Disputed),
    ),
    row(
        Accepted,
        EventKind::Dispute,
        ActorKind::Provider,
        Target::To(Disputed),
    ),
    row(
        PendingStartConfirmation,
        EventKind::Dispute,
        ActorKind::Requester,
        Target::To(Disputed),
    ),
    row(
        PendingStartConfirmation,
        EventKind::Dispute,
        ActorKind::Provider,
        Target::To(Disputed),
    ),
    row(
        InProgress,
        EventKind::Dispute,
        ActorKind::Requester,
        Target::To(Disputed),
    ),
    row(
        InProgress,
        EventKind::Dispute,
        ActorKind::Provider,
        Target::To(Disputed),
    ),
    row(
        PendingCompletionConfirmation,
        EventKind::Dispute,
        ActorKind::Requester,
        Target::To(Disputed),
    ),
    row(
        PendingCompletionConfirmation,
        EventKind::Dispute,
        ActorKind::Provider,
        Target::To(Disputed),
    ),
    row(
        Disputed,
        EventKind::Resume,
        ActorKind::Admin,
        Target::PausedState,
    ),
    row(
        Disputed,
        EventKind::PayProvider,
        ActorKind::Admin,
        Target::To(Paid),
    ),
    row(
        Disputed,
        EventKind::Refund,
        ActorKind::Admin,
        Target::To(Resolved),
    ),
    row(
        Disputed,
        EventKind::Split,
        ActorKind::Admin,
        Target::To(Resolved),
    ),
];

/// One allowed transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub from: State,
    pub event: EventKind,
    pub actor: ActorKind,
    pub to: Target,
}

const fn row(from: State, event: EventKind, actor: ActorKind, to: Target) -> Row {
    Row {
        from,
        event,
        actor,
        to,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    To(State),
    /// Back to the state a dispute paused.
    PausedState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum State {
    Initiated,
    Validating,
    Escrowed,
    AwaitingResponse,
    Negotiating,
    Accepted,
    PendingStartConfirmation,
    InProgress,
    PendingCompletionConfirmation,
    Disputed,
    Completed,
    Paid,
    Rejected,
    Expired,
    Cancelled,
    Resolved,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateKind {
    /// Entered and left inside the creating transaction.
    Transient,
    /// Waits for a member, an admin or the timer.
    Waiting,
    /// Left in the same transaction (payment follows completion).
    Passing,
    /// Accepts no event.
    Terminal,
}

impl State {
    pub const ALL: [State; 16] = [
        Initiated,
        Validating,
        Escrowed,
        AwaitingResponse,
        Negotiating,
        Accepted,
        PendingStartConfirmation,
        InProgress,
        PendingCompletionConfirmation,
        Disputed,
        Completed,
        Paid,
        Rejected,
        Expired,
        Cancelled,
        Resolved,
    ];

    pub fn kind(self) -> StateKind {
        match self {
            Initiated | Validating | Escrowed => StateKind::Transient,
            AwaitingResponse
            | Negotiating
            | Accepted
            | PendingStartConfirmation
            | InProgress
            | PendingCompletionConfirmation
            | Disputed => StateKind::Waiting,
            Completed => StateKind::Passing,
            Paid | Rejected | Expired | Cancelled | Resolved => StateKind::Terminal,
        }
    }

    pub fn is_terminal(self) -> bool {
        self.kind() == StateKind::Terminal
    }

    /// The name stored in the database and shown in history.
    pub fn as_str(self) -> &'static str {
        match self {
            Initiated => "INITIATED",
            Validating => "VALIDATING",
            Escrowed => "ESCROWED",
            AwaitingResponse => "AWAITING_RESPONSE",
            Negotiating => "NEGOTIATING",
            Accepted => "ACCEPTED",
            PendingStartConfirmation => "PENDING_START_CONFIRMATION",
            InProgress => "IN_PROGRESS",
            PendingCompletionConfirmation => "PENDING_COMPLETION_CONFIRMATION",
            Disputed => "DISPUTED",
            Completed => "COMPLETED",
            Paid => "PAID",
            Rejected => "REJECTED",
            Expired => "EXPIRED",
            Cancelled => "CANCELLED",
            Resolved => "RESOLVED",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// How a member would say it.
    pub fn label(self) -> &'static str {
        match self {
            Initiated => "submitted",
            Validating => "being checked",
            Escrowed => "hours held",
            AwaitingResponse => "waiting for the provider",
            Negotiating => "negotiating",
            Accepted => "accepted",
            PendingStartConfirmation => "start to be confirmed",
            InProgress => "in progress",
            PendingCompletionConfirmation => "completion to be confirmed",
            Disputed => "disputed",
            Completed => "completed",
            Paid => "paid",
            Rejected => "rejected",
            Expired => "expired",
            Cancelled => "cancelled",
            Resolved => "resolved by an admin",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Submit,
    StartValidation,
    ChecksPassed,
    ChecksFailed,
    NotifyProvider,
    Accept,
    Decline,
    Counter,
    Withdraw,
    Cancel,
    MemberDeactivated,
    MarkStarted,
    ConfirmStart,
    MarkCompleted,
    ConfirmCompletion,
    ProcessPayment,
    Dispute,
    Resume,
    PayProvider,
    Refund,
    Split,
    Deadline,
}

impl EventKind {
    pub const ALL: [EventKind; 22] = [
        EventKind::Submit,
        EventKind::StartValidation,
        EventKind::ChecksPassed,
        EventKind::ChecksFailed,
        EventKind::NotifyProvider,
        EventKind::Accept,
        EventKind::Decline,
        EventKind::Counter,
        EventKind::Withdraw,
        EventKind::Cancel,
        EventKind::MemberDeactivated,
        EventKind::MarkStarted,
        EventKind::ConfirmStart,
        EventKind::MarkCompleted,
        EventKind::ConfirmCompletion,
        EventKind::ProcessPayment,
        EventKind::Dispute,
        EventKind::Resume,
        EventKind::PayProvider,
        EventKind::Refund,
        EventKind::Split,
        EventKind::Deadline,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Submit => "submit",
            EventKind::StartValidation => "start_validation",
            EventKind::ChecksPassed => "checks_passed",
            EventKind::ChecksFailed => "checks_failed",
            EventKind::NotifyProvider => "notify_provider",
            EventKind::Accept => "accept",
            EventKind::Decline => "decline",
            EventKind::Counter => "counter",
            EventKind::Withdraw => "withdraw",
            EventKind::Cancel => "cancel",
            EventKind::MemberDeactivated => "member_deactivated",
            EventKind::MarkStarted => "mark_started",
            EventKind::ConfirmStart => "confirm_start",
            EventKind::MarkCompleted => "mark_completed",
            EventKind::ConfirmCompletion => "confirm_completion",
            EventKind::ProcessPayment => "process_payment",
            EventKind::Dispute => "dispute",
            EventKind::Resume => "resume",
            EventKind::PayProvider => "pay_provider",
            EventKind::Refund => "refund",
            EventKind::Split => "split",
            EventKind::Deadline => "deadline",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The verb a member reads on a button or in the history.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Submit => "submit",
            EventKind::StartValidation => "check",
            EventKind::ChecksPassed => "hold hours",
            EventKind::ChecksFailed => "refuse",
            EventKind::NotifyProvider => "notify the provider",
            EventKind::Accept => "accept",
            EventKind::Decline => "decline",
            EventKind::Counter => "counter-offer",
            EventKind::Withdraw => "withdraw",
            EventKind::Cancel => "cancel",
            EventKind::MemberDeactivated => "cancel (member deactivated)",
            EventKind::MarkStarted => "mark started",
            EventKind::ConfirmStart => "confirm start",
            EventKind::MarkCompleted => "mark completed",
            EventKind::ConfirmCompletion => "confirm completion",
            EventKind::ProcessPayment => "pay",
            EventKind::Dispute => "dispute",
            EventKind::Resume => "resume",
            EventKind::PayProvider => "pay the provider",
            EventKind::Refund => "refund",
            EventKind::Split => "split",
            EventKind::Deadline => "deadline passed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Requester,
    Provider,
    Admin,
    Timer,
    System,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Requester => "requester",
            ActorKind::Provider => "provider",
            ActorKind::Admin => "admin",
            ActorKind::Timer => "timer",
            ActorKind::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        [
            ActorKind::Requester,
            ActorKind::Provider,
            ActorKind::Admin,
            ActorKind::Timer,
            ActorKind::System,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

/// The rows that leave `from`.
pub fn rows_from(from: State) -> impl Iterator<Item = &'static Row> {
    TABLE.iter().filter(move |r| r.from == from)
}

pub fn find_row(from: State, event: EventKind, actor: ActorKind) -> Option<&'static Row> {
    TABLE
        .iter()
        .find(|r| r.from == from && r.event == event && r.actor == actor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_states_have_no_rows_and_waiting_states_have_some() {
        for s in State::ALL {
            let n = rows_from(s).count();
            match s.kind() {
                StateKind::Terminal => assert_eq!(n, 0, "{s:?}"),
                StateKind::Waiting | StateKind::Transient | StateKind::Passing => {
                    assert!(n > 0, "{s:?}")
                }
            }
        }
    }

    #[test]
    fn rows_are_unique() {
        for (i, a) in TABLE.iter().enumerate() {
            for b in &TABLE[i + 1..] {
                assert!(
                    !(a.from == b.from && a.event == b.event && a.actor == b.actor),
                    "{a:?} twice"
                );
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for s in State::ALL {
            assert_eq!(State::parse(s.as_str()), Some(s));
        }
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
        }
    }
}
