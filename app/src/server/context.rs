//! Helpers every server function uses: the state, the actor from the session (never from
//! the request body), and errors turned into HTTP statuses and log lines.

use http::request::Parts;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::engine::EngineError;
use super::sessions::{CurrentSession, SessionActor};
use super::{AppState, StoreError};
use crate::domain::Role;
use crate::lifecycle::terms::TermsError;
use crate::lifecycle::Rejection;
use crate::AppError;

pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}

/// The signed-in actor, resolved by the session middleware; None when anonymous.
pub fn current_actor() -> Option<SessionActor> {
    use_context::<Parts>()
        .and_then(|p| p.extensions.get::<CurrentSession>().cloned())
        .and_then(|s| s.0)
}

/// One login or sign-up attempt on `account`, counted against the client's address and
/// the account; `RateLimited` when either is out of attempts.
pub fn count_auth_attempt(state: &AppState, account: &str) -> Result<(), AppError> {
    let addr = use_context::<Parts>()
        .and_then(|p| p.extensions.get::<super::rate_limit::ClientAddr>().copied())
        .map(|a| a.0);
    state.auth_limits.check(addr, account)
}

pub fn require_member() -> Result<SessionActor, AppError> {
    current_actor().ok_or(AppError::Unauthenticated)
}

pub fn require_admin() -> Result<SessionActor, AppError> {
    let actor = require_member()?;
    if actor.role == Role::Admin {
        Ok(actor)
    } else {
        Err(AppError::Forbidden)
    }
}

/// True when the browser posted a plain HTML form (no JavaScript): Leptos then answers
/// with a redirect back to the form, carrying the error in the URL.
fn is_plain_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Runs a server function's body with the shared state, then sets the HTTP status its
/// error calls for. Every server function is `serve(|state| async move { … }).await`:
/// parse the arguments, call one operation (`operations.rs`) or store read, map the error.
pub async fn serve<T, F, Fut>(body: F) -> Result<T, AppError>
where
    F: FnOnce(AppState) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let result = match app_state() {
        Ok(state) => body(state).await,
        Err(e) => Err(e),
    };
    respond(result)
}

/// Finishes a server function: on error, sets the HTTP status that matches it (unless
/// the answer must be a redirect for a plain form post).
fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        if !is_plain_form_post() {
            if let (Some(res), Ok(code)) = (
                use_context::<ResponseOptions>(),
                http::StatusCode::from_u16(e.status_code()),
            ) {
                res.set_status(code);
            }
        }
    }
    result
}

/// Logs an unexpected storage error and hides its details from the member.
pub fn internal(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "server function failed");
    AppError::Internal
}

/// "No such request.": what a store's `NotFound` says, in the reader's words.
fn no_such(what: &str, v: &crate::i18n::Viewer) -> String {
    match what {
        "request" => v.t("er-no-such-request"),
        "service" => v.t("er-no-such-service"),
        "member" => v.t("er-no-such-member"),
        "ledger account" => v.t("er-no-such-ledger-account"),
        other => v.tr("er-no-such-thing", [("what", other.into())]),
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let v = crate::i18n::page_viewer();
        match e {
            StoreError::DuplicateEmail => AppError::invalid("email", v.t("er-email-taken")),
            StoreError::InsufficientHours => AppError::Conflict(v.t("er-not-enough-hours")),
            StoreError::NotFound(what) => AppError::NotFound(no_such(what, &v)),
            other => internal(other),
        }
    }
}

impl From<EngineError> for AppError {
    fn from(e: EngineError) -> Self {
        use crate::lifecycle::words;
        let v = crate::i18n::page_viewer();
        match e {
            EngineError::Rejected(r) => match &r {
                Rejection::InvalidTerms(TermsError::StartPassed | TermsError::StartTooFar) => {
                    AppError::invalid("start", words::rejection(&r, &v))
                }
                Rejection::InvalidTerms(_) => AppError::invalid("terms", words::rejection(&r, &v)),
                Rejection::TextRequired { .. }
                | Rejection::TextTooLong { .. }
                | Rejection::TextUnprintable { .. } => {
                    AppError::invalid("text", words::rejection(&r, &v))
                }
                Rejection::InvalidSplit { .. } => {
                    AppError::invalid("minutes", words::rejection(&r, &v))
                }
                Rejection::InvalidStars => AppError::invalid("stars", words::rejection(&r, &v)),
                // Someone who is no party learns nothing about the request.
                Rejection::NotAParty => AppError::NotFound(v.t("er-no-such-request")),
                Rejection::Inconsistent(_) => internal(&r),
                _ => AppError::Conflict(words::rejection(&r, &v)),
            },
            EngineError::Conflict => AppError::Conflict(v.t("er-request-changed")),
            EngineError::Store(StoreError::InsufficientHours) => {
                AppError::Conflict(v.t("er-not-enough-hours-for-this"))
            }
            EngineError::Store(StoreError::AlreadyRated) => {
                AppError::Conflict(v.t("er-already-rated"))
            }
            EngineError::Store(StoreError::NotFound("request")) => {
                AppError::NotFound(v.t("er-no-such-request"))
            }
            EngineError::Store(s) => s.into(),
        }
    }
}

pub fn set_cookie(value: &str) {
    if let (Some(res), Ok(v)) = (
        use_context::<ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}
