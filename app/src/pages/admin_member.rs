use crate::components::safe_text::PageTitle;
use crate::domain::ledger::reason_words;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::admin::{admin_member, AdminAdjustHours};
use crate::components::admin_only::AdminOnly;
use crate::components::errors::{ErrorPage, FieldError, FormError};

use super::admin_members::{role_name, status_name};
use super::balance::{bucket_name, kind_name};

#[component]
pub fn AdminMemberPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    view! {
        <PageTitle text=viewer.t("ad-member-page-title")/>
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
        <Transition fallback=move || view! { <p>{viewer.t("ad-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let v = view_data.await?;
                    let m = v.member.clone();
                    Ok::<_, crate::AppError>(view! {
                        <h1>{m.display_name.clone()}</h1>
                        <p>{format!("{} · {} · {}", m.email, role_name(&viewer, m.role), status_name(&viewer, m.active))}</p>
                        <dl class="balance-box">
                            <dt>{viewer.t("ad-col-available")}</dt><dd data-testid="admin-available">{m.available.to_string()}</dd>
                            <dt>{viewer.t("ad-col-held")}</dt><dd>{m.held.to_string()}</dd>
                        </dl>
                        <h2>{viewer.t("ad-adjust-heading")}</h2>
                        <ActionForm action=adjust attr:class="stack-form">
                            <FormError error/>
                            <input type="hidden" name="member_id" value=m.id.to_string()/>
                            <label for="adjust-minutes">{viewer.t("ad-adjust-minutes")}</label>
                            <input id="adjust-minutes" name="minutes" type="number" required/>
                            <FieldError error field="minutes"/>
                            <label for="adjust-reason">{viewer.t("ad-adjust-reason")}</label>
                            <input id="adjust-reason" name="reason" type="text" maxlength=crate::api::admin::ADJUST_REASON_MAX_CHARS.to_string() required/>
                            <FieldError error field="reason"/>
                            <button type="submit">{viewer.t("ad-adjust-apply")}</button>
                        </ActionForm>
                        <h2>{viewer.t("ad-col-requests")}</h2>
                        <table class="requests">
                            <thead><tr><th scope="col">{viewer.t("ad-col-service")}</th><th scope="col">{viewer.t("ad-col-as")}</th><th scope="col">{viewer.t("ad-col-with")}</th><th scope="col">{viewer.t("ad-col-state")}</th><th scope="col">{viewer.t("ad-col-cost")}</th></tr></thead>
                            <tbody>
                                {v.requests.into_iter().map(|r| view! {
                                    <tr>
                                        <td><a href=format!("/requests/{}", r.request_id)>{r.service_title}</a></td>
                                        <td>{r.as_party}</td><td>{r.counterpart}</td><td>{r.state.as_str()}</td><td>{r.cost.to_string()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <h2>{viewer.t("ad-statement")}</h2>
                        <table class="statement">
                            <thead><tr><th scope="col">{viewer.t("ad-col-when")}</th><th scope="col">{viewer.t("ad-col-what")}</th><th scope="col">{viewer.t("ad-col-part")}</th><th scope="col">{viewer.t("ad-col-minutes")}</th></tr></thead>
                            <tbody>
                                {v.statement.into_iter().map(|l| view! {
                                    <tr><td>{viewer.time(l.at)}</td><td>{format!("{} ({})", reason_words(&l.reason, &viewer), kind_name(&viewer, &l.kind))}</td><td>{bucket_name(&viewer, &l.bucket)}</td><td class="num">{format!("{:+}", l.amount.0)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
