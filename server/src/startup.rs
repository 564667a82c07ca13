//! Building the application: state, router, and the one-off start-up tasks.

use app::server::db::{Backend, StartupError};
use app::server::sessions::resolve_session;
use app::server::{demo, members_store, password, AppState, Clock, Config, Db};
use app::{shell, App};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Database(#[from] StartupError),
    #[error("cannot create the admin account from HOURBANK_ADMIN_EMAIL: {0}")]
    Admin(String),
    #[error("cannot seed the demo data: {0}")]
    Demo(String),
    #[error("{0}")]
    Mail(String),
}

/// Connects, migrates, and assembles the state every request shares.
pub async fn build_state(
    config: Config,
    clock: Clock,
    leptos_options: LeptosOptions,
) -> Result<AppState, StartError> {
    let db = Db::connect_and_migrate(&config.database_url).await?;
    Ok(AppState::new(config, db, clock, leptos_options))
}

/// The tasks a server runs beside answering requests.
pub struct Background {
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Background {
    /// Stops every task.
    pub fn abort(&self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// What a serving process runs in the background: the sweeper (deadlines and
/// reminders), the health watch (alarms), and — when SMTP is configured — the outbox's
/// sender. With `timers: false` (the HTTP tests, which fire deadlines themselves) only
/// the sender.
pub fn spawn_background(state: &AppState, timers: bool) -> Result<Background, StartError> {
    let mut tasks = Vec::new();
    if timers {
        let every = std::time::Duration::from_millis(state.config.sweep_interval_ms);
        tasks.push(app::server::sweeper::spawn(
            state.db.clone(),
            state.clock.clone(),
            state.live.clone(),
            every,
        ));
        tasks.push(app::server::alarms::spawn_watch(
            state.clone(),
            std::time::Duration::from_secs(30),
        ));
    }
    if state.db.backend == Backend::Postgres {
        tasks.extend(
            state
                .live
                .relay_through_postgres(state.config.database_url.clone(), state.db.write.clone()),
        );
    }
    if let Some(mail) = &state.config.mail {
        let mailer = app::server::mail::sender::Mailer::new(mail, &state.config.public_url)
            .map_err(|e| StartError::Mail(e.to_string()))?;
        tasks.push(app::server::mail::sender::spawn(state.clone(), mailer));
    }
    Ok(Background { tasks })
}

/// The whole HTTP surface: pages, server functions, static files, health checks.
pub fn build_router(state: AppState) -> Router {
    crate::observability::metrics_handle();
    let routes = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    let context_state = state.clone();
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/events", get(crate::routes::events))
        .route("/balance.csv", get(crate::routes::statement_csv))
        .route("/calendar/requests/{file}", get(crate::routes::request_ics))
        .route("/calendar/feed/{file}", get(crate::routes::calendar_feed))
        .route(
            "/language",
            axum::routing::post(crate::language::choose_language),
        )
        .route(
            "/unsubscribe/now",
            axum::routing::post(crate::routes::unsubscribe_now),
        )
        .route("/metrics", get(crate::observability::metrics_endpoint));
    if state.config.test_mode {
        router = router.route(
            "/test/clock",
            axum::routing::post(crate::routes::test_advance_clock),
        );
    }
    let (pkg_path, pkg) = crate::assets::bundle(&leptos_options);
    let caching = crate::assets::Caching::new(&leptos_options);
    router
        .nest_service(&pkg_path, pkg)
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        // Outermost last: request id → session → trace span → timing → page repair → handlers.
        .layer(axum::middleware::from_fn(crate::html_repair::repair_pages))
        // Outside the page repair, which reads the page as written.
        .layer(axum::middleware::from_fn_with_state(
            caching,
            crate::assets::cache_control,
        ))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(axum::middleware::from_fn(
            arguments_errors_are_client_errors,
        ))
        .layer(axum::middleware::from_fn(
            crate::observability::time_server_fns,
        ))
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(crate::observability::request_span)
                .on_response(
                    tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO),
                ),
        )
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            resolve_session,
        ))
        .layer(axum::middleware::from_fn(
            crate::security::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn(crate::security::client_addr))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            crate::security::MAX_BODY_BYTES,
        ))
        .layer(axum::middleware::from_fn(crate::security::security_headers))
        .layer(tower_http::request_id::PropagateRequestIdLayer::x_request_id())
        .layer(tower_http::request_id::SetRequestIdLayer::x_request_id(
            tower_http::request_id::MakeRequestUuid,
        ))
        .with_state(state)
}

/// Leptos answers a server function whose arguments did not decode with a 500; that is
/// the caller's mistake, so it becomes a 400 with the same (typed) body.
async fn arguments_errors_are_client_errors(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let is_api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !is_api || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(b) => b,
        Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response(),
    };
    if let Ok(app::AppError::Transport(_)) = serde_json::from_slice::<app::AppError>(&bytes) {
        parts.status = StatusCode::BAD_REQUEST;
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and its migrations are applied.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    if state.db.ready().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database not ready")
    }
}

/// Creates an admin with this e-mail unless an account with it exists already.
/// Returns whether it created one.
pub async fn ensure_admin(
    state: &AppState,
    email: &str,
    display_name: &str,
    pw: &str,
) -> Result<bool, StartError> {
    use app::domain::{DisplayName, Email, Password, Role};
    let email = Email::parse(email).map_err(|e| StartError::Admin(e.message()))?;
    let name = DisplayName::parse(display_name).map_err(|e| StartError::Admin(e.message()))?;
    let pw = Password::parse_new(pw)
        .map_err(|e| StartError::Admin(format!("HOURBANK_ADMIN_PASSWORD: {}", e.message())))?;
    let taken = members_store::email_taken(&state.db.read, &email)
        .await
        .map_err(|e| StartError::Admin(e.to_string()))?;
    if taken {
        return Ok(false);
    }
    let hash = password::hash(&pw)
        .await
        .map_err(|e| StartError::Admin(e.to_string()))?;
    app::server::operations::create_member(
        state,
        &email,
        &name,
        &hash,
        Role::Admin,
        app::domain::Minutes::ZERO,
    )
    .await
    .map_err(|e| StartError::Admin(e.to_string()))?;
    Ok(true)
}

/// Seeds the demo bank when asked: into a new SQLite database by default, into
/// PostgreSQL only with `--demo`, never into a database that holds data.
pub async fn maybe_seed_demo(
    state: &AppState,
    demo_flag: Option<bool>,
) -> Result<bool, StartError> {
    let wanted = match (demo_flag, state.db.backend) {
        (Some(flag), _) => flag,
        (None, Backend::Sqlite) => true,
        (None, Backend::Postgres) => false,
    };
    if !wanted {
        return Ok(false);
    }
    demo::seed_if_empty(state)
        .await
        .map_err(|e| StartError::Demo(e.to_string()))
}

/// True when the database is the demo bank (its admin exists), so the logins are worth printing.
pub async fn is_demo_bank(state: &AppState) -> bool {
    match app::domain::Email::parse(demo::DEMO_LOGINS[0].email) {
        Ok(e) => members_store::email_taken(&state.db.read, &e)
            .await
            .unwrap_or(false),
        Err(_) => false,
    }
}
