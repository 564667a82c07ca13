//! A short `server crash-test --smoke` on the backend under test (3 kills, 4 virtual
//! users), and on PostgreSQL the same with two servers sharing the database, so the
//! crash test runs in CI and cannot rot. The long runs (20 kills each) are
//! `scripts/crash-test.sh` and `scripts/test.sh --long`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

use std::process::Command;

fn crash_test(extra: &[&str]) -> String {
    let backend = app::server::testing::backend_name();
    // E-mail on, to the test script's SMTP sink (scripts/mail-sink.sh).
    let smtp =
        std::env::var("HOURBANK_TEST_SMTP_URL").unwrap_or_else(|_| "smtp://127.0.0.1:1025".into());
    let sink = std::env::var("HOURBANK_TEST_MAILDEV_URL")
        .unwrap_or_else(|_| "http://127.0.0.1:1080".into());
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "crash-test",
            "--smoke",
            "--db",
            &backend,
            "--smtp",
            &smtp,
            "--maildev",
            &sink,
        ])
        .args(extra)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .env("HOURBANK_LOG", "error")
        .output()
        .expect("run server crash-test");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "crash test failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    for line in [
        "kills: 3 of 3",
        "restarts too late: 0",
        "fired twice: 0;",
        "or an end other than the stored version: 0",
        "missing from the history: 0",
        "server errors (5xx): 0",
        "both copies succeeded: 0",
        "all invariants hold",
        "crash test passed",
    ] {
        assert!(stdout.contains(line), "no {line:?} in:\n{stdout}");
    }
    // The run must have done something worth checking.
    let checked = number_after(&stdout, "client-seen successes checked: ");
    assert!(checked > 20, "too few successes to check:\n{stdout}");
    // Deadlines fell due while servers were down or moving on, and the sweepers fired them.
    let fired = number_after(&stdout, "deadlines fired: ");
    assert!(fired > 0, "no deadline fired:\n{stdout}");
    // Every e-mail committed before a kill reached the sink.
    let committed = number_after(&stdout, "e-mails: committed ");
    assert!(committed > 20, "too few e-mails to check:\n{stdout}");
    assert!(
        stdout.contains(", missing 0, "),
        "an e-mail was lost:\n{stdout}"
    );
    assert!(
        stdout.contains("given up 0, unknown to the outbox 0"),
        "{stdout}"
    );
    stdout
}

/// The number a report line starting with `prefix` gives (0 if there is none).
fn number_after(stdout: &str, prefix: &str) -> u64 {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .map(|l| {
            l.chars()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn killed_servers_lose_nothing_and_fire_no_deadline_twice() {
    crash_test(&[]);
}

#[test]
fn two_servers_on_one_postgresql_lose_nothing() {
    if app::server::testing::backend_name() != "postgres" {
        eprintln!("skipped on SQLite: several servers share one PostgreSQL, never one SQLite file");
        return;
    }
    let out = crash_test(&["--servers", "2"]);
    assert!(out.contains("2 server(s)"), "{out}");
}
