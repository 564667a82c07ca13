//! Backups. SQLite: `VACUUM INTO` writes a consistent copy of the database (one read
//! transaction, so the server keeps serving and writing while it runs) to a new file.
//! PostgreSQL: use its own tool, `pg_dump` (the README has the line).

use std::path::Path;

use super::db::Backend;
use super::{Db, StoreError};

pub const PG_DUMP_HINT: &str =
    "on PostgreSQL, back up with pg_dump: pg_dump --format=custom --file=hourbank.dump \"$DATABASE_URL\"";

/// Writes a consistent copy of the SQLite database to `to`, which must not exist yet.
/// Returns the copy's size in bytes.
pub async fn backup_sqlite(db: &Db, to: &Path) -> Result<u64, StoreError> {
    if db.backend != Backend::Sqlite {
        return Err(StoreError::Backup(PG_DUMP_HINT.into()));
    }
    if to.exists() {
        return Err(StoreError::Backup(format!(
            "{} exists already; choose a new file",
            to.display()
        )));
    }
    if let Some(parent) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| StoreError::Backup(format!("{}: {e}", parent.display())))?;
    }
    let target = to
        .to_str()
        .ok_or_else(|| StoreError::Backup("the backup path is not valid UTF-8".into()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(target.to_owned())
        .execute(&db.write)
        .await?;
    std::fs::metadata(to)
        .map(|m| m.len())
        .map_err(|e| StoreError::Backup(format!("{}: {e}", to.display())))
}
