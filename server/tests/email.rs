//! E-mail through a real SMTP server (maildev, started by the test script): a whole
//! lifecycle between two members produces exactly the expected e-mails, each to the
//! right member, with a link straight to the request, the bank's name, a stable
//! Message-ID and a one-click unsubscribe; reminders come before the timer acts, once;
//! digests gather a day; unsubscribing stops what follows; a password reset works once.
//! On SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::api::requests::ActionResult;
use app::domain::Minutes;
use app::lifecycle::State;
use app::server::sweeper;
use common::mail::{self, subjects, Received};
use common::{spawn_app_with, TestApp, PW};

const PUBLIC: &str = "http://bank.hourbank.test";
const HOUR: i64 = 3_600_000;

async fn bank() -> TestApp {
    spawn_app_with(|c| {
        c.starting_credit = Minutes(600);
        c.mail = Some(mail::settings());
        c.public_url = PUBLIC.into();
        c.bank_name = "Test Bank".into();
    })
    .await
}

/// A member whose address is verified, by following the link their sign-up e-mailed.
async fn verified(app: &TestApp, name: &str) -> (reqwest::Client, String) {
    let (client, _, email) = app.member_with_address(name).await;
    let got = mail::wait_for(&email, 1).await;
    assert_eq!(
        subjects(&got),
        ["Please confirm your e-mail address"],
        "{email}"
    );
    let link = got[0]
        .link(&format!("{PUBLIC}/verify?token="))
        .expect("a verification link");
    let token = link.split("token=").nth(1).unwrap();
    // No login needed: the link proves the address.
    let () = app
        .call(&app.client(), "email/verify", &[("token", token)])
        .await
        .expect("verify");
    let (s, e) = app
        .call::<()>(&app.client(), "email/verify", &[("token", token)])
        .await
        .unwrap_err();
    assert_eq!(
        (s, e.field()),
        (400, Some("token")),
        "a link works once: {e}"
    );
    (client, email)
}

async fn act(
    app: &TestApp,
    who: &reqwest::Client,
    r: &ActionResult,
    action: &str,
    extra: &[(&str, &str)],
) -> ActionResult {
    app.act(who, r, action, extra)
        .await
        .unwrap_or_else(|(s, e)| panic!("{action}: {s} {e}"))
}

/// Waits until `email` has `n` messages beyond the `seen` it had, and returns the new ones.
async fn next(email: &str, seen: &mut usize, n: usize) -> Vec<Received> {
    let all = mail::wait_for(email, *seen + n).await;
    let new = all[*seen..].to_vec();
    *seen = all.len();
    new
}

#[tokio::test]
async fn a_lifecycle_emails_each_step_to_the_right_member() {
    let app = bank().await;
    let (ann, ann_mail) = verified(&app, "Ann").await;
    let (bob, bob_mail) = verified(&app, "Bob").await;
    let (mut ann_seen, mut bob_seen) = (1, 1);
    let service = app.offer(&bob, "Bike repair").await;

    let r = app.submit(&ann, &service, 60).await;
    let link = format!("{PUBLIC}/requests/{}", r.id);
    let got = next(&bob_mail, &mut bob_seen, 1).await;
    assert_eq!(subjects(&got), ["New request: please answer"]);
    let m = &got[0];
    assert!(m.subject.starts_with("[Test Bank] "), "{}", m.subject);
    assert!(
        m.text.contains(&link),
        "a link straight to the request: {}",
        m.text
    );
    assert!(
        m.text.contains("Please answer by"),
        "with the deadline: {}",
        m.text
    );
    assert!(m
        .html
        .as_deref()
        .unwrap_or_default()
        .contains(&format!("href=\"{link}\"")));
    let id = &m.message_id;
    assert!(
        id.ends_with("@bank.hourbank.test") && id.len() > 36,
        "a stable Message-ID: {id}"
    );
    let unsubscribe = m.header("list-unsubscribe");
    assert!(
        unsubscribe.starts_with(&format!("<{PUBLIC}/unsubscribe?m=")),
        "{unsubscribe}"
    );
    assert_eq!(
        m.header("list-unsubscribe-post"),
        "List-Unsubscribe=One-Click"
    );
    assert!(
        !m.text.contains(PW) && !m.text.to_lowercase().contains("session"),
        "no secrets"
    );

    let r = act(
        &app,
        &bob,
        &r,
        "counter",
        &[
            ("duration_minutes", "45"),
            ("rate", "1"),
            ("message", "shorter"),
        ],
    )
    .await;
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["Counter-offer (round 1)"]
    );
    let r = act(&app, &ann, &r, "accept", &[]).await;
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["Request accepted"]
    );
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["Request accepted"]
    );
    let r = act(&app, &bob, &r, "mark_started", &[]).await;
    let got = next(&ann_mail, &mut ann_seen, 1).await;
    assert_eq!(subjects(&got), ["Please confirm the start"]);
    assert!(
        got[0].text.contains("confirmed automatically at"),
        "the auto-confirm time: {}",
        got[0].text
    );
    let r = act(&app, &ann, &r, "confirm_start", &[]).await;
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["Start confirmed"]
    );
    let r = act(&app, &bob, &r, "mark_completed", &[]).await;
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["Please confirm completion"]
    );
    let r = act(&app, &ann, &r, "confirm_completion", &[]).await;
    assert_eq!(r.state, State::Paid);
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["Hours paid"]
    );
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["Hours paid"]
    );
    let id = r.id.to_string();
    let () = app
        .call(
            &ann,
            "requests/rate",
            &[("request_id", &id), ("stars", "5"), ("comment", "")],
        )
        .await
        .unwrap();
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["You were rated"]
    );

    // A declined request, an expired one and a dispute resolved by an admin.
    let admin_address = format!(
        "admin-{}@example.org",
        &uuid::Uuid::new_v4().simple().to_string()[..12]
    );
    server::startup::ensure_admin(&app.state, &admin_address, "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, &admin_address, PW).await.unwrap();
    let s2 = app.offer(&bob, "Painting").await;
    let r2 = app.submit(&ann, &s2, 30).await;
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["New request: please answer"]
    );
    act(&app, &bob, &r2, "decline", &[("text", "busy")]).await;
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["Request declined"]
    );
    let s3 = app.offer(&bob, "Gardening").await;
    let r3 = app.submit(&ann, &s3, 30).await;
    next(&bob_mail, &mut bob_seen, 1).await;
    let r3 = act(&app, &bob, &r3, "accept", &[]).await;
    next(&ann_mail, &mut ann_seen, 1).await;
    next(&bob_mail, &mut bob_seen, 1).await;
    let r3 = act(&app, &ann, &r3, "dispute", &[("text", "never came")]).await;
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["A dispute was raised"]
    );
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["A dispute was raised"]
    );
    let admin_mail = mail::wait_for(&admin_address, 1).await;
    assert_eq!(
        subjects(&admin_mail),
        ["A dispute to resolve"],
        "admins are e-mailed"
    );
    assert!(admin_mail[0].text.contains("never came"));
    act(&app, &admin, &r3, "refund", &[("text", "sorted")]).await;
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["Dispute resolved"]
    );
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["Dispute resolved"]
    );
    let s4 = app.offer(&bob, "Cooking").await;
    app.submit(&ann, &s4, 30).await;
    next(&bob_mail, &mut bob_seen, 1).await;
    app.state.clock.advance_ms(7 * HOUR);
    sweeper::tick(&app.state.db, &app.state.clock, None)
        .await
        .unwrap();
    // The clock jumped past the deadline at once: the expiry, to both (no reminder for a
    // request already closed).
    assert_eq!(
        subjects(&next(&bob_mail, &mut bob_seen, 1).await),
        ["Request expired"]
    );
    assert_eq!(
        subjects(&next(&ann_mail, &mut ann_seen, 1).await),
        ["Request expired"]
    );

    // Nothing else went out: every message above was waited for in turn.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(mail::to(&ann_mail).await.len(), ann_seen);
    assert_eq!(mail::to(&bob_mail).await.len(), bob_seen);
    let ids: std::collections::HashSet<String> = mail::to(&bob_mail)
        .await
        .into_iter()
        .map(|m| m.message_id)
        .collect();
    assert_eq!(ids.len(), bob_seen, "every message has its own Message-ID");
    app.cleanup().await;
}

#[tokio::test]
async fn reminders_come_once_before_the_timer_acts() {
    let app = bank().await;
    let (ann, _) = verified(&app, "Ann").await;
    let (bob, bob_mail) = verified(&app, "Bob").await;
    let service = app.offer(&bob, "Bike repair").await; // 6 h window: reminded 1.5 h before
    let r = app.submit(&ann, &service, 60).await;
    mail::wait_for(&bob_mail, 2).await;
    app.state.clock.advance_ms(4 * HOUR);
    let (_, reminded) = sweeper::tick(&app.state.db, &app.state.clock, None)
        .await
        .unwrap();
    assert_eq!(reminded, 0, "not yet: 2 h are left");
    app.state.clock.advance_ms(HOUR);
    let (fired, reminded) = sweeper::tick(&app.state.db, &app.state.clock, None)
        .await
        .unwrap();
    assert_eq!((fired.fired, reminded), (0, 1));
    let (_, again) = sweeper::tick(&app.state.db, &app.state.clock, None)
        .await
        .unwrap();
    assert_eq!(again, 0, "once");
    let got = mail::wait_for(&bob_mail, 3).await;
    assert_eq!(subjects(&got[2..]), ["Reminder: the timer acts soon"]);
    assert!(
        got[2].text.contains("to accept, decline or counter-offer"),
        "{}",
        got[2].text
    );
    let notes: Vec<app::api::account::Notification> =
        app.call(&bob, "me/notifications", &[]).await.unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.text.starts_with("Reminder: you have until")),
        "in the app too"
    );
    // Acted on in time: the request moves on and its next state's reminder comes anew.
    let r = act(
        &app,
        &bob,
        &r,
        "counter",
        &[("duration_minutes", "45"), ("rate", "1")],
    )
    .await;
    assert_eq!(r.state, State::Negotiating);
    app.state.clock.advance_ms(19 * HOUR);
    let (_, reminded) = sweeper::tick(&app.state.db, &app.state.clock, None)
        .await
        .unwrap();
    assert_eq!(reminded, 1, "the requester, 6 h before the round ends");
    app.cleanup().await;
}

#[tokio::test]
async fn a_digest_gathers_the_day_and_unsubscribing_stops_what_follows() {
    let app = bank().await;
    let (ann, ann_mail) = verified(&app, "Ann").await;
    let (bob, bob_mail) = verified(&app, "Bob").await;
    let () = app
        .call(&bob, "me/email/mode", &[("mode", "digest")])
        .await
        .unwrap();
    let service = app.offer(&bob, "Bike repair").await;
    let r = app.submit(&ann, &service, 60).await;
    act(&app, &ann, &r, "withdraw", &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(
        mail::to(&bob_mail).await.len(),
        1,
        "nothing but the verification before the digest hour"
    );
    // The next 07:00 UTC.
    let now = app.state.clock.now().0;
    let next7 = app::server::mail::next_digest_at(app::domain::Timestamp(now), 7);
    app.state.clock.advance_ms(next7.0 - now + 1);
    let got = mail::wait_for(&bob_mail, 2).await;
    assert_eq!(got.len(), 2);
    assert_eq!(subjects(&got[1..]), ["Your day at Test Bank: 2 updates"]);
    assert!(
        got[1].text.contains("New request") && got[1].text.contains("withdrew"),
        "{}",
        got[1].text
    );

    // One click on Ann's unsubscribe link (as a mail program posts it), no login.
    let header = mail::to(&ann_mail).await[0].header("list-unsubscribe");
    let url = header
        .trim_matches(['<', '>'])
        .replace(PUBLIC, &app.base)
        .replace("/unsubscribe?", "/unsubscribe/now?");
    let res = reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let forged = url.replace("&t=", "&t=x");
    let res = reqwest::Client::new()
        .post(&forged)
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        400,
        "a link that is not the member's does nothing"
    );
    let s: app::api::email::EmailSettingsView = app.call(&ann, "me/email", &[]).await.unwrap();
    assert_eq!(s.mode, "off");
    let r = app.submit(&ann, &service, 60).await;
    act(&app, &bob, &r, "decline", &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(mail::to(&ann_mail).await.len(), 1, "no more e-mails to Ann");
    app.cleanup().await;
}

#[tokio::test]
async fn a_password_reset_works_once_and_ends_every_session() {
    let app = bank().await;
    let (ann, ann_mail) = verified(&app, "Ann").await;
    let reset_sent: String = app
        .call(&app.client(), "password/forgot", &[("email", &ann_mail)])
        .await
        .unwrap();
    let unknown: String = app
        .call(
            &app.client(),
            "password/forgot",
            &[("email", "nobody-here@example.org")],
        )
        .await
        .unwrap();
    assert_eq!(
        reset_sent, unknown,
        "the same answer whether or not the address exists"
    );
    let got = mail::wait_for(&ann_mail, 2).await;
    assert_eq!(subjects(&got[1..]), ["Set a new password"]);
    let link = got[1]
        .link(&format!("{PUBLIC}/reset?token="))
        .expect("a reset link");
    let token = link.split("token=").nth(1).unwrap();
    let browser = app.client();
    let () = app
        .call(
            &browser,
            "password/reset",
            &[("token", token), ("password", "a-brand-new-password")],
        )
        .await
        .unwrap();
    assert!(
        app.me(&browser).await.is_some(),
        "logged in with the new password"
    );
    assert!(app.me(&ann).await.is_none(), "every other session ended");
    let (s, e) = app
        .call::<()>(
            &app.client(),
            "password/reset",
            &[("token", token), ("password", "another-new-password")],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("token")), "once: {e}");
    app.login(&app.client(), &ann_mail, "a-brand-new-password")
        .await
        .unwrap();
    assert!(
        app.login(&app.client(), &ann_mail, PW).await.is_err(),
        "the old one is gone"
    );
    // The secret left the outbox once the message went out.
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT mail FROM outbox WHERE kind = 'password_reset'")
            .fetch_all(&app.state.db.write)
            .await
            .unwrap();
    assert!(stored.iter().all(|m| !m.contains(token)), "{stored:?}");
    app.cleanup().await;
}
