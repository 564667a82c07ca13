use crate::components::safe_text::{textarea_text, PageTitle};
use leptos::prelude::*;

use crate::api::services::{my_services, CreateService, SetServiceStatus, UpdateService};
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::domain::service::{
    ServiceStatus, CATEGORY_MAX_CHARS, DEFAULT_RESPONSE_WINDOW_HOURS, DESCRIPTION_MAX_CHARS,
    RESPONSE_WINDOW_HOURS_MAX, RESPONSE_WINDOW_HOURS_MIN, TITLE_MAX_CHARS,
};
use crate::i18n::{use_viewer, Viewer};

/// A service's state, in words.
fn status_word(v: &Viewer, status: ServiceStatus) -> String {
    match status {
        ServiceStatus::Active => v.t("pg-my-services-status-active"),
        ServiceStatus::Paused => v.t("pg-my-services-status-paused"),
        ServiceStatus::Retired => v.t("pg-my-services-status-retired"),
    }
}

/// A provider's own services: offer a new one, edit, pause, resume, retire.
#[component]
pub fn MyServicesPage() -> impl IntoView {
    let v = use_viewer();
    let create = ServerAction::<CreateService>::new();
    let update = ServerAction::<UpdateService>::new();
    let status = ServerAction::<SetServiceStatus>::new();
    let list = Resource::new(
        move || {
            (
                create.version().get(),
                update.version().get(),
                status.version().get(),
            )
        },
        |_| my_services(),
    );
    let create_error = Signal::derive(move || create.value().get().and_then(|r| r.err()));
    let update_error = Signal::derive(move || update.value().get().and_then(|r| r.err()));
    let status_error = Signal::derive(move || status.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text=v.t("pg-my-services-title")/>
        <h1>{v.t("pg-my-services")}</h1>
        <section aria-labelledby="offer-heading">
            <h2 id="offer-heading">{v.t("pg-my-services-offer-heading")}</h2>
            <ActionForm action=create attr:class="stack-form">
                <FormError error=create_error/>
                <label for="new-title">{v.t("pg-my-services-title-label")}</label>
                <input id="new-title" name="title" type="text" maxlength=TITLE_MAX_CHARS.to_string() required/>
                <FieldError error=create_error field="title"/>
                <label for="new-category">{v.t("pg-my-services-category")}</label>
                <input id="new-category" name="category" type="text" maxlength=CATEGORY_MAX_CHARS.to_string() required/>
                <FieldError error=create_error field="category"/>
                <label for="new-description">{v.t("pg-my-services-description")}</label>
                <textarea id="new-description" name="description" rows="3" maxlength=DESCRIPTION_MAX_CHARS.to_string()></textarea>
                <FieldError error=create_error field="description"/>
                <label for="new-window">{v.tr("pg-my-services-window-new", [("min", RESPONSE_WINDOW_HOURS_MIN.into()), ("max", RESPONSE_WINDOW_HOURS_MAX.into())])}</label>
                <input id="new-window" name="response_window_hours" type="number" min=RESPONSE_WINDOW_HOURS_MIN.to_string() max=RESPONSE_WINDOW_HOURS_MAX.to_string() value=DEFAULT_RESPONSE_WINDOW_HOURS.to_string() required/>
                <FieldError error=create_error field="response_window_hours"/>
                <button type="submit">{v.t("pg-my-services-offer")}</button>
            </ActionForm>
        </section>
        <section aria-labelledby="yours-heading">
            <h2 id="yours-heading">{v.t("pg-my-services-yours")}</h2>
            <FormError error=update_error/>
            <FormError error=status_error/>
            <FieldError error=update_error field="title"/>
            <FieldError error=update_error field="response_window_hours"/>
            <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                    {move || Suspend::new(async move {
                        let items = list.await?;
                        if items.is_empty() {
                            return Ok::<_, crate::AppError>(view! { <p>{v.t("pg-my-services-none")}</p> }.into_any());
                        }
                        Ok(view! {
                            <ul class="my-services">
                                {items.into_iter().map(|s| {
                                    let sid = s.id.to_string();
                                    let retired = s.status == ServiceStatus::Retired;
                                    let status_button = |to: ServiceStatus, label: String, sid: String| view! {
                                        <ActionForm action=status attr:class="inline">
                                            <input type="hidden" name="service_id" value=sid/>
                                            <input type="hidden" name="status" value=to.as_str()/>
                                            <button type="submit">{label}</button>
                                        </ActionForm>
                                    };
                                    let (sid_edit, sid_status, sid_retire) = (sid.clone(), sid.clone(), sid.clone());
                                    view! {
                                        <li data-status=s.status.as_str()>
                                            <h3><a href=format!("/services/{sid}")>{s.title.clone()}</a> " (" {status_word(&v, s.status)} ")"</h3>
                                            {(!retired).then(|| view! {
                                                <details>
                                                    <summary>{v.t("pg-my-services-edit")}</summary>
                                                    <ActionForm action=update attr:class="stack-form">
                                                        <input type="hidden" name="service_id" value=sid_edit.clone()/>
                                                        <label for=format!("t-{sid_edit}")>{v.t("pg-my-services-title-label")}</label>
                                                        <input id=format!("t-{sid_edit}") name="title" type="text" value=s.title.clone() maxlength=TITLE_MAX_CHARS.to_string()/>
                                                        <label for=format!("c-{sid_edit}")>{v.t("pg-my-services-category")}</label>
                                                        <input id=format!("c-{sid_edit}") name="category" type="text" value=s.category.clone() maxlength=CATEGORY_MAX_CHARS.to_string()/>
                                                        <label for=format!("d-{sid_edit}")>{v.t("pg-my-services-description")}</label>
                                                        <textarea id=format!("d-{sid_edit}") name="description" rows="3" maxlength=DESCRIPTION_MAX_CHARS.to_string()>{textarea_text(s.description.clone())}</textarea>
                                                        <label for=format!("w-{sid_edit}")>{v.t("pg-my-services-window")}</label>
                                                        <input id=format!("w-{sid_edit}") name="response_window_hours" type="number" min=RESPONSE_WINDOW_HOURS_MIN.to_string() max=RESPONSE_WINDOW_HOURS_MAX.to_string() value=s.response_window_hours.to_string()/>
                                                        <button type="submit">{v.t("pg-save")}</button>
                                                    </ActionForm>
                                                </details>
                                                {match s.status {
                                                    ServiceStatus::Active => status_button(ServiceStatus::Paused, v.t("pg-my-services-pause"), sid_status.clone()).into_any(),
                                                    _ => status_button(ServiceStatus::Active, v.t("pg-my-services-resume"), sid_status.clone()).into_any(),
                                                }}
                                                {status_button(ServiceStatus::Retired, v.t("pg-my-services-retire"), sid_retire.clone())}
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any())
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
