//! Every (state, event, actor) on a real database: the combinations in the transition
//! table reach the table's state with the right ledger effects; every other combination
//! is refused and changes nothing (request, history, notifications, ledger).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

mod common;

use app::domain::{MemberId, Minutes, Role, Timestamp};
use app::lifecycle::checks::ValidationFailure;
use app::lifecycle::definition::{find_row, ActorKind, Target};
use app::lifecycle::machine::NewRequest;
use app::lifecycle::request::{HoldStatus, Party};
use app::lifecycle::{Actor, Event, EventKind, Request, Rules, State};
use app::server::engine;
use common::{terms, Bank};

const CREDIT: i64 = 1_000;

#[derive(Clone, Copy, Debug)]
enum Setup {
    Awaiting,
    NegotiatingRequesterTurn,
    NegotiatingProviderTurn,
    Accepted,
    StartPending,
    InProgress,
    CompletionPending,
    Disputed,
    Paid,
    Rejected,
    Expired,
    Cancelled,
    Resolved,
}

const SETUPS: [Setup; 13] = [
    Setup::Awaiting,
    Setup::NegotiatingRequesterTurn,
    Setup::NegotiatingProviderTurn,
    Setup::Accepted,
    Setup::StartPending,
    Setup::InProgress,
    Setup::CompletionPending,
    Setup::Disputed,
    Setup::Paid,
    Setup::Rejected,
    Setup::Expired,
    Setup::Cancelled,
    Setup::Resolved,
];

struct Case {
    r: MemberId,
    p: MemberId,
    req: Request,
}

async fn build(b: &Bank, admin: MemberId, setup: Setup) -> Case {
    let (r, p, req) = b.pair_with_request(CREDIT, 60).await;
    let mut req = req;
    let m = |x| Actor::Member(x);
    macro_rules! go {
        ($ev:expr, $who:expr) => {
            req = b.act(&req, $ev, $who).await.expect("setup step")
        };
    }
    match setup {
        Setup::Awaiting => {}
        Setup::NegotiatingRequesterTurn => go!(Event::Counter { terms: terms(75) }, m(p)),
        Setup::NegotiatingProviderTurn => {
            go!(Event::Counter { terms: terms(75) }, m(p));
            go!(Event::Counter { terms: terms(90) }, m(r));
        }
        Setup::Accepted
        | Setup::StartPending
        | Setup::InProgress
        | Setup::CompletionPending
        | Setup::Disputed
        | Setup::Paid
        | Setup::Resolved => {
            go!(Event::Accept, m(p));
            if !matches!(setup, Setup::Accepted) {
                go!(Event::MarkStarted, m(p));
            }
            if matches!(
                setup,
                Setup::InProgress | Setup::CompletionPending | Setup::Paid
            ) {
                go!(Event::ConfirmStart, m(r));
            }
            if matches!(setup, Setup::CompletionPending | Setup::Paid) {
                go!(Event::MarkCompleted, m(p));
            }
            if matches!(setup, Setup::Paid) {
                go!(Event::ConfirmCompletion, m(r));
            }
            if matches!(setup, Setup::Disputed | Setup::Resolved) {
                go!(
                    Event::Dispute {
                        reason: "problem".into()
                    },
                    m(r)
                );
            }
            if matches!(setup, Setup::Resolved) {
                go!(
                    Event::Refund {
                        note: "sorted".into()
                    },
                    Actor::Admin(admin)
                );
            }
        }
        Setup::Rejected => go!(
            Event::Decline {
                reason: String::new()
            },
            m(p)
        ),
        Setup::Expired => {
            let due = req.deadline.unwrap();
            b.clock.advance_ms(due.0 - b.clock.now().0);
            go!(Event::Deadline { due }, Actor::Timer);
        }
        Setup::Cancelled => go!(Event::Withdraw, m(r)),
    }
    Case { r, p, req }
}

fn event_of(kind: EventKind, case: &Case, now: Timestamp) -> Event {
    match kind {
        EventKind::Submit => Event::Submit {
            request: NewRequest {
                id: case.req.id,
                service_id: case.req.service_id,
                requester: case.r,
                provider: Some(case.p),
                terms: terms(60),
                response_window_ms: 1,
            },
            rules: Rules::default(),
        },
        EventKind::StartValidation => Event::StartValidation,
        EventKind::ChecksPassed => Event::ChecksPassed,
        EventKind::ChecksFailed => Event::ChecksFailed {
            reason: ValidationFailure::OwnService,
        },
        EventKind::NotifyProvider => Event::NotifyProvider,
        EventKind::Accept => Event::Accept,
        EventKind::Decline => Event::Decline {
            reason: "no".into(),
        },
        EventKind::Counter => Event::Counter { terms: terms(105) },
        EventKind::Withdraw => Event::Withdraw,
        EventKind::Cancel => Event::Cancel {
            reason: "busy".into(),
        },
        EventKind::MemberDeactivated => Event::MemberDeactivated { member: case.r },
        EventKind::MarkStarted => Event::MarkStarted,
        EventKind::ConfirmStart => Event::ConfirmStart,
        EventKind::MarkCompleted => Event::MarkCompleted,
        EventKind::ConfirmCompletion => Event::ConfirmCompletion,
        EventKind::ProcessPayment => Event::ProcessPayment,
        EventKind::Dispute => Event::Dispute {
            reason: "bad".into(),
        },
        EventKind::Resume => Event::Resume {
            note: "go on".into(),
        },
        EventKind::PayProvider => Event::PayProvider { note: "pay".into() },
        EventKind::Refund => Event::Refund {
            note: "refund".into(),
        },
        EventKind::Split => Event::Split {
            to_provider: Minutes(10),
            note: "split".into(),
        },
        EventKind::Deadline => Event::Deadline {
            due: case.req.deadline.unwrap_or(now),
        },
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Requester,
    Provider,
    Stranger,
    Admin,
    Timer,
    System,
}

const WHO: [Who; 6] = [
    Who::Requester,
    Who::Provider,
    Who::Stranger,
    Who::Admin,
    Who::Timer,
    Who::System,
];

/// The oracle: the table's row (as data) plus the rules' whose-turn and round conditions.
fn expected(req: &Request, kind: EventKind, who: Who) -> Option<State> {
    let role = match who {
        Who::Requester => ActorKind::Requester,
        Who::Provider => ActorKind::Provider,
        Who::Stranger => return None,
        Who::Admin => ActorKind::Admin,
        Who::Timer => ActorKind::Timer,
        Who::System => ActorKind::System,
    };
    let row = find_row(req.state, kind, role)?;
    if req.state == State::Negotiating
        && matches!(
            kind,
            EventKind::Accept | EventKind::Counter | EventKind::Decline
        )
    {
        let turn = req.negotiation.unwrap().turn;
        let mine = match role {
            ActorKind::Requester => turn == Party::Requester,
            ActorKind::Provider => turn == Party::Provider,
            _ => false,
        };
        if !mine {
            return None;
        }
    }
    let to = match row.to {
        Target::To(s) => s,
        Target::PausedState => req.paused.unwrap().state,
    };
    Some(if to == State::Completed {
        State::Paid
    } else {
        to
    })
}

async fn snapshot(b: &Bank, case: &Case) -> (Request, i64, i64, i64, (i64, i64), (i64, i64)) {
    let db = &b.t.db.read;
    let count = |sql: &'static str| async move {
        app::server::sql::query_scalar::<i64>(sql)
            .fetch_one(db)
            .await
            .unwrap()
    };
    (
        b.reload(case.req.id).await,
        count("SELECT COUNT(*) FROM request_events").await,
        count("SELECT COUNT(*) FROM notifications").await,
        count("SELECT COUNT(*) FROM ledger_transfers").await,
        b.balance(case.r).await,
        b.balance(case.p).await,
    )
}

#[tokio::test]
async fn every_state_event_actor_combination() {
    let b = Bank::new().await;
    let admin = b.person(Role::Admin, 0).await;
    let stranger = b.member(CREDIT).await;
    let (mut allowed_count, mut refused_count) = (0, 0);
    for setup in SETUPS {
        let mut case = build(&b, admin, setup).await;
        for kind in EventKind::ALL {
            for who in WHO {
                let actor = match who {
                    Who::Requester => Actor::Member(case.r),
                    Who::Provider => Actor::Member(case.p),
                    Who::Stranger => Actor::Member(stranger),
                    Who::Admin => Actor::Admin(admin),
                    Who::Timer => Actor::Timer,
                    Who::System => Actor::System,
                };
                let want = expected(&case.req, kind, who);
                if kind == EventKind::Deadline && want.is_some() {
                    // Let the deadline come due.
                    let due = case.req.deadline.unwrap();
                    b.clock.advance_ms((due.0 - b.clock.now().0).max(0));
                }
                let event = event_of(kind, &case, b.clock.now());
                let before = snapshot(&b, &case).await;
                let result = engine::act(
                    &b.t.db,
                    &b.clock,
                    case.req.id,
                    Some(case.req.version),
                    &event,
                    &actor,
                )
                .await;
                let label = format!("{setup:?} / {kind:?} / {who:?}");
                match (want, result) {
                    (Some(state), Ok(next)) => {
                        allowed_count += 1;
                        assert_eq!(next.state, state, "{label}");
                        let after = snapshot(&b, &case).await;
                        assert!(after.1 > before.1, "{label}: history appended");
                        assert!(after.2 > before.2, "{label}: someone notified");
                        // The ledger agrees with the request's hold.
                        let (ra, rh, pa) = match next.hold.status {
                            HoldStatus::Pending => {
                                (CREDIT - next.hold.amount.0, next.hold.amount.0, 0)
                            }
                            HoldStatus::Posted => {
                                (CREDIT - next.hold.amount.0, 0, next.hold.amount.0)
                            }
                            HoldStatus::Voided => (CREDIT, 0, 0),
                            HoldStatus::Split { to_provider } => {
                                (CREDIT - to_provider.0, 0, to_provider.0)
                            }
                            HoldStatus::None => panic!("{label}: no hold"),
                        };
                        assert_eq!((after.4, after.5), ((ra, rh), (pa, 0)), "{label}: balances");
                        match kind {
                            EventKind::Decline
                            | EventKind::Withdraw
                            | EventKind::Cancel
                            | EventKind::MemberDeactivated
                            | EventKind::Refund => {
                                assert_eq!(next.hold.status, HoldStatus::Voided, "{label}")
                            }
                            EventKind::ConfirmCompletion | EventKind::PayProvider => {
                                assert_eq!(next.hold.status, HoldStatus::Posted, "{label}")
                            }
                            EventKind::Deadline if next.state == State::Expired => {
                                assert_eq!(next.hold.status, HoldStatus::Voided, "{label}")
                            }
                            EventKind::Deadline if next.state == State::Paid => {
                                assert_eq!(next.hold.status, HoldStatus::Posted, "{label}")
                            }
                            EventKind::Split => assert_eq!(
                                next.hold.status,
                                HoldStatus::Split {
                                    to_provider: Minutes(10)
                                },
                                "{label}"
                            ),
                            _ => {}
                        }
                        b.check().await;
                        case = build(&b, admin, setup).await;
                    }
                    (None, Err(_)) => {
                        refused_count += 1;
                        let after = snapshot(&b, &case).await;
                        assert_eq!(after, before, "{label}: a refusal changes nothing");
                    }
                    (want, got) => panic!("{label}: expected {want:?}, got {got:?}"),
                }
            }
        }
    }
    // 13 setups × 22 events × 6 actors.
    assert_eq!(allowed_count + refused_count, 13 * 22 * 6);
    assert!(allowed_count >= 40, "allowed: {allowed_count}");
    b.check().await;
    println!("matrix: {allowed_count} allowed, {refused_count} refused");
    b.cleanup().await;
}
