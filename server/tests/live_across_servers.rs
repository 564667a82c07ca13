//! Two servers on one PostgreSQL, as N stateless servers behind a load balancer: a member
//! whose page listens for live updates on server A hears, within a second, of a request
//! submitted through server B — and of a deadline B's sweeper fires. On SQLite (one
//! process) there is no second server to try; the in-process broadcast is covered by
//! the page tests.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use std::time::{Duration, Instant};

use app::domain::Minutes;
use common::{spawn_app_with, PW};
use futures::StreamExt;

/// Waits for the next `changed` event on an open `/events` stream; how long it took.
async fn next_change(
    stream: &mut (impl futures::Stream<Item = reqwest::Result<bytes::Bytes>> + Unpin),
    within: Duration,
) -> Option<Duration> {
    let started = Instant::now();
    let mut seen = String::new();
    while let Ok(Some(chunk)) =
        tokio::time::timeout(within.saturating_sub(started.elapsed()), stream.next()).await
    {
        seen.push_str(&String::from_utf8_lossy(&chunk.ok()?));
        if seen.contains("event: changed") {
            return Some(started.elapsed());
        }
    }
    None
}

#[tokio::test]
async fn a_member_on_server_a_hears_of_a_change_made_through_server_b() {
    if app::server::testing::backend_name() != "postgres" {
        eprintln!("skipped on SQLite: one process serves a SQLite bank, so there is no server B");
        return;
    }
    let a = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    let b = a.second_server(|c| c.starting_credit = Minutes(120)).await;
    // Ann signs up (through A) and listens on A; Bob works through B.
    let (ann_a, _) = a.signed_up("Ann").await;
    let ann_b = b.client();
    b.login(&ann_b, "ann@example.org", PW).await.unwrap();
    let (bob_b, _) = b.signed_up("Bob").await;
    let service = b.offer(&bob_b, "Bike repair").await;
    let res = ann_a.get(a.url("/events")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let mut events = res.bytes_stream();
    // The relays connect in the background (and tell every page to refetch when they
    // do): let that pass before the change under test.
    while next_change(&mut events, Duration::from_millis(500))
        .await
        .is_some()
    {}

    let r = b.submit(&ann_b, &service, 60).await;
    let took = next_change(&mut events, Duration::from_secs(1))
        .await
        .expect("server A's page heard of the request submitted through B within 1 s");
    println!("live update across servers: {} ms", took.as_millis());

    b.act(&bob_b, &r, "accept", &[]).await.unwrap();
    next_change(&mut events, Duration::from_secs(1))
        .await
        .expect("and of the provider's answer through B");
    a.cleanup().await;
    b.cleanup().await;
}

/// An admin's open page hears of a new dispute at once (the dispute tells every active
/// admin), on either database.
#[tokio::test]
async fn an_admins_page_hears_of_a_new_dispute() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let (ann, _) = app.signed_up("Ann").await;
    let (bob, _) = app.signed_up("Bob").await;
    let service = app.offer(&bob, "Bike repair").await;
    let r = app.submit(&ann, &service, 60).await;
    let r = app.act(&bob, &r, "accept", &[]).await.unwrap();
    let res = admin.get(app.url("/events")).send().await.unwrap();
    let mut events = res.bytes_stream();
    while next_change(&mut events, Duration::from_millis(500))
        .await
        .is_some()
    {}
    app.act(&ann, &r, "dispute", &[("text", "no show")])
        .await
        .unwrap();
    next_change(&mut events, Duration::from_secs(1))
        .await
        .expect("the admin's page heard of the dispute");
    app.cleanup().await;
}
