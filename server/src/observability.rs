//! For operators: Prometheus metrics on `/metrics`, a latency histogram per server
//! function, and a tracing span per HTTP request carrying its request id and actor.

use std::sync::OnceLock;
use std::time::Instant;

use app::server::sessions::CurrentSession;
use app::server::{admin_store, AppState};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process-wide Prometheus recorder (once) and returns its handle.
pub fn metrics_handle() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("hourbank_server_fn_duration_seconds".into()),
                    &[
                        0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                    ],
                )
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("hourbank_timer_lag_seconds".into()),
                        &[0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 3600.0],
                    )
                })
                .unwrap_or_else(|e| {
                    tracing::error!(error = %e, "metric buckets refused; using summaries");
                    PrometheusBuilder::new()
                });
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed");
            }
            handle
        })
        .clone()
}

/// `GET /metrics`: counters and histograms, plus gauges read from the database now.
pub async fn metrics_endpoint(State(state): State<AppState>) -> Response {
    let handle = metrics_handle();
    match admin_store::requests_by_state(&state.db.read).await {
        Ok(rows) => {
            for s in app::lifecycle::State::ALL {
                let n = rows
                    .iter()
                    .find(|(name, _)| name == s.as_str())
                    .map(|(_, n)| *n)
                    .unwrap_or(0);
                if !s.is_terminal() {
                    metrics::gauge!("hourbank_open_requests", "state" => s.as_str()).set(n as f64);
                }
            }
        }
        Err(e) => tracing::error!(error = %e, "metrics: requests by state"),
    }
    match admin_store::minutes_in_escrow(&state.db.read).await {
        Ok(m) => metrics::gauge!("hourbank_escrow_minutes").set(m.0 as f64),
        Err(e) => tracing::error!(error = %e, "metrics: escrow"),
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle.render(),
    )
        .into_response()
}

/// Times every server function call (`/api/...`) by its endpoint.
pub async fn time_server_fns(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let Some(function) = path.strip_prefix("/api/").map(str::to_owned) else {
        return next.run(req).await;
    };
    let started = Instant::now();
    let res = next.run(req).await;
    let status = res.status();
    metrics::histogram!("hourbank_server_fn_duration_seconds", "function" => function.clone())
        .record(started.elapsed().as_secs_f64());
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        metrics::counter!("hourbank_server_fn_errors_total", "function" => function).increment(1);
    }
    res
}

/// The span every request's logs carry: method, path, request id, actor (never a secret).
pub fn request_span(req: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let request_id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let actor = req
        .extensions()
        .get::<CurrentSession>()
        .and_then(|s| s.0.as_ref())
        .map(|a| a.member_id.to_string())
        .unwrap_or_else(|| "anonymous".to_owned());
    tracing::info_span!("http", method = %req.method(), path = %req.uri().path(), request_id = %request_id, actor = %actor)
}
