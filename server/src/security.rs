//! Web security at the edge: a body-size limit, a cross-site check on every state-changing
//! request, and the security headers on every response.
//!
//! Cross-site requests: the session cookie is `SameSite=Lax`, so a browser does not send
//! it on another site's POST; on top of that, a POST (or PUT, PATCH, DELETE) whose
//! `Origin` names another site, or whose `Sec-Fetch-Site` says `cross-site`, is refused
//! with 403 before any handler runs. A request with neither header (curl, the benchmark,
//! API clients) carries no ambient browser credentials and is let through.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest request body the server reads (every form in the app is far smaller).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The CSP of every response that is not a page (JSON, files, errors): it may load
/// nothing and be framed by no one. Pages set their own, with a script nonce
/// (`app::server::csp`), and this one is not added over it.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Refuses state-changing requests from other sites.
pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    if is_state_changing(req.method()) && is_cross_site(req.headers()) {
        tracing::warn!(path = %req.uri().path(), "refused a cross-site request");
        let body = serde_json::to_string(&app::AppError::Forbidden).unwrap_or_default();
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    next.run(req).await
}

fn is_state_changing(m: &Method) -> bool {
    matches!(
        *m,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// True when the browser says the request comes from another site.
pub fn is_cross_site(headers: &HeaderMap) -> bool {
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"))
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    // "null" (sandboxed frames, some redirects) is never this site.
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/'))
        .unwrap_or("");
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin_host.is_empty() || !origin_host.eq_ignore_ascii_case(host)
}

/// Records the TCP peer's address (when the server was started with connect info) for
/// the login and sign-up rate limits.
pub async fn client_addr(mut req: Request, next: Next) -> Response {
    if let Some(axum::extract::ConnectInfo(addr)) = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .copied()
    {
        req.extensions_mut()
            .insert(app::server::rate_limit::ClientAddr(addr.ip()));
    }
    next.run(req).await
}

/// Adds the security headers every response carries (unless a handler set its own).
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let defaults: [(&str, &'static str); 4] = [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
        ("x-frame-options", "DENY"),
        ("content-security-policy", CONTENT_SECURITY_POLICY),
    ];
    for (name, value) in defaults {
        if !h.contains_key(name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn same_site_and_headerless_requests_pass_other_sites_do_not() {
        assert!(!is_cross_site(&headers(&[])));
        assert!(!is_cross_site(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(!is_cross_site(&headers(&[
            ("host", "hourbank.example"),
            ("origin", "https://HourBank.example"),
            ("sec-fetch-site", "same-origin")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "hourbank.example"),
            ("origin", "https://evil.example")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "hourbank.example"),
            ("origin", "null")
        ])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3001")
        ])));
    }
}
