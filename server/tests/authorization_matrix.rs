//! The authorization matrix over HTTP: every button action, tried by the requester, the
//! provider, an unrelated member, an admin and an anonymous visitor, on a request in every
//! state a member can act in (and the final ones). Exactly the actions the lifecycle
//! allows that person now succeed; every other attempt is refused and changes nothing.
//! Whatever the table says, an anonymous visitor and an unrelated member never succeed,
//! and members never use the admin's resolutions.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::domain::{MemberId, Minutes};
use app::lifecycle::machine::allowed_actions;
use app::lifecycle::{Actor, Event, EventKind, Request, State, Terms};
use app::server::{engine, requests_store};
use common::{spawn_app_with, TestApp, PW};

/// Every action a person can ask for on the request page (the definition's buttons).
fn actions() -> Vec<EventKind> {
    app::lifecycle::definition::person_actions().collect()
}

/// The admins' resolutions: events only an admin's rows take.
fn is_admin_action(k: EventKind) -> bool {
    k.is_admins()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Requester,
    Provider,
    Stranger,
    Admin,
    Anonymous,
}

struct People {
    requester: (reqwest::Client, MemberId),
    provider: (reqwest::Client, MemberId),
    stranger: (reqwest::Client, MemberId),
    admin: (reqwest::Client, MemberId),
    anonymous: reqwest::Client,
}

/// The paths to each state, as (actor, event) steps from AWAITING_RESPONSE.
fn path_to(state: State) -> Vec<(Who, Event)> {
    let counter = Event::Counter {
        terms: Terms {
            duration_minutes: 45,
            rate: 100,
            proposed_start: None,
            message: "shorter".into(),
        },
    };
    let dispute = Event::Dispute {
        reason: "not as agreed".into(),
    };
    let accepted = vec![(Who::Provider, Event::Accept)];
    let started = [
        accepted.clone(),
        vec![
            (Who::Provider, Event::MarkStarted),
            (Who::Requester, Event::ConfirmStart),
        ],
    ]
    .concat();
    match state {
        State::AwaitingResponse => vec![],
        State::Negotiating => vec![(Who::Provider, counter)],
        State::Accepted => accepted,
        State::PendingStartConfirmation => {
            [accepted, vec![(Who::Provider, Event::MarkStarted)]].concat()
        }
        State::InProgress => started,
        State::PendingCompletionConfirmation => {
            [started, vec![(Who::Provider, Event::MarkCompleted)]].concat()
        }
        State::Disputed => [started, vec![(Who::Requester, dispute)]].concat(),
        State::Paid => [
            started,
            vec![
                (Who::Provider, Event::MarkCompleted),
                (Who::Requester, Event::ConfirmCompletion),
            ],
        ]
        .concat(),
        State::Rejected => vec![(
            Who::Provider,
            Event::Decline {
                reason: "busy".into(),
            },
        )],
        State::Cancelled => vec![(Who::Requester, Event::Withdraw)],
        State::Resolved => [
            started,
            vec![
                (
                    Who::Requester,
                    Event::Dispute {
                        reason: "no".into(),
                    },
                ),
                (
                    Who::Admin,
                    Event::Refund {
                        note: "refunded".into(),
                    },
                ),
            ],
        ]
        .concat(),
        other => panic!("no path to {other:?} in this test"),
    }
}

const STATES: [State; 11] = [
    State::AwaitingResponse,
    State::Negotiating,
    State::Accepted,
    State::PendingStartConfirmation,
    State::InProgress,
    State::PendingCompletionConfirmation,
    State::Disputed,
    State::Paid,
    State::Rejected,
    State::Cancelled,
    State::Resolved,
];

impl People {
    fn member_id(&self, who: Who) -> Option<MemberId> {
        match who {
            Who::Requester => Some(self.requester.1),
            Who::Provider => Some(self.provider.1),
            Who::Stranger => Some(self.stranger.1),
            Who::Admin => Some(self.admin.1),
            Who::Anonymous => None,
        }
    }

    fn client(&self, who: Who) -> &reqwest::Client {
        match who {
            Who::Requester => &self.requester.0,
            Who::Provider => &self.provider.0,
            Who::Stranger => &self.stranger.0,
            Who::Admin => &self.admin.0,
            Who::Anonymous => &self.anonymous,
        }
    }

    fn actor(&self, who: Who, admin_action: bool) -> Option<Actor> {
        let id = self.member_id(who)?;
        Some(if who == Who::Admin && admin_action {
            Actor::Admin(id)
        } else {
            Actor::Member(id)
        })
    }
}

/// A fresh request of the requester's (for a new service of the provider's: one open
/// request per service is the rule), driven through the engine into `state`.
async fn request_in(app: &TestApp, p: &People, state: State) -> Request {
    let service: String = app
        .call(
            p.client(Who::Provider),
            "services/create",
            &[
                ("title", "Tutoring"),
                ("description", "Maths"),
                ("category", "Lessons"),
                ("response_window_hours", "24"),
            ],
        )
        .await
        .unwrap();
    let mut req = engine::submit(
        &app.state.db,
        &app.state.clock,
        &app.state.config.rules,
        p.requester.1,
        service.parse().unwrap(),
        &Terms {
            duration_minutes: 60,
            rate: 100,
            proposed_start: None,
            message: "matrix".into(),
        },
    )
    .await
    .unwrap();
    for (who, event) in path_to(state) {
        let actor = p.actor(who, who == Who::Admin).unwrap();
        req = engine::act(
            &app.state.db,
            &app.state.clock,
            req.id,
            Some(req.version),
            &event,
            &actor,
        )
        .await
        .unwrap_or_else(|e| panic!("setting up {state:?}: {event:?} by {who:?}: {e}"));
    }
    assert_eq!(req.state, state);
    req
}

fn form_for(action: EventKind) -> Vec<(&'static str, &'static str)> {
    match action {
        EventKind::Counter => vec![
            ("duration_minutes", "30"),
            ("rate", "1"),
            ("message", "less"),
        ],
        EventKind::Split => vec![("minutes", "20"), ("text", "half")],
        _ => vec![("text", "because")],
    }
}

async fn attempt(
    app: &TestApp,
    p: &People,
    who: Who,
    req: &Request,
    action: EventKind,
) -> (u16, String) {
    let id = req.id.to_string();
    let version = req.version.to_string();
    let mut form: Vec<(&str, &str)> = vec![
        ("request_id", &id),
        ("version", &version),
        ("action", action.as_str()),
    ];
    form.extend(form_for(action));
    let res = p
        .client(who)
        .post(app.url("/api/requests/act"))
        .form(&form)
        .send()
        .await
        .expect("send");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

#[tokio::test]
async fn exactly_the_allowed_actions_succeed_for_each_person_in_each_state() {
    let app = spawn_app_with(|c| {
        c.starting_credit = Minutes(100_000);
        c.rules.max_open_requests = 1_000;
    })
    .await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let admin_id = app.me(&admin).await.unwrap().id;
    let requester = app.signed_up("Rita").await;
    let provider = app.signed_up("Paul").await;
    let stranger = app.signed_up("Sam").await;
    let p = People {
        requester,
        provider,
        stranger,
        admin: (admin, admin_id),
        anonymous: app.client(),
    };

    let (mut tried, mut allowed_seen) = (0, 0);
    for state in STATES {
        // Refusals are tried on one request (each must leave it exactly as it was);
        // each allowed action gets a fresh request in the same state.
        let shared = request_in(&app, &p, state).await;
        for who in [
            Who::Requester,
            Who::Provider,
            Who::Stranger,
            Who::Admin,
            Who::Anonymous,
        ] {
            for action in actions() {
                let admin_action = is_admin_action(action);
                let oracle = p
                    .actor(who, admin_action)
                    .filter(|_| !admin_action || who == Who::Admin)
                    .is_some_and(|actor| {
                        allowed_actions(&shared, &actor)
                            .iter()
                            .any(|a| a.action == action)
                    });
                if matches!(who, Who::Anonymous | Who::Stranger) {
                    assert!(!oracle, "the table lets {who:?} {action:?} in {state:?}");
                }
                if admin_action && who != Who::Admin {
                    assert!(!oracle);
                }
                tried += 1;
                if oracle {
                    allowed_seen += 1;
                    let fresh = request_in(&app, &p, state).await;
                    let (status, body) = attempt(&app, &p, who, &fresh, action).await;
                    assert_eq!(
                        status, 200,
                        "{who:?} {action:?} in {state:?} must succeed: {body}"
                    );
                    let after = requests_store::get(&app.state.db.read, fresh.id)
                        .await
                        .unwrap();
                    assert!(
                        after.version > fresh.version,
                        "{who:?} {action:?} in {state:?} changed nothing"
                    );
                } else {
                    let (status, body) = attempt(&app, &p, who, &shared, action).await;
                    let want: &[u16] = if who == Who::Anonymous {
                        &[401]
                    } else {
                        &[400, 403, 404, 409]
                    };
                    assert!(
                        want.contains(&status),
                        "{who:?} {action:?} in {state:?} must be refused, got {status}: {body}"
                    );
                    let after = requests_store::get(&app.state.db.read, shared.id)
                        .await
                        .unwrap();
                    assert_eq!(
                        after, shared,
                        "a refused {action:?} by {who:?} in {state:?} changed the request"
                    );
                }
            }
        }
    }
    println!("authorization matrix: {tried} attempts, {allowed_seen} allowed and succeeded, the rest refused");
    assert_eq!(tried, STATES.len() * 5 * actions().len());
    assert_eq!(actions().len(), 14);
    assert!(
        allowed_seen >= 20,
        "only {allowed_seen} allowed combinations were exercised"
    );
    let a = app::server::audit::audit(&app.state.db.read).await.unwrap();
    assert!(a.is_clean(), "{a}");
    app.cleanup().await;
}
