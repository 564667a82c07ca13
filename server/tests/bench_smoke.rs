//! A few seconds of `server bench --smoke` on the backend under test, so the benchmark
//! cannot rot: it must start the server, drive every scenario over HTTP without one
//! failed action, pass the audit and the timer checks, and say so.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

use std::process::Command;

#[test]
fn the_benchmark_runs_every_scenario_and_its_checks_pass() {
    let backend = app::server::testing::backend_name();
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["bench", "--smoke", "--db", &backend])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .env("HOURBANK_LOG", "error")
        .output()
        .expect("run server bench");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "bench failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    for line in [
        "ceiling: ",
        "errors: none",
        "all invariants hold",
        "fired twice: 0",
        "benchmark passed",
    ] {
        assert!(stdout.contains(line), "no {line:?} in:\n{stdout}");
    }
    for scenario in ["happy path ", "counter-offer ", "declined ", "disputed "] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with("mix: ") && l.contains(scenario)),
            "the mix never ran {scenario:?}:\n{stdout}"
        );
    }
    let transitions: u64 = stdout
        .lines()
        .find_map(|l| {
            l.split(" state transitions")
                .next()
                .filter(|_| l.starts_with("load: "))
        })
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(transitions > 0, "no transitions counted:\n{stdout}");
}
