//! The admin dashboard's running counts (`app/src/server/counts_store.rs`) on a real
//! database (SQLite, or PostgreSQL with HOURBANK_TEST_BACKEND=postgres): kept by the
//! transactions that write history, read by the dashboard, checked by the audit.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

mod common;

use app::lifecycle::{Event, State};
use app::server::admin_store;
use app::server::audit::audit;
use common::{terms, Bank};

#[tokio::test]
async fn counts_follow_actions_and_deadlines_and_the_audit_checks_them() {
    let bank = Bank::new().await;
    // One request accepted, one declined, one left to expire a day later.
    let (_, p1, r1) = bank.pair_with_request(600, 60).await;
    bank.by(&r1, Event::Accept, p1).await;
    let (_, p2, r2) = bank.pair_with_request(600, 60).await;
    bank.by(
        &r2,
        Event::Decline {
            reason: "Busy that week".into(),
        },
        p2,
    )
    .await;
    let (requester, p3, _) = bank.pair_with_request(600, 60).await;
    let s3 = bank.service(p3, 48).await;
    bank.submit(requester, s3, &terms(30)).await;
    bank.advance_hours(25);
    assert_eq!(bank.sweep().await.fired, 1, "the 24 h request expires");

    let by_state: Vec<(String, i64)> = admin_store::requests_by_state(&bank.t.db.read)
        .await
        .unwrap();
    let stored: Vec<(String, i64)> =
        sqlx::query_as("SELECT state, COUNT(*) FROM requests GROUP BY state ORDER BY state")
            .fetch_all(&bank.t.db.write)
            .await
            .unwrap();
    assert_eq!(by_state, stored);
    assert_eq!(
        by_state.iter().map(|(_, n)| n).sum::<i64>(),
        4,
        "four requests in all: {by_state:?}"
    );

    // Entries per day into the chart's states, against the history itself.
    let states = [State::Accepted, State::Rejected, State::Expired];
    let per_day = admin_store::entries_per_day(&bank.t.db.read, &states, app::domain::Timestamp(0))
        .await
        .unwrap();
    let day0 = 1_800_000_000_000i64.div_euclid(86_400_000);
    let day1 = (1_800_000_000_000i64 + 25 * 3_600_000).div_euclid(86_400_000);
    let mut expected = vec![
        (day0, "ACCEPTED".to_owned(), 1),
        (day0, "REJECTED".to_owned(), 1),
        (day1, "EXPIRED".to_owned(), 1),
    ];
    expected.sort();
    assert_eq!(per_day, expected);

    bank.check().await;

    // The audit notices a count that drifted from what it counts.
    sqlx::query("UPDATE state_counts SET requests = requests + 1 WHERE state = 'ACCEPTED'")
        .execute(&bank.t.db.write)
        .await
        .unwrap();
    let a = audit(&bank.t.db.read).await.unwrap();
    assert!(
        !a.is_clean() && a.problems.iter().any(|p| p.contains("requests per state")),
        "{a}"
    );
    sqlx::query("UPDATE state_counts SET requests = requests - 1 WHERE state = 'ACCEPTED'")
        .execute(&bank.t.db.write)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE transition_counts SET transitions = transitions + 1 WHERE to_state = 'EXPIRED'",
    )
    .execute(&bank.t.db.write)
    .await
    .unwrap();
    let a = audit(&bank.t.db.read).await.unwrap();
    assert!(
        !a.is_clean() && a.problems.iter().any(|p| p.contains("1 counts differ")),
        "{a}"
    );
    bank.cleanup().await;
}
