//! What a notification tells, as data: its kind and its typed facts. The transition
//! emits them (`Effect::Notify`); words are made from them at the edge, when a page or an
//! e-mail shows them (`words::notice`), from the facts and the request's own rules — so
//! no duration, limit or count is ever written into a stored sentence.
//!
//! Stored as JSON (`notifications.notice`): a field a later version adds takes
//! `#[serde(default)]`; a kind is never renamed.

use serde::{Deserialize, Serialize};

use super::checks::ValidationFailure;
use super::definition::State;
use super::request::Party;
use super::terms::Terms;
use crate::domain::{Minutes, Timestamp};

/// The terms a notice speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub duration: Minutes,
    /// Credit-hours per hour, in hundredths.
    pub rate: i64,
    pub cost: Minutes,
    /// The proposed (once accepted, the agreed) start; none in notices stored before it.
    #[serde(default)]
    pub start: Option<Timestamp>,
}

impl Offer {
    pub fn of(t: &Terms) -> Offer {
        Offer {
            duration: Minutes(t.duration_minutes),
            rate: t.rate,
            cost: t.cost(),
            start: t.proposed_start,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// To the requester: the request failed a check and was not sent.
    NotSent {
        reason: ValidationFailure,
    },
    /// To the provider: answer by `answer_by` or the request expires.
    NewRequest {
        offer: Offer,
        answer_by: Timestamp,
    },
    /// To the party now in turn.
    CounterOffer {
        round: u32,
        offer: Offer,
        answer_by: Timestamp,
    },
    Accepted {
        offer: Offer,
    },
    Declined {
        reason: String,
    },
    /// To the provider.
    Withdrawn,
    /// To the requester.
    CancelledByProvider {
        reason: String,
    },
    CancelledByDeactivation,
    /// To the requester: confirm by `confirm_by`, or it is confirmed then.
    MarkedStarted {
        confirm_by: Timestamp,
    },
    /// To the provider.
    StartConfirmed,
    /// To the requester: confirm by `confirm_by`, or it is confirmed and paid then.
    MarkedCompleted {
        confirm_by: Timestamp,
    },
    Expired,
    /// `after`: how long the requester had to confirm (the request's own rules).
    StartAutoConfirmed {
        after: Minutes,
    },
    CompletionAutoConfirmed {
        after: Minutes,
    },
    Paid {
        amount: Minutes,
    },
    /// To the parties.
    DisputeRaised {
        by: Party,
    },
    /// To the admins.
    DisputeToResolve {
        by: Party,
        reason: String,
    },
    Resumed {
        note: String,
    },
    PaidByAdmin {
        amount: Minutes,
        note: String,
    },
    RefundedByAdmin {
        amount: Minutes,
        note: String,
    },
    SplitByAdmin {
        to_provider: Minutes,
        to_requester: Minutes,
        note: String,
    },
    /// To the member who was rated.
    Rated {
        stars: i64,
    },
    /// To the party a request waits for, before the timer acts on it: `state`'s deadline
    /// at `deadline` (the request's own numbers decided when).
    Reminder {
        state: State,
        deadline: Timestamp,
    },
    /// To both parties, the day before the agreed start (the request's rules say how
    /// long before).
    StartsSoon {
        start: Timestamp,
    },
    /// To admins: a request's timer transition keeps failing.
    TimerFailing {
        error: String,
    },
    /// To admins: e-mails keep failing to go out.
    MailFailing {
        failing: i64,
        error: String,
    },
    /// To admins: the ledger's conservation check does not balance.
    LedgerUnbalanced {
        detail: String,
    },
}

impl Notice {
    /// The kind's stored name (the JSON `kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::NotSent { .. } => "not_sent",
            Notice::NewRequest { .. } => "new_request",
            Notice::CounterOffer { .. } => "counter_offer",
            Notice::Accepted { .. } => "accepted",
            Notice::Declined { .. } => "declined",
            Notice::Withdrawn => "withdrawn",
            Notice::CancelledByProvider { .. } => "cancelled_by_provider",
            Notice::CancelledByDeactivation => "cancelled_by_deactivation",
            Notice::MarkedStarted { .. } => "marked_started",
            Notice::StartConfirmed => "start_confirmed",
            Notice::MarkedCompleted { .. } => "marked_completed",
            Notice::Expired => "expired",
            Notice::StartAutoConfirmed { .. } => "start_auto_confirmed",
            Notice::CompletionAutoConfirmed { .. } => "completion_auto_confirmed",
            Notice::Paid { .. } => "paid",
            Notice::DisputeRaised { .. } => "dispute_raised",
            Notice::DisputeToResolve { .. } => "dispute_to_resolve",
            Notice::Resumed { .. } => "resumed",
            Notice::PaidByAdmin { .. } => "paid_by_admin",
            Notice::RefundedByAdmin { .. } => "refunded_by_admin",
            Notice::SplitByAdmin { .. } => "split_by_admin",
            Notice::Rated { .. } => "rated",
            Notice::Reminder { .. } => "reminder",
            Notice::StartsSoon { .. } => "starts_soon",
            Notice::TimerFailing { .. } => "timer_failing",
            Notice::MailFailing { .. } => "mail_failing",
            Notice::LedgerUnbalanced { .. } => "ledger_unbalanced",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_is_the_stored_tag() {
        let n = Notice::MarkedStarted {
            confirm_by: Timestamp(5),
        };
        let json = serde_json::to_value(&n).unwrap();
        assert_eq!(json["kind"], n.kind());
        assert_eq!(serde_json::from_value::<Notice>(json).unwrap(), n);
        let r = Notice::Rated { stars: 4 };
        assert_eq!(serde_json::to_value(&r).unwrap()["kind"], r.kind());
    }
}
