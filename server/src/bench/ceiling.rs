//! The database's own ceiling: a tight loop of single-row UPDATE transactions through
//! sqlx, on the same database, pool and durability settings the server uses. Whatever
//! the lifecycle achieves is measured against this.

use std::time::{Duration, Instant};

use app::server::Db;

/// Commits per second of `UPDATE … WHERE id = 1` transactions, one after another, for `run`.
pub async fn raw_commits_per_s(db: &Db, run: Duration) -> Result<(u64, f64), sqlx::Error> {
    sqlx::query("DROP TABLE IF EXISTS bench_ceiling")
        .execute(&db.write)
        .await?;
    sqlx::query("CREATE TABLE bench_ceiling (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
        .execute(&db.write)
        .await?;
    sqlx::query("INSERT INTO bench_ceiling (id, n) VALUES (1, 0)")
        .execute(&db.write)
        .await?;
    let started = Instant::now();
    let mut commits = 0u64;
    while started.elapsed() < run {
        let mut tx = db.write.begin().await?;
        sqlx::query("UPDATE bench_ceiling SET n = n + 1 WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        commits += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let n: i64 = sqlx::query_scalar("SELECT n FROM bench_ceiling WHERE id = 1")
        .fetch_one(&db.read)
        .await?;
    if n as u64 != commits {
        return Err(sqlx::Error::Protocol(format!(
            "the ceiling table counted {n} commits, the loop {commits}"
        )));
    }
    sqlx::query("DROP TABLE bench_ceiling")
        .execute(&db.write)
        .await?;
    Ok((commits, commits as f64 / secs))
}
