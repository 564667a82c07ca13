//! SQLite's read connections: `rusqlite` connections to the database file, driven in place
//! by the task that reads, as the write connection is ([`super::group_commit`]).
//!
//! A read takes an idle connection (or opens one), runs its one statement synchronously
//! on the thread it is running on — prepared once, then taken from the connection's
//! statement cache — copies the rows out and puts the connection back. No statement is
//! handed to another thread: through sqlx-sqlite each read cost two thread hand-offs
//! (about 8 % of the server's CPU under the benchmark's load). A connection is never held
//! across an `.await`, so no more are open than threads read at once (the runtime's
//! workers, and the blocking threads of long reads); at most [`IDLE_CONNECTIONS`] stay
//! open between reads.
//!
//! WAL lets these connections read while the writer writes: each statement sees the last
//! commit before it began. Reads that scan whole tables (the audit, the ledger check) are
//! marked long ([`super::sql::Query::long`]) and run where tokio can move the worker's
//! other tasks away meanwhile.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};

use super::sql::lite;

/// Idle connections kept open between reads.
pub const IDLE_CONNECTIONS: usize = 8;

/// Statements each read connection keeps prepared (every page's and the sweeper's reads).
pub const STATEMENT_CACHE: usize = 128;

/// The read connections of one SQLite database file.
pub struct ReadConnections {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    opened: AtomicUsize,
}

impl std::fmt::Debug for ReadConnections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadConnections")
            .field("path", &self.path)
            .field("idle", &self.idle().len())
            .field("opened", &self.opened())
            .finish()
    }
}

impl ReadConnections {
    /// Read connections to the database at `path`; opens the first one now, so a file
    /// that cannot be read is reported at start-up.
    pub fn open(path: &Path) -> Result<ReadConnections, sqlx::Error> {
        let reads = ReadConnections {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
            opened: AtomicUsize::new(0),
        };
        let first = reads.connect()?;
        reads.idle().push(first);
        Ok(reads)
    }

    /// Runs `read` on an idle connection (or a new one), then keeps the connection for
    /// the next read. With `long`, tokio is told that this thread is busy for a while.
    pub fn with<R>(
        &self,
        long: bool,
        read: impl FnOnce(&Connection) -> Result<R, sqlx::Error>,
    ) -> Result<R, sqlx::Error> {
        let taken = self.idle().pop();
        let conn = match taken {
            Some(conn) => conn,
            None => self.connect()?,
        };
        let result = if long {
            super::group_commit::off_the_worker(|| read(&conn))
        } else {
            read(&conn)
        };
        // A statement that failed leaves the connection as it was (each read is its own
        // statement, outside any transaction), so it is kept.
        let mut idle = self.idle();
        if idle.len() < IDLE_CONNECTIONS {
            idle.push(conn);
        }
        result
    }

    /// Connections opened since the start (more than were ever in use at once only when
    /// more than [`IDLE_CONNECTIONS`] were).
    pub fn opened(&self) -> usize {
        self.opened.load(Ordering::Relaxed)
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<Connection>> {
        // The list is only pushed to and popped from; a panic elsewhere cannot leave it
        // half-changed, so a poisoned lock is still a good list.
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn connect(&self) -> Result<Connection, sqlx::Error> {
        // Read-write at the file level (a read-only connection cannot open a WAL database
        // whose shared-memory file is missing), `query_only` at the SQL level: these
        // connections never write.
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(lite::error)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(lite::error)?;
        lite::run(&conn, "PRAGMA query_only = ON")?;
        self.opened.fetch_add(1, Ordering::Relaxed);
        Ok(conn)
    }
}
