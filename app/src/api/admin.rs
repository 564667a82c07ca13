//! Admin-only server functions: every one starts with `require_admin`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{MemberId, Minutes, Role, Timestamp};
use crate::AppError;

/// Upper bound on one page of the member list.
pub const MEMBER_LIST_LIMIT: i64 = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSummary {
    pub id: MemberId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub created_at: Timestamp,
    pub available: Minutes,
    pub held: Minutes,
}

#[server(endpoint = "admin/members")]
pub async fn admin_list_members(search: String) -> Result<Vec<MemberSummary>, AppError> {
    use crate::server::context::{app_state, require_admin, respond};
    use crate::server::members_store;
    respond(
        async move {
            require_admin()?;
            if search.chars().count() > 100 {
                return Err(AppError::invalid(
                    "search",
                    "Search for at most 100 characters.",
                ));
            }
            let state = app_state()?;
            Ok(members_store::list(&state.db.read, &search, MEMBER_LIST_LIMIT).await?)
        }
        .await,
    )
}

/// Deactivates (`active = false`) or reactivates a member. Deactivation ends their sessions.
#[server(endpoint = "admin/member_active")]
pub async fn admin_set_member_active(member_id: String, active: bool) -> Result<(), AppError> {
    use crate::server::context::{app_state, internal, require_admin, respond};
    use crate::server::members_store;
    respond(
        async move {
            let admin = require_admin()?;
            let member: MemberId =
                member_id.parse().map_err(|_| AppError::invalid("member_id", "That member id is malformed."))?;
            if member == admin.member_id && !active {
                return Err(AppError::invalid("member_id", "You can't deactivate your own account."));
            }
            let state = app_state()?;
            if active {
                let mut tx = state.db.write.begin().await.map_err(internal)?;
                let changed = members_store::set_active(&mut tx, member, true, state.clock.now()).await?;
                tx.commit().await.map_err(internal)?;
                tracing::info!(admin = %admin.member_id, member = %member, changed, "member reactivated");
            } else {
                let (changed, cancelled) =
                    crate::server::engine::deactivate_member(&state.db, &state.clock, admin.member_id, member).await?;
                tracing::info!(admin = %admin.member_id, member = %member, changed, cancelled, "member deactivated");
            }
            Ok(())
        }
        .await,
    )
}

/// Grants (`minutes` > 0) or deducts (`minutes` < 0) hours, against the system account,
/// with a required reason.
#[server(endpoint = "admin/adjust_hours")]
pub async fn admin_adjust_hours(
    member_id: String,
    minutes: i64,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::ledger::{BalancedTransfer, MAX_LEG_MINUTES};
    use crate::server::context::{app_state, internal, require_admin, respond};
    use crate::server::ledger_store::{self, TransferMeta};
    respond(
        async move {
            let admin = require_admin()?;
            let member: MemberId = member_id
                .parse()
                .map_err(|_| AppError::invalid("member_id", "That member id is malformed."))?;
            let reason = reason.trim().to_owned();
            if reason.is_empty() || reason.chars().count() > 500 {
                return Err(AppError::invalid(
                    "reason",
                    "Give a reason of 1 to 500 characters.",
                ));
            }
            if minutes == 0 || minutes.abs() > MAX_LEG_MINUTES {
                return Err(AppError::invalid(
                    "minutes",
                    "Enter a non-zero number of minutes (at most 100,000 hours).",
                ));
            }
            let t = if minutes > 0 {
                BalancedTransfer::grant(member, Minutes(minutes))
            } else {
                BalancedTransfer::deduct(member, Minutes(-minutes))
            }
            .map_err(internal)?;
            let state = app_state()?;
            let mut tx = state.db.write.begin().await.map_err(internal)?;
            let meta = TransferMeta {
                reason,
                request_id: None,
                actor_id: Some(admin.member_id.to_string()),
            };
            ledger_store::apply(&mut tx, &t, meta, state.clock.now()).await?;
            tx.commit().await.map_err(internal)?;
            Ok(())
        }
        .await,
    )
}
