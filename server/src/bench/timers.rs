//! The timer benchmark: N requests waiting for their provider, all deadlines due at once
//! (the clock moves past the longest response window), and the time until the sweeper
//! has fired every one. Then: each request expired exactly once, each hold refunded
//! exactly once, nothing left due, and the ledger still conserved.

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::domain::service::ServiceFields;
use app::domain::{DisplayName, Email, MemberId, Minutes, Role, ServiceId, Timestamp};
use app::lifecycle::{Rules, Terms};
use app::server::testing::TestDb;
use app::server::{engine, ledger_store, members_store, services_store, sweeper, Clock, Db};

const MINUTES: i64 = 15;

pub struct TimerReport {
    pub requests: usize,
    pub setup: Duration,
    pub fire: Duration,
    pub fired: usize,
    pub stale: usize,
    pub failed: usize,
    pub fired_twice: i64,
    pub still_due: i64,
    pub ledger_ok: bool,
}

impl TimerReport {
    pub fn per_s(&self) -> f64 {
        self.fired as f64 / self.fire.as_secs_f64().max(1e-9)
    }

    pub fn holds(&self) -> bool {
        self.fired == self.requests
            && self.failed == 0
            && self.fired_twice == 0
            && self.still_due == 0
            && self.ledger_ok
    }
}

async fn person(db: &Db, n: usize, credit: i64, now: Timestamp) -> Result<MemberId, String> {
    let mut tx = db.begin_write().await.map_err(|e| e.to_string())?;
    let email = Email::parse(&format!("timer{n}@bench.test")).map_err(|e| e.message())?;
    let name = DisplayName::parse(&format!("Timer {n}")).map_err(|e| e.message())?;
    let id = members_store::insert(
        &mut tx,
        members_store::NewMember {
            email: &email,
            display_name: &name,
            password_hash: "not a login",
            role: Role::Member,
            starting_credit: Minutes(credit),
        },
        now,
    )
    .await
    .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(id)
}

/// Creates `n` requests in AWAITING_RESPONSE through the engine, `workers` at a time.
pub(crate) async fn fill(
    db: &TestDb,
    clock: &Clock,
    rules: &Rules,
    n: usize,
    workers: usize,
) -> Result<(), String> {
    let now = clock.now();
    // One open request per (requester, service) pair is allowed: P requesters × P services.
    let people = ((n as f64).sqrt().ceil() as usize).max(1);
    let per_requester = n.div_ceil(people) as i64;
    let mut requesters = Vec::new();
    let mut services: Vec<ServiceId> = Vec::new();
    for i in 0..people {
        requesters.push(person(&db.db, 2 * i, per_requester * MINUTES, now).await?);
        let provider = person(&db.db, 2 * i + 1, 0, now).await?;
        let fields =
            ServiceFields::parse("Timer bench", "", "Bench", 24).map_err(|e| e.message())?;
        let mut tx = db.db.begin_write().await.map_err(|e| e.to_string())?;
        services.push(
            services_store::insert(&mut tx, provider, &fields, now)
                .await
                .map_err(|e| e.to_string())?,
        );
        tx.commit().await.map_err(|e| e.to_string())?;
    }
    let requesters = Arc::new(requesters);
    let services = Arc::new(services);
    let mut tasks = Vec::new();
    for w in 0..workers {
        let (db, clock, rules) = (db.db.clone(), clock.clone(), rules.clone());
        let (requesters, services) = (requesters.clone(), services.clone());
        tasks.push(tokio::spawn(async move {
            let terms = Terms {
                duration_minutes: MINUTES,
                rate: 100,
                proposed_start: None,
                message: String::new(),
            };
            let mut i = w;
            while i < n {
                let requester = requesters[i % people];
                let service = services[(i / people + i) % people];
                let r = engine::submit(&db, &clock, &rules, requester, service, &terms)
                    .await
                    .map_err(|e| format!("submit {i}: {e}"))?;
                if r.state != app::lifecycle::State::AwaitingResponse {
                    return Err(format!("request {i} ended in {:?}", r.state));
                }
                i += workers;
            }
            Ok::<(), String>(())
        }));
    }
    for t in tasks {
        t.await.map_err(|e| e.to_string())??;
    }
    Ok(())
}

/// Runs the timer benchmark on a fresh database of `backend`.
pub async fn run(
    backend: &str,
    sync: app::server::db::SqliteSync,
    n: usize,
) -> Result<TimerReport, String> {
    let db = TestDb::on(backend, sync).await.map_err(|e| e.to_string())?;
    let clock = Clock::manual(Timestamp(1_800_000_000_000));
    let rules = Rules {
        max_open_requests: n as i64 + 1,
        ..Rules::default()
    };
    let workers = if backend == "postgres" { 16 } else { 4 };
    let started = Instant::now();
    let filled = fill(&db, &clock, &rules, n, workers).await;
    let setup = started.elapsed();
    if let Err(e) = filled {
        db.cleanup().await;
        return Err(e);
    }
    // Every response window (24 h here) is now over.
    clock.advance_ms(25 * 3_600_000);
    let started = Instant::now();
    let swept = sweeper::sweep_once(&db.db, &clock, sweeper::DUE_PER_READ).await;
    let fire = started.elapsed();
    let report = match swept {
        Ok(s) => check(&db.db, &clock, n, setup, fire, s).await,
        Err(e) => Err(e.to_string()),
    };
    db.cleanup().await;
    report
}

async fn check(
    db: &Db,
    clock: &Clock,
    n: usize,
    setup: Duration,
    fire: Duration,
    s: sweeper::SweepReport,
) -> Result<TimerReport, String> {
    let e = |e: sqlx::Error| e.to_string();
    let fired_twice: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT request_id FROM request_events WHERE to_state = 'EXPIRED' \
         GROUP BY request_id HAVING COUNT(*) > 1) x",
    )
    .fetch_one(&db.write)
    .await
    .map_err(e)?;
    let refunded_twice: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT request_id FROM ledger_transfers WHERE kind IN ('post', 'void') \
         AND request_id IS NOT NULL GROUP BY request_id HAVING COUNT(*) > 1) x",
    )
    .fetch_one(&db.write)
    .await
    .map_err(e)?;
    let still_due: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE deadline_at_ms <= $1")
            .bind(clock.now().0)
            .fetch_one(&db.write)
            .await
            .map_err(e)?;
    let expired: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE state = 'EXPIRED'")
        .fetch_one(&db.write)
        .await
        .map_err(e)?;
    let conservation = ledger_store::conservation(&db.read)
        .await
        .map_err(|e| e.to_string())?;
    Ok(TimerReport {
        requests: n,
        setup,
        fire,
        fired: s.fired,
        stale: s.stale,
        failed: s.failed,
        fired_twice: fired_twice + refunded_twice,
        still_due,
        ledger_ok: conservation.holds() && expired as usize == n,
    })
}
