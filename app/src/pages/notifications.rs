use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::account::{my_notifications, MarkNotificationsRead};
use crate::components::errors::ErrorPage;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let list = Resource::new(move || mark.version().get(), |_| my_notifications());
    view! {
        <PageTitle text=viewer.t("rq-notifications-page-title")/>
        <h1>{viewer.t("rq-notifications")}</h1>
        <ActionForm action=mark attr:class="inline">
            <input type="hidden" name="id" value=""/>
            <button type="submit">{viewer.t("rq-mark-all-read")}</button>
        </ActionForm>
        <Transition fallback=move || view! { <p>{viewer.t("rq-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let items = list.await?;
                    if items.is_empty() {
                        return Ok::<_, crate::AppError>(view! { <p>{viewer.t("rq-no-notifications")}</p> }.into_any());
                    }
                    Ok(view! {
                        <ul class="notifications">
                            {items.into_iter().map(|n| view! {
                                <li class:unread=!n.read>
                                    <time datetime=n.at.to_rfc3339()>{viewer.time(n.at)}</time> " "
                                    {match n.request_id.clone() {
                                        Some(r) => view! { <a href=format!("/requests/{r}")>{n.text.clone()}</a> }.into_any(),
                                        None => view! { <span>{n.text.clone()}</span> }.into_any(),
                                    }}
                                    {(!n.read).then(|| view! {
                                        <ActionForm action=mark attr:class="inline">
                                            <input type="hidden" name="id" value=n.id.clone()/>
                                            <button type="submit" class="link-button">{viewer.t("rq-mark-read")}</button>
                                        </ActionForm>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any())
                })}
            </ErrorBoundary>
        </Transition>
    }
}
