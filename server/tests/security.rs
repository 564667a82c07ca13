//! Web security at the edge, over real HTTP: cross-site state changes are refused before
//! any handler runs (and change nothing), oversized bodies are refused, and every
//! response carries the security headers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use common::{spawn_app, spawn_app_with};

#[tokio::test]
async fn cross_site_posts_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let client = app.client();
    let form = [
        ("display_name", "Mallory"),
        ("email", "mallory@example.org"),
        ("password", "long enough password"),
    ];
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("origin", "null"),
    ] {
        let res = client
            .post(app.url("/api/signup"))
            .header(name, value)
            .form(&form)
            .send()
            .await
            .expect("send");
        assert_eq!(res.status().as_u16(), 403, "{name}: {value}");
        let err: app::AppError = res.json().await.expect("an AppError body");
        assert_eq!(err, app::AppError::Forbidden);
    }
    assert_eq!(app.member_count().await, 0, "nothing was written");

    // The same form from the app's own pages goes through.
    let res = client
        .post(app.url("/api/signup"))
        .header("origin", app.base.clone())
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .expect("send");
    assert_eq!(
        res.status().as_u16(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert_eq!(app.member_count().await, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let app = spawn_app().await;
    let huge = "x".repeat(server::security::MAX_BODY_BYTES + 1);
    let res = app
        .client()
        .post(app.url("/api/signup"))
        .form(&[
            ("display_name", "Big"),
            ("email", "big@example.org"),
            ("password", huge.as_str()),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(res.status().as_u16(), 413);
    assert_eq!(app.member_count().await, 0);
    app.cleanup().await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/login", "/no-such-page", "/healthz"] {
        let res = app.client().get(app.url(path)).send().await.expect("send");
        let h = res.headers();
        assert_eq!(
            h.get("x-content-type-options").map(|v| v.to_str().unwrap()),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            h.get("x-frame-options").map(|v| v.to_str().unwrap()),
            Some("DENY"),
            "{path}"
        );
        assert_eq!(
            h.get("referrer-policy").map(|v| v.to_str().unwrap()),
            Some("same-origin"),
            "{path}"
        );
        let csp = h
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn pages_allow_only_their_own_nonced_scripts_and_other_responses_load_nothing() {
    let app = spawn_app().await;
    let mut nonces = Vec::new();
    for path in ["/", "/login", "/no-such-page"] {
        let res = app.client().get(app.url(path)).send().await.expect("send");
        let csp = res
            .headers()
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body = res.text().await.unwrap();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no script nonce in {csp}"))
            .to_owned();
        assert!(nonce.len() >= 16, "{path}: nonce too short: {nonce}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
            "{csp}"
        );
        // Every script tag the page carries has this response's nonce; no other would run.
        let tags: Vec<&str> = body
            .split("<script")
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or(""))
            .collect();
        assert!(!tags.is_empty(), "{path}: no scripts at all");
        for tag in &tags {
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: a script without the nonce: <script{tag}>"
            );
        }
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "each response needs its own nonce");
    let res = app
        .client()
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("send");
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    app.cleanup().await;
}

#[tokio::test]
async fn logins_and_sign_ups_are_rate_limited_per_account_and_per_address() {
    let app = spawn_app_with(|c| {
        c.auth_attempts_per_account = 3;
        c.auth_attempts_per_addr = 6;
    })
    .await;
    let c = app.client();
    app.signup(&c, "Ann", "ann@example.org", "a-long-enough-pw")
        .await
        .unwrap();
    // Two wrong guesses use up Ann's account with the sign-up: the next attempt, even
    // with the right password, waits.
    for _ in 0..2 {
        let (status, _) = app
            .login(&c, "ann@example.org", "wrong-password")
            .await
            .unwrap_err();
        assert_eq!(status, 400);
    }
    let (status, err) = app
        .login(&c, "ann@example.org", "a-long-enough-pw")
        .await
        .unwrap_err();
    assert_eq!((status, err), (429, app::AppError::RateLimited));
    // Other accounts from the same address go on until the address's budget (6) is spent.
    app.signup(&c, "Bob", "bob@example.org", "a-long-enough-pw")
        .await
        .unwrap();
    app.login(&c, "bob@example.org", "a-long-enough-pw")
        .await
        .unwrap();
    let (status, _) = app
        .signup(&c, "Cid", "cid@example.org", "a-long-enough-pw")
        .await
        .unwrap_err();
    assert_eq!(status, 429);
    assert_eq!(
        app.member_count().await,
        2,
        "the refused sign-up wrote nothing"
    );
    app.cleanup().await;
}
