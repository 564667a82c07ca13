//! A member's notifications: I/O only.

use sqlx::AnyPool;

use super::StoreError;
use crate::domain::{MemberId, Timestamp};
use crate::lifecycle::Notice;

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
    pub fn text(&self) -> String {
        match &self.notice {
            Some(n) => crate::lifecycle::words::notice(n),
            None => self.stored_text.clone(),
        }
    }
}

pub async fn list(
    pool: &AnyPool,
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
    let rows: Vec<Row> = sqlx::query_as(
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

pub async fn unread_count(pool: &AnyPool, member: MemberId) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE member_id = $1 AND read_at_ms IS NULL",
    )
    .bind(member.to_string())
    .fetch_one(pool)
    .await?)
}

/// Marks one of `member`'s notifications read (`Some(id)`), or all of them (`None`).
pub async fn mark_read(
    pool: &AnyPool,
    member: MemberId,
    id: Option<&str>,
    now: Timestamp,
) -> Result<u64, StoreError> {
    let r = match id {
        Some(id) => {
            sqlx::query("UPDATE notifications SET read_at_ms = $1 WHERE member_id = $2 AND id = $3 AND read_at_ms IS NULL")
                .bind(now.0)
                .bind(member.to_string())
                .bind(id)
                .execute(pool)
                .await?
        }
        None => {
            sqlx::query("UPDATE notifications SET read_at_ms = $1 WHERE member_id = $2 AND read_at_ms IS NULL")
                .bind(now.0)
                .bind(member.to_string())
                .execute(pool)
                .await?
        }
    };
    Ok(r.rows_affected())
}
