//! Admin-only server functions: every one starts with `require_admin`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{MemberId, Minutes, Role, Timestamp};
use crate::AppError;

/// Upper bound on one page of the member list.
pub const MEMBER_LIST_LIMIT: i64 = 200;
/// Longest reason an admin may give for an adjustment of hours.
pub const ADJUST_REASON_MAX_CHARS: usize = 500;

/// The trimmed reason for an adjustment of hours: required, at most
/// [`ADJUST_REASON_MAX_CHARS`] characters.
pub fn adjustment_reason(raw: &str) -> Result<String, AppError> {
    let reason = raw.trim();
    if reason.is_empty() || reason.chars().count() > ADJUST_REASON_MAX_CHARS {
        let v = crate::i18n::page_viewer();
        return Err(AppError::invalid(
            "reason",
            v.tr(
                "er-reason-length",
                [("max", ADJUST_REASON_MAX_CHARS.into())],
            ),
        ));
    }
    if crate::domain::text::has_unprintable(reason) {
        let v = crate::i18n::page_viewer();
        return Err(AppError::invalid("reason", v.t("er-reason-unprintable")));
    }
    Ok(reason.to_owned())
}

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
    use crate::server::context::{require_admin, serve};
    use crate::server::members_store;
    serve(|state| async move {
        require_admin()?;
        crate::api::services::check_search("search", &search)?;
        Ok(members_store::list(&state.db.read, &search, MEMBER_LIST_LIMIT).await?)
    })
    .await
}

/// Deactivates (`active = false`) or reactivates a member. Deactivation ends their
/// sessions and cancels their open, undisputed requests.
#[server(endpoint = "admin/member_active")]
pub async fn admin_set_member_active(member_id: String, active: bool) -> Result<(), AppError> {
    use crate::server::context::{require_admin, serve};
    use crate::server::operations;
    serve(|state| async move {
        let admin = require_admin()?;
        let v = crate::i18n::page_viewer();
        let member: MemberId = member_id
            .parse()
            .map_err(|_| AppError::invalid("member_id", v.t("er-member-id-malformed")))?;
        if member == admin.member_id && !active {
            return Err(AppError::invalid("member_id", v.t("er-deactivate-self")));
        }
        if active {
            let changed = state.tell(operations::reactivate_member(&state, member).await?);
            tracing::info!(admin = %admin.member_id, member = %member, changed, "member reactivated");
        } else {
            let (changed, cancelled) = state
                .tell(operations::deactivate_member(&state, admin.member_id, member).await?);
            tracing::info!(admin = %admin.member_id, member = %member, changed, cancelled = cancelled.len(), "member deactivated");
        }
        Ok(())
    })
    .await
}

/// Grants (`minutes` > 0) or deducts (`minutes` < 0) hours, against the system account,
/// with a required reason.
#[server(endpoint = "admin/adjust_hours")]
pub async fn admin_adjust_hours(
    member_id: String,
    minutes: i64,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::ledger::MAX_LEG_MINUTES;
    use crate::server::context::{require_admin, serve};
    use crate::server::operations;
    serve(|state| async move {
        let admin = require_admin()?;
        let v = crate::i18n::page_viewer();
        let member: MemberId = member_id
            .parse()
            .map_err(|_| AppError::invalid("member_id", v.t("er-member-id-malformed")))?;
        let reason = adjustment_reason(&reason)?;
        if minutes == 0 || minutes.abs() > MAX_LEG_MINUTES {
            let hours = crate::domain::text::grouped_text((MAX_LEG_MINUTES / 60) as usize);
            return Err(AppError::invalid(
                "minutes",
                v.tr("er-adjust-minutes", [("max", hours.into())]),
            ));
        }
        let done =
            operations::adjust_hours(&state, admin.member_id, member, minutes, &reason).await?;
        state.tell(done);
        Ok(())
    })
    .await
}

/// A member as an admin sees them: account, statement, requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminMemberView {
    pub member: MemberSummary,
    pub statement: Vec<crate::api::account::StatementLine>,
    pub requests: Vec<AdminRequestLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminRequestLine {
    pub request_id: String,
    pub service_title: String,
    pub as_party: String,
    pub counterpart: String,
    pub state: crate::lifecycle::State,
    pub cost: Minutes,
}

#[server(endpoint = "admin/member")]
pub async fn admin_member(member_id: String) -> Result<AdminMemberView, AppError> {
    use crate::api::account::StatementLine;
    use crate::lifecycle::Party;
    use crate::server::context::{require_admin, serve};
    use crate::server::{ledger_store, members_store, requests_store};
    serve(|state| async move {
        require_admin()?;
        let v = crate::i18n::page_viewer();
        let id: MemberId = member_id
            .parse()
            .map_err(|_| AppError::NotFound(v.t("er-no-such-member")))?;
        let db = &state.db.read;
        let member = members_store::get(db, id).await?;
        let statement = ledger_store::statement(db, id, 500)
            .await?
            .into_iter()
            .map(StatementLine::from)
            .collect();
        let mut requests = Vec::new();
        for party in [Party::Requester, Party::Provider] {
            for r in requests_store::list_for(db, id, party, 200).await? {
                requests.push(AdminRequestLine {
                    request_id: r.request.id.to_string(),
                    service_title: r
                        .service_title
                        .unwrap_or_else(|| v.t("er-no-such-service-title")),
                    as_party: match party {
                        Party::Requester => v.t("er-party-requester"),
                        Party::Provider => v.t("er-party-provider"),
                    },
                    counterpart: match party {
                        Party::Requester => {
                            r.provider_name.unwrap_or_else(|| v.t("er-no-counterpart"))
                        }
                        Party::Provider => r.requester_name,
                    },
                    state: r.request.state,
                    cost: r.request.cost(),
                });
            }
        }
        Ok(AdminMemberView {
            member,
            statement,
            requests,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjustment_reason_is_required_and_limited() {
        assert_eq!(adjustment_reason("  gift  ").as_deref(), Ok("gift"));
        assert!(adjustment_reason("   ").is_err());
        let at = "é".repeat(ADJUST_REASON_MAX_CHARS);
        assert_eq!(adjustment_reason(&at).as_deref(), Ok(at.as_str()));
        let err = adjustment_reason(&"é".repeat(ADJUST_REASON_MAX_CHARS + 1)).unwrap_err();
        assert_eq!(err.field(), Some("reason"));
        assert_eq!(err.status_code(), 400);
        assert_eq!(
            adjustment_reason("a\0b").unwrap_err().field(),
            Some("reason")
        );
    }
}
