//! A grid of services, as the directory and the start page show them.

use leptos::prelude::*;

use crate::domain::service::ServiceSummary;

#[component]
pub fn ServicesList(services: Vec<ServiceSummary>) -> impl IntoView {
    if services.is_empty() {
        return view! { <p>"No services are offered yet."</p> }.into_any();
    }
    view! {
        <ul class="services">
            {services
                .into_iter()
                .map(|s| {
                    view! {
                        <li>
                            <h3>{s.title}</h3>
                            <p class="meta">
                                {format!("{} · by {} · answers within {} h", s.category, s.provider_name, s.response_window_hours)}
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
