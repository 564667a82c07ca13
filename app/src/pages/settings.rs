use leptos::prelude::*;

use crate::api::email::{my_email_settings, SendVerification, SetEmailMode};
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::components::safe_text::PageTitle;

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
