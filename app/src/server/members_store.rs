//! Members: I/O only. Callers own the transaction when several writes must go together.

use crate::server::group_commit::WriteTx;
use crate::server::sql;
use crate::server::sql::Reads;

use super::{ledger_store, StoreError};
use crate::domain::ledger::BalancedTransfer;
use crate::domain::{DisplayName, Email, MemberId, Minutes, Role, Timestamp};
use crate::i18n::{Lang, Zone};

pub struct NewMember<'a> {
    pub email: &'a Email,
    pub display_name: &'a DisplayName,
    pub password_hash: &'a str,
    pub role: Role,
    pub starting_credit: Minutes,
}

/// The fields a login needs.
pub struct LoginRow {
    pub id: MemberId,
    pub password_hash: String,
    pub active: bool,
}

pub use crate::api::admin::MemberSummary as MemberRow;

/// Inserts the member, opens their ledger account and grants the starting credit.
pub async fn insert(
    conn: &mut WriteTx,
    new: NewMember<'_>,
    now: Timestamp,
) -> Result<MemberId, StoreError> {
    let id = MemberId::generate();
    let r = sql::query(
        "INSERT INTO members (id, email, display_name, password_hash, role, active, created_at_ms) \
         VALUES ($1, $2, $3, $4, $5, 1, $6)",
    )
    .bind(id.to_string())
    .bind(new.email.as_str())
    .bind(new.display_name.as_str())
    .bind(new.password_hash)
    .bind(new.role.as_str())
    .bind(now.0)
    .execute(&mut *conn)
    .await
    .map_err(StoreError::from);
    match r {
        Err(e) if e.is_unique_violation() => return Err(StoreError::DuplicateEmail),
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    ledger_store::open_account(conn, id).await?;
    if new.starting_credit.0 > 0 {
        let t = BalancedTransfer::grant(id, new.starting_credit)?;
        ledger_store::apply(
            conn,
            &t,
            ledger_store::TransferMeta::reason(crate::domain::ledger::reasons::STARTING_CREDIT),
            now,
        )
        .await?;
    }
    Ok(id)
}

pub async fn email_taken(pool: &Reads, email: &Email) -> Result<bool, StoreError> {
    let n: i64 = sql::query_scalar("SELECT COUNT(*) FROM members WHERE email = $1")
        .bind(email.as_str())
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

pub async fn find_login(pool: &Reads, email: &str) -> Result<Option<LoginRow>, StoreError> {
    let row: Option<(String, String, i64)> =
        sql::query_as("SELECT id, password_hash, active FROM members WHERE email = $1")
            .bind(email)
            .fetch_optional(pool)
            .await?;
    row.map(|(id, password_hash, active)| {
        Ok(LoginRow {
            id: parse_id(&id)?,
            password_hash,
            active: active == 1,
        })
    })
    .transpose()
}

const MEMBER_COLUMNS: &str = "m.id, m.email, m.display_name, m.role, m.active, m.created_at_ms, \
     COALESCE(a.available_minutes, 0), COALESCE(a.held_minutes, 0)";

type MemberTuple = (String, String, String, String, i64, i64, i64, i64);
/// A member's columns, then how many members the query matched in all.
type CountedMemberTuple = (String, String, String, String, i64, i64, i64, i64, i64);

fn to_row(t: MemberTuple) -> Result<MemberRow, StoreError> {
    let (id, email, display_name, role, active, created, available, held) = t;
    Ok(MemberRow {
        id: parse_id(&id)?,
        email,
        display_name,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
        active: active == 1,
        created_at: Timestamp(created),
        available: Minutes(available),
        held: Minutes(held),
    })
}

pub async fn get(pool: &Reads, id: MemberId) -> Result<MemberRow, StoreError> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM members m LEFT JOIN ledger_accounts a ON a.id = m.id WHERE m.id = $1"
    );
    let t: Option<MemberTuple> = sql::query_as(&sql)
        .bind(id.to_string())
        .fetch_optional(pool)
        .await?;
    to_row(t.ok_or(StoreError::NotFound("member"))?)
}

/// Who matches a member search: name or e-mail contains the pattern (case-insensitive).
const MATCHING: &str = "FROM members m LEFT JOIN ledger_accounts a ON a.id = m.id \
     WHERE LOWER(m.display_name) LIKE $1 OR m.email LIKE $1";

/// One page of the members whose name or e-mail contains `search` (case-insensitive), by
/// name: at most `limit` of them after the first `offset`, and how many match in all.
pub async fn page(
    pool: &Reads,
    search: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<MemberRow>, i64), StoreError> {
    // The total rides on every row (one query); a page past the end has no row to carry it.
    let sql = format!(
        "SELECT {MEMBER_COLUMNS}, COUNT(*) OVER () {MATCHING} \
         ORDER BY LOWER(m.display_name), m.id LIMIT $2 OFFSET $3"
    );
    let pattern = format!("%{}%", escape_like(&search.trim().to_lowercase()));
    let rows: Vec<CountedMemberTuple> = sql::query_as(&sql)
        .bind(pattern.as_str())
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await?;
    let total = match rows.first() {
        Some(first) => first.8,
        None if offset == 0 => 0,
        None => {
            sql::query_scalar(&format!("SELECT COUNT(*) {MATCHING}"))
                .bind(pattern.as_str())
                .fetch_one(pool)
                .await?
        }
    };
    let members = rows
        .into_iter()
        .map(
            |(id, email, name, role, active, created, available, held, _)| {
                to_row((id, email, name, role, active, created, available, held))
            },
        )
        .collect::<Result<_, _>>()?;
    Ok((members, total))
}

fn escape_like(s: &str) -> String {
    // Neither database treats these specially without ESCAPE, so drop them from searches.
    s.chars().filter(|c| *c != '%' && *c != '_').collect()
}

/// Sets a member's active flag; deactivation also ends every session of theirs.
/// Returns false when the member was already in that state.
pub async fn set_active(
    conn: &mut WriteTx,
    id: MemberId,
    active: bool,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let r = sql::query(
        "UPDATE members SET active = $1, deactivated_at_ms = $2 WHERE id = $3 AND active <> $1",
    )
    .bind(if active { 1i64 } else { 0i64 })
    .bind(if active { None } else { Some(now.0) })
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?;
    if r.rows_affected() == 0 {
        let exists: i64 = sql::query_scalar("SELECT COUNT(*) FROM members WHERE id = $1")
            .bind(id.to_string())
            .fetch_one(&mut *conn)
            .await?;
        if exists == 0 {
            return Err(StoreError::NotFound("member"));
        }
        return Ok(false);
    }
    if !active {
        super::sessions::delete_for_member(conn, id).await?;
    }
    Ok(true)
}

pub async fn count(pool: &Reads) -> Result<i64, StoreError> {
    Ok(sql::query_scalar("SELECT COUNT(*) FROM members")
        .fetch_one(pool)
        .await?)
}

pub async fn admin_exists(pool: &Reads) -> Result<bool, StoreError> {
    let n: i64 = sql::query_scalar("SELECT COUNT(*) FROM members WHERE role = 'admin'")
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

fn parse_id(s: &str) -> Result<MemberId, StoreError> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("member id {s:?}")))
}

/// A member's e-mail: the address, when it was verified, and what they want by e-mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailSettings {
    pub email: String,
    pub verified_at: Option<Timestamp>,
    pub mode: super::mail::EmailMode,
}

pub async fn email_settings(pool: &Reads, id: MemberId) -> Result<EmailSettings, StoreError> {
    let row: Option<(String, Option<i64>, String)> =
        sql::query_as("SELECT email, email_verified_at_ms, email_mode FROM members WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(pool)
            .await?;
    let (email, verified, mode) = row.ok_or(StoreError::NotFound("member"))?;
    Ok(EmailSettings {
        email,
        verified_at: verified.map(Timestamp),
        mode: super::mail::EmailMode::parse(&mode)
            .ok_or_else(|| StoreError::Corrupt(format!("e-mail mode {mode:?}")))?,
    })
}

/// Marks `email` verified for `id`, if it is still their address; true when it was.
pub async fn mark_email_verified(
    conn: &mut WriteTx,
    id: MemberId,
    email: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let r = sql::query(
        "UPDATE members SET email_verified_at_ms = COALESCE(email_verified_at_ms, $1) WHERE id = $2 AND email = $3",
    )
    .bind(now.0)
    .bind(id.to_string())
    .bind(email)
    .execute(&mut *conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// The member's time zone (None: the bank's default).
pub async fn set_time_zone(
    conn: &mut WriteTx,
    id: MemberId,
    zone: Option<Zone>,
) -> Result<(), StoreError> {
    sql::query("UPDATE members SET time_zone = $1 WHERE id = $2")
        .bind(zone.map(|z| z.name()))
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The member's language (None: the browser's, else the bank's).
pub async fn set_lang(
    conn: &mut WriteTx,
    id: MemberId,
    lang: Option<Lang>,
) -> Result<(), StoreError> {
    sql::query("UPDATE members SET lang = $1 WHERE id = $2")
        .bind(lang.map(|l| l.code()))
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The generation the member's calendar feed address is signed with.
pub async fn calendar_generation(pool: &Reads, id: MemberId) -> Result<i64, StoreError> {
    sql::query_scalar("SELECT calendar_generation FROM members WHERE id = $1 AND active = 1")
        .bind(id.to_string())
        .fetch_optional(pool)
        .await?
        .ok_or(StoreError::NotFound("member"))
}

/// A new generation: the old feed address stops working.
pub async fn renew_calendar_generation(conn: &mut WriteTx, id: MemberId) -> Result<(), StoreError> {
    sql::query("UPDATE members SET calendar_generation = calendar_generation + 1 WHERE id = $1")
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_email_mode(
    conn: &mut WriteTx,
    id: MemberId,
    mode: super::mail::EmailMode,
) -> Result<(), StoreError> {
    sql::query("UPDATE members SET email_mode = $1 WHERE id = $2")
        .bind(mode.as_str())
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_password_hash(
    conn: &mut WriteTx,
    id: MemberId,
    hash: &str,
) -> Result<(), StoreError> {
    sql::query("UPDATE members SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The active member with this address, if any.
pub async fn active_by_email(
    conn: &mut WriteTx,
    email: &Email,
) -> Result<Option<MemberId>, StoreError> {
    let id: Option<String> =
        sql::query_scalar("SELECT id FROM members WHERE email = $1 AND active = 1")
            .bind(email.as_str())
            .fetch_optional(&mut *conn)
            .await?;
    id.map(|s| {
        s.parse()
            .map_err(|_| StoreError::Corrupt(format!("member id {s:?}")))
    })
    .transpose()
}
