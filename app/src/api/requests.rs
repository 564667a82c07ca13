//! Server functions of the request lifecycle. Each takes the actor from the session;
//! the lifecycle (`crate::lifecycle`) decides what that actor may do.

// `requests/act` takes one argument per field the action forms may send (its wire
// format); the server macro copies no attribute onto the browser-side function it makes.
#![allow(clippy::too_many_arguments)]

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
fn parse_request_id(raw: &str) -> Result<crate::domain::RequestId, AppError> {
    raw.parse().map_err(|_| {
        AppError::invalid(
            "request_id",
            crate::i18n::page_viewer().t("er-request-id-malformed"),
        )
    })
}

/// A refusal of the terms, in the reader's words (the lifecycle's, as its rejection says it).
#[cfg(feature = "ssr")]
fn terms_words(e: crate::lifecycle::terms::TermsError, v: &crate::i18n::Viewer) -> String {
    crate::lifecycle::words::rejection(&crate::lifecycle::Rejection::InvalidTerms(e), v)
}

/// Why a posted action is not one a person can ask for, in the reader's words.
#[cfg(feature = "ssr")]
fn ask_words(e: crate::lifecycle::machine::AskError, v: &crate::i18n::Viewer) -> String {
    use crate::lifecycle::machine::AskError;
    match e {
        AskError::NotAsked => v.t("er-ask-not-asked"),
        AskError::MissingTerms => v.t("er-ask-missing-terms"),
        AskError::MissingShare => v.t("er-split-required"),
    }
}

/// The start a form proposes: `raw` is an `<input type="datetime-local">`'s value, read
/// in the viewer's zone; empty means none. A start the lifecycle would refuse at `now` is
/// refused here, before anything is written.
#[cfg(feature = "ssr")]
fn parse_start(
    raw: Option<&str>,
    now: crate::domain::Timestamp,
) -> Result<Option<crate::domain::Timestamp>, AppError> {
    use crate::i18n::{parse_local_input, LocalTimeError};
    use crate::lifecycle::Terms;
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let v = crate::i18n::page_viewer();
    let zone = v.zone;
    let start = parse_local_input(zone, raw).map_err(|e| match e {
        LocalTimeError::Malformed => AppError::invalid("start", v.t("er-start-malformed")),
        LocalTimeError::Skipped => AppError::invalid(
            "start",
            v.tr(
                "er-start-skipped",
                [
                    ("time", raw.replace('T', " ").into()),
                    ("zone", zone.name().into()),
                ],
            ),
        ),
    })?;
    let probe = Terms {
        duration_minutes: 0,
        rate: 0,
        proposed_start: Some(start),
        message: String::new(),
    };
    probe
        .check_start(now)
        .map_err(|e| AppError::invalid("start", terms_words(e, &v)))?;
    Ok(Some(start))
}

/// A rate as a member types it ("1", "1.25", or "1,25" with a decimal comma, as
/// Spanish and Catalan write it); empty means the norm, 1.00.
pub fn parse_typed_rate(raw: &str) -> Option<i64> {
    parse_rate(&raw.replacen(',', ".", 1))
}

#[cfg(feature = "ssr")]
fn form_rate(raw: Option<&str>) -> Result<i64, AppError> {
    use crate::lifecycle::terms::RATE_NORM;
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(RATE_NORM),
        Some(r) => parse_typed_rate(r).ok_or_else(|| {
            AppError::invalid("rate", crate::i18n::page_viewer().t("er-rate-malformed"))
        }),
    }
}

#[cfg(feature = "ssr")]
fn result_of(req: &Request) -> ActionResult {
    ActionResult {
        id: req.id,
        state: req.state,
        version: req.version,
    }
}

/// Submits a request for a service. A well-formed request that fails a check is
/// recorded as REJECTED and returned with its reason; malformed input is an error.
#[server(endpoint = "requests/submit")]
pub async fn submit_request(
    service_id: String,
    duration_minutes: i64,
    rate: Option<String>,
    start: Option<String>,
    message: String,
) -> Result<ActionResult, AppError> {
    use crate::domain::ServiceId;
    use crate::lifecycle::terms::{TermsError, MESSAGE_MAX_CHARS};
    use crate::lifecycle::Terms;
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let actor = require_member()?;
        let v = crate::i18n::page_viewer();
        let service: ServiceId = service_id
            .parse()
            .map_err(|_| AppError::invalid("service_id", v.t("er-service-id-malformed")))?;
        // Far past the limit, or not text at all: refused here, nothing recorded (as with
        // a malformed id). Within reach of the limit, the lifecycle's check records it.
        if message.chars().count() > 10 * MESSAGE_MAX_CHARS {
            return Err(AppError::invalid(
                "message",
                terms_words(TermsError::MessageTooLong, &v),
            ));
        }
        if crate::domain::text::has_unprintable(&message) {
            return Err(AppError::invalid(
                "message",
                terms_words(TermsError::MessageUnprintable, &v),
            ));
        }
        let terms = Terms {
            duration_minutes,
            rate: form_rate(rate.as_deref())?,
            proposed_start: parse_start(start.as_deref(), state.clock.now())?,
            message: message.trim().to_owned(),
        };
        let req = state.tell(operations::submit(&state, actor.member_id, service, &terms).await?);
        // The browser goes on to the request's page (rejected ones show their reason there).
        leptos_axum::redirect(&format!("/requests/{}", req.id));
        Ok(result_of(&req))
    })
    .await
}

#[server(endpoint = "requests/rate")]
pub async fn rate_request(request_id: String, stars: i64, comment: String) -> Result<(), AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let actor = require_member()?;
        let id = parse_request_id(&request_id)?;
        let done = operations::rate(&state, id, actor.member_id, stars, &comment).await?;
        state.tell(done);
        Ok(())
    })
    .await
}

/// The signed-in member's requests as requester (`as_party = "requester"`) or as provider.
#[server(endpoint = "requests/mine")]
pub async fn my_requests(as_party: String) -> Result<Vec<RequestSummary>, AppError> {
    use crate::lifecycle::{allowed_actions, Actor};
    use crate::server::context::{require_member, serve};
    use crate::server::requests_store;
    serve(|state| async move {
        let actor = require_member()?;
        let v = crate::i18n::page_viewer();
        let party = match as_party.as_str() {
            "requester" => Party::Requester,
            "provider" => Party::Provider,
            _ => return Err(AppError::invalid("as_party", v.t("er-choose-party"))),
        };
        let rows =
            requests_store::list_for(&state.db.read, actor.member_id, party, LIST_LIMIT).await?;
        let me = Actor::Member(actor.member_id);
        let now = state.clock.now();
        Ok(rows
            .into_iter()
            .map(|r| RequestSummary {
                allowed: allowed_actions(&r.request, &me),
                now,
                counterpart_name: match party {
                    Party::Requester => r.provider_name.unwrap_or_else(|| v.t("er-no-counterpart")),
                    Party::Provider => r.requester_name,
                },
                service_title: r
                    .service_title
                    .unwrap_or_else(|| v.t("er-no-such-service-title")),
                request: r.request,
            })
            .collect())
    })
    .await
}

/// One request with its history and the viewer's allowed actions. Parties and admins only.
#[server(endpoint = "requests/get")]
pub async fn get_request(request_id: String) -> Result<RequestDetail, AppError> {
    use crate::domain::Role;
    use crate::lifecycle::machine::can_rate;
    use crate::lifecycle::{allowed_actions, Actor};
    use crate::server::context::{require_member, serve};
    use crate::server::requests_store;
    serve(|state| async move {
        let actor = require_member()?;
        let v = crate::i18n::page_viewer();
        let id = parse_request_id(&request_id)?;
        let not_found = || AppError::NotFound(v.t("er-no-such-request"));
        // Two queries, sent together: the request with its names, and what is listed
        // below it (history and ratings). Nothing of the second leaves this function
        // unless the viewer may see the request.
        let (r, (history, ratings)) = futures::try_join!(
            async {
                requests_store::get_with_names(&state.db.read, id)
                    .await
                    .map_err(|_| not_found())
            },
            async {
                requests_store::history_and_ratings(&state.db.read, id)
                    .await
                    .map_err(AppError::from)
            },
        )?;
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
        let history = history
            .into_iter()
            .map(|h| HistoryEntry {
                from: h.from,
                to: h.to,
                recorded: h.recorded,
            })
            .collect();
        let ratings: Vec<RatingEntry> = ratings
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
                .unwrap_or_else(|| v.t("er-no-such-service-title")),
            requester_name: r.requester_name,
            provider_name: r.provider_name.unwrap_or_else(|| v.t("er-no-counterpart")),
            viewer,
            viewer_is_admin: is_admin,
            allowed,
            history,
            ratings,
            can_rate,
            now: state.clock.now(),
            request: r.request,
        })
    })
    .await
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

/// The one endpoint for every action a person takes on a request: `action` names the
/// lifecycle event (one the definition says a person asks for); what else the form
/// carries is what that event's input needs — `text` (reason or note),
/// `duration_minutes`, `rate` and `message` (a counter-offer), `minutes` (a split's share
/// for the provider). Admins' events are taken as the admin; the rest as the member.
#[server(endpoint = "requests/act")]
pub async fn request_action(
    request_id: String,
    version: i64,
    action: String,
    text: Option<String>,
    duration_minutes: Option<String>,
    rate: Option<String>,
    start: Option<String>,
    message: Option<String>,
    minutes: Option<String>,
) -> Result<ActionResult, AppError> {
    use crate::domain::Minutes;
    use crate::lifecycle::definition::Input;
    use crate::lifecycle::machine::{ActionInput, AskError};
    use crate::lifecycle::{Actor, Event, EventKind, Terms};
    use crate::server::context::{require_admin, require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let v = crate::i18n::page_viewer();
        let kind = EventKind::parse(&action)
            .ok_or_else(|| AppError::invalid("action", v.t("er-unknown-action")))?;
        if !kind.is_button() {
            return Err(AppError::invalid(
                "action",
                ask_words(AskError::NotAsked, &v),
            ));
        }
        let actor = if kind.is_admins() {
            Actor::Admin(require_admin()?.member_id)
        } else {
            Actor::Member(require_member()?.member_id)
        };
        let id = parse_request_id(&request_id)?;
        // `missing` and `not_whole`: the catalogue's words for an empty or a bad number.
        let number = |raw: Option<String>,
                      field: &str,
                      missing: &'static str,
                      not_whole: &'static str|
         -> Result<i64, AppError> {
            raw.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| AppError::invalid(field, v.t(missing)))?
                .parse::<i64>()
                .map_err(|_| AppError::invalid(field, v.t(not_whole)))
        };
        let mut input = ActionInput {
            text: text.unwrap_or_default(),
            ..ActionInput::default()
        };
        match kind.def().input {
            Input::Nothing | Input::OptionalReason | Input::RequiredReason | Input::Note => {}
            Input::Terms => {
                input.terms = Some(Terms {
                    duration_minutes: number(
                        duration_minutes,
                        "duration_minutes",
                        "er-hours-required",
                        "er-hours-whole",
                    )?,
                    rate: form_rate(rate.as_deref())?,
                    proposed_start: parse_start(start.as_deref(), state.clock.now())?,
                    message: message.unwrap_or_default(),
                });
            }
            Input::SplitAndNote => {
                input.to_provider = Some(Minutes(number(
                    minutes,
                    "minutes",
                    "er-split-required",
                    "er-split-whole",
                )?));
            }
        }
        let event =
            Event::asked(kind, input).map_err(|e| AppError::invalid("action", ask_words(e, &v)))?;
        let req = state.tell(operations::act(&state, id, version, &event, &actor).await?);
        Ok(result_of(&req))
    })
    .await
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
        assert_eq!(
            super::parse_typed_rate("1,25"),
            Some(125),
            "a decimal comma"
        );
        assert_eq!(super::parse_typed_rate("1.5"), Some(150));
        assert_eq!(super::parse_typed_rate("1,2,5"), None);
    }
}
