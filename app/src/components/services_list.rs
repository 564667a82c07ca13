//! A grid of services, as the directory and the start page show them.

use leptos::prelude::*;

use crate::domain::service::{rating_label, ServiceSummary};

#[component]
pub fn ServicesList(services: Vec<ServiceSummary>) -> impl IntoView {
    if services.is_empty() {
        return view! { <p>"No services match."</p> }.into_any();
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
                                {s.category} " · by "
                                <a href=format!("/members/{}", s.provider_id)>{s.provider_name}</a>
                                {format!(" · {} · answers within {} h", rating_label(s.provider_rating, s.provider_rating_count), s.response_window_hours)}
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
