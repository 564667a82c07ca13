use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::auth::Signup;
use crate::components::errors::{FieldError, FormError};
use crate::domain::account::PASSWORD_MIN_CHARS;
use crate::i18n::use_viewer;

#[component]
pub fn SignupPage() -> impl IntoView {
    let v = use_viewer();
    // Created inside the route, so an error carried back in the URL (no JavaScript) is found.
    let signup = ServerAction::<Signup>::new();
    let error = Signal::derive(move || signup.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text=v.t("pg-signup-title")/>
        <h1>{v.t("pg-signup-heading")}</h1>
        <ActionForm action=signup attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <BrowserZoneField/>
            <label for="signup-name">{v.t("pg-signup-name")}</label>
            <input id="signup-name" type="text" name="display_name" autocomplete="name" maxlength=crate::domain::account::DISPLAY_NAME_MAX_CHARS.to_string() required/>
            <FieldError error field="display_name"/>
            <label for="signup-email">{v.t("pg-email")}</label>
            <input id="signup-email" type="email" name="email" autocomplete="email" required/>
            <FieldError error field="email"/>
            <label for="signup-password">{v.tr("pg-signup-password", [("min", PASSWORD_MIN_CHARS.into())])}</label>
            <input id="signup-password" type="password" name="password" autocomplete="new-password" required/>
            <FieldError error field="password"/>
            <button type="submit">{v.t("pg-sign-up")}</button>
        </ActionForm>
        <p>{v.t("pg-signup-already")} <a href="/login">{v.t("pg-log-in")}</a></p>
    }
}

/// The browser's zone, as a guess the member can change in Settings: an island, so it
/// is filled in once the page's script runs; without JavaScript it stays empty and the
/// bank's zone is taken.
#[island]
fn BrowserZoneField() -> impl IntoView {
    let (zone, set_zone) = signal(String::new());
    Effect::new(move |_| set_zone.set(browser_zone()));
    view! { <input type="hidden" name="time_zone" prop:value=move || zone.get()/> }
}

#[cfg(feature = "hydrate")]
fn browser_zone() -> String {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[cfg(not(feature = "hydrate"))]
fn browser_zone() -> String {
    String::new()
}
