use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::dashboard::admin_disputes;
use crate::components::admin_only::AdminOnly;
use crate::components::errors::ErrorPage;
use crate::components::live::use_live;

/// Open disputes, oldest first; each links to its request page, where the history, the
/// lifecycle graph and the four resolutions are.
#[component]
pub fn AdminDisputesPage() -> impl IntoView {
    view! {
        <PageTitle text="Disputes — HourBank admin"/>
        <AdminOnly>
            <DisputesBody/>
        </AdminOnly>
    }
}

#[component]
fn DisputesBody() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let live = use_live();
    let list = Resource::new(move || live.get(), |_| admin_disputes());
    view! {
        <h1>"Open disputes"</h1>
        <p>"Oldest first. Open one to see its full history and resolve it: resume, pay the provider, refund, or split."</p>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let items = list.await?;
                    if items.is_empty() {
                        return Ok::<_, crate::AppError>(view! { <p data-testid="no-disputes">"No open disputes."</p> }.into_any());
                    }
                    Ok(view! {
                        <table class="requests" data-testid="disputes">
                            <thead>
                                <tr>
                                    <th scope="col">"Opened"</th><th scope="col">"Service"</th><th scope="col">"Requester"</th>
                                    <th scope="col">"Provider"</th><th scope="col">"Raised by"</th><th scope="col">"Reason"</th>
                                    <th scope="col">"Paused in"</th><th scope="col">"Held"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {items.into_iter().map(|d| view! {
                                    <tr>
                                        <td>{viewer.time(d.opened_at)}</td>
                                        <td><a href=format!("/requests/{}", d.request_id)>{d.service_title}</a></td>
                                        <td>{d.requester_name}</td>
                                        <td>{d.provider_name}</td>
                                        <td>{d.raised_by}</td>
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
