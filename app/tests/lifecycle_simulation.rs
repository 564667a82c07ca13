//! A seeded simulation: many members and requests, random actors doing random (also
//! disallowed) actions with stale versions, random clock jumps with sweeps, and several
//! actions at once on the same requests and balances. After every round the ledger
//! invariants hold and every request touched replays to its stored state.
//!
//! CI runs seeds 1–4 × 2,500 actions per database. Longer:
//! `HOURBANK_SIM_ACTIONS=100000 HOURBANK_SIM_SEEDS=7,8,9 cargo test -p app --features ssr --test lifecycle_simulation`

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise
#![cfg(feature = "ssr")]

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use app::domain::ids::{RequestId, ServiceId};
use app::domain::{MemberId, Minutes, Role};
use app::lifecycle::{Actor, Event, EventKind, Rules, State, Terms};
use app::server::engine::{self, EngineError};
use app::server::{requests_store, sweeper, Clock, Db, StoreError};
use common::{Bank, HOUR};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const MEMBERS: usize = 12;
const CONCURRENCY: usize = 4;

#[derive(Default, Debug)]
struct Stats {
    ok: u64,
    refused: u64,
    conflicts: u64,
    insufficient: u64,
}

struct World {
    db: Db,
    clock: Clock,
    rules: Rules,
    admin: MemberId,
    members: Vec<MemberId>,
    services: Vec<(ServiceId, MemberId)>,
    requests: Mutex<Vec<RequestId>>,
    stats: Mutex<Stats>,
}

fn random_terms(rng: &mut StdRng) -> Terms {
    let duration_minutes = if rng.gen_bool(0.05) {
        rng.gen_range(-30..3000)
    } else {
        15 * rng.gen_range(1..=12)
    };
    let rate = if rng.gen_bool(0.05) {
        rng.gen_range(0..600)
    } else {
        [50, 75, 100, 100, 100, 125, 200][rng.gen_range(0..7)]
    };
    Terms {
        duration_minutes,
        rate,
        proposed_start: None,
        message: String::new(),
    }
}

fn text(rng: &mut StdRng) -> String {
    if rng.gen_bool(0.1) {
        String::new()
    } else {
        "because".into()
    }
}

/// One random action. Returns the request it touched, if any.
async fn one_action(w: &World, rng: &mut StdRng) -> Option<RequestId> {
    let roll = rng.gen_range(0..100);
    if roll < 14 {
        let requester = w.members[rng.gen_range(0..w.members.len())];
        let service = if rng.gen_bool(0.03) {
            ServiceId::generate()
        } else {
            w.services[rng.gen_range(0..w.services.len())].0
        };
        let terms = random_terms(rng);
        let req = engine::submit(&w.db, &w.clock, &w.rules, requester, service, &terms).await;
        let req = tally(w, req);
        if let Some(r) = &req {
            w.requests.lock().unwrap().push(r.id);
        }
        return req.map(|r| r.id);
    }
    if roll < 19 {
        let hours = if rng.gen_bool(0.2) {
            rng.gen_range(0..60)
        } else {
            rng.gen_range(0..4)
        };
        w.clock.advance_ms(hours * HOUR + rng.gen_range(0..HOUR));
        let report = sweeper::sweep_once(&w.db, &w.clock, 50)
            .await
            .expect("sweep");
        if report.failed > 0 {
            let errors: Vec<(String, Option<String>)> = sqlx::query_as(
                "SELECT state, attention_error FROM requests WHERE needs_attention = 1",
            )
            .fetch_all(&w.db.write)
            .await
            .unwrap();
            panic!("timer transitions failed: {errors:?}");
        }
        return None;
    }
    let id = {
        let ids = w.requests.lock().unwrap();
        if ids.is_empty() {
            return None;
        }
        // Mostly the recent ones, which are more likely still open.
        let recent = ids.len().saturating_sub(40);
        if rng.gen_bool(0.8) {
            ids[rng.gen_range(recent..ids.len())]
        } else {
            ids[rng.gen_range(0..ids.len())]
        }
    };
    let req = requests_store::get(&w.db.read, id).await.expect("load");
    if roll < 23 {
        let member = if rng.gen_bool(0.5) {
            req.requester
        } else {
            req.provider.unwrap_or(req.requester)
        };
        let r = engine::rate(&w.db, &w.clock, id, member, rng.gen_range(0..7), "ok").await;
        tally(w, r.map(|_| req.clone()));
        return Some(id);
    }
    // Most of the time, someone does what the lifecycle allows them now (with random
    // payloads); otherwise anyone tries anything.
    if rng.gen_bool(0.6) {
        let mut candidates = Vec::new();
        for actor in [
            Actor::Member(req.requester),
            Actor::Member(req.provider.unwrap_or(req.requester)),
            Actor::Admin(w.admin),
        ] {
            for a in app::lifecycle::allowed_actions(&req, &actor) {
                // Weight the steps forward, so that many requests get all the way to payment.
                let forward = matches!(
                    a.action,
                    EventKind::Accept
                        | EventKind::MarkStarted
                        | EventKind::ConfirmStart
                        | EventKind::MarkCompleted
                        | EventKind::ConfirmCompletion
                        | EventKind::PayProvider
                        | EventKind::Resume
                );
                for _ in 0..if forward { 8 } else { 1 } {
                    candidates.push((actor, a.action));
                }
            }
        }
        if !candidates.is_empty() {
            let (actor, kind) = candidates[rng.gen_range(0..candidates.len())];
            let event = event_for(kind, &req, rng);
            let r = engine::act(&w.db, &w.clock, id, Some(req.version), &event, &actor).await;
            tally(w, r);
            return Some(id);
        }
    }
    let actor = match rng.gen_range(0..10) {
        0..=3 => Actor::Member(req.requester),
        4..=7 => Actor::Member(req.provider.unwrap_or(req.requester)),
        8 => Actor::Member(w.members[rng.gen_range(0..w.members.len())]),
        _ => Actor::Admin(w.admin),
    };
    let kinds = EventKind::ALL;
    let event = event_for(kinds[rng.gen_range(0..kinds.len())], &req, rng);
    // Now and then act on what an older page showed.
    let version = if rng.gen_bool(0.1) {
        req.version - 1
    } else {
        req.version
    };
    let r = engine::act(&w.db, &w.clock, id, Some(version), &event, &actor).await;
    tally(w, r);
    Some(id)
}

fn event_for(kind: EventKind, req: &app::lifecycle::Request, rng: &mut StdRng) -> Event {
    match kind {
        EventKind::Accept => Event::Accept,
        EventKind::Decline => Event::Decline { reason: text(rng) },
        EventKind::Counter => Event::Counter {
            terms: random_terms(rng),
        },
        EventKind::Withdraw => Event::Withdraw,
        EventKind::Cancel => Event::Cancel { reason: text(rng) },
        EventKind::MarkStarted => Event::MarkStarted,
        EventKind::ConfirmStart => Event::ConfirmStart,
        EventKind::MarkCompleted => Event::MarkCompleted,
        EventKind::ConfirmCompletion => Event::ConfirmCompletion,
        EventKind::Dispute => Event::Dispute { reason: text(rng) },
        EventKind::Resume => Event::Resume { note: text(rng) },
        EventKind::PayProvider => Event::PayProvider { note: text(rng) },
        EventKind::Refund => Event::Refund { note: text(rng) },
        EventKind::Split => Event::Split {
            to_provider: Minutes(rng.gen_range(-5..req.hold.amount.0 + 5)),
            note: text(rng),
        },
        EventKind::Deadline => Event::Deadline {
            due: req.deadline.unwrap_or(req.updated_at),
        },
        EventKind::MemberDeactivated => Event::MemberDeactivated {
            member: req.requester,
        },
        EventKind::ProcessPayment => Event::ProcessPayment,
        EventKind::StartValidation => Event::StartValidation,
        EventKind::ChecksPassed => Event::ChecksPassed,
        EventKind::ChecksFailed => Event::ChecksFailed {
            reason: app::lifecycle::checks::ValidationFailure::OwnService,
        },
        EventKind::NotifyProvider => Event::NotifyProvider,
        EventKind::Submit => Event::Withdraw,
    }
}

fn tally(
    w: &World,
    r: Result<app::lifecycle::Request, EngineError>,
) -> Option<app::lifecycle::Request> {
    let mut s = w.stats.lock().unwrap();
    match r {
        Ok(req) => {
            s.ok += 1;
            Some(req)
        }
        Err(EngineError::Rejected(_)) | Err(EngineError::Store(StoreError::AlreadyRated)) => {
            s.refused += 1;
            None
        }
        Err(EngineError::Conflict) => {
            s.conflicts += 1;
            None
        }
        Err(EngineError::Store(StoreError::InsufficientHours)) => {
            s.insufficient += 1;
            None
        }
        Err(e) => panic!("unexpected error: {e}"),
    }
}

async fn simulate(seed: u64, actions: usize) {
    eprintln!(
        "simulation seed={seed} actions={actions} backend={}",
        app::server::testing::backend_name()
    );
    let started = Instant::now();
    let b = Bank::with_rules(Rules {
        max_rounds: 3,
        ..Rules::default()
    })
    .await;
    let mut rng = StdRng::seed_from_u64(seed);
    let admin = b.person(Role::Admin, 0).await;
    let mut members = Vec::new();
    let mut services = Vec::new();
    for _ in 0..MEMBERS {
        let m = b.member(rng.gen_range(0..900)).await;
        members.push(m);
        for _ in 0..2 {
            services.push((b.service(m, rng.gen_range(2..=72)).await, m));
        }
    }
    let w = Arc::new(World {
        db: b.t.db.clone(),
        clock: b.clock.clone(),
        rules: b.rules.clone(),
        admin,
        members,
        services,
        requests: Mutex::new(Vec::new()),
        stats: Mutex::new(Stats::default()),
    });
    let mut done = 0;
    while done < actions {
        let mut tasks = Vec::new();
        for _ in 0..CONCURRENCY.min(actions - done) {
            let w = w.clone();
            let mut task_rng = StdRng::seed_from_u64(rng.gen());
            tasks.push(tokio::spawn(
                async move { one_action(&w, &mut task_rng).await },
            ));
        }
        done += tasks.len();
        let mut touched = BTreeSet::new();
        for t in tasks {
            if let Some(id) = t.await.expect("task panicked") {
                touched.insert(id);
            }
        }
        b.check_ledger().await;
        for id in touched {
            b.check_replay(id).await;
        }
    }
    b.check().await;
    let states: Vec<(String, i64)> =
        sqlx::query_as("SELECT state, COUNT(*) FROM requests GROUP BY state ORDER BY state")
            .fetch_all(&b.t.db.write)
            .await
            .unwrap();
    // Read what the run counted, and let go of the locks before the next await.
    let (s, requests) = {
        let s = w.stats.lock().unwrap();
        let stats = (s.ok, s.refused, s.conflicts, s.insufficient);
        (stats, w.requests.lock().unwrap().len())
    };
    eprintln!(
        "seed={seed}: {actions} actions ({} ok, {} refused, {} conflicts, {} insufficient), {} requests, {:.1} s; states {:?}",
        s.0,
        s.1,
        s.2,
        s.3,
        requests,
        started.elapsed().as_secs_f64(),
        states
    );
    assert!(s.0 > actions as u64 / 10, "the simulation makes progress");
    assert!(
        states.iter().any(|(st, _)| st == State::Paid.as_str()),
        "some requests get paid"
    );
    b.cleanup().await;
}

fn seeds() -> Vec<u64> {
    std::env::var("HOURBANK_SIM_SEEDS")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 3, 4])
}

fn actions_per_seed() -> usize {
    std::env::var("HOURBANK_SIM_ACTIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_500)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeded_simulation_keeps_every_invariant() {
    for seed in seeds() {
        simulate(seed, actions_per_seed()).await;
    }
}
