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
                return Err(AppError::invalid("search", "Search for at most 100 characters."));
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
            let now = state.clock.now();
            let mut tx = state.db.write.begin().await.map_err(internal)?;
            let changed = members_store::set_active(&mut tx, member, active, now).await?;
            tx.commit().await.map_err(internal)?;
            tracing::info!(admin = %admin.member_id, member = %member, active, changed, "member active flag set");
            Ok(())
        }
        .await,
    )
}
