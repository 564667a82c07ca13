use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::services::member_profile;
use crate::components::errors::ErrorPage;
use crate::components::services_list::ServicesList;
use crate::domain::service::rating_label;
use crate::i18n::use_viewer;

/// A provider's page: their services, average rating and reviews.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let v = use_viewer();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let profile = Resource::new(id, member_profile);
    view! {
        <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let p = profile.await?;
                    Ok::<_, crate::AppError>(view! {
                        <PageTitle text=format!("{} — HourBank", p.display_name)/>
                        <h1>{p.display_name.clone()}</h1>
                        <p class="lead" data-testid="rating">{rating_label(p.rating, p.rating_count, &v)}</p>
                        <h2>{v.t("pg-services")}</h2>
                        <ServicesList services=p.services/>
                        <h2>{v.t("pg-profile-reviews")}</h2>
                        {if p.reviews.is_empty() {
                            view! { <p>{v.t("pg-profile-no-reviews")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="reviews">
                                    {p.reviews.into_iter().map(|r| view! {
                                        <li>{if r.comment.is_empty() {
                                            v.tr("pg-profile-review", [("stars", r.stars.into()), ("by", r.by.clone().into())])
                                        } else {
                                            v.tr("pg-profile-review-comment", [("stars", r.stars.into()), ("by", r.by.clone().into()), ("comment", r.comment.clone().into())])
                                        }}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
