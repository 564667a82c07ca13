//! The lifecycle's words: what members and admins read about states, events, deadlines,
//! holds, notifications and refusals, in the reader's language (the catalogue's `lc-`
//! keys). Pages, the api's refusals and e-mails take their words from here. Sentences
//! are made from the definition's data, a notice's facts and each request's own rules;
//! no duration, limit or count is typed into one.

use super::checks::ValidationFailure;
use super::definition::{ActorKind, EventKind, OnFire, State};
use super::notices::{Notice, Offer};
use super::refusals::{AskError, Rejection};
use super::request::{Awaited, EndReason, Hold, HoldStatus, Party};
use super::terms::{
    TermsError, DURATION_MAX_MINUTES, DURATION_MIN_MINUTES, DURATION_STEP_MINUTES,
    MESSAGE_MAX_CHARS, RATE_MAX, RATE_MIN, START_MAX_AHEAD_MS,
};
use crate::domain::Minutes;
use crate::i18n::{Arg, Viewer};

/// What a rating's comment is called in refusals (as data: see [`field_name`]).
pub const COMMENT: &str = "comment";

// The names of the text fields as refusals keep them (the same in every language).
const DISPUTE_REASON: &str = "reason for the dispute";
const NOTE: &str = "note";
const REASON: &str = "reason";
const MESSAGE: &str = "message";
const TEXT: &str = "text";

/// A state as a member would say it.
pub fn state(s: State, v: &Viewer) -> String {
    v.t(match s {
        State::Initiated => "lc-state-initiated",
        State::Validating => "lc-state-validating",
        State::Escrowed => "lc-state-escrowed",
        State::AwaitingResponse => "lc-state-awaiting-response",
        State::Negotiating => "lc-state-negotiating",
        State::Accepted => "lc-state-accepted",
        State::PendingStartConfirmation => "lc-state-pending-start-confirmation",
        State::InProgress => "lc-state-in-progress",
        State::PendingCompletionConfirmation => "lc-state-pending-completion-confirmation",
        State::Disputed => "lc-state-disputed",
        State::Completed => "lc-state-completed",
        State::Paid => "lc-state-paid",
        State::Rejected => "lc-state-rejected",
        State::Expired => "lc-state-expired",
        State::Cancelled => "lc-state-cancelled",
        State::Resolved => "lc-state-resolved",
    })
}

/// The admin dashboard's name for a day's entries into `s` (its `DAILY_COUNTS`).
pub fn daily_count(s: State, v: &Viewer) -> String {
    match s {
        State::InProgress => v.t("lc-daily-started"),
        other => state(other, v),
    }
}

/// The verb of an event, as the history and the refusals say it.
pub fn verb(k: EventKind, v: &Viewer) -> String {
    v.t(match k {
        EventKind::Submit => "lc-verb-submit",
        EventKind::StartValidation => "lc-verb-start-validation",
        EventKind::ChecksPassed => "lc-verb-checks-passed",
        EventKind::ChecksFailed => "lc-verb-checks-failed",
        EventKind::NotifyProvider => "lc-verb-notify-provider",
        EventKind::Accept => "lc-verb-accept",
        EventKind::Decline => "lc-verb-decline",
        EventKind::Counter => "lc-verb-counter",
        EventKind::Withdraw => "lc-verb-withdraw",
        EventKind::Cancel => "lc-verb-cancel",
        EventKind::MemberDeactivated => "lc-verb-member-deactivated",
        EventKind::MarkStarted => "lc-verb-mark-started",
        EventKind::ConfirmStart => "lc-verb-confirm-start",
        EventKind::MarkCompleted => "lc-verb-mark-completed",
        EventKind::ConfirmCompletion => "lc-verb-confirm-completion",
        EventKind::ProcessPayment => "lc-verb-process-payment",
        EventKind::Dispute => "lc-verb-dispute",
        EventKind::Resume => "lc-verb-resume",
        EventKind::PayProvider => "lc-verb-pay-provider",
        EventKind::Refund => "lc-verb-refund",
        EventKind::Split => "lc-verb-split",
        EventKind::Deadline => "lc-verb-deadline",
    })
}

/// The button that asks for an event on the request page.
pub fn button(k: EventKind, v: &Viewer) -> String {
    let key = match k {
        EventKind::Accept => "lc-button-accept",
        EventKind::Decline => "lc-button-decline",
        EventKind::Counter => "lc-button-counter",
        EventKind::Withdraw => "lc-button-withdraw",
        EventKind::Cancel => "lc-button-cancel",
        EventKind::MarkStarted => "lc-button-mark-started",
        EventKind::ConfirmStart => "lc-button-confirm-start",
        EventKind::MarkCompleted => "lc-button-mark-completed",
        EventKind::ConfirmCompletion => "lc-button-confirm-completion",
        EventKind::Dispute => "lc-button-dispute",
        EventKind::Resume => "lc-button-resume",
        EventKind::PayProvider => "lc-button-pay-provider",
        EventKind::Refund => "lc-button-refund",
        EventKind::Split => "lc-button-split",
        EventKind::Submit
        | EventKind::StartValidation
        | EventKind::ChecksPassed
        | EventKind::ChecksFailed
        | EventKind::NotifyProvider
        | EventKind::MemberDeactivated
        | EventKind::ProcessPayment
        | EventKind::Deadline => return verb(k, v),
    };
    v.t(key)
}

/// What the text typed with an event is called, as data: the same in every language,
/// kept in refusals (`Rejection::TextRequired`'s `what`) and shown with [`field_name`].
pub(super) fn text_field(k: EventKind) -> &'static str {
    match k {
        EventKind::Dispute => DISPUTE_REASON,
        EventKind::Resume | EventKind::PayProvider | EventKind::Refund | EventKind::Split => NOTE,
        EventKind::Decline | EventKind::Cancel => REASON,
        EventKind::Counter => MESSAGE,
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
        | EventKind::Deadline => TEXT,
    }
}

/// The words for a text field's name as a refusal keeps it ("reason", "note",
/// [`COMMENT`]); a name the catalogue does not know is shown as it is.
pub fn field_name(what: &str, v: &Viewer) -> String {
    let key = match what {
        DISPUTE_REASON => "lc-field-dispute-reason",
        NOTE => "lc-field-note",
        REASON => "lc-field-reason",
        MESSAGE => "lc-field-message",
        TEXT => "lc-field-text",
        COMMENT => "lc-field-comment",
        other => return other.to_owned(),
    };
    v.t(key)
}

/// What the text typed with an event is called (in the form's label and in refusals).
pub fn text_name(k: EventKind, v: &Viewer) -> String {
    field_name(text_field(k), v)
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The label of the text field of an event's form.
pub fn text_label(k: EventKind, v: &Viewer) -> String {
    if k == EventKind::Dispute {
        return v.t("lc-label-dispute");
    }
    let name = capitalized(&text_name(k, v));
    let key = if k.def().input.text_required() {
        "lc-label-required"
    } else {
        "lc-label-optional"
    };
    v.tr(key, [("name", name.into())])
}

/// What the timer does when a deadline passes.
pub fn on_fire(f: OnFire, v: &Viewer) -> String {
    v.t(match f {
        OnFire::Expire => "lc-on-fire-expire",
        OnFire::ConfirmStart => "lc-on-fire-confirm-start",
        OnFire::ConfirmCompletion => "lc-on-fire-confirm-completion",
    })
}

/// What the awaited party of `s` is to do (nothing to say for the other states).
fn awaited_step(s: State, v: &Viewer) -> String {
    let key = match s {
        State::AwaitingResponse => "lc-step-awaiting-response",
        State::Negotiating => "lc-step-negotiating",
        State::Accepted => "lc-step-accepted",
        State::PendingStartConfirmation => "lc-step-pending-start-confirmation",
        State::InProgress => "lc-step-in-progress",
        State::PendingCompletionConfirmation => "lc-step-pending-completion-confirmation",
        State::Disputed => "lc-step-disputed",
        State::Initiated
        | State::Validating
        | State::Escrowed
        | State::Completed
        | State::Paid
        | State::Rejected
        | State::Expired
        | State::Cancelled
        | State::Resolved => return String::new(),
    };
    v.t(key)
}

/// "Grace (the provider) to accept, decline or counter-offer": whom a request waits for.
pub fn waiting_for(who: Awaited, s: State, requester: &str, provider: &str, v: &Viewer) -> String {
    match who {
        Awaited::Party(Party::Requester) => v.tr(
            "lc-waiting-requester",
            [
                ("name", requester.into()),
                ("step", awaited_step(s, v).into()),
            ],
        ),
        Awaited::Party(Party::Provider) => v.tr(
            "lc-waiting-provider",
            [
                ("name", provider.into()),
                ("step", awaited_step(s, v).into()),
            ],
        ),
        Awaited::Admin => v.tr("lc-waiting-admin", [("step", awaited_step(s, v).into())]),
        // A name, the same in every language.
        Awaited::System => "HourBank".to_owned(),
        Awaited::Nobody => v.t("lc-waiting-nobody"),
    }
}

/// Why a closed request ended.
pub fn end_reason(r: &EndReason, v: &Viewer) -> String {
    match r {
        EndReason::Validation(f) => v.tr(
            "lc-end-not-sent",
            [("reason", validation_failure(f, v).into())],
        ),
        EndReason::Declined(reason) if reason.is_empty() => v.t("lc-end-declined"),
        EndReason::Declined(reason) => v.tr("lc-end-declined-reason", [("reason", reason.into())]),
        EndReason::Expired => v.t("lc-end-expired"),
        EndReason::Withdrawn => v.t("lc-end-withdrawn"),
        EndReason::CancelledByProvider(reason) if reason.is_empty() => {
            v.t("lc-end-cancelled-by-provider")
        }
        EndReason::CancelledByProvider(reason) => v.tr(
            "lc-end-cancelled-by-provider-reason",
            [("reason", reason.into())],
        ),
        EndReason::MemberDeactivated => v.t("lc-end-member-deactivated"),
        EndReason::DisputeRefunded => v.t("lc-end-dispute-refunded"),
        EndReason::DisputeSplit => v.t("lc-end-dispute-split"),
    }
}

/// Where a request's escrowed hours are.
pub fn hold(h: &Hold, v: &Viewer) -> String {
    match h.status {
        HoldStatus::None => v.t("lc-hold-none"),
        HoldStatus::Pending => v.tr("lc-hold-pending", [("amount", h.amount.into())]),
        HoldStatus::Posted => v.tr("lc-hold-posted", [("amount", h.amount.into())]),
        HoldStatus::Voided => v.tr("lc-hold-voided", [("amount", h.amount.into())]),
        HoldStatus::Split { to_provider } => v.tr(
            "lc-hold-split",
            [
                ("provider", to_provider.into()),
                ("requester", Minutes(h.amount.0 - to_provider.0).into()),
            ],
        ),
    }
}

/// A count of characters as the reader writes it: "2,000" (or "2.000").
fn grouped(n: usize) -> Arg {
    crate::domain::text::grouped_text(n).into()
}

/// Why terms were refused (a submit's, a counter-offer's).
pub fn terms_error(e: &TermsError, v: &Viewer) -> String {
    match e {
        TermsError::Duration => v.tr(
            "lc-terms-duration",
            [
                ("min", Minutes(DURATION_MIN_MINUTES).into()),
                ("max", Minutes(DURATION_MAX_MINUTES).into()),
                ("step", DURATION_STEP_MINUTES.into()),
            ],
        ),
        TermsError::Rate => v.tr(
            "lc-terms-rate",
            [
                ("min", Arg::Decimal(RATE_MIN)),
                ("max", Arg::Decimal(RATE_MAX)),
            ],
        ),
        TermsError::MessageTooLong => v.tr(
            "lc-terms-message-too-long",
            [("max", grouped(MESSAGE_MAX_CHARS))],
        ),
        TermsError::MessageUnprintable => v.t("lc-terms-message-unprintable"),
        TermsError::StartPassed => v.t("lc-terms-start-passed"),
        TermsError::StartTooFar => v.tr(
            "lc-terms-start-too-far",
            [("days", (START_MAX_AHEAD_MS / (24 * 3_600_000)).into())],
        ),
    }
}

/// A check that failed at submission.
pub fn validation_failure(f: &ValidationFailure, v: &Viewer) -> String {
    match f {
        ValidationFailure::RequesterInactive => v.t("lc-failure-requester-inactive"),
        ValidationFailure::ProviderInactive => v.t("lc-failure-provider-inactive"),
        ValidationFailure::OwnService => v.t("lc-failure-own-service"),
        ValidationFailure::ServiceUnavailable => v.t("lc-failure-service-unavailable"),
        ValidationFailure::InvalidTerms { error } => terms_error(error, v),
        ValidationFailure::InsufficientBalance { cost, available } => v.tr(
            "lc-failure-insufficient-balance",
            [("cost", (*cost).into()), ("available", (*available).into())],
        ),
        ValidationFailure::DuplicateOpenRequest => v.t("lc-failure-duplicate-open-request"),
        ValidationFailure::TooManyOpenRequests { limit } => v.tr(
            "lc-failure-too-many-open-requests",
            [("limit", (*limit).into())],
        ),
    }
}

/// Why an action was refused, in words for the member.
pub fn rejection(r: &Rejection, v: &Viewer) -> String {
    match r {
        Rejection::NotAParty => v.t("lc-rejection-not-a-party"),
        Rejection::Closed { state: s } => {
            v.tr("lc-rejection-closed", [("state", state(*s, v).into())])
        }
        Rejection::WrongActor { action, who } => {
            let key = match who {
                ActorKind::Requester => "lc-rejection-wrong-actor-requester",
                ActorKind::Provider => "lc-rejection-wrong-actor-provider",
                ActorKind::Admin => "lc-rejection-wrong-actor-admin",
                ActorKind::Timer => "lc-rejection-wrong-actor-timer",
                ActorKind::System => "lc-rejection-wrong-actor-system",
            };
            v.tr(key, [("action", verb(*action, v).into())])
        }
        Rejection::NotNow { action, state: s } => v.tr(
            "lc-rejection-not-now",
            [
                ("action", verb(*action, v).into()),
                ("state", state(*s, v).into()),
            ],
        ),
        Rejection::NotYourTurn => v.t("lc-rejection-not-your-turn"),
        Rejection::RoundLimit { max } => v.tr("lc-rejection-round-limit", [("max", (*max).into())]),
        Rejection::InvalidTerms(e) => terms_error(e, v),
        Rejection::TextRequired { what } => v.tr(
            "lc-rejection-text-required",
            [("what", field_name(what, v).into())],
        ),
        Rejection::TextTooLong { what, max } => v.tr(
            "lc-rejection-text-too-long",
            [("what", field_name(what, v).into()), ("max", grouped(*max))],
        ),
        Rejection::TextUnprintable { what } => v.tr(
            "lc-rejection-text-unprintable",
            [("what", field_name(what, v).into())],
        ),
        Rejection::InvalidSplit { hold: held } => v.tr(
            "lc-rejection-invalid-split",
            [
                ("max", Minutes(held.0 - 1).into()),
                ("hold", (*held).into()),
            ],
        ),
        Rejection::DeadlineNotDue => v.t("lc-rejection-deadline-not-due"),
        Rejection::StaleDeadline => v.t("lc-rejection-stale-deadline"),
        Rejection::AlreadySubmitted => v.t("lc-rejection-already-submitted"),
        Rejection::NotRateable => v.t("lc-rejection-not-rateable"),
        Rejection::InvalidStars => v.t("lc-rejection-invalid-stars"),
        Rejection::Inconsistent(detail) => {
            v.tr("lc-rejection-inconsistent", [("detail", detail.into())])
        }
    }
}

/// Why a posted action is not an event a person can ask for.
pub fn ask_error(e: &AskError, v: &Viewer) -> String {
    v.t(match e {
        AskError::NotAsked => "lc-ask-not-asked",
        AskError::MissingTerms => "lc-ask-missing-terms",
        AskError::MissingShare => "lc-ask-missing-share",
    })
}

/// "1 h 30 min at rate 1.25 (cost 1 h 53 min), starting Tue, Dec 8, 2026, 10:00 AM EST"
pub fn offer(o: &Offer, v: &Viewer) -> String {
    let rate = v.decimal(o.rate);
    match o.start {
        Some(start) => v.tr(
            "lc-offer-starting",
            [
                ("duration", o.duration.into()),
                ("rate", rate.into()),
                ("cost", o.cost.into()),
                ("start", start.into()),
            ],
        ),
        None => v.tr(
            "lc-offer",
            [
                ("duration", o.duration.into()),
                ("rate", rate.into()),
                ("cost", o.cost.into()),
            ],
        ),
    }
}

/// A notification's sentence, from its kind and facts.
pub fn notice(n: &Notice, v: &Viewer) -> String {
    match n {
        Notice::NotSent { reason } => v.tr(
            "lc-notice-not-sent",
            [("reason", validation_failure(reason, v).into())],
        ),
        Notice::NewRequest {
            offer: o,
            answer_by,
        } => v.tr(
            "lc-notice-new-request",
            [
                ("offer", offer(o, v).into()),
                ("deadline", (*answer_by).into()),
            ],
        ),
        Notice::CounterOffer {
            round,
            offer: o,
            answer_by,
        } => v.tr(
            "lc-notice-counter-offer",
            [
                ("round", (*round).into()),
                ("offer", offer(o, v).into()),
                ("deadline", (*answer_by).into()),
            ],
        ),
        Notice::Accepted { offer: o } => {
            v.tr("lc-notice-accepted", [("offer", offer(o, v).into())])
        }
        Notice::Declined { reason } if reason.is_empty() => v.t("lc-notice-declined"),
        Notice::Declined { reason } => {
            v.tr("lc-notice-declined-reason", [("reason", reason.into())])
        }
        Notice::Withdrawn => v.t("lc-notice-withdrawn"),
        Notice::CancelledByProvider { reason } if reason.is_empty() => {
            v.t("lc-notice-cancelled-by-provider")
        }
        Notice::CancelledByProvider { reason } => v.tr(
            "lc-notice-cancelled-by-provider-reason",
            [("reason", reason.into())],
        ),
        Notice::CancelledByDeactivation => v.t("lc-notice-cancelled-by-deactivation"),
        Notice::MarkedStarted { confirm_by } => v.tr(
            "lc-notice-marked-started",
            [("deadline", (*confirm_by).into())],
        ),
        Notice::StartConfirmed => v.t("lc-notice-start-confirmed"),
        Notice::MarkedCompleted { confirm_by } => v.tr(
            "lc-notice-marked-completed",
            [("deadline", (*confirm_by).into())],
        ),
        Notice::Expired => v.t("lc-notice-expired"),
        Notice::StartAutoConfirmed { after } => v.tr(
            "lc-notice-start-auto-confirmed",
            [("after", (*after).into())],
        ),
        Notice::CompletionAutoConfirmed { after } => v.tr(
            "lc-notice-completion-auto-confirmed",
            [("after", (*after).into())],
        ),
        Notice::Paid { amount } => v.tr("lc-notice-paid", [("amount", (*amount).into())]),
        Notice::DisputeRaised { .. } => v.t("lc-notice-dispute-raised"),
        Notice::DisputeToResolve { by, reason } => v.tr(
            match by {
                Party::Requester => "lc-notice-dispute-by-requester",
                Party::Provider => "lc-notice-dispute-by-provider",
            },
            [("reason", reason.into())],
        ),
        Notice::Resumed { note } => v.tr("lc-notice-resumed", [("note", note.into())]),
        Notice::PaidByAdmin { amount, note } => v.tr(
            "lc-notice-paid-by-admin",
            [("amount", (*amount).into()), ("note", note.into())],
        ),
        Notice::RefundedByAdmin { amount, note } => v.tr(
            "lc-notice-refunded-by-admin",
            [("amount", (*amount).into()), ("note", note.into())],
        ),
        Notice::SplitByAdmin {
            to_provider,
            to_requester,
            note,
        } => v.tr(
            "lc-notice-split-by-admin",
            [
                ("provider", (*to_provider).into()),
                ("requester", (*to_requester).into()),
                ("note", note.into()),
            ],
        ),
        Notice::Rated { stars } => v.tr("lc-notice-rated", [("stars", (*stars).into())]),
        Notice::Reminder { state: s, deadline } => {
            let then = s
                .def()
                .deadline
                .map(|d| on_fire(d.on_fire, v))
                .unwrap_or_else(|| v.t("lc-on-fire-timer"));
            v.tr(
                "lc-notice-reminder",
                [
                    ("deadline", (*deadline).into()),
                    ("step", awaited_step(*s, v).into()),
                    ("then", then.into()),
                ],
            )
        }
        Notice::StartsSoon { start } => v.tr("lc-notice-starts-soon", [("start", (*start).into())]),
        Notice::TimerFailing { error } => {
            v.tr("lc-notice-timer-failing", [("error", error.into())])
        }
        Notice::MailFailing { failing, error } => v.tr(
            "lc-notice-mail-failing",
            [("failing", (*failing).into()), ("error", error.into())],
        ),
        Notice::LedgerUnbalanced { detail } => {
            v.tr("lc-notice-ledger-unbalanced", [("detail", detail.into())])
        }
    }
}

/// A notification's e-mail subject.
pub fn notice_subject(n: &Notice, v: &Viewer) -> String {
    let key = match n {
        Notice::NotSent { .. } => "lc-subject-not-sent",
        Notice::NewRequest { .. } => "lc-subject-new-request",
        Notice::CounterOffer { round, .. } => {
            return v.tr("lc-subject-counter-offer", [("round", (*round).into())])
        }
        Notice::Accepted { .. } => "lc-subject-accepted",
        Notice::Declined { .. } => "lc-subject-declined",
        Notice::Withdrawn => "lc-subject-withdrawn",
        Notice::CancelledByProvider { .. } | Notice::CancelledByDeactivation => {
            "lc-subject-cancelled"
        }
        Notice::MarkedStarted { .. } => "lc-subject-confirm-start",
        Notice::StartConfirmed => "lc-subject-start-confirmed",
        Notice::MarkedCompleted { .. } => "lc-subject-confirm-completion",
        Notice::Expired => "lc-subject-expired",
        Notice::StartAutoConfirmed { .. } => "lc-subject-start-auto-confirmed",
        Notice::CompletionAutoConfirmed { .. } => "lc-subject-completion-auto-confirmed",
        Notice::Paid { .. } | Notice::PaidByAdmin { .. } => "lc-subject-paid",
        Notice::DisputeRaised { .. } => "lc-subject-dispute-raised",
        Notice::DisputeToResolve { .. } => "lc-subject-dispute-to-resolve",
        Notice::Resumed { .. } | Notice::RefundedByAdmin { .. } | Notice::SplitByAdmin { .. } => {
            "lc-subject-dispute-resolved"
        }
        Notice::Rated { .. } => "lc-subject-rated",
        Notice::Reminder { .. } => "lc-subject-reminder",
        Notice::StartsSoon { .. } => "lc-subject-starts-soon",
        Notice::TimerFailing { .. } => "lc-subject-timer-failing",
        Notice::MailFailing { .. } => "lc-subject-mail-failing",
        Notice::LedgerUnbalanced { .. } => "lc-subject-ledger-unbalanced",
    };
    v.t(key)
}

/// English, in UTC: for logs and tests. Members get [`terms_error`] in their language.
impl std::fmt::Display for TermsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&terms_error(self, &Viewer::default()))
    }
}

/// English, in UTC: for logs and tests. Members get [`ask_error`] in their language.
impl std::fmt::Display for AskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&ask_error(self, &Viewer::default()))
    }
}

/// English, in UTC: for logs and tests. Members get [`rejection`] in their language.
impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&rejection(self, &Viewer::default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_text_fields_say_whether_they_are_required() {
        let v = &Viewer::default();
        assert_eq!(text_label(EventKind::Decline, v), "Reason (optional)");
        assert_eq!(text_label(EventKind::Refund, v), "Note (required)");
        assert_eq!(text_label(EventKind::Dispute, v), "What went wrong?");
    }

    #[test]
    fn waiting_words_name_the_awaited() {
        let v = &Viewer::default();
        assert_eq!(
            waiting_for(
                Awaited::Party(Party::Provider),
                State::AwaitingResponse,
                "Ann",
                "Bob",
                v
            ),
            "Bob (the provider) to accept, decline or counter-offer"
        );
        assert_eq!(
            waiting_for(Awaited::Nobody, State::Paid, "Ann", "Bob", v),
            "no one: this request is closed"
        );
    }
}
