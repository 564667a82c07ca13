//! Admin-only server functions: every one starts with `require_admin`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{MemberId, Minutes, Role, Timestamp};
use crate::AppError;

/// Members on one page of the admin's member list.
pub const MEMBERS_PER_PAGE: u32 = 50;
/// The last page number the member list accepts (its offset stays far inside an i64).
pub const MEMBER_PAGE_MAX: u32 = 1_000_000;
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

/// One page of the member list: who is on it, and where it sits among all who match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPage {
    pub members: Vec<MemberSummary>,
    /// Members matching the search, on every page.
    pub total: i64,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

impl MemberPage {
    /// The 1-based positions of the first and last member shown (0, 0 when none).
    pub fn shown(&self) -> (i64, i64) {
        let first = i64::from(self.page.saturating_sub(1)) * i64::from(self.per_page);
        if self.members.is_empty() {
            (0, 0)
        } else {
            (first + 1, first + self.members.len() as i64)
        }
    }

    /// The last page that shows anyone (1 when nobody matches).
    pub fn last_page(&self) -> u32 {
        let per_page = i64::from(self.per_page.max(1));
        u32::try_from((self.total + per_page - 1) / per_page)
            .unwrap_or(u32::MAX)
            .max(1)
    }

    pub fn has_previous(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        i64::from(self.page) * i64::from(self.per_page) < self.total
    }
}

/// The page number of the member list's `page` query parameter: absent is the first;
/// anything but a whole number from 1 to [`MEMBER_PAGE_MAX`] is refused with a message.
pub fn member_page_number(raw: Option<&str>) -> Result<u32, AppError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(1);
    };
    match raw.parse::<u32>() {
        Ok(n) if (1..=MEMBER_PAGE_MAX).contains(&n) => Ok(n),
        _ => {
            let v = crate::i18n::page_viewer();
            Err(AppError::invalid(
                "page",
                v.tr(
                    "er-page-number",
                    [(
                        "max",
                        crate::domain::text::grouped_text(MEMBER_PAGE_MAX as usize).into(),
                    )],
                ),
            ))
        }
    }
}

/// Members whose name or e-mail contains `search`, by name, [`MEMBERS_PER_PAGE`] at a
/// time; `page` is 1-based (absent: the first).
#[server(endpoint = "admin/members")]
pub async fn admin_list_members(
    search: String,
    page: Option<String>,
) -> Result<MemberPage, AppError> {
    use crate::server::context::{require_admin, serve};
    use crate::server::members_store;
    serve(|state| async move {
        require_admin()?;
        crate::api::services::check_search("search", &search)?;
        let page = member_page_number(page.as_deref())?;
        let per_page = MEMBERS_PER_PAGE;
        let offset = i64::from(page - 1) * i64::from(per_page);
        let (members, total) =
            members_store::page(&state.db.read, &search, offset, i64::from(per_page)).await?;
        Ok(MemberPage {
            members,
            total,
            page,
            per_page,
        })
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
