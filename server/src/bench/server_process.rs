//! The server under test: this same binary started as `serve` in a child process on a
//! free port, so its memory is its own (peak RSS from /proc) and the load crosses real
//! HTTP.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};

pub const ADMIN_EMAIL: &str = "bench-admin@bench.test";
pub const ADMIN_PASSWORD: &str = "bench-admin-password";
/// Every member starts with this much, so no lifecycle is refused for want of hours.
pub const STARTING_CREDIT_MINUTES: i64 = 100_000;

pub struct ServerProcess {
    pub base: String,
    pub log: PathBuf,
    child: Child,
}

fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    l.local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// How to start a server: its database, its port (kept across restarts) and any extra
/// environment (the crash test's test mode, sweep interval and clock).
#[derive(Clone, Debug)]
pub struct Launch {
    pub database_url: String,
    pub sqlite_sync: String,
    pub port: u16,
    pub env: Vec<(String, String)>,
}

/// A free port below Linux's ephemeral range (32768 and up), so that while a killed
/// server is down no outgoing connection can take its port as a source port and make the
/// restart fail.
fn free_fixed_port() -> Result<u16, String> {
    let seed = std::process::id() as u64
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() as u64)
            .unwrap_or(0);
    for i in 0..2_000u64 {
        let port = 20_000 + ((seed.wrapping_mul(2_654_435_761) + i * 7_919) % 12_000) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return Ok(port);
        }
    }
    free_port()
}

impl Launch {
    pub fn new(database_url: &str, sqlite_sync: &str) -> Result<Launch, String> {
        Ok(Launch {
            database_url: database_url.to_owned(),
            sqlite_sync: sqlite_sync.to_owned(),
            port: free_fixed_port()?,
            env: Vec::new(),
        })
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl ServerProcess {
    /// Starts `server serve` on `database_url` and waits until `/readyz` answers.
    pub async fn start(database_url: &str, sqlite_sync: &str) -> Result<ServerProcess, String> {
        ServerProcess::launch(&Launch::new(database_url, sqlite_sync)?).await
    }

    /// Starts a server as `launch` says (its log appended to `target/bench/server-PORT.log`)
    /// and waits until `/readyz` answers.
    pub async fn launch(launch: &Launch) -> Result<ServerProcess, String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find this binary: {e}"))?;
        let port = launch.port;
        let log_dir = PathBuf::from("target/bench");
        std::fs::create_dir_all(&log_dir).map_err(|e| format!("{}: {e}", log_dir.display()))?;
        let log = log_dir.join(format!("server-{port}.log"));
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .map_err(|e| format!("{}: {e}", log.display()))?;
        let log_err = log_file
            .try_clone()
            .map_err(|e| format!("{}: {e}", log.display()))?;
        let child = Command::new(exe)
            .args(["serve", "--no-demo"])
            .env("DATABASE_URL", &launch.database_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("HOURBANK_SQLITE_SYNCHRONOUS", &launch.sqlite_sync)
            .env(
                "HOURBANK_STARTING_CREDIT_MINUTES",
                STARTING_CREDIT_MINUTES.to_string(),
            )
            .env("HOURBANK_ADMIN_EMAIL", ADMIN_EMAIL)
            .env("HOURBANK_ADMIN_PASSWORD", ADMIN_PASSWORD)
            // Every virtual member signs up from 127.0.0.1 within a second or two.
            .env("HOURBANK_AUTH_ATTEMPTS_PER_ADDR", "1000000")
            .env(
                "HOURBANK_LOG",
                std::env::var("HOURBANK_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .envs(launch.env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::from(log_file))
            .stderr(Stdio::from(log_err))
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let mut server = ServerProcess {
            base: launch.base(),
            log,
            child,
        };
        let started = Instant::now();
        let client = reqwest::Client::new();
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "the server exited at start ({status}); its log:\n{}",
                    server.log_tail()
                ));
            }
            let ready = client
                .get(format!("{}/readyz", server.base))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if ready {
                return Ok(server);
            }
            if started.elapsed() > Duration::from_secs(60) {
                return Err(format!(
                    "the server was not ready within 60 s; its log:\n{}",
                    server.log_tail()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The most memory the server process has held (VmHWM), in bytes; None off Linux.
    pub fn peak_rss_bytes(&self) -> Option<u64> {
        let pid = self.child.id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map(|kb| kb * 1024)
    }

    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// `kill -9`: the process ends at once, whatever it was doing.
    pub async fn kill(mut self) {
        let _ = self.child.kill().await;
    }

    /// Asks the server to shut down (SIGTERM), then kills it if it has not within 10 s.
    pub async fn stop(mut self) {
        if let Some(pid) = self.child.id() {
            let _ = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await;
        }
        if tokio::time::timeout(Duration::from_secs(10), self.child.wait())
            .await
            .is_err()
        {
            let _ = self.child.kill().await;
        }
    }
}
