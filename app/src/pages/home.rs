use crate::components::safe_text::PageTitle;
use leptos::either::Either;
use leptos::prelude::*;

use crate::api::services::list_services;
use crate::components::auth::use_auth;
use crate::components::errors::ErrorPage;
use crate::components::services_list::ServicesList;
use crate::i18n::use_viewer;

#[component]
pub fn HomePage() -> impl IntoView {
    let v = use_viewer();
    let me = use_auth().me;
    let services = Resource::new(|| (), |_| list_services(String::new()));
    view! {
        <PageTitle text="HourBank"/>
        <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    me.await.map(|me| match me {
                        Some(me) => Either::Left(view! {
                            <h1>{v.tr("pg-home-welcome", [("name", me.display_name.clone().into())])}</h1>
                            <p class="lead">
                                {v.t("pg-home-balance-before")} <strong data-testid="home-balance">{me.available.to_string()}</strong>
                                {v.t("pg-home-balance-after")}
                            </p>
                            {(me.held.0 > 0).then(|| view! {
                                <p>{v.tr("pg-home-held", [("held", me.held.into())])}</p>
                            })}
                        }),
                        None => Either::Right(view! {
                            <h1>{v.t("pg-home-hero")}</h1>
                            <p class="lead">
                                {v.t("pg-home-lead")}
                            </p>
                            <p class="cta">
                                <a class="button" href="/signup">{v.t("pg-create-account")}</a>
                                {v.t("pg-home-or")}
                                <a href="/login">{v.t("pg-home-log-in-lower")}</a>
                            </p>
                        }),
                    })
                })}
            </ErrorBoundary>
        </Transition>
        <h2>{v.t("pg-home-services-heading")}</h2>
        <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move { services.await.map(|list| view! { <ServicesList services=list/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}
