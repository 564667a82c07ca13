//! Responses as the web expects them: pages compressed and never kept stale, the bundle
//! served from its precompressed files and, when its names are hashed, kept for a year.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::server::testing::TestDb;
use common::{spawn_app, spawn_app_serving, TestDbHandle, PW};
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, VARY};

/// A site folder like a release build's: one hashed WASM file with its `.br` and `.gz`.
fn site_with_bundle() -> (std::path::PathBuf, &'static str) {
    let root = std::env::temp_dir().join(format!("hb-assets-{}", uuid::Uuid::new_v4()));
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg folder");
    let name = "hourbank.0123456789abcdef.wasm";
    std::fs::write(pkg.join(name), b"\0asm plain bytes").expect("wasm");
    std::fs::write(pkg.join(format!("{name}.br")), b"brotli bytes").expect("br");
    std::fs::write(pkg.join(format!("{name}.gz")), b"gzip bytes").expect("gz");
    (root, name)
}

/// An app serving that site, its bundle's names hashed or not.
async fn app_serving_a_bundle(hashed: bool) -> (std::path::PathBuf, &'static str, common::TestApp) {
    let (root, name) = site_with_bundle();
    let db = TestDb::new().await.expect("test database");
    let app = spawn_app_serving(
        TestDbHandle::Own(db),
        |_| {},
        root.to_str().expect("path"),
        hashed,
    )
    .await;
    (root, name, app)
}

#[tokio::test]
async fn the_bundle_is_served_precompressed_and_immutable_when_its_names_are_hashed() {
    let _turn = common::take_turn().await;
    let (root, name, app) = app_serving_a_bundle(true).await;
    let client = app.client();
    let url = app.url(&format!("/pkg/{name}"));
    for (accepts, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), &b"brotli bytes"[..]),
        (Some("gzip"), Some("gzip"), &b"gzip bytes"[..]),
        (None, None, &b"\0asm plain bytes"[..]),
    ] {
        let mut req = client.get(&url);
        if let Some(a) = accepts {
            req = req.header(ACCEPT_ENCODING, a);
        }
        let res = req.send().await.expect("send");
        assert_eq!(res.status(), 200, "{accepts:?}");
        let h = res.headers().clone();
        assert_eq!(
            h.get(CONTENT_ENCODING).map(|v| v.to_str().expect("ascii")),
            encoding,
            "{accepts:?}"
        );
        assert_eq!(h[CACHE_CONTROL], "public, max-age=31536000, immutable");
        assert_eq!(h[VARY], "accept-encoding");
        assert_eq!(&res.bytes().await.expect("body")[..], body, "{accepts:?}");
    }
    // A name that is not there is not kept.
    let res = client
        .get(app.url("/pkg/hourbank.ffffffffffffffff.wasm"))
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), 404);
    assert!(res
        .headers()
        .get(CACHE_CONTROL)
        .is_none_or(|v| v != "public, max-age=31536000, immutable"));
    app.cleanup().await;
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn unhashed_bundle_files_are_asked_for_again() {
    let _turn = common::take_turn().await;
    let (root, name, app) = app_serving_a_bundle(false).await;
    let res = app
        .client()
        .get(app.url(&format!("/pkg/{name}")))
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CACHE_CONTROL], "no-cache");
    app.cleanup().await;
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it_and_never_kept() {
    let _turn = common::take_turn().await;
    let app = spawn_app().await;
    let client = app.client();
    let plain = client.get(app.url("/login")).send().await.expect("send");
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    assert_eq!(plain.headers()[CACHE_CONTROL], "private, no-cache");
    let plain_len = plain.bytes().await.expect("body").len();
    assert!(plain_len > 1000, "a whole page: {plain_len} B");

    let zipped = client
        .get(app.url("/login"))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .expect("send");
    assert_eq!(zipped.headers()[CONTENT_ENCODING], "gzip");
    assert_eq!(zipped.headers()[CACHE_CONTROL], "private, no-cache");
    let body = zipped.bytes().await.expect("body");
    assert_eq!(&body[..2], &[0x1f, 0x8b], "a gzip stream");
    assert!(
        body.len() * 2 < plain_len,
        "{} B compressed of {plain_len} B",
        body.len()
    );

    // A page that is not found is not kept either.
    let missing = client
        .get(app.url("/no/such/page"))
        .send()
        .await
        .expect("send");
    assert_eq!(missing.status(), 404);
    assert_eq!(missing.headers()[CACHE_CONTROL], "private, no-cache");

    // The live event stream is never compressed: a compressor would hold its events back.
    app.signup(&client, "Eve Events", "eve@example.test", PW)
        .await
        .expect("signup");
    let events = client
        .get(app.url("/events"))
        .header(ACCEPT_ENCODING, "gzip, br")
        .send()
        .await
        .expect("send");
    assert_eq!(events.status(), 200);
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    assert!(events.headers().get(CONTENT_ENCODING).is_none());
    drop(events);
    app.cleanup().await;
}
