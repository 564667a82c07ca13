//! A member's notifications: I/O only.

use crate::server::group_commit::WriteTx;
use crate::server::sql;
use crate::server::sql::Reads;

use super::mail::outbox_store::{self, NoticeMail};
use super::mail::Outbox;
use super::StoreError;
use crate::domain::ids::RequestId;
use crate::domain::{MemberId, Timestamp};
use crate::lifecycle::Notice;

/// A notification to write: to whom, about which request (at which of its versions), what.
#[derive(Clone, Debug)]
pub struct Note {
    pub member: MemberId,
    pub request: Option<(RequestId, i64)>,
    pub notice: Notice,
    pub at: Timestamp,
}

/// Writes notifications in one INSERT, in the caller's transaction, and queues the same
/// as e-mail for those who want it (when e-mail is on): the one place both are written.
pub async fn insert(conn: &mut WriteTx, outbox: Outbox, notes: &[Note]) -> Result<(), StoreError> {
    if notes.is_empty() {
        return Ok(());
    }
    const COLUMNS: usize = 7;
    let style = super::multi_row::Style::of(conn);
    for chunk in notes.chunks(super::multi_row::rows_per_statement(COLUMNS)) {
        let sql = super::multi_row::insert(
            style,
            "notifications (id, member_id, request_id, seq, text, notice, created_at_ms)",
            COLUMNS,
            chunk.len(),
        );
        let mut q = sql::query(&sql);
        for n in chunk {
            let notice = serde_json::to_string(&n.notice)
                .map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))?;
            q = q
                .bind(crate::domain::ids::time_ordered().to_string())
                .bind(n.member.to_string())
                .bind(n.request.map(|(id, _)| id.to_string()))
                .bind(n.request.map(|(_, seq)| seq))
                .bind("")
                .bind(notice)
                .bind(n.at.0);
        }
        q.execute(&mut *conn).await?;
    }
    let mails: Vec<NoticeMail<'_>> = notes
        .iter()
        .map(|n| NoticeMail {
            member: n.member,
            request_id: n.request.map(|(id, _)| id),
            notice: &n.notice,
            at: n.at,
        })
        .collect();
    outbox_store::queue_notices(conn, outbox, &mails).await
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NotificationRow {
    pub id: String,
    pub request_id: Option<String>,
    /// What it tells, as data (rows written before notifications were data have none).
    pub notice: Option<Notice>,
    /// The sentence stored by rows written before notifications were data.
    pub stored_text: String,
    pub at: Timestamp,
    pub read: bool,
}

impl NotificationRow {
    /// Its words: made from the notice, or the sentence an older row stored.
    pub fn text(&self, v: &crate::i18n::Viewer) -> String {
        match &self.notice {
            Some(n) => crate::lifecycle::words::notice(n, v),
            None => self.stored_text.clone(),
        }
    }
}

pub async fn list(
    pool: &Reads,
    member: MemberId,
    limit: i64,
) -> Result<Vec<NotificationRow>, StoreError> {
    type Row = (
        String,
        Option<String>,
        String,
        Option<String>,
        i64,
        Option<i64>,
    );
    let rows: Vec<Row> = sql::query_as(
        "SELECT id, request_id, text, notice, created_at_ms, read_at_ms FROM notifications \
         WHERE member_id = $1 ORDER BY created_at_ms DESC, id LIMIT $2",
    )
    .bind(member.to_string())
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, request_id, text, notice, at, read)| {
            Ok(NotificationRow {
                id,
                request_id,
                notice: notice
                    .map(|n| {
                        serde_json::from_str(&n).map_err(|e| {
                            StoreError::Corrupt(format!("a stored notice does not read: {e}"))
                        })
                    })
                    .transpose()?,
                stored_text: text,
                at: Timestamp(at),
                read: read.is_some(),
            })
        })
        .collect()
}

/// Marks one of `member`'s notifications read (`Some(id)`), or all of them (`None`).
pub async fn mark_read(
    tx: &mut WriteTx,
    member: MemberId,
    id: Option<&str>,
    now: Timestamp,
) -> Result<u64, StoreError> {
    let r = match id {
        Some(id) => {
            sql::query("UPDATE notifications SET read_at_ms = $1 WHERE member_id = $2 AND id = $3 AND read_at_ms IS NULL")
                .bind(now.0)
                .bind(member.to_string())
                .bind(id)
                .execute(&mut *tx)
                .await?
        }
        None => {
            sql::query("UPDATE notifications SET read_at_ms = $1 WHERE member_id = $2 AND read_at_ms IS NULL")
                .bind(now.0)
                .bind(member.to_string())
                .execute(&mut *tx)
                .await?
        }
    };
    Ok(r.rows_affected())
}
