//! Write transactions through `Db::begin_write` on a real database (SQLite, or
//! PostgreSQL with HOURBANK_TEST_BACKEND=postgres). On SQLite they share commits
//! (`app/src/server/group_commit.rs`); the tests that look inside a group say so and
//! check, on PostgreSQL, only what holds there (each transaction is its own).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

use std::sync::Arc;
use std::time::Duration;

use app::server::group_commit::WriteTx;
use app::server::testing::TestDb;
use app::server::{sql, Db};

async fn probe_table(db: &Db) {
    sqlx::query("CREATE TABLE gc_probe (n BIGINT PRIMARY KEY)")
        .execute(&db.write)
        .await
        .unwrap();
}

async fn insert(tx: &mut WriteTx, n: i64) {
    sql::query("INSERT INTO gc_probe (n) VALUES ($1)")
        .bind(n)
        .execute(tx)
        .await
        .unwrap();
}

/// The rows another connection sees: only what was committed.
async fn committed(db: &Db) -> Vec<i64> {
    sql::query_scalar("SELECT n FROM gc_probe ORDER BY n")
        .fetch_all(&db.read)
        .await
        .unwrap()
}

/// Waits until `n` transactions queue for the write connection (SQLite only).
async fn until_arriving(db: &Db, n: usize) {
    let group = db.group_commit.as_ref().expect("SQLite groups its commits");
    for _ in 0..2_000 {
        if group.arriving() == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    panic!("only {} of {n} transactions queued", group.arriving());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_transactions_share_one_commit_and_a_dropped_one_leaves_nothing() {
    let t = TestDb::new().await.unwrap();
    let db = Arc::new(t.db.clone());
    probe_table(&db).await;

    // The first transaction holds the connection while forty more queue behind it.
    let mut first = db.begin_write().await.unwrap();
    insert(&mut first, 1_000).await;
    let tasks: Vec<_> = (0..40i64)
        .map(|n| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db.begin_write().await.unwrap();
                insert(&mut tx, n).await;
                if n % 2 == 1 {
                    return; // refused: dropped without a commit
                }
                tx.commit().await.unwrap();
                // Answered only once durable: another connection sees the row already.
                let seen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gc_probe WHERE n = $1")
                    .bind(n)
                    .fetch_one(&db.write)
                    .await
                    .unwrap();
                assert_eq!(seen, 1, "{n} was answered before its commit");
            })
        })
        .collect();
    if db.group_commit.is_some() {
        until_arriving(&db, 40).await;
    }
    first.commit().await.unwrap();
    for task in tasks {
        task.await.unwrap();
    }

    let mut expected: Vec<i64> = (0..40).filter(|n| n % 2 == 0).collect();
    expected.push(1_000);
    assert_eq!(committed(&db).await, expected);
    if let Some(group) = &db.group_commit {
        let stats = group.stats().await;
        // The first and the twenty that committed, in one SQLite commit; the twenty
        // dropped ones rolled back to their savepoints inside it.
        assert_eq!((stats.commits, stats.members, stats.failed), (1, 21, 0));
    }
    t.cleanup().await;
}

#[tokio::test]
async fn a_dropped_transaction_frees_the_write_connection() {
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    {
        let mut tx = t.db.begin_write().await.unwrap();
        insert(&mut tx, 1).await;
    }
    // A statement straight on the pool (as the mail sender makes) gets the connection.
    tokio::time::timeout(
        Duration::from_secs(5),
        sqlx::query("INSERT INTO gc_probe (n) VALUES (2)").execute(&t.db.write),
    )
    .await
    .expect("the write connection was not given back")
    .unwrap();
    assert_eq!(committed(&t.db).await, vec![2]);
    t.cleanup().await;
}

/// SQLite only: PostgreSQL's transactions are each their own, so no member can undo
/// another's there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_a_group_cannot_commit_every_member_is_told_to_retry_and_nothing_stands() {
    let t = TestDb::new().await.unwrap();
    if t.db.group_commit.is_none() {
        t.cleanup().await;
        return;
    }
    let db = Arc::new(t.db.clone());
    probe_table(&db).await;

    let mut first = db.begin_write().await.unwrap();
    insert(&mut first, 1).await;
    let breaker = {
        let db = db.clone();
        tokio::spawn(async move {
            let mut tx = db.begin_write().await.unwrap();
            insert(&mut tx, 2).await;
            // What SQLite does on a full disk or an I/O error: the whole transaction ends.
            sql::query("ROLLBACK").execute(&mut tx).await.unwrap();
            tx.commit().await
        })
    };
    until_arriving(&db, 1).await;
    let told = first.commit().await.expect_err("its group never committed");
    assert!(
        app::server::db::is_transient(&told),
        "a member of a failed group must retry: {told}"
    );
    assert!(breaker.await.unwrap().is_err());
    assert_eq!(committed(&db).await, Vec::<i64>::new());
    assert_eq!(db.group_commit.as_ref().unwrap().stats().await.failed, 1);

    // The connection is sound afterwards: the next transaction commits.
    let mut tx = db.begin_write().await.unwrap();
    insert(&mut tx, 3).await;
    tx.commit().await.unwrap();
    assert_eq!(committed(&db).await, vec![3]);
    t.cleanup().await;
}

/// On SQLite a write transaction's statements run right where the transaction runs, on the
/// write connection it holds: each is done at its first poll, with nothing to wait for
/// (sqlx-sqlite sent every statement to its worker thread and woke the task when the
/// answer came back: two hand-offs a statement). On PostgreSQL each statement is a round
/// trip to the server, so there the test only checks what the transaction wrote.
#[tokio::test]
async fn on_sqlite_a_write_statement_is_done_at_its_first_poll() {
    use futures::FutureExt;
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    let sqlite = t.db.group_commit.is_some();
    let mut tx = t.db.begin_write().await.unwrap();
    for n in 0..100i64 {
        let statement = sql::query("INSERT INTO gc_probe (n) VALUES ($1)")
            .bind(n)
            .execute(&mut tx);
        let done = if sqlite {
            statement
                .now_or_never()
                .unwrap_or_else(|| panic!("statement {n} had to wait"))
        } else {
            statement.await
        };
        assert_eq!(done.unwrap().rows_affected(), 1);
    }
    let count = sql::query_scalar::<i64>("SELECT COUNT(*) FROM gc_probe WHERE n >= $1").bind(0i64);
    let count = if sqlite {
        count
            .fetch_one(&mut tx)
            .now_or_never()
            .expect("the read had to wait")
    } else {
        count.fetch_one(&mut tx).await
    };
    assert_eq!(count.unwrap(), 100, "the transaction reads its own writes");
    assert_eq!(
        committed(&t.db).await,
        Vec::<i64>::new(),
        "nothing before the commit"
    );
    tx.commit().await.unwrap();
    assert_eq!(committed(&t.db).await, (0..100).collect::<Vec<i64>>());
    t.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_writer_counts_the_time_it_was_held() {
    let t = TestDb::new().await.unwrap();
    let db = t.db.clone();
    let Some(group) = db.group_commit.clone() else {
        return; // PostgreSQL has no one writer to count
    };
    probe_table(&db).await;
    let before = group.held();
    let started = std::time::Instant::now();
    // Held 60 ms, committed.
    let mut tx = db.begin_write().await.unwrap();
    insert(&mut tx, 1).await;
    tokio::time::sleep(Duration::from_millis(60)).await;
    tx.commit().await.unwrap();
    // Held 40 ms, dropped without a commit.
    let mut tx = db.begin_write().await.unwrap();
    insert(&mut tx, 2).await;
    tokio::time::sleep(Duration::from_millis(40)).await;
    drop(tx);
    let wall = started.elapsed();
    let held = group.held() - before;
    assert!(
        held >= Duration::from_millis(100),
        "held {held:?}, not the 100 ms the two transactions kept it"
    );
    assert!(
        held <= wall,
        "held {held:?}, longer than the {wall:?} that passed"
    );
    // Idle time is not counted.
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(group.held() - before, held);
    assert_eq!(committed(&db).await, vec![1]);
}
