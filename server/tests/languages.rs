//! Every page, refusal and e-mail in the reader's language: the member's own, else the
//! one chosen on this browser, else `Accept-Language`, else the bank's; the header's
//! switcher works as a plain form. Runs on SQLite and PostgreSQL (HOURBANK_TEST_BACKEND).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::i18n::{Lang, Viewer};
use common::{spawn_app_with, TestApp, PW};

fn lang(code: &str) -> Lang {
    Lang::parse(code).expect("a catalogue language")
}

fn words(code: &str, key: &'static str) -> String {
    Viewer {
        lang: lang(code),
        ..Viewer::default()
    }
    .t(key)
}

async fn page(app: &TestApp, c: &reqwest::Client, path: &str, accept: &str) -> String {
    c.get(app.url(path))
        .header("accept-language", accept)
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body")
}

#[tokio::test]
async fn the_browser_the_switcher_and_the_member_choose_the_language_in_that_order() {
    let app = spawn_app_with(|c| c.default_lang = lang("ca")).await;
    let visitor = app.client();
    // Accept-Language: the best language the catalogue has.
    let es_page = page(
        &app,
        &visitor,
        "/services",
        "fr-FR,fr;q=0.9,es;q=0.8,en;q=0.5",
    )
    .await;
    assert!(
        es_page.contains(r#"<html lang="es""#),
        "{}",
        &es_page[..200]
    );
    assert!(es_page.contains(&words("es", "hd-log-in")));
    assert!(!es_page.contains(">Log in<"));
    // None the catalogue has: the bank's language.
    let bank = page(&app, &visitor, "/services", "fr-FR,de;q=0.5").await;
    assert!(bank.contains(r#"<html lang="ca""#));

    // The switcher: a plain form; back to the same page, now in English, and remembered.
    let res = visitor
        .post(app.url("/language"))
        .header("accept-language", "es")
        .form(&[("lang", "en"), ("back", "/services?q=garden")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/services?q=garden");
    let en_page = page(&app, &visitor, "/services", "es").await;
    assert!(
        en_page.contains(r#"<html lang="en""#),
        "the cookie wins over the browser"
    );
    // Never sent off the site.
    let away = visitor
        .post(app.url("/language"))
        .form(&[("lang", "en"), ("back", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(away.headers()["location"], "/");
    let bad = visitor
        .post(app.url("/language"))
        .form(&[("lang", "xx")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);

    // A member's choice is theirs: on another browser that asks for Spanish, their pages,
    // their refusals and `me` are in Catalan once they choose it.
    let (ann, _) = app.signed_up("Ann").await;
    let res = ann
        .post(app.url("/language"))
        .form(&[("lang", "ca"), ("back", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let elsewhere = app.client();
    let res = elsewhere
        .post(app.url("/api/login"))
        .header("accept-language", "es")
        .form(&[("email", "ann@example.org"), ("password", PW)])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success() || res.status().is_redirection());
    let me = app.me(&elsewhere).await.expect("signed in");
    assert_eq!(me.lang, lang("ca"));
    let inbox = page(&app, &elsewhere, "/inbox", "es").await;
    assert!(inbox.contains(r#"<html lang="ca""#));
    assert!(inbox.contains(&words("ca", "hd-my-requests")));
    let res = elsewhere
        .post(app.url("/api/me/time/zone"))
        .header("accept-language", "es")
        .header("accept", "application/json")
        .form(&[("time_zone", "Mars/Olympus")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let err: app::AppError = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    assert_eq!(
        err.to_string(),
        words("ca", "er-time-zone"),
        "refused in Catalan"
    );
    // Her statement's CSV: Catalan headers.
    let csv = elsewhere
        .get(app.url("/balance.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let header = csv.lines().next().unwrap_or_default().to_owned();
    assert!(header.starts_with(&words("ca", "er-csv-time")), "{header}");
    assert!(header.contains(&words("ca", "er-csv-reason")), "{header}");
    assert_ne!(words("ca", "er-csv-reason"), words("en", "er-csv-reason"));
    app.cleanup().await;
}

#[test]
fn every_language_says_its_own_words_and_plurals() {
    for code in ["es", "ca"] {
        assert_ne!(words(code, "hd-log-in"), words("en", "hd-log-in"), "{code}");
        assert_eq!(Lang::parse(code).unwrap().code(), code);
    }
    let v = |code: &str| Viewer {
        lang: lang(code),
        ..Viewer::default()
    };
    // "1 hora", "2 horas": Fluent chooses by the number.
    let one = v("es").tr(
        "pg-service-meta",
        [("rating", "—".into()), ("hours", 1i64.into())],
    );
    let two = v("es").tr(
        "pg-service-meta",
        [("rating", "—".into()), ("hours", 2i64.into())],
    );
    assert!(one.contains("una hora"), "{one}");
    assert!(two.contains("2 horas"), "{two}");
    let ca = v("ca").tr(
        "pg-service-meta",
        [("rating", "—".into()), ("hours", 2i64.into())],
    );
    assert!(ca.contains("2 hores"), "{ca}");
    assert_eq!(v("ca").decimal(125), "1,25");
}
