//! Plain axum routes beside the Leptos app: live events, the statement as CSV, health,
//! and (test mode only) the clock control the browser tests move time with.

use std::convert::Infallible;

use app::server::live::Change;
use app::server::sessions::CurrentSession;
use app::server::{ledger_store, sweeper, AppState};
use axum::extract::{Query, State};
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
) -> Response {
    let Some(actor) = session.0 else {
        return (StatusCode::UNAUTHORIZED, "Please log in first.").into_response();
    };
    let lines = match ledger_store::statement(&state.db.read, actor.member_id, 10_000).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, "statement CSV failed");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.",
            )
                .into_response();
        }
    };
    let mut csv = String::from("time_utc,kind,bucket,minutes,request_id,reason\n");
    for l in lines {
        let row = [
            l.at.to_utc_string(),
            l.kind,
            l.bucket,
            l.amount.0.to_string(),
            l.request_id.unwrap_or_default(),
            l.reason,
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
    Query(link): Query<UnsubscribeLink>,
    headers: axum::http::HeaderMap,
    body: String,
) -> Response {
    let one_click = body.contains("List-Unsubscribe=One-Click");
    let done = match link.m.parse() {
        Ok(member) => match app::server::operations::unsubscribe(&state, member, &link.t).await {
            Ok(d) => state.tell(d),
            Err(e) => {
                tracing::error!(error = %e, "unsubscribe failed");
                return (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side.",
                )
                    .into_response();
            }
        },
        Err(_) => false,
    };
    let wants_page = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if one_click || !wants_page {
        return if done {
            (StatusCode::OK, "Unsubscribed: no more e-mails.").into_response()
        } else {
            (
                StatusCode::BAD_REQUEST,
                "This unsubscribe link is not valid.",
            )
                .into_response()
        };
    }
    let to = format!(
        "/unsubscribe?m={}&t={}&done={}",
        urlencode(&link.m),
        urlencode(&link.t),
        if done { 1 } else { 0 }
    );
    (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
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
