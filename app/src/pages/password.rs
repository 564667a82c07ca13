use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::email::{ForgotPassword, ResetPassword, VerifyEmail};
use crate::components::errors::{FieldError, FormError};
use crate::components::safe_text::PageTitle;
use crate::domain::account::PASSWORD_MIN_CHARS;
use crate::i18n::use_viewer;

/// "Forgot your password?": the address, then always the same answer.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let v = use_viewer();
    let forgot = ServerAction::<ForgotPassword>::new();
    let error = Signal::derive(move || forgot.value().get().and_then(|r| r.err()));
    let query = use_query_map();
    let sent = move || {
        query
            .with(|q| q.get("sent").is_some())
            .then(|| v.t("er-reset-sent"))
    };
    view! {
        <PageTitle text=v.t("pg-forgot-title")/>
        <h1>{v.t("pg-forgot-question")}</h1>
        <p>{v.t("pg-forgot-intro")}</p>
        <ActionForm action=forgot attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <label for="forgot-email">{v.t("pg-email")}</label>
            <input id="forgot-email" type="email" name="email" autocomplete="email" required/>
            <FieldError error field="email"/>
            <button type="submit">{v.t("pg-forgot-send")}</button>
        </ActionForm>
        {move || sent().map(|s| view! { <p role="status" data-testid="reset-sent">{s}</p> })}
        <p><a href="/login">{v.t("pg-forgot-back")}</a></p>
    }
}

/// The page a reset link opens: a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let v = use_viewer();
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token").unwrap_or_default());
    let reset = ServerAction::<ResetPassword>::new();
    let error = Signal::derive(move || reset.value().get().and_then(|r| r.err()));
    view! {
        <PageTitle text=v.t("pg-reset-title")/>
        <h1>{v.t("pg-reset-heading")}</h1>
        <ActionForm action=reset attr:class="stack-form" attr:novalidate=true>
            <FormError error/>
            <FieldError error field="token"/>
            <input type="hidden" name="token" value=token/>
            <label for="reset-password">{v.tr("pg-reset-password", [("min", PASSWORD_MIN_CHARS.into())])}</label>
            <input id="reset-password" type="password" name="password" autocomplete="new-password" required/>
            <FieldError error field="password"/>
            <button type="submit">{v.t("pg-reset-submit")}</button>
        </ActionForm>
        <p><a href="/forgot">{v.t("pg-reset-new-link")}</a></p>
    }
}

/// The page a verification link opens: one button confirms the address (a link a mail
/// program opens in advance confirms nothing).
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let v = use_viewer();
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token").unwrap_or_default());
    let verify = ServerAction::<VerifyEmail>::new();
    let error = Signal::derive(move || verify.value().get().and_then(|r| r.err()));
    let done = move || query.with(|q| q.get("done").is_some());
    view! {
        <PageTitle text=v.t("pg-verify-title")/>
        <h1>{v.t("pg-verify-heading")}</h1>
        {move || if done() {
            view! { <p role="status" data-testid="verified">{v.t("pg-verify-done")} <a href="/settings">{v.t("pg-verify-choose")}</a></p> }.into_any()
        } else {
            view! {
                <ActionForm action=verify attr:class="stack-form">
                    <FormError error/>
                    <FieldError error field="token"/>
                    <input type="hidden" name="token" value=token/>
                    <button type="submit">{v.t("pg-verify-submit")}</button>
                </ActionForm>
            }.into_any()
        }}
    }
}
