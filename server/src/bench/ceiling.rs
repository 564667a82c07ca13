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
        .fetch_one(&db.write)
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

/// The physical limit beside sqlx's: the same loop through SQLite's C library directly
/// (rusqlite, on the `libsqlite3-sys` sqlx links; no pool, no worker thread, no hand-off),
/// on a fresh file in `dir` with WAL and the given `synchronous` setting, for `run`.
pub fn c_library_commits_per_s(
    dir: &std::path::Path,
    synchronous: &str,
    run: Duration,
) -> Result<(u64, f64), String> {
    let e = |e: rusqlite::Error| format!("SQLite C library loop: {e}");
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join("ceiling.db");
    let conn = rusqlite::Connection::open(&path).map_err(e)?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(e)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(format!("journal_mode is {mode}, not WAL"));
    }
    let sync = match synchronous.to_ascii_uppercase().as_str() {
        "NORMAL" => "NORMAL",
        _ => "FULL",
    };
    conn.execute_batch(&format!(
        "PRAGMA synchronous = {sync}; DROP TABLE IF EXISTS bench_ceiling; \
         CREATE TABLE bench_ceiling (id BIGINT PRIMARY KEY, n BIGINT NOT NULL); \
         INSERT INTO bench_ceiling (id, n) VALUES (1, 0);"
    ))
    .map_err(e)?;
    let mut update = conn
        .prepare("UPDATE bench_ceiling SET n = n + 1 WHERE id = 1")
        .map_err(e)?;
    let started = Instant::now();
    let mut commits = 0u64;
    while started.elapsed() < run {
        conn.execute_batch("BEGIN").map_err(e)?;
        update.execute([]).map_err(e)?;
        conn.execute_batch("COMMIT").map_err(e)?;
        commits += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    drop(update);
    let n: i64 = conn
        .query_row("SELECT n FROM bench_ceiling WHERE id = 1", [], |r| r.get(0))
        .map_err(e)?;
    drop(conn);
    let _ = std::fs::remove_dir_all(dir);
    if n as u64 != commits {
        return Err(format!(
            "the ceiling table counted {n} commits, the loop {commits}"
        ));
    }
    Ok((commits, commits as f64 / secs))
}
