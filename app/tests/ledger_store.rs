//! The ledger on a real database (SQLite, or PostgreSQL with HOURBANK_TEST_BACKEND=postgres).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

use app::domain::ledger::BalancedTransfer;
use app::domain::{DisplayName, Email, MemberId, Minutes, Role, Timestamp};
use app::server::ledger_store::{self, Balance, TransferMeta};
use app::server::testing::TestDb;
use app::server::{members_store, StoreError};

async fn member(t: &TestDb, email: &str, credit: i64) -> MemberId {
    let mut tx = t.db.begin_write().await.unwrap();
    let id = members_store::insert(
        &mut tx,
        members_store::NewMember {
            email: &Email::parse(email).unwrap(),
            display_name: &DisplayName::parse("Someone").unwrap(),
            password_hash: "x",
            role: Role::Member,
            starting_credit: Minutes(credit),
        },
        Timestamp(0),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn apply(t: &TestDb, transfer: BalancedTransfer) -> Result<String, StoreError> {
    let mut tx = t.db.begin_write().await?;
    let id = ledger_store::apply(
        &mut tx,
        &transfer,
        TransferMeta::reason("test"),
        Timestamp(1),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn bal(t: &TestDb, m: MemberId) -> (i64, i64) {
    let Balance { available, held } = ledger_store::balance(&t.db.read, m).await.unwrap();
    (available.0, held.0)
}

async fn assert_conserved(t: &TestDb) {
    let c = ledger_store::conservation(&t.db.read).await.unwrap();
    assert!(c.holds(), "ledger invariants broken: {c:?}");
}

#[tokio::test]
async fn hold_post_and_void_move_minutes_between_buckets() {
    let t = TestDb::new().await.unwrap();
    let (ann, bob) = (
        member(&t, "ann@x.org", 300).await,
        member(&t, "bob@x.org", 0).await,
    );
    assert_eq!(bal(&t, ann).await, (300, 0));
    apply(&t, BalancedTransfer::hold(ann, Minutes(120)).unwrap())
        .await
        .unwrap();
    assert_eq!(bal(&t, ann).await, (180, 120));
    apply(&t, BalancedTransfer::post(ann, bob, Minutes(90)).unwrap())
        .await
        .unwrap();
    apply(&t, BalancedTransfer::void(ann, Minutes(30)).unwrap())
        .await
        .unwrap();
    assert_eq!(bal(&t, ann).await, (210, 0));
    assert_eq!(bal(&t, bob).await, (90, 0));
    assert_conserved(&t).await;
    t.cleanup().await;
}

#[tokio::test]
async fn overdrawing_is_refused_and_changes_nothing() {
    let t = TestDb::new().await.unwrap();
    let ann = member(&t, "ann@x.org", 60).await;
    let bob = member(&t, "bob@x.org", 0).await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ledger_transfers")
        .fetch_one(&t.db.write)
        .await
        .unwrap();
    let r = apply(&t, BalancedTransfer::hold(ann, Minutes(61)).unwrap()).await;
    assert!(matches!(r, Err(StoreError::InsufficientHours)), "{r:?}");
    let r = apply(&t, BalancedTransfer::post(ann, bob, Minutes(1)).unwrap()).await;
    assert!(
        matches!(r, Err(StoreError::InsufficientHours)),
        "nothing held yet: {r:?}"
    );
    let r = apply(&t, BalancedTransfer::deduct(bob, Minutes(1)).unwrap()).await;
    assert!(matches!(r, Err(StoreError::InsufficientHours)), "{r:?}");
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ledger_transfers")
        .fetch_one(&t.db.write)
        .await
        .unwrap();
    assert_eq!(before, after, "a refused transfer leaves no row behind");
    assert_eq!(bal(&t, ann).await, (60, 0));
    assert_conserved(&t).await;
    t.cleanup().await;
}

#[tokio::test]
async fn unknown_account_is_not_found() {
    let t = TestDb::new().await.unwrap();
    let r = apply(
        &t,
        BalancedTransfer::grant(MemberId::generate(), Minutes(5)).unwrap(),
    )
    .await;
    assert!(matches!(r, Err(StoreError::NotFound(_))), "{r:?}");
    assert_conserved(&t).await;
    t.cleanup().await;
}

#[tokio::test]
async fn concurrent_holds_never_overdraw() {
    let t = TestDb::new().await.unwrap();
    let ann = member(&t, "ann@x.org", 600).await; // room for exactly ten 60-minute holds
    let mut tasks = Vec::new();
    for _ in 0..25 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = db.begin_write().await?;
            ledger_store::apply(
                &mut tx,
                &BalancedTransfer::hold(ann, Minutes(60)).unwrap(),
                TransferMeta::reason("race"),
                Timestamp(2),
            )
            .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        }));
    }
    let mut ok = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(()) => ok += 1,
            Err(StoreError::InsufficientHours) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(ok, 10, "exactly the holds the balance covers succeed");
    assert_eq!(bal(&t, ann).await, (0, 600));
    assert_conserved(&t).await;
    t.cleanup().await;
}

#[tokio::test]
async fn conservation_check_notices_a_tampered_balance() {
    let t = TestDb::new().await.unwrap();
    let ann = member(&t, "ann@x.org", 60).await;
    assert_conserved(&t).await;
    sqlx::query(
        "UPDATE ledger_accounts SET available_minutes = available_minutes + 1 WHERE id = $1",
    )
    .bind(ann.to_string())
    .execute(&t.db.write)
    .await
    .unwrap();
    let c = ledger_store::conservation(&t.db.read).await.unwrap();
    assert!(!c.holds());
    assert_eq!((c.total, c.mismatched_accounts), (1, 1));
    t.cleanup().await;
}
