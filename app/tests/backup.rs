//! `server backup`: a copy of the SQLite database taken while the bank keeps writing
//! restores to a bank that passes the whole audit. On PostgreSQL the function refuses
//! and names pg_dump (the README's line), and changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::lifecycle::Event;
use app::server::audit::audit;
use app::server::backup::backup_sqlite;
use app::server::db::Backend;
use app::server::Db;
use common::Bank;

#[tokio::test]
async fn a_backup_taken_while_the_bank_writes_restores_with_every_invariant() {
    let bank = Bank::new().await;
    let (_r, p, req) = bank.pair_with_request(600, 60).await;
    let accepted = bank.by(&req, Event::Accept, p).await;
    bank.pair_with_request(300, 30).await;
    let dir = std::env::temp_dir().join(format!("hb-backup-{}", uuid::Uuid::new_v4().simple()));
    let file = dir.join("copy.db");

    if bank.t.db.backend != Backend::Sqlite {
        let refused = backup_sqlite(&bank.t.db, &file).await.unwrap_err();
        assert!(refused.to_string().contains("pg_dump"), "{refused}");
        assert!(!file.exists());
        bank.check().await;
        bank.cleanup().await;
        return;
    }

    // Three more lifecycles start while the copy is written.
    let (copied, ()) = tokio::join!(backup_sqlite(&bank.t.db, &file), async {
        for _ in 0..3 {
            bank.pair_with_request(120, 15).await;
        }
    });
    let size = copied.expect("backup");
    assert!(size > 0);
    assert!(
        backup_sqlite(&bank.t.db, &file)
            .await
            .unwrap_err()
            .to_string()
            .contains("exists already"),
        "a backup never overwrites a file"
    );

    let restored = Db::connect(&format!("sqlite://{}", file.display()))
        .await
        .expect("open the copy");
    let a = audit(&restored.read).await.expect("audit the copy");
    assert!(a.is_clean(), "{a}");
    assert!(
        (2..=5).contains(&a.requests_checked),
        "the copy holds the requests made before it began, and whole ones only: {a}"
    );
    let copied_state: String = sqlx::query_scalar("SELECT state FROM requests WHERE id = $1")
        .bind(accepted.id.to_string())
        .fetch_one(&restored.write)
        .await
        .expect("accepted request in the copy");
    assert_eq!(copied_state, "ACCEPTED");
    restored.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    bank.check().await;
    bank.cleanup().await;
}
