//! Live updates: after a transaction that touched members commits, their ids go out on
//! a broadcast channel; each signed-in browser listens on `/events` (server-sent events)
//! and refetches what it shows. Nothing is lost when no one listens: pages load from the
//! database as usual.
//!
//! With N servers on one PostgreSQL, a change made through server B (or fired by B's
//! sweeper) must reach a member whose page listens on server A: every server relays its
//! changes through PostgreSQL's `LISTEN/NOTIFY` ([`Live::relay_through_postgres`]) and
//! rebroadcasts what the others relay. If a server's listening connection drops, it
//! reconnects and tells every page to refetch (it may have missed something). On SQLite
//! (one process) the broadcast stays in-process.

use std::sync::{Arc, OnceLock};

use tokio::sync::{broadcast, mpsc};

use crate::domain::MemberId;

/// The PostgreSQL channel the servers of one bank relay changes on.
pub const CHANNEL: &str = "hourbank_live";

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Something of this member's.
    Member(MemberId),
    /// Perhaps anything (a relay reconnected and may have missed changes): refetch.
    Everyone,
}

#[derive(Clone, Debug)]
pub struct Live {
    tx: broadcast::Sender<Change>,
    closing: tokio::sync::watch::Sender<bool>,
    /// This process, in relayed messages (a server ignores its own).
    origin: Arc<String>,
    /// Where changes go to be relayed to the other servers, once the relay runs.
    relay: Arc<OnceLock<mpsc::UnboundedSender<Vec<MemberId>>>>,
}

impl Default for Live {
    fn default() -> Self {
        Live::new()
    }
}

impl Live {
    pub fn new() -> Self {
        Live {
            tx: broadcast::channel(1024).0,
            closing: tokio::sync::watch::channel(false).0,
            origin: Arc::new(uuid::Uuid::new_v4().simple().to_string()),
            relay: Arc::new(OnceLock::new()),
        }
    }

    /// Tells `members`' open pages, on every server, that something of theirs changed.
    pub fn changed(&self, members: impl IntoIterator<Item = MemberId>) {
        let members: Vec<MemberId> = members.into_iter().collect();
        if members.is_empty() {
            return;
        }
        self.local(&members);
        if let Some(relay) = self.relay.get() {
            let _ = relay.send(members);
        }
    }

    fn local(&self, members: &[MemberId]) {
        for m in members {
            // No receivers is fine: nobody is watching.
            let _ = self.tx.send(Change::Member(*m));
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Change> {
        self.tx.subscribe()
    }

    /// Ends every open event stream (at shutdown, so connections close).
    pub fn close(&self) {
        let _ = self.closing.send(true);
    }

    pub fn closing(&self) -> tokio::sync::watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Relays this server's changes to the other servers of the bank, and theirs to this
    /// server's pages, through PostgreSQL at `url` (`pool` sends; a dedicated connection
    /// listens, reconnecting on loss). Runs until the process ends.
    pub fn relay_through_postgres(
        &self,
        url: String,
        pool: sqlx::AnyPool,
    ) -> Vec<tokio::task::JoinHandle<()>> {
        let (send, mut outgoing) = mpsc::unbounded_channel::<Vec<MemberId>>();
        if self.relay.set(send).is_err() {
            return Vec::new(); // relaying already
        }
        let origin = self.origin.clone();
        let notifier = tokio::spawn(async move {
            while let Some(mut members) = outgoing.recv().await {
                // Whatever else is waiting goes in the same messages.
                while let Ok(more) = outgoing.try_recv() {
                    members.extend(more);
                }
                members.sort_by_key(|m| m.to_string());
                members.dedup();
                // A NOTIFY payload is at most 8000 bytes: 150 ids a message.
                for chunk in members.chunks(150) {
                    let ids: Vec<String> = chunk.iter().map(|m| m.to_string()).collect();
                    let payload = format!("{origin} {}", ids.join(","));
                    if let Err(e) = sqlx::query("SELECT pg_notify($1, $2)")
                        .bind(CHANNEL)
                        .bind(payload)
                        .execute(&pool)
                        .await
                    {
                        tracing::warn!(error = %e, "could not relay a live update to the other servers");
                    }
                }
            }
        });
        let live = self.clone();
        let listener = tokio::spawn(async move { live.listen(url).await });
        vec![notifier, listener]
    }

    async fn listen(&self, url: String) {
        use sqlx::postgres::PgListener;
        let mut backoff = std::time::Duration::from_millis(100);
        loop {
            let mut listener = match PgListener::connect(&url).await {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!(error = %e, "live-update listener cannot connect; retrying");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(std::time::Duration::from_secs(5));
                    continue;
                }
            };
            if let Err(e) = listener.listen(CHANNEL).await {
                tracing::warn!(error = %e, "live-update listener cannot LISTEN; retrying");
                tokio::time::sleep(backoff).await;
                continue;
            }
            backoff = std::time::Duration::from_millis(100);
            // (Re)connected: anything may have been missed meanwhile.
            let _ = self.tx.send(Change::Everyone);
            loop {
                match listener.try_recv().await {
                    Ok(Some(n)) => self.received(n.payload()),
                    // The connection dropped and was re-established: changes in between
                    // are lost, so every page refetches.
                    Ok(None) => {
                        let _ = self.tx.send(Change::Everyone);
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "live-update listener lost; reconnecting");
                        break;
                    }
                }
            }
        }
    }

    /// A relayed message: `origin id,id,…`; this server's own are ignored.
    fn received(&self, payload: &str) {
        let Some((origin, ids)) = payload.split_once(' ') else {
            return;
        };
        if origin == self.origin.as_str() {
            return;
        }
        let members: Vec<MemberId> = ids.split(',').filter_map(|s| s.parse().ok()).collect();
        self.local(&members);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relayed_changes_reach_this_servers_pages_but_its_own_echo_does_not() {
        let live = Live::new();
        let mut rx = live.subscribe();
        let (a, b) = (MemberId::generate(), MemberId::generate());
        live.received(&format!("another-server {a},{b}"));
        assert_eq!(rx.try_recv().ok(), Some(Change::Member(a)));
        assert_eq!(rx.try_recv().ok(), Some(Change::Member(b)));
        live.received(&format!("{} {a}", live.origin));
        assert!(
            rx.try_recv().is_err(),
            "its own message comes back and is ignored"
        );
        live.received("garbage");
        assert!(rx.try_recv().is_err());
    }
}
