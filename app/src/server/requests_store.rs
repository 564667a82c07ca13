//! Requests, their history, holds, notifications, disputes and ratings: I/O only.
//! Every function runs inside the caller's transaction (`&mut WriteTx`).

use crate::server::group_commit::WriteTx;
use crate::server::sql;
use crate::server::sql::Reads;

use super::counts_store;
use super::mail::Outbox;
use super::multi_row;
use super::notifications_store::{self, Note};
use super::StoreError;
use crate::domain::ids::{RequestId, ServiceId};
use crate::domain::{MemberId, Minutes, Timestamp};
use crate::lifecycle::checks::{ServiceFacts, ValidationFacts};
use crate::lifecycle::definition::cancelled_by_deactivation;
use crate::lifecycle::machine::{reminder_at, Actor, DisputeOutcome, Event};
use crate::lifecycle::replay::RecordedEvent;
use crate::lifecycle::request::Party;
use crate::lifecycle::{Notice, Request, State};

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))
}

fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    serde_json::from_str(s)
        .map_err(|e| StoreError::Corrupt(format!("cannot read stored JSON: {e}")))
}

fn state_list(states: &[State]) -> String {
    states
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn non_terminal_list() -> String {
    state_list(&State::open().collect::<Vec<_>>())
}

pub async fn insert(conn: &mut WriteTx, req: &Request) -> Result<(), StoreError> {
    sql::query(
        "INSERT INTO requests (id, service_id, requester_id, provider_id, state, version, deadline_at_ms, data, \
         created_at_ms, updated_at_ms, remind_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(req.id.to_string())
    .bind(req.service_id.to_string())
    .bind(req.requester.to_string())
    .bind(req.provider.map(|p| p.to_string()))
    .bind(req.state.as_str())
    .bind(req.version)
    .bind(req.deadline.map(|d| d.0))
    .bind(to_json(req)?)
    .bind(req.created_at.0)
    .bind(req.updated_at.0)
    .bind(reminder_at(req).map(|t| t.0))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Loads a request. On PostgreSQL the version check in [`update`] settles races.
pub async fn load(conn: &mut WriteTx, id: RequestId) -> Result<Request, StoreError> {
    let data: Option<String> = sql::query_scalar("SELECT data FROM requests WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    from_json(&data.ok_or(StoreError::NotFound("request"))?)
}

pub async fn get(pool: &Reads, id: RequestId) -> Result<Request, StoreError> {
    let data: Option<String> = sql::query_scalar("SELECT data FROM requests WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(pool)
        .await?;
    from_json(&data.ok_or(StoreError::NotFound("request"))?)
}

/// Writes `next` only if the stored version is still `expected_version`.
/// Returns false when another transaction changed the request first.
pub async fn update(
    conn: &mut WriteTx,
    next: &Request,
    expected_version: i64,
) -> Result<bool, StoreError> {
    Ok(update_many(conn, &[(next, expected_version)]).await?.len() == 1)
}

/// Loads many requests in as few statements as the parameter limits allow (the sweeper's
/// batches). Ids with no row are left out.
pub async fn load_many(conn: &mut WriteTx, ids: &[RequestId]) -> Result<Vec<Request>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    let style = multi_row::Style::of(conn);
    for chunk in ids.chunks(multi_row::rows_per_statement(1)) {
        let sql = format!(
            "SELECT data FROM requests WHERE id IN ({})",
            multi_row::list(style, 1, chunk.len())
        );
        let mut q = sql::query_scalar::<String>(&sql);
        for id in chunk {
            q = q.bind(id.to_string());
        }
        for data in q.fetch_all(&mut *conn).await? {
            out.push(from_json(&data)?);
        }
    }
    Ok(out)
}

/// [`update`] for many requests, one statement per chunk: writes each `(next,
/// expected_version)` whose stored version is still the expected one, and returns the
/// ids it wrote (the others changed first: nothing is written for them).
pub async fn update_many(
    conn: &mut WriteTx,
    rows: &[(&Request, i64)],
) -> Result<Vec<RequestId>, StoreError> {
    const TYPES: [Option<&str>; 8] = [
        Some("TEXT"),
        Some("TEXT"),
        Some("BIGINT"),
        Some("BIGINT"),
        Some("TEXT"),
        Some("BIGINT"),
        Some("BIGINT"),
        Some("BIGINT"),
    ];
    let mut won = Vec::with_capacity(rows.len());
    let style = multi_row::Style::of(conn);
    for chunk in rows.chunks(multi_row::rows_per_statement(TYPES.len())) {
        let sql = format!(
            "UPDATE requests SET state = v.column2, version = v.column3, deadline_at_ms = v.column4, \
             data = v.column5, updated_at_ms = v.column6, needs_attention = 0, attention_error = NULL, \
             remind_at_ms = v.column7 FROM (VALUES {}) AS v \
             WHERE requests.id = v.column1 AND requests.version = v.column8 RETURNING requests.id",
            multi_row::typed_placeholders(style, &TYPES, chunk.len())
        );
        let mut q = sql::query_scalar::<String>(&sql);
        for (next, expected) in chunk {
            q = q
                .bind(next.id.to_string())
                .bind(next.state.as_str())
                .bind(next.version)
                .bind(next.deadline.map(|d| d.0))
                .bind(to_json(*next)?)
                .bind(next.updated_at.0)
                .bind(reminder_at(next).map(|t| t.0))
                .bind(*expected);
        }
        for id in q.fetch_all(&mut *conn).await? {
            won.push(
                id.parse()
                    .map_err(|_| StoreError::Corrupt(format!("request id {id:?}")))?,
            );
        }
    }
    Ok(won)
}

/// A transaction's writes to a request: the first transition claims the row (the
/// version-checked UPDATE, before any effect is applied, so a lost race changes nothing);
/// the system's automatic transitions that follow are written once at the end, with every
/// history row and every notification in one INSERT per table. Fewer statements per
/// transaction is what makes the write path fast: each costs a round trip to PostgreSQL,
/// and on SQLite its own pass through SQLite (prepared, bound, stepped, reset).
#[derive(Default, Debug)]
pub struct PendingWrites {
    /// The version this transaction has written to the row, once it has.
    claimed: Option<i64>,
    events: Vec<EventRow>,
    notes: Vec<Note>,
    /// Everyone notified by this transaction (for live updates).
    told: Vec<MemberId>,
    /// Whether notifications are also queued as e-mail.
    outbox: Outbox,
}

#[derive(Debug)]
struct EventRow {
    request_id: String,
    seq: i64,
    from: Option<&'static str>,
    to: &'static str,
    event_kind: &'static str,
    actor_kind: &'static str,
    actor_id: Option<String>,
    actor: String,
    payload: String,
    at: i64,
}

impl PendingWrites {
    /// Writes for a transaction on `db` (its outbox setting decides whether notifications
    /// are e-mailed too).
    pub fn for_db(db: &super::Db) -> PendingWrites {
        PendingWrites {
            outbox: db.outbox,
            ..PendingWrites::default()
        }
    }

    /// Who this transaction has notified so far.
    pub fn notified(&self) -> &[MemberId] {
        &self.told
    }

    /// Records `event` taking the request from `from` to `next` (its history row).
    pub fn event(
        &mut self,
        from: Option<State>,
        next: &Request,
        event: &Event,
        actor: &Actor,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        self.events.push(EventRow {
            request_id: next.id.to_string(),
            seq: next.version,
            from: from.map(|s| s.as_str()),
            to: next.state.as_str(),
            event_kind: event.kind().as_str(),
            actor_kind: match actor {
                Actor::Member(_) => "member",
                Actor::Admin(_) => "admin",
                Actor::Timer => "timer",
                Actor::System => "system",
            },
            actor_id: actor.member_id().map(|m| m.to_string()),
            actor: to_json(actor)?,
            payload: to_json(event)?,
            at: at.0,
        });
        Ok(())
    }

    /// Queues a notification for `member` about `req` as it is now.
    pub fn notify(
        &mut self,
        member: MemberId,
        req: &Request,
        notice: &Notice,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.told.push(member);
        self.notes.push(Note {
            member,
            request: Some((req.id, req.version)),
            notice: notice.clone(),
            at: now,
        });
        Ok(())
    }

    /// The first transition of the transaction writes `next` if the stored version is
    /// still `expected_version`; false means someone changed it first (nothing written).
    /// Later transitions in the same transaction are written by [`PendingWrites::finish`].
    pub async fn claim(
        &mut self,
        conn: &mut WriteTx,
        next: &Request,
        expected_version: i64,
    ) -> Result<bool, StoreError> {
        if self.claimed.is_some() {
            return Ok(true);
        }
        let won = update(conn, next, expected_version).await?;
        if won {
            self.claimed = Some(next.version);
        }
        Ok(won)
    }

    /// The row was just inserted at `version` by this transaction.
    pub fn inserted(&mut self, version: i64) {
        self.claimed = Some(version);
    }

    /// Writes the request as it ends up (if automatic steps moved it past the claimed
    /// version), then every queued row.
    pub async fn finish(&mut self, conn: &mut WriteTx, req: &Request) -> Result<(), StoreError> {
        let claimed = self.claimed.ok_or_else(|| {
            StoreError::Corrupt("a transition was written without its claim".into())
        })?;
        if claimed != req.version {
            if !update(conn, req, claimed).await? {
                return Err(StoreError::Corrupt(format!(
                    "request {} changed under this transaction's claim",
                    req.id
                )));
            }
            self.claimed = Some(req.version);
        }
        self.flush(conn).await
    }

    /// Writes the queued history rows and notifications (as few statements as the
    /// databases' parameter limits allow: one for a single action's).
    pub async fn flush(&mut self, conn: &mut WriteTx) -> Result<(), StoreError> {
        const COLUMNS: usize = 10;
        let events = std::mem::take(&mut self.events);
        let style = multi_row::Style::of(conn);
        for chunk in events.chunks(multi_row::rows_per_statement(COLUMNS)) {
            let sql = multi_row::insert(
                style,
                "request_events (request_id, seq, from_state, to_state, event, actor_kind, actor_id, actor, payload, at_ms)",
                COLUMNS,
                chunk.len(),
            );
            let mut q = sql::query(&sql);
            for e in chunk {
                q = q
                    .bind(e.request_id.as_str())
                    .bind(e.seq)
                    .bind(e.from)
                    .bind(e.to)
                    .bind(e.event_kind)
                    .bind(e.actor_kind)
                    .bind(e.actor_id.as_deref())
                    .bind(e.actor.as_str())
                    .bind(e.payload.as_str())
                    .bind(e.at);
            }
            q.execute(&mut *conn).await?;
        }
        let counted: Vec<counts_store::Counted> = events
            .iter()
            .map(|e| counts_store::Counted {
                request_id: &e.request_id,
                from: e.from,
                to: e.to,
                event: e.event_kind,
                at_ms: e.at,
            })
            .collect();
        counts_store::count(conn, &counted).await?;
        let notes = std::mem::take(&mut self.notes);
        notifications_store::insert(conn, self.outbox, &notes).await
    }
}

/// A request's history in order.
pub async fn history(pool: &Reads, id: RequestId) -> Result<Vec<HistoryRow>, StoreError> {
    let rows: Vec<(i64, Option<String>, String, String, String, i64)> = sql::query_as(
        "SELECT seq, from_state, to_state, actor, payload, at_ms FROM request_events WHERE request_id = $1 ORDER BY seq",
    )
    .bind(id.to_string())
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(seq, from, to, actor, payload, at)| {
            history_row(seq, from.as_deref(), &to, &actor, &payload, at)
        })
        .collect()
}

/// One stored history row, read back.
fn history_row(
    seq: i64,
    from: Option<&str>,
    to: &str,
    actor: &str,
    payload: &str,
    at_ms: i64,
) -> Result<HistoryRow, StoreError> {
    Ok(HistoryRow {
        from: from.and_then(State::parse),
        to: State::parse(to).ok_or_else(|| StoreError::Corrupt(format!("state {to:?}")))?,
        recorded: RecordedEvent {
            seq,
            event: from_json(payload)?,
            actor: from_json(actor)?,
            at: Timestamp(at_ms),
        },
    })
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HistoryRow {
    pub from: Option<State>,
    pub to: State,
    pub recorded: RecordedEvent,
}

// ---- validation facts ----

pub struct ServiceRow {
    pub provider: MemberId,
    pub active: bool,
    pub provider_active: bool,
    pub response_window_hours: i64,
}

pub async fn service_for_request(
    conn: &mut WriteTx,
    service: ServiceId,
) -> Result<Option<ServiceRow>, StoreError> {
    let row: Option<(String, String, i64, i64)> = sql::query_as(
        "SELECT s.provider_id, s.status, s.response_window_hours, m.active FROM services s \
         JOIN members m ON m.id = s.provider_id WHERE s.id = $1",
    )
    .bind(service.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(provider, status, window, active)| {
        Ok(ServiceRow {
            provider: provider
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("member id {provider:?}")))?,
            active: status == "active",
            provider_active: active == 1,
            response_window_hours: window,
        })
    })
    .transpose()
}

pub async fn validation_facts(
    conn: &mut WriteTx,
    req: &Request,
    service: Option<&ServiceRow>,
) -> Result<ValidationFacts, StoreError> {
    let member: Option<(i64, Option<i64>)> = sql::query_as(
        "SELECT m.active, a.available_minutes FROM members m \
         LEFT JOIN ledger_accounts a ON a.id = m.id WHERE m.id = $1",
    )
    .bind(req.requester.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let requester_active = member.map(|(active, _)| active);
    let available = member.and_then(|(_, available)| available);
    let sql = format!(
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN service_id = $3 THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM requests WHERE requester_id = $1 AND id <> $2 AND state IN ({})",
        non_terminal_list()
    );
    let (open_total, open_for_service): (i64, i64) = sql::query_as(&sql)
        .bind(req.requester.to_string())
        .bind(req.id.to_string())
        .bind(req.service_id.to_string())
        .fetch_one(&mut *conn)
        .await?;
    Ok(ValidationFacts {
        requester_active: requester_active == Some(1),
        service: service.map(|s| ServiceFacts {
            active: s.active,
            provider: s.provider,
            provider_active: s.provider_active,
        }),
        available: Minutes(available.unwrap_or(0)),
        open_for_service,
        open_total,
    })
}

// ---- holds ----

pub async fn insert_hold(
    conn: &mut WriteTx,
    req: &Request,
    amount: Minutes,
    now: Timestamp,
) -> Result<(), StoreError> {
    sql::query(
        "INSERT INTO holds (request_id, payer_id, payee_id, amount_minutes, status, created_at_ms) VALUES ($1, $2, $3, $4, 'pending', $5)",
    )
    .bind(req.id.to_string())
    .bind(req.requester.to_string())
    .bind(req.provider.map(|p| p.to_string()))
    .bind(amount.0)
    .bind(now.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Changes a pending hold's amount; fails unless it is pending at `from`.
pub async fn adjust_hold(
    conn: &mut WriteTx,
    id: RequestId,
    from: Minutes,
    to: Minutes,
) -> Result<(), StoreError> {
    let r = sql::query(
        "UPDATE holds SET amount_minutes = $1 WHERE request_id = $2 AND status = 'pending' AND amount_minutes = $3",
    )
    .bind(to.0)
    .bind(id.to_string())
    .bind(from.0)
    .execute(&mut *conn)
    .await?;
    if r.rows_affected() != 1 {
        return Err(StoreError::HoldNotPending);
    }
    Ok(())
}

/// Resolves a pending hold exactly once: a second post/void finds no pending row and fails.
pub async fn resolve_hold(
    conn: &mut WriteTx,
    id: RequestId,
    status: &str,
    posted: Minutes,
    voided: Minutes,
    now: Timestamp,
) -> Result<(), StoreError> {
    let hold = HoldResolution {
        request: id,
        status,
        posted,
        voided,
    };
    resolve_holds(conn, &[hold], now).await
}

/// One hold resolution of a batch: the request, its new status, and how it is split.
#[derive(Clone, Copy, Debug)]
pub struct HoldResolution<'a> {
    pub request: RequestId,
    pub status: &'a str,
    pub posted: Minutes,
    pub voided: Minutes,
}

/// [`resolve_hold`] for many holds, one statement per chunk; fails unless every one of
/// them was pending at exactly `posted + voided` (each resolved once: a hold listed twice,
/// or already resolved, fails the whole batch).
pub async fn resolve_holds(
    conn: &mut WriteTx,
    holds: &[HoldResolution<'_>],
    now: Timestamp,
) -> Result<(), StoreError> {
    const TYPES: [Option<&str>; 5] = [
        Some("TEXT"),
        Some("TEXT"),
        Some("BIGINT"),
        Some("BIGINT"),
        Some("BIGINT"),
    ];
    let style = multi_row::Style::of(conn);
    for chunk in holds.chunks(multi_row::rows_per_statement(TYPES.len())) {
        let sql = format!(
            "UPDATE holds SET status = v.column2, posted_minutes = v.column3, voided_minutes = v.column4, \
             resolved_at_ms = v.column5 FROM (VALUES {}) AS v WHERE holds.request_id = v.column1 \
             AND holds.status = 'pending' AND holds.amount_minutes = v.column3 + v.column4",
            multi_row::typed_placeholders(style, &TYPES, chunk.len())
        );
        let mut q = sql::query(&sql);
        for h in chunk {
            q = q
                .bind(h.request.to_string())
                .bind(h.status)
                .bind(h.posted.0)
                .bind(h.voided.0)
                .bind(now.0);
        }
        let r = q.execute(&mut *conn).await?;
        if r.rows_affected() != chunk.len() as u64 {
            return Err(StoreError::HoldNotPending);
        }
    }
    Ok(())
}

// ---- notifications ----

/// Notifies `member` about `req` as it is now (and e-mails them, when `outbox` is on).
pub async fn notify(
    conn: &mut WriteTx,
    outbox: Outbox,
    member: MemberId,
    req: &Request,
    notice: &Notice,
    now: Timestamp,
) -> Result<(), StoreError> {
    let note = Note {
        member,
        request: Some((req.id, req.version)),
        notice: notice.clone(),
        at: now,
    };
    notifications_store::insert(conn, outbox, &[note]).await
}

pub async fn active_admins(conn: &mut WriteTx) -> Result<Vec<MemberId>, StoreError> {
    let ids: Vec<String> =
        sql::query_scalar("SELECT id FROM members WHERE role = 'admin' AND active = 1 ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    ids.into_iter()
        .map(|s| {
            s.parse()
                .map_err(|_| StoreError::Corrupt(format!("member id {s:?}")))
        })
        .collect()
}

// ---- disputes ----

pub async fn open_dispute(
    conn: &mut WriteTx,
    req: &Request,
    raised_by: Party,
    reason: &str,
    paused: State,
    now: Timestamp,
) -> Result<(), StoreError> {
    sql::query(
        "INSERT INTO disputes (request_id, opened_seq, raised_by, reason, paused_state, opened_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(req.id.to_string())
    .bind(req.version)
    .bind(match raised_by {
        Party::Requester => "requester",
        Party::Provider => "provider",
    })
    .bind(reason)
    .bind(paused.as_str())
    .bind(now.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn close_dispute(
    conn: &mut WriteTx,
    id: RequestId,
    outcome: DisputeOutcome,
    admin: Option<MemberId>,
    note: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let outcome = match outcome {
        DisputeOutcome::Resumed => "resumed",
        DisputeOutcome::PaidProvider => "paid_provider",
        DisputeOutcome::Refunded => "refunded",
        DisputeOutcome::Split => "split",
    };
    let r = sql::query(
        "UPDATE disputes SET outcome = $1, resolved_by = $2, note = $3, resolved_at_ms = $4 \
         WHERE request_id = $5 AND outcome IS NULL",
    )
    .bind(outcome)
    .bind(admin.map(|a| a.to_string()))
    .bind(note)
    .bind(now.0)
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?;
    if r.rows_affected() != 1 {
        return Err(StoreError::Corrupt("no open dispute to close".into()));
    }
    Ok(())
}

// ---- deadlines and attention ----

/// A due deadline: the request, when it fell due, and who pays for it (the sweeper
/// spreads concurrent batches by payer so they seldom wait on each other's accounts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub id: RequestId,
    pub deadline: Timestamp,
    pub requester: MemberId,
}

/// Requests whose deadline has passed, oldest first, at most `limit`.
pub async fn due(pool: &Reads, now: Timestamp, limit: i64) -> Result<Vec<Due>, StoreError> {
    let rows: Vec<(String, i64, String)> = sql::query_as(
        "SELECT id, deadline_at_ms, requester_id FROM requests \
         WHERE deadline_at_ms IS NOT NULL AND deadline_at_ms <= $1 AND needs_attention = 0 \
         ORDER BY deadline_at_ms, id LIMIT $2",
    )
    .bind(now.0)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, d, requester)| {
            Ok(Due {
                id: id
                    .parse()
                    .map_err(|_| StoreError::Corrupt(format!("request id {id:?}")))?,
                deadline: Timestamp(d),
                requester: requester
                    .parse()
                    .map_err(|_| StoreError::Corrupt(format!("member id {requester:?}")))?,
            })
        })
        .collect()
}

/// Whether [`lock_with_parties`] waits for rows another transaction holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockWait {
    /// Leave rows someone holds (the sweeper: a request a member is acting on this
    /// instant is left for the next sweep).
    SkipLocked,
    /// Wait for them (deactivating a member must cancel every open request).
    Wait,
}

/// PostgreSQL only (SQLite has one writer and no row locks): locks the rows of `ids`
/// in ascending id order, then the ledger accounts the caller will write in ascending id
/// order — the order every ledger write takes (`ledger_store::apply`) — so a transaction
/// that touches many requests (a sweeper batch, a deactivation) never deadlocks with
/// members' actions or another sweeper. Without it a batch of 100 firings took accounts
/// in request order, and PostgreSQL only notices a deadlock after a second.
///
/// The accounts locked are every requester's (refunds and payments come out of them)
/// and the provider's of the requests in `paying_states` (a payment goes to them), read
/// after the requests are locked, so their states cannot change meanwhile. Locking only
/// those keeps batches of refunds by different requesters from waiting on one provider.
/// Returns the ids it locked (with [`LockWait::SkipLocked`], those no one else held).
pub async fn lock_with_parties(
    conn: &mut WriteTx,
    ids: &[RequestId],
    wait: LockWait,
    paying_states: &[State],
) -> Result<Vec<RequestId>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = |n: usize| {
        (1..=n)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // NO KEY UPDATE: excludes other writers of these rows, yet lets inserts that only
    // reference them (history, notifications, ledger entries) through.
    let sql = format!(
        "SELECT id FROM requests WHERE id IN ({}) ORDER BY id COLLATE \"C\" FOR NO KEY UPDATE{}",
        list(ids.len()),
        match wait {
            LockWait::SkipLocked => " SKIP LOCKED",
            LockWait::Wait => "",
        }
    );
    let mut q = sql::query_scalar::<String>(&sql);
    for id in ids {
        q = q.bind(id.to_string());
    }
    let locked: Vec<String> = q.fetch_all(&mut *conn).await?;
    if !locked.is_empty() {
        let l = list(locked.len());
        let payees = if paying_states.is_empty() {
            String::new()
        } else {
            format!(
                " UNION SELECT provider_id FROM requests WHERE id IN ({l}) \
                 AND provider_id IS NOT NULL AND state IN ({})",
                state_list(paying_states)
            )
        };
        let sql = format!(
            "SELECT id FROM ledger_accounts WHERE id IN \
             (SELECT requester_id FROM requests WHERE id IN ({l}){payees}) \
             ORDER BY id COLLATE \"C\" FOR NO KEY UPDATE"
        );
        let mut q = sql::query_scalar::<String>(&sql);
        for id in &locked {
            q = q.bind(id.as_str());
        }
        q.fetch_all(&mut *conn).await?;
    }
    locked
        .iter()
        .map(|id| {
            id.parse()
                .map_err(|_| StoreError::Corrupt(format!("request id {id:?}")))
        })
        .collect()
}

/// Requests whose reminder is due, with the version it is due for, at most `limit`.
pub async fn reminders_due(
    pool: &Reads,
    now: Timestamp,
    limit: i64,
) -> Result<Vec<(RequestId, i64)>, StoreError> {
    let rows: Vec<(String, i64)> = sql::query_as(
        "SELECT id, version FROM requests WHERE remind_at_ms <= $1 ORDER BY remind_at_ms, id LIMIT $2",
    )
    .bind(now.0)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, v)| {
            id.parse()
                .map(|id| (id, v))
                .map_err(|_| StoreError::Corrupt(format!("request id {id:?}")))
        })
        .collect()
}

/// Claims a request's due reminder for `version`: true once (the reminder is then gone),
/// false when it was claimed already or the request moved on.
pub async fn take_reminder(
    conn: &mut WriteTx,
    id: RequestId,
    version: i64,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let r = sql::query(
        "UPDATE requests SET remind_at_ms = NULL WHERE id = $1 AND version = $2          AND remind_at_ms IS NOT NULL AND remind_at_ms <= $3",
    )
    .bind(id.to_string())
    .bind(version)
    .bind(now.0)
    .execute(&mut *conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn mark_attention(
    tx: &mut WriteTx,
    id: RequestId,
    error: &str,
) -> Result<(), StoreError> {
    sql::query("UPDATE requests SET needs_attention = 1, attention_error = $1 WHERE id = $2")
        .bind(error.chars().take(2_000).collect::<String>())
        .bind(id.to_string())
        .execute(tx)
        .await?;
    Ok(())
}

/// Ids of a member's requests that deactivation cancels (the definition's rows of it).
pub async fn cancellable_for_member(
    conn: &mut WriteTx,
    member: MemberId,
) -> Result<Vec<RequestId>, StoreError> {
    let sql = format!(
        "SELECT id FROM requests WHERE (requester_id = $1 OR provider_id = $1) AND state IN ({}) ORDER BY created_at_ms, id",
        state_list(&cancelled_by_deactivation().collect::<Vec<_>>())
    );
    let ids: Vec<String> = sql::query_scalar(&sql)
        .bind(member.to_string())
        .fetch_all(&mut *conn)
        .await?;
    ids.into_iter()
        .map(|s| {
            s.parse()
                .map_err(|_| StoreError::Corrupt(format!("request id {s:?}")))
        })
        .collect()
}

// ---- ratings ----

pub async fn insert_rating(
    conn: &mut WriteTx,
    req: RequestId,
    rater: MemberId,
    ratee: MemberId,
    stars: i64,
    comment: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let r = sql::query(
        "INSERT INTO ratings (request_id, rater_id, ratee_id, stars, comment, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(req.to_string())
    .bind(rater.to_string())
    .bind(ratee.to_string())
    .bind(stars)
    .bind(comment)
    .bind(now.0)
    .execute(&mut *conn)
    .await
    .map_err(StoreError::from);
    match r {
        Err(e) if e.is_unique_violation() => Err(StoreError::AlreadyRated),
        Err(e) => Err(e),
        Ok(_) => Ok(()),
    }
}

// ---- read models ----

/// A request with the names the UI shows beside it.
#[derive(Clone, Debug)]
pub struct RequestWithNames {
    pub request: Request,
    pub service_title: Option<String>,
    pub requester_name: String,
    pub provider_name: Option<String>,
}

const WITH_NAMES: &str =
    "SELECT r.data, s.title, rq.display_name, pv.display_name FROM requests r \
     LEFT JOIN services s ON s.id = r.service_id JOIN members rq ON rq.id = r.requester_id \
     LEFT JOIN members pv ON pv.id = r.provider_id";

type NamesRow = (String, Option<String>, String, Option<String>);

fn with_names(r: NamesRow) -> Result<RequestWithNames, StoreError> {
    Ok(RequestWithNames {
        request: from_json(&r.0)?,
        service_title: r.1,
        requester_name: r.2,
        provider_name: r.3,
    })
}

pub async fn get_with_names(pool: &Reads, id: RequestId) -> Result<RequestWithNames, StoreError> {
    let sql = format!("{WITH_NAMES} WHERE r.id = $1");
    let row: Option<NamesRow> = sql::query_as(&sql)
        .bind(id.to_string())
        .fetch_optional(pool)
        .await?;
    with_names(row.ok_or(StoreError::NotFound("request"))?)
}

/// A member's requests as requester or as provider, most recently changed first.
pub async fn list_for(
    pool: &Reads,
    member: MemberId,
    as_party: Party,
    limit: i64,
) -> Result<Vec<RequestWithNames>, StoreError> {
    let column = match as_party {
        Party::Requester => "r.requester_id",
        Party::Provider => "r.provider_id",
    };
    let sql =
        format!("{WITH_NAMES} WHERE {column} = $1 ORDER BY r.updated_at_ms DESC, r.id LIMIT $2");
    let rows: Vec<NamesRow> = sql::query_as(&sql)
        .bind(member.to_string())
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(with_names).collect()
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RatingRow {
    pub rater_id: MemberId,
    pub stars: i64,
    pub comment: String,
    pub at: Timestamp,
}

/// A request's history (in order) and its ratings (oldest first) in one round trip: what
/// the request page shows below the request itself.
pub async fn history_and_ratings(
    pool: &Reads,
    id: RequestId,
) -> Result<(Vec<HistoryRow>, Vec<RatingRow>), StoreError> {
    // part 0: (seq, seq, from_state, to_state, actor, payload, at_ms);
    // part 1: (created_at_ms, stars, rater_id, comment, '', '', created_at_ms).
    type Row = (i64, i64, i64, Option<String>, String, String, String, i64);
    let rows: Vec<Row> = sql::query_as(
        "SELECT 0 AS part, seq AS sort_key, seq AS num, from_state AS t1, to_state AS t2, actor AS t3, \
         payload AS t4, at_ms FROM request_events WHERE request_id = $1 \
         UNION ALL \
         SELECT 1, created_at_ms, stars, rater_id, comment, '', '', created_at_ms FROM ratings \
         WHERE request_id = $1 \
         ORDER BY part, sort_key, t1",
    )
    .bind(id.to_string())
    .fetch_all(pool)
    .await?;
    let (mut history, mut ratings) = (Vec::new(), Vec::new());
    for (part, _, num, t1, t2, t3, t4, at) in rows {
        if part == 0 {
            history.push(history_row(num, t1.as_deref(), &t2, &t3, &t4, at)?);
        } else {
            let rater = t1.unwrap_or_default();
            ratings.push(RatingRow {
                rater_id: rater
                    .parse()
                    .map_err(|_| StoreError::Corrupt(format!("member id {rater:?}")))?,
                stars: num,
                comment: t2,
                at: Timestamp(at),
            });
        }
    }
    Ok((history, ratings))
}
