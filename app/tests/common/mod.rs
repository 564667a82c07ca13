//! A small bank on a fresh database, a manual clock, and the invariant checks every
//! lifecycle test runs after every step.

#![allow(dead_code)]

use app::domain::ids::{RequestId, ServiceId};
use app::domain::service::ServiceFields;
use app::domain::{DisplayName, Email, MemberId, Minutes, Role, Timestamp};
use app::lifecycle::replay::replay;
use app::lifecycle::{Actor, Event, Request, Rules, Terms};
use app::server::audit::{audit, escrow_problem};
use app::server::engine::{self, EngineError};
use app::server::testing::TestDb;
use app::server::{ledger_store, members_store, requests_store, services_store, sweeper, Clock};

pub const HOUR: i64 = 3_600_000;

pub struct Bank {
    pub t: TestDb,
    pub clock: Clock,
    pub rules: Rules,
    next: std::sync::atomic::AtomicUsize,
}

pub fn terms(minutes: i64) -> Terms {
    Terms {
        duration_minutes: minutes,
        rate: 100,
        proposed_start: None,
        message: "please".into(),
    }
}

pub fn terms_at(minutes: i64, rate: i64) -> Terms {
    Terms {
        duration_minutes: minutes,
        rate,
        proposed_start: None,
        message: String::new(),
    }
}

impl Bank {
    pub async fn new() -> Bank {
        Bank::with_rules(Rules::default()).await
    }

    pub async fn with_rules(rules: Rules) -> Bank {
        Bank {
            t: TestDb::new().await.expect("test database"),
            clock: Clock::manual(Timestamp(1_800_000_000_000)),
            rules,
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn n(&self) -> usize {
        self.next.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    }

    pub async fn person(&self, role: Role, credit_minutes: i64) -> MemberId {
        let n = self.n();
        let mut tx = self.t.db.begin_write().await.unwrap();
        let id = members_store::insert(
            &mut tx,
            members_store::NewMember {
                email: &Email::parse(&format!("m{n}@bank.test")).unwrap(),
                display_name: &DisplayName::parse(&format!("Member {n}")).unwrap(),
                password_hash: "unused",
                role,
                starting_credit: Minutes(credit_minutes),
            },
            self.clock.now(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        id
    }

    pub async fn member(&self, credit_minutes: i64) -> MemberId {
        self.person(Role::Member, credit_minutes).await
    }

    pub async fn service(&self, provider: MemberId, window_hours: i64) -> ServiceId {
        let fields = ServiceFields::parse("Gardening", "", "Garden", window_hours).unwrap();
        let mut tx = self.t.db.begin_write().await.unwrap();
        let id = services_store::insert(&mut tx, provider, &fields, self.clock.now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id
    }

    pub async fn submit(&self, requester: MemberId, service: ServiceId, t: &Terms) -> Request {
        engine::submit(&self.t.db, &self.clock, &self.rules, requester, service, t)
            .await
            .expect("submit")
    }

    /// A requester with `credit`, a provider with a 24 h service, and a request in AWAITING_RESPONSE.
    pub async fn pair_with_request(
        &self,
        credit: i64,
        minutes: i64,
    ) -> (MemberId, MemberId, Request) {
        let r = self.member(credit).await;
        let p = self.member(0).await;
        let s = self.service(p, 24).await;
        let req = self.submit(r, s, &terms(minutes)).await;
        (r, p, req)
    }

    pub async fn act(
        &self,
        req: &Request,
        event: Event,
        actor: Actor,
    ) -> Result<Request, EngineError> {
        engine::act(
            &self.t.db,
            &self.clock,
            req.id,
            Some(req.version),
            &event,
            &actor,
        )
        .await
    }

    pub async fn by(&self, req: &Request, event: Event, member: MemberId) -> Request {
        let kind = event.kind();
        self.act(req, event, Actor::Member(member))
            .await
            .unwrap_or_else(|e| panic!("{kind:?} refused: {e}"))
    }

    pub async fn reload(&self, id: RequestId) -> Request {
        requests_store::get(&self.t.db.read, id).await.unwrap()
    }

    pub async fn balance(&self, m: MemberId) -> (i64, i64) {
        let b = ledger_store::balance(&self.t.db.read, m).await.unwrap();
        (b.available.0, b.held.0)
    }

    pub fn advance_hours(&self, hours: i64) {
        self.clock.advance_ms(hours * HOUR);
    }

    pub async fn sweep(&self) -> sweeper::SweepReport {
        sweeper::sweep_once(&self.t.db, &self.clock, 100)
            .await
            .unwrap()
    }

    /// Bank-wide invariants in SQL: conservation, no negative balance, every hold resolved
    /// at most once, held balances equal to the pending holds.
    pub async fn check_ledger(&self) {
        let db = &self.t.db.read;
        let c = ledger_store::conservation(db).await.unwrap();
        assert!(c.holds(), "ledger invariants broken: {c:?}");
        let twice: i64 = app::server::sql::query_scalar(
            "SELECT COUNT(*) FROM (SELECT request_id FROM ledger_transfers WHERE kind IN ('post', 'void') \
             AND request_id IS NOT NULL GROUP BY request_id HAVING COUNT(*) > 1) x",
        )
        .fetch_one(db)
        .await
        .unwrap();
        assert_eq!(twice, 0, "a hold was resolved more than once");
        let held_off: i64 = app::server::sql::query_scalar(
            "SELECT COUNT(*) FROM ledger_accounts a WHERE a.kind = 'member' AND a.held_minutes <> \
             (SELECT CAST(COALESCE(SUM(h.amount_minutes), 0) AS BIGINT) FROM holds h WHERE h.payer_id = a.id AND h.status = 'pending')",
        )
        .fetch_one(db)
        .await
        .unwrap();
        assert_eq!(held_off, 0, "held balances differ from the pending holds");
    }

    /// One request's history is gapless and replays to the stored request.
    pub async fn check_replay(&self, id: RequestId) {
        let db = &self.t.db.read;
        let req = requests_store::get(db, id).await.unwrap();
        let history = requests_store::history(db, id).await.unwrap();
        let seqs: Vec<i64> = history.iter().map(|h| h.recorded.seq).collect();
        assert_eq!(
            seqs,
            (1..=req.version).collect::<Vec<_>>(),
            "gapless history of {id}"
        );
        let events: Vec<_> = history.into_iter().map(|h| h.recorded).collect();
        let replayed = replay(&events).unwrap_or_else(|e| panic!("replay of {id} failed: {e}"));
        assert_eq!(
            replayed, req,
            "replay of {id} reproduces the stored request"
        );
        assert_escrow_settled(&req);
    }

    /// The invariants: conservation, no negative balance, every hold resolved at most
    /// once and matching its request, held balances = pending holds, every history
    /// gapless and replaying to the stored request.
    pub async fn check(&self) {
        let a = audit(&self.t.db.read).await.unwrap();
        assert!(a.is_clean(), "{a}");
    }

    pub async fn states_in_history(&self, id: RequestId) -> Vec<&'static str> {
        requests_store::history(&self.t.db.read, id)
            .await
            .unwrap()
            .iter()
            .map(|h| h.to.as_str())
            .collect()
    }

    pub async fn cleanup(self) {
        self.t.cleanup().await;
    }
}

/// A closed request has no escrow left (paid, refunded or split, or never held); an open
/// one holds its cost.
pub fn assert_escrow_settled(req: &Request) {
    if let Some(problem) = escrow_problem(req) {
        panic!("{problem}");
    }
}
