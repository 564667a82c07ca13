//! The Content-Security-Policy of every server-rendered page. Scripts run only from this
//! site or inline with this response's nonce (leptos_axum makes a fresh one per response
//! and puts it on its hydration, streaming and resource scripts); the WASM module may be
//! compiled (`'wasm-unsafe-eval'`, not `'unsafe-eval'`); styles, images, fonts and
//! connections (server functions, the live-update stream) only from this site; no
//! plugins, no framing, no `<base>` or form target elsewhere. Responses that are not
//! pages get the server's stricter default (`server/src/security.rs`).

use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// The policy for a page whose inline scripts carry `nonce`.
pub fn page_policy(nonce: &str) -> String {
    // `cargo leptos watch` (it sets LEPTOS_WATCH) reloads the page over a WebSocket on
    // another port, on whatever host the page was loaded from.
    let dev_reload = if std::env::var_os("LEPTOS_WATCH").is_some() {
        " ws: wss:"
    } else {
        ""
    };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'{dev_reload}; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Sets the page policy on the response being rendered (call while rendering the shell).
pub fn set_page_policy() {
    let (Some(nonce), Some(res)) = (leptos::nonce::use_nonce(), use_context::<ResponseOptions>())
    else {
        return;
    };
    if let Ok(value) = page_policy(&nonce).parse() {
        res.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::page_policy;

    #[test]
    fn scripts_need_this_site_or_the_nonce_and_nothing_is_unsafe_inline() {
        let p = page_policy("abc123");
        assert!(
            p.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"),
            "{p}"
        );
        assert!(!p.contains("unsafe-inline"), "{p}");
        assert!(!p.contains("'unsafe-eval'"), "{p}");
        for directive in [
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
        ] {
            assert!(p.contains(directive), "{directive} missing from {p}");
        }
    }
}
