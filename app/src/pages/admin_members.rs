use crate::components::safe_text::PageTitle;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_list_members, AdminSetMemberActive, MemberPage};
use crate::components::admin_only::AdminOnly;
use crate::components::errors::{ErrorPage, FormError};
use crate::domain::Role;
use crate::i18n::Viewer;
use crate::AppError;

/// A member's role, in the reader's words.
pub(super) fn role_name(v: &Viewer, role: Role) -> String {
    match role {
        Role::Admin => v.t("ad-role-admin"),
        Role::Member => v.t("ad-role-member"),
    }
}

/// Whether a member's account is active, in the reader's words.
pub(super) fn status_name(v: &Viewer, active: bool) -> String {
    if active {
        v.t("ad-status-active")
    } else {
        v.t("ad-status-deactivated")
    }
}

#[component]
pub fn AdminMembersPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    view! {
        <PageTitle text=viewer.t("ad-members-page-title")/>
        <AdminOnly>
            <MembersBody/>
        </AdminOnly>
    }
}

#[component]
fn MembersBody() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let toggle = ServerAction::<AdminSetMemberActive>::new();
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = move || query.with(|q| q.get("page"));
    let members = Resource::new(
        move || (toggle.version().get(), search(), page()),
        |(_, q, page)| admin_list_members(q, page),
    );
    let toggle_error = Signal::derive(move || toggle.value().get().and_then(|r| r.err()));

    view! {
        <h1>{viewer.t("ad-members")}</h1>
        <form method="get" action="/admin/members" class="search-form" role="search">
            <label for="member-search">{viewer.t("ad-member-search-label")}</label>
            <input id="member-search" type="search" name="q" value=search prop:value=search
                maxlength=crate::api::services::SEARCH_MAX_CHARS.to_string()/>
            <button type="submit">{viewer.t("ad-member-search")}</button>
        </form>
        <FormError error=toggle_error/>
        <Transition fallback=move || view! { <p>{viewer.t("ad-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let list = members.await;
                    if let Err(AppError::Unauthenticated) = list {
                        return Ok(Either::Left(view! {
                            <p>{viewer.t("ad-login-please")} <a href="/login">{viewer.t("ad-login-link")}</a> {viewer.t("ad-login-as-admin")}</p>
                        }));
                    }
                    list.map(|listing| Either::Right(view! {
                        <Pager listing=listing.clone() search=search()/>
                        <table class="members">
                            <thead>
                                <tr><th>{viewer.t("ad-col-name")}</th><th>{viewer.t("ad-col-email")}</th><th>{viewer.t("ad-col-role")}</th><th>{viewer.t("ad-col-available")}</th><th>{viewer.t("ad-col-held")}</th><th>{viewer.t("ad-col-status")}</th><th><span class="visually-hidden">{viewer.t("ad-col-action")}</span></th></tr>
                            </thead>
                            <tbody>
                                {listing.members.into_iter().map(|m| {
                                    let active = m.active;
                                    view! {
                                        <tr data-email=m.email.clone()>
                                            <td><a href=format!("/admin/members/{}", m.id)>{m.display_name.clone()}</a></td>
                                            <td>{m.email.clone()}</td>
                                            <td>{role_name(&viewer, m.role)}</td>
                                            <td>{m.available.to_string()}</td>
                                            <td>{m.held.to_string()}</td>
                                            <td>{status_name(&viewer, active)}</td>
                                            <td>
                                                <ActionForm action=toggle attr:class="inline">
                                                    <input type="hidden" name="member_id" value=m.id.to_string()/>
                                                    <input type="hidden" name="active" value=if active { "false" } else { "true" }/>
                                                    <button type="submit" aria-label=viewer.tr(if active { "ad-deactivate-member" } else { "ad-reactivate-member" }, [("name", m.display_name.clone().into())])>
                                                        {if active { viewer.t("ad-deactivate") } else { viewer.t("ad-reactivate") }}
                                                    </button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }))
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// "Members 51–100 of 1,234" (or that the page is past the end, or that nobody matches),
/// the counts grouped as the viewer's language writes them.
fn summary(listing: &MemberPage, viewer: &Viewer) -> String {
    let (first, last) = listing.shown();
    let count = |n: i64| crate::domain::text::grouped_text(usize::try_from(n).unwrap_or(0));
    if listing.total == 0 {
        viewer.t("ad-members-none")
    } else if first == 0 {
        viewer.tr(
            "ad-members-past-end",
            [("total", count(listing.total).into())],
        )
    } else {
        viewer.tr(
            "ad-members-shown",
            [
                ("first", count(first).into()),
                ("last", count(last).into()),
                ("total", count(listing.total).into()),
            ],
        )
    }
}

/// Where this page sits among every member who matches ("Members 51–100 of 1,234"), with
/// links to the pages before and after it; the search stays in them.
#[component]
fn Pager(listing: MemberPage, search: String) -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let (first, _) = listing.shown();
    let href = move |page: u32| {
        let mut href = format!("/admin/members?page={page}");
        if !search.is_empty() {
            href.push_str("&q=");
            href.push_str(&crate::domain::text::url_query_value(&search));
        }
        href
    };
    let summary = summary(&listing, &viewer);
    let previous = listing.has_previous().then(|| {
        let to = if first == 0 {
            listing.last_page()
        } else {
            listing.page - 1
        };
        view! { <a href=href(to) rel="prev">{viewer.t("ad-page-previous")}</a> }
    });
    let next = listing.has_next().then(
        || view! { <a href=href(listing.page + 1) rel="next">{viewer.t("ad-page-next")}</a> },
    );
    view! {
        <nav class="pager" aria-label=viewer.t("ad-members-pages")>
            <p class="pager-summary">{summary}</p>
            {previous}
            {next}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn viewer(lang: &str) -> Viewer {
        Viewer {
            lang: Lang::parse(lang).expect("a language the catalogue has"),
            ..Viewer::default()
        }
    }

    /// Page `page` of `total` members, fifty a page, with as many members on it as the
    /// server would send.
    fn listing(total: i64, page: u32) -> MemberPage {
        let before = i64::from(page - 1) * 50;
        let on_page = (total - before).clamp(0, 50) as usize;
        let someone = crate::api::admin::MemberSummary {
            id: crate::domain::MemberId::generate(),
            email: "m@example.test".into(),
            display_name: "M".into(),
            role: Role::Member,
            active: true,
            created_at: crate::domain::Timestamp(0),
            available: crate::domain::Minutes(0),
            held: crate::domain::Minutes(0),
        };
        MemberPage {
            members: vec![someone; on_page],
            total,
            page,
            per_page: 50,
        }
    }

    #[test]
    fn the_summary_groups_counts_as_the_reader_writes_them() {
        let second = listing(1_234, 21);
        assert_eq!(
            summary(&second, &viewer("en")),
            "Members 1,001–1,050 of 1,234"
        );
        assert_eq!(
            summary(&second, &viewer("es")),
            "Miembros 1.001–1.050 de 1.234"
        );
        assert_eq!(
            summary(&listing(1_234, 99), &viewer("ca")),
            "No hi ha membres en aquesta pàgina; en coincideixen 1.234 en total."
        );
    }
}
