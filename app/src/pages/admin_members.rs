use crate::components::safe_text::PageTitle;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_list_members, AdminSetMemberActive};
use crate::components::admin_only::AdminOnly;
use crate::components::errors::{ErrorPage, FormError};
use crate::domain::Role;
use crate::AppError;

#[component]
pub fn AdminMembersPage() -> impl IntoView {
    view! {
        <PageTitle text="Members — HourBank admin"/>
        <AdminOnly>
            <MembersBody/>
        </AdminOnly>
    }
}

#[component]
fn MembersBody() -> impl IntoView {
    let toggle = ServerAction::<AdminSetMemberActive>::new();
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let members = Resource::new(
        move || (toggle.version().get(), search()),
        |(_, q)| admin_list_members(q),
    );
    let toggle_error = Signal::derive(move || toggle.value().get().and_then(|r| r.err()));

    view! {
        <h1>"Members"</h1>
        <form method="get" action="/admin/members" class="search-form" role="search">
            <label for="member-search">"Search by name or e-mail"</label>
            <input id="member-search" type="search" name="q" value=search prop:value=search/>
            <button type="submit">"Search"</button>
        </form>
        <FormError error=toggle_error/>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let list = members.await;
                    if let Err(AppError::Unauthenticated) = list {
                        return Ok(Either::Left(view! {
                            <p>"Please " <a href="/login">"log in"</a> " as an admin to see this page."</p>
                        }));
                    }
                    list.map(|list| Either::Right(view! {
                        <table class="members">
                            <thead>
                                <tr><th>"Name"</th><th>"E-mail"</th><th>"Role"</th><th>"Available"</th><th>"Held"</th><th>"Status"</th><th><span class="visually-hidden">"Action"</span></th></tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|m| {
                                    let active = m.active;
                                    view! {
                                        <tr data-email=m.email.clone()>
                                            <td><a href=format!("/admin/members/{}", m.id)>{m.display_name.clone()}</a></td>
                                            <td>{m.email.clone()}</td>
                                            <td>{match m.role { Role::Admin => "admin", Role::Member => "member" }}</td>
                                            <td>{m.available.to_string()}</td>
                                            <td>{m.held.to_string()}</td>
                                            <td>{if active { "active" } else { "deactivated" }}</td>
                                            <td>
                                                <ActionForm action=toggle attr:class="inline">
                                                    <input type="hidden" name="member_id" value=m.id.to_string()/>
                                                    <input type="hidden" name="active" value=if active { "false" } else { "true" }/>
                                                    <button type="submit" aria-label=format!("{} {}", if active { "Deactivate" } else { "Reactivate" }, m.display_name)>
                                                        {if active { "Deactivate" } else { "Reactivate" }}
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
