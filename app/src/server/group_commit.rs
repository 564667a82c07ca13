//! Group commit for SQLite's one write connection: the write transactions that queue
//! while one runs share a single SQLite transaction and a single commit (one fsync at
//! `synchronous = FULL`), each inside its own SAVEPOINT, so a member that is refused or
//! fails rolls back only its own writes. Nobody is answered before the commit that holds
//! their transaction is durable: [`WriteTx::commit`] releases the member's savepoint and
//! then waits for its group's outcome; if the group fails, every member of it is told
//! with a transient error and retries, since none of their writes stood.
//!
//! Who commits: the member that finds nobody else waiting for the connection commits at
//! once; otherwise it queues for the lock once more, behind everyone already waiting
//! (tokio's mutex is first-in first-out), and commits the group when its turn comes, if
//! no one did before. So a group is every transaction that was waiting when its first
//! member finished — no timer, no background task (a test's runtime may end at any time).
//!
//! PostgreSQL has many write connections and its own group commit (`commit_delay`), so
//! there each write transaction is its own ([`WriteTx`] wraps a plain transaction).
//!
//! With N servers: SQLite is one process's file, so this is only ever one process; on
//! PostgreSQL nothing here is shared between servers.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use sqlx::{Any, AnyConnection, AnyPool, Transaction};
use tokio::sync::{watch, Mutex, OwnedMutexGuard};

/// The most transactions one commit holds, so a long queue still sees commits (and
/// answers) while it drains, and the WAL grows by a bounded amount per commit.
pub const MEMBERS_PER_COMMIT: usize = 256;

/// How long a transaction waits for the write connection (the pool's acquire timeout).
const WAIT_FOR_CONNECTION: std::time::Duration = std::time::Duration::from_secs(10);

/// What a group's members learn once it ended: committed, or why not.
type Outcome = Option<Result<(), String>>;

/// The SQLite write connection's group committer (see the module's comment).
pub struct GroupCommit {
    pool: AnyPool,
    slot: Arc<Mutex<Slot>>,
    /// Transactions waiting to begin (not members waiting to see their group end).
    arriving: AtomicUsize,
}

impl std::fmt::Debug for GroupCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit")
            .field("arriving", &self.arriving.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

#[derive(Default)]
struct Slot {
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

/// One SQLite transaction, holding the members released into it so far.
struct Group {
    id: u64,
    tx: Transaction<'static, Any>,
    members: usize,
    /// A member's savepoint is open: it is running, or it was dropped (refused, failed or
    /// cancelled) and its writes still need rolling back.
    member_open: bool,
    outcome: watch::Sender<Outcome>,
}

impl GroupCommit {
    pub fn new(pool: AnyPool) -> Arc<GroupCommit> {
        Arc::new(GroupCommit {
            pool,
            slot: Arc::new(Mutex::new(Slot::default())),
            arriving: AtomicUsize::new(0),
        })
    }

    /// A write transaction: the connection, inside a savepoint of the open group.
    pub async fn begin(self: &Arc<Self>) -> Result<WriteTx, sqlx::Error> {
        self.arriving.fetch_add(1, Ordering::SeqCst);
        let waited =
            tokio::time::timeout(WAIT_FOR_CONNECTION, self.slot.clone().lock_owned()).await;
        self.arriving.fetch_sub(1, Ordering::SeqCst);
        // As the pool's acquire timeout: a transaction that waits this long (a writer
        // stuck, or one waiting on itself) gets an error rather than hanging for ever.
        let mut guard = waited.map_err(|_| sqlx::Error::PoolTimedOut)?;
        undo_dropped_member(&mut guard).await;
        if guard.open.is_none() {
            let tx = self.pool.begin().await?;
            let (outcome, _) = watch::channel(None);
            guard.next_id += 1;
            guard.open = Some(Group {
                id: guard.next_id,
                tx,
                members: 0,
                member_open: false,
                outcome,
            });
        }
        let started = match guard.open.as_mut() {
            Some(group) => {
                group.member_open = true;
                sqlx::query("SAVEPOINT member")
                    .execute(&mut *group.tx)
                    .await
                    .map(|_| ())
            }
            None => Ok(()),
        };
        if let Err(e) = started {
            fail_group(&mut guard, &e).await;
            return Err(e);
        }
        Ok(WriteTx(Kind::Member(Member {
            guard,
            committer: self.clone(),
        })))
    }

    pub async fn stats(&self) -> GroupStats {
        self.slot.lock().await.stats
    }

    /// Transactions waiting to begin right now (tests use it to line a group up).
    pub fn arriving(&self) -> usize {
        self.arriving.load(Ordering::SeqCst)
    }
}

/// A write transaction. Derefs to the connection, like sqlx's `Transaction`; dropped
/// without [`WriteTx::commit`] it rolls back (its savepoint, in a group).
pub struct WriteTx(Kind);

enum Kind {
    Alone(Transaction<'static, Any>),
    Member(Member),
}

struct Member {
    guard: OwnedMutexGuard<Slot>,
    committer: Arc<GroupCommit>,
}

impl WriteTx {
    /// A transaction of its own (PostgreSQL, or a pool without group commit).
    pub fn alone(tx: Transaction<'static, Any>) -> WriteTx {
        WriteTx(Kind::Alone(tx))
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
        let Some(group) = self.guard.open.as_mut() else {
            return Err(group_lost("its group ended before it committed"));
        };
        if let Err(e) = sqlx::query("RELEASE member").execute(&mut *group.tx).await {
            fail_group(&mut self.guard, &e).await;
            return Err(e);
        }
        group.member_open = false;
        group.members += 1;
        let mine = group.id;
        let mut outcome = group.outcome.subscribe();
        let committer = self.committer.clone();
        if group.members >= MEMBERS_PER_COMMIT || committer.arriving() == 0 {
            commit_group(&mut self.guard).await;
            drop(self);
        } else {
            // Let the waiting transactions join, then commit if nobody has yet.
            drop(self);
            let mut guard = committer.slot.clone().lock_owned().await;
            if guard.open.as_ref().is_some_and(|g| g.id == mine) {
                undo_dropped_member(&mut guard).await;
                commit_group(&mut guard).await;
            }
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
        // A group nobody has joined yet is only this transaction: dropping it rolls the
        // SQLite transaction back (sqlx does it on the connection) and frees the
        // connection. Otherwise the savepoint stays marked open, and the member that
        // commits the group (or the next to begin) rolls it back first.
        if self.guard.open.as_ref().is_some_and(|g| g.members == 0) {
            self.guard.open = None;
        }
    }
}

impl std::ops::Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match &self.0 {
            Kind::Alone(tx) => tx,
            Kind::Member(m) => match m.guard.open.as_ref() {
                Some(group) => &group.tx,
                None => unreachable!("a member holds the lock on its open group"),
            },
        }
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.0 {
            Kind::Alone(tx) => tx,
            Kind::Member(m) => match m.guard.open.as_mut() {
                Some(group) => &mut group.tx,
                None => unreachable!("a member holds the lock on its open group"),
            },
        }
    }
}

/// Rolls back the savepoint of a member that was dropped without committing; if that
/// fails the group cannot be trusted and ends, failed.
async fn undo_dropped_member(slot: &mut Slot) {
    let Some(group) = slot.open.as_mut() else {
        return;
    };
    if !group.member_open {
        return;
    }
    let undone = async {
        sqlx::query("ROLLBACK TO member")
            .execute(&mut *group.tx)
            .await?;
        sqlx::query("RELEASE member").execute(&mut *group.tx).await
    }
    .await;
    match undone {
        Ok(_) => group.member_open = false,
        Err(e) => fail_group(slot, &e).await,
    }
}

/// Commits the open group and tells its members.
async fn commit_group(slot: &mut Slot) {
    let Some(group) = slot.open.take() else {
        return;
    };
    let members = group.members as u64;
    match group.tx.commit().await {
        Ok(()) => {
            slot.stats.commits += 1;
            slot.stats.members += members;
            metrics::counter!("hourbank_sqlite_group_commits_total").increment(1);
            metrics::counter!("hourbank_sqlite_group_commit_members_total").increment(members);
            group.outcome.send_replace(Some(Ok(())));
        }
        Err(e) => {
            slot.stats.failed += 1;
            metrics::counter!("hourbank_sqlite_group_commits_failed_total").increment(1);
            tracing::warn!(error = %e, members, "a group commit failed; its members retry");
            group
                .outcome
                .send_replace(Some(Err(format!("the commit failed: {e}"))));
        }
    }
}

/// Rolls the open group back whole and tells its members why.
async fn fail_group(slot: &mut Slot, cause: &sqlx::Error) {
    let Some(group) = slot.open.take() else {
        return;
    };
    slot.stats.failed += 1;
    metrics::counter!("hourbank_sqlite_group_commits_failed_total").increment(1);
    tracing::warn!(error = %cause, members = group.members, "a group commit was rolled back; its members retry");
    // The transaction may already be gone (SQLite ends it on some errors); either way
    // nothing of it stands, and dropping it returns the connection.
    let _ = group.tx.rollback().await;
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
