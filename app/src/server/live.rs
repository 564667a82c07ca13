//! Live updates: after a transaction that touched members commits, their ids go out on
//! a broadcast channel; each signed-in browser listens on `/events` (server-sent events)
//! and refetches what it shows. Nothing is lost when no one listens: pages load from the
//! database as usual.

use tokio::sync::broadcast;

use crate::domain::MemberId;

#[derive(Clone, Debug)]
pub struct Live {
    tx: broadcast::Sender<MemberId>,
    closing: tokio::sync::watch::Sender<bool>,
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
        }
    }

    /// Tells `members`' open pages that something of theirs changed.
    pub fn changed(&self, members: impl IntoIterator<Item = MemberId>) {
        for m in members {
            // No receivers is fine: nobody is watching.
            let _ = self.tx.send(m);
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<MemberId> {
        self.tx.subscribe()
    }

    /// Ends every open event stream (at shutdown, so connections close).
    pub fn close(&self) {
        let _ = self.closing.send(true);
    }

    pub fn closing(&self) -> tokio::sync::watch::Receiver<bool> {
        self.closing.subscribe()
    }
}
