use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::requests::SubmitRequest;
use crate::api::services::get_service;
use crate::components::auth::use_auth;
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::components::terms::{DurationSelect, RateAndStartFields};
use crate::domain::service::{rating_label, ServiceStatus};
use crate::domain::Minutes;
use crate::lifecycle::terms::{MESSAGE_MAX_CHARS, RATE_NORM};
use crate::lifecycle::Terms;

/// One service and the form to request it.
#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let service = Resource::new(id, get_service);
    let me = use_auth().me;
    let submit = ServerAction::<SubmitRequest>::new();
    let error = Signal::derive(move || submit.value().get().and_then(|r| r.err()));
    let (minutes, set_minutes) = signal(60i64);
    let (rate, set_rate) = signal(RATE_NORM);
    view! {
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
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
                            {s.category.clone()} " · by "
                            <a href=format!("/members/{}", s.provider_id)>{s.provider_name.clone()}</a>
                            {format!(" · {} · answers within {} h", rating_label(s.provider_rating, s.provider_rating_count), s.response_window_hours)}
                        </p>
                        <p>{s.description.clone()}</p>
                        {match (me.is_some(), own, open) {
                            (false, _, _) => view! { <p><a href="/login">"Log in"</a> " to request this service."</p> }.into_any(),
                            (true, true, _) => view! { <p>"This is your own service. " <a href="/my/services">"Manage your services"</a></p> }.into_any(),
                            (true, false, false) => view! { <p>"This service is not taking requests right now."</p> }.into_any(),
                            (true, false, true) => view! {
                                <h2>"Request this service"</h2>
                                <ActionForm action=submit attr:class="stack-form">
                                    <FormError error/>
                                    <input type="hidden" name="service_id" value=s.id.to_string()/>
                                    <label for="request-duration">"How long (hours)"</label>
                                    <DurationSelect id="request-duration" selected=60 on_pick=set_minutes/>
                                    <FieldError error field="duration_minutes"/>
                                    <RateAndStartFields id_prefix="request" rate=RATE_NORM start=None on_rate=set_rate/>
                                    <FieldError error field="rate"/>
                                    <FieldError error field="start"/>
                                    <label for="request-message">"Message to the provider"</label>
                                    <textarea id="request-message" name="message" rows="4" maxlength=MESSAGE_MAX_CHARS.to_string()></textarea>
                                    <p class="cost" data-testid="cost-preview">
                                        {move || {
                                            let cost = Terms {
                                                duration_minutes: minutes.get(),
                                                rate: rate.get(),
                                                proposed_start: None,
                                                message: String::new(),
                                            }
                                            .cost();
                                            match available {
                                                Some(a) => format!("This holds {cost} of your hours in escrow until the service is done; you would have {} available after.", Minutes(a.0 - cost.0)),
                                                None => format!("This holds {cost} of your hours in escrow."),
                                            }
                                        }}
                                    </p>
                                    <p class="hint">{format!("You have {} available. The usual rate is 1.00 (one hour of credit per hour); the provider may propose other terms.", available.unwrap_or_default())}</p>
                                    <button type="submit">"Send request"</button>
                                </ActionForm>
                            }.into_any(),
                        }}
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
