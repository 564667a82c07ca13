//! Sign up, log in, log out, and "who am I".

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{MemberId, Minutes, Role};
use crate::AppError;

/// The signed-in member as the header shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub id: MemberId,
    pub display_name: String,
    pub role: Role,
    pub available: Minutes,
    pub held: Minutes,
    pub unread_notifications: i64,
    /// The zone the member's pages show times in (theirs, else the bank's).
    #[serde(default)]
    pub zone: crate::i18n::Zone,
    /// The language the member's pages are written in (theirs, else the browser's, else
    /// the bank's).
    #[serde(default)]
    pub lang: crate::i18n::Lang,
}

#[server(endpoint = "me")]
pub async fn get_me() -> Result<Option<Me>, AppError> {
    use crate::server::context::{current_actor, serve};
    use crate::server::header_store;
    serve(|state| async move {
        let Some(actor) = current_actor() else {
            return Ok(None);
        };
        let h = header_store::header(&state.db.read, actor.member_id).await?;
        Ok(Some(Me {
            id: actor.member_id,
            display_name: actor.display_name,
            role: actor.role,
            available: h.balance.available,
            held: h.balance.held,
            unread_notifications: h.unread_notifications,
            zone: crate::i18n::page_viewer().zone,
            lang: crate::i18n::page_viewer().lang,
        }))
    })
    .await
}

/// Hands the browser its new session cookie and sends it to the start page.
#[cfg(feature = "ssr")]
fn start_session(state: &crate::server::AppState, token: &str) {
    use crate::server::{context::set_cookie, sessions};
    set_cookie(&sessions::login_cookie(
        token,
        state.config.secure_cookies,
        state.config.session_ttl_ms,
    ));
    leptos_axum::redirect("/");
}

/// `time_zone`: the browser's guess (an IANA name), filled in by the page when
/// JavaScript runs; missing or unknown, the member gets the bank's default zone.
#[server(endpoint = "signup")]
pub async fn signup(
    display_name: String,
    email: String,
    password: String,
    time_zone: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::{DisplayName, Email, Password};
    use crate::server::context::{count_auth_attempt, internal, serve};
    use crate::server::{members_store, operations, password as pw};
    serve(|state| async move {
        let display_name = DisplayName::parse(&display_name)?;
        let email = Email::parse(&email)?;
        count_auth_attempt(&state, email.as_str())?;
        let password = Password::parse_new(&password)?;
        if members_store::email_taken(&state.db.read, &email).await? {
            return Err(crate::server::StoreError::DuplicateEmail.into());
        }
        let zone = time_zone.as_deref().and_then(crate::i18n::Zone::parse);
        let hash = pw::hash(&password).await.map_err(internal)?;
        let (id, token) =
            state.tell(operations::sign_up(&state, &email, &display_name, &hash, zone).await?);
        tracing::info!(member = %id, "member signed up");
        start_session(&state, &token);
        Ok(())
    })
    .await
}

#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    use crate::domain::Email;
    use crate::server::context::{count_auth_attempt, current_actor, internal, serve};
    use crate::server::{members_store, operations, password as pw};
    serve(|state| async move {
        let v = crate::i18n::page_viewer();
        let email = Email::parse(&email)?;
        count_auth_attempt(&state, email.as_str())?;
        if password.is_empty() {
            return Err(AppError::invalid("password", v.t("er-password-required")));
        }
        if password.chars().count() > crate::domain::account::PASSWORD_MAX_CHARS {
            return Err(AppError::invalid(
                "password",
                v.t("er-login-wrong-password"),
            ));
        }
        let row = members_store::find_login(&state.db.read, email.as_str()).await?;
        let Some(row) = row else {
            // Same work as a real check, so timing does not tell which case it was.
            let _ = pw::verify(&password, pw::dummy_hash()).await;
            return Err(AppError::invalid("email", v.t("er-login-unknown-email")));
        };
        if !pw::verify(&password, &row.password_hash)
            .await
            .map_err(internal)?
        {
            return Err(AppError::invalid(
                "password",
                v.t("er-login-wrong-password"),
            ));
        }
        if !row.active {
            return Err(AppError::invalid("email", v.t("er-login-deactivated")));
        }
        // Rotation: a login never reuses the session the browser came with.
        let old = current_actor().map(|a| a.token_hash);
        let token = state.tell(operations::log_in(&state, row.id, old.as_deref()).await?);
        tracing::info!(member = %row.id, "member logged in");
        start_session(&state, &token);
        Ok(())
    })
    .await
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::context::{current_actor, serve, set_cookie};
    use crate::server::{operations, sessions};
    serve(|state| async move {
        if let Some(actor) = current_actor() {
            state.tell(operations::log_out(&state, &actor.token_hash).await?);
        }
        set_cookie(&sessions::logout_cookie(state.config.secure_cookies));
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}
