//! A grid of services, as the directory and the start page show them.

use leptos::prelude::*;

use crate::domain::service::{rating_label, ServiceSummary};
use crate::i18n::use_viewer;

#[component]
pub fn ServicesList(services: Vec<ServiceSummary>) -> impl IntoView {
    let v = use_viewer();
    if services.is_empty() {
        return view! { <p>{v.t("pg-services-none")}</p> }.into_any();
    }
    view! {
        <ul class="services">
            {services
                .into_iter()
                .map(|s| {
                    view! {
                        <li>
                            <h3><a href=format!("/services/{}", s.id)>{s.title}</a></h3>
                            <p class="meta">
                                {s.category} {v.t("pg-service-by")}
                                <a href=format!("/members/{}", s.provider_id)>{s.provider_name}</a>
                                {v.tr("pg-service-meta", [("rating", rating_label(s.provider_rating, s.provider_rating_count, &v).into()), ("hours", s.response_window_hours.into())])}
                            </p>
                            <p>{s.description}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
