//! Services: I/O only.

use sqlx::{AnyConnection, AnyPool};

use super::StoreError;
use crate::domain::service::{ServiceFields, ServiceStatus, ServiceSummary};
use crate::domain::{MemberId, ServiceId, Timestamp};

pub async fn insert(
    conn: &mut AnyConnection,
    provider: MemberId,
    fields: &ServiceFields,
    now: Timestamp,
) -> Result<ServiceId, StoreError> {
    let id = ServiceId::new_random();
    sqlx::query(
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

type Row = (String, String, String, String, String, String, i64, String);

fn to_summary(r: Row) -> Result<ServiceSummary, StoreError> {
    let (id, provider_id, provider_name, title, description, category, window, status) = r;
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
    })
}

/// Active services of active providers, newest first, at most `limit`.
pub async fn list_active(pool: &AnyPool, limit: i64) -> Result<Vec<ServiceSummary>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.id, s.provider_id, m.display_name, s.title, s.description, s.category, s.response_window_hours, s.status \
         FROM services s JOIN members m ON m.id = s.provider_id \
         WHERE s.status = 'active' AND m.active = 1 ORDER BY s.created_at_ms DESC, s.id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(to_summary).collect()
}

/// Services a provider offers (all statuses), newest first.
pub async fn list_for_provider(
    pool: &AnyPool,
    provider: MemberId,
) -> Result<Vec<ServiceSummary>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.id, s.provider_id, m.display_name, s.title, s.description, s.category, s.response_window_hours, s.status \
         FROM services s JOIN members m ON m.id = s.provider_id WHERE s.provider_id = $1 ORDER BY s.created_at_ms DESC, s.id",
    )
    .bind(provider.to_string())
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(to_summary).collect()
}

/// Edits a service of `provider`'s. False when there is no such service of theirs.
pub async fn update(
    conn: &mut AnyConnection,
    provider: MemberId,
    id: ServiceId,
    fields: &ServiceFields,
) -> Result<bool, StoreError> {
    let r = sqlx::query(
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
    conn: &mut AnyConnection,
    provider: MemberId,
    id: ServiceId,
    status: ServiceStatus,
) -> Result<bool, StoreError> {
    let r = sqlx::query("UPDATE services SET status = $1 WHERE id = $2 AND provider_id = $3 AND status <> 'retired'")
        .bind(status.as_str())
        .bind(id.to_string())
        .bind(provider.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected() == 1)
}
