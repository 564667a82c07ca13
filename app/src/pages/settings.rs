use leptos::prelude::*;

use crate::api::email::{my_email_settings, SendVerification, SetEmailMode};
use crate::api::time::{my_time_settings, RenewCalendarAddress, SetTimeZone};
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::components::safe_text::PageTitle;
use crate::i18n::Zone;

/// A member's settings: their address, whether it is verified, and what they get by e-mail.
#[component]
pub fn SettingsPage() -> impl IntoView {
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
        <PageTitle text="Settings — HourBank"/>
        <h1>"Settings"</h1>
        <TimeSettings/>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
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
                            <h2 id="email-heading">"E-mail"</h2>
                            {if !s.mail_on {
                                view! { <p data-testid="mail-off">"This bank sends no e-mail: you hear of everything here, under Notifications."</p> }.into_any()
                            } else {
                                view! {
                                    <p data-testid="email-address">
                                        {s.email.clone()} " · "
                                        {if s.verified { "verified" } else { "not verified yet: we send nothing else until you confirm it" }}
                                    </p>
                                    {(!s.verified).then(|| view! {
                                        <ActionForm action=resend attr:class="inline">
                                            <FormError error=resend_error/>
                                            <button type="submit">"Send the confirmation link again"</button>
                                        </ActionForm>
                                        {move || resent().then(|| view! { <p role="status">"Sent. The link works for three days."</p> })}
                                    })}
                                    <ActionForm action=set_mode attr:class="stack-form">
                                        <FormError error=mode_error/>
                                        <fieldset>
                                            <legend>"What reaches you by e-mail"</legend>
                                            {choice("immediate", "Each step as it happens, and reminders before the timer acts".to_owned())}
                                            {choice("digest", format!("One digest a day, at {:02}:00 UTC", s.digest_hour_utc))}
                                            {choice("off", "Nothing (the app keeps every notification)".to_owned())}
                                        </fieldset>
                                        <FieldError error=mode_error field="mode"/>
                                        <button type="submit">"Save"</button>
                                        {move || saved().then(|| view! { <p role="status">"Saved."</p> })}
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
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let s = settings.await?;
                    let current = s.zone.clone().unwrap_or_default();
                    let bank_default = format!("The bank's zone ({})", s.default_zone);
                    Ok::<_, crate::AppError>(view! {
                        <section aria-labelledby="time-heading">
                            <h2 id="time-heading">"Time zone"</h2>
                            <ActionForm action=set_zone attr:class="stack-form">
                                <FormError error=zone_error/>
                                <label for="time-zone">"Every time is shown to you in"</label>
                                <select id="time-zone" name="time_zone">
                                    <option value="" selected=current.is_empty()>{bank_default}</option>
                                    {Zone::all().map(|z| {
                                        let name = z.name();
                                        view! { <option value=name selected=current == name>{name}</option> }
                                    }).collect_view()}
                                </select>
                                <FieldError error=zone_error field="time_zone"/>
                                <button type="submit">"Save time zone"</button>
                                {move || zone_saved().then(|| view! { <p role="status">"Saved."</p> })}
                            </ActionForm>
                        </section>
                        <section aria-labelledby="calendar-heading">
                            <h2 id="calendar-heading">"Calendar"</h2>
                            <p>"Subscribe to this private address in your calendar app to see the work you agreed, with its start time:"</p>
                            <p><input type="text" readonly aria-label="Your calendar feed address" class="feed-url" data-testid="feed-url" value=s.feed_url.clone()/></p>
                            <p class="hint">"Anyone with the address sees your agreed work. If it leaked, make a new one: the old address stops working."</p>
                            <ActionForm action=renew attr:class="inline">
                                <FormError error=renew_error/>
                                <button type="submit">"Make a new address"</button>
                            </ActionForm>
                            {move || renewed().then(|| view! { <p role="status">"Done: only the address above works now."</p> })}
                        </section>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
