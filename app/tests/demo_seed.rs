//! Demo data: seeded into an empty database once, never into one that holds data.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

use app::server::testing::TestDb;
use app::server::{demo, ledger_store, members_store, AppState, Clock, Config};

fn state(t: &TestDb) -> AppState {
    AppState::new(
        Config::for_tests(&t.url),
        t.db.clone(),
        Clock::system(),
        leptos::config::LeptosOptions::builder()
            .output_name("hourbank")
            .build(),
    )
}

#[tokio::test]
async fn seeds_an_empty_bank_once() {
    let t = TestDb::new().await.unwrap();
    let s = state(&t);
    assert!(demo::seed_if_empty(&s).await.unwrap());
    let n = members_store::count(&t.db.read).await.unwrap();
    assert_eq!(n as usize, demo::DEMO_LOGINS.len());
    assert!((5..=7).contains(&n), "an admin and 4–6 members");
    assert!(members_store::admin_exists(&t.db.read).await.unwrap());
    assert!(
        !demo::seed_if_empty(&s).await.unwrap(),
        "a second start seeds nothing"
    );
    assert_eq!(members_store::count(&t.db.read).await.unwrap(), n);
    let (members, _) = members_store::page(&t.db.read, "", 0, 100).await.unwrap();
    let grace = members
        .iter()
        .find(|m| m.email == "grace@hourbank.demo")
        .unwrap();
    assert_eq!(grace.available.0, 600);
    assert!(ledger_store::conservation(&t.db.read)
        .await
        .unwrap()
        .holds());
    t.cleanup().await;
}

#[tokio::test]
async fn demo_members_offer_services() {
    let t = TestDb::new().await.unwrap();
    demo::seed_if_empty(&state(&t)).await.unwrap();
    let services = app::server::services_store::list_active(&t.db.read, "", 100)
        .await
        .unwrap();
    let expected: usize = demo::DEMO_LOGINS.iter().map(|d| d.services.len()).sum();
    assert_eq!(services.len(), expected);
    assert!(services.len() >= 5);
    assert!(services
        .iter()
        .all(|s| (2..=72).contains(&s.response_window_hours)));
    let (members, _) = members_store::page(&t.db.read, "", 0, 100).await.unwrap();
    let admin = members
        .iter()
        .find(|m| m.role == app::domain::Role::Admin)
        .unwrap();
    assert!(
        services.iter().all(|s| s.provider_id != admin.id),
        "the admin offers nothing"
    );
    t.cleanup().await;
}
