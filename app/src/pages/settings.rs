use leptos::prelude::*;

use crate::api::email::{my_email_settings, SendVerification, SetEmailMode};
use crate::api::time::{my_time_settings, RenewCalendarAddress, SetTimeZone};
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::components::safe_text::PageTitle;
use crate::i18n::{use_viewer, Zone};

/// A member's settings: their address, whether it is verified, and what they get by e-mail.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let v = use_viewer();
    let set_mode = ServerAction::<SetEmailMode>::new();
    let resend = ServerAction::<SendVerification>::new();
    let settings = Resource::new(
        move || (set_mode.version().get(), resend.version().get()),
        |_| my_email_settings(),
    );
    let mode_error = Signal::derive(move || set_mode.value().get().and_then(|r| r.err()));
    let resend_error = Signal::derive(move || resend.value().get().and_then(|r| r.err()));
    let query = leptos_router::hooks::use_query_map();
    let saved = move || query.with(|q| q.get("saved").is_some());
    let resent = move || query.with(|q| q.get("sent").is_some());
    view! {
        <PageTitle text=v.t("pg-settings-title")/>
        <h1>{v.t("pg-settings-heading")}</h1>
        <TimeSettings/>
        <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let s = settings.await?;
                    let mode = s.mode.clone();
                    let choice = move |value: &'static str, label: String| {
                        let id = format!("mode-{value}");
                        let checked = mode == value;
                        view! {
                            <div class="choice">
                                <input type="radio" id=id.clone() name="mode" value=value checked=checked/>
                                <label for=id>{label}</label>
                            </div>
                        }
                    };
                    Ok::<_, crate::AppError>(view! {
                        <section aria-labelledby="email-heading">
                            <h2 id="email-heading">{v.t("pg-email")}</h2>
                            {if !s.mail_on {
                                view! { <p data-testid="mail-off">{v.t("pg-settings-mail-off")}</p> }.into_any()
                            } else {
                                view! {
                                    <p data-testid="email-address">
                                        {s.email.clone()} " · "
                                        {if s.verified { v.t("pg-settings-verified") } else { v.t("pg-settings-not-verified") }}
                                    </p>
                                    {(!s.verified).then(|| view! {
                                        <ActionForm action=resend attr:class="inline">
                                            <FormError error=resend_error/>
                                            <button type="submit">{v.t("pg-settings-resend")}</button>
                                        </ActionForm>
                                        {move || resent().then(|| view! { <p role="status">{v.t("pg-settings-resent")}</p> })}
                                    })}
                                    <ActionForm action=set_mode attr:class="stack-form">
                                        <FormError error=mode_error/>
                                        <fieldset>
                                            <legend>{v.t("pg-settings-mode-legend")}</legend>
                                            {choice("immediate", v.t("pg-settings-mode-immediate"))}
                                            {choice("digest", v.tr("pg-settings-mode-digest", [("hour", format!("{:02}", s.digest_hour_utc).into())]))}
                                            {choice("off", v.t("pg-settings-mode-off"))}
                                        </fieldset>
                                        <FieldError error=mode_error field="mode"/>
                                        <button type="submit">{v.t("pg-save")}</button>
                                        {move || saved().then(|| view! { <p role="status">{v.t("pg-saved")}</p> })}
                                    </ActionForm>
                                }.into_any()
                            }}
                        </section>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The member's time zone and the private address of their calendar feed.
#[component]
fn TimeSettings() -> impl IntoView {
    let v = use_viewer();
    let set_zone = ServerAction::<SetTimeZone>::new();
    let renew = ServerAction::<RenewCalendarAddress>::new();
    let settings = Resource::new(
        move || (set_zone.version().get(), renew.version().get()),
        |_| my_time_settings(),
    );
    let zone_error = Signal::derive(move || set_zone.value().get().and_then(|r| r.err()));
    let renew_error = Signal::derive(move || renew.value().get().and_then(|r| r.err()));
    let query = leptos_router::hooks::use_query_map();
    let zone_saved = move || query.with(|q| q.get("zone_saved").is_some());
    let renewed = move || query.with(|q| q.get("calendar_renewed").is_some());
    view! {
        <Transition fallback=move || view! { <p>{v.t("pg-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let s = settings.await?;
                    let current = s.zone.clone().unwrap_or_default();
                    let bank_default = v.tr("pg-settings-bank-zone", [("zone", s.default_zone.clone().into())]);
                    Ok::<_, crate::AppError>(view! {
                        <section aria-labelledby="time-heading">
                            <h2 id="time-heading">{v.t("pg-settings-zone-heading")}</h2>
                            <ActionForm action=set_zone attr:class="stack-form">
                                <FormError error=zone_error/>
                                <label for="time-zone">{v.t("pg-settings-zone-label")}</label>
                                <select id="time-zone" name="time_zone">
                                    <option value="" selected=current.is_empty()>{bank_default}</option>
                                    {Zone::all().map(|z| {
                                        let name = z.name();
                                        view! { <option value=name selected=current == name>{name}</option> }
                                    }).collect_view()}
                                </select>
                                <FieldError error=zone_error field="time_zone"/>
                                <button type="submit">{v.t("pg-settings-zone-save")}</button>
                                {move || zone_saved().then(|| view! { <p role="status">{v.t("pg-saved")}</p> })}
                            </ActionForm>
                        </section>
                        <section aria-labelledby="calendar-heading">
                            <h2 id="calendar-heading">{v.t("pg-settings-calendar-heading")}</h2>
                            <p>{v.t("pg-settings-calendar-intro")}</p>
                            <p><input type="text" readonly aria-label=v.t("pg-settings-calendar-feed") class="feed-url" data-testid="feed-url" value=s.feed_url.clone()/></p>
                            <p class="hint">{v.t("pg-settings-calendar-hint")}</p>
                            <ActionForm action=renew attr:class="inline">
                                <FormError error=renew_error/>
                                <button type="submit">{v.t("pg-settings-calendar-renew")}</button>
                            </ActionForm>
                            {move || renewed().then(|| view! { <p role="status">{v.t("pg-settings-calendar-renewed")}</p> })}
                        </section>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
