//! Reads through `Db::read` on a real database (SQLite, or PostgreSQL with
//! HOURBANK_TEST_BACKEND=postgres). On SQLite they run on `rusqlite` read connections
//! driven in place (`app/src/server/read_connections.rs`); the tests that look inside
//! say so and check, on PostgreSQL, only what holds there (its read pool).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

use futures::FutureExt;

use app::server::sql::{self, Reads};
use app::server::testing::TestDb;
use app::server::Db;

async fn probe_table(db: &Db) {
    sqlx::query("CREATE TABLE rc_probe (n BIGINT PRIMARY KEY, label TEXT)")
        .execute(&db.write)
        .await
        .unwrap();
}

async fn insert(db: &Db, from: i64, to: i64) {
    let mut tx = db.begin_write().await.unwrap();
    for n in from..to {
        sql::query("INSERT INTO rc_probe (n, label) VALUES ($1, $2)")
            .bind(n)
            .bind(format!("row {n}"))
            .execute(&mut tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

fn count() -> sql::Scalar<'static, i64> {
    sql::query_scalar::<i64>("SELECT COUNT(*) FROM rc_probe WHERE n >= $1").bind(0i64)
}

#[tokio::test]
async fn on_sqlite_a_read_is_done_at_its_first_poll() {
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    insert(&t.db, 0, 10).await;
    let sqlite = matches!(t.db.read, Reads::Lite(_));
    for _ in 0..100 {
        let read = count().fetch_one(&t.db.read);
        let n = if sqlite {
            read.now_or_never()
                .expect("the read was handed to another thread")
        } else {
            read.await
        };
        assert_eq!(n.unwrap(), 10);
    }
    let rows: Vec<(i64, String)> =
        sql::query_as("SELECT n, label FROM rc_probe WHERE n < $1 ORDER BY n")
            .bind(3i64)
            .fetch_all(&t.db.read)
            .await
            .unwrap();
    assert_eq!(
        rows,
        vec![
            (0, "row 0".to_owned()),
            (1, "row 1".to_owned()),
            (2, "row 2".to_owned())
        ]
    );
    let missing: Option<String> = sql::query_scalar("SELECT label FROM rc_probe WHERE n = $1")
        .bind(99i64)
        .fetch_optional(&t.db.read)
        .await
        .unwrap();
    assert_eq!(missing, None);
    t.cleanup().await;
}

#[tokio::test]
async fn a_read_sees_each_commit_and_nothing_of_an_open_transaction() {
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    insert(&t.db, 0, 5).await;
    let mut open = t.db.begin_write().await.unwrap();
    sql::query("INSERT INTO rc_probe (n, label) VALUES ($1, 'open')")
        .bind(100i64)
        .execute(&mut open)
        .await
        .unwrap();
    sql::query("DELETE FROM rc_probe WHERE n = $1")
        .bind(0i64)
        .execute(&mut open)
        .await
        .unwrap();
    assert_eq!(
        count().fetch_one(&t.db.read).await.unwrap(),
        5,
        "an uncommitted insert and delete are not seen"
    );
    open.commit().await.unwrap();
    assert_eq!(count().fetch_one(&t.db.read).await.unwrap(), 5);
    let labels: Vec<String> = sql::query_scalar("SELECT label FROM rc_probe ORDER BY n")
        .fetch_all(&t.db.read)
        .await
        .unwrap();
    assert_eq!(labels.first().map(String::as_str), Some("row 1"));
    assert_eq!(labels.last().map(String::as_str), Some("open"));
    t.cleanup().await;
}

#[tokio::test]
async fn a_failed_read_says_why_and_the_next_read_works() {
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    insert(&t.db, 0, 3).await;
    let wrong = sql::query_scalar::<i64>("SELECT COUNT(*) FROM no_such_table")
        .fetch_one(&t.db.read)
        .await
        .unwrap_err();
    assert!(wrong.to_string().contains("no_such_table"), "{wrong}");
    let decoded = sql::query_scalar::<i64>("SELECT label FROM rc_probe WHERE n = $1")
        .bind(1i64)
        .fetch_one(&t.db.read)
        .await
        .unwrap_err();
    assert!(
        matches!(decoded, sqlx::Error::ColumnDecode { .. }),
        "{decoded}"
    );
    assert_eq!(count().fetch_one(&t.db.read).await.unwrap(), 3);
    // The read connections never write: on SQLite they are `query_only`.
    if matches!(t.db.read, Reads::Lite(_)) {
        let refused = sql::query_scalar::<i64>(
            "INSERT INTO rc_probe (n, label) VALUES (50, 'x') RETURNING n",
        )
        .fetch_one(&t.db.read)
        .await
        .unwrap_err();
        assert!(refused.to_string().contains("readonly"), "{refused}");
        assert_eq!(count().fetch_one(&t.db.read).await.unwrap(), 3);
    }
    t.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_tasks_reading_at_once_share_a_few_connections() {
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    insert(&t.db, 0, 200).await;
    let tasks: Vec<_> = (0..64i64)
        .map(|k| {
            let db = t.db.clone();
            tokio::spawn(async move {
                for round in 0..50i64 {
                    let n = (k * 7 + round) % 200;
                    let label: String =
                        sql::query_scalar("SELECT label FROM rc_probe WHERE n = $1")
                            .bind(n)
                            .fetch_one(&db.read)
                            .await
                            .unwrap();
                    assert_eq!(label, format!("row {n}"));
                    tokio::task::yield_now().await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    if let Reads::Lite(reads) = &t.db.read {
        // A connection is never held across an `.await` (each task yields between its
        // reads): no more are opened than threads read at once, the runtime's two
        // workers, where holding them would open one per task.
        let opened = reads.opened();
        assert!(
            (1..=3).contains(&opened),
            "{opened} read connections opened for 64 tasks"
        );
    }
    t.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_read_runs_off_the_worker_and_reads_the_same() {
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    insert(&t.db, 0, 50).await;
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let db = t.db.clone();
            tokio::spawn(async move { count().long().fetch_one(&db.read).await.unwrap() })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), 50);
    }
    t.cleanup().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_long_read_on_a_single_threaded_runtime_reads_in_place() {
    let t = TestDb::new().await.unwrap();
    probe_table(&t.db).await;
    insert(&t.db, 0, 7).await;
    assert_eq!(count().long().fetch_one(&t.db.read).await.unwrap(), 7);
    t.cleanup().await;
}
