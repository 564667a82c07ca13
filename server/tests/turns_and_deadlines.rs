//! What the pages tell a member about whose move it is and when the timer acts, read
//! from the served HTML. Both were wrong before the lifecycle became the only spec: the
//! lists said "your turn" to whoever had any button (a requester can always withdraw,
//! and in ACCEPTED both parties can dispute), and the notifications said "after 48
//! hours" whatever `HOURBANK_CONFIRM_HOURS` set.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::api::account::Notification;
use app::api::requests::ActionResult;
use app::domain::Minutes;
use app::lifecycle::State;
use app::server::sweeper;
use common::{spawn_app_with, TestApp};
use scraper::{Html, Selector};

const HOUR: i64 = 3_600_000;

async fn page(app: &TestApp, who: &reqwest::Client, path: &str) -> Html {
    let res = who
        .get(app.url(path))
        .header("accept", "text/html")
        .send()
        .await
        .expect("page");
    assert_eq!(res.status(), 200, "{path}");
    Html::parse_document(&res.text().await.expect("body"))
}

/// The rows of a request list marked "your turn".
fn my_turn_rows(doc: &Html) -> usize {
    let rows = Selector::parse("table.requests tbody tr").expect("selector");
    let badge = Selector::parse("strong.badge").expect("selector");
    doc.select(&rows)
        .filter(|r| {
            r.select(&badge)
                .any(|b| b.text().collect::<String>().contains("your turn"))
        })
        .count()
}

fn text_of(doc: &Html, css: &str) -> String {
    let s = Selector::parse(css).expect("selector");
    doc.select(&s)
        .next()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_default()
}

async fn act(app: &TestApp, who: &reqwest::Client, r: &ActionResult, action: &str) -> ActionResult {
    app.act(who, r, action, &[])
        .await
        .unwrap_or_else(|(s, e)| panic!("{action}: {s} {e}"))
}

async fn offer_and_request(app: &TestApp) -> (reqwest::Client, reqwest::Client, ActionResult) {
    let (ann, _) = app.signed_up("Ann").await;
    let (bob, _) = app.signed_up("Bob").await;
    let service = app.offer(&bob, "Bike repair").await;
    let r = app.submit(&ann, &service, 60).await;
    (ann, bob, r)
}

#[tokio::test]
async fn your_turn_is_whom_the_request_waits_for() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    let (ann, bob, r) = offer_and_request(&app).await;
    assert_eq!(r.state, State::AwaitingResponse);
    // The requester can withdraw, but the provider is the one who must answer.
    assert_eq!(
        my_turn_rows(&page(&app, &ann, "/requests?show=all").await),
        0
    );
    assert_eq!(my_turn_rows(&page(&app, &bob, "/inbox?show=all").await), 1);
    let status = text_of(
        &page(&app, &ann, &format!("/requests/{}", r.id)).await,
        "[data-testid=waiting-for]",
    );
    assert_eq!(
        status,
        "Waiting for Bob (the provider) to accept, decline or counter-offer."
    );

    // ACCEPTED: both may dispute, the provider is to mark the work started.
    let r = act(&app, &bob, &r, "accept").await;
    assert_eq!(r.state, State::Accepted);
    assert_eq!(
        my_turn_rows(&page(&app, &ann, "/requests?show=all").await),
        0
    );
    assert_eq!(my_turn_rows(&page(&app, &bob, "/inbox?show=all").await), 1);

    // Marked started: now it is the requester's.
    let r = act(&app, &bob, &r, "mark_started").await;
    assert_eq!(
        my_turn_rows(&page(&app, &ann, "/requests?show=all").await),
        1
    );
    assert_eq!(my_turn_rows(&page(&app, &bob, "/inbox?show=all").await), 0);
    let _ = r;
    app.cleanup().await;
}

#[tokio::test]
async fn deadline_words_follow_the_banks_confirmation_window() {
    let app = spawn_app_with(|c| {
        c.starting_credit = Minutes(120);
        c.rules.confirm_ms = 72 * HOUR;
    })
    .await;
    let (ann, bob, r) = offer_and_request(&app).await;
    let r = act(&app, &bob, &r, "accept").await;
    let r = act(&app, &bob, &r, "mark_started").await;
    assert_eq!(r.state, State::PendingStartConfirmation);
    let doc = page(&app, &ann, &format!("/requests/{}", r.id)).await;
    let deadline = text_of(&doc, "[data-testid=deadline]");
    assert!(deadline.contains("(in 3 d 0 h)"), "{deadline}");
    assert!(
        deadline.ends_with("then the start is confirmed automatically."),
        "{deadline}"
    );

    app.state.clock.advance_ms(72 * HOUR);
    let swept = sweeper::sweep_once(&app.state.db, &app.state.clock, 100)
        .await
        .expect("sweep");
    assert_eq!(swept.fired, 1);
    let notes: Vec<Notification> = app
        .call(&ann, "me/notifications", &[])
        .await
        .expect("notes");
    let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
    assert!(
        texts.contains(&"The start was confirmed automatically after 72 h."),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("48")), "{texts:?}");
    app.cleanup().await;
}
