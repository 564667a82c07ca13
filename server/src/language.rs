//! The header's language switcher: a plain form (it works without JavaScript) posted to
//! `/language`. The choice is kept in a cookie for this browser and, for a member, in
//! their account (so e-mails and other devices follow); then the browser goes back to
//! the page it came from, now written in the new language.

use app::i18n::Lang;
use app::server::sessions::{lang_cookie, CurrentSession};
use app::server::{operations, AppState};
use axum::extract::{Form, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Choice {
    lang: String,
    /// The path (and query) of the page the switcher was on.
    back: Option<String>,
}

/// Only a path of this site: never another host (`//evil.example`, `/\evil.example`).
fn same_site_path(back: Option<&str>) -> &str {
    match back {
        Some(b)
            if b.starts_with('/')
                && !b.starts_with("//")
                && !b.contains('\\')
                && b.len() <= 2_000 =>
        {
            b
        }
        _ => "/",
    }
}

pub async fn choose_language(
    State(state): State<AppState>,
    Extension(session): Extension<CurrentSession>,
    Form(choice): Form<Choice>,
) -> Response {
    let Some(lang) = Lang::parse(&choice.lang) else {
        return (StatusCode::BAD_REQUEST, "No such language.").into_response();
    };
    if let Some(actor) = session.0 {
        if let Err(e) = operations::set_language(&state, actor.member_id, Some(lang)).await {
            tracing::error!(error = %e, "saving the member's language failed");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.",
            )
                .into_response();
        }
    }
    let back = same_site_path(choice.back.as_deref()).to_owned();
    (
        StatusCode::SEE_OTHER,
        [
            (
                header::SET_COOKIE,
                lang_cookie(lang, state.config.secure_cookies),
            ),
            (header::LOCATION, back),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::same_site_path;

    #[test]
    fn it_goes_back_only_to_a_page_of_this_site() {
        assert_eq!(
            same_site_path(Some("/requests/1?show=all")),
            "/requests/1?show=all"
        );
        for away in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "evil",
            "",
        ] {
            assert_eq!(same_site_path(Some(away)), "/", "{away}");
        }
        assert_eq!(same_site_path(None), "/");
    }
}
