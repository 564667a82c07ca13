use crate::components::safe_text::PageTitle;
use leptos::either::Either;
use leptos::prelude::*;

use crate::api::services::list_services;
use crate::components::auth::use_auth;
use crate::components::errors::ErrorPage;
use crate::components::services_list::ServicesList;

#[component]
pub fn HomePage() -> impl IntoView {
    let me = use_auth().me;
    let services = Resource::new(|| (), |_| list_services(String::new()));
    view! {
        <PageTitle text="HourBank"/>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    me.await.map(|me| match me {
                        Some(me) => Either::Left(view! {
                            <h1>"Welcome, " {me.display_name.clone()}</h1>
                            <p class="lead">
                                "You have " <strong data-testid="home-balance">{me.available.to_string()}</strong>
                                " available to spend on other members' help."
                            </p>
                            {(me.held.0 > 0).then(|| view! {
                                <p>{format!("{} is held in escrow for requests under way.", me.held)}</p>
                            })}
                        }),
                        None => Either::Right(view! {
                            <h1>"Trade help by the hour"</h1>
                            <p class="lead">
                                "HourBank is a time bank: an hour of gardening buys an hour of tutoring. "
                                "Every member's hour is worth the same."
                            </p>
                            <p class="cta">
                                <a class="button" href="/signup">"Create an account"</a>
                                " or "
                                <a href="/login">"log in"</a>
                            </p>
                        }),
                    })
                })}
            </ErrorBoundary>
        </Transition>
        <h2>"Services members offer"</h2>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move { services.await.map(|list| view! { <ServicesList services=list/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}
