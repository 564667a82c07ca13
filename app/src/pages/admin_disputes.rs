use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::dashboard::admin_disputes;
use crate::components::admin_only::AdminOnly;
use crate::components::errors::ErrorPage;
use crate::i18n::Viewer;

/// A party as the admin pages store it ("requester" or "provider"), in the reader's words.
pub(super) fn party_name(v: &Viewer, party: &str) -> String {
    match party {
        "requester" => v.t("ad-party-requester"),
        "provider" => v.t("ad-party-provider"),
        other => other.to_owned(),
    }
}

/// Open disputes, oldest first; each links to its request page, where the history, the
/// lifecycle graph and the four resolutions are.
#[component]
pub fn AdminDisputesPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    view! {
        <PageTitle text=viewer.t("ad-disputes-page-title")/>
        <AdminOnly>
            <DisputesBody/>
        </AdminOnly>
    }
}

#[component]
fn DisputesBody() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let list = Resource::new(|| (), |_| admin_disputes());
    view! {
        <h1>{viewer.t("ad-open-disputes")}</h1>
        <p>{viewer.t("ad-disputes-intro")}</p>
        <Transition fallback=move || view! { <p>{viewer.t("ad-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let items = list.await?;
                    if items.is_empty() {
                        return Ok::<_, crate::AppError>(view! { <p data-testid="no-disputes">{viewer.t("ad-no-open-disputes")}</p> }.into_any());
                    }
                    Ok(view! {
                        <table class="requests" data-testid="disputes">
                            <thead>
                                <tr>
                                    <th scope="col">{viewer.t("ad-col-opened")}</th><th scope="col">{viewer.t("ad-col-service")}</th><th scope="col">{viewer.t("ad-col-requester")}</th>
                                    <th scope="col">{viewer.t("ad-col-provider")}</th><th scope="col">{viewer.t("ad-col-raised-by")}</th><th scope="col">{viewer.t("ad-col-reason")}</th>
                                    <th scope="col">{viewer.t("ad-col-paused-in")}</th><th scope="col">{viewer.t("ad-col-held")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {items.into_iter().map(|d| view! {
                                    <tr>
                                        <td>{viewer.time(d.opened_at)}</td>
                                        <td><a href=format!("/requests/{}", d.request_id)>{d.service_title}</a></td>
                                        <td>{d.requester_name}</td>
                                        <td>{d.provider_name}</td>
                                        <td>{party_name(&viewer, &d.raised_by)}</td>
                                        <td>{d.reason}</td>
                                        <td>{d.paused_state}</td>
                                        <td>{d.held.to_string()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any())
                })}
            </ErrorBoundary>
        </Transition>
    }
}
