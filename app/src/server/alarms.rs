//! Operators' alarms, as the design's CloudWatch alarms were: a request whose timer keeps
//! failing, e-mail that keeps failing to go out, a ledger whose conservation check does
//! not balance. An alarm is a row of `alarms`, raised once (every server may notice the
//! same condition: the row's key lets one raise it) and cleared when the condition
//! passes; raising it notifies every active admin — in the app, live on the dashboard,
//! and by e-mail when e-mail is on. `docs/alerts.yml` has the same conditions as
//! Prometheus rules over `/metrics`.

use crate::server::sql::Reads;

use super::sql;

use super::mail::outbox_store;
use super::notifications_store::{self, Note};
use super::{ledger_store, requests_store, AppState, Db, StoreError};
use crate::domain::ids::RequestId;
use crate::domain::{MemberId, Timestamp};
use crate::lifecycle::Notice;

/// Messages still failing after this many attempts raise the e-mail alarm.
pub const MAIL_FAILING_ATTEMPTS: i64 = 3;

pub const KEY_LEDGER: &str = "ledger";
pub const KEY_MAIL: &str = "mail";

pub fn timer_key(id: RequestId) -> String {
    format!("timer:{id}")
}

/// Raises the alarm `key` unless it is raised already; returns the admins it told
/// (none when it was already raised).
pub async fn raise(
    db: &Db,
    now: Timestamp,
    key: &str,
    notice: Notice,
    about: Option<(RequestId, i64)>,
) -> Result<Vec<MemberId>, StoreError> {
    let mut tx = db.begin_write().await?;
    let detail = crate::lifecycle::words::notice(&notice, &crate::i18n::Viewer::default());
    let raised = sql::query(
        "INSERT INTO alarms (key, detail, raised_at_ms) VALUES ($1, $2, $3) \
         ON CONFLICT (key) DO UPDATE SET detail = excluded.detail, raised_at_ms = excluded.raised_at_ms, \
         cleared_at_ms = NULL WHERE alarms.cleared_at_ms IS NOT NULL",
    )
    .bind(key)
    .bind(&detail)
    .bind(now.0)
    .execute(&mut tx)
    .await?
    .rows_affected()
        == 1;
    if !raised {
        return Ok(Vec::new());
    }
    let admins = requests_store::active_admins(&mut tx).await?;
    let notes: Vec<Note> = admins
        .iter()
        .map(|a| Note {
            member: *a,
            request: about,
            notice: notice.clone(),
            at: now,
        })
        .collect();
    notifications_store::insert(&mut tx, db.outbox, &notes).await?;
    tx.commit().await?;
    tracing::warn!(alarm = key, %detail, "alarm raised");
    metrics::counter!("hourbank_alarms_raised_total").increment(1);
    Ok(admins)
}

/// Clears the alarm `key`; true when it was raised.
pub async fn clear(db: &Db, now: Timestamp, key: &str) -> Result<bool, StoreError> {
    let mut tx = db.begin_write().await?;
    let r =
        sql::query("UPDATE alarms SET cleared_at_ms = $1 WHERE key = $2 AND cleared_at_ms IS NULL")
            .bind(now.0)
            .bind(key)
            .execute(&mut tx)
            .await?;
    tx.commit().await?;
    Ok(r.rows_affected() == 1)
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpenAlarm {
    pub key: String,
    pub detail: String,
    pub raised_at: Timestamp,
}

/// The alarms raised and not cleared, oldest first.
pub async fn open(pool: &Reads) -> Result<Vec<OpenAlarm>, StoreError> {
    let rows: Vec<(String, String, i64)> = sql::query_as(
        "SELECT key, detail, raised_at_ms FROM alarms WHERE cleared_at_ms IS NULL ORDER BY raised_at_ms, key",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(key, detail, at)| OpenAlarm {
            key,
            detail,
            raised_at: Timestamp(at),
        })
        .collect())
}

/// One look at the bank's health: the ledger's conservation and the outbox, raising or
/// clearing their alarms, and the gauges `/metrics` shows. Returns the admins told.
pub async fn watch_once(state: &AppState) -> Result<Vec<MemberId>, StoreError> {
    let now = state.clock.now();
    let db = &state.db;
    let mut told = Vec::new();
    let c = ledger_store::conservation(&db.read).await?;
    let mut tx = db.begin_write().await?;
    ledger_store::record_check(&mut tx, &c, now).await?;
    tx.commit().await?;
    metrics::gauge!("hourbank_conservation_ok").set(if c.holds() { 1.0 } else { 0.0 });
    if c.holds() {
        clear(db, now, KEY_LEDGER).await?;
    } else {
        let detail = format!(
            "sum of balances {} min, {} accounts differ from their entries, {} negative, {} unbalanced transfers",
            c.total, c.mismatched_accounts, c.negative_accounts, c.unbalanced_transfers
        );
        told.extend(
            raise(
                db,
                now,
                KEY_LEDGER,
                Notice::LedgerUnbalanced { detail },
                None,
            )
            .await?,
        );
    }
    let flagged: i64 = sql::query_scalar("SELECT COUNT(*) FROM requests WHERE needs_attention = 1")
        .fetch_one(&db.read)
        .await?;
    metrics::gauge!("hourbank_requests_needing_attention").set(flagged as f64);
    if state.config.mail.is_some() {
        let q = outbox_store::queue_stats(&db.read, Timestamp(now.0 - 86_400_000)).await?;
        metrics::gauge!("hourbank_outbox_waiting").set(q.waiting as f64);
        metrics::gauge!("hourbank_outbox_failing").set(q.failing as f64);
        let stuck: i64 = sql::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE status = 'failed' \
             OR (status = 'waiting' AND attempts >= $1 AND last_error IS NOT NULL)",
        )
        .bind(MAIL_FAILING_ATTEMPTS)
        .fetch_one(&db.read)
        .await?;
        if stuck == 0 {
            clear(db, now, KEY_MAIL).await?;
        } else {
            let error = q.errors.first().map(|(e, _)| e.clone()).unwrap_or_default();
            told.extend(
                raise(
                    db,
                    now,
                    KEY_MAIL,
                    Notice::MailFailing {
                        failing: stuck,
                        error,
                    },
                    None,
                )
                .await?,
            );
        }
    }
    let open_alarms = open(&db.read).await?.len();
    metrics::gauge!("hourbank_alarms_open").set(open_alarms as f64);
    Ok(told)
}

/// Watches every `interval` until the process ends.
pub fn spawn_watch(state: AppState, interval: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match watch_once(&state).await {
                Ok(told) => state.live.changed(told),
                Err(e) => tracing::error!(error = %e, "health watch failed"),
            }
            tokio::time::sleep(interval).await;
        }
    })
}
