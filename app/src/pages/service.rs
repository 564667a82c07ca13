use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::requests::SubmitRequest;
use crate::api::services::get_service;
use crate::components::auth::use_auth;
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::components::terms::{CostPreview, CostWords, DurationSelect, RateAndStartFields};
use crate::domain::service::{rating_label, ServiceStatus};
use crate::i18n::{use_viewer, Arg};
use crate::lifecycle::terms::{MESSAGE_MAX_CHARS, RATE_NORM};

/// The duration the request form starts with.
const REQUEST_MINUTES: i64 = 60;

/// One service and the form to request it.
#[component]
pub fn ServicePage() -> impl IntoView {
    let v = use_viewer();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let service = Resource::new(id, get_service);
    let me = use_auth().me;
    let submit = ServerAction::<SubmitRequest>::new();
    let error = Signal::derive(move || submit.value().get().and_then(|r| r.err()));
    view! {
        <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let s = service.await?;
                    let me = me.await.ok().flatten();
                    let own = me.as_ref().is_some_and(|m| m.id == s.provider_id);
                    let available = me.as_ref().map(|m| m.available);
                    let open = s.status == ServiceStatus::Active;
                    Ok::<_, crate::AppError>(view! {
                        <PageTitle text=format!("{} — HourBank", s.title)/>
                        <h1>{s.title.clone()}</h1>
                        <p class="meta">
                            {s.category.clone()} {v.t("pg-service-by")}
                            <a href=format!("/members/{}", s.provider_id)>{s.provider_name.clone()}</a>
                            {v.tr("pg-service-meta", [("rating", rating_label(s.provider_rating, s.provider_rating_count, &v).into()), ("hours", s.response_window_hours.into())])}
                        </p>
                        <p>{s.description.clone()}</p>
                        {match (me.is_some(), own, open) {
                            (false, _, _) => view! { <p><a href="/login">{v.t("pg-log-in")}</a> {v.t("pg-service-login-to-request")}</p> }.into_any(),
                            (true, true, _) => view! { <p>{v.t("pg-service-own")} <a href="/my/services">{v.t("pg-service-manage")}</a></p> }.into_any(),
                            (true, false, false) => view! { <p>{v.t("pg-service-closed")}</p> }.into_any(),
                            (true, false, true) => view! {
                                <h2>{v.t("pg-service-request-heading")}</h2>
                                <ActionForm action=submit attr:class="stack-form">
                                    <FormError error/>
                                    <input type="hidden" name="service_id" value=s.id.to_string()/>
                                    <label for="request-duration">{v.t("pg-service-duration")}</label>
                                    <DurationSelect id="request-duration" selected=REQUEST_MINUTES/>
                                    <FieldError error field="duration_minutes"/>
                                    <RateAndStartFields id_prefix="request" rate=RATE_NORM start=None/>
                                    <FieldError error field="rate"/>
                                    <FieldError error field="start"/>
                                    <label for="request-message">{v.t("pg-service-message")}</label>
                                    <textarea id="request-message" name="message" rows="4" maxlength=MESSAGE_MAX_CHARS.to_string()></textarea>
                                    <CostPreview
                                        words=CostWords { sentence: match available {
                                            Some(_) => v.tr("pg-service-cost-after", [("cost", "{cost}".into()), ("after", "{after}".into())]),
                                            None => v.tr("pg-service-cost", [("cost", "{cost}".into())]),
                                        } }
                                        duration_id="request-duration".to_owned()
                                        rate_id="request-rate".to_owned()
                                        minutes=REQUEST_MINUTES
                                        rate=RATE_NORM
                                        available=available.map(|a| a.0)
                                    />
                                    <p class="hint">{v.tr("pg-service-hint", [("available", available.unwrap_or_default().into()), ("rate", Arg::Decimal(RATE_NORM))])}</p>
                                    <button type="submit">{v.t("pg-service-send")}</button>
                                </ActionForm>
                            }.into_any(),
                        }}
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
