//! Operators hear of trouble: a timer that keeps failing, e-mail that keeps failing, a
//! ledger that does not balance each raise one alarm — every admin is notified in the
//! app and by e-mail, and the dashboard shows it — and it clears when the trouble passes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::api::account::Notification;
use app::api::dashboard::Dashboard;
use app::domain::Minutes;
use app::server::{alarms, sweeper};
use common::mail::{self, subjects};
use common::{spawn_app_with, TestApp, PW};

const HOUR: i64 = 3_600_000;

async fn admin(app: &TestApp, email: &str) -> reqwest::Client {
    server::startup::ensure_admin(&app.state, email, "Admin", PW)
        .await
        .unwrap();
    let c = app.client();
    app.login(&c, email, PW).await.unwrap();
    c
}

async fn admin_notes(app: &TestApp, admin: &reqwest::Client) -> Vec<String> {
    let n: Vec<Notification> = app.call(admin, "me/notifications", &[]).await.unwrap();
    n.into_iter().map(|n| n.text).collect()
}

#[tokio::test]
async fn a_failing_timer_and_an_unbalanced_ledger_raise_one_alarm_each() {
    let app = spawn_app_with(|c| {
        c.starting_credit = Minutes(300);
        c.mail = Some(mail::settings());
    })
    .await;
    let admin_mail = format!(
        "admin-{}@example.org",
        &uuid::Uuid::new_v4().simple().to_string()[..10]
    );
    let admin = admin(&app, &admin_mail).await;
    let (ann, _, _) = app.member_with_address("Ann").await;
    let (bob, _, _) = app.member_with_address("Bob").await;
    let service = app.offer(&bob, "Repairs").await;
    let r = app.submit(&ann, &service, 60).await;
    // The hold is gone behind the engine's back: the expiry cannot void it.
    sqlx::query(
        "UPDATE holds SET status = 'voided', voided_minutes = amount_minutes WHERE request_id = $1",
    )
    .bind(r.id.to_string())
    .execute(&app.state.db.write)
    .await
    .unwrap();
    app.state.clock.advance_ms(7 * HOUR);
    let (report, _) = sweeper::tick(&app.state.db, &app.state.clock, None)
        .await
        .unwrap();
    assert_eq!(report.failed, 1);
    let notes = admin_notes(&app, &admin).await;
    assert_eq!(
        notes
            .iter()
            .filter(|t| t.starts_with("A request's timer keeps failing"))
            .count(),
        1,
        "{notes:?}"
    );
    let got = mail::wait_for(&admin_mail, 1).await;
    assert_eq!(
        subjects(&got),
        ["Alarm: a timer keeps failing"],
        "admins are e-mailed"
    );
    let dash: Dashboard = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    assert_eq!(dash.alarms.len(), 1);
    assert!(
        dash.alarms[0].detail.contains("timer keeps failing"),
        "{:?}",
        dash.alarms
    );

    // The ledger: money from nowhere.
    assert!(
        alarms::watch_once(&app.state).await.unwrap().is_empty(),
        "balanced: nothing to raise"
    );
    sqlx::query("UPDATE ledger_accounts SET available_minutes = available_minutes + 7 WHERE kind = 'member' AND available_minutes > 0")
        .execute(&app.state.db.write)
        .await
        .unwrap();
    let told = alarms::watch_once(&app.state).await.unwrap();
    assert_eq!(told.len(), 1, "the one admin");
    assert!(
        alarms::watch_once(&app.state).await.unwrap().is_empty(),
        "raised once"
    );
    let notes = admin_notes(&app, &admin).await;
    assert_eq!(
        notes
            .iter()
            .filter(|t| t.contains("does not balance"))
            .count(),
        1,
        "{notes:?}"
    );
    let dash: Dashboard = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    assert_eq!(dash.alarms.len(), 2);
    sqlx::query("UPDATE ledger_accounts SET available_minutes = available_minutes - 7 WHERE kind = 'member' AND available_minutes > 0")
        .execute(&app.state.db.write)
        .await
        .unwrap();
    alarms::watch_once(&app.state).await.unwrap();
    let dash: Dashboard = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    assert_eq!(dash.alarms.len(), 1, "cleared when it balances again");
    app.cleanup().await;
}

#[tokio::test]
async fn e_mail_that_keeps_failing_raises_an_alarm_and_shows_on_the_dashboard() {
    // An SMTP server that is not there.
    let app = spawn_app_with(|c| {
        let mut m = mail::settings();
        m.smtp_url = "smtp://127.0.0.1:9".into();
        m.retry_ms = 10;
        c.mail = Some(m);
    })
    .await;
    let admin = admin(&app, "admin-failing@example.org").await;
    app.member_with_address("Ann").await; // its verification e-mail cannot go
    let mut dash: Dashboard = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    for _ in 0..100 {
        if dash.mail.as_ref().is_some_and(|q| q.failing > 0) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        dash = app.call(&admin, "admin/dashboard", &[]).await.unwrap();
    }
    let q = dash.mail.clone().expect("e-mail is on");
    assert_eq!(q.failing, 1, "{q:?}");
    assert!(!q.errors.is_empty(), "with the error: {q:?}");
    // Three failed attempts: the alarm.
    for _ in 0..200 {
        let attempts: i64 = sqlx::query_scalar("SELECT MAX(attempts) FROM outbox")
            .fetch_one(&app.state.db.write)
            .await
            .unwrap();
        if attempts >= alarms::MAIL_FAILING_ATTEMPTS {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    alarms::watch_once(&app.state).await.unwrap();
    let notes = admin_notes(&app, &admin).await;
    assert!(
        notes
            .iter()
            .any(|t| t.contains("e-mails keep failing to go out")),
        "{notes:?}"
    );
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox_attempts WHERE error IS NOT NULL")
            .fetch_one(&app.state.db.write)
            .await
            .unwrap();
    assert!(
        recorded >= alarms::MAIL_FAILING_ATTEMPTS,
        "every attempt recorded: {recorded}"
    );
    app.cleanup().await;
}

/// Every metric `docs/alerts.yml` alerts on is one `/metrics` exports.
#[tokio::test]
async fn the_alerting_rules_name_metrics_the_server_exports() {
    let app = spawn_app_with(|c| {
        c.starting_credit = Minutes(300);
        c.mail = Some(mail::settings());
    })
    .await;
    let (ann, _, _) = app.member_with_address("Ann").await;
    let (bob, _, _) = app.member_with_address("Bob").await;
    let service = app.offer(&bob, "Repairs").await;
    app.submit(&ann, &service, 60).await;
    app.state.clock.advance_ms(7 * HOUR);
    let (fired, _) = sweeper::tick(&app.state.db, &app.state.clock, None)
        .await
        .unwrap();
    assert_eq!(fired.fired, 1, "a timer fired, so its lag is measured");
    alarms::watch_once(&app.state).await.unwrap();
    let exported = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let rules = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/alerts.yml"))
        .unwrap();
    let mut named: Vec<&str> = rules
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with("hourbank_"))
        .collect();
    named.sort_unstable();
    named.dedup();
    assert!(named.len() >= 4, "{named:?}");
    for m in named {
        assert!(
            exported.lines().any(|l| l.starts_with(m)),
            "docs/alerts.yml uses {m}, which /metrics does not export"
        );
    }
    app.cleanup().await;
}
