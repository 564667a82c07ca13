use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::email::{ForgotPassword, ResetPassword, VerifyEmail, RESET_SENT};
use crate::components::errors::{FieldError, FormError};
use crate::components::safe_text::PageTitle;

/// "Forgot your password?": the address, then always the same answer.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let forgot = ServerAction::<ForgotPassword>::new();
    let error = Signal::derive(move || forgot.value().get().and_then(|r| r.err()));
    let query = use_query_map();
    let sent = move || {
        query
            .with(|q| q.get("sent").is_some())
            .then_some(RESET_SENT)
    };
    view! {
        <PageTitle text="Forgot your password — HourBank"/>
        <h1>"Forgot your password?"</h1>
        <p>"Give the address you signed up with; we send it a link to set a new password."</p>
        <ActionForm action=forgot attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <label for="forgot-email">"E-mail"</label>
            <input id="forgot-email" type="email" name="email" autocomplete="email" required/>
            <FieldError error field="email"/>
            <button type="submit">"Send me a link"</button>
        </ActionForm>
        {move || sent().map(|s| view! { <p role="status" data-testid="reset-sent">{s}</p> })}
        <p><a href="/login">"Back to logging in"</a></p>
    }
}

/// The page a reset link opens: a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token").unwrap_or_default());
    let reset = ServerAction::<ResetPassword>::new();
    let error = Signal::derive(move || reset.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text="Set a new password — HourBank"/>
        <h1>"Set a new password"</h1>
        <ActionForm action=reset attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <FieldError error field="token"/>
            <input type="hidden" name="token" value=token/>
            <label for="reset-password">"New password (at least 10 characters)"</label>
            <input id="reset-password" type="password" name="password" autocomplete="new-password" required/>
            <FieldError error field="password"/>
            <button type="submit">"Set the password and log in"</button>
        </ActionForm>
        <p><a href="/forgot">"Ask for a new link"</a></p>
    }
}

/// The page a verification link opens: one button confirms the address (a link a mail
/// program opens in advance confirms nothing).
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token").unwrap_or_default());
    let verify = ServerAction::<VerifyEmail>::new();
    let error = Signal::derive(move || verify.value().get().and_then(|r| r.err()));
    let done = move || query.with(|q| q.get("done").is_some());
    view! {
        <PageTitle text="Confirm your address — HourBank"/>
        <h1>"Confirm your address"</h1>
        {move || if done() {
            view! { <p role="status" data-testid="verified">"Thank you: your address is confirmed. " <a href="/settings">"Choose what reaches you by e-mail"</a></p> }.into_any()
        } else {
            view! {
                <ActionForm action=verify attr:class="stack-form">
                    <FormError error/>
                    <FieldError error field="token"/>
                    <input type="hidden" name="token" value=token/>
                    <button type="submit">"Confirm my address"</button>
                </ActionForm>
            }.into_any()
        }}
    }
}
