use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::auth::Signup;
use crate::components::errors::{FieldError, FormError};
use crate::domain::account::PASSWORD_MIN_CHARS;

#[component]
pub fn SignupPage() -> impl IntoView {
    // Created inside the route, so an error carried back in the URL (no JavaScript) is found.
    let signup = ServerAction::<Signup>::new();
    let error = Signal::derive(move || signup.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text="Sign up — HourBank"/>
        <h1>"Create your account"</h1>
        <ActionForm action=signup attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <label for="signup-name">"Your name (shown to other members)"</label>
            <input id="signup-name" type="text" name="display_name" autocomplete="name" maxlength=crate::domain::account::DISPLAY_NAME_MAX_CHARS.to_string() required/>
            <FieldError error field="display_name"/>
            <label for="signup-email">"E-mail"</label>
            <input id="signup-email" type="email" name="email" autocomplete="email" required/>
            <FieldError error field="email"/>
            <label for="signup-password">{format!("Password (at least {PASSWORD_MIN_CHARS} characters)")}</label>
            <input id="signup-password" type="password" name="password" autocomplete="new-password" required/>
            <FieldError error field="password"/>
            <button type="submit">"Sign up"</button>
        </ActionForm>
        <p>"Already a member? " <a href="/login">"Log in"</a></p>
    }
}
