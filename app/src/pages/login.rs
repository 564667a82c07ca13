use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::auth::Login;
use crate::components::errors::{FieldError, FormError};

#[component]
pub fn LoginPage() -> impl IntoView {
    // Created inside the route, so an error carried back in the URL (no JavaScript) is found.
    let login = ServerAction::<Login>::new();
    let error = Signal::derive(move || login.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text="Log in — HourBank"/>
        <h1>"Log in"</h1>
        <ActionForm action=login attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <label for="login-email">"E-mail"</label>
            <input id="login-email" type="email" name="email" autocomplete="email" required/>
            <FieldError error field="email"/>
            <label for="login-password">"Password"</label>
            <input id="login-password" type="password" name="password" autocomplete="current-password" required/>
            <FieldError error field="password"/>
            <button type="submit">"Log in"</button>
        </ActionForm>
        <p><a href="/forgot">"Forgot your password?"</a></p>
        <p>"New here? " <a href="/signup">"Create an account"</a></p>
    }
}
