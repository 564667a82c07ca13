//! Serving the browser bundle and the pages as the web expects: compressed, and cached for
//! as long as each can be.
//!
//! - `/pkg/*` (the JS, WASM and CSS cargo-leptos builds) is served from the files
//!   precompressed at build time (`precompress = true`: `.br` and `.gz` beside each), the
//!   smallest the browser accepts. Built with `hash-files = true`, each name carries its
//!   content's hash, so a name never changes meaning: `public, max-age=31536000,
//!   immutable`. Unhashed (a development build), `no-cache`.
//! - Pages (HTML) are written per member and per moment: `private, no-cache`, so a
//!   browser or proxy always asks again and never shows a stale page; compressed on the
//!   fly (`CompressionLayer`, which leaves the event stream and images alone).
//! - Everything else static (`/favicon.ico`): a day.
//!
//! Several servers behind one address serve the same build, so a hashed name means the
//! same bytes on each; during a rolling upgrade a page from the new build may ask an old
//! server for a name it does not have (404): upgrade the servers behind a drain, or keep
//! the previous build's `/pkg` files beside the new ones.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::config::LeptosOptions;
use tower_http::services::ServeDir;

/// A year: the longest a browser keeps anything, for names that never change meaning.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Pages: ask again every time.
pub const PAGE: &str = "private, no-cache";
/// Unhashed bundle files (development builds): revalidate every time.
pub const UNHASHED: &str = "no-cache";
/// Other static files.
pub const STATIC: &str = "public, max-age=86400";

/// Where the bundle is served (`/pkg`) and the service that serves it from the
/// precompressed files beside each one.
pub fn bundle(options: &LeptosOptions) -> (String, ServeDir) {
    let dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let service = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    (format!("/{}", options.site_pkg_dir), service)
}

/// Whether the build on disk has hashed names: cargo-leptos writes the hash file beside
/// the server binary when `hash-files` is on.
pub fn built_with_hashes(options: &LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
        .is_some_and(|f| f.is_file())
}

/// The layer that sets each response's `Cache-Control` (unless its handler set one).
#[derive(Clone)]
pub struct Caching {
    pkg_prefix: String,
    hashed: bool,
}

impl Caching {
    pub fn new(options: &LeptosOptions) -> Caching {
        Caching {
            pkg_prefix: format!("/{}/", options.site_pkg_dir),
            hashed: options.hash_files,
        }
    }

    /// The policy for a response to `path` with this content type.
    pub fn policy(&self, path: &str, content_type: Option<&str>) -> &'static str {
        if path.starts_with(&self.pkg_prefix) {
            if self.hashed {
                IMMUTABLE
            } else {
                UNHASHED
            }
        } else if content_type.is_some_and(|t| t.starts_with("text/html")) {
            PAGE
        } else {
            STATIC
        }
    }
}

/// Sets `Cache-Control` on responses that did not choose their own: every successful
/// GET, so errors and API answers are never kept.
pub async fn cache_control(
    axum::extract::State(caching): axum::extract::State<Caching>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_owned();
    let is_get =
        req.method() == axum::http::Method::GET || req.method() == axum::http::Method::HEAD;
    let mut res = next.run(req).await;
    let status = res.status();
    let h = res.headers_mut();
    if h.contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let content_type = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let is_html = content_type
        .as_deref()
        .is_some_and(|t| t.starts_with("text/html"));
    // Every page, whatever its status (a 404 or an error page is not kept either); a
    // static file only when a GET found it.
    let kept = status.is_success() || status == axum::http::StatusCode::NOT_MODIFIED;
    let static_file = is_get
        && kept
        && !path.starts_with("/api/")
        && content_type.as_deref().is_none_or(is_static_type);
    if !is_html && !static_file {
        return res;
    }
    let policy = caching.policy(&path, content_type.as_deref());
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    if path.starts_with(&caching.pkg_prefix) {
        // The same name is answered in brotli, gzip or plain, by what the browser accepts.
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// The types the static files have (the bundle, styles, icons, fonts).
fn is_static_type(t: &str) -> bool {
    [
        "application/javascript",
        "text/javascript",
        "application/wasm",
        "text/css",
        "image/",
        "font/",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(hashed: bool) -> Caching {
        Caching {
            pkg_prefix: "/pkg/".into(),
            hashed,
        }
    }

    #[test]
    fn hashed_bundle_files_are_immutable_pages_are_asked_again() {
        let c = options(true);
        assert_eq!(
            c.policy("/pkg/hourbank.a1b2.wasm", Some("application/wasm")),
            IMMUTABLE
        );
        assert_eq!(
            c.policy("/requests/1", Some("text/html; charset=utf-8")),
            PAGE
        );
        assert_eq!(c.policy("/favicon.ico", Some("image/x-icon")), STATIC);
        assert_eq!(
            options(false).policy("/pkg/hourbank.wasm", Some("application/wasm")),
            UNHASHED
        );
    }
}
