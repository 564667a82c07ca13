//! Plain axum routes beside the Leptos app: live events, the statement as CSV, health,
//! and (test mode only) the clock control the browser tests move time with.

use app::domain::text::url_query_value;
use app::i18n::Viewer;
use std::convert::Infallible;

use app::server::live::Change;
use app::server::mail::{outbox_store, tokens};
use app::server::sessions::CurrentSession;
use app::server::{calendar, ledger_store, members_store, requests_store, sweeper, AppState};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use tokio::sync::broadcast::error::RecvError;

/// Server-sent events: a `changed` event whenever something of the signed-in member's
/// changes. The page refetches what it shows; without JavaScript nothing listens.
pub async fn events(
    State(state): State<AppState>,
    Extension(session): Extension<CurrentSession>,
) -> Response {
    let Some(actor) = session.0 else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let me = actor.member_id;
    let rx = state.live.subscribe();
    let closing = state.live.closing();
    let stream = futures::stream::unfold((rx, closing), move |(mut rx, mut closing)| async move {
        loop {
            tokio::select! {
                _ = closing.changed() => return None,
                got = rx.recv() => match got {
                    Ok(Change::Member(m)) if m == me => break,
                    Ok(Change::Everyone) => break,
                    Ok(Change::Member(_)) => continue,
                    // Missed some: tell the page to refetch anyway.
                    Err(RecvError::Lagged(_)) => break,
                    Err(RecvError::Closed) => return None,
                },
            }
        }
        Some((
            Ok::<_, Infallible>(Event::default().event("changed").data("1")),
            (rx, closing),
        ))
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// The signed-in member's statement as CSV.
pub async fn statement_csv(
    State(state): State<AppState>,
    Extension(session): Extension<CurrentSession>,
    Extension(viewer): Extension<Viewer>,
) -> Response {
    let Some(actor) = session.0 else {
        return (StatusCode::UNAUTHORIZED, viewer.t("er-unauthenticated")).into_response();
    };
    let lines = match ledger_store::statement(&state.db.read, actor.member_id, 10_000).await {
        Ok(l) => l,
        Err(e) => return internal(e, "statement CSV", &viewer),
    };
    // The member's own clock first; the instant in UTC beside it for programs. The
    // column names are the reader's words.
    let header = [
        "er-csv-time",
        "er-csv-time-utc",
        "er-csv-kind",
        "er-csv-bucket",
        "er-csv-minutes",
        "er-csv-request-id",
        "er-csv-reason",
    ]
    .map(|key| csv_field(&viewer.t(key)));
    let mut csv = header.join(",");
    csv.push('\n');
    for l in lines {
        let row = [
            viewer.sortable_time(l.at),
            l.at.to_rfc3339(),
            l.kind,
            l.bucket,
            l.amount.0.to_string(),
            l.request_id.unwrap_or_default(),
            app::domain::ledger::reason_words(&l.reason, &viewer),
        ];
        csv.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        csv.push('\n');
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"hourbank-statement.csv\"",
            ),
        ],
        csv,
    )
        .into_response()
}

/// `/calendar/requests/<id>.ics`: one request's agreed work, for a party signed in.
/// Anyone else, or a request with no agreed start, gets 404 (nothing is revealed).
pub async fn request_ics(
    State(state): State<AppState>,
    Extension(session): Extension<CurrentSession>,
    Extension(viewer): Extension<Viewer>,
    Path(file): Path<String>,
) -> Response {
    let Some(actor) = session.0 else {
        return (StatusCode::UNAUTHORIZED, viewer.t("er-unauthenticated")).into_response();
    };
    let not_found = || (StatusCode::NOT_FOUND, viewer.t("er-no-such-request")).into_response();
    let Some(id) = file
        .strip_suffix(".ics")
        .and_then(|id| id.parse::<app::domain::RequestId>().ok())
    else {
        return not_found();
    };
    let r = match requests_store::get_with_names(&state.db.read, id).await {
        Ok(r) => r,
        Err(app::server::StoreError::NotFound(_)) => return not_found(),
        Err(e) => return internal(e, "request calendar", &viewer),
    };
    if r.request.party_of(actor.member_id).is_none() {
        return not_found();
    }
    match calendar::event(&r, actor.member_id, &viewer, &state.config.public_url) {
        Some(e) => ics(
            calendar::calendar(&state.config.bank_name, &viewer, vec![e]),
            &format!("hourbank-request-{id}.ics"),
        ),
        None => not_found(),
    }
}

/// `/calendar/feed/<member>.<generation>.<signature>.ics`: a member's private feed, no
/// login (calendar apps fetch it on their own). A token that is not signed for a
/// current generation gets 404, the same as one that never existed.
pub async fn calendar_feed(
    State(state): State<AppState>,
    Extension(reader): Extension<Viewer>,
    Path(file): Path<String>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, reader.t("er-no-such-calendar")).into_response();
    let secret = match state.secret().await {
        Ok(s) => s,
        Err(e) => return internal(e, "calendar secret", &reader),
    };
    let Some((member, generation)) = file
        .strip_suffix(".ics")
        .and_then(|t| tokens::calendar_token_parts(&secret, t))
    else {
        return not_found();
    };
    match members_store::calendar_generation(&state.db.read, member).await {
        Ok(current) if current == generation => {}
        Ok(_) | Err(app::server::StoreError::NotFound(_)) => return not_found(),
        Err(e) => return internal(e, "calendar generation", &reader),
    }
    let zone = match outbox_store::current_mode(&state.db.read, member).await {
        Ok(m) => m,
        Err(e) => return internal(e, "calendar zone", &reader),
    };
    let viewer = state
        .config
        .viewer(zone.and_then(|m| m.lang), zone.and_then(|m| m.zone));
    match calendar::feed(
        &state.db.read,
        member,
        &viewer,
        &state.config.bank_name,
        &state.config.public_url,
    )
    .await
    {
        Ok(body) => ics(body, "hourbank.ics"),
        Err(e) => internal(e, "calendar feed", &reader),
    }
}

fn ics(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
        body,
    )
        .into_response()
}

fn internal(e: impl std::fmt::Display, what: &str, v: &Viewer) -> Response {
    tracing::error!(error = %e, "{what} failed");
    (StatusCode::INTERNAL_SERVER_ERROR, v.t("er-internal-short")).into_response()
}

/// Quotes a CSV field when needed, and defuses spreadsheet formulas.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<i64>().is_err() {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[derive(serde::Deserialize)]
pub struct Advance {
    hours: i64,
}

#[derive(serde::Deserialize)]
pub struct UnsubscribeLink {
    m: String,
    t: String,
}

/// The one-click unsubscribe (RFC 8058): mail programs POST `List-Unsubscribe=One-Click`
/// to the link in `List-Unsubscribe`; the unsubscribe page's button posts here too (and
/// is sent back to the page, done). No login: the link's signature is the member's.
pub async fn unsubscribe_now(
    State(state): State<AppState>,
    Extension(viewer): Extension<Viewer>,
    Query(link): Query<UnsubscribeLink>,
    headers: axum::http::HeaderMap,
    body: String,
) -> Response {
    let one_click = body.contains("List-Unsubscribe=One-Click");
    let done = match link.m.parse() {
        Ok(member) => match app::server::operations::unsubscribe(&state, member, &link.t).await {
            Ok(d) => state.tell(d),
            Err(e) => return internal(e, "unsubscribe", &viewer),
        },
        Err(_) => false,
    };
    let wants_page = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if one_click || !wants_page {
        return if done {
            (StatusCode::OK, viewer.t("er-unsubscribed")).into_response()
        } else {
            (StatusCode::BAD_REQUEST, viewer.t("er-unsubscribe-invalid")).into_response()
        };
    }
    let to = format!(
        "/unsubscribe?m={}&t={}&done={}",
        url_query_value(&link.m),
        url_query_value(&link.t),
        if done { 1 } else { 0 }
    );
    (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
}

/// Test mode only: moves the server's clock forward and sweeps at once.
pub async fn test_advance_clock(
    State(state): State<AppState>,
    Query(q): Query<Advance>,
) -> Response {
    if !(0..=24 * 365).contains(&q.hours) {
        return (StatusCode::BAD_REQUEST, "hours must be 0 to 8760").into_response();
    }
    state.clock.advance_ms(q.hours * 3_600_000);
    match sweeper::tick(&state.db, &state.clock, Some(&state.live)).await {
        Ok((r, reminded)) => axum::Json(serde_json::json!({
            "now_ms": state.clock.now().0,
            "fired": r.fired,
            "reminded": reminded,
        }))
        .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-60"), "-60");
    }
}
