use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::services::member_profile;
use crate::components::errors::ErrorPage;
use crate::components::services_list::ServicesList;
use crate::domain::service::rating_label;

/// A provider's page: their services, average rating and reviews.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let profile = Resource::new(id, member_profile);
    view! {
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let p = profile.await?;
                    Ok::<_, crate::AppError>(view! {
                        <PageTitle text=format!("{} — HourBank", p.display_name)/>
                        <h1>{p.display_name.clone()}</h1>
                        <p class="lead" data-testid="rating">{rating_label(p.rating, p.rating_count)}</p>
                        <h2>"Services"</h2>
                        <ServicesList services=p.services/>
                        <h2>"Reviews"</h2>
                        {if p.reviews.is_empty() {
                            view! { <p>"No reviews yet."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="reviews">
                                    {p.reviews.into_iter().map(|r| view! {
                                        <li>{format!("{} of 5 from {}{}", r.stars, r.by, if r.comment.is_empty() { String::new() } else { format!(": “{}”", r.comment) })}</li>
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
