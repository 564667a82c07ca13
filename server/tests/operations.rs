//! Admin views and operator endpoints over HTTP: dashboard, disputes, member detail,
//! /metrics, request ids.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::api::admin::AdminMemberView;
use app::api::dashboard::{Dashboard, DisputeEntry};
use app::api::requests::{ActionResult, RequestSummary};
use app::domain::Minutes;
use app::lifecycle::State;
use common::{spawn_app_with, TestApp};

use common::PW;

async fn member(app: &TestApp, name: &str) -> reqwest::Client {
    app.signed_up(name).await.0
}

#[tokio::test]
async fn dashboard_disputes_member_view_and_metrics_follow_a_scenario() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(300)).await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let ann = member(&app, "Ann").await;
    let bob = member(&app, "Bob").await;
    // One request paid, one disputed (two services: one open request per service).
    let mut ids = Vec::new();
    for _ in 0..2 {
        let service: String = app
            .call(
                &bob,
                "services/create",
                &[
                    ("title", "Repairs"),
                    ("description", ""),
                    ("category", "Home"),
                    ("response_window_hours", "6"),
                ],
            )
            .await
            .unwrap();
        let r: ActionResult = app
            .call(
                &ann,
                "requests/submit",
                &[
                    ("service_id", &service),
                    ("duration_minutes", "60"),
                    ("message", ""),
                ],
            )
            .await
            .unwrap();
        let r: ActionResult = app
            .call(
                &bob,
                "requests/act",
                &[
                    ("action", "accept"),
                    ("request_id", &r.id.to_string()),
                    ("version", &r.version.to_string()),
                ],
            )
            .await
            .unwrap();
        ids.push(r);
    }
    let paid = &ids[0];
    let mut v = paid.version.to_string();
    let pid = paid.id.to_string();
    for (who, ep) in [
        (&bob, "mark_started"),
        (&ann, "confirm_start"),
        (&bob, "mark_completed"),
        (&ann, "confirm_completion"),
    ] {
        let r: ActionResult = app
            .call(
                who,
                "requests/act",
                &[("action", ep), ("request_id", &pid), ("version", &v)],
            )
            .await
            .unwrap();
        v = r.version.to_string();
    }
    let d = &ids[1];
    let _: ActionResult = app
        .call(
            &ann,
            "requests/act",
            &[
                ("action", "dispute"),
                ("request_id", &d.id.to_string()),
                ("version", &d.version.to_string()),
                ("text", "late"),
            ],
        )
        .await
        .unwrap();

    let dash: Dashboard = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    let count = |s: State| {
        dash.by_state
            .iter()
            .find(|(n, _)| n == s.as_str())
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    assert_eq!((count(State::Paid), count(State::Disputed)), (1, 1));
    assert_eq!(dash.in_escrow, Minutes(60));
    assert_eq!(dash.success_percent, Some(100));
    assert!(dash.conservation.holds);
    assert_eq!(dash.provider_response.as_ref().unwrap().count, 2);
    assert_eq!(dash.time_to_payment.as_ref().unwrap().count, 1);
    let today = dash.per_day.last().unwrap();
    assert_eq!(
        (
            today.count(State::InProgress),
            today.count(State::Paid),
            today.count(State::Disputed)
        ),
        (1, 1, 1)
    );
    assert!(dash.flagged.is_empty());

    let disputes: Vec<DisputeEntry> = app.call(&admin, "admin/disputes", &[]).await.unwrap();
    assert_eq!(disputes.len(), 1);
    assert_eq!(
        (
            disputes[0].reason.as_str(),
            disputes[0].raised_by.as_str(),
            disputes[0].held
        ),
        ("late", "requester", Minutes(60))
    );

    // Members can't read any of it.
    for ep in ["admin/dashboard", "admin/disputes"] {
        let (s, _) = app
            .call::<serde_json::Value>(&ann, ep, &[])
            .await
            .unwrap_err();
        assert_eq!(s, 403, "{ep}");
    }
    let ann_id = app.me(&ann).await.unwrap().id.to_string();
    let view: AdminMemberView = app
        .call(&admin, "admin/member", &[("member_id", &ann_id)])
        .await
        .unwrap();
    assert_eq!(view.requests.len(), 2);
    assert!(view.statement.iter().any(|l| l.kind == "post"));
    let (s, _) = app
        .call::<AdminMemberView>(&bob, "admin/member", &[("member_id", &ann_id)])
        .await
        .unwrap_err();
    assert_eq!(s, 403);

    // /metrics: transitions by event and outcome, latency histograms, gauges.
    let text = app
        .client()
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for needle in [
        "hourbank_transitions_total{event=\"accept\",outcome=\"ok\"}",
        "hourbank_transitions_total{event=\"process_payment\",outcome=\"ok\"}",
        "hourbank_server_fn_duration_seconds_bucket{function=\"requests/submit\"",
        "hourbank_open_requests{state=\"DISPUTED\"} 1",
        "hourbank_escrow_minutes 60",
    ] {
        assert!(text.contains(needle), "/metrics lacks {needle}:\n{text}");
    }
    // Every response carries a request id.
    let res = app.client().get(app.url("/healthz")).send().await.unwrap();
    assert!(res.headers().get("x-request-id").is_some());
    let _: Vec<RequestSummary> = app
        .call(&ann, "requests/mine", &[("as_party", "requester")])
        .await
        .unwrap();
    app.cleanup().await;
}

#[tokio::test]
async fn a_flagged_timer_can_be_retried_by_an_admin() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(300)).await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let ann = member(&app, "Ann").await;
    let bob = member(&app, "Bob").await;
    let service: String = app
        .call(
            &bob,
            "services/create",
            &[
                ("title", "Repairs"),
                ("description", ""),
                ("category", "Home"),
                ("response_window_hours", "2"),
            ],
        )
        .await
        .unwrap();
    let r: ActionResult = app
        .call(
            &ann,
            "requests/submit",
            &[
                ("service_id", &service),
                ("duration_minutes", "60"),
                ("message", ""),
            ],
        )
        .await
        .unwrap();
    let id = r.id.to_string();
    sqlx::query("UPDATE requests SET needs_attention = 1, attention_error = 'boom' WHERE id = $1")
        .bind(&id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    app.state.clock.advance_ms(3 * 3_600_000);
    let dash: Dashboard = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    assert_eq!(dash.flagged.len(), 1);
    assert_eq!(dash.flagged[0].error, "boom");
    let (s, _) = app
        .call::<()>(&ann, "admin/retry_timer", &[("request_id", &id)])
        .await
        .unwrap_err();
    assert_eq!(s, 403);
    let (): () = app
        .call(&admin, "admin/retry_timer", &[("request_id", &id)])
        .await
        .unwrap();
    let dash: Dashboard = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    assert!(dash.flagged.is_empty());
    let state = app::server::requests_store::get(&app.state.db.read, r.id)
        .await
        .unwrap()
        .state;
    assert_eq!(state, State::Expired, "the retried deadline fired");
    let (s, _) = app
        .call::<()>(&admin, "admin/retry_timer", &[("request_id", &id)])
        .await
        .unwrap_err();
    assert_eq!(s, 404, "nothing left to retry");
    app.cleanup().await;
}

/// `server audit` reads the configured bank: exit 0 and the figures when every invariant
/// holds; exit 1 naming what broke when a balance no longer matches its entries.
#[tokio::test]
async fn the_audit_command_passes_a_sound_bank_and_names_what_broke() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    let (_ann, ann_id) = app.signed_up("Ann").await;
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("audit")
            .env("DATABASE_URL", app.testdb_url())
            .output()
            .expect("server audit")
    };
    let ok = run();
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{out} {}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(out.contains("all invariants hold"), "{out}");
    // Money appears from nowhere: the stored balance no longer matches the entries.
    sqlx::query(
        "UPDATE ledger_accounts SET available_minutes = available_minutes + 5 WHERE id = $1",
    )
    .bind(ann_id.to_string())
    .execute(&app.state.db.write)
    .await
    .expect("tamper");
    let bad = run();
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1), "{err}");
    assert!(err.contains("audit found problems"), "{err}");
    assert!(err.contains("sum of balances 5 min"), "{err}");
    app.cleanup().await;
}
