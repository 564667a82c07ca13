use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::services::list_services;
use crate::components::errors::ErrorPage;
use crate::components::services_list::ServicesList;

/// The services directory, searchable.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let services = Resource::new(search, list_services);
    view! {
        <PageTitle text="Services — HourBank"/>
        <h1>"Services"</h1>
        <form method="get" action="/services" class="search-form" role="search">
            <label for="service-search">"Search by title, category or provider"</label>
            <input id="service-search" type="search" name="q" value=search prop:value=search/>
            <button type="submit">"Search"</button>
        </form>
        <h2>{move || if search().trim().is_empty() { "All services" } else { "Matching services" }}</h2>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move { services.await.map(|list| view! { <ServicesList services=list/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}
