//! `server bench`: the load benchmark. It starts this binary as a server on a fresh
//! database, measures the database's raw commit rate (the ceiling), signs members up and
//! drives whole lifecycles over HTTP with C virtual users, loads server-rendered pages
//! under that load, then audits the bank (conservation, holds, replay of every history)
//! and runs the timer benchmark. It prints one report and fails (exit 1) if an action
//! failed, an invariant broke, or a deadline fired twice.

pub mod ceiling;
pub mod client;
pub mod crash;
pub mod scale;
pub mod scenarios;
pub mod server_process;
pub mod stats;
pub mod timers;

use std::time::{Duration, Instant};

use app::server::audit::audit;
use app::server::db::SqliteSync;
use app::server::testing::TestDb;

use client::{Http, Member};
use scenarios::{Until, VirtualUser};
use server_process::ServerProcess;
use stats::Recorder;

#[derive(Clone, Debug, PartialEq)]
pub struct BenchArgs {
    pub backend: String,
    pub sync: SqliteSync,
    pub users: usize,
    pub seconds: u64,
    pub ceiling_seconds: u64,
    pub timers: usize,
    pub site_pkg: String,
    /// `--scale N`: only the scale benchmark, with N requests (`scale.rs`).
    pub scale: usize,
    pub scale_rounds: usize,
}

impl Default for BenchArgs {
    fn default() -> Self {
        BenchArgs {
            backend: "sqlite".into(),
            sync: SqliteSync::Full,
            users: 64,
            seconds: 20,
            ceiling_seconds: 5,
            timers: 100_000,
            site_pkg: "target/site/pkg".into(),
            scale: 0,
            scale_rounds: 100,
        }
    }
}

pub const USAGE: &str =
    "  server bench [--db sqlite|postgres] [--synchronous FULL|NORMAL] [--users C]
               [--seconds S] [--ceiling-seconds S] [--timers N] [--smoke]
                                           the load benchmark (BENCHMARKS.md); --smoke is a
                                           few-second run for the test suite
  server bench --scale N [--db …] [--rounds R]
                                           N requests of history, then every page read R
                                           times (default 100): SSR p50/p99, bytes per request";

/// The value of a whole-number option (`flag` names it in the message).
pub(crate) fn num<T: std::str::FromStr>(v: Option<&str>, flag: &str) -> Result<T, String> {
    v.and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("{flag} needs a whole number"))
}

/// The value of `--db`.
pub(crate) fn backend(v: Option<&str>) -> Result<String, String> {
    match v {
        Some(v @ ("sqlite" | "postgres")) => Ok(v.to_owned()),
        _ => Err("--db is sqlite or postgres".into()),
    }
}

impl BenchArgs {
    pub fn parse<'a>(args: impl Iterator<Item = &'a str>) -> Result<BenchArgs, String> {
        let mut b = BenchArgs::default();
        let mut it = args.peekable();
        while let Some(a) = it.next() {
            match a {
                "--db" => b.backend = backend(it.next())?,
                "--synchronous" => {
                    b.sync = it
                        .next()
                        .and_then(SqliteSync::parse)
                        .ok_or("--synchronous is FULL or NORMAL")?
                }
                "--users" => b.users = num(it.next(), a)?,
                "--seconds" => b.seconds = num(it.next(), a)?,
                "--ceiling-seconds" => b.ceiling_seconds = num(it.next(), a)?,
                "--timers" => b.timers = num(it.next(), a)?,
                "--scale" => b.scale = num(it.next(), a)?,
                "--rounds" => b.scale_rounds = num(it.next(), a)?,
                "--site-pkg" => b.site_pkg = it.next().ok_or("--site-pkg needs a folder")?.into(),
                "--smoke" => {
                    b.users = 4;
                    b.seconds = 3;
                    b.ceiling_seconds = 1;
                    b.timers = 300;
                }
                other => return Err(format!("unknown bench option {other:?}")),
            }
        }
        if b.users == 0 || b.users > 1_000 {
            return Err("--users is from 1 to 1000".into());
        }
        Ok(b)
    }

    fn durability(&self) -> String {
        if self.backend == "sqlite" {
            format!("SQLite, WAL, synchronous={}", self.sync.as_str())
        } else {
            "PostgreSQL, default settings (synchronous_commit=on)".into()
        }
    }
}

/// Runs the whole benchmark; Err when it could not run or when a check failed.
pub async fn run(args: BenchArgs) -> Result<(), String> {
    if args.scale > 0 {
        println!(
            "HourBank scale benchmark — {} — {} requests, every page read {} times",
            args.durability(),
            args.scale,
            args.scale_rounds
        );
        scale::run(
            &args.backend,
            args.sync,
            args.scale,
            args.scale_rounds.max(1),
        )
        .await?;
        println!("scale benchmark passed");
        return Ok(());
    }
    println!(
        "HourBank benchmark — {} — {} virtual users for {} s",
        args.durability(),
        args.users,
        args.seconds
    );
    let db = TestDb::on(&args.backend, args.sync)
        .await
        .map_err(|e| e.to_string())?;
    let result = run_on(&args, &db).await;
    db.cleanup().await;
    let failures = result?;
    if args.timers > 0 {
        let t = timers::run(&args.backend, args.sync, args.timers).await?;
        println!(
            "timers: {} requests made in {:.1} s; all {} deadlines due at once: fired {} in {:.2} s ({:.0}/s); \
             fired twice: {}; still due: {}; failed: {}; ledger and states {}",
            t.requests,
            t.setup.as_secs_f64(),
            t.requests,
            t.fired,
            t.fire.as_secs_f64(),
            t.per_s(),
            t.fired_twice,
            t.still_due,
            t.failed,
            if t.ledger_ok { "check out" } else { "DO NOT CHECK OUT" }
        );
        if !t.holds() {
            return Err("the timer benchmark's checks failed (see above)".into());
        }
    }
    bundle_sizes(&args.site_pkg);
    if failures > 0 {
        return Err(format!(
            "{failures} actions failed during the load (see the errors above)"
        ));
    }
    println!("benchmark passed");
    Ok(())
}

/// Ceiling, load, audit. Returns how many actions failed.
async fn run_on(args: &BenchArgs, db: &TestDb) -> Result<u64, String> {
    let (commits, commits_per_s) =
        ceiling::raw_commits_per_s(&db.db, Duration::from_secs(args.ceiling_seconds.max(1)))
            .await
            .map_err(|e| format!("ceiling loop: {e}"))?;
    println!(
        "ceiling: {commits_per_s:.0} single-row UPDATE commits/s ({commits} in {} s, one connection)",
        args.ceiling_seconds.max(1)
    );
    let c_per_s = if args.backend == "sqlite" {
        let dir =
            std::env::temp_dir().join(format!("hb_ceiling_{}", uuid::Uuid::new_v4().simple()));
        let (sync, run) = (
            args.sync.as_str().to_owned(),
            Duration::from_secs(args.ceiling_seconds.max(1)),
        );
        let (c_commits, c_per_s) =
            tokio::task::spawn_blocking(move || ceiling::c_library_commits_per_s(&dir, &sync, run))
                .await
                .map_err(|e| e.to_string())??;
        println!(
            "ceiling, SQLite's C library directly (rusqlite, no sqlx, no thread hand-off): {c_per_s:.0} commits/s \
             ({c_commits} in {} s); sqlx's loop reaches {:.2} of it",
            args.ceiling_seconds.max(1),
            commits_per_s / c_per_s.max(1e-9)
        );
        Some(c_per_s)
    } else {
        None
    };
    let server = ServerProcess::start(&db.url, args.sync.as_str()).await?;
    let outcome = load(args, db, &server, commits_per_s, c_per_s).await;
    let rss = server.peak_rss_bytes();
    if outcome.is_err() {
        eprintln!("server log (last lines):\n{}", server.log_tail());
    }
    server.stop().await;
    if let Some(rss) = rss {
        println!("server peak RSS: {:.1} MB", rss as f64 / 1_048_576.0);
    }
    let failures = outcome?;
    let a = audit(&db.db.read)
        .await
        .map_err(|e| format!("audit: {e}"))?;
    println!("audit: {a}");
    if !a.is_clean() {
        return Err("the audit found broken invariants (see above)".into());
    }
    Ok(failures)
}

async fn count_events(db: &TestDb) -> Result<i64, String> {
    sqlx::query_scalar("SELECT COUNT(*) FROM request_events")
        .fetch_one(&db.db.write)
        .await
        .map_err(|e| format!("counting events: {e}"))
}

async fn load(
    args: &BenchArgs,
    db: &TestDb,
    server: &ServerProcess,
    commits_per_s: f64,
    c_per_s: Option<f64>,
) -> Result<u64, String> {
    let http = Http::new(server.base.clone())?;
    let setup_started = Instant::now();
    let admin = http
        .login(server_process::ADMIN_EMAIL, server_process::ADMIN_PASSWORD)
        .await
        .map_err(|e| format!("admin login: {e}"))?;
    let mut pairs = Vec::new();
    // Sign-ups hash passwords (Argon2): a few at a time.
    for chunk in (0..args.users).collect::<Vec<_>>().chunks(8) {
        let mut batch = Vec::new();
        for &i in chunk {
            let http = http.clone();
            batch.push(tokio::spawn(async move { pair(&http, i).await }));
        }
        for t in batch {
            pairs.push(t.await.map_err(|e| e.to_string())??);
        }
    }
    println!(
        "setup: {} members with a service each, signed up over HTTP in {:.1} s",
        2 * args.users,
        setup_started.elapsed().as_secs_f64()
    );
    let events_before = count_events(db).await?;
    let writer_before = writer_counters(&http).await?;
    let started = Instant::now();
    let until = Until::Deadline(started + Duration::from_secs(args.seconds));
    let mut tasks = Vec::new();
    for (i, (a, service_of_a, b, service_of_b)) in pairs.into_iter().enumerate() {
        let vu = VirtualUser {
            http: http.clone(),
            a,
            b,
            service_of_a,
            service_of_b,
            admin: admin.clone(),
            seed: 0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1),
            double_click_every: 0,
            leave_to_deadline_every: 0,
        };
        tasks.push(tokio::spawn(vu.run(until.clone())));
    }
    let mut rec = Recorder::default();
    for t in tasks {
        rec.merge(t.await.map_err(|e| e.to_string())?);
    }
    let secs = started.elapsed().as_secs_f64();
    let transitions = count_events(db).await? - events_before;
    report(&mut rec, secs, transitions, commits_per_s, c_per_s);
    if args.backend == "sqlite" {
        let after = writer_counters(&http).await?;
        let [held_us, commit_us, commits, members]: [f64; 4] =
            std::array::from_fn(|i| after[i] - writer_before[i]);
        println!(
            "SQLite writer: held {:.0} % of the load's {secs:.1} s; {commits:.0} commits held {members:.0} write transactions \
             ({:.1} per commit); held {:.0} µs per transaction, of which its share of the COMMIT {:.0} µs ({:.1} ms per COMMIT)",
            100.0 * held_us / 1e6 / secs,
            members / commits.max(1.0),
            held_us / members.max(1.0),
            commit_us / members.max(1.0),
            commit_us / 1e3 / commits.max(1.0),
        );
    }
    Ok(rec.error_count())
}

/// The SQLite writer's counters on `/metrics` (one read): microseconds held, microseconds
/// in COMMIT, commits, the write transactions they held; 0 for one never counted yet.
async fn writer_counters(http: &Http) -> Result<[f64; 4], String> {
    let text = http.metrics().await.map_err(|e| format!("/metrics: {e}"))?;
    Ok([
        "hourbank_sqlite_writer_held_microseconds_total",
        "hourbank_sqlite_commit_microseconds_total",
        "hourbank_sqlite_group_commits_total",
        "hourbank_sqlite_group_commit_members_total",
    ]
    .map(|name| client::counter_value(&text, name).unwrap_or(0.0)))
}

/// Two members, each offering a service.
pub(crate) async fn pair(
    http: &Http,
    i: usize,
) -> Result<(Member, String, Member, String), String> {
    let mut out = Vec::new();
    for side in ["a", "b"] {
        let email = format!("vu{i}{side}@bench.test");
        let m = http
            .signup(&format!("Bench {i}{side}"), &email, "bench-password-1")
            .await
            .map_err(|e| format!("sign-up of {email}: {e}"))?;
        let service: String = http
            .call(&m, "services/create", &scenarios::SERVICE_FORM)
            .await
            .map_err(|e| format!("service of {email}: {e}"))?;
        out.push((m, service));
    }
    let (b, sb) = out.pop().ok_or("no member b")?;
    let (a, sa) = out.pop().ok_or("no member a")?;
    Ok((a, sa, b, sb))
}

fn report(
    rec: &mut Recorder,
    secs: f64,
    transitions: i64,
    commits_per_s: f64,
    c_per_s: Option<f64>,
) {
    let lifecycles = rec.lifecycle_count();
    let tps = transitions as f64 / secs;
    println!(
        "load: {lifecycles} lifecycles in {secs:.1} s = {:.1} lifecycles/s; {transitions} state transitions = {tps:.0} transitions/s; {} HTTP calls = {:.0} calls/s",
        lifecycles as f64 / secs,
        rec.call_count(),
        rec.call_count() as f64 / secs,
    );
    println!(
        "ratio: transitions/s ÷ raw commits/s = {tps:.0} ÷ {commits_per_s:.0} = {:.2}",
        tps / commits_per_s.max(1e-9)
    );
    if let Some(c) = c_per_s {
        println!(
            "ratio: transitions/s ÷ SQLite C-library commits/s = {tps:.0} ÷ {c:.0} = {:.2}",
            tps / c.max(1e-9)
        );
    }
    let mix: Vec<String> = rec
        .lifecycles
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    println!("mix: {}", mix.join(", "));
    println!(
        "{:<22} {:>8} {:>9} {:>9} {:>9} {:>9}",
        "action (ms)", "calls", "p50", "p95", "p99", "max"
    );
    for s in stats::summarise(rec) {
        println!(
            "{:<22} {:>8} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
            s.action, s.count, s.p50_ms, s.p95_ms, s.p99_ms, s.max_ms
        );
    }
    if rec.errors.is_empty() {
        println!("errors: none");
    } else {
        println!("errors by kind:");
        for (k, n) in &rec.errors {
            println!("  {n:>6}  {k}");
        }
    }
}

/// The browser bundle a release build ships, raw, gzip (-9), and as served (the brotli
/// file precompressed beside it), if it has been built.
fn bundle_sizes(pkg: &str) {
    let Ok(dir) = std::fs::read_dir(pkg) else {
        println!("bundle: no {pkg} (build with `cargo leptos build --release` to measure it)");
        return;
    };
    let mut files: Vec<_> = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("wasm" | "js")))
        .collect();
    files.sort();
    let (mut raw_total, mut gz_total, mut br_total) = (0u64, 0u64, 0u64);
    for f in files {
        let raw = std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0);
        let gz = std::process::Command::new("gzip")
            .args(["-9", "-c"])
            .arg(&f)
            .output()
            .map(|o| o.stdout.len() as u64)
            .unwrap_or(0);
        let mut served = f.clone().into_os_string();
        served.push(".br");
        let br = std::fs::metadata(&served).map(|m| m.len()).unwrap_or(raw);
        raw_total += raw;
        gz_total += gz;
        br_total += br;
        println!(
            "bundle: {} {raw} B raw, {gz} B gzip, {br} B served (brotli)",
            f.display()
        );
    }
    println!(
        "bundle: WASM + JS {raw_total} B raw, {gz_total} B gzip, {br_total} B served (brotli)"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_options() {
        let p = |s: &str| BenchArgs::parse(s.split_whitespace());
        assert_eq!(p(""), Ok(BenchArgs::default()));
        let b = p("--db postgres --users 8 --seconds 5 --timers 0").unwrap();
        assert_eq!(
            (b.backend.as_str(), b.users, b.seconds, b.timers),
            ("postgres", 8, 5, 0)
        );
        assert_eq!(p("--synchronous normal").unwrap().sync, SqliteSync::Normal);
        assert_eq!(p("--smoke").unwrap().users, 4);
        for bad in [
            "--db mysql",
            "--users 0",
            "--users x",
            "--synchronous OFF",
            "--fast",
        ] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }
}
