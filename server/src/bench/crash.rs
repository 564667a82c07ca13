//! `server crash-test`: the benchmark's virtual users drive lifecycles against one or two
//! servers on a fresh database while this process `kill -9`s a server at random moments
//! and starts it again. Each kill also moves the bank's clock forward (the servers run in
//! test mode), so deadlines fall due while a server is down and must be fired by the
//! sweepers after it comes back. At the end it checks, on the database itself:
//!
//! - the whole-bank audit: sum of balances zero, no negative balance, every transfer
//!   balanced, every hold resolved at most once and agreeing with its request, every
//!   history gapless and replaying to the stored request;
//! - no deadline fired twice (two `deadline` events leaving one state of one request);
//! - after every restart, no request stayed past its deadline by more than one sweep
//!   interval (measured: how long until none was);
//! - every answer a client saw succeed (request, version, state) is in the history.
//!
//! With `--servers 2` (PostgreSQL) the calls alternate between two servers, both sweeping.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::server::audit::audit;
use app::server::db::SqliteSync;
use app::server::testing::TestDb;

use super::client::Http;
use super::scenarios::{self, Until, VirtualUser};
use super::server_process::{self, Launch, ServerProcess};
use super::stats::{Recorder, Seen};
use super::{backend, num};

const HOUR_MS: i64 = 3_600_000;
/// One action in this many (by version) is sent twice at once.
const DOUBLE_CLICK_EVERY: i64 = 4;
/// One lifecycle in this many is left for its deadline (expiry, or auto-confirmed payment).
const LEAVE_TO_DEADLINE_EVERY: u64 = 5;
/// Time the sweeper may take beyond its interval to fire what fell due (it fires up to
/// 500 per round, a few hundred per second at least).
const CATCH_UP_GRACE: Duration = Duration::from_secs(2);

#[derive(Clone, Debug, PartialEq)]
pub struct CrashArgs {
    pub backend: String,
    pub servers: usize,
    pub kills: usize,
    pub users: usize,
    /// How far the clock moves at each kill.
    pub hours_per_kill: i64,
    pub sweep_interval_ms: u64,
    /// How long the load runs between a restart and the next kill: uniform in this range.
    pub up_ms: (u64, u64),
    pub seed: u64,
    /// With e-mail: the SMTP sink the servers send to, and its API (maildev) the test
    /// reads what arrived from.
    pub smtp: Option<String>,
    pub maildev: String,
}

impl Default for CrashArgs {
    fn default() -> Self {
        CrashArgs {
            backend: "sqlite".into(),
            servers: 1,
            kills: 20,
            users: 16,
            hours_per_kill: 25,
            sweep_interval_ms: 500,
            up_ms: (300, 2_000),
            seed: 1,
            smtp: None,
            maildev: "http://127.0.0.1:1080".into(),
        }
    }
}

pub const USAGE: &str =
    "  server crash-test [--db sqlite|postgres] [--servers 1|2] [--kills K] [--users C]
                    [--hours-per-kill H] [--seed N] [--smoke]
                    [--smtp smtp://HOST:PORT --maildev http://HOST:PORT]
                                           kill -9 the server(s) K times under load, restart,
                                           then audit (docs/RELIABILITY.md); --servers 2
                                           needs PostgreSQL; --smoke is 3 kills for the tests;
                                           --smtp: e-mail on, every committed message must
                                           reach the sink (maildev's API at --maildev)
";

impl CrashArgs {
    pub fn parse<'a>(args: impl Iterator<Item = &'a str>) -> Result<CrashArgs, String> {
        let mut c = CrashArgs::default();
        let mut it = args;
        while let Some(a) = it.next() {
            match a {
                "--db" => c.backend = backend(it.next())?,
                "--servers" => c.servers = num(it.next(), a)?,
                "--kills" => c.kills = num(it.next(), a)?,
                "--users" => c.users = num(it.next(), a)?,
                "--hours-per-kill" => c.hours_per_kill = num(it.next(), a)?,
                "--seed" => c.seed = num(it.next(), a)?,
                "--smtp" => {
                    c.smtp = Some(
                        it.next()
                            .filter(|u| u.starts_with("smtp://"))
                            .ok_or("--smtp takes an smtp:// address")?
                            .to_owned(),
                    )
                }
                "--maildev" => {
                    c.maildev = it
                        .next()
                        .filter(|u| u.starts_with("http://"))
                        .ok_or("--maildev takes the sink's http:// address")?
                        .to_owned()
                }
                "--smoke" => {
                    c.kills = 3;
                    c.users = 4;
                    c.up_ms = (300, 800);
                }
                other => return Err(format!("unknown crash-test option {other:?}")),
            }
        }
        if !(1..=2).contains(&c.servers) {
            return Err("--servers is 1 or 2".into());
        }
        if c.servers > 1 && c.backend != "postgres" {
            return Err(
                "--servers 2 needs --db postgres: several servers share one PostgreSQL, \
                        never one SQLite file"
                    .into(),
            );
        }
        if c.kills == 0 {
            return Err("--kills is at least 1".into());
        }
        if c.kills as i64 * c.hours_per_kill > 800_000 {
            return Err("--kills × --hours-per-kill is at most 800000 hours".into());
        }
        if c.users == 0 || c.users > 1_000 {
            return Err("--users is from 1 to 1000".into());
        }
        if !(0..=1_000).contains(&c.hours_per_kill) {
            return Err("--hours-per-kill is from 0 to 1000".into());
        }
        Ok(c)
    }
}

/// What the run saw, for the report and the verdict.
#[derive(Debug, Default)]
struct Findings {
    kills: usize,
    restart_ms: Vec<u128>,
    catch_up_ms: Vec<u128>,
    late_restarts: usize,
    fired_deadlines: i64,
    fired_twice: i64,
    /// Requests whose history has a gap or a repeated sequence number, or does not end at
    /// the stored version.
    broken_histories: i64,
    seen: usize,
    missing: Vec<Seen>,
    server_errors: u64,
    double_clicks: u64,
    both_copies_succeeded: u64,
    audit_clean: bool,
    mail: Option<MailFindings>,
}

/// The outbox against what the SMTP sink received, counted by Message-ID.
#[derive(Debug, Default)]
struct MailFindings {
    committed: usize,
    failed: usize,
    delivered_distinct: usize,
    copies: usize,
    missing: usize,
    unknown: usize,
}

pub async fn run(args: CrashArgs) -> Result<(), String> {
    println!(
        "HourBank crash test — {} — {} server(s), {} kills, {} virtual users, clock +{} h per kill",
        if args.backend == "sqlite" {
            "SQLite, WAL, synchronous=FULL"
        } else {
            "PostgreSQL"
        },
        args.servers,
        args.kills,
        args.users,
        args.hours_per_kill
    );
    let db = TestDb::on(&args.backend, SqliteSync::Full)
        .await
        .map_err(|e| e.to_string())?;
    let result = run_on(&args, &db).await;
    db.cleanup().await;
    let f = result?;
    let ok = f.audit_clean
        && f.fired_twice == 0
        && f.broken_histories == 0
        && f.missing.is_empty()
        && f.server_errors == 0
        && f.both_copies_succeeded == 0
        && f.late_restarts == 0
        && f.kills == args.kills
        && f.mail
            .as_ref()
            .is_none_or(|m| m.missing == 0 && m.failed == 0 && m.unknown == 0);
    if ok {
        println!("crash test passed");
        Ok(())
    } else {
        Err("the crash test's checks failed (see above)".into())
    }
}

/// The servers, each with how it is started (its port stays the same across restarts).
struct Fleet {
    launches: Vec<Launch>,
    running: Vec<Option<ServerProcess>>,
    clock_offset_ms: i64,
}

impl Fleet {
    fn launch_for(&self, i: usize) -> Launch {
        let mut l = self.launches[i].clone();
        l.env.push((
            "HOURBANK_TEST_CLOCK_OFFSET_MS".into(),
            self.clock_offset_ms.to_string(),
        ));
        l
    }

    async fn start(&mut self, i: usize) -> Result<Duration, String> {
        let started = Instant::now();
        let server = ServerProcess::launch(&self.launch_for(i)).await?;
        self.running[i] = Some(server);
        Ok(started.elapsed())
    }

    fn log_tails(&self) -> String {
        self.running
            .iter()
            .flatten()
            .map(|s| format!("{}:\n{}", s.log.display(), s.log_tail()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

async fn run_on(args: &CrashArgs, db: &TestDb) -> Result<Findings, String> {
    let mut launches = Vec::new();
    for _ in 0..args.servers {
        let mut l = Launch::new(&db.url, "FULL")?;
        l.env = vec![
            ("HOURBANK_TEST_MODE".into(), "1".into()),
            (
                "HOURBANK_SWEEP_INTERVAL_MS".into(),
                args.sweep_interval_ms.to_string(),
            ),
            // Lifecycles cut short by a kill stay open until their deadline.
            ("HOURBANK_MAX_OPEN_REQUESTS".into(), "10000".into()),
        ];
        if let Some(smtp) = &args.smtp {
            l.env.extend([
                ("HOURBANK_SMTP_URL".into(), smtp.clone()),
                (
                    "HOURBANK_PUBLIC_URL".into(),
                    format!("http://{}", mail_domain(db)),
                ),
                ("HOURBANK_MAIL_INTERVAL_MS".into(), "100".into()),
                // A killed sender's rows go to the next one soon.
                ("HOURBANK_MAIL_LEASE_MS".into(), "1500".into()),
                ("HOURBANK_MAIL_RETRY_MS".into(), "200".into()),
            ]);
        }
        launches.push(l);
    }
    let mut fleet = Fleet {
        running: (0..args.servers).map(|_| None).collect(),
        launches,
        clock_offset_ms: 0,
    };
    // One after the other: the first one migrates the new database.
    for i in 0..args.servers {
        fleet.start(i).await?;
    }
    let mut outcome = drive(args, db, &mut fleet).await;
    if args.smtp.is_some() && outcome.is_ok() {
        if let Err(e) = wait_until_outbox_drained(db).await {
            outcome = Err(e);
        }
    }
    if outcome.is_err() {
        eprintln!("server logs (last lines):\n{}", fleet.log_tails());
    }
    for s in fleet.running.iter_mut().filter_map(Option::take) {
        s.stop().await;
    }
    let mut f = outcome?;
    let a = audit(&db.db.read)
        .await
        .map_err(|e| format!("audit: {e}"))?;
    println!("audit: {a}");
    f.audit_clean = a.is_clean();
    check_history(db, &mut f).await?;
    if args.smtp.is_some() {
        f.mail = Some(check_mail(args, db).await?);
    }
    report(args, &f);
    Ok(f)
}

async fn drive(args: &CrashArgs, db: &TestDb, fleet: &mut Fleet) -> Result<Findings, String> {
    let bases: Vec<String> = fleet.launches.iter().map(Launch::base).collect();
    let http = Http::spread(bases)?;
    let admin = http
        .login(server_process::ADMIN_EMAIL, server_process::ADMIN_PASSWORD)
        .await
        .map_err(|e| format!("admin login: {e}"))?;
    let mut vus = Vec::new();
    for i in 0..args.users {
        let (a, service_of_a, b, service_of_b) = super::pair(&http, i).await?;
        vus.push(VirtualUser {
            http: http.clone(),
            a,
            b,
            service_of_a,
            service_of_b,
            admin: admin.clone(),
            seed: args.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i as u64 + 1),
            double_click_every: DOUBLE_CLICK_EVERY,
            leave_to_deadline_every: LEAVE_TO_DEADLINE_EVERY,
        });
    }
    if args.smtp.is_some() {
        // They proved their addresses (the links went to the sink): e-mail for every step.
        sqlx::query("UPDATE members SET email_verified_at_ms = created_at_ms WHERE email_verified_at_ms IS NULL")
            .execute(&db.db.write)
            .await
            .map_err(|e| format!("verifying the members' addresses: {e}"))?;
    }
    println!(
        "setup: {} members signed up, {} virtual users driving lifecycles",
        2 * args.users,
        args.users
    );
    let stop = Arc::new(AtomicBool::new(false));
    let tasks: Vec<_> = vus
        .into_iter()
        .map(|vu| tokio::spawn(vu.run(Until::Stopped(stop.clone()))))
        .collect();
    let result = kill_loop(args, db, fleet).await;
    stop.store(true, Ordering::Relaxed);
    let mut rec = Recorder::default();
    for t in tasks {
        rec.merge(t.await.map_err(|e| e.to_string())?);
    }
    let mut f = result?;
    println!(
        "load: {} lifecycles finished, {} calls answered, {} refused or unanswered (expected around kills and clock moves)",
        rec.lifecycle_count(),
        rec.call_count(),
        rec.error_count()
    );
    let mut kinds: Vec<(&String, &u64)> = rec.errors.iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(a.1));
    for (k, n) in kinds.into_iter().take(8) {
        println!("  {n:>6}  {k}");
    }
    f.seen = rec.seen.len();
    f.server_errors = rec.server_errors;
    f.double_clicks = rec.double_clicks;
    f.both_copies_succeeded = rec.both_copies_succeeded;
    f.missing = missing_from_history(db, &rec.seen).await?;
    Ok(f)
}

async fn kill_loop(args: &CrashArgs, db: &TestDb, fleet: &mut Fleet) -> Result<Findings, String> {
    let mut f = Findings::default();
    let mut seed = args.seed.max(1);
    let (lo, hi) = args.up_ms;
    let interval = Duration::from_millis(args.sweep_interval_ms);
    for k in 1..=args.kills {
        let up = lo + scenarios::next(&mut seed) % (hi - lo + 1);
        tokio::time::sleep(Duration::from_millis(up)).await;
        let victim = (scenarios::next(&mut seed) % args.servers as u64) as usize;
        // Every other kill lands while the servers sweep: the clock moves on the running
        // servers (each then fires what fell due) and the victim dies a moment later,
        // possibly in the middle of a batch of firings. The others move the clock while
        // the victim is down, so its deadlines fall due with no one to fire them.
        let mid_sweep = k % 2 == 0;
        let mut moves = Vec::new();
        fleet.clock_offset_ms += args.hours_per_kill * HOUR_MS;
        if mid_sweep {
            for (i, server) in fleet.running.iter().enumerate() {
                let Some(server) = server else { continue };
                let base = server.base.clone();
                let hours = args.hours_per_kill;
                moves.push((
                    i,
                    tokio::spawn(async move { advance_clock(&base, hours).await }),
                ));
            }
            let delay = scenarios::next(&mut seed) % 150;
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        let server = fleet.running[victim]
            .take()
            .ok_or("a server that should run is not running")?;
        server.kill().await;
        f.kills += 1;
        // Down for a moment while the others (if any) carry the load.
        let down = scenarios::next(&mut seed) % 500;
        tokio::time::sleep(Duration::from_millis(down)).await;
        if !mid_sweep {
            for other in fleet.running.iter().flatten() {
                advance_clock(&other.base, args.hours_per_kill).await?;
            }
        }
        // The survivors' clocks must have moved; the victim's call died with it.
        for (i, m) in moves {
            let moved = m.await.map_err(|e| e.to_string())?;
            if i != victim {
                moved?;
            }
        }
        let restart = fleet.start(victim).await?;
        let catch_up = wait_until_nothing_overdue(db, fleet.clock_offset_ms, interval).await?;
        let late = catch_up > interval + CATCH_UP_GRACE;
        if late {
            f.late_restarts += 1;
        }
        println!(
            "kill {k:>2}: server {} killed after {up} ms{}, down {down} ms + {} ms to restart, clock +{} h, \
             overdue deadlines gone {} ms after ready{}",
            victim + 1,
            if mid_sweep { " while sweeping" } else { "" },
            restart.as_millis(),
            args.hours_per_kill,
            catch_up.as_millis(),
            if late { " — TOO LATE" } else { "" }
        );
        f.restart_ms.push(restart.as_millis());
        f.catch_up_ms.push(catch_up.as_millis());
    }
    tokio::time::sleep(Duration::from_millis(hi)).await;
    Ok(f)
}

/// Moves a running test-mode server's clock forward (it sweeps at once).
async fn advance_clock(base: &str, hours: i64) -> Result<(), String> {
    let res = reqwest::Client::new()
        .post(format!("{base}/test/clock?hours={hours}"))
        .send()
        .await
        .map_err(|e| format!("moving the clock of {base}: {e}"))?;
    if res.status().is_success() {
        Ok(())
    } else {
        Err(format!("moving the clock of {base}: HTTP {}", res.status()))
    }
}

/// Waits until no request's deadline is more than one sweep interval in the past of the
/// servers' clock; returns how long that took. Gives up (Err) after a minute.
async fn wait_until_nothing_overdue(
    db: &TestDb,
    clock_offset_ms: i64,
    interval: Duration,
) -> Result<Duration, String> {
    let started = Instant::now();
    loop {
        let now_ms = wall_clock_ms() + clock_offset_ms;
        let overdue: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM requests WHERE deadline_at_ms IS NOT NULL AND deadline_at_ms < $1",
        )
        .bind(now_ms - interval.as_millis() as i64)
        .fetch_one(&db.db.write)
        .await
        .map_err(|e| format!("counting overdue requests: {e}"))?;
        if overdue == 0 {
            return Ok(started.elapsed());
        }
        if started.elapsed() > Duration::from_secs(60) {
            return Err(format!(
                "{overdue} requests still past their deadline a minute after the restart"
            ));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn wall_clock_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The right-hand side of this run's Message-IDs (its servers' public host), so the
/// sink's messages of this run are told apart from any other's.
fn mail_domain(db: &TestDb) -> String {
    let name = db
        .url
        .rsplit(['/', '\\'])
        .find(|p| p.starts_with("hb_test_"))
        .unwrap_or("hb_test_run")
        .to_owned();
    format!("{}.crash.hourbank.test", name.replace('_', "-"))
}

/// Waits until every committed message has gone out (the servers still run), as long as
/// the queue keeps shrinking; gives up when it stands still for 30 s.
async fn wait_until_outbox_drained(db: &TestDb) -> Result<(), String> {
    let started = Instant::now();
    let (mut least, mut since) = (i64::MAX, Instant::now());
    loop {
        let waiting: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = 'waiting'")
                .fetch_one(&db.db.write)
                .await
                .map_err(|e| format!("reading the outbox: {e}"))?;
        if waiting == 0 {
            println!(
                "outbox drained {} ms after the load stopped",
                started.elapsed().as_millis()
            );
            return Ok(());
        }
        if waiting < least {
            (least, since) = (waiting, Instant::now());
        } else if since.elapsed() > Duration::from_secs(30) {
            return Err(format!(
                "{waiting} e-mails still waiting, none sent for 30 s"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[derive(serde::Deserialize)]
struct SinkMessage {
    #[serde(rename = "messageId", default)]
    message_id: String,
}

/// Every row the outbox committed, against what the sink received (by Message-ID): none
/// missing; copies resent after a kill counted, each with its row's Message-ID.
async fn check_mail(args: &CrashArgs, db: &TestDb) -> Result<MailFindings, String> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, status FROM outbox")
        .fetch_all(&db.db.write)
        .await
        .map_err(|e| format!("reading the outbox: {e}"))?;
    let domain = mail_domain(db);
    let received: Vec<SinkMessage> = reqwest::get(format!("{}/email", args.maildev))
        .await
        .map_err(|e| format!("reading the SMTP sink at {}: {e}", args.maildev))?
        .json()
        .await
        .map_err(|e| format!("reading the SMTP sink's list: {e}"))?;
    let ours: Vec<String> = received
        .into_iter()
        .map(|m| m.message_id.trim_matches(['<', '>']).to_owned())
        .filter_map(|id| id.strip_suffix(&format!("@{domain}")).map(str::to_owned))
        .collect();
    let distinct: HashSet<&str> = ours.iter().map(String::as_str).collect();
    let committed: HashSet<&str> = rows
        .iter()
        .filter(|(_, s)| s == "sent" || s == "failed")
        .map(|(id, _)| id.as_str())
        .collect();
    let m = MailFindings {
        committed: committed.len(),
        failed: rows.iter().filter(|(_, s)| s == "failed").count(),
        delivered_distinct: distinct.len(),
        copies: ours.len() - distinct.len(),
        missing: committed
            .iter()
            .filter(|id| !distinct.contains(*id))
            .count(),
        unknown: distinct
            .iter()
            .filter(|id| !committed.contains(*id))
            .count(),
    };
    Ok(m)
}

/// The answers the client saw succeed that the history does not hold.
async fn missing_from_history(db: &TestDb, seen: &[Seen]) -> Result<Vec<Seen>, String> {
    let rows: Vec<(String, i64, String)> =
        sqlx::query_as("SELECT request_id, seq, to_state FROM request_events")
            .fetch_all(&db.db.write)
            .await
            .map_err(|e| format!("reading the history: {e}"))?;
    let stored: HashSet<(String, i64, String)> = rows.into_iter().collect();
    Ok(seen
        .iter()
        .filter(|s| !stored.contains(&(s.request_id.clone(), s.version, s.state.to_owned())))
        .cloned()
        .collect())
}

/// Deadlines fired, and fired twice (two `deadline` events leaving one state of a request:
/// every state with a deadline is left for good when it fires).
async fn check_history(db: &TestDb, f: &mut Findings) -> Result<(), String> {
    let e = |e: sqlx::Error| format!("reading the history: {e}");
    f.fired_deadlines =
        sqlx::query_scalar("SELECT COUNT(*) FROM request_events WHERE event = 'deadline'")
            .fetch_one(&db.db.write)
            .await
            .map_err(e)?;
    f.fired_twice = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT request_id, from_state FROM request_events \
         WHERE event = 'deadline' GROUP BY request_id, from_state HAVING COUNT(*) > 1) x",
    )
    .fetch_one(&db.db.write)
    .await
    .map_err(e)?;
    f.broken_histories = sqlx::query_scalar(
        "SELECT COUNT(*) FROM requests r LEFT JOIN (SELECT request_id, COUNT(*) AS n, \
         MIN(seq) AS first, MAX(seq) AS last \
         FROM request_events GROUP BY request_id) h ON h.request_id = r.id \
         WHERE h.request_id IS NULL OR h.first <> 1 OR h.last - h.first + 1 <> h.n \
         OR h.last <> r.version",
    )
    .fetch_one(&db.db.write)
    .await
    .map_err(e)?;
    Ok(())
}

fn report(args: &CrashArgs, f: &Findings) {
    let max = |v: &[u128]| v.iter().copied().max().unwrap_or(0);
    println!(
        "kills: {} of {}; restart to ready max {} ms; overdue deadlines gone within max {} ms \
         of ready (sweep interval {} ms); restarts too late: {}",
        f.kills,
        args.kills,
        max(&f.restart_ms),
        max(&f.catch_up_ms),
        args.sweep_interval_ms,
        f.late_restarts
    );
    println!(
        "deadlines fired: {}; fired twice: {}; histories with a gap, a repeated sequence number \
         or an end other than the stored version: {}",
        f.fired_deadlines, f.fired_twice, f.broken_histories
    );
    println!(
        "client-seen successes checked: {}; missing from the history: {}",
        f.seen,
        f.missing.len()
    );
    println!(
        "server errors (5xx): {}; actions sent twice at once: {}, both copies succeeded: {}",
        f.server_errors, f.double_clicks, f.both_copies_succeeded
    );
    if let Some(m) = &f.mail {
        println!(
            "e-mails: committed {}, delivered {} (distinct Message-IDs), missing {}, resent copies {} \
             (each with its original Message-ID), given up {}, unknown to the outbox {}",
            m.committed, m.delivered_distinct, m.missing, m.copies, m.failed, m.unknown
        );
    }
    for m in f.missing.iter().take(10) {
        println!(
            "  missing: request {} version {} {}",
            m.request_id, m.version, m.state
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_options() {
        let p = |s: &str| CrashArgs::parse(s.split_whitespace());
        assert_eq!(p(""), Ok(CrashArgs::default()));
        let c = p("--db postgres --servers 2 --kills 5 --users 3").unwrap();
        assert_eq!((c.servers, c.kills, c.users), (2, 5, 3));
        assert_eq!(p("--smoke").unwrap().kills, 3);
        for bad in [
            "--servers 2",
            "--db postgres --servers 3",
            "--users 0",
            "--kills x",
            "--hours-per-kill -1",
            "--loud",
        ] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }
}
