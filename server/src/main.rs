//! `server`: the HourBank binary. Run it from the workspace root (it serves target/site).

use std::process::ExitCode;

use app::server::{Clock, Config};
use server::cli::{self, Command};
use server::startup;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    init_tracing();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match run(command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("hourbank: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("HOURBANK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    if std::env::var("HOURBANK_LOG_FORMAT").as_deref() == Ok("json") {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .json()
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
}

async fn run(command: Command) -> Result<(), String> {
    if let Command::Bench(args) = command {
        return server::bench::run(args).await;
    }
    if let Command::CrashTest(args) = command {
        return server::bench::crash::run(args).await;
    }
    let config = Config::from_env()?;
    if let Command::Backup { to } = &command {
        return backup(&config, to).await;
    }
    if let Command::Audit = &command {
        return audit(&config).await;
    }
    let mut leptos_options = leptos::config::get_configuration(None)
        .map_err(|e| format!("Leptos configuration: {e}"))?
        .leptos_options;
    // A release build run directly (not by cargo-leptos) finds its hashed names itself.
    leptos_options.hash_files |= server::assets::built_with_hashes(&leptos_options);
    match command {
        Command::Help => {
            println!("{}", cli::usage());
            Ok(())
        }
        Command::CreateAdmin { email, name } => {
            let pw = std::env::var("HOURBANK_ADMIN_PASSWORD").map_err(|_| {
                "set HOURBANK_ADMIN_PASSWORD to the new admin's password".to_owned()
            })?;
            let state = startup::build_state(config, Clock::system(), leptos_options)
                .await
                .map_err(|e| e.to_string())?;
            let created = startup::ensure_admin(&state, &email, &name, &pw)
                .await
                .map_err(|e| e.to_string())?;
            if created {
                println!("created admin {email}");
            } else {
                println!("an account with e-mail {email} exists already; nothing changed");
            }
            Ok(())
        }
        Command::Serve { demo } => serve(config, leptos_options, demo).await,
        // Handled above, before the Leptos configuration they do not need.
        Command::Bench(_) | Command::CrashTest(_) | Command::Backup { .. } | Command::Audit => {
            Ok(())
        }
    }
}

/// `server backup --to FILE`: a consistent copy of the SQLite database.
async fn backup(config: &Config, to: &str) -> Result<(), String> {
    let db = app::server::Db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    let result = app::server::backup::backup_sqlite(&db, std::path::Path::new(to)).await;
    db.close().await;
    let bytes = result.map_err(|e| e.to_string())?;
    println!("backed up {bytes} bytes to {to}");
    Ok(())
}

/// `server audit`: the whole-bank audit, read-only, on the configured database.
async fn audit(config: &Config) -> Result<(), String> {
    let db = app::server::Db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    let result = app::server::audit::audit(&db.read).await;
    db.close().await;
    let audit = result.map_err(|e| format!("the audit could not read the bank: {e}"))?;
    if audit.is_clean() {
        println!("audit: {audit}");
        Ok(())
    } else {
        Err(format!("audit found problems: {audit}"))
    }
}

async fn serve(
    config: Config,
    leptos_options: leptos::config::LeptosOptions,
    demo: Option<bool>,
) -> Result<(), String> {
    let addr = leptos_options.site_addr;
    let test_mode = config.test_mode;
    let clock = Clock::system();
    clock.advance_ms(config.test_clock_offset_ms);
    let state = startup::build_state(config, clock, leptos_options)
        .await
        .map_err(|e| e.to_string())?;
    if let (Ok(email), Ok(pw)) = (
        std::env::var("HOURBANK_ADMIN_EMAIL"),
        std::env::var("HOURBANK_ADMIN_PASSWORD"),
    ) {
        if startup::ensure_admin(&state, &email, "Admin", &pw)
            .await
            .map_err(|e| e.to_string())?
        {
            tracing::info!(%email, "created the admin account from HOURBANK_ADMIN_EMAIL");
        }
    }
    if startup::maybe_seed_demo(&state, demo)
        .await
        .map_err(|e| e.to_string())?
    {
        tracing::info!("seeded the demo bank into the new database");
    }
    if startup::is_demo_bank(&state).await {
        println!(
            "Demo logins (password {:?} for each):",
            app::server::demo::DEMO_PASSWORD
        );
        for d in app::server::demo::DEMO_LOGINS {
            println!(
                "  {:<22} {:<16} {:>7}  {}",
                d.email,
                d.display_name,
                d.role.as_str(),
                d.credit
            );
        }
    }
    if test_mode {
        tracing::warn!("TEST MODE: test-only controls are enabled; never run this in production");
    }
    match &state.config.mail {
        Some(m) => tracing::info!(smtp = %app::server::db::redact_url(&m.smtp_url), "e-mail is on"),
        None => tracing::info!("e-mail is off (set HOURBANK_SMTP_URL to turn it on)"),
    }
    let background = startup::spawn_background(&state, true).map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    println!("HourBank listening on http://{addr}");
    let router = startup::build_router(state.clone());
    let live = state.live.clone();
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        live.close();
    })
    .await
    .map_err(|e| format!("server error: {e}"))?;
    background.abort();
    state.db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
