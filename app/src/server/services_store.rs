//! Services: I/O only.

use crate::server::group_commit::WriteTx;
use crate::server::sql;
use crate::server::sql::Reads;

use super::StoreError;
use crate::domain::service::{ServiceFields, ServiceStatus, ServiceSummary};
use crate::domain::{MemberId, ServiceId, Timestamp};

pub async fn insert(
    conn: &mut WriteTx,
    provider: MemberId,
    fields: &ServiceFields,
    now: Timestamp,
) -> Result<ServiceId, StoreError> {
    let id = ServiceId::generate();
    sql::query(
        "INSERT INTO services (id, provider_id, title, description, category, response_window_hours, status, created_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, 'active', $7)",
    )
    .bind(id.to_string())
    .bind(provider.to_string())
    .bind(&fields.title)
    .bind(&fields.description)
    .bind(&fields.category)
    .bind(fields.response_window_hours)
    .bind(now.0)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    String,
    Option<i64>,
    i64,
);

/// Columns of a service row with its provider's name and rating.
const COLUMNS: &str = "s.id, s.provider_id, m.display_name, s.title, s.description, s.category, \
     s.response_window_hours, s.status, \
     (SELECT CAST(SUM(r.stars) AS BIGINT) FROM ratings r WHERE r.ratee_id = s.provider_id), \
     (SELECT COUNT(*) FROM ratings r WHERE r.ratee_id = s.provider_id)";

fn to_summary(r: Row) -> Result<ServiceSummary, StoreError> {
    let (
        id,
        provider_id,
        provider_name,
        title,
        description,
        category,
        window,
        status,
        stars_sum,
        rating_count,
    ) = r;
    // Averaged here, not in SQL: the two databases round AVG differently.
    let rating = stars_sum
        .filter(|_| rating_count > 0)
        .map(|sum| sum * 100 / rating_count);
    Ok(ServiceSummary {
        id: id
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("service id {id:?}")))?,
        provider_id: provider_id
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("member id {provider_id:?}")))?,
        provider_name,
        title,
        description,
        category,
        response_window_hours: window,
        status: ServiceStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("service status {status:?}")))?,
        provider_rating: rating,
        provider_rating_count: rating_count,
    })
}

/// Active services of active providers matching `search` (title, description, category
/// or provider name; case-insensitive), newest first, at most `limit`.
pub async fn list_active(
    pool: &Reads,
    search: &str,
    limit: i64,
) -> Result<Vec<ServiceSummary>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM services s JOIN members m ON m.id = s.provider_id \
         WHERE s.status = 'active' AND m.active = 1 AND (LOWER(s.title) LIKE $1 OR LOWER(s.description) LIKE $1 \
         OR LOWER(s.category) LIKE $1 OR LOWER(m.display_name) LIKE $1) \
         ORDER BY s.created_at_ms DESC, s.id LIMIT $2"
    );
    let pattern = format!("%{}%", search.trim().to_lowercase().replace(['%', '_'], ""));
    let rows: Vec<Row> = sql::query_as(&sql)
        .bind(pattern)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(to_summary).collect()
}

pub async fn get(pool: &Reads, id: ServiceId) -> Result<ServiceSummary, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM services s JOIN members m ON m.id = s.provider_id WHERE s.id = $1"
    );
    let row: Option<Row> = sql::query_as(&sql)
        .bind(id.to_string())
        .fetch_optional(pool)
        .await?;
    to_summary(row.ok_or(StoreError::NotFound("service"))?)
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Review {
    pub stars: i64,
    pub comment: String,
    pub by: String,
    pub at: Timestamp,
}

/// Ratings a member received, newest first.
pub async fn reviews_of(
    pool: &Reads,
    member: MemberId,
    limit: i64,
) -> Result<Vec<Review>, StoreError> {
    let rows: Vec<(i64, String, String, i64)> = sql::query_as(
        "SELECT r.stars, r.comment, m.display_name, r.created_at_ms FROM ratings r JOIN members m ON m.id = r.rater_id \
         WHERE r.ratee_id = $1 ORDER BY r.created_at_ms DESC, r.request_id LIMIT $2",
    )
    .bind(member.to_string())
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(stars, comment, by, at)| Review {
            stars,
            comment,
            by,
            at: Timestamp(at),
        })
        .collect())
}

/// Services a provider offers (all statuses), newest first.
pub async fn list_for_provider(
    pool: &Reads,
    provider: MemberId,
) -> Result<Vec<ServiceSummary>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM services s JOIN members m ON m.id = s.provider_id \
         WHERE s.provider_id = $1 ORDER BY s.created_at_ms DESC, s.id"
    );
    let rows: Vec<Row> = sql::query_as(&sql)
        .bind(provider.to_string())
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(to_summary).collect()
}

/// Edits a service of `provider`'s. False when there is no such service of theirs.
pub async fn update(
    conn: &mut WriteTx,
    provider: MemberId,
    id: ServiceId,
    fields: &ServiceFields,
) -> Result<bool, StoreError> {
    let r = sql::query(
        "UPDATE services SET title = $1, description = $2, category = $3, response_window_hours = $4 \
         WHERE id = $5 AND provider_id = $6 AND status <> 'retired'",
    )
    .bind(&fields.title)
    .bind(&fields.description)
    .bind(&fields.category)
    .bind(fields.response_window_hours)
    .bind(id.to_string())
    .bind(provider.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Pauses, resumes or retires a service of `provider`'s (retired is final).
pub async fn set_status(
    conn: &mut WriteTx,
    provider: MemberId,
    id: ServiceId,
    status: ServiceStatus,
) -> Result<bool, StoreError> {
    let r = sql::query("UPDATE services SET status = $1 WHERE id = $2 AND provider_id = $3 AND status <> 'retired'")
        .bind(status.as_str())
        .bind(id.to_string())
        .bind(provider.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected() == 1)
}
