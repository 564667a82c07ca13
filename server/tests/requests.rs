//! The lifecycle's server functions over HTTP: the actor always comes from the session.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::api::account::{Notification, Statement};
use app::api::requests::{ActionResult, RequestDetail, RequestSummary};
use app::domain::Minutes;
use app::lifecycle::{EventKind, State};
use app::AppError;
use common::{spawn_app_with, TestApp, PW};

async fn member(app: &TestApp, name: &str) -> (reqwest::Client, String) {
    let (c, id) = app.signed_up(name).await;
    (c, id.to_string())
}

async fn offer(app: &TestApp, provider: &reqwest::Client) -> String {
    app.call(
        provider,
        "services/create",
        &[
            ("title", "Bike repair"),
            ("description", "Brakes"),
            ("category", "Repairs"),
            ("response_window_hours", "6"),
        ],
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_request_runs_over_http_with_the_actor_from_the_session() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    let (ann, _) = member(&app, "Ann").await;
    let (bob, _) = member(&app, "Bob").await;
    let (eve, _) = member(&app, "Eve").await;
    let service = offer(&app, &bob).await;

    let submitted: ActionResult = app
        .call(
            &ann,
            "requests/submit",
            &[
                ("service_id", &service),
                ("duration_minutes", "60"),
                ("message", "Brakes squeak"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(submitted.state, State::AwaitingResponse);
    assert_eq!(app.me(&ann).await.unwrap().held, Minutes(60));

    let inbox: Vec<RequestSummary> = app
        .call(&bob, "requests/mine", &[("as_party", "provider")])
        .await
        .unwrap();
    assert_eq!(inbox.len(), 1);
    let id = inbox[0].request.id.to_string();
    assert_eq!(inbox[0].counterpart_name, "Ann");
    let allowed: Vec<EventKind> = inbox[0].allowed.iter().map(|a| a.action).collect();
    assert_eq!(
        allowed,
        [EventKind::Accept, EventKind::Decline, EventKind::Counter]
    );
    let v = submitted.version.to_string();

    // A stranger learns nothing and can do nothing.
    let (s, _) = app
        .call::<RequestDetail>(&eve, "requests/get", &[("request_id", &id)])
        .await
        .unwrap_err();
    assert_eq!(s, 404);
    let (s, _) = app
        .call::<ActionResult>(
            &eve,
            "requests/act",
            &[("action", "accept"), ("request_id", &id), ("version", &v)],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 404);
    // The requester can't accept their own request.
    let (s, e) = app
        .call::<ActionResult>(
            &ann,
            "requests/act",
            &[("action", "accept"), ("request_id", &id), ("version", &v)],
        )
        .await
        .unwrap_err();
    assert_eq!(
        (s, e.to_string().as_str()),
        (409, "Only the provider can accept now.")
    );
    // Anonymous.
    let (s, _) = app
        .call::<ActionResult>(
            &app.client(),
            "requests/act",
            &[("action", "accept"), ("request_id", &id), ("version", &v)],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 401);

    let accepted: ActionResult = app
        .call(
            &bob,
            "requests/act",
            &[("action", "accept"), ("request_id", &id), ("version", &v)],
        )
        .await
        .unwrap();
    assert_eq!(accepted.state, State::Accepted);
    // Acting on what an old page showed: "reload".
    let (s, e) = app
        .call::<ActionResult>(
            &ann,
            "requests/act",
            &[("action", "withdraw"), ("request_id", &id), ("version", &v)],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 409);
    assert!(e.to_string().contains("changed"), "{e}");

    let mut v = accepted.version.to_string();
    for (who, endpoint) in [
        (&bob, "mark_started"),
        (&ann, "confirm_start"),
        (&bob, "mark_completed"),
        (&ann, "confirm_completion"),
    ] {
        let r: ActionResult = app
            .call(
                who,
                "requests/act",
                &[("action", endpoint), ("request_id", &id), ("version", &v)],
            )
            .await
            .unwrap();
        v = r.version.to_string();
    }
    let detail: RequestDetail = app
        .call(&ann, "requests/get", &[("request_id", &id)])
        .await
        .unwrap();
    assert_eq!(detail.request.state, State::Paid);
    assert_eq!(detail.history.len() as i64, detail.request.version);
    assert!(detail.can_rate);
    let (): () = app
        .call(
            &ann,
            "requests/rate",
            &[
                ("request_id", &id),
                ("stars", "5"),
                ("comment", "Quick and kind"),
            ],
        )
        .await
        .unwrap();
    let (s, _) = app
        .call::<()>(
            &ann,
            "requests/rate",
            &[("request_id", &id), ("stars", "5"), ("comment", "")],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 409, "one rating each");
    let (s, e) = app
        .call::<()>(
            &bob,
            "requests/rate",
            &[("request_id", &id), ("stars", "9"), ("comment", "")],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("stars")));

    let statement: Statement = app.call(&bob, "me/statement", &[]).await.unwrap();
    assert_eq!(
        (statement.available, statement.held),
        (Minutes(180), Minutes(0))
    );
    assert!(statement
        .lines
        .iter()
        .any(|l| l.kind == "post" && l.amount == Minutes(60)));
    let notes: Vec<Notification> = app.call(&bob, "me/notifications", &[]).await.unwrap();
    assert!(notes.iter().any(|n| n.text.contains("rated 5")));
    assert!(app.me(&bob).await.unwrap().unread_notifications > 0);
    let _: u64 = app
        .call(&bob, "me/notifications/read", &[("id", "")])
        .await
        .unwrap();
    assert_eq!(app.me(&bob).await.unwrap().unread_notifications, 0);
    app.cleanup().await;
}

/// Someone who is no party to a request learns nothing about it, whatever version they
/// send: "No such request", never "this request changed" (which would say it exists).
#[tokio::test]
async fn strangers_learn_nothing_whatever_version_they_send() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    let (ann, _) = member(&app, "Ann").await;
    let (bob, _) = member(&app, "Bob").await;
    let (eve, _) = member(&app, "Eve").await;
    let service = offer(&app, &bob).await;
    let submitted = app.submit(&ann, &service, 60).await;
    let id = submitted.id.to_string();
    let current = submitted.version;
    for version in [current - 1, current, current + 1, 0, -7] {
        let v = version.to_string();
        for action in ["accept", "withdraw", "dispute", "refund"] {
            let (s, e) = app
                .call::<ActionResult>(
                    &eve,
                    "requests/act",
                    &[
                        ("request_id", &id),
                        ("version", &v),
                        ("action", action),
                        ("text", "x"),
                    ],
                )
                .await
                .unwrap_err();
            if action == "refund" {
                // An admin's resolution: a member is refused before the request is read.
                assert_eq!(s, 403, "{action} at version {version}: {e}");
                continue;
            }
            assert_eq!(
                (s, e.to_string().as_str()),
                (404, "No such request."),
                "{action} at version {version}"
            );
        }
    }
    // The parties still get the honest answer to a stale version.
    let stale = (current - 1).to_string();
    let (s, e) = app
        .call::<ActionResult>(
            &bob,
            "requests/act",
            &[
                ("request_id", &id),
                ("version", &stale),
                ("action", "accept"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 409);
    assert!(e.to_string().contains("changed"), "{e}");
    let detail: RequestDetail = app
        .call(&ann, "requests/get", &[("request_id", &id)])
        .await
        .unwrap();
    assert_eq!(
        (detail.request.state, detail.request.version),
        (State::AwaitingResponse, current)
    );
    app.cleanup().await;
}

/// A NUL (or any control character but a line break or a tab) in typed text is refused
/// with a message next to the field, and changes nothing. PostgreSQL refuses NUL in TEXT,
/// so before this a dispute reason with one answered 500 there (and SQLite stored it).
#[tokio::test]
async fn control_characters_in_typed_text_are_refused_with_a_message() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(600)).await;
    let (ann, ann_id) = member(&app, "Ann").await;
    let (bob, _) = member(&app, "Bob").await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let service = offer(&app, &bob).await;
    let submitted = app.submit(&ann, &service, 60).await;
    let id = submitted.id.to_string();
    let v = submitted.version.to_string();
    let nul = "a\u{0}b";
    for (form, field) in [
        (vec![("action", "decline"), ("text", nul)], "text"),
        (
            vec![
                ("action", "counter"),
                ("duration_minutes", "60"),
                ("rate", "1"),
                ("message", nul),
            ],
            "terms",
        ),
    ] {
        let mut f = vec![("request_id", id.as_str()), ("version", v.as_str())];
        f.extend(form);
        let (s, e) = app
            .call::<ActionResult>(&bob, "requests/act", &f)
            .await
            .unwrap_err();
        assert_eq!((s, e.field()), (400, Some(field)), "{e}");
        assert!(e.to_string().contains("characters we can't show"), "{e}");
    }
    let (s, e) = app
        .call::<()>(
            &admin,
            "admin/adjust_hours",
            &[("member_id", &ann_id), ("minutes", "5"), ("reason", nul)],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("reason")), "{e}");
    let (s, e) = app
        .call::<Vec<app::domain::service::ServiceSummary>>(&ann, "services", &[("search", nul)])
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("q")), "{e}");
    let detail: RequestDetail = app
        .call(&ann, "requests/get", &[("request_id", &id)])
        .await
        .unwrap();
    assert_eq!(
        (detail.request.state, detail.request.version),
        (State::AwaitingResponse, submitted.version)
    );
    assert_eq!(
        app.me(&ann).await.unwrap().available,
        Minutes(540),
        "no grant went through"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn malformed_input_is_an_error_and_records_nothing() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    let (ann, _) = member(&app, "Ann").await;
    let (bob, _) = member(&app, "Bob").await;
    let service = offer(&app, &bob).await;
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM requests")
            .fetch_one(&app.state.db.write)
            .await
            .unwrap()
    };
    for form in [
        vec![
            ("service_id", service.as_str()),
            ("duration_minutes", "an hour"),
            ("message", ""),
        ],
        vec![
            ("service_id", "not-a-uuid"),
            ("duration_minutes", "60"),
            ("message", ""),
        ],
        vec![("service_id", service.as_str()), ("message", "")],
        vec![
            ("service_id", service.as_str()),
            ("duration_minutes", "99999999999999999999"),
            ("message", ""),
        ],
    ] {
        let (s, e) = app
            .call::<ActionResult>(&ann, "requests/submit", &form)
            .await
            .unwrap_err();
        assert_eq!(s, 400, "{form:?}: {e:?}");
    }
    assert_eq!(count().await, 0, "nothing recorded");
    // Well-formed but failing a check: recorded as REJECTED, with its reason.
    let r: ActionResult = app
        .call(
            &ann,
            "requests/submit",
            &[
                ("service_id", &service),
                ("duration_minutes", "600"),
                ("message", ""),
            ],
        )
        .await
        .unwrap();
    assert_eq!(r.state, State::Rejected);
    assert_eq!(count().await, 1);
    app.cleanup().await;
}

#[tokio::test]
async fn only_admins_resolve_disputes() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let (ann, _) = member(&app, "Ann").await;
    let (bob, _) = member(&app, "Bob").await;
    let service = offer(&app, &bob).await;
    let r: ActionResult = app
        .call(
            &ann,
            "requests/submit",
            &[
                ("service_id", &service),
                ("duration_minutes", "60"),
                ("message", ""),
            ],
        )
        .await
        .unwrap();
    let id = app
        .call::<Vec<RequestSummary>>(&ann, "requests/mine", &[("as_party", "requester")])
        .await
        .unwrap()[0]
        .request
        .id
        .to_string();
    let r: ActionResult = app
        .call(
            &bob,
            "requests/act",
            &[
                ("action", "accept"),
                ("request_id", &id),
                ("version", &r.version.to_string()),
            ],
        )
        .await
        .unwrap();
    let r: ActionResult = app
        .call(
            &ann,
            "requests/act",
            &[
                ("action", "dispute"),
                ("request_id", &id),
                ("version", &r.version.to_string()),
                ("text", "no show"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(r.state, State::Disputed);
    let v = r.version.to_string();
    let form = [
        ("request_id", id.as_str()),
        ("version", v.as_str()),
        ("action", "refund"),
        ("text", "sorted"),
    ];
    let (s, e) = app
        .call::<ActionResult>(&ann, "requests/act", &form)
        .await
        .unwrap_err();
    assert_eq!((s, e), (403, AppError::Forbidden));
    let (s, e) = app
        .call::<ActionResult>(
            &admin,
            "requests/act",
            &[
                ("request_id", &id),
                ("version", &v),
                ("action", "split"),
                ("text", "x"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("minutes")));
    let r: ActionResult = app.call(&admin, "requests/act", &form).await.unwrap();
    assert_eq!(r.state, State::Resolved);
    assert_eq!(app.me(&ann).await.unwrap().available, Minutes(120));
    let detail: RequestDetail = app
        .call(&admin, "requests/get", &[("request_id", &id)])
        .await
        .unwrap();
    assert!(detail.viewer_is_admin && detail.viewer.is_none());
    app.cleanup().await;
}

#[tokio::test]
async fn providers_manage_their_services_and_admins_grant_hours() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(120)).await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let (ann, ann_id) = member(&app, "Ann").await;
    let (bob, _) = member(&app, "Bob").await;
    let service = offer(&app, &bob).await;

    // Bad fields are refused with the field named.
    let (s, e) = app
        .call::<String>(
            &bob,
            "services/create",
            &[
                ("title", ""),
                ("description", ""),
                ("category", "x"),
                ("response_window_hours", "5"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("title")));
    let (s, e) = app
        .call::<String>(
            &bob,
            "services/create",
            &[
                ("title", "t"),
                ("description", ""),
                ("category", "x"),
                ("response_window_hours", "73"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("response_window_hours")));
    // Only the provider edits; the window is kept with the service.
    let edit = [
        ("service_id", service.as_str()),
        ("title", "Bike tune-up"),
        ("description", ""),
        ("category", "Repairs"),
        ("response_window_hours", "48"),
    ];
    let (s, _) = app
        .call::<()>(&ann, "services/update", &edit)
        .await
        .unwrap_err();
    assert_eq!(s, 404);
    let (): () = app.call(&bob, "services/update", &edit).await.unwrap();
    let mine: Vec<app::domain::service::ServiceSummary> =
        app.call(&bob, "services/mine", &[]).await.unwrap();
    assert_eq!(
        (mine[0].title.as_str(), mine[0].response_window_hours),
        ("Bike tune-up", 48)
    );
    // Paused: no new requests (recorded as REJECTED), the directory hides it.
    let (): () = app
        .call(
            &bob,
            "services/status",
            &[("service_id", &service), ("status", "paused")],
        )
        .await
        .unwrap();
    let directory: Vec<app::domain::service::ServiceSummary> =
        app.call(&ann, "services", &[("search", "")]).await.unwrap();
    assert!(directory.is_empty());
    let r: ActionResult = app
        .call(
            &ann,
            "requests/submit",
            &[
                ("service_id", &service),
                ("duration_minutes", "60"),
                ("message", ""),
            ],
        )
        .await
        .unwrap();
    assert_eq!(r.state, State::Rejected);
    let (): () = app
        .call(
            &bob,
            "services/status",
            &[("service_id", &service), ("status", "retired")],
        )
        .await
        .unwrap();
    let (s, _) = app
        .call::<()>(
            &bob,
            "services/status",
            &[("service_id", &service), ("status", "active")],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 404, "retired is final");

    // Admin grants and deductions, with a reason, against the system account.
    let (s, _) = app
        .call::<()>(
            &ann,
            "admin/adjust_hours",
            &[
                ("member_id", &ann_id),
                ("minutes", "60"),
                ("reason", "gift"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 403);
    let (s, e) = app
        .call::<()>(
            &admin,
            "admin/adjust_hours",
            &[("member_id", &ann_id), ("minutes", "60"), ("reason", " ")],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e.field()), (400, Some("reason")));
    let (): () = app
        .call(
            &admin,
            "admin/adjust_hours",
            &[
                ("member_id", &ann_id),
                ("minutes", "60"),
                ("reason", "volunteer day"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(app.me(&ann).await.unwrap().available, Minutes(180));
    let (s, _) = app
        .call::<()>(
            &admin,
            "admin/adjust_hours",
            &[
                ("member_id", &ann_id),
                ("minutes", "-181"),
                ("reason", "oops"),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 409, "no balance below zero");
    let (): () = app
        .call(
            &admin,
            "admin/adjust_hours",
            &[
                ("member_id", &ann_id),
                ("minutes", "-30"),
                ("reason", "correction"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(app.me(&ann).await.unwrap().available, Minutes(150));
    let statement: Statement = app.call(&ann, "me/statement", &[]).await.unwrap();
    assert!(statement
        .lines
        .iter()
        .any(|l| l.reason == "volunteer day" && l.amount == Minutes(60)));
    let c = app::server::ledger_store::conservation(&app.state.db.read)
        .await
        .unwrap();
    assert!(c.holds(), "{c:?}");
    app.cleanup().await;
}
