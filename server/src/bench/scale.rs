//! `server bench --scale N`: the pages at size. N requests are made through the engine
//! (the timer benchmark's fill) on a clock 20 days back, then every one's deadline is
//! fired, so the database holds N closed requests of history outside the dashboard's
//! 14-day window, as a bank that has been running a while does. Then the server starts
//! on that database and every page is read `rounds` times, one request at a time: as a
//! member with a request of their own (made over HTTP), and as the admin. Prints each
//! page's server-rendering p50/p99, the bytes the database grew by per request, and the
//! audit.

use std::time::Instant;

use app::domain::Timestamp;
use app::lifecycle::Rules;
use app::server::audit::audit;
use app::server::db::SqliteSync;
use app::server::testing::TestDb;
use app::server::{sweeper, Clock, Db};

use super::client::{Http, Member};
use super::server_process::{self, ServerProcess};
use super::stats::{summarise, Recorder};

/// How far back the history is made: older than the dashboard's chart window.
const HISTORY_AGE_MS: i64 = 20 * 86_400_000;

/// Runs the scale benchmark on a fresh database of `backend`.
pub async fn run(backend: &str, sync: SqliteSync, n: usize, rounds: usize) -> Result<(), String> {
    let db = TestDb::on(backend, sync).await.map_err(|e| e.to_string())?;
    let result = run_on(&db, sync, n, rounds).await;
    if std::env::var("HOURBANK_BENCH_KEEP_DB").as_deref() == Ok("1") {
        println!(
            "database kept for a look (HOURBANK_BENCH_KEEP_DB=1): {}",
            db.url
        );
    } else {
        db.cleanup().await;
    }
    result
}

async fn run_on(db: &TestDb, sync: SqliteSync, n: usize, rounds: usize) -> Result<(), String> {
    let before = stored_bytes(&db.db).await?;
    let clock = Clock::manual(Timestamp(Clock::system().now().0 - HISTORY_AGE_MS));
    let rules = Rules {
        max_open_requests: n as i64 + 1,
        ..Rules::default()
    };
    let started = Instant::now();
    super::timers::fill(db, &clock, &rules, n, 32).await?;
    let made = started.elapsed();
    clock.advance_ms(25 * 3_600_000);
    let started = Instant::now();
    let swept = sweeper::sweep_once(&db.db, &clock, sweeper::DUE_PER_READ)
        .await
        .map_err(|e| format!("sweep: {e}"))?;
    let fired = started.elapsed();
    if db.db.backend == app::server::db::Backend::Postgres {
        // What autovacuum does after a load this size; this machine's PostgreSQL runs
        // with it off, and without statistics the planner reads whole tables.
        sqlx::query("ANALYZE")
            .execute(&db.db.write)
            .await
            .map_err(|e| format!("analyze: {e}"))?;
    }
    let after = stored_bytes(&db.db).await?;
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM request_events")
        .fetch_one(&db.db.write)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "scale: {n} requests made through the engine in {:.1} s ({:.0}/s), their {} deadlines fired in {:.1} s; \
         {events} history rows; the database grew by {:.1} MB = {:.0} bytes per request",
        made.as_secs_f64(),
        n as f64 / made.as_secs_f64().max(1e-9),
        swept.fired,
        fired.as_secs_f64(),
        (after - before) as f64 / 1_048_576.0,
        (after - before) as f64 / n.max(1) as f64,
    );
    let server = ServerProcess::start(&db.url, sync.as_str()).await?;
    let read = pages(db, &server, rounds).await;
    if read.is_err() {
        eprintln!("server log (last lines):\n{}", server.log_tail());
    }
    server.stop().await;
    read?;
    let started = Instant::now();
    let a = audit(&db.db.read)
        .await
        .map_err(|e| format!("audit: {e}"))?;
    println!("audit ({:.1} s): {a}", started.elapsed().as_secs_f64());
    if !a.is_clean() {
        return Err("the audit found broken invariants (see above)".into());
    }
    Ok(())
}

/// What the database takes on disk (SQLite: its pages, after a checkpoint; PostgreSQL:
/// `pg_database_size`).
async fn stored_bytes(db: &Db) -> Result<i64, String> {
    let e = |e: sqlx::Error| e.to_string();
    match db.backend {
        app::server::db::Backend::Sqlite => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&db.write)
                .await
                .map_err(e)?;
            sqlx::query_scalar(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            )
            .fetch_one(&db.write)
            .await
            .map_err(e)
        }
        app::server::db::Backend::Postgres => {
            sqlx::query_scalar("SELECT CAST(pg_database_size(current_database()) AS BIGINT)")
                .fetch_one(&db.write)
                .await
                .map_err(e)
        }
    }
}

/// Every page, `rounds` times each, one at a time; prints p50/p99 per page.
async fn pages(db: &TestDb, server: &ServerProcess, rounds: usize) -> Result<(), String> {
    let http = Http::new(server.base.clone())?;
    let admin = http
        .login(server_process::ADMIN_EMAIL, server_process::ADMIN_PASSWORD)
        .await
        .map_err(|e| format!("admin login: {e}"))?;
    let (member, _, provider, service) = super::pair(&http, 0).await?;
    let mine: app::api::requests::ActionResult = http
        .call(
            &member,
            "requests/submit",
            &[
                ("service_id", service.as_str()),
                ("duration_minutes", "60"),
                ("message", "Scale run"),
            ],
        )
        .await
        .map_err(|e| format!("submit: {e}"))?;
    let old: String = sqlx::query_scalar("SELECT id FROM requests ORDER BY created_at_ms LIMIT 1")
        .fetch_one(&db.db.write)
        .await
        .map_err(|e| e.to_string())?;
    let list: [(&'static str, &Member, String); 14] = [
        ("/", &member, "/".into()),
        ("/services", &member, "/services".into()),
        ("/services/:id", &member, format!("/services/{service}")),
        ("/requests", &member, "/requests".into()),
        ("/requests/:id", &member, format!("/requests/{}", mine.id)),
        ("/inbox", &provider, "/inbox".into()),
        ("/balance", &member, "/balance".into()),
        ("/notifications", &provider, "/notifications".into()),
        ("/settings", &member, "/settings".into()),
        ("/my/services", &provider, "/my/services".into()),
        ("/admin", &admin, "/admin".into()),
        ("/admin/disputes", &admin, "/admin/disputes".into()),
        ("/admin/members", &admin, "/admin/members".into()),
        (
            "/requests/:id (admin, old)",
            &admin,
            format!("/requests/{old}"),
        ),
    ];
    let mut rec = Recorder::default();
    let mut bytes = std::collections::BTreeMap::new();
    // A first read of each warms the server's caches; it is not counted.
    for (_, who, path) in &list {
        http.page(who, path)
            .await
            .map_err(|e| format!("{path}: {e}"))?;
    }
    for _ in 0..rounds {
        for (name, who, path) in &list {
            let took = Instant::now();
            let size = http
                .page(who, path)
                .await
                .map_err(|e| format!("{path}: {e}"))?;
            rec.ok(name, took.elapsed());
            bytes.insert(*name, size);
        }
    }
    println!(
        "{:<28} {:>7} {:>9} {:>9} {:>9}",
        "page (one at a time)", "reads", "p50 ms", "p99 ms", "bytes"
    );
    for s in summarise(&mut rec) {
        println!(
            "{:<28} {:>7} {:>9.2} {:>9.2} {:>9}",
            s.action,
            s.count,
            s.p50_ms,
            s.p99_ms,
            bytes.get(s.action).copied().unwrap_or(0)
        );
    }
    Ok(())
}
