//! Connecting to SQLite or PostgreSQL through sqlx's `Any` driver, so one binary and one
//! set of queries serve both. Queries use `$1` placeholders; ids and times are TEXT and
//! BIGINT; booleans are BIGINT 0/1; sums are cast to BIGINT (PostgreSQL's SUM is NUMERIC).

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::sync::Arc;
use std::time::Duration;

use super::group_commit::{GroupCommit, WriteTx};
use super::read_connections::ReadConnections;
use super::sql::Reads;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database handle: where reads run and the way to write. SQLite allows one writer at a
/// time, so every write transaction runs on its one write connection, in turn
/// ([`super::group_commit`], no lock upgrades, no SQLITE_BUSY between our own
/// transactions); on PostgreSQL writes have a pool of their own.
#[derive(Clone, Debug)]
pub struct Db {
    pub backend: Backend,
    /// Every read of the app: SQLite's read connections, PostgreSQL's read pool.
    pub read: Reads,
    /// PostgreSQL's write pool. On SQLite a single sqlx connection that only runs the
    /// migrations (before any write) and operators' maintenance (backups); every write of
    /// the app goes through [`Db::begin_write`], every read through [`Db::read`].
    pub write: AnyPool,
    /// Whether transactions queue e-mail in the outbox (on when SMTP is configured).
    pub outbox: super::mail::Outbox,
    /// SQLite's write connection, whose transactions share commits
    /// ([`super::group_commit`]; each its own with `HOURBANK_SQLITE_GROUP_COMMIT=off`,
    /// which the benchmark compares); `None` on PostgreSQL.
    pub group_commit: Option<Arc<GroupCommit>>,
}

/// Why the server could not start on its database; the message says which step failed.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("DATABASE_URL {0:?} is neither sqlite:// nor postgres://")]
    UnknownScheme(String),
    #[error("cannot create the folder {path} for the SQLite database: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("SQLite {0:?} is in memory: HourBank needs a file (its connections share it)")]
    InMemory(String),
    #[error("cannot reach the database at {url}: {source}")]
    Unreachable { url: String, source: sqlx::Error },
    #[error("a database migration failed on {url}: {source}")]
    Migration {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
}

/// Errors of the storage layer. The server functions turn these into [`crate::AppError`].
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("that e-mail address is already registered")]
    DuplicateEmail,
    #[error("not enough hours available")]
    InsufficientHours,
    #[error("no such {0}")]
    NotFound(&'static str),
    #[error("ledger rule broken: {0}")]
    LedgerRule(#[from] crate::domain::ledger::LedgerRuleError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("the hold is not pending (already resolved, or a different amount)")]
    HoldNotPending,
    #[error("you have already rated this request")]
    AlreadyRated,
    #[error("{0}")]
    Backup(String),
}

impl StoreError {
    pub fn is_unique_violation(&self) -> bool {
        match self {
            StoreError::Db(sqlx::Error::Database(e)) => {
                matches!(e.kind(), sqlx::error::ErrorKind::UniqueViolation)
                    || e.code().as_deref() == Some("23505")
                    || e.message().contains("UNIQUE constraint failed")
            }
            _ => false,
        }
    }

    /// Busy, locked, serialization failure, deadlock, lost connection: worth another try.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Db(e) => is_transient(e),
            _ => false,
        }
    }

    pub fn is_check_violation(&self) -> bool {
        match self {
            StoreError::Db(sqlx::Error::Database(e)) => {
                matches!(e.kind(), sqlx::error::ErrorKind::CheckViolation)
                    || e.code().as_deref() == Some("23514")
                    || e.message().contains("CHECK constraint failed")
            }
            _ => false,
        }
    }
}

pub fn is_transient(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(d) => {
            let code = d.code().map(|c| c.to_string()).unwrap_or_default();
            matches!(
                code.as_str(),
                "5" | "6" | "261" | "517" | "40001" | "40P01" | "55P03"
            ) || d.message().contains("database is locked")
        }
        _ => false,
    }
}

/// SQLite's `synchronous` setting in WAL mode. FULL (the default) makes every commit
/// durable against power loss; NORMAL may lose the last commits on power loss (never on
/// a process crash) and never corrupts the database. `HOURBANK_SQLITE_SYNCHRONOUS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SqliteSync {
    Full,
    Normal,
}

impl SqliteSync {
    pub fn from_env() -> SqliteSync {
        match std::env::var("HOURBANK_SQLITE_SYNCHRONOUS").as_deref() {
            Ok("NORMAL") | Ok("normal") => SqliteSync::Normal,
            _ => SqliteSync::Full,
        }
    }

    pub fn parse(s: &str) -> Option<SqliteSync> {
        match s.to_ascii_uppercase().as_str() {
            "FULL" => Some(SqliteSync::Full),
            "NORMAL" => Some(SqliteSync::Normal),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SqliteSync::Full => "FULL",
            SqliteSync::Normal => "NORMAL",
        }
    }
}

/// PostgreSQL connections per server process (`HOURBANK_PG_WRITE_CONNECTIONS`,
/// `HOURBANK_PG_READ_CONNECTIONS`). On 2 cores 8 + 4 beat 16 + 8 (2,208 vs 2,102
/// transitions/s in the benchmark): more backends only contend for the same CPU.
pub const PG_WRITE_CONNECTIONS: u32 = 8;
pub const PG_READ_CONNECTIONS: u32 = 4;

/// A pool size from the environment (1 to 200), else `default`.
fn pool_size(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|n| (1..=200).contains(n))
        .unwrap_or(default)
}

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..scheme_end + 3], user, &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

impl Db {
    /// Connects and applies every pending migration, or says exactly why it could not.
    pub async fn connect_and_migrate(url: &str) -> Result<Db, StartupError> {
        let db = Db::connect(url).await?;
        db.migrate(url).await?;
        Ok(db)
    }

    /// Applies every pending migration; `url` is only for the message.
    pub async fn migrate(&self, url: &str) -> Result<(), StartupError> {
        MIGRATOR
            .run(&self.write)
            .await
            .map_err(|source| StartupError::Migration {
                url: redact_url(url),
                source,
            })
    }

    pub async fn connect(url: &str) -> Result<Db, StartupError> {
        Db::connect_with(url, SqliteSync::from_env()).await
    }

    /// [`Db::connect`] with SQLite's durability chosen by the caller (the benchmark
    /// measures both); PostgreSQL ignores it and keeps its own settings.
    pub async fn connect_with(url: &str, sync: SqliteSync) -> Result<Db, StartupError> {
        sqlx::any::install_default_drivers();
        let shown = redact_url(url);
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or(rest);
            if path.is_empty() || path.contains(":memory:") || url.contains("mode=memory") {
                return Err(StartupError::InMemory(shown));
            }
            if let Some(parent) = std::path::Path::new(path).parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent).map_err(|source| StartupError::DataDir {
                        path: parent.display().to_string(),
                        source,
                    })?;
                }
            }
            let url = if url.contains('?') {
                url.to_owned()
            } else {
                format!("{url}?mode=rwc")
            };
            let synchronous = sync.as_str().to_owned();
            let pool = |max: u32| {
                let synchronous = synchronous.clone();
                AnyPoolOptions::new()
                    .max_connections(max)
                    .acquire_timeout(Duration::from_secs(10))
                    .after_connect(move |conn, _meta| {
                        let pragmas = format!(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; \
                             PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;"
                        );
                        Box::pin(async move {
                            conn.execute(pragmas.as_str()).await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
            };
            let write = pool(1).await.map_err(|source| StartupError::Unreachable {
                url: shown.clone(),
                source,
            })?;
            // Every write goes through this one connection (`super::group_commit`); the
            // sqlx write pool above runs only the migrations and operators' maintenance.
            let grouped = !matches!(
                std::env::var("HOURBANK_SQLITE_GROUP_COMMIT").as_deref(),
                Ok("off")
            );
            let group_commit = GroupCommit::open(std::path::Path::new(path), sync, grouped)
                .map_err(|source| StartupError::Unreachable {
                    url: shown.clone(),
                    source,
                })?;
            // Reads run on rusqlite connections in place, as the writes do
            // (`super::read_connections`).
            let read = ReadConnections::open(std::path::Path::new(path)).map_err(|source| {
                StartupError::Unreachable {
                    url: shown.clone(),
                    source,
                }
            })?;
            Ok(Db {
                backend: Backend::Sqlite,
                read: Reads::Lite(Arc::new(read)),
                write,
                outbox: super::mail::Outbox::Off,
                group_commit: Some(group_commit),
            })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // Two pools, so reads (pages, session lookups) never queue behind write
            // transactions for a connection: the benchmark measured page p50 at 43 ms with
            // one shared pool of 16 under 64 users, 7 ms with these two.
            let pool = |max: u32| {
                AnyPoolOptions::new()
                    .max_connections(max)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
            };
            let write = pool(pool_size(
                "HOURBANK_PG_WRITE_CONNECTIONS",
                PG_WRITE_CONNECTIONS,
            ))
            .await
            .map_err(|source| StartupError::Unreachable {
                url: shown.clone(),
                source,
            })?;
            let read = pool(pool_size(
                "HOURBANK_PG_READ_CONNECTIONS",
                PG_READ_CONNECTIONS,
            ))
            .await
            .map_err(|source| StartupError::Unreachable { url: shown, source })?;
            Ok(Db {
                backend: Backend::Postgres,
                read: Reads::Any(read),
                write,
                outbox: super::mail::Outbox::Off,
                group_commit: None,
            })
        } else {
            Err(StartupError::UnknownScheme(shown))
        }
    }

    /// A write transaction: on SQLite a member of the next group commit, on PostgreSQL a
    /// transaction of its own. Commit with [`WriteTx::commit`], which returns once the
    /// writes are durable; dropped uncommitted, it rolls back.
    pub async fn begin_write(&self) -> Result<WriteTx, sqlx::Error> {
        match &self.group_commit {
            Some(group) => group.begin().await,
            None => Ok(WriteTx::alone(self.write.begin().await?)),
        }
    }

    /// True when the database answers and every known migration has been applied.
    pub async fn ready(&self) -> bool {
        let applied: Result<i64, _> =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE")
                .fetch_one(&self.write)
                .await;
        matches!(applied, Ok(n) if n as usize >= MIGRATOR.iter().count())
    }

    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }
}
