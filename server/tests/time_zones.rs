//! When the work happens, in each member's zone: a start proposed and countered across
//! zones, refused when past or too far, shown on each party's pages in their own zone,
//! in their `.ics` and in their private calendar feed (which a new address revokes),
//! and a reminder the day before. Runs on SQLite and PostgreSQL (HOURBANK_TEST_BACKEND).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::api::requests::ActionResult;
use app::api::time::TimeSettingsView;
use app::domain::{MemberId, Minutes, Timestamp};
use app::i18n::{parse_local_input, Viewer, Zone};
use app::lifecycle::{Notice, State};
use app::server::{notifications_store, requests_store, sweeper, Clock};
use common::{spawn_app_with, TestApp, PW};

const DAY_MS: i64 = 24 * 3_600_000;

fn zone(name: &str) -> Zone {
    Zone::parse(name).expect("zone")
}

fn in_zone(name: &str) -> Viewer {
    Viewer {
        zone: zone(name),
        ..Viewer::default()
    }
}

/// A member who signed up from a browser in `tz`, signed in on their own client.
async fn member_in(app: &TestApp, name: &str, tz: &str) -> (reqwest::Client, MemberId) {
    let c = app.client();
    let email = format!(
        "{}-{}@example.org",
        name.to_lowercase(),
        uuid::Uuid::new_v4().simple()
    );
    app.call::<()>(
        &c,
        "signup",
        &[
            ("display_name", name),
            ("email", &email),
            ("password", PW),
            ("time_zone", tz),
        ],
    )
    .await
    .unwrap_or_else(|(s, e)| panic!("sign-up of {name}: {s} {e}"));
    let me = app.me(&c).await.expect("signed in");
    assert_eq!(me.zone, zone(tz), "{name}'s zone is the browser's guess");
    (c, me.id)
}

/// `who` asks for `service` for `minutes`, to start at `start` (a datetime-local value).
async fn propose(
    app: &TestApp,
    who: &reqwest::Client,
    service: &str,
    minutes: &str,
    start: &str,
) -> Result<ActionResult, (u16, app::AppError)> {
    app.call(
        who,
        "requests/submit",
        &[
            ("service_id", service),
            ("duration_minutes", minutes),
            ("start", start),
            ("message", ""),
        ],
    )
    .await
}

async fn page(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.expect("get");
    (res.status().as_u16(), res.text().await.expect("body"))
}

/// "YYYY-MM-DD" of the day `days` from now, in `tz`.
fn day_ahead(tz: &str, days: i64) -> String {
    let now = Timestamp(chrono_now_ms());
    in_zone(tz).local_input(now.plus_millis(days * DAY_MS))[..10].to_owned()
}

fn chrono_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_millis() as i64
}

/// "20261208T170000": how an .ics writes a local time.
fn ics_local(tz: &str, t: Timestamp) -> String {
    in_zone(tz).local_input(t).replace(['-', ':'], "") + "00"
}

#[tokio::test]
async fn barcelona_and_new_york_agree_a_start_and_each_sees_it_in_their_own_zone() {
    let _turn = common::take_turn().await;
    let app = spawn_app_with(|c| c.starting_credit = Minutes(600)).await;
    let (ann, _) = member_in(&app, "Ann", "Europe/Madrid").await; // in Barcelona
    let (bob, _) = member_in(&app, "Bob", "America/New_York").await;
    let service = app.offer(&bob, "Garden help").await;

    // Ann proposes 16:00 on her clock, a week ahead, at rate 1.25.
    let ann_day = day_ahead("Europe/Madrid", 7);
    let proposed = format!("{ann_day}T16:00");
    let r: ActionResult = app
        .call(
            &ann,
            "requests/submit",
            &[
                ("service_id", service.as_str()),
                ("duration_minutes", "120"),
                ("rate", "1,25"), // a decimal comma, as Ann writes it
                ("start", proposed.as_str()),
                ("message", ""),
            ],
        )
        .await
        .unwrap();
    assert_eq!(r.state, State::AwaitingResponse);
    let stored = requests_store::get(&app.state.db.read, r.id).await.unwrap();
    assert_eq!(stored.terms.rate, 125);
    assert_eq!(
        stored.terms.proposed_start,
        Some(parse_local_input(zone("Europe/Madrid"), &proposed).unwrap()),
        "read in Ann's zone"
    );

    // Bob counters with 11:00 on his clock, the same day there.
    let bob_day = in_zone("America/New_York").local_input(stored.terms.proposed_start.unwrap())
        [..10]
        .to_owned();
    let countered = format!("{bob_day}T11:00");
    let r = app
        .act(
            &bob,
            &r,
            "counter",
            &[
                ("duration_minutes", "120"),
                ("rate", "1.25"),
                ("start", countered.as_str()),
                ("message", "I can do later in your afternoon"),
            ],
        )
        .await
        .unwrap();
    let r = app.act(&ann, &r, "accept", &[]).await.unwrap();
    assert_eq!(r.state, State::Accepted);
    let agreed = parse_local_input(zone("America/New_York"), &countered).unwrap();
    let stored = requests_store::get(&app.state.db.read, r.id).await.unwrap();
    assert_eq!(
        stored.terms.proposed_start,
        Some(agreed),
        "the agreed start"
    );

    // One instant, two clocks: each reads it in their own zone, with its abbreviation.
    let (madrid, ny) = (
        in_zone("Europe/Madrid").time(agreed),
        in_zone("America/New_York").time(agreed),
    );
    assert_ne!(madrid, ny);
    assert!(ny.contains("11:00 AM"), "{ny}");
    let path = format!("/requests/{}", r.id);
    let (_, ann_page) = page(&app, &ann, &path).await;
    let (_, bob_page) = page(&app, &bob, &path).await;
    assert!(ann_page.contains(r#"data-tz="Europe/Madrid""#));
    assert!(bob_page.contains(r#"data-tz="America/New_York""#));
    assert!(
        ann_page.contains(&format!("Agreed start: {madrid}")),
        "Ann sees {madrid}"
    );
    assert!(!ann_page.contains(&ny));
    assert!(
        bob_page.contains(&format!("Agreed start: {ny}")),
        "Bob sees {ny}"
    );
    assert!(!bob_page.contains(&madrid));
    // The lists show it too.
    let (_, ann_list) = page(&app, &ann, "/requests?show=all").await;
    assert!(ann_list.contains(&madrid), "Ann's requests list");
    let (_, bob_inbox) = page(&app, &bob, "/inbox?show=all").await;
    assert!(bob_inbox.contains(&ny), "Bob's inbox");

    // Add to calendar: the same instant, each in their zone.
    let ics = format!("/calendar/requests/{}.ics", r.id);
    for (who, c, tz) in [
        ("Ann", &ann, "Europe/Madrid"),
        ("Bob", &bob, "America/New_York"),
    ] {
        let res = c.get(app.url(&ics)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{who}");
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        let body = res.text().await.unwrap();
        assert!(
            body.contains(&format!("DTSTART;TZID={tz}:{}", ics_local(tz, agreed))),
            "{who}: {body}"
        );
        assert!(
            body.contains(&format!(
                "DTEND;TZID={tz}:{}",
                ics_local(tz, agreed.plus_millis(2 * 3_600_000))
            )),
            "{who}: two hours"
        );
        assert!(body.contains(&format!("UID:request-{}@hourbank", r.id)));
    }
    // Nobody else learns the request exists.
    let (carl, _) = member_in(&app, "Carl", "Europe/Madrid").await;
    assert_eq!(carl.get(app.url(&ics)).send().await.unwrap().status(), 404);
    assert_eq!(
        app.client()
            .get(app.url(&ics))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );

    // The private feeds: no login, each in its member's zone; a new address revokes the old.
    let feed_of = |s: TimeSettingsView| {
        s.feed_url
            .strip_prefix(&app.state.config.public_url)
            .expect("a feed on this bank")
            .to_owned()
    };
    let ann_feed = feed_of(app.call(&ann, "me/time", &[]).await.unwrap());
    let bob_feed = feed_of(app.call(&bob, "me/time", &[]).await.unwrap());
    let anonymous = app.client();
    for (feed, tz) in [
        (&ann_feed, "Europe/Madrid"),
        (&bob_feed, "America/New_York"),
    ] {
        let (status, body) = page(&app, &anonymous, feed).await;
        assert_eq!(status, 200, "{feed}");
        assert!(
            body.contains(&format!("DTSTART;TZID={tz}:{}", ics_local(tz, agreed))),
            "{body}"
        );
        assert!(body.contains(&format!("X-WR-TIMEZONE:{tz}")));
    }
    let (_, carl_feed_body) = page(
        &app,
        &anonymous,
        &feed_of(app.call(&carl, "me/time", &[]).await.unwrap()),
    )
    .await;
    assert!(
        !carl_feed_body.contains("UID:request-"),
        "Carl agreed nothing"
    );
    assert_eq!(
        page(&app, &anonymous, &ann_feed.replace(".ics", "x.ics"))
            .await
            .0,
        404,
        "a forged signature"
    );
    app.call::<()>(&ann, "me/calendar/renew", &[])
        .await
        .unwrap();
    assert_eq!(
        page(&app, &anonymous, &ann_feed).await.0,
        404,
        "the old address stops working"
    );
    let new_feed = feed_of(app.call(&ann, "me/time", &[]).await.unwrap());
    assert_ne!(new_feed, ann_feed);
    assert_eq!(page(&app, &anonymous, &new_feed).await.0, 200);

    // Ann moves to New York in Settings: her pages follow.
    app.call::<()>(&ann, "me/time/zone", &[("time_zone", "America/New_York")])
        .await
        .unwrap();
    let (_, ann_page) = page(&app, &ann, &path).await;
    assert!(ann_page.contains(&format!("Agreed start: {ny}")));
    let (s, e) = app
        .call::<()>(&ann, "me/time/zone", &[("time_zone", "Mars/Olympus")])
        .await
        .unwrap_err();
    assert_eq!(s, 400);
    assert!(
        matches!(e, app::AppError::Invalid { ref field, .. } if field.as_deref() == Some("time_zone")),
        "{e:?}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_start_in_the_past_or_beyond_a_year_is_refused_where_it_was_typed_and_nothing_changes() {
    let _turn = common::take_turn().await;
    let app = spawn_app_with(|c| c.starting_credit = Minutes(600)).await;
    let (ann, _) = member_in(&app, "Ann", "Europe/Madrid").await;
    let (bob, _) = member_in(&app, "Bob", "America/New_York").await;
    let service = app.offer(&bob, "Garden help").await;
    let yesterday = format!("{}T10:00", day_ahead("Europe/Madrid", -1));
    let too_far = format!("{}T10:00", day_ahead("Europe/Madrid", 367));
    let submit = |start: String| {
        let (ann, service) = (ann.clone(), service.clone());
        let app = &app;
        async move { propose(app, &ann, &service, "60", &start).await }
    };
    for (start, says) in [
        (yesterday.clone(), "has passed"),
        (too_far, "at most 365 days ahead"),
        ("next tuesday".to_owned(), "a date and a time"),
    ] {
        let (status, e) = submit(start.clone()).await.unwrap_err();
        assert_eq!(status, 400, "{start}");
        match e {
            app::AppError::Invalid { field, message } => {
                assert_eq!(field.as_deref(), Some("start"), "{start}");
                assert!(message.contains(says), "{start}: {message}");
            }
            other => panic!("{start}: {other:?}"),
        }
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests")
        .fetch_one(&app.state.db.write)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing recorded");

    // A counter-offer with a past start changes nothing either.
    let r = submit(format!("{}T10:00", day_ahead("Europe/Madrid", 3)))
        .await
        .unwrap();
    let (status, e) = app
        .act(
            &bob,
            &r,
            "counter",
            &[("duration_minutes", "60"), ("start", yesterday.as_str())],
        )
        .await
        .unwrap_err();
    assert_eq!(status, 400);
    assert!(
        matches!(e, app::AppError::Invalid { ref field, .. } if field.as_deref() == Some("start")),
        "{e:?}"
    );
    let stored = requests_store::get(&app.state.db.read, r.id).await.unwrap();
    assert_eq!(
        (stored.state, stored.version),
        (State::AwaitingResponse, r.version)
    );
    // Without a start the request still works, as before.
    let (carl, _) = member_in(&app, "Carl", "Europe/Madrid").await;
    let plain = app.submit(&carl, &service, 60).await;
    assert_eq!(plain.state, State::AwaitingResponse);
    app.cleanup().await;
}

#[tokio::test]
async fn the_day_before_the_agreed_start_both_parties_are_reminded_once() {
    let _turn = common::take_turn().await;
    let app = spawn_app_with(|c| c.starting_credit = Minutes(600)).await;
    let (ann, ann_id) = member_in(&app, "Ann", "Europe/Madrid").await;
    let (bob, bob_id) = member_in(&app, "Bob", "America/New_York").await;
    let service = app.offer(&bob, "Garden help").await;
    let start = format!("{}T10:00", day_ahead("Europe/Madrid", 3));
    let r: ActionResult = propose(&app, &ann, &service, "60", &start).await.unwrap();
    let r = app.act(&bob, &r, "accept", &[]).await.unwrap();
    assert_eq!(r.state, State::Accepted);
    let at = parse_local_input(zone("Europe/Madrid"), &start).unwrap();
    let starts_soon = |member| {
        let db = app.state.db.clone();
        async move {
            notifications_store::list(&db.read, member, 100)
                .await
                .unwrap()
                .into_iter()
                .filter(|n| matches!(n.notice, Some(Notice::StartsSoon { start }) if start == at))
                .count()
        }
    };
    // Not yet 25 h before; then 23 h before, once for each party, and never again.
    let early = sweeper::remind_once(
        &app.state.db,
        &Clock::manual(at.plus_millis(-25 * 3_600_000)),
        None,
    )
    .await
    .unwrap();
    assert_eq!(early, 0);
    let due = Clock::manual(at.plus_millis(-23 * 3_600_000));
    assert_eq!(
        sweeper::remind_once(&app.state.db, &due, None)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        sweeper::remind_once(&app.state.db, &due, None)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        (starts_soon(ann_id).await, starts_soon(bob_id).await),
        (1, 1)
    );
    // Each reads it in their own zone.
    let texts: Vec<app::api::account::Notification> =
        app.call(&bob, "me/notifications", &[]).await.unwrap();
    let ny = in_zone("America/New_York").time(at);
    assert!(texts.iter().any(|n| n.text.contains(&ny)), "{texts:?}");

    // Accepted less than a day before its start: no reminder.
    let (carl, _) = member_in(&app, "Carl", "Europe/Madrid").await;
    let soon = in_zone("Europe/Madrid")
        .local_input(Timestamp(chrono_now_ms()).plus_millis(12 * 3_600_000));
    let r: ActionResult = propose(&app, &carl, &service, "60", &soon).await.unwrap();
    app.act(&bob, &r, "accept", &[]).await.unwrap();
    let later = Clock::manual(Timestamp(chrono_now_ms()).plus_millis(11 * 3_600_000));
    assert_eq!(
        sweeper::remind_once(&app.state.db, &later, None)
            .await
            .unwrap(),
        0
    );
    let _ = ann;
    app.cleanup().await;
}

#[tokio::test]
async fn visitors_see_the_bank_zone_and_members_without_one_get_it() {
    let _turn = common::take_turn().await;
    let app = spawn_app_with(|c| c.default_zone = Zone::parse("Europe/Madrid").unwrap()).await;
    let visitor = app.client();
    let (_, home) = page(&app, &visitor, "/").await;
    assert!(home.contains(r#"data-tz="Europe/Madrid""#));
    // Signed up without JavaScript (no guess): the bank's zone.
    let (c, _) = app.signed_up("Dora").await;
    assert_eq!(app.me(&c).await.unwrap().zone, zone("Europe/Madrid"));
    let s: TimeSettingsView = app.call(&c, "me/time", &[]).await.unwrap();
    assert_eq!((s.zone, s.default_zone.as_str()), (None, "Europe/Madrid"));
    app.cleanup().await;
}
