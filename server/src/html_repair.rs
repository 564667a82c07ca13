//! Two repairs to the HTML leptos 0.8.23 / leptos_axum 0.8.10 write around every page,
//! so pages are valid HTML (the W3C checker runs over them in `scripts/test.sh`). Both
//! are framework defects, mended here in one place:
//!
//! - `HydrationScripts` puts the CSP nonce into the `crossorigin` attribute of its
//!   `<link rel=modulepreload>` and `<link rel=preload>` (`crossorigin="6qAE_…"`). An
//!   invalid `crossorigin` value means "anonymous" to a browser, so writing
//!   `crossorigin="anonymous"` changes nothing but validity.
//! - leptos_axum streams the resources' data as `<script>` elements after `</html>`,
//!   where a parser has to move them into the body. They are moved before `</body>`.
//!
//! Pages render whole before the first byte is sent (every route is `SsrMode::Async`),
//! so holding a page's bytes here adds no wait. Only `text/html` responses are read.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// A page larger than this is passed on as it is (none comes close: the largest is
/// about 0.2 MB).
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

pub async fn repair_pages(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return res;
    }
    let nonce = res
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .and_then(csp_nonce)
        .map(str::to_owned);
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "a page could not be read for repair");
            parts.status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            return Response::from_parts(parts, Body::from("Something went wrong on our side."));
        }
    };
    let Ok(html) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let repaired = repair(html, nonce.as_deref());
    parts.headers.remove(header::CONTENT_LENGTH);
    if let Ok(len) = HeaderValue::from_str(&repaired.len().to_string()) {
        parts.headers.insert(header::CONTENT_LENGTH, len);
    }
    Response::from_parts(parts, Body::from(repaired))
}

/// The nonce of a policy's `'nonce-…'` source.
fn csp_nonce(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(&policy[start..start + len])
}

/// The page with both repairs made; a page that does not have the framework's shape is
/// returned as it is.
pub fn repair(html: &str, nonce: Option<&str>) -> String {
    let mut out = match nonce {
        Some(n) if !n.is_empty() => {
            let head_end = html.find("</head>").unwrap_or(0);
            let (head, rest) = html.split_at(head_end);
            let wrong = format!("crossorigin=\"{n}\"");
            format!(
                "{}{rest}",
                head.replace(&wrong, "crossorigin=\"anonymous\"")
            )
        }
        _ => html.to_owned(),
    };
    if let Some(end) = out.rfind("</html>") {
        let trailing = out[end + "</html>".len()..].to_owned();
        if !trailing.trim().is_empty() {
            if let Some(body_end) = out[..end].rfind("</body>") {
                out.truncate(end + "</html>".len());
                out.insert_str(body_end, &trailing);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_leaves_crossorigin_and_trailing_scripts_move_into_the_body() {
        let page = "<!DOCTYPE html><html><head><link rel=\"modulepreload\" crossorigin=\"abc\"/>\
                    <script nonce=\"abc\">x</script></head><body><p>crossorigin=\"abc\"</p></body></html>\
                    <script nonce=\"abc\">__RESOLVED_RESOURCES=[];</script><script nonce=\"abc\">y</script>";
        assert_eq!(
            repair(page, Some("abc")),
            "<!DOCTYPE html><html><head><link rel=\"modulepreload\" crossorigin=\"anonymous\"/>\
             <script nonce=\"abc\">x</script></head><body><p>crossorigin=\"abc\"</p>\
             <script nonce=\"abc\">__RESOLVED_RESOURCES=[];</script><script nonce=\"abc\">y</script></body></html>"
        );
        let plain = "<html><head></head><body>hi</body></html>";
        assert_eq!(repair(plain, None), plain);
        assert_eq!(repair("not a page", Some("abc")), "not a page");
    }

    #[test]
    fn the_nonce_comes_from_the_policy() {
        assert_eq!(
            csp_nonce("default-src 'self'; script-src 'self' 'nonce-Ab_1' 'wasm-unsafe-eval'"),
            Some("Ab_1")
        );
        assert_eq!(csp_nonce("default-src 'none'"), None);
    }
}
