//! THE LIFECYCLE DEFINITION: every state, every event and every allowed transition of a
//! service request, one line each, with what the rest of HourBank needs to know about
//! them. Everything else asks this module (or a function derived from it here):
//!
//! - the machine (`machine.rs`) looks a row up before doing anything, arms the deadline a
//!   state declares, moves the hold as the row says, and tells whom the row says;
//! - pages show the buttons of the events people ask for and the forms their input needs,
//!   and whose turn it is from the state's "waits for";
//! - the api turns a posted form into the event it names; admins' actions are the
//!   events only an admin's rows take;
//! - the stores and the sweeper ask which states deactivation cancels, which deadlines
//!   pay a provider (and so which accounts a sweep locks), which states are open;
//! - the dashboard counts states by their kind; the state graph draws the rows.
//!
//! Words (labels, buttons, sentences) are not here: they are in `words.rs`.

use serde::{Deserialize, Serialize};

use DeadlineRule::*;
use OnFire::*;

macro_rules! count {
    () => { 0usize };
    ($head:ident $($tail:ident)*) => { 1usize + count!($($tail)*) };
}

/// Declares [`State`] and its definition from one line per state.
macro_rules! states {
    ($($state:ident = $name:literal, $kind:ident, waits: $waits:ident, $deadline:expr, graph: ($col:literal, $row:literal);)+) => {
        /// Where a request is in its lifecycle. Stored by name (`requests.state`, history).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum State {
            $( #[serde(rename = $name)] $state, )+
        }

        impl State {
            pub const ALL: [State; count!($($state)+)] = [$(State::$state),+];

            /// This state's line of the definition.
            pub const fn def(self) -> StateDef {
                match self {
                    $( State::$state => StateDef {
                        name: $name,
                        kind: StateKind::$kind,
                        waits_for: WaitsFor::$waits,
                        deadline: $deadline,
                        graph: ($col, $row),
                    }, )+
                }
            }
        }
    };
}

/// Declares [`EventKind`] and its definition from one line per event.
macro_rules! events {
    ($($event:ident = $name:literal, $trigger:ident, $input:ident;)+) => {
        /// What can happen to a request. Stored by name (history).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum EventKind {
            $( #[serde(rename = $name)] $event, )+
        }

        impl EventKind {
            pub const ALL: [EventKind; count!($($event)+)] = [$(EventKind::$event),+];

            /// This event's line of the definition.
            pub const fn def(self) -> EventDef {
                match self {
                    $( EventKind::$event => EventDef {
                        name: $name,
                        trigger: Trigger::$trigger,
                        input: Input::$input,
                    }, )+
                }
            }
        }
    };
}

// kind: Transient states are entered and left inside the submitting transaction; Waiting
// states wait for a person or the timer; Passing states are left in the same transaction
// (payment follows completion); Terminal states accept no event.
// waits: whose move the request waits for (PartyInTurn: the negotiation's turn).
// deadline: which rule's time a state arms when it is entered, and what the timer does
// when it passes. graph: column and row in the drawn lifecycle.
#[rustfmt::skip]
states! {
    Initiated                     = "INITIATED",                       Transient, waits: System,      None,                                          graph: (0, 0);
    Validating                    = "VALIDATING",                      Transient, waits: System,      None,                                          graph: (1, 0);
    Escrowed                      = "ESCROWED",                        Transient, waits: System,      None,                                          graph: (2, 0);
    AwaitingResponse              = "AWAITING_RESPONSE",               Waiting,   waits: Provider,    deadline(ResponseWindow, Expire),              graph: (3, 0);
    Negotiating                   = "NEGOTIATING",                     Waiting,   waits: PartyInTurn, deadline(NegotiationRound, Expire),            graph: (3, 1);
    Accepted                      = "ACCEPTED",                        Waiting,   waits: Provider,    None,                                          graph: (4, 0);
    PendingStartConfirmation      = "PENDING_START_CONFIRMATION",      Waiting,   waits: Requester,   deadline(StartConfirmation, ConfirmStart),     graph: (5, 0);
    InProgress                    = "IN_PROGRESS",                     Waiting,   waits: Provider,    None,                                          graph: (6, 0);
    PendingCompletionConfirmation = "PENDING_COMPLETION_CONFIRMATION", Waiting,   waits: Requester,   deadline(CompletionConfirmation, ConfirmCompletion), graph: (7, 0);
    Disputed                      = "DISPUTED",                        Waiting,   waits: Admin,       None,                                          graph: (6, 1);
    Completed                     = "COMPLETED",                       Passing,   waits: System,      None,                                          graph: (8, 0);
    Paid                          = "PAID",                            Terminal,  waits: Nobody,      None,                                          graph: (9, 0);
    Rejected                      = "REJECTED",                        Terminal,  waits: Nobody,      None,                                          graph: (2, 2);
    Expired                       = "EXPIRED",                         Terminal,  waits: Nobody,      None,                                          graph: (3, 2);
    Cancelled                     = "CANCELLED",                       Terminal,  waits: Nobody,      None,                                          graph: (4, 2);
    Resolved                      = "RESOLVED",                        Terminal,  waits: Nobody,      None,                                          graph: (7, 2);
}

// trigger: who brings the event about — Creation (the submit that makes a request),
// System (an automatic step inside the same transaction), Timer (a deadline), Button (a
// person asks for it on the request page), Deactivation (an admin deactivates a party).
// input: what a person fills in to ask for it.
#[rustfmt::skip]
events! {
    Submit            = "submit",             Creation,     Nothing;
    StartValidation   = "start_validation",   System,       Nothing;
    ChecksPassed      = "checks_passed",      System,       Nothing;
    ChecksFailed      = "checks_failed",      System,       Nothing;
    NotifyProvider    = "notify_provider",    System,       Nothing;
    Accept            = "accept",             Button,       Nothing;
    Decline           = "decline",            Button,       OptionalReason;
    Counter           = "counter",            Button,       Terms;
    Withdraw          = "withdraw",           Button,       Nothing;
    Cancel            = "cancel",             Button,       OptionalReason;
    MemberDeactivated = "member_deactivated", Deactivation, Nothing;
    MarkStarted       = "mark_started",       Button,       Nothing;
    ConfirmStart      = "confirm_start",      Button,       Nothing;
    MarkCompleted     = "mark_completed",     Button,       Nothing;
    ConfirmCompletion = "confirm_completion", Button,       Nothing;
    ProcessPayment    = "process_payment",    System,       Nothing;
    Dispute           = "dispute",            Button,       RequiredReason;
    Resume            = "resume",             Button,       Note;
    PayProvider       = "pay_provider",       Button,       Note;
    Refund            = "refund",             Button,       Note;
    Split             = "split",              Button,       SplitAndNote;
    Deadline          = "deadline",           Timer,        Nothing;
}

/// THE TRANSITION TABLE. Every (state, event, actor) HourBank accepts is a row; any other
/// combination is refused. `hold`: what happens to the requester's escrowed hours;
/// `tell`: who is notified.
#[rustfmt::skip]
pub const TABLE: &[Row] = {
    use State::*;
    use EventKind as E;
    use ActorKind::{Admin as A, Provider as P, Requester as R, System as S, Timer as T};
    use Target::{PausedState, To};
    use HoldMove::*;
    use Tell::*;
    &[
        // from                        event                  actor to                                  hold         tell
        // Creation and validation (transient states, all inside the submitting transaction).
        row(Initiated,                     E::StartValidation,    S, To(Validating),                     Keep,        Nobody),
        row(Validating,                    E::ChecksPassed,       S, To(Escrowed),                       Place,       Nobody),
        row(Validating,                    E::ChecksFailed,       S, To(Rejected),                       Keep,        Requester),
        row(Escrowed,                      E::NotifyProvider,     S, To(AwaitingResponse),               Keep,        Provider),
        // The provider answers.
        row(AwaitingResponse,              E::Accept,             P, To(Accepted),                       Keep,        Both),
        row(AwaitingResponse,              E::Decline,            P, To(Rejected),                       Void,        Other),
        row(AwaitingResponse,              E::Counter,            P, To(Negotiating),                    Keep,        Other),
        row(AwaitingResponse,              E::Deadline,           T, To(Expired),                        Void,        Both),
        // Negotiation: only the party whose turn it is (the machine checks the turn).
        row(Negotiating,                   E::Accept,             R, To(Accepted),                       FollowTerms, Both),
        row(Negotiating,                   E::Accept,             P, To(Accepted),                       Keep,        Both),
        row(Negotiating,                   E::Counter,            R, To(Negotiating),                    FollowTerms, Other),
        row(Negotiating,                   E::Counter,            P, To(Negotiating),                    Keep,        Other),
        row(Negotiating,                   E::Decline,            R, To(Rejected),                       Void,        Both),
        row(Negotiating,                   E::Decline,            P, To(Rejected),                       Void,        Both),
        row(Negotiating,                   E::Deadline,           T, To(Expired),                        Void,        Both),
        // Leaving before the work starts.
        row(AwaitingResponse,              E::Withdraw,           R, To(Cancelled),                      Void,        Other),
        row(Negotiating,                   E::Withdraw,           R, To(Cancelled),                      Void,        Other),
        row(Accepted,                      E::Withdraw,           R, To(Cancelled),                      Void,        Other),
        row(Accepted,                      E::Cancel,             P, To(Cancelled),                      Void,        Other),
        // An admin deactivates a party: every waiting state but DISPUTED.
        row(AwaitingResponse,              E::MemberDeactivated,  A, To(Cancelled),                      Void,        Both),
        row(Negotiating,                   E::MemberDeactivated,  A, To(Cancelled),                      Void,        Both),
        row(Accepted,                      E::MemberDeactivated,  A, To(Cancelled),                      Void,        Both),
        row(PendingStartConfirmation,      E::MemberDeactivated,  A, To(Cancelled),                      Void,        Both),
        row(InProgress,                    E::MemberDeactivated,  A, To(Cancelled),                      Void,        Both),
        row(PendingCompletionConfirmation, E::MemberDeactivated,  A, To(Cancelled),                      Void,        Both),
        // Mutual confirmation of start and completion; the timer auto-confirms.
        row(Accepted,                      E::MarkStarted,        P, To(PendingStartConfirmation),       Keep,        Other),
        row(PendingStartConfirmation,      E::ConfirmStart,       R, To(InProgress),                     Keep,        Other),
        row(PendingStartConfirmation,      E::Deadline,           T, To(InProgress),                     Keep,        Both),
        row(InProgress,                    E::MarkCompleted,      P, To(PendingCompletionConfirmation),  Keep,        Other),
        row(PendingCompletionConfirmation, E::ConfirmCompletion,  R, To(Completed),                      Keep,        Nobody),
        row(PendingCompletionConfirmation, E::Deadline,           T, To(Completed),                      Keep,        Both),
        // Payment follows completion in the same transaction.
        row(Completed,                     E::ProcessPayment,     S, To(Paid),                           Post,        Both),
        // Disputes pause everything until an admin resolves them.
        row(Accepted,                      E::Dispute,            R, To(Disputed),                       Keep,        BothAndAdmins),
        row(Accepted,                      E::Dispute,            P, To(Disputed),                       Keep,        BothAndAdmins),
        row(PendingStartConfirmation,      E::Dispute,            R, To(Disputed),                       Keep,        BothAndAdmins),
        row(PendingStartConfirmation,      E::Dispute,            P, To(Disputed),                       Keep,        BothAndAdmins),
        row(InProgress,                    E::Dispute,            R, To(Disputed),                       Keep,        BothAndAdmins),
        row(InProgress,                    E::Dispute,            P, To(Disputed),                       Keep,        BothAndAdmins),
        row(PendingCompletionConfirmation, E::Dispute,            R, To(Disputed),                       Keep,        BothAndAdmins),
        row(PendingCompletionConfirmation, E::Dispute,            P, To(Disputed),                       Keep,        BothAndAdmins),
        row(Disputed,                      E::Resume,             A, PausedState,                        Keep,        Both),
        row(Disputed,                      E::PayProvider,        A, To(Paid),                           Post,        Both),
        row(Disputed,                      E::Refund,             A, To(Resolved),                       Void,        Both),
        row(Disputed,                      E::Split,              A, To(Resolved),                       Split,       Both),
    ]
};

/// One line of the state definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateDef {
    /// The name stored in the database and shown in admins' records.
    pub name: &'static str,
    pub kind: StateKind,
    pub waits_for: WaitsFor,
    pub deadline: Option<DeadlineDef>,
    /// (column, row) in the drawn lifecycle.
    pub graph: (i32, i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// Whose move a request in this state waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WaitsFor {
    /// HourBank's own steps, inside the current transaction.
    System,
    Requester,
    Provider,
    /// The party whose turn it is in the negotiation.
    PartyInTurn,
    Admin,
    /// Closed: no one.
    Nobody,
}

/// The deadline a waiting state arms when it is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineDef {
    /// Where its length comes from.
    pub from: DeadlineRule,
    /// What the timer does when it passes.
    pub on_fire: OnFire,
}

const fn deadline(from: DeadlineRule, on_fire: OnFire) -> Option<DeadlineDef> {
    Some(DeadlineDef { from, on_fire })
}

/// Where a deadline's length comes from: the service, or the request's own rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeadlineRule {
    /// The service's response window (2–72 h, the provider's choice).
    ResponseWindow,
    /// `Rules::negotiation_round_ms`.
    NegotiationRound,
    /// `Rules::confirm_ms`, for the start.
    StartConfirmation,
    /// `Rules::confirm_ms`, for the completion.
    CompletionConfirmation,
}

/// What the timer does when a state's deadline passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OnFire {
    /// The request expires; the hold goes back to the requester.
    Expire,
    /// The start counts as confirmed (from when the provider marked it).
    ConfirmStart,
    /// The completion counts as confirmed, and payment follows.
    ConfirmCompletion,
}

/// One line of the event definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventDef {
    /// The name stored in the history and posted by forms (`action=`).
    pub name: &'static str,
    pub trigger: Trigger,
    pub input: Input,
}

/// Who brings an event about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// The submit that creates a request (`machine::create`, never a row).
    Creation,
    /// HourBank's automatic step inside the same transaction.
    System,
    /// A deadline passing.
    Timer,
    /// A person asks for it on the request page.
    Button,
    /// It comes with an admin's deactivation of a party.
    Deactivation,
}

/// What a person fills in to ask for an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    Nothing,
    OptionalReason,
    RequiredReason,
    /// An admin's note, required.
    Note,
    /// New terms (a counter-offer).
    Terms,
    /// The provider's share of the hold, and a note.
    SplitAndNote,
}

impl Input {
    /// Whether the text typed with it may be left empty.
    pub fn text_required(self) -> bool {
        matches!(
            self,
            Input::RequiredReason | Input::Note | Input::SplitAndNote
        )
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
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Requester,
        ActorKind::Provider,
        ActorKind::Admin,
        ActorKind::Timer,
        ActorKind::System,
    ];

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
        ActorKind::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// One allowed transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub from: State,
    pub event: EventKind,
    pub actor: ActorKind,
    pub to: Target,
    pub hold: HoldMove,
    pub tell: Tell,
}

const fn row(
    from: State,
    event: EventKind,
    actor: ActorKind,
    to: Target,
    hold: HoldMove,
    tell: Tell,
) -> Row {
    Row {
        from,
        event,
        actor,
        to,
        hold,
        tell,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    To(State),
    /// Back to the state a dispute paused.
    PausedState,
}

/// What a transition does with the requester's escrowed hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HoldMove {
    /// Nothing (a frozen hold stays frozen).
    Keep,
    /// Hold the terms' cost.
    Place,
    /// Grow or shrink the hold to the cost of the terms on the table.
    FollowTerms,
    /// All of it to the provider.
    Post,
    /// All of it back to the requester.
    Void,
    /// The admin's share to the provider, the rest back.
    Split,
}

impl HoldMove {
    /// Whether hours reach the provider.
    pub fn pays_provider(self) -> bool {
        matches!(self, HoldMove::Post | HoldMove::Split)
    }
}

/// Who a transition notifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tell {
    Nobody,
    Requester,
    Provider,
    /// The party who did not act.
    Other,
    Both,
    /// Both parties, and every active admin.
    BothAndAdmins,
}

impl State {
    pub fn kind(self) -> StateKind {
        self.def().kind
    }

    pub fn is_terminal(self) -> bool {
        self.kind() == StateKind::Terminal
    }

    /// The name stored in the database and shown in history records.
    pub fn as_str(self) -> &'static str {
        self.def().name
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The states still open (everything but the terminal ones).
    pub fn open() -> impl Iterator<Item = State> {
        State::ALL.into_iter().filter(|s| !s.is_terminal())
    }

    pub fn terminal() -> impl Iterator<Item = State> {
        State::ALL.into_iter().filter(|s| s.is_terminal())
    }
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        self.def().name
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for an event a person asks for on the request page.
    pub fn is_button(self) -> bool {
        self.def().trigger == Trigger::Button
    }

    /// True when only an admin takes it (every row of it is an admin's).
    pub fn is_admins(self) -> bool {
        let mut rows = TABLE.iter().filter(|r| r.event == self).peekable();
        rows.peek().is_some() && rows.all(|r| r.actor == ActorKind::Admin)
    }
}

/// The events a person (member or admin) asks for; the rest are the system's, the
/// timer's, or come with a deactivation.
pub fn person_actions() -> impl Iterator<Item = EventKind> {
    EventKind::ALL.into_iter().filter(|k| k.is_button())
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

/// The states reachable from `from` through the table, never entering `avoid`.
fn reachable(from: State, avoid: Option<State>) -> Vec<State> {
    let mut seen = vec![from];
    let mut i = 0;
    while let Some(&s) = seen.get(i) {
        i += 1;
        for r in rows_from(s) {
            if let Target::To(next) = r.to {
                if Some(next) != avoid && !seen.contains(&next) {
                    seen.push(next);
                }
            }
        }
    }
    seen
}

/// Whether the terms of a request in `state` are the agreed ones: the states that come
/// after an accept and cannot be reached without one.
pub fn terms_agreed(state: State) -> bool {
    reachable(State::Accepted, None).contains(&state)
        && !reachable(State::Initiated, Some(State::Accepted)).contains(&state)
}

/// Whether a request in `state` waits for its work to begin: the provider marks it
/// started from here (the day-before-the-start reminder belongs to these states).
pub fn awaits_start(state: State) -> bool {
    TABLE
        .iter()
        .any(|r| r.from == state && r.event == EventKind::MarkStarted)
}

/// The states a member's deactivation cancels (the rows of that event).
pub fn cancelled_by_deactivation() -> impl Iterator<Item = State> {
    TABLE
        .iter()
        .filter(|r| r.event == EventKind::MemberDeactivated)
        .map(|r| r.from)
}

/// Whether the timer firing in `state` pays the provider, in the same transaction: its
/// deadline row, then the system's automatic rows after it, move hours to the provider.
/// (A sweep locks the provider's account only for these.)
pub fn firing_pays_provider(state: State) -> bool {
    let Some(first) = TABLE
        .iter()
        .find(|r| r.from == state && r.event == EventKind::Deadline)
    else {
        return false;
    };
    let mut row = first;
    loop {
        if row.hold.pays_provider() {
            return true;
        }
        let Target::To(next) = row.to else {
            return false;
        };
        match TABLE
            .iter()
            .find(|r| r.from == next && r.actor == ActorKind::System)
        {
            Some(r) => row = r,
            None => return false,
        }
    }
}

/// The states whose deadline firing pays the provider.
pub fn paying_deadlines() -> impl Iterator<Item = State> {
    State::ALL.into_iter().filter(|s| firing_pays_provider(*s))
}

/// The states the timer leaves by `on_fire`.
pub fn deadlines_that(on_fire: OnFire) -> impl Iterator<Item = State> {
    State::ALL
        .into_iter()
        .filter(move |s| s.def().deadline.is_some_and(|d| d.on_fire == on_fire))
}

/// The states whose entries the admin dashboard counts per day, in the order its chart
/// stacks them: the work started, paid, rejected, expired, cancelled, disputed.
pub const DAILY_COUNTS: [State; 6] = [
    State::InProgress,
    State::Paid,
    State::Rejected,
    State::Expired,
    State::Cancelled,
    State::Disputed,
];

/// Whether a request in `state` holds its cost in escrow: it is open, and the row that
/// places the hold lies behind it (every path from that row's target that keeps the
/// hold reaches it).
pub fn holds_escrow(state: State) -> bool {
    if state.is_terminal() {
        return false;
    }
    let mut reached: Vec<State> = TABLE
        .iter()
        .filter(|r| r.hold == HoldMove::Place)
        .filter_map(|r| match r.to {
            Target::To(s) => Some(s),
            Target::PausedState => None,
        })
        .collect();
    let mut i = 0;
    while i < reached.len() {
        let from = reached[i];
        for r in
            rows_from(from).filter(|r| matches!(r.hold, HoldMove::Keep | HoldMove::FollowTerms))
        {
            let targets: Vec<State> = match r.to {
                Target::To(s) => vec![s],
                // Back to whatever the dispute paused: the states that lead into it.
                Target::PausedState => TABLE
                    .iter()
                    .filter(|x| x.to == Target::To(r.from))
                    .map(|x| x.from)
                    .collect(),
            };
            for t in targets {
                if !reached.contains(&t) {
                    reached.push(t);
                }
            }
        }
        i += 1;
    }
    reached.contains(&state)
}

/// The states a dispute can pause (and so resume to): those with a row into the state
/// the `PausedState` row leaves.
pub fn pausable() -> impl Iterator<Item = State> {
    let paused_from: Vec<State> = TABLE
        .iter()
        .filter(|r| r.to == Target::PausedState)
        .map(|r| r.from)
        .collect();
    State::ALL.into_iter().filter(move |s| {
        TABLE
            .iter()
            .any(|r| r.from == *s && paused_from.iter().any(|p| r.to == Target::To(*p)))
    })
}

/// The provider's answers to a new request: the events of their rows out of
/// AWAITING_RESPONSE (the dashboard's response time runs until the first of them).
pub fn provider_answers() -> impl Iterator<Item = EventKind> {
    rows_from(State::AwaitingResponse)
        .filter(|r| r.actor == ActorKind::Provider)
        .map(|r| r.event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_agreed_from_the_accept_on_and_the_work_awaits_start_only_when_accepted() {
        let agreed: Vec<State> = State::ALL
            .into_iter()
            .filter(|s| terms_agreed(*s))
            .collect();
        assert_eq!(
            agreed,
            vec![
                State::Accepted,
                State::PendingStartConfirmation,
                State::InProgress,
                State::PendingCompletionConfirmation,
                State::Disputed,
                State::Completed,
                State::Paid,
                State::Resolved,
            ]
        );
        let awaiting: Vec<State> = State::ALL
            .into_iter()
            .filter(|s| awaits_start(*s))
            .collect();
        assert_eq!(awaiting, vec![State::Accepted]);
    }

    #[test]
    fn terminal_states_have_no_rows_and_the_others_have_some() {
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
    fn names_round_trip_and_are_what_serde_stores() {
        for s in State::ALL {
            assert_eq!(State::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }

    /// A state arms a deadline exactly when the timer has a row out of it, and the row
    /// moves the hold as the deadline's "on firing" says.
    #[test]
    fn deadlines_agree_with_the_timer_rows() {
        for s in State::ALL {
            let timer_row = find_row(s, EventKind::Deadline, ActorKind::Timer);
            match (s.def().deadline, timer_row) {
                (None, None) => {}
                (Some(d), Some(row)) => {
                    let hold = match d.on_fire {
                        OnFire::Expire => HoldMove::Void,
                        OnFire::ConfirmStart | OnFire::ConfirmCompletion => HoldMove::Keep,
                    };
                    assert_eq!(row.hold, hold, "{s:?}");
                    assert_eq!(row.to == Target::To(State::Expired), d.on_fire == Expire);
                }
                (d, r) => panic!("{s:?}: deadline {d:?} but timer row {r:?}"),
            }
            if s.def().deadline.is_some() {
                assert_eq!(s.kind(), StateKind::Waiting, "{s:?}");
            }
        }
    }

    /// Whoever a waiting state waits for has a row out of it; the system's states move
    /// on by a system row, and only they do.
    #[test]
    fn the_awaited_can_act() {
        for s in State::ALL {
            let actors: Vec<ActorKind> = rows_from(s).map(|r| r.actor).collect();
            let awaited: &[ActorKind] = match s.def().waits_for {
                WaitsFor::System => &[ActorKind::System],
                WaitsFor::Requester => &[ActorKind::Requester],
                WaitsFor::Provider => &[ActorKind::Provider],
                WaitsFor::PartyInTurn => &[ActorKind::Requester, ActorKind::Provider],
                WaitsFor::Admin => &[ActorKind::Admin],
                WaitsFor::Nobody => &[],
            };
            for a in awaited {
                assert!(actors.contains(a), "{s:?} waits for {a:?}, who has no row");
            }
            assert_eq!(
                s.def().waits_for == WaitsFor::Nobody,
                s.is_terminal(),
                "{s:?}"
            );
            assert_eq!(
                actors.contains(&ActorKind::System),
                s.def().waits_for == WaitsFor::System,
                "{s:?}"
            );
        }
    }

    #[test]
    fn derived_lists() {
        assert_eq!(
            cancelled_by_deactivation().collect::<Vec<_>>(),
            [
                State::AwaitingResponse,
                State::Negotiating,
                State::Accepted,
                State::PendingStartConfirmation,
                State::InProgress,
                State::PendingCompletionConfirmation
            ],
            "every waiting state but DISPUTED"
        );
        assert_eq!(
            paying_deadlines().collect::<Vec<_>>(),
            [State::PendingCompletionConfirmation]
        );
        assert_eq!(
            person_actions().count(),
            14,
            "the buttons of the request page"
        );
        let admins: Vec<EventKind> = person_actions().filter(|k| k.is_admins()).collect();
        assert_eq!(
            admins,
            [
                EventKind::Resume,
                EventKind::PayProvider,
                EventKind::Refund,
                EventKind::Split
            ]
        );
        assert_eq!(
            provider_answers().collect::<Vec<_>>(),
            [EventKind::Accept, EventKind::Decline, EventKind::Counter]
        );
        let holding: Vec<State> = State::ALL
            .into_iter()
            .filter(|s| holds_escrow(*s))
            .collect();
        assert_eq!(
            holding,
            [
                State::Escrowed,
                State::AwaitingResponse,
                State::Negotiating,
                State::Accepted,
                State::PendingStartConfirmation,
                State::InProgress,
                State::PendingCompletionConfirmation,
                State::Disputed,
                State::Completed
            ]
        );
        assert_eq!(
            pausable().collect::<Vec<_>>(),
            [
                State::Accepted,
                State::PendingStartConfirmation,
                State::InProgress,
                State::PendingCompletionConfirmation
            ]
        );
        for s in State::ALL {
            for t in State::ALL {
                if s != t {
                    assert_ne!(s.def().graph, t.def().graph, "{s:?} and {t:?} overlap");
                }
            }
        }
    }

    #[test]
    fn only_person_events_have_input_and_only_buttons_are_asked_for() {
        for k in EventKind::ALL {
            if k.def().input != Input::Nothing {
                assert!(k.is_button(), "{k:?}");
            }
            let actors: Vec<ActorKind> = TABLE
                .iter()
                .filter(|r| r.event == k)
                .map(|r| r.actor)
                .collect();
            match k.def().trigger {
                Trigger::Creation => assert!(actors.is_empty(), "{k:?} is never a row"),
                Trigger::System => assert!(actors.iter().all(|a| *a == ActorKind::System)),
                Trigger::Timer => assert!(actors.iter().all(|a| *a == ActorKind::Timer)),
                Trigger::Deactivation => assert!(actors.iter().all(|a| *a == ActorKind::Admin)),
                Trigger::Button => assert!(actors.iter().all(|a| matches!(
                    a,
                    ActorKind::Requester | ActorKind::Provider | ActorKind::Admin
                ))),
            }
        }
    }
}
