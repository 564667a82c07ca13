//! The lifecycle's words, in English: what members and admins read about states, events,
//! deadlines, holds and notifications. Pages, the api's refusals and (later) e-mails take
//! their words from here. Sentences are made from the definition's data, a notice's
//! facts and each request's own rules; no duration, limit or count is typed into one.

use super::checks::ValidationFailure;
use super::definition::{EventKind, OnFire, State};
use super::notices::{Notice, Offer};
use super::request::{Awaited, EndReason, Hold, HoldStatus, Party};
use crate::domain::{Minutes, Timestamp};
use crate::i18n::Viewer;

/// What a rating's comment is called in refusals.
pub const COMMENT: &str = "comment";

/// A state as a member would say it.
pub fn state(s: State) -> &'static str {
    match s {
        State::Initiated => "submitted",
        State::Validating => "being checked",
        State::Escrowed => "hours held",
        State::AwaitingResponse => "waiting for the provider",
        State::Negotiating => "negotiating",
        State::Accepted => "accepted",
        State::PendingStartConfirmation => "start to be confirmed",
        State::InProgress => "in progress",
        State::PendingCompletionConfirmation => "completion to be confirmed",
        State::Disputed => "disputed",
        State::Completed => "completed",
        State::Paid => "paid",
        State::Rejected => "rejected",
        State::Expired => "expired",
        State::Cancelled => "cancelled",
        State::Resolved => "resolved by an admin",
    }
}

/// The admin dashboard's name for a day's entries into `s` (its `DAILY_COUNTS`).
pub fn daily_count(s: State) -> &'static str {
    match s {
        State::InProgress => "started",
        other => state(other),
    }
}

/// The verb of an event, as the history and the refusals say it.
pub fn verb(k: EventKind) -> &'static str {
    match k {
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

/// The button that asks for an event on the request page.
pub fn button(k: EventKind) -> &'static str {
    match k {
        EventKind::Accept => "Accept",
        EventKind::Decline => "Decline",
        EventKind::Counter => "Send counter-offer",
        EventKind::Withdraw => "Withdraw request",
        EventKind::Cancel => "Cancel",
        EventKind::MarkStarted => "Mark started",
        EventKind::ConfirmStart => "Confirm start",
        EventKind::MarkCompleted => "Mark completed",
        EventKind::ConfirmCompletion => "Confirm completion",
        EventKind::Dispute => "Raise a dispute",
        EventKind::Resume => "Resume",
        EventKind::PayProvider => "Pay the provider",
        EventKind::Refund => "Refund the requester",
        EventKind::Split => "Split",
        EventKind::Submit
        | EventKind::StartValidation
        | EventKind::ChecksPassed
        | EventKind::ChecksFailed
        | EventKind::NotifyProvider
        | EventKind::MemberDeactivated
        | EventKind::ProcessPayment
        | EventKind::Deadline => verb(k),
    }
}

/// What the text typed with an event is called (in the form's label and in refusals).
pub fn text_name(k: EventKind) -> &'static str {
    match k {
        EventKind::Dispute => "reason for the dispute",
        EventKind::Resume | EventKind::PayProvider | EventKind::Refund | EventKind::Split => "note",
        EventKind::Decline | EventKind::Cancel => "reason",
        EventKind::Counter => "message",
        EventKind::Submit
        | EventKind::StartValidation
        | EventKind::ChecksPassed
        | EventKind::ChecksFailed
        | EventKind::NotifyProvider
        | EventKind::Accept
        | EventKind::Withdraw
        | EventKind::MemberDeactivated
        | EventKind::MarkStarted
        | EventKind::ConfirmStart
        | EventKind::MarkCompleted
        | EventKind::ConfirmCompletion
        | EventKind::ProcessPayment
        | EventKind::Deadline => "text",
    }
}

/// The label of the text field of an event's form.
pub fn text_label(k: EventKind) -> String {
    if k == EventKind::Dispute {
        return "What went wrong?".to_owned();
    }
    let name = text_name(k);
    let mut label = name[..1].to_uppercase() + &name[1..];
    label.push_str(if k.def().input.text_required() {
        " (required)"
    } else {
        " (optional)"
    });
    label
}

/// What the timer does when a deadline passes.
pub fn on_fire(f: OnFire) -> &'static str {
    match f {
        OnFire::Expire => "the request expires and the hours go back",
        OnFire::ConfirmStart => "the start is confirmed automatically",
        OnFire::ConfirmCompletion => {
            "completion is confirmed automatically and the provider is paid"
        }
    }
}

/// What the awaited party of `s` is to do.
fn awaited_step(s: State) -> &'static str {
    match s {
        State::AwaitingResponse => "to accept, decline or counter-offer",
        State::Negotiating => "to answer the counter-offer",
        State::Accepted => "to mark the service started",
        State::PendingStartConfirmation => "to confirm the start",
        State::InProgress => "to mark the service completed",
        State::PendingCompletionConfirmation => "to confirm completion",
        State::Disputed => "to resolve the dispute",
        State::Initiated
        | State::Validating
        | State::Escrowed
        | State::Completed
        | State::Paid
        | State::Rejected
        | State::Expired
        | State::Cancelled
        | State::Resolved => "",
    }
}

/// "Grace (the provider) to accept, decline or counter-offer": whom a request waits for.
pub fn waiting_for(who: Awaited, s: State, requester: &str, provider: &str) -> String {
    match who {
        Awaited::Party(Party::Requester) => {
            format!("{requester} (the requester) {}", awaited_step(s))
        }
        Awaited::Party(Party::Provider) => format!("{provider} (the provider) {}", awaited_step(s)),
        Awaited::Admin => format!("an admin {}", awaited_step(s)),
        Awaited::System => "HourBank".to_owned(),
        Awaited::Nobody => "no one: this request is closed".to_owned(),
    }
}

/// Why a closed request ended.
pub fn end_reason(r: &EndReason) -> String {
    match r {
        EndReason::Validation(v) => format!("Not sent: {}", validation_failure(v)),
        EndReason::Declined(reason) if reason.is_empty() => "Declined.".into(),
        EndReason::Declined(reason) => format!("Declined: {reason}"),
        EndReason::Expired => "Expired without an answer; the hours went back.".into(),
        EndReason::Withdrawn => "Withdrawn by the requester.".into(),
        EndReason::CancelledByProvider(reason) if reason.is_empty() => {
            "Cancelled by the provider.".into()
        }
        EndReason::CancelledByProvider(reason) => format!("Cancelled by the provider: {reason}"),
        EndReason::MemberDeactivated => "Cancelled because a member was deactivated.".into(),
        EndReason::DisputeRefunded => "An admin refunded the requester.".into(),
        EndReason::DisputeSplit => "An admin split the hours.".into(),
    }
}

/// Where a request's escrowed hours are.
pub fn hold(h: &Hold) -> String {
    match h.status {
        HoldStatus::None => "Nothing is held.".to_owned(),
        HoldStatus::Pending => format!("{} is held in escrow.", h.amount),
        HoldStatus::Posted => format!("{} was paid to the provider.", h.amount),
        HoldStatus::Voided => format!("{} was returned to the requester.", h.amount),
        HoldStatus::Split { to_provider } => format!(
            "{to_provider} was paid to the provider and {} returned to the requester.",
            Minutes(h.amount.0 - to_provider.0)
        ),
    }
}

/// A check that failed at submission.
pub fn validation_failure(v: &ValidationFailure) -> String {
    match v {
        ValidationFailure::RequesterInactive => "Your account is not active.".into(),
        ValidationFailure::ProviderInactive => "The provider's account is not active.".into(),
        ValidationFailure::OwnService => "You can't request your own service.".into(),
        ValidationFailure::ServiceUnavailable => {
            "This service does not exist or is not taking requests.".into()
        }
        ValidationFailure::InvalidTerms { error } => error.to_string(),
        ValidationFailure::InsufficientBalance { cost, available } => format!(
            "You don't have enough hours: this request costs {cost} and you have {available} available."
        ),
        ValidationFailure::DuplicateOpenRequest => {
            "You already have an open request for this service.".into()
        }
        ValidationFailure::TooManyOpenRequests { limit } => format!(
            "You have {limit} open requests, the most allowed. Finish or withdraw one first."
        ),
    }
}

/// "1 h 30 min at rate 1.25 (cost 1 h 53 min), starting Tue, Dec 8, 2026, 10:00 AM EST"
pub fn offer(o: &Offer, v: &Viewer) -> String {
    let start = o
        .start
        .map(|t| format!(", starting {}", v.time(t)))
        .unwrap_or_default();
    format!(
        "{} at rate {} (cost {}){start}",
        o.duration,
        v.decimal(o.rate),
        o.cost
    )
}

fn with(what: &str, text: &str) -> String {
    if text.is_empty() {
        format!("{what}.")
    } else {
        format!("{what}: {text}")
    }
}

/// A notification's sentence, from its kind and facts.
pub fn notice(n: &Notice, v: &Viewer) -> String {
    let at = |t: Timestamp| v.time(t);
    let offer = |o: &Offer| offer(o, v);
    match n {
        Notice::NotSent { reason } => {
            format!("Your request was not sent: {}", validation_failure(reason))
        }
        Notice::NewRequest { offer: o, answer_by } => format!(
            "New request: {}. Please answer by {}, or it expires and the hours go back.",
            offer(o),
            at(*answer_by)
        ),
        Notice::CounterOffer {
            round,
            offer: o,
            answer_by,
        } => format!(
            "Counter-offer (round {round}): {}. Please answer by {}.",
            offer(o),
            at(*answer_by)
        ),
        Notice::Accepted { offer: o } => format!("Request accepted: {}.", offer(o)),
        Notice::Declined { reason } if reason.is_empty() => {
            "The request was declined; the hours are back.".into()
        }
        Notice::Declined { reason } => {
            format!("The request was declined: {reason}. The hours are back.")
        }
        Notice::Withdrawn => "The requester withdrew the request.".into(),
        Notice::CancelledByProvider { reason } => with(
            "The provider cancelled the request; the hours are back",
            reason,
        ),
        Notice::CancelledByDeactivation => {
            "The request was cancelled because a member was deactivated.".into()
        }
        Notice::MarkedStarted { confirm_by } => format!(
            "The provider says the service has started. Please confirm; it is confirmed automatically at {}.",
            at(*confirm_by)
        ),
        Notice::StartConfirmed => "The requester confirmed the start.".into(),
        Notice::MarkedCompleted { confirm_by } => format!(
            "The provider says the service is complete. Please confirm; at {} it is confirmed automatically and the provider is paid.",
            at(*confirm_by)
        ),
        Notice::Expired => "The request expired without an answer; the hours are back.".into(),
        Notice::StartAutoConfirmed { after } => {
            format!("The start was confirmed automatically after {after}.")
        }
        Notice::CompletionAutoConfirmed { after } => {
            format!("The completion was confirmed automatically after {after}.")
        }
        Notice::Paid { amount } => {
            format!("Paid: {amount} went to the provider. You can now rate each other.")
        }
        Notice::DisputeRaised { .. } => {
            "A dispute was raised; everything is paused until an admin resolves it.".into()
        }
        Notice::DisputeToResolve { by, reason } => format!(
            "A dispute was raised by the {}: {reason}",
            match by {
                Party::Requester => "requester",
                Party::Provider => "provider",
            }
        ),
        Notice::Resumed { note } => format!("An admin resumed the request: {note}"),
        Notice::PaidByAdmin { amount, note } => {
            format!("An admin paid the provider {amount}: {note}")
        }
        Notice::RefundedByAdmin { amount, note } => {
            format!("An admin refunded the requester {amount}: {note}")
        }
        Notice::SplitByAdmin {
            to_provider,
            to_requester,
            note,
        } => format!(
            "An admin split the hours: {to_provider} to the provider, {to_requester} back: {note}"
        ),
        Notice::Rated { stars } => format!("You were rated {stars} of 5."),
        Notice::Reminder { state: s, deadline } => {
            let then = s
                .def()
                .deadline
                .map(|d| on_fire(d.on_fire))
                .unwrap_or("the timer acts");
            format!(
                "Reminder: you have until {} {}; then {then}.",
                at(*deadline),
                awaited_step(*s)
            )
        }
        Notice::StartsSoon { start } => {
            format!("Reminder: the agreed work starts {}.", at(*start))
        }
        Notice::TimerFailing { error } => {
            format!("A request's timer keeps failing and needs an admin: {error}")
        }
        Notice::MailFailing { failing, error } => {
            format!("{failing} e-mails keep failing to go out: {error}")
        }
        Notice::LedgerUnbalanced { detail } => {
            format!("The ledger's conservation check does not balance: {detail}")
        }
    }
}

/// A notification's e-mail subject.
pub fn notice_subject(n: &Notice) -> String {
    match n {
        Notice::NotSent { .. } => "Your request was not sent".into(),
        Notice::NewRequest { .. } => "New request: please answer".into(),
        Notice::CounterOffer { round, .. } => format!("Counter-offer (round {round})"),
        Notice::Accepted { .. } => "Request accepted".into(),
        Notice::Declined { .. } => "Request declined".into(),
        Notice::Withdrawn => "Request withdrawn".into(),
        Notice::CancelledByProvider { .. } | Notice::CancelledByDeactivation => {
            "Request cancelled".into()
        }
        Notice::MarkedStarted { .. } => "Please confirm the start".into(),
        Notice::StartConfirmed => "Start confirmed".into(),
        Notice::MarkedCompleted { .. } => "Please confirm completion".into(),
        Notice::Expired => "Request expired".into(),
        Notice::StartAutoConfirmed { .. } => "Start confirmed automatically".into(),
        Notice::CompletionAutoConfirmed { .. } => "Completion confirmed automatically".into(),
        Notice::Paid { .. } | Notice::PaidByAdmin { .. } => "Hours paid".into(),
        Notice::DisputeRaised { .. } => "A dispute was raised".into(),
        Notice::DisputeToResolve { .. } => "A dispute to resolve".into(),
        Notice::Resumed { .. } | Notice::RefundedByAdmin { .. } | Notice::SplitByAdmin { .. } => {
            "Dispute resolved".into()
        }
        Notice::Rated { .. } => "You were rated".into(),
        Notice::Reminder { .. } => "Reminder: the timer acts soon".into(),
        Notice::StartsSoon { .. } => "Reminder: the agreed work starts soon".into(),
        Notice::TimerFailing { .. } => "Alarm: a timer keeps failing".into(),
        Notice::MailFailing { .. } => "Alarm: e-mail keeps failing".into(),
        Notice::LedgerUnbalanced { .. } => "Alarm: the ledger does not balance".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_text_fields_say_whether_they_are_required() {
        assert_eq!(text_label(EventKind::Decline), "Reason (optional)");
        assert_eq!(text_label(EventKind::Refund), "Note (required)");
        assert_eq!(text_label(EventKind::Dispute), "What went wrong?");
    }

    #[test]
    fn waiting_words_name_the_awaited() {
        assert_eq!(
            waiting_for(
                Awaited::Party(Party::Provider),
                State::AwaitingResponse,
                "Ann",
                "Bob"
            ),
            "Bob (the provider) to accept, decline or counter-offer"
        );
        assert_eq!(
            waiting_for(Awaited::Nobody, State::Paid, "Ann", "Bob"),
            "no one: this request is closed"
        );
    }
}
