use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::auth::Login;
use crate::components::errors::{FieldError, FormError};
use crate::i18n::use_viewer;

#[component]
pub fn LoginPage() -> impl IntoView {
    let v = use_viewer();
    // Created inside the route, so an error carried back in the URL (no JavaScript) is found.
    let login = ServerAction::<Login>::new();
    let error = Signal::derive(move || login.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text=v.t("pg-login-title")/>
        <h1>{v.t("pg-log-in")}</h1>
        <ActionForm action=login attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <label for="login-email">{v.t("pg-email")}</label>
            <input id="login-email" type="email" name="email" autocomplete="email" required/>
            <FieldError error field="email"/>
            <label for="login-password">{v.t("pg-password")}</label>
            <input id="login-password" type="password" name="password" autocomplete="current-password" required/>
            <FieldError error field="password"/>
            <button type="submit">{v.t("pg-log-in")}</button>
        </ActionForm>
        <p><a href="/forgot">{v.t("pg-forgot-question")}</a></p>
        <p>{v.t("pg-login-new-here")} <a href="/signup">{v.t("pg-create-account")}</a></p>
    }
}
