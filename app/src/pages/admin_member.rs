use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::admin::{admin_member, AdminAdjustHours};
use crate::components::admin_only::AdminOnly;
use crate::components::errors::{ErrorPage, FieldError, FormError};

#[component]
pub fn AdminMemberPage() -> impl IntoView {
    view! {
        <PageTitle text="Member — HourBank admin"/>
        <AdminOnly>
            <MemberBody/>
        </AdminOnly>
    }
}

#[component]
fn MemberBody() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let adjust = ServerAction::<AdminAdjustHours>::new();
    let view_data = Resource::new(
        move || (id(), adjust.version().get()),
        |(id, _)| admin_member(id),
    );
    let error = Signal::derive(move || adjust.value().get().and_then(|r| r.err()));
    view! {
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let v = view_data.await?;
                    let m = v.member.clone();
                    Ok::<_, crate::AppError>(view! {
                        <h1>{m.display_name.clone()}</h1>
                        <p>{format!("{} · {} · {}", m.email, m.role.as_str(), if m.active { "active" } else { "deactivated" })}</p>
                        <dl class="balance-box">
                            <dt>"Available"</dt><dd data-testid="admin-available">{m.available.to_string()}</dd>
                            <dt>"Held"</dt><dd>{m.held.to_string()}</dd>
                        </dl>
                        <h2>"Grant or deduct hours"</h2>
                        <ActionForm action=adjust attr:class="stack-form">
                            <FormError error/>
                            <input type="hidden" name="member_id" value=m.id.to_string()/>
                            <label for="adjust-minutes">"Minutes (negative to deduct)"</label>
                            <input id="adjust-minutes" name="minutes" type="number" required/>
                            <FieldError error field="minutes"/>
                            <label for="adjust-reason">"Reason (required, kept in the ledger)"</label>
                            <input id="adjust-reason" name="reason" type="text" maxlength=crate::api::admin::ADJUST_REASON_MAX_CHARS.to_string() required/>
                            <FieldError error field="reason"/>
                            <button type="submit">"Apply"</button>
                        </ActionForm>
                        <h2>"Requests"</h2>
                        <table class="requests">
                            <thead><tr><th scope="col">"Service"</th><th scope="col">"As"</th><th scope="col">"With"</th><th scope="col">"State"</th><th scope="col">"Cost"</th></tr></thead>
                            <tbody>
                                {v.requests.into_iter().map(|r| view! {
                                    <tr>
                                        <td><a href=format!("/requests/{}", r.request_id)>{r.service_title}</a></td>
                                        <td>{r.as_party}</td><td>{r.counterpart}</td><td>{r.state.as_str()}</td><td>{r.cost.to_string()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <h2>"Statement"</h2>
                        <table class="statement">
                            <thead><tr><th scope="col">"When"</th><th scope="col">"What"</th><th scope="col">"Part"</th><th scope="col">"Minutes"</th></tr></thead>
                            <tbody>
                                {v.statement.into_iter().map(|l| view! {
                                    <tr><td>{viewer.time(l.at)}</td><td>{format!("{} ({})", l.reason, l.kind)}</td><td>{l.bucket}</td><td class="num">{format!("{:+}", l.amount.0)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
