//! The outbox's rows: I/O only. Rows are queued inside the caller's transaction; the
//! sender leases, sends and settles them.

use crate::i18n::{Lang, Zone};
use crate::server::group_commit::WriteTx;
use crate::server::sql;
use crate::server::sql::Reads;

use super::{next_digest_at, DigestItem, EmailMode, Mail, Outbox};
use crate::domain::ids::RequestId;
use crate::domain::{MemberId, Timestamp};
use crate::lifecycle::Notice;
use crate::server::db::{Backend, Db};
use crate::server::StoreError;

/// After this many attempts a message is given up as failed (and counts on the dashboard).
pub const MAX_ATTEMPTS: i64 = 8;

/// One notification to queue as e-mail.
pub struct NoticeMail<'a> {
    pub member: MemberId,
    pub request_id: Option<RequestId>,
    pub notice: &'a Notice,
    pub at: Timestamp,
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))
}

fn params(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

struct Row {
    member: String,
    to: String,
    mail: Mail,
    request_id: Option<String>,
    digest: bool,
    next_attempt_ms: i64,
    at: i64,
}

async fn insert_rows(conn: &mut WriteTx, rows: Vec<Row>) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    const COLUMNS: usize = 10;
    let values: Vec<String> = (0..rows.len())
        .map(|r| format!("({}, 'waiting')", params(r * COLUMNS + 1, COLUMNS)))
        .collect();
    let sql = format!(
        "INSERT INTO outbox (id, member_id, to_address, kind, mail, request_id, digest, next_attempt_ms, \
         created_at_ms, attempts, status) VALUES {}",
        values.join(", ")
    );
    let mut q = sql::query(&sql);
    for r in rows {
        q = q
            .bind(crate::domain::ids::time_ordered().to_string())
            .bind(r.member)
            .bind(r.to)
            .bind(r.mail.kind())
            .bind(json(&r.mail)?)
            .bind(r.request_id)
            .bind(i64::from(r.digest))
            .bind(r.next_attempt_ms)
            .bind(r.at)
            .bind(0_i64);
    }
    q.execute(&mut *conn).await?;
    Ok(())
}

/// Queues `notes` as e-mail, in the caller's transaction, for the members who want it:
/// active, with a verified address, and an e-mail mode other than off; a digest member's
/// rows wait for the next digest hour.
pub async fn queue_notices(
    conn: &mut WriteTx,
    outbox: Outbox,
    notes: &[NoticeMail<'_>],
) -> Result<(), StoreError> {
    let Outbox::On { digest_hour_utc } = outbox else {
        return Ok(());
    };
    if notes.is_empty() {
        return Ok(());
    }
    let mut ids: Vec<String> = notes.iter().map(|n| n.member.to_string()).collect();
    ids.sort();
    ids.dedup();
    let sql = format!(
        "SELECT id, email, email_mode FROM members WHERE id IN ({}) AND active = 1 \
         AND email_verified_at_ms IS NOT NULL",
        params(1, ids.len())
    );
    let mut q = sql::query_as::<(String, String, String)>(&sql);
    for id in &ids {
        q = q.bind(id);
    }
    let wanting: Vec<(String, String, String)> = q.fetch_all(&mut *conn).await?;
    let mut rows = Vec::new();
    for n in notes {
        let member = n.member.to_string();
        let Some((_, email, mode)) = wanting.iter().find(|(id, ..)| *id == member) else {
            continue;
        };
        let (digest, next) = match EmailMode::parse(mode) {
            Some(EmailMode::Immediate) => (false, n.at),
            Some(EmailMode::Digest) => (true, next_digest_at(n.at, digest_hour_utc)),
            Some(EmailMode::Off) | None => continue,
        };
        rows.push(Row {
            member,
            to: email.clone(),
            mail: Mail::Notice {
                notice: n.notice.clone(),
                request_id: n.request_id,
            },
            request_id: n.request_id.map(|r| r.to_string()),
            digest,
            next_attempt_ms: next.0,
            at: n.at.0,
        });
    }
    insert_rows(conn, rows).await
}

/// Queues a message about the account itself (a verification or a password reset) to
/// `to`, whatever the member's e-mail mode, verified or not.
pub async fn queue_account_mail(
    conn: &mut WriteTx,
    member: MemberId,
    to: &str,
    mail: Mail,
    now: Timestamp,
) -> Result<(), StoreError> {
    insert_rows(
        conn,
        vec![Row {
            member: member.to_string(),
            to: to.to_owned(),
            mail,
            request_id: None,
            digest: false,
            next_attempt_ms: now.0,
            at: now.0,
        }],
    )
    .await
}

/// A row leased for sending.
#[derive(Clone, Debug)]
pub struct Leased {
    pub id: String,
    pub member: MemberId,
    pub to: String,
    pub mail: Mail,
    /// This attempt's number (1 for the first).
    pub attempt: i64,
}

/// Leases up to `limit` due rows until `lease_until` (a sender that dies with them lets
/// the lease run out, and another takes them: same row, same Message-ID). On PostgreSQL
/// `FOR UPDATE SKIP LOCKED`: each row goes to one sender of N.
pub async fn lease_due(
    db: &Db,
    now: Timestamp,
    lease_until: Timestamp,
    limit: i64,
) -> Result<Vec<Leased>, StoreError> {
    let lock = match db.backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE outbox SET lease_until_ms = $1, attempts = attempts + 1 WHERE id IN (\
         SELECT id FROM outbox WHERE status = 'waiting' AND digest = 0 AND next_attempt_ms <= $2 \
         AND (lease_until_ms IS NULL OR lease_until_ms < $2) ORDER BY next_attempt_ms, id LIMIT $3{lock}) \
         RETURNING id, member_id, to_address, mail, attempts"
    );
    let mut tx = db.begin_write().await?;
    let rows: Vec<(String, String, String, String, i64)> = sql::query_as(&sql)
        .bind(lease_until.0)
        .bind(now.0)
        .bind(limit)
        .fetch_all(&mut tx)
        .await?;
    tx.commit().await?;
    rows.into_iter()
        .map(|(id, member, to, mail, attempt)| {
            Ok(Leased {
                member: member
                    .parse()
                    .map_err(|_| StoreError::Corrupt(format!("member id {member:?}")))?,
                mail: serde_json::from_str(&mail)
                    .map_err(|e| StoreError::Corrupt(format!("outbox row {id}: {e}")))?,
                id,
                to,
                attempt,
            })
        })
        .collect()
}

/// What the sender checks again before each message: the member's current e-mail mode,
/// whether they are active (an unsubscribe stops what is already queued), and the zone
/// and language their e-mails are written in (None: the bank's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub mode: EmailMode,
    pub active: bool,
    pub zone: Option<Zone>,
    pub lang: Option<Lang>,
}

pub async fn current_mode(pool: &Reads, member: MemberId) -> Result<Option<Recipient>, StoreError> {
    let row: Option<(String, i64, Option<String>, Option<String>)> =
        sql::query_as("SELECT email_mode, active, time_zone, lang FROM members WHERE id = $1")
            .bind(member.to_string())
            .fetch_optional(pool)
            .await?;
    Ok(row.and_then(|(m, active, zone, lang)| {
        EmailMode::parse(&m).map(|mode| Recipient {
            mode,
            active: active == 1,
            zone: zone.as_deref().and_then(Zone::parse),
            lang: lang.as_deref().and_then(Lang::parse),
        })
    }))
}

async fn record_attempt(
    conn: &mut WriteTx,
    id: &str,
    attempt: i64,
    now: Timestamp,
    error: Option<&str>,
) -> Result<(), StoreError> {
    sql::query(
        "INSERT INTO outbox_attempts (outbox_id, attempt, at_ms, error) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(attempt)
    .bind(now.0)
    .bind(error)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The message went out: sent, and stripped of any secret it carried.
pub async fn mark_sent(db: &Db, row: &Leased, now: Timestamp) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    let stripped = row.mail.without_secret().map(|m| json(&m)).transpose()?;
    sql::query(
        "UPDATE outbox SET status = 'sent', sent_at_ms = $1, lease_until_ms = NULL, last_error = NULL, \
         mail = COALESCE($2, mail) WHERE id = $3",
    )
    .bind(now.0)
    .bind(stripped)
    .bind(&row.id)
    .execute(&mut tx)
    .await?;
    record_attempt(&mut tx, &row.id, row.attempt, now, None).await?;
    tx.commit().await?;
    Ok(())
}

/// The attempt failed: try again at `retry_at`, or give up after [`MAX_ATTEMPTS`].
pub async fn mark_failed(
    db: &Db,
    row: &Leased,
    now: Timestamp,
    error: &str,
    retry_at: Timestamp,
) -> Result<(), StoreError> {
    let error: String = error.chars().take(500).collect();
    let status = if row.attempt >= MAX_ATTEMPTS {
        "failed"
    } else {
        "waiting"
    };
    let mut tx = db.begin_write().await?;
    sql::query(
        "UPDATE outbox SET status = $1, next_attempt_ms = $2, lease_until_ms = NULL, last_error = $3 WHERE id = $4",
    )
    .bind(status)
    .bind(retry_at.0)
    .bind(&error)
    .bind(&row.id)
    .execute(&mut tx)
    .await?;
    record_attempt(&mut tx, &row.id, row.attempt, now, Some(&error)).await?;
    tx.commit().await?;
    Ok(())
}

/// Not sent, on purpose (the member turned e-mail off, or left).
pub async fn mark_dropped(db: &Db, id: &str) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    sql::query("UPDATE outbox SET status = 'dropped', lease_until_ms = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Folds every digest row that is due into one message per member; returns how many
/// digests it made. Each member's fold is one transaction: its rows become `folded` only
/// if no other sender folded them first.
pub async fn fold_digests(db: &Db, now: Timestamp) -> Result<usize, StoreError> {
    let members: Vec<(String, String)> = sql::query_as(
        "SELECT member_id, MAX(to_address) FROM outbox WHERE status = 'waiting' AND digest = 1 \
         AND next_attempt_ms <= $1 GROUP BY member_id ORDER BY member_id LIMIT 200",
    )
    .bind(now.0)
    .fetch_all(&db.read)
    .await?;
    let mut made = 0;
    for (member, to) in members {
        let mut tx = db.begin_write().await?;
        let rows: Vec<(String, String, i64)> = sql::query_as(
            "SELECT id, mail, created_at_ms FROM outbox WHERE member_id = $1 AND status = 'waiting' \
             AND digest = 1 AND next_attempt_ms <= $2 ORDER BY created_at_ms, id",
        )
        .bind(&member)
        .bind(now.0)
        .fetch_all(&mut tx)
        .await?;
        let mut items = Vec::new();
        for (id, mail, at) in &rows {
            match serde_json::from_str::<Mail>(mail) {
                Ok(Mail::Notice { notice, request_id }) => items.push(DigestItem {
                    notice,
                    request_id,
                    at: Timestamp(*at),
                }),
                Ok(_) | Err(_) => {
                    tracing::warn!(outbox = %id, "a digest row that is no notice; folded without it")
                }
            }
        }
        let sql = format!(
            "UPDATE outbox SET status = 'folded' WHERE status = 'waiting' AND id IN ({})",
            params(1, rows.len())
        );
        let mut q = sql::query(&sql);
        for (id, ..) in &rows {
            q = q.bind(id);
        }
        if rows.is_empty() || q.execute(&mut tx).await?.rows_affected() != rows.len() as u64 {
            continue; // another sender folded them: roll back
        }
        let member_id: MemberId = member
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("member id {member:?}")))?;
        queue_account_mail_digest(&mut tx, member_id, &to, items, now).await?;
        tx.commit().await?;
        made += 1;
    }
    Ok(made)
}

async fn queue_account_mail_digest(
    conn: &mut WriteTx,
    member: MemberId,
    to: &str,
    items: Vec<DigestItem>,
    now: Timestamp,
) -> Result<(), StoreError> {
    insert_rows(
        conn,
        vec![Row {
            member: member.to_string(),
            to: to.to_owned(),
            mail: Mail::Digest { items },
            request_id: None,
            digest: false,
            next_attempt_ms: now.0,
            at: now.0,
        }],
    )
    .await
}

/// What the dashboard shows of the outbox.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QueueStats {
    /// Waiting to go out (digests waiting for their hour included).
    pub waiting: i64,
    pub sent_since: i64,
    /// Given up, or retrying after a failure.
    pub failing: i64,
    /// The latest errors of failing messages, newest first, with how many share each.
    pub errors: Vec<(String, i64)>,
}

pub async fn queue_stats(pool: &Reads, since: Timestamp) -> Result<QueueStats, StoreError> {
    let (waiting, sent, failing): (i64, i64, i64) = sql::query_as(
        "SELECT \
         CAST(COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN status = 'sent' AND sent_at_ms >= $1 THEN 1 ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN status = 'failed' OR (status = 'waiting' AND last_error IS NOT NULL) THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM outbox",
    )
    .bind(since.0)
    .fetch_one(pool)
    .await?;
    let errors: Vec<(String, i64)> = sql::query_as(
        "SELECT last_error, COUNT(*) FROM outbox WHERE last_error IS NOT NULL \
         AND (status = 'failed' OR status = 'waiting') GROUP BY last_error ORDER BY COUNT(*) DESC LIMIT 5",
    )
    .fetch_all(pool)
    .await?;
    Ok(QueueStats {
        waiting,
        sent_since: sent,
        failing,
        errors,
    })
}
