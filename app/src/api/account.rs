//! The signed-in member's balance, statement and notifications.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{Minutes, Timestamp};
use crate::AppError;

pub const STATEMENT_LIMIT: i64 = 500;
pub const NOTIFICATION_LIMIT: i64 = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    pub kind: String,
    pub reason: String,
    pub request_id: Option<String>,
    /// "available" or "held"
    pub bucket: String,
    pub amount: Minutes,
    pub at: Timestamp,
}

#[cfg(feature = "ssr")]
impl From<crate::server::ledger_store::StatementEntry> for StatementLine {
    fn from(e: crate::server::ledger_store::StatementEntry) -> Self {
        StatementLine {
            kind: e.kind,
            reason: e.reason,
            request_id: e.request_id,
            bucket: e.bucket,
            amount: e.amount,
            at: e.at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub available: Minutes,
    pub held: Minutes,
    pub lines: Vec<StatementLine>,
}

#[server(endpoint = "me/statement")]
pub async fn my_statement() -> Result<Statement, AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::ledger_store;
    serve(|state| async move {
        let actor = require_member()?;
        let b = ledger_store::balance(&state.db.read, actor.member_id).await?;
        let lines = ledger_store::statement(&state.db.read, actor.member_id, STATEMENT_LIMIT)
            .await?
            .into_iter()
            .map(StatementLine::from)
            .collect();
        Ok(Statement {
            available: b.available,
            held: b.held,
            lines,
        })
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: String,
    pub request_id: Option<String>,
    pub text: String,
    pub at: Timestamp,
    pub read: bool,
}

#[server(endpoint = "me/notifications")]
pub async fn my_notifications() -> Result<Vec<Notification>, AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::notifications_store;
    serve(|state| async move {
        let actor = require_member()?;
        let viewer = crate::i18n::page_viewer();
        Ok(
            notifications_store::list(&state.db.read, actor.member_id, NOTIFICATION_LIMIT)
                .await?
                .into_iter()
                .map(|n| Notification {
                    text: n.text(&viewer),
                    id: n.id,
                    request_id: n.request_id,
                    at: n.at,
                    read: n.read,
                })
                .collect(),
        )
    })
    .await
}

/// Marks one notification read, or all of them when `id` is empty.
#[server(endpoint = "me/notifications/read")]
pub async fn mark_notifications_read(id: String) -> Result<u64, AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let actor = require_member()?;
        let v = crate::i18n::page_viewer();
        let id = id.trim();
        // Notification ids are UUIDs: anything else is refused before the database.
        let which = if id.is_empty() {
            None
        } else {
            let id = uuid::Uuid::parse_str(id)
                .map_err(|_| AppError::invalid("id", v.t("er-notification-id-malformed")))?;
            Some(id.to_string())
        };
        let done =
            operations::mark_notifications_read(&state, actor.member_id, which.as_deref()).await?;
        Ok(state.tell(done))
    })
    .await
}
