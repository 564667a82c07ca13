//! SQLite's write connection and its group commit.
//!
//! The write connection is a `rusqlite` connection (on the `libsqlite3-sys` sqlx links)
//! kept behind one lock. A write transaction ([`WriteTx`]) holds the lock from its begin
//! to its commit and runs every statement itself, synchronously, on the thread it runs on,
//! with statements prepared once and cached ([`super::sql`]): a transaction costs no
//! hand-off to another thread per statement, where sqlx-sqlite sends each statement to
//! its worker thread and waits for the answer.
//!
//! Group commit: the write transactions that queue while one runs share a single SQLite
//! transaction and a single commit (one fsync at `synchronous = FULL`), each inside its
//! own SAVEPOINT, so a member that is refused or fails rolls back only its own writes.
//! Nobody is answered before the commit that holds their transaction is durable:
//! [`WriteTx::commit`] releases the member's savepoint and then waits for its group's
//! outcome; if the group fails, every member of it is told with a transient error and
//! retries, since none of their writes stood.
//!
//! Who commits: the member that finds nobody else waiting for the connection commits at
//! once; otherwise it queues for the lock once more, behind everyone already waiting
//! (tokio's mutex is first-in first-out), and commits the group when its turn comes, if
//! no one did before. So a group is every transaction that was waiting when its first
//! member finished — no timer, no background task (a test's runtime may end at any time).
//! `HOURBANK_SQLITE_GROUP_COMMIT=off` gives every transaction its own commit.
//!
//! PostgreSQL has many write connections and its own group commit (`commit_delay`), so
//! there each write transaction is its own sqlx transaction ([`WriteTx::alone`]).
//!
//! With N servers: SQLite is one process's file, so this is only ever one process; on
//! PostgreSQL nothing here is shared between servers.

use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sqlx::{Any, AnyConnection, Transaction};
use tokio::sync::{watch, Mutex, OwnedMutexGuard};

use super::db::SqliteSync;
use super::sql::lite;

/// The most transactions one commit holds, so a long queue still sees commits (and
/// answers) while it drains, and the WAL grows by a bounded amount per commit.
pub const MEMBERS_PER_COMMIT: usize = 256;

/// How long a transaction waits for the write connection.
const WAIT_FOR_CONNECTION: std::time::Duration = std::time::Duration::from_secs(10);

/// What a group's members learn once it ended: committed, or why not.
type Outcome = Option<Result<(), String>>;

/// The SQLite write connection and its group committer (see the module's comment).
pub struct GroupCommit {
    slot: Arc<Mutex<Slot>>,
    /// Transactions waiting to begin (not members waiting to see their group end).
    arriving: AtomicUsize,
    /// [`MEMBERS_PER_COMMIT`], or 1 with group commit off.
    members_per_commit: usize,
    /// Microseconds the write connection has been held (a transaction's statements, a
    /// group's COMMIT) since start-up: over a load, how busy the one writer was.
    held_us: AtomicU64,
}

impl std::fmt::Debug for GroupCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit")
            .field("arriving", &self.arriving.load(Ordering::Relaxed))
            .field("members_per_commit", &self.members_per_commit)
            .finish_non_exhaustive()
    }
}

struct Slot {
    conn: rusqlite::Connection,
    open: Option<Group>,
    next_id: u64,
    stats: GroupStats,
}

/// Counts since start-up, for tests and the benchmark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupStats {
    /// SQLite transactions committed (each one fsync at FULL).
    pub commits: u64,
    /// Member transactions those commits held.
    pub members: u64,
    /// Groups rolled back whole (every member told to retry).
    pub failed: u64,
}

/// The open SQLite transaction, holding the members released into it so far.
struct Group {
    id: u64,
    members: usize,
    /// A member's savepoint is open: it is running, or it was dropped (refused, failed or
    /// cancelled) and its writes still need rolling back.
    member_open: bool,
    outcome: watch::Sender<Outcome>,
}

impl GroupCommit {
    /// Opens the write connection to the SQLite file at `path` (which exists: the pools
    /// made it), in WAL mode with the given durability. `grouped: false` gives every
    /// transaction its own commit.
    pub fn open(
        path: &Path,
        sync: SqliteSync,
        grouped: bool,
    ) -> Result<Arc<GroupCommit>, sqlx::Error> {
        use rusqlite::OpenFlags;
        let conn = rusqlite::Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(lite::error)?;
        conn.set_prepared_statement_cache_capacity(lite::STATEMENT_CACHE);
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(lite::error)?;
        for pragma in [
            "PRAGMA journal_mode = WAL".to_owned(),
            format!("PRAGMA synchronous = {}", sync.as_str()),
            "PRAGMA foreign_keys = ON".to_owned(),
            // Each member's SAVEPOINT keeps the pages it changes in a sub-journal until the
            // group commits; in memory, not in a temporary file written page by page.
            "PRAGMA temp_store = MEMORY".to_owned(),
        ] {
            lite::run(&conn, &pragma)?;
        }
        Ok(Arc::new(GroupCommit {
            slot: Arc::new(Mutex::new(Slot {
                conn,
                open: None,
                next_id: 0,
                stats: GroupStats::default(),
            })),
            arriving: AtomicUsize::new(0),
            members_per_commit: if grouped { MEMBERS_PER_COMMIT } else { 1 },
            held_us: AtomicU64::new(0),
        }))
    }

    /// A write transaction: the connection, inside a savepoint of the open group.
    pub async fn begin(self: &Arc<Self>) -> Result<WriteTx, sqlx::Error> {
        self.arriving.fetch_add(1, Ordering::SeqCst);
        let waited =
            tokio::time::timeout(WAIT_FOR_CONNECTION, self.slot.clone().lock_owned()).await;
        self.arriving.fetch_sub(1, Ordering::SeqCst);
        // As a pool's acquire timeout: a transaction that waits this long (a writer
        // stuck, or one waiting on itself) gets an error rather than hanging for ever.
        let mut guard = waited.map_err(|_| sqlx::Error::PoolTimedOut)?;
        let since = Instant::now();
        let slot = &mut *guard;
        undo_dropped_member(slot);
        if slot.open.is_none() {
            // IMMEDIATE: the write lock now, not at the first write.
            lite::run(&slot.conn, "BEGIN IMMEDIATE")?;
            let (outcome, _) = watch::channel(None);
            slot.next_id += 1;
            slot.open = Some(Group {
                id: slot.next_id,
                members: 0,
                member_open: false,
                outcome,
            });
        }
        if let Some(group) = slot.open.as_mut() {
            group.member_open = true;
        }
        if let Err(e) = lite::run(&slot.conn, "SAVEPOINT member") {
            fail_group(slot, &e);
            return Err(e);
        }
        Ok(WriteTx(Kind::Member(Member {
            guard,
            since,
            committer: self.clone(),
        })))
    }

    pub async fn stats(&self) -> GroupStats {
        self.slot.lock().await.stats
    }

    /// How long the write connection has been held since start-up, in all.
    pub fn held(&self) -> Duration {
        Duration::from_micros(self.held_us.load(Ordering::Relaxed))
    }

    /// Counts the time since `since` as held (the caller is letting the connection go).
    fn let_go(&self, since: Instant) {
        let us = u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX);
        self.held_us.fetch_add(us, Ordering::Relaxed);
        metrics::counter!("hourbank_sqlite_writer_held_microseconds_total").increment(us);
    }

    /// Transactions waiting to begin right now (tests use it to line a group up).
    pub fn arriving(&self) -> usize {
        self.arriving.load(Ordering::SeqCst)
    }
}

/// A write transaction. Its statements run through [`super::sql`]; dropped without
/// [`WriteTx::commit`] it rolls back (its savepoint, in a group).
pub struct WriteTx(Kind);

enum Kind {
    Alone(Transaction<'static, Any>),
    Member(Member),
}

struct Member {
    guard: OwnedMutexGuard<Slot>,
    /// When this transaction took the connection.
    since: Instant,
    committer: Arc<GroupCommit>,
}

/// The connection a statement of a [`WriteTx`] runs on.
pub(crate) enum Conn<'c> {
    /// SQLite's write connection, inside this transaction's savepoint.
    Lite(&'c mut rusqlite::Connection),
    /// A PostgreSQL transaction's connection.
    Any(&'c mut AnyConnection),
}

impl WriteTx {
    /// A transaction of its own (PostgreSQL).
    pub fn alone(tx: Transaction<'static, Any>) -> WriteTx {
        WriteTx(Kind::Alone(tx))
    }

    pub(crate) fn conn(&mut self) -> Conn<'_> {
        match &mut self.0 {
            Kind::Alone(tx) => Conn::Any(tx),
            Kind::Member(m) => Conn::Lite(&mut m.guard.conn),
        }
    }

    /// True on SQLite (the statements' parameter style depends on it).
    pub fn is_sqlite(&self) -> bool {
        matches!(self.0, Kind::Member(_))
    }

    /// Commits, and returns only once the commit holding this transaction is durable.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.0 {
            Kind::Alone(tx) => tx.commit().await,
            Kind::Member(member) => member.commit().await,
        }
    }
}

impl Member {
    async fn commit(self) -> Result<(), sqlx::Error> {
        // The rest runs to its end even if the caller stops waiting (a client that went
        // away): the other members' answers hang on this group's commit.
        tokio::spawn(self.finish())
            .await
            .map_err(|e| group_lost(&format!("the committing task ended: {e}")))?
    }

    async fn finish(mut self) -> Result<(), sqlx::Error> {
        let slot = &mut *self.guard;
        if slot.open.is_none() {
            return Err(group_lost("its group ended before it committed"));
        }
        let released = lite::run(&slot.conn, "RELEASE member").and_then(|()| {
            // SQLite ends the whole transaction itself on some errors (I/O, a full disk):
            // then nothing of the group stands.
            if slot.conn.is_autocommit() {
                Err(group_lost("SQLite ended its transaction"))
            } else {
                Ok(())
            }
        });
        if let Err(e) = released {
            fail_group(slot, &e);
            return Err(e);
        }
        let Some(group) = slot.open.as_mut() else {
            return Err(group_lost("its group ended before it committed"));
        };
        group.member_open = false;
        group.members += 1;
        let mine = group.id;
        let full = group.members >= self.committer.members_per_commit;
        let mut outcome = group.outcome.subscribe();
        let committer = self.committer.clone();
        if full || committer.arriving() == 0 {
            commit_group(slot);
            drop(self);
        } else {
            // Let the waiting transactions join, then commit if nobody has yet.
            drop(self);
            let mut guard = committer.slot.clone().lock_owned().await;
            let since = Instant::now();
            let slot = &mut *guard;
            if slot.open.as_ref().is_some_and(|g| g.id == mine) {
                undo_dropped_member(slot);
                commit_group(slot);
            }
            committer.let_go(since);
            drop(guard);
        }
        let ended = outcome
            .wait_for(Option::is_some)
            .await
            .map(|o| o.clone())
            .map_err(|_| group_lost("its group ended without an outcome"))?;
        match ended {
            Some(Ok(())) => Ok(()),
            Some(Err(why)) => Err(group_lost(&why)),
            None => Err(group_lost("its group ended without an outcome")),
        }
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        // A group nobody has joined yet is only this transaction: roll it back whole now,
        // which frees SQLite's write lock. Otherwise the savepoint stays marked open, and
        // the member that commits the group (or the next to begin) rolls it back first.
        let slot = &mut *self.guard;
        if slot.open.as_ref().is_some_and(|g| g.members == 0) {
            slot.open = None;
            rollback(&slot.conn);
        }
        self.committer.let_go(self.since);
    }
}

/// Ends the SQLite transaction, if SQLite has not already.
fn rollback(conn: &rusqlite::Connection) {
    if !conn.is_autocommit() {
        if let Err(e) = lite::run(conn, "ROLLBACK") {
            tracing::warn!(error = %e, "rolling back SQLite's write transaction failed");
        }
    }
}

/// Rolls back the savepoint of a member that was dropped without committing; if that
/// fails the group cannot be trusted and ends, failed.
fn undo_dropped_member(slot: &mut Slot) {
    let Some(group) = slot.open.as_mut() else {
        return;
    };
    if !group.member_open {
        return;
    }
    let undone = lite::run(&slot.conn, "ROLLBACK TO member")
        .and_then(|()| lite::run(&slot.conn, "RELEASE member"));
    match undone {
        Ok(()) => group.member_open = false,
        Err(e) => fail_group(slot, &e),
    }
}

/// Commits the open group and tells its members.
fn commit_group(slot: &mut Slot) {
    let Some(group) = slot.open.take() else {
        return;
    };
    let members = group.members as u64;
    let started = Instant::now();
    let committed = off_the_worker(|| lite::run(&slot.conn, "COMMIT"));
    let us = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    metrics::counter!("hourbank_sqlite_commit_microseconds_total").increment(us);
    match committed {
        Ok(()) => {
            slot.stats.commits += 1;
            slot.stats.members += members;
            metrics::counter!("hourbank_sqlite_group_commits_total").increment(1);
            metrics::counter!("hourbank_sqlite_group_commit_members_total").increment(members);
            group.outcome.send_replace(Some(Ok(())));
        }
        Err(e) => {
            // A commit that failed may leave the transaction open (SQLITE_BUSY): end it.
            rollback(&slot.conn);
            slot.stats.failed += 1;
            metrics::counter!("hourbank_sqlite_group_commits_failed_total").increment(1);
            tracing::warn!(error = %e, members, "a group commit failed; its members retry");
            group
                .outcome
                .send_replace(Some(Err(format!("the commit failed: {e}"))));
        }
    }
}

/// Runs `f`, which keeps this thread for a while (the commit's fsync; a read that scans
/// whole tables), telling tokio's multi-threaded runtime so that it moves this worker's
/// other tasks (pages, sessions) to another thread meanwhile. A statement otherwise runs
/// right on the worker: it takes microseconds, and handing it to another thread would
/// cost more than it does.
pub(crate) fn off_the_worker<R>(f: impl FnOnce() -> R) -> R {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        _ => f(),
    }
}

/// Rolls the open group back whole and tells its members why.
fn fail_group(slot: &mut Slot, cause: &sqlx::Error) {
    let Some(group) = slot.open.take() else {
        return;
    };
    slot.stats.failed += 1;
    metrics::counter!("hourbank_sqlite_group_commits_failed_total").increment(1);
    tracing::warn!(error = %cause, members = group.members, "a group commit was rolled back; its members retry");
    // The transaction may already be gone (SQLite ends it on some errors); either way
    // nothing of it stands.
    rollback(&slot.conn);
    group
        .outcome
        .send_replace(Some(Err(format!("rolled back: {cause}"))));
}

/// The error a member gets when its group did not commit: transient (an I/O error), so
/// the operation that owns the transaction runs it again.
fn group_lost(why: &str) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other(format!(
        "the group commit holding this transaction did not commit ({why})"
    )))
}
