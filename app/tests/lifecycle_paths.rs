//! Every path of the design end to end through the engine, on SQLite or PostgreSQL,
//! with the injected clock moved for timeouts. The invariants are checked after every step.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

mod common;

use app::domain::{Minutes, Role};
use app::i18n::Viewer;
use app::lifecycle::machine::Rejection;
use app::lifecycle::request::EndReason;
use app::lifecycle::{Actor, Event, HoldStatus, Rules, State};
use app::server::engine::{self, EngineError};
use app::server::{header_store, notifications_store, requests_store, sweeper};
use common::{terms, terms_at, Bank, HOUR};

fn refused(r: Result<app::lifecycle::Request, EngineError>) -> Rejection {
    match r {
        Err(EngineError::Rejected(x)) => x,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn happy_path_pays_the_provider_and_opens_ratings() {
    let b = Bank::new().await;
    let (r, p, req) = b.pair_with_request(300, 90).await;
    assert_eq!(req.state, State::AwaitingResponse);
    assert_eq!(
        req.deadline,
        Some(req.created_at.plus_millis(24 * HOUR)),
        "the service's response window"
    );
    assert_eq!(b.balance(r).await, (210, 90), "cost held in escrow");
    b.check().await;
    let req = b.by(&req, Event::Accept, p).await;
    assert_eq!((req.state, req.deadline), (State::Accepted, None));
    b.check().await;
    b.advance_hours(1);
    let req = b.by(&req, Event::MarkStarted, p).await;
    assert_eq!(req.state, State::PendingStartConfirmation);
    assert_eq!(req.deadline, Some(b.clock.now().plus_millis(48 * HOUR)));
    let req = b.by(&req, Event::ConfirmStart, r).await;
    assert_eq!(
        (req.state, req.started_at),
        (State::InProgress, Some(b.clock.now()))
    );
    b.check().await;
    let req = b.by(&req, Event::MarkCompleted, p).await;
    let req = b.by(&req, Event::ConfirmCompletion, r).await;
    assert_eq!(
        req.state,
        State::Paid,
        "payment follows completion in the same transaction"
    );
    assert_eq!(req.hold.status, HoldStatus::Posted);
    assert!(!req.auto_confirmed_start && !req.auto_confirmed_completion);
    assert_eq!(b.balance(r).await, (210, 0));
    assert_eq!(b.balance(p).await, (90, 0));
    assert_eq!(
        b.states_in_history(req.id).await,
        [
            "INITIATED",
            "VALIDATING",
            "ESCROWED",
            "AWAITING_RESPONSE",
            "ACCEPTED",
            "PENDING_START_CONFIRMATION",
            "IN_PROGRESS",
            "PENDING_COMPLETION_CONFIRMATION",
            "COMPLETED",
            "PAID"
        ]
    );
    b.check().await;

    // Ratings: each side once, only after payment.
    engine::rate(&b.t.db, &b.clock, req.id, r, 5, "great")
        .await
        .unwrap();
    engine::rate(&b.t.db, &b.clock, req.id, p, 4, "")
        .await
        .unwrap();
    let again = engine::rate(&b.t.db, &b.clock, req.id, r, 1, "changed my mind").await;
    assert!(
        matches!(
            again,
            Err(EngineError::Store(app::server::StoreError::AlreadyRated))
        ),
        "{again:?}"
    );
    let stranger = b.member(0).await;
    let s = engine::rate(&b.t.db, &b.clock, req.id, stranger, 5, "").await;
    assert!(
        matches!(s, Err(EngineError::Rejected(Rejection::NotAParty))),
        "{s:?}"
    );
    let (history, ratings) = requests_store::history_and_ratings(&b.t.db.read, req.id)
        .await
        .unwrap();
    assert_eq!(
        history,
        requests_store::history(&b.t.db.read, req.id).await.unwrap(),
        "the request page's history is the request's history"
    );
    assert!(ratings[0].at <= ratings[1].at, "oldest rating first");
    let mut stars: Vec<(bool, i64)> = ratings.iter().map(|x| (x.rater_id == r, x.stars)).collect();
    stars.sort();
    assert_eq!(
        stars,
        [(false, 4), (true, 5)],
        "the provider gave 4, the requester 5"
    );
    // Notifications: one per recipient per step.
    let to_p = notifications_store::list(&b.t.db.read, p, 100)
        .await
        .unwrap();
    assert!(to_p
        .iter()
        .any(|n| n.text(&Viewer::default()).starts_with("New request")));
    assert!(to_p
        .iter()
        .any(|n| n.text(&Viewer::default()).contains("rated 5")));
    // The page header: the balance and the unread notices, in one read.
    let header = header_store::header(&b.t.db.read, p).await.unwrap();
    assert_eq!(
        (header.balance.available.0, header.balance.held.0),
        b.balance(p).await
    );
    assert_eq!(
        header.unread_notifications,
        to_p.iter().filter(|n| !n.read).count() as i64
    );
    assert!(header.unread_notifications > 0);
    let mut tx = b.t.db.begin_write().await.unwrap();
    notifications_store::mark_read(&mut tx, p, Some(&to_p[0].id), b.clock.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let after = header_store::header(&b.t.db.read, p).await.unwrap();
    assert_eq!(after.unread_notifications, header.unread_notifications - 1);
    b.cleanup().await;
}

#[tokio::test]
async fn ratings_are_refused_before_payment() {
    let b = Bank::new().await;
    let (r, _p, req) = b.pair_with_request(300, 60).await;
    let e = engine::rate(&b.t.db, &b.clock, req.id, r, 5, "").await;
    assert!(
        matches!(e, Err(EngineError::Rejected(Rejection::NotRateable))),
        "{e:?}"
    );
    b.cleanup().await;
}

#[tokio::test]
async fn each_validation_failure_is_recorded_as_rejected_with_its_reason() {
    let b = Bank::with_rules(Rules {
        max_open_requests: 2,
        ..Rules::default()
    })
    .await;
    let r = b.member(600).await;
    let p = b.member(0).await;
    let s = b.service(p, 24).await;
    let code = |req: &app::lifecycle::Request| match &req.end_reason {
        Some(EndReason::Validation(v)) => v.code(),
        other => panic!("not a validation failure: {other:?}"),
    };
    let expect = |req: app::lifecycle::Request, c: &str| {
        assert_eq!(req.state, State::Rejected);
        assert_eq!(req.hold.status, HoldStatus::None, "nothing held");
        assert_eq!(code(&req), c);
        req
    };
    expect(b.submit(r, s, &terms(20)).await, "hours_out_of_range");
    expect(b.submit(r, s, &terms(41 * 60)).await, "hours_out_of_range");
    expect(
        b.submit(r, s, &terms_at(60, 401)).await,
        "rate_out_of_range",
    );
    let mut long = terms(60);
    long.message = "x".repeat(2001);
    expect(b.submit(r, s, &long).await, "message_too_long");
    expect(b.submit(r, s, &terms(660)).await, "insufficient_balance");
    expect(b.submit(p, s, &terms(60)).await, "own_service");
    expect(
        b.submit(r, app::domain::ServiceId::generate(), &terms(60))
            .await,
        "service_unavailable",
    );
    let ok = b.submit(r, s, &terms(60)).await;
    assert_eq!(ok.state, State::AwaitingResponse);
    expect(b.submit(r, s, &terms(60)).await, "duplicate_open_request");
    let s2 = b.service(p, 24).await;
    assert_eq!(
        b.submit(r, s2, &terms(60)).await.state,
        State::AwaitingResponse
    );
    let s3 = b.service(p, 24).await;
    expect(b.submit(r, s3, &terms(60)).await, "too_many_open_requests");
    // A paused service takes no new requests.
    let mut tx = b.t.db.begin_write().await.unwrap();
    app::server::services_store::set_status(
        &mut tx,
        p,
        s3,
        app::domain::service::ServiceStatus::Paused,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let r2 = b.member(600).await;
    expect(b.submit(r2, s3, &terms(60)).await, "service_unavailable");
    // Inactive provider, inactive requester.
    let admin = b.person(Role::Admin, 0).await;
    let p2 = b.member(0).await;
    let s4 = b.service(p2, 24).await;
    engine::deactivate_member(&b.t.db, &b.clock, admin, p2)
        .await
        .unwrap();
    expect(b.submit(r2, s4, &terms(60)).await, "provider_inactive");
    engine::deactivate_member(&b.t.db, &b.clock, admin, r2)
        .await
        .unwrap();
    expect(b.submit(r2, s, &terms(60)).await, "requester_inactive");
    assert_eq!(
        b.balance(r).await,
        (480, 120),
        "only the two accepted submissions hold hours"
    );
    // Each rejected requester was told why.
    let notes = notifications_store::list(&b.t.db.read, r, 100)
        .await
        .unwrap();
    assert!(notes.iter().any(|n| n
        .text(&Viewer::default())
        .contains("don't have enough hours")));
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn decline_refunds_and_ends_the_request() {
    let b = Bank::new().await;
    let (r, p, req) = b.pair_with_request(100, 60).await;
    let req = b
        .by(
            &req,
            Event::Decline {
                reason: "away that week".into(),
            },
            p,
        )
        .await;
    assert_eq!(req.state, State::Rejected);
    assert_eq!(
        req.end_reason,
        Some(EndReason::Declined("away that week".into()))
    );
    assert_eq!(b.balance(r).await, (100, 0));
    let again = b.act(&req, Event::Accept, Actor::Member(p)).await;
    assert_eq!(
        refused(again),
        Rejection::Closed {
            state: State::Rejected
        },
        "terminal states accept nothing"
    );
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn no_answer_within_the_response_window_expires_and_refunds() {
    let b = Bank::new().await;
    let (r, _p, req) = b.pair_with_request(100, 60).await;
    b.advance_hours(23);
    assert_eq!(
        b.sweep().await,
        sweeper::SweepReport::default(),
        "not due yet"
    );
    b.advance_hours(1);
    assert_eq!(b.sweep().await.fired, 1);
    let req = b.reload(req.id).await;
    assert_eq!(
        (req.state, req.end_reason.clone()),
        (State::Expired, Some(EndReason::Expired))
    );
    assert_eq!(b.balance(r).await, (100, 0));
    assert_eq!(
        b.sweep().await,
        sweeper::SweepReport::default(),
        "a deadline fires once"
    );
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn counter_offer_accepted_after_two_rounds_adjusts_the_hold() {
    let b = Bank::new().await;
    let (r, p, req) = b.pair_with_request(300, 60).await;
    // Round 1: the provider wants 2 h.
    let req = b.by(&req, Event::Counter { terms: terms(120) }, p).await;
    assert_eq!(req.state, State::Negotiating);
    assert_eq!(req.deadline, Some(b.clock.now().plus_millis(24 * HOUR)));
    assert_eq!(
        b.balance(r).await,
        (240, 60),
        "the hold stays until the requester agrees"
    );
    // The provider cannot answer their own offer.
    assert_eq!(
        refused(b.act(&req, Event::Accept, Actor::Member(p)).await),
        Rejection::NotYourTurn
    );
    // Round 2: the requester offers 90 min; the hold follows the requester's offer.
    let req = b.by(&req, Event::Counter { terms: terms(90) }, r).await;
    assert_eq!(b.balance(r).await, (210, 90));
    b.check().await;
    let req = b.by(&req, Event::Accept, p).await;
    assert_eq!(req.state, State::Accepted);
    assert_eq!(
        req.terms.duration_minutes, 90,
        "the agreed terms are what payment uses"
    );
    let req = b.by(&req, Event::MarkStarted, p).await;
    let req = b.by(&req, Event::ConfirmStart, r).await;
    let req = b.by(&req, Event::MarkCompleted, p).await;
    let req = b.by(&req, Event::ConfirmCompletion, r).await;
    assert_eq!(req.state, State::Paid);
    assert_eq!(b.balance(p).await, (90, 0));
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn requester_accepting_a_dearer_offer_needs_the_hours() {
    let b = Bank::new().await;
    let (r, p, req) = b.pair_with_request(100, 60).await;
    let req = b.by(&req, Event::Counter { terms: terms(120) }, p).await;
    let e = b.act(&req, Event::Accept, Actor::Member(r)).await;
    assert!(
        matches!(
            e,
            Err(EngineError::Store(
                app::server::StoreError::InsufficientHours
            ))
        ),
        "{e:?}"
    );
    assert_eq!(
        b.reload(req.id).await,
        req,
        "a refused accept changes nothing"
    );
    assert_eq!(b.balance(r).await, (40, 60));
    let req = b
        .by(
            &req,
            Event::Counter {
                terms: terms_at(90, 100),
            },
            r,
        )
        .await;
    assert_eq!(b.balance(r).await, (10, 90));
    let req = b
        .by(
            &req,
            Event::Counter {
                terms: terms_at(90, 110),
            },
            p,
        )
        .await; // costs 99
    let req = b.by(&req, Event::Accept, r).await;
    assert_eq!(req.hold.amount, Minutes(99));
    assert_eq!(b.balance(r).await, (1, 99));
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn negotiation_decline_expiry_and_round_limit() {
    let b = Bank::new().await;
    // Decline by the party in turn.
    let (r, p, req) = b.pair_with_request(500, 60).await;
    let req = b.by(&req, Event::Counter { terms: terms(75) }, p).await;
    let req = b
        .by(
            &req,
            Event::Decline {
                reason: String::new(),
            },
            r,
        )
        .await;
    assert_eq!(req.state, State::Rejected);
    assert_eq!(b.balance(r).await, (500, 0));
    // Expiry after 24 h without an answer.
    let (r2, p2, req2) = b.pair_with_request(500, 60).await;
    let req2 = b.by(&req2, Event::Counter { terms: terms(75) }, p2).await;
    b.advance_hours(24);
    assert_eq!(b.sweep().await.fired, 1);
    assert_eq!(b.reload(req2.id).await.state, State::Expired);
    assert_eq!(b.balance(r2).await, (500, 0));
    // Round limit: five counter-offers, then only accept or decline.
    let (r3, p3, mut req3) = b.pair_with_request(500, 60).await;
    for round in 1..=5u32 {
        let who = if round % 2 == 1 { p3 } else { r3 };
        req3 = b
            .by(
                &req3,
                Event::Counter {
                    terms: terms(60 + 15 * round as i64),
                },
                who,
            )
            .await;
        assert_eq!(req3.negotiation.unwrap().round, round);
    }
    assert_eq!(
        refused(
            b.act(
                &req3,
                Event::Counter { terms: terms(60) },
                Actor::Member(r3)
            )
            .await
        ),
        Rejection::RoundLimit { max: 5 }
    );
    let req3 = b.by(&req3, Event::Accept, r3).await;
    assert_eq!(
        (req3.state, req3.hold.amount),
        (State::Accepted, Minutes(135))
    );
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn withdraw_and_cancel_refund_the_requester() {
    let b = Bank::new().await;
    for stage in 0..3 {
        let (r, p, mut req) = b.pair_with_request(100, 60).await;
        if stage >= 1 {
            req = b.by(&req, Event::Counter { terms: terms(45) }, p).await;
        }
        if stage == 2 {
            req = b.by(&req, Event::Accept, r).await;
        }
        let req = b.by(&req, Event::Withdraw, r).await;
        assert_eq!(
            (req.state, req.end_reason.clone()),
            (State::Cancelled, Some(EndReason::Withdrawn))
        );
        assert_eq!(b.balance(r).await, (100, 0));
    }
    let (r, p, req) = b.pair_with_request(100, 60).await;
    assert!(matches!(
        refused(
            b.act(
                &req,
                Event::Cancel {
                    reason: String::new()
                },
                Actor::Member(p)
            )
            .await
        ),
        Rejection::NotNow { .. }
    ));
    let req = b.by(&req, Event::Accept, p).await;
    assert!(matches!(
        refused(
            b.act(
                &req,
                Event::Cancel {
                    reason: String::new()
                },
                Actor::Member(r)
            )
            .await
        ),
        Rejection::WrongActor {
            who: app::lifecycle::ActorKind::Provider,
            ..
        }
    ));
    let req = b
        .by(
            &req,
            Event::Cancel {
                reason: "ill".into(),
            },
            p,
        )
        .await;
    assert_eq!(req.state, State::Cancelled);
    assert_eq!(b.balance(r).await, (100, 0));
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn start_and_completion_auto_confirm_after_48_hours() {
    let b = Bank::new().await;
    let (r, p, req) = b.pair_with_request(100, 60).await;
    let req = b.by(&req, Event::Accept, p).await;
    let req = b.by(&req, Event::MarkStarted, p).await;
    let marked = req.marked_started_at;
    b.advance_hours(47);
    assert_eq!(b.sweep().await.fired, 0);
    b.advance_hours(1);
    assert_eq!(b.sweep().await.fired, 1);
    let req = b.reload(req.id).await;
    assert_eq!(req.state, State::InProgress);
    assert!(req.auto_confirmed_start);
    assert_eq!(
        req.started_at, marked,
        "started when the provider marked it"
    );
    let req = b.by(&req, Event::MarkCompleted, p).await;
    b.advance_hours(48);
    assert_eq!(b.sweep().await.fired, 1);
    let req = b.reload(req.id).await;
    assert_eq!(req.state, State::Paid);
    assert!(req.auto_confirmed_completion);
    assert_eq!((b.balance(r).await, b.balance(p).await), ((40, 0), (60, 0)));
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn disputes_pause_and_each_resolution_settles_the_hold() {
    let b = Bank::new().await;
    let admin = b.person(Role::Admin, 0).await;
    let outcomes: [(&str, State); 4] = [
        ("resume", State::PendingStartConfirmation),
        ("pay", State::Paid),
        ("refund", State::Resolved),
        ("split", State::Resolved),
    ];
    for (outcome, expected) in outcomes {
        let (r, p, req) = b.pair_with_request(120, 60).await;
        let req = b.by(&req, Event::Accept, p).await;
        let req = b.by(&req, Event::MarkStarted, p).await;
        b.advance_hours(10); // 38 h of the 48 h confirmation window remain
        let e = b
            .act(
                &req,
                Event::Dispute {
                    reason: "  ".into(),
                },
                Actor::Member(r),
            )
            .await;
        assert!(
            matches!(refused(e), Rejection::TextRequired { .. }),
            "a dispute needs a reason"
        );
        let req = b
            .by(
                &req,
                Event::Dispute {
                    reason: "did not show up".into(),
                },
                r,
            )
            .await;
        assert_eq!((req.state, req.deadline), (State::Disputed, None));
        assert_eq!(req.paused.unwrap().remaining_ms, Some(38 * HOUR));
        b.advance_hours(100);
        b.sweep().await;
        assert_eq!(
            b.reload(req.id).await,
            req,
            "the clock is paused: the sweep left the dispute alone"
        );
        assert!(matches!(
            refused(
                b.act(&req, Event::Resume { note: "x".into() }, Actor::Member(r))
                    .await
            ),
            Rejection::WrongActor { .. }
        ));
        let a = Actor::Admin(admin);
        let req = match outcome {
            "resume" => b
                .act(
                    &req,
                    Event::Resume {
                        note: "talked to both".into(),
                    },
                    a,
                )
                .await
                .unwrap(),
            "pay" => b
                .act(
                    &req,
                    Event::PayProvider {
                        note: "work was done".into(),
                    },
                    a,
                )
                .await
                .unwrap(),
            "refund" => b
                .act(
                    &req,
                    Event::Refund {
                        note: "no-show".into(),
                    },
                    a,
                )
                .await
                .unwrap(),
            _ => {
                let bad = b
                    .act(
                        &req,
                        Event::Split {
                            to_provider: Minutes(60),
                            note: "half".into(),
                        },
                        a,
                    )
                    .await;
                assert!(
                    matches!(refused(bad), Rejection::InvalidSplit { .. }),
                    "a split must leave something on each side"
                );
                b.act(
                    &req,
                    Event::Split {
                        to_provider: Minutes(20),
                        note: "partly done".into(),
                    },
                    a,
                )
                .await
                .unwrap()
            }
        };
        assert_eq!(req.state, expected, "{outcome}");
        let (r_bal, p_bal) = (b.balance(r).await, b.balance(p).await);
        match outcome {
            "resume" => {
                assert_eq!(
                    req.deadline,
                    Some(b.clock.now().plus_millis(38 * HOUR)),
                    "remaining time restored"
                );
                assert_eq!((r_bal, p_bal), ((60, 60), (0, 0)));
            }
            "pay" => assert_eq!((r_bal, p_bal), ((60, 0), (60, 0))),
            "refund" => assert_eq!((r_bal, p_bal), ((120, 0), (0, 0))),
            _ => assert_eq!((r_bal, p_bal), ((100, 0), (20, 0))),
        }
        let (outcome_col, resolved_by): (Option<String>, Option<String>) =
            sqlx::query_as("SELECT outcome, resolved_by FROM disputes WHERE request_id = $1")
                .bind(req.id.to_string())
                .fetch_one(&b.t.db.write)
                .await
                .unwrap();
        assert!(outcome_col.is_some());
        assert_eq!(
            resolved_by,
            Some(admin.to_string()),
            "the dispute record keeps the admin"
        );
        b.check().await;
    }
    b.cleanup().await;
}

#[tokio::test]
async fn a_stale_version_is_refused_and_changes_nothing() {
    let b = Bank::new().await;
    let (r, p, req) = b.pair_with_request(100, 60).await;
    let accepted = b.by(&req, Event::Accept, p).await;
    let stale = engine::act(
        &b.t.db,
        &b.clock,
        req.id,
        Some(req.version),
        &Event::Withdraw,
        &Actor::Member(r),
    )
    .await;
    assert!(matches!(stale, Err(EngineError::Conflict)), "{stale:?}");
    assert_eq!(b.reload(req.id).await, accepted);
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn two_actors_at_once_one_wins_the_other_must_reload() {
    let b = Bank::new().await;
    for _ in 0..10 {
        let (r, p, req) = b.pair_with_request(100, 60).await;
        let (db, clock) = (b.t.db.clone(), b.clock.clone());
        let (db2, clock2) = (b.t.db.clone(), b.clock.clone());
        let (id, v) = (req.id, req.version);
        let a = tokio::spawn(async move {
            engine::act(&db, &clock, id, Some(v), &Event::Accept, &Actor::Member(p)).await
        });
        let w = tokio::spawn(async move {
            engine::act(
                &db2,
                &clock2,
                id,
                Some(v),
                &Event::Withdraw,
                &Actor::Member(r),
            )
            .await
        });
        let (a, w) = (a.await.unwrap(), w.await.unwrap());
        assert!(a.is_ok() != w.is_ok(), "exactly one wins: {a:?} / {w:?}");
        let loser = if a.is_ok() { w } else { a };
        assert!(matches!(loser, Err(EngineError::Conflict)), "{loser:?}");
    }
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn deactivation_cancels_open_requests_but_not_disputed_ones() {
    let b = Bank::new().await;
    let admin = b.person(Role::Admin, 0).await;
    let (r, p, open) = b.pair_with_request(300, 60).await;
    let s2 = b.service(p, 24).await;
    let disputed = b.submit(r, s2, &terms(60)).await;
    let disputed = b.by(&disputed, Event::Accept, p).await;
    let disputed = b
        .by(
            &disputed,
            Event::Dispute {
                reason: "late".into(),
            },
            r,
        )
        .await;
    let (cancelled_flag, cancelled) = engine::deactivate_member(&b.t.db, &b.clock, admin, p)
        .await
        .unwrap();
    assert!(cancelled_flag);
    assert_eq!(cancelled.len(), 1);
    let open = b.reload(open.id).await;
    assert_eq!(
        (open.state, open.end_reason),
        (State::Cancelled, Some(EndReason::MemberDeactivated))
    );
    assert_eq!(
        b.reload(disputed.id).await.state,
        State::Disputed,
        "an admin resolves it"
    );
    assert_eq!(b.balance(r).await, (240, 60));
    b.check().await;
    b.cleanup().await;
}

#[tokio::test]
async fn a_timer_transition_that_keeps_failing_is_flagged_for_attention() {
    let b = Bank::new().await;
    let (_r, _p, broken) = b.pair_with_request(100, 60).await;
    let (_r2, _p2, fine) = b.pair_with_request(100, 60).await;
    sqlx::query("UPDATE requests SET data = 'not json' WHERE id = $1")
        .bind(broken.id.to_string())
        .execute(&b.t.db.write)
        .await
        .unwrap();
    b.advance_hours(25);
    let report = b.sweep().await;
    assert_eq!((report.fired, report.failed), (1, 1));
    let (flag, error): (i64, Option<String>) =
        sqlx::query_as("SELECT needs_attention, attention_error FROM requests WHERE id = $1")
            .bind(broken.id.to_string())
            .fetch_one(&b.t.db.write)
            .await
            .unwrap();
    assert_eq!(flag, 1);
    assert!(error.unwrap().contains("not valid"));
    assert_eq!(b.reload(fine.id).await.state, State::Expired);
    assert_eq!(
        b.sweep().await,
        sweeper::SweepReport::default(),
        "a flagged request is not retried by itself"
    );
    b.cleanup().await;
}

#[tokio::test]
async fn two_sweepers_fire_each_deadline_once() {
    let b = Bank::new().await;
    let mut ids = Vec::new();
    for _ in 0..30 {
        ids.push(b.pair_with_request(100, 60).await.2.id);
    }
    b.advance_hours(24);
    let (db1, c1, db2, c2) = (
        b.t.db.clone(),
        b.clock.clone(),
        b.t.db.clone(),
        b.clock.clone(),
    );
    let s1 = tokio::spawn(async move { sweeper::sweep_once(&db1, &c1, 7).await.unwrap() });
    let s2 = tokio::spawn(async move { sweeper::sweep_once(&db2, &c2, 7).await.unwrap() });
    let (a, z) = (s1.await.unwrap(), s2.await.unwrap());
    let rest = b.sweep().await;
    assert_eq!(a.fired + z.fired + rest.fired, 30, "{a:?} {z:?} {rest:?}");
    for id in ids {
        let deadlines: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM request_events WHERE request_id = $1 AND event = 'deadline'",
        )
        .bind(id.to_string())
        .fetch_one(&b.t.db.write)
        .await
        .unwrap();
        assert_eq!(deadlines, 1);
    }
    b.check().await;
    b.cleanup().await;
}

/// Requests in every state a deadline fires from, due together: one sweep fires them all
/// in one set-based batch, and every minute lands where the definition says — refunds to
/// the expired requests' requesters, two payments to one provider in the same statement.
#[tokio::test]
async fn one_sweep_fires_a_mixed_batch_and_every_minute_lands_where_the_definition_says() {
    let b = Bank::new().await;
    let p = b.member(0).await;
    let s = b.service(p, 24).await;
    let mut expiring = Vec::new();
    let mut starting = Vec::new();
    let mut completing = Vec::new();
    for _ in 0..2 {
        let r = b.member(100).await;
        expiring.push((r, b.submit(r, s, &terms(60)).await));
    }
    for _ in 0..2 {
        let r = b.member(100).await;
        let req = b.submit(r, s, &terms(60)).await;
        let req = b.by(&req, Event::Accept, p).await;
        starting.push((r, b.by(&req, Event::MarkStarted, p).await));
    }
    for _ in 0..2 {
        let r = b.member(100).await;
        let req = b.submit(r, s, &terms(60)).await;
        let req = b.by(&req, Event::Accept, p).await;
        let req = b.by(&req, Event::MarkStarted, p).await;
        let req = b.by(&req, Event::ConfirmStart, r).await;
        completing.push((r, b.by(&req, Event::MarkCompleted, p).await));
    }
    b.advance_hours(48);
    let report = b.sweep().await;
    assert_eq!(
        report,
        sweeper::SweepReport {
            fired: 6,
            stale: 0,
            failed: 0
        }
    );
    for (r, req) in &expiring {
        assert_eq!(b.reload(req.id).await.state, State::Expired);
        assert_eq!(b.balance(*r).await, (100, 0), "refunded");
    }
    for (r, req) in &starting {
        let now = b.reload(req.id).await;
        assert_eq!(now.state, State::InProgress);
        assert!(now.auto_confirmed_start);
        assert_eq!(b.balance(*r).await, (40, 60), "still held");
    }
    for (r, req) in &completing {
        let now = b.reload(req.id).await;
        assert_eq!(now.state, State::Paid, "completed, then paid, in the batch");
        assert!(now.auto_confirmed_completion);
        assert_eq!(b.balance(*r).await, (40, 0));
    }
    assert_eq!(b.balance(p).await, (120, 0), "both payments");
    for (_, req) in expiring.iter().chain(&starting).chain(&completing) {
        let fired: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM request_events WHERE request_id = $1 AND event = 'deadline'",
        )
        .bind(req.id.to_string())
        .fetch_one(&b.t.db.write)
        .await
        .unwrap();
        assert_eq!(fired, 1, "{}", req.id);
        b.check_replay(req.id).await;
    }
    // Each party of an expiry is told, and both of each automatic confirmation.
    let told: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE created_at_ms = $1")
            .bind(b.clock.now().0)
            .fetch_one(&b.t.db.write)
            .await
            .unwrap();
    assert!(told >= 6, "{told} notifications");
    assert_eq!(
        b.sweep().await,
        sweeper::SweepReport::default(),
        "nothing fires twice"
    );
    b.check().await;
    b.cleanup().await;
}

/// A batch whose hold is no longer pending (here: tampered with) cannot pay or refund it a
/// second time: the batch is rolled back, its deadlines are fired one by one, and only the
/// one that fails is flagged.
#[tokio::test]
async fn a_hold_already_resolved_fails_its_batch_and_only_its_request_is_flagged() {
    let b = Bank::new().await;
    let (r1, _p1, tampered) = b.pair_with_request(100, 60).await;
    let (r2, _p2, fine) = b.pair_with_request(100, 60).await;
    sqlx::query(
        "UPDATE holds SET status = 'voided', voided_minutes = amount_minutes WHERE request_id = $1",
    )
    .bind(tampered.id.to_string())
    .execute(&b.t.db.write)
    .await
    .unwrap();
    b.advance_hours(25);
    let report = b.sweep().await;
    assert_eq!((report.fired, report.failed), (1, 1), "{report:?}");
    assert_eq!(b.reload(fine.id).await.state, State::Expired);
    assert_eq!(b.balance(r2).await, (100, 0));
    let still = b.reload(tampered.id).await;
    assert_eq!(
        still.state,
        State::AwaitingResponse,
        "nothing written for it"
    );
    assert_eq!(b.balance(r1).await, (40, 60), "not refunded a second time");
    let flagged: i64 = sqlx::query_scalar("SELECT needs_attention FROM requests WHERE id = $1")
        .bind(tampered.id.to_string())
        .fetch_one(&b.t.db.write)
        .await
        .unwrap();
    assert_eq!(flagged, 1);
    b.cleanup().await;
}

/// The sweeper falls back to firing one by one when a batch fails, which would hide a
/// batch path that always fails: the batch itself must go through.
#[tokio::test]
async fn a_batch_of_due_deadlines_is_written_whole_not_one_by_one() {
    let b = Bank::new().await;
    let mut due = Vec::new();
    for _ in 0..5 {
        let (_, _, req) = b.pair_with_request(100, 60).await;
        due.push((req.id, req.deadline.expect("a response deadline")));
    }
    b.advance_hours(25);
    let fired = engine::fire_deadlines(&b.t.db, &b.clock, &due)
        .await
        .expect("the batch itself is written");
    assert_eq!(fired.len(), 5);
    for ((id, _), (fired_id, result)) in due.iter().zip(&fired) {
        assert_eq!(id, fired_id, "results come back in the order asked");
        assert_eq!(result.as_ref().expect("fired").state, State::Expired);
    }
    b.check().await;
    b.cleanup().await;
}
