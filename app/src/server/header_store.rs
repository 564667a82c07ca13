//! What every page's header shows the signed-in member (balance, unread notices), read
//! in one query: it is on every page, so it costs one round trip, not one per figure.

use crate::server::sql::{self, Reads};

use super::ledger_store::Balance;
use super::StoreError;
use crate::domain::{MemberId, Minutes};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub balance: Balance,
    pub unread_notifications: i64,
}

pub async fn header(pool: &Reads, member: MemberId) -> Result<Header, StoreError> {
    let row: Option<(i64, i64, i64)> = sql::query_as(
        "SELECT a.available_minutes, a.held_minutes, \
         (SELECT COUNT(*) FROM notifications n WHERE n.member_id = a.id AND n.read_at_ms IS NULL) \
         FROM ledger_accounts a WHERE a.id = $1",
    )
    .bind(member.to_string())
    .fetch_optional(pool)
    .await?;
    let (available, held, unread) = row.ok_or(StoreError::NotFound("ledger account"))?;
    Ok(Header {
        balance: Balance {
            available: Minutes(available),
            held: Minutes(held),
        },
        unread_notifications: unread,
    })
}
