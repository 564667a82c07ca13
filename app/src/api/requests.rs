//! Server functions of the request lifecycle. Each takes the actor from the session;
//! the lifecycle (`crate::lifecycle`) decides what that actor may do.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::Timestamp;
use crate::lifecycle::machine::AllowedAction;
use crate::lifecycle::replay::RecordedEvent;
use crate::lifecycle::{Party, Request, State};
use crate::AppError;

pub const LIST_LIMIT: i64 = 200;

/// One line of "my requests" or the provider inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub request: Request,
    pub service_title: String,
    pub counterpart_name: String,
    /// The actions the viewer may take now (empty: waiting for someone else, or closed).
    pub allowed: Vec<AllowedAction>,
    /// The server's time when this was read (deadlines count down from it).
    pub now: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub from: Option<State>,
    pub to: State,
    pub recorded: RecordedEvent,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingEntry {
    pub by: Party,
    pub stars: i64,
    pub comment: String,
    pub at: Timestamp,
}

/// Everything the request page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetail {
    pub request: Request,
    pub service_title: String,
    pub requester_name: String,
    pub provider_name: String,
    /// The viewer's part: None for an admin who is not a party.
    pub viewer: Option<Party>,
    pub viewer_is_admin: bool,
    pub allowed: Vec<AllowedAction>,
    pub history: Vec<HistoryEntry>,
    pub ratings: Vec<RatingEntry>,
    pub can_rate: bool,
    /// The server's time when this was read.
    pub now: Timestamp,
}

/// The new state and version after an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionResult {
    pub id: crate::domain::RequestId,
    pub state: State,
    pub version: i64,
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! Shared plumbing of the server functions below.
    use super::*;
    use crate::domain::ids::RequestId;
    use crate::lifecycle::{Actor, Event, Rejection};
    use crate::server::context::{app_state, internal, require_admin, require_member};
    use crate::server::engine::{self, EngineError};
    use crate::server::StoreError;

    pub fn parse_request_id(raw: &str) -> Result<RequestId, AppError> {
        raw.parse()
            .map_err(|_| AppError::invalid("request_id", "That request id is malformed."))
    }

    impl From<EngineError> for AppError {
        fn from(e: EngineError) -> Self {
            match e {
                EngineError::Rejected(r) => match &r {
                    Rejection::InvalidTerms(_) => AppError::invalid("terms", r.to_string()),
                    Rejection::TextRequired { .. }
                    | Rejection::TextTooLong { .. }
                    | Rejection::TextUnprintable { .. } => AppError::invalid("text", r.to_string()),
                    Rejection::InvalidSplit { .. } => AppError::invalid("minutes", r.to_string()),
                    Rejection::InvalidStars => AppError::invalid("stars", r.to_string()),
                    Rejection::NotAParty => AppError::Forbidden,
                    Rejection::Inconsistent(_) => internal(&r),
                    _ => AppError::Conflict(r.to_string()),
                },
                EngineError::Conflict => AppError::Conflict(EngineError::Conflict.to_string()),
                EngineError::Store(StoreError::InsufficientHours) => {
                    AppError::Conflict("You don't have enough hours available for this.".into())
                }
                EngineError::Store(StoreError::AlreadyRated) => {
                    AppError::Conflict("You have already rated this request.".into())
                }
                EngineError::Store(s) => s.into(),
            }
        }
    }

    /// A member acts as requester or provider of the request.
    pub async fn member_act(
        request_id: &str,
        version: i64,
        event: Event,
    ) -> Result<ActionResult, AppError> {
        let actor = require_member()?;
        let id = parse_request_id(request_id)?;
        let state = app_state()?;
        let req = engine::act(
            &state.db,
            &state.clock,
            id,
            Some(version),
            &event,
            &Actor::Member(actor.member_id),
        )
        .await
        .map_err(|e| match e {
            // Someone who is no party learns nothing about the request.
            EngineError::Rejected(Rejection::NotAParty)
            | EngineError::Store(StoreError::NotFound(_)) => {
                AppError::NotFound("No such request.".into())
            }
            other => other.into(),
        })?;
        state
            .live
            .changed([req.requester].into_iter().chain(req.provider));
        Ok(ActionResult {
            id: req.id,
            state: req.state,
            version: req.version,
        })
    }

    /// An admin acts on the request.
    pub async fn admin_act(
        request_id: &str,
        version: i64,
        event: Event,
    ) -> Result<ActionResult, AppError> {
        let admin = require_admin()?;
        let id = parse_request_id(request_id)?;
        let state = app_state()?;
        let req = engine::act(
            &state.db,
            &state.clock,
            id,
            Some(version),
            &event,
            &Actor::Admin(admin.member_id),
        )
        .await?;
        state
            .live
            .changed([req.requester].into_iter().chain(req.provider));
        Ok(ActionResult {
            id: req.id,
            state: req.state,
            version: req.version,
        })
    }
}

/// Submits a request for a service. A well-formed request that fails a check is
/// recorded as REJECTED and returned with its reason; malformed input is an error.
#[server(endpoint = "requests/submit")]
pub async fn submit_request(
    service_id: String,
    duration_minutes: i64,
    rate: Option<i64>,
    message: String,
) -> Result<ActionResult, AppError> {
    use crate::domain::ServiceId;
    use crate::lifecycle::terms::{Terms, RATE_NORM};
    use crate::server::context::{app_state, require_member, respond};
    use crate::server::engine;
    respond(
        async move {
            let actor = require_member()?;
            let service: ServiceId = service_id
                .parse()
                .map_err(|_| AppError::invalid("service_id", "That service id is malformed."))?;
            if message.chars().count() > 10 * crate::lifecycle::terms::MESSAGE_MAX_CHARS {
                return Err(AppError::invalid(
                    "message",
                    "The message can be at most 2,000 characters.",
                ));
            }
            // Not a message at all: refused here, nothing recorded (as with a malformed id).
            if crate::domain::text::has_unprintable(&message) {
                return Err(AppError::invalid(
                    "message",
                    crate::lifecycle::terms::TermsError::MessageUnprintable.to_string(),
                ));
            }
            let terms = Terms {
                duration_minutes,
                rate: rate.unwrap_or(RATE_NORM),
                proposed_start: None,
                message: message.trim().to_owned(),
            };
            let state = app_state()?;
            let req = engine::submit(
                &state.db,
                &state.clock,
                &state.config.rules,
                actor.member_id,
                service,
                &terms,
            )
            .await?;
            state
                .live
                .changed([req.requester].into_iter().chain(req.provider));
            // The browser goes on to the request's page (rejected ones show their reason there).
            leptos_axum::redirect(&format!("/requests/{}", req.id));
            Ok(ActionResult {
                id: req.id,
                state: req.state,
                version: req.version,
            })
        }
        .await,
    )
}

#[server(endpoint = "requests/accept")]
pub async fn accept_request(request_id: String, version: i64) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(ssr::member_act(&request_id, version, Event::Accept).await)
}

#[server(endpoint = "requests/decline")]
pub async fn decline_request(
    request_id: String,
    version: i64,
    reason: String,
) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(
        ssr::member_act(&request_id, version, Event::Decline { reason }).await,
    )
}

#[server(endpoint = "requests/counter")]
pub async fn counter_offer(
    request_id: String,
    version: i64,
    duration_minutes: i64,
    rate: i64,
    message: String,
) -> Result<ActionResult, AppError> {
    use crate::lifecycle::{Event, Terms};
    let terms = Terms {
        duration_minutes,
        rate,
        proposed_start: None,
        message,
    };
    crate::server::context::respond(
        ssr::member_act(&request_id, version, Event::Counter { terms }).await,
    )
}

#[server(endpoint = "requests/withdraw")]
pub async fn withdraw_request(request_id: String, version: i64) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(ssr::member_act(&request_id, version, Event::Withdraw).await)
}

#[server(endpoint = "requests/cancel")]
pub async fn cancel_request(
    request_id: String,
    version: i64,
    reason: String,
) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(
        ssr::member_act(&request_id, version, Event::Cancel { reason }).await,
    )
}

#[server(endpoint = "requests/mark_started")]
pub async fn mark_started(request_id: String, version: i64) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(ssr::member_act(&request_id, version, Event::MarkStarted).await)
}

#[server(endpoint = "requests/confirm_start")]
pub async fn confirm_start(request_id: String, version: i64) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(
        ssr::member_act(&request_id, version, Event::ConfirmStart).await,
    )
}

#[server(endpoint = "requests/mark_completed")]
pub async fn mark_completed(request_id: String, version: i64) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(
        ssr::member_act(&request_id, version, Event::MarkCompleted).await,
    )
}

#[server(endpoint = "requests/confirm_completion")]
pub async fn confirm_completion(
    request_id: String,
    version: i64,
) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(
        ssr::member_act(&request_id, version, Event::ConfirmCompletion).await,
    )
}

#[server(endpoint = "requests/dispute")]
pub async fn dispute_request(
    request_id: String,
    version: i64,
    reason: String,
) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    crate::server::context::respond(
        ssr::member_act(&request_id, version, Event::Dispute { reason }).await,
    )
}

/// An admin resolves a dispute: `outcome` is resume, pay_provider, refund or split
/// (`minutes` to the provider, the rest refunded).
#[server(endpoint = "admin/resolve")]
pub async fn resolve_dispute(
    request_id: String,
    version: i64,
    outcome: String,
    minutes: Option<i64>,
    note: String,
) -> Result<ActionResult, AppError> {
    use crate::lifecycle::Event;
    use crate::server::context::{require_admin, respond};
    respond(
        async move {
            require_admin()?;
            let event = match outcome.as_str() {
                "resume" => Event::Resume { note },
                "pay_provider" => Event::PayProvider { note },
                "refund" => Event::Refund { note },
                "split" => Event::Split {
                    to_provider: crate::domain::Minutes(minutes.ok_or_else(|| {
                        AppError::invalid("minutes", "Enter the minutes for the provider.")
                    })?),
                    note,
                },
                _ => {
                    return Err(AppError::invalid(
                        "outcome",
                        "Choose resume, pay provider, refund or split.",
                    ))
                }
            };
            ssr::admin_act(&request_id, version, event).await
        }
        .await,
    )
}

#[server(endpoint = "requests/rate")]
pub async fn rate_request(request_id: String, stars: i64, comment: String) -> Result<(), AppError> {
    use crate::server::context::{app_state, require_member, respond};
    use crate::server::engine;
    respond(
        async move {
            let actor = require_member()?;
            let id = ssr::parse_request_id(&request_id)?;
            let state = app_state()?;
            engine::rate(
                &state.db,
                &state.clock,
                id,
                actor.member_id,
                stars,
                &comment,
            )
            .await
            .map_err(|e| match e {
                engine::EngineError::Rejected(crate::lifecycle::Rejection::NotAParty) => {
                    AppError::NotFound("No such request.".into())
                }
                other => other.into(),
            })
        }
        .await,
    )
}

/// The signed-in member's requests as requester (`as_party = "requester"`) or as provider.
#[server(endpoint = "requests/mine")]
pub async fn my_requests(as_party: String) -> Result<Vec<RequestSummary>, AppError> {
    use crate::lifecycle::{allowed_actions, Actor};
    use crate::server::context::{app_state, require_member, respond};
    use crate::server::requests_store;
    respond(
        async move {
            let actor = require_member()?;
            let party = match as_party.as_str() {
                "requester" => Party::Requester,
                "provider" => Party::Provider,
                _ => {
                    return Err(AppError::invalid(
                        "as_party",
                        "Choose requester or provider.",
                    ))
                }
            };
            let state = app_state()?;
            let rows = requests_store::list_for(&state.db.read, actor.member_id, party, LIST_LIMIT)
                .await?;
            let me = Actor::Member(actor.member_id);
            Ok(rows
                .into_iter()
                .map(|r| RequestSummary {
                    allowed: allowed_actions(&r.request, &me),
                    now: state.clock.now(),
                    counterpart_name: match party {
                        Party::Requester => r.provider_name.unwrap_or_else(|| "—".into()),
                        Party::Provider => r.requester_name,
                    },
                    service_title: r
                        .service_title
                        .unwrap_or_else(|| "(no such service)".into()),
                    request: r.request,
                })
                .collect())
        }
        .await,
    )
}

/// One request with its history and the viewer's allowed actions. Parties and admins only.
#[server(endpoint = "requests/get")]
pub async fn get_request(request_id: String) -> Result<RequestDetail, AppError> {
    use crate::domain::Role;
    use crate::lifecycle::machine::can_rate;
    use crate::lifecycle::{allowed_actions, Actor};
    use crate::server::context::{app_state, require_member, respond};
    use crate::server::requests_store;
    respond(
        async move {
            let actor = require_member()?;
            let id = ssr::parse_request_id(&request_id)?;
            let state = app_state()?;
            let not_found = || AppError::NotFound("No such request.".into());
            let r = requests_store::get_with_names(&state.db.read, id)
                .await
                .map_err(|_| not_found())?;
            let viewer = r.request.party_of(actor.member_id);
            let is_admin = actor.role == Role::Admin;
            if viewer.is_none() && !is_admin {
                return Err(not_found());
            }
            let allowed = match (viewer, is_admin) {
                (Some(_), _) => allowed_actions(&r.request, &Actor::Member(actor.member_id)),
                (None, true) => allowed_actions(&r.request, &Actor::Admin(actor.member_id)),
                (None, false) => Vec::new(),
            };
            let history = requests_store::history(&state.db.read, id)
                .await?
                .into_iter()
                .map(|h| HistoryEntry {
                    from: h.from,
                    to: h.to,
                    recorded: h.recorded,
                })
                .collect();
            let ratings: Vec<RatingEntry> = requests_store::ratings_for_request(&state.db.read, id)
                .await?
                .into_iter()
                .filter_map(|x| {
                    r.request.party_of(x.rater_id).map(|by| RatingEntry {
                        by,
                        stars: x.stars,
                        comment: x.comment,
                        at: x.at,
                    })
                })
                .collect();
            let can_rate = viewer.is_some_and(|p| {
                can_rate(&r.request, actor.member_id).is_ok() && !ratings.iter().any(|x| x.by == p)
            });
            Ok(RequestDetail {
                service_title: r
                    .service_title
                    .unwrap_or_else(|| "(no such service)".into()),
                requester_name: r.requester_name,
                provider_name: r.provider_name.unwrap_or_else(|| "—".into()),
                viewer,
                viewer_is_admin: is_admin,
                allowed,
                history,
                ratings,
                can_rate,
                now: state.clock.now(),
                request: r.request,
            })
        }
        .await,
    )
}

/// "1", "1.5", "1.25" → 100, 150, 125 (credit-hours per hour in hundredths).
pub fn parse_rate(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    let (whole, frac) = raw.split_once('.').unwrap_or((raw, ""));
    if whole.is_empty()
        || whole.len() > 3
        || frac.len() > 2
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let frac = format!("{frac:0<2}");
    Some(whole.parse::<i64>().ok()? * 100 + frac.parse::<i64>().ok()?)
}

/// The one endpoint the request page's forms post to: `action` names the lifecycle event
/// (accept, decline, counter, withdraw, cancel, mark_started, confirm_start,
/// mark_completed, confirm_completion, dispute; for admins resume, pay_provider, refund,
/// split). `text` is the reason or note; `duration_minutes`, `rate` and `message` make a
/// counter-offer; `minutes` is a split's share for the provider.
#[server(endpoint = "requests/act")]
pub async fn request_action(
    request_id: String,
    version: i64,
    action: String,
    text: Option<String>,
    duration_minutes: Option<String>,
    rate: Option<String>,
    message: Option<String>,
    minutes: Option<String>,
) -> Result<ActionResult, AppError> {
    use crate::lifecycle::{Event, EventKind, Terms};
    use crate::server::context::respond;
    respond(
        async move {
            let text = text.unwrap_or_default();
            let number = |raw: Option<String>, field: &str, what: &str| -> Result<i64, AppError> {
                raw.as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| AppError::invalid(field, format!("Enter {what}.")))?
                    .parse::<i64>()
                    .map_err(|_| {
                        AppError::invalid(field, format!("Enter {what} as a whole number."))
                    })
            };
            let kind = EventKind::parse(&action)
                .ok_or_else(|| AppError::invalid("action", "Unknown action."))?;
            let event = match kind {
                EventKind::Accept => Event::Accept,
                EventKind::Decline => Event::Decline { reason: text },
                EventKind::Counter => {
                    let duration_minutes =
                        number(duration_minutes, "duration_minutes", "the hours")?;
                    let rate = match rate.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                        None => crate::lifecycle::terms::RATE_NORM,
                        Some(r) => parse_rate(r).ok_or_else(|| {
                            AppError::invalid("rate", "Enter the rate as a number like 1 or 1.25.")
                        })?,
                    };
                    Event::Counter {
                        terms: Terms {
                            duration_minutes,
                            rate,
                            proposed_start: None,
                            message: message.unwrap_or_default(),
                        },
                    }
                }
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
                    to_provider: crate::domain::Minutes(number(
                        minutes,
                        "minutes",
                        "the minutes for the provider",
                    )?),
                    note: text,
                },
                EventKind::Submit
                | EventKind::StartValidation
                | EventKind::ChecksPassed
                | EventKind::ChecksFailed
                | EventKind::NotifyProvider
                | EventKind::MemberDeactivated
                | EventKind::ProcessPayment
                | EventKind::Deadline => {
                    return Err(AppError::invalid(
                        "action",
                        "Only the system can take that step.",
                    ));
                }
            };
            if matches!(
                kind,
                EventKind::Resume | EventKind::PayProvider | EventKind::Refund | EventKind::Split
            ) {
                ssr::admin_act(&request_id, version, event).await
            } else {
                ssr::member_act(&request_id, version, event).await
            }
        }
        .await,
    )
}

#[cfg(test)]
mod tests {
    use super::parse_rate;

    #[test]
    fn rates_parse_to_hundredths() {
        assert_eq!(parse_rate("1"), Some(100));
        assert_eq!(parse_rate("1.5"), Some(150));
        assert_eq!(parse_rate(" 1.25 "), Some(125));
        assert_eq!(parse_rate("0.5"), Some(50));
        for bad in ["", ".5", "1.255", "-1", "1e2", "abc", "1,5", "1234"] {
            assert_eq!(parse_rate(bad), None, "{bad}");
        }
    }
}
