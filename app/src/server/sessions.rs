//! Server-side sessions: a random token in an HttpOnly cookie, its SHA-256 in the
//! `sessions` table. One indexed read per request, no write; logging in always makes a
//! new token (rotation), logging out and deactivation delete the rows.

use crate::server::group_commit::WriteTx;
use crate::server::sql::{self, Reads};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use cookie::{Cookie, SameSite};
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::{AppState, StoreError};
use crate::domain::{MemberId, Role, Timestamp};
use crate::i18n::{Lang, Zone};

pub const COOKIE_NAME: &str = "hb_session";
/// The language a visitor chose with the header's switcher (before or without an account).
pub const LANG_COOKIE: &str = "hb_lang";

/// Who is making this request, resolved once per request by [`resolve_session`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionActor {
    pub member_id: MemberId,
    pub role: Role,
    pub display_name: String,
    pub token_hash: String,
    /// The member's own time zone; None: the bank's default.
    pub zone: Option<Zone>,
    /// The member's own language; None: the browser's, else the bank's.
    pub lang: Option<Lang>,
}

/// What the middleware leaves in the request's extensions (None: anonymous).
#[derive(Clone, Debug, Default)]
pub struct CurrentSession(pub Option<SessionActor>);

pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Creates a session for `member` and returns the token for the cookie.
pub async fn create(
    conn: &mut WriteTx,
    member: MemberId,
    now: Timestamp,
    ttl_ms: i64,
) -> Result<String, StoreError> {
    let token = new_token();
    sql::query("INSERT INTO sessions (token_hash, member_id, created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4)")
        .bind(hash_token(&token))
        .bind(member.to_string())
        .bind(now.0)
        .bind(now.0.saturating_add(ttl_ms))
        .execute(&mut *conn)
        .await?;
    Ok(token)
}

pub async fn lookup(
    pool: &Reads,
    token: &str,
    now: Timestamp,
) -> Result<Option<SessionActor>, StoreError> {
    let token_hash = hash_token(token);
    // id, role, display name, time zone, language
    type Row = (String, String, String, Option<String>, Option<String>);
    let row: Option<Row> = sql::query_as(
        "SELECT m.id, m.role, m.display_name, m.time_zone, m.lang FROM sessions s JOIN members m ON m.id = s.member_id \
         WHERE s.token_hash = $1 AND s.expires_at_ms > $2 AND m.active = 1",
    )
    .bind(&token_hash)
    .bind(now.0)
    .fetch_optional(pool)
    .await?;
    match row {
        None => Ok(None),
        Some((id, role, display_name, zone, lang)) => Ok(Some(SessionActor {
            member_id: id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("member id {id:?}")))?,
            role: Role::parse(&role)
                .ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
            display_name,
            token_hash,
            zone: zone.as_deref().and_then(Zone::parse),
            lang: lang.as_deref().and_then(Lang::parse),
        })),
    }
}

pub async fn delete(conn: &mut WriteTx, token_hash: &str) -> Result<(), StoreError> {
    sql::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete_for_member(conn: &mut WriteTx, member: MemberId) -> Result<u64, StoreError> {
    let r = sql::query("DELETE FROM sessions WHERE member_id = $1")
        .bind(member.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(r.rows_affected())
}

/// The `Set-Cookie` value that logs a browser in.
pub fn login_cookie(token: &str, secure: bool, ttl_ms: i64) -> String {
    Cookie::build((COOKIE_NAME, token.to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::milliseconds(ttl_ms))
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn logout_cookie(secure: bool) -> String {
    Cookie::build((COOKIE_NAME, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

fn cookie_value(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| Cookie::parse(c.trim().to_owned()).ok())
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 128)
}

/// Reads the session cookie out of request headers.
pub fn token_from_headers(headers: &http::HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE_NAME)
}

/// The `Set-Cookie` value that remembers a visitor's language for a year.
pub fn lang_cookie(lang: Lang, secure: bool) -> String {
    Cookie::build((LANG_COOKIE, lang.code().to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::days(365))
        .build()
        .to_string()
}

/// The language a request is answered in: the member's own, else the one chosen on this
/// browser (the switcher's cookie), else the best of `Accept-Language`, else the bank's.
pub fn language_of(actor: Option<&SessionActor>, headers: &http::HeaderMap, default: Lang) -> Lang {
    actor
        .and_then(|a| a.lang)
        .or_else(|| cookie_value(headers, LANG_COOKIE).and_then(|c| Lang::parse(&c)))
        .or_else(|| {
            headers
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(default)
}

/// Axum middleware: resolves the session cookie into a [`CurrentSession`] extension that
/// pages and server functions read (they never take a member id from the request), and
/// the [`Viewer`](crate::i18n::Viewer) every page and answer is written for: the member's zone, else the
/// bank's. (Nothing of it lives in the process: each of N servers decides it the same way.)
pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let actor = match token_from_headers(req.headers()) {
        Some(token) => match lookup(&state.db.read, &token, state.clock.now()).await {
            Ok(a) => a,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                None
            }
        },
        None => None,
    };
    let viewer = state.config.viewer(
        Some(language_of(
            actor.as_ref(),
            req.headers(),
            state.config.default_lang,
        )),
        actor.as_ref().and_then(|a| a.zone),
    );
    req.extensions_mut().insert(viewer);
    req.extensions_mut().insert(CurrentSession(actor));
    next.run(req).await
}
