//! A member's notifications: I/O only.

use sqlx::AnyPool;

use super::StoreError;
use crate::domain::{MemberId, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NotificationRow {
    pub id: String,
    pub request_id: Option<String>,
    pub text: String,
    pub at: Timestamp,
    pub read: bool,
}

pub async fn list(
    pool: &AnyPool,
    member: MemberId,
    limit: i64,
) -> Result<Vec<NotificationRow>, StoreError> {
    let rows: Vec<(String, Option<String>, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, request_id, text, created_at_ms, read_at_ms FROM notifications WHERE member_id = $1 \
         ORDER BY created_at_ms DESC, id LIMIT $2",
    )
    .bind(member.to_string())
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, request_id, text, at, read)| NotificationRow {
            id,
            request_id,
            text,
            at: Timestamp(at),
            read: read.is_some(),
        })
        .collect())
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
