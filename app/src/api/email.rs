//! A member's e-mail: settings, verification, password reset, unsubscribe.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::AppError;

/// What the settings page shows about e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailSettingsView {
    pub email: String,
    pub verified: bool,
    /// immediate, digest or off.
    pub mode: String,
    /// False when this bank sends no e-mail at all (no SMTP configured).
    pub mail_on: bool,
    /// The UTC hour daily digests go out at.
    pub digest_hour_utc: i64,
}

#[server(endpoint = "me/email")]
pub async fn my_email_settings() -> Result<EmailSettingsView, AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::members_store;
    serve(|state| async move {
        let me = require_member()?;
        let s = members_store::email_settings(&state.db.read, me.member_id).await?;
        Ok(EmailSettingsView {
            email: s.email,
            verified: s.verified_at.is_some(),
            mode: s.mode.as_str().to_owned(),
            mail_on: state.config.mail.is_some(),
            digest_hour_utc: state
                .config
                .mail
                .as_ref()
                .map(|m| m.digest_hour_utc)
                .unwrap_or(7),
        })
    })
    .await
}

/// `mode`: immediate, digest or off.
#[server(endpoint = "me/email/mode")]
pub async fn set_email_mode(mode: String) -> Result<(), AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::mail::EmailMode;
    use crate::server::operations;
    serve(|state| async move {
        let me = require_member()?;
        let mode = EmailMode::parse(mode.trim()).ok_or_else(|| {
            AppError::invalid("mode", crate::i18n::page_viewer().t("er-email-mode"))
        })?;
        state.tell(operations::set_email_mode(&state, me.member_id, mode).await?);
        // Back to the page, saying so (also when the form was posted without JavaScript).
        leptos_axum::redirect("/settings?saved=1");
        Ok(())
    })
    .await
}

#[server(endpoint = "me/email/verify/send")]
pub async fn send_verification() -> Result<(), AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let me = require_member()?;
        let v = crate::i18n::page_viewer();
        if state.config.mail.is_none() {
            return Err(AppError::Conflict(v.t("er-no-mail-verify")));
        }
        if !state.tell(operations::send_verification(&state, me.member_id).await?) {
            return Err(AppError::Conflict(v.t("er-already-verified")));
        }
        Ok(())
    })
    .await
}

/// Confirms an address with the token its verification e-mail carried.
#[server(endpoint = "email/verify")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::server::context::serve;
    use crate::server::operations;
    serve(|state| async move {
        match state.tell(operations::verify_email(&state, token.trim()).await?) {
            Some(_) => {
                leptos_axum::redirect("/verify?done=1");
                Ok(())
            }
            None => Err(AppError::invalid(
                "token",
                crate::i18n::page_viewer().t("er-verify-link-expired"),
            )),
        }
    })
    .await
}

#[server(endpoint = "password/forgot")]
pub async fn forgot_password(email: String) -> Result<String, AppError> {
    use crate::domain::Email;
    use crate::server::context::{count_auth_attempt, serve};
    use crate::server::operations;
    serve(|state| async move {
        let v = crate::i18n::page_viewer();
        let email = Email::parse(&email)?;
        count_auth_attempt(&state, email.as_str())?;
        if state.config.mail.is_none() {
            return Err(AppError::Conflict(v.t("er-no-mail-reset")));
        }
        state.tell(operations::request_password_reset(&state, &email).await?);
        leptos_axum::redirect("/forgot?sent=1");
        Ok(v.t("er-reset-sent"))
    })
    .await
}

/// Sets a new password with a reset link's token; the member is then logged in, every
/// other session of theirs ended.
#[server(endpoint = "password/reset")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::domain::Password;
    use crate::server::context::{internal, serve, set_cookie};
    use crate::server::{operations, password as pw, sessions};
    serve(|state| async move {
        let password = Password::parse_new(&password)?;
        let hash = pw::hash(&password).await.map_err(internal)?;
        match state.tell(operations::reset_password(&state, token.trim(), &hash).await?) {
            Some((member, session)) => {
                tracing::info!(%member, "password reset");
                set_cookie(&sessions::login_cookie(
                    &session,
                    state.config.secure_cookies,
                    state.config.session_ttl_ms,
                ));
                leptos_axum::redirect("/");
                Ok(())
            }
            None => Err(AppError::invalid(
                "token",
                crate::i18n::page_viewer().t("er-reset-link-expired"),
            )),
        }
    })
    .await
}
