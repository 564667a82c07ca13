use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::services::list_services;
use crate::components::errors::ErrorPage;
use crate::components::services_list::ServicesList;
use crate::i18n::use_viewer;

/// The services directory, searchable.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let v = use_viewer();
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let services = Resource::new(search, list_services);
    view! {
        <PageTitle text=v.t("pg-services-title")/>
        <h1>{v.t("pg-services")}</h1>
        <form method="get" action="/services" class="search-form" role="search">
            <label for="service-search">{v.t("pg-services-search-label")}</label>
            <input id="service-search" type="search" name="q" value=search prop:value=search
                maxlength=crate::api::services::SEARCH_MAX_CHARS.to_string()/>
            <button type="submit">{v.t("pg-services-search")}</button>
        </form>
        <h2>{move || if search().trim().is_empty() { v.t("pg-services-all") } else { v.t("pg-services-matching") }}</h2>
        <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move { services.await.map(|list| view! { <ServicesList services=list/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}
