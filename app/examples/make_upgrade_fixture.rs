//! Writes `app/tests/fixtures/upgrade-v1.db`: a SQLite bank made by the code of the commit
//! this file was added in, through the engine exactly as the server writes, with a
//! request in every waiting and final state, their history, holds, disputes, ratings,
//! notifications and grants. The upgrade test (`app/tests/upgrade.rs`) opens it with the
//! code of every later change. Run once:
//! `cargo run -p app --features ssr --example make_upgrade_fixture`

use app::domain::service::ServiceFields;
use app::domain::{DisplayName, Email, MemberId, Minutes, Role, ServiceId, Timestamp};
use app::lifecycle::{Actor, Event, Request, Rules, Terms};
use app::server::db::SqliteSync;
use app::server::ledger_store::{self, TransferMeta};
use app::server::{engine, members_store, services_store, sweeper, Clock, Db};

const HOUR: i64 = 3_600_000;
/// 2026-11-20 10:00 UTC.
const START: Timestamp = Timestamp(1_795_687_200_000);

struct Maker {
    db: Db,
    clock: Clock,
    rules: Rules,
    n: usize,
}

impl Maker {
    async fn member(&mut self, name: &str, role: Role, credit: i64) -> MemberId {
        self.n += 1;
        let mut tx = self.db.write.begin().await.unwrap();
        let id = members_store::insert(
            &mut tx,
            members_store::NewMember {
                email: &Email::parse(&format!("{}@upgrade.test", name.to_lowercase().replace(' ', "."))).unwrap(),
                display_name: &DisplayName::parse(name).unwrap(),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$dW5zZXQ$unset",
                role,
                starting_credit: Minutes(credit),
            },
            self.clock.now(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        id
    }

    async fn service(&mut self, provider: MemberId, title: &str, window_hours: i64) -> ServiceId {
        let fields = ServiceFields::parse(title, "From the upgrade fixture", "Fixture", window_hours).unwrap();
        let mut tx = self.db.write.begin().await.unwrap();
        let id = services_store::insert(&mut tx, provider, &fields, self.clock.now()).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    async fn submit(&self, requester: MemberId, service: ServiceId, minutes: i64, message: &str) -> Request {
        let t = Terms {
            duration_minutes: minutes,
            rate: 100,
            proposed_start: None,
            message: message.into(),
        };
        engine::submit(&self.db, &self.clock, &self.rules, requester, service, &t).await.unwrap()
    }

    async fn act(&self, req: &Request, event: Event, actor: Actor) -> Request {
        engine::act(&self.db, &self.clock, req.id, Some(req.version), &event, &actor)
            .await
            .unwrap_or_else(|e| panic!("{event:?}: {e}"))
    }

    fn later(&self, minutes: i64) {
        self.clock.advance_ms(minutes * 60_000);
    }
}

#[tokio::main]
async fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrade-v1.db");
    let _ = std::fs::remove_file(&path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let url = format!("sqlite://{}", path.display());
    let db = Db::connect_with(&url, SqliteSync::Full).await.unwrap();
    db.migrate(&url).await.unwrap();
    let mut m = Maker {
        db,
        clock: Clock::manual(START),
        rules: Rules::default(),
        n: 0,
    };
    use Actor::Member as M;
    let admin = m.member("Ada Admin", Role::Admin, 0).await;
    let rita = m.member("Rita Requester", Role::Member, 40 * 60).await;
    let pete = m.member("Pete Provider", Role::Member, 5 * 60).await;
    let gone = m.member("Gus Gone", Role::Member, 10 * 60).await;
    let poor = m.member("Pat Poor", Role::Member, 30).await;
    let mut services = Vec::new();
    for i in 0..20 {
        services.push(m.service(pete, &format!("Fixture service {i}"), 6).await);
    }
    let gus_service = m.service(gone, "Gus's service", 6).await;
    let s = |i: usize| services[i];
    let counter = |minutes: i64, rate: i64, message: &str| Event::Counter {
        terms: Terms {
            duration_minutes: minutes,
            rate,
            proposed_start: None,
            message: message.into(),
        },
    };

    // Final states first, while the clock moves past their deadlines.
    let expired = m.submit(rita, s(0), 60, "expires unanswered").await;
    let neg_expired = m.submit(rita, s(1), 60, "negotiation expires").await;
    let neg_expired = m.act(&neg_expired, counter(45, 100, "shorter?"), M(pete)).await;
    m.later(2 * 60);
    let auto_paid = m.submit(rita, s(2), 60, "auto-confirmed and paid").await;
    let auto_paid = m.act(&auto_paid, Event::Accept, M(pete)).await;
    let auto_paid = m.act(&auto_paid, Event::MarkStarted, M(pete)).await;
    let auto_paid = m.act(&auto_paid, Event::ConfirmStart, M(rita)).await;
    let _auto_paid = m.act(&auto_paid, Event::MarkCompleted, M(pete)).await;
    let auto_started = m.submit(rita, s(3), 30, "start auto-confirmed").await;
    let auto_started = m.act(&auto_started, Event::Accept, M(pete)).await;
    let _auto_started = m.act(&auto_started, Event::MarkStarted, M(pete)).await;
    m.clock.advance_ms(49 * HOUR);
    let fired = sweeper::sweep_once(&m.db, &m.clock, 100).await.unwrap();
    assert_eq!(fired.fired, 4, "{fired:?}");
    let _ = (expired, neg_expired);

    let paid = m.submit(rita, s(4), 90, "the happy path").await;
    let paid = m.act(&paid, Event::Accept, M(pete)).await;
    let paid = m.act(&paid, Event::MarkStarted, M(pete)).await;
    m.later(10);
    let paid = m.act(&paid, Event::ConfirmStart, M(rita)).await;
    m.later(90);
    let paid = m.act(&paid, Event::MarkCompleted, M(pete)).await;
    let paid = m.act(&paid, Event::ConfirmCompletion, M(rita)).await;
    engine::rate(&m.db, &m.clock, paid.id, rita, 5, "Kind and quick").await.unwrap();
    engine::rate(&m.db, &m.clock, paid.id, pete, 4, "").await.unwrap();

    let declined = m.submit(rita, s(5), 60, "to be declined").await;
    m.act(&declined, Event::Decline { reason: "Busy that week".into() }, M(pete)).await;
    let neg_declined = m.submit(rita, s(6), 60, "declined in negotiation").await;
    let neg_declined = m.act(&neg_declined, counter(60, 150, "at 1.50"), M(pete)).await;
    m.act(&neg_declined, Event::Decline { reason: String::new() }, M(rita)).await;
    let withdrawn = m.submit(rita, s(7), 45, "withdrawn").await;
    m.act(&withdrawn, Event::Withdraw, M(rita)).await;
    let cancelled = m.submit(rita, s(8), 45, "cancelled by the provider").await;
    let cancelled = m.act(&cancelled, Event::Accept, M(pete)).await;
    m.act(&cancelled, Event::Cancel { reason: "Ill".into() }, M(pete)).await;
    // Refused at validation: not enough hours.
    let refused = m.submit(poor, s(9), 120, "more than I have").await;
    assert_eq!(refused.state, app::lifecycle::State::Rejected);

    let disputed_refund = m.submit(rita, s(10), 60, "refunded after a dispute").await;
    let d = m.act(&disputed_refund, Event::Accept, M(pete)).await;
    let d = m.act(&d, Event::MarkStarted, M(pete)).await;
    let d = m.act(&d, Event::Dispute { reason: "Never came".into() }, M(rita)).await;
    m.act(&d, Event::Refund { note: "Provider agreed".into() }, Actor::Admin(admin)).await;
    let split = m.submit(rita, s(11), 120, "split after a dispute").await;
    let d = m.act(&split, Event::Accept, M(pete)).await;
    let d = m.act(&d, Event::MarkStarted, M(pete)).await;
    let d = m.act(&d, Event::ConfirmStart, M(rita)).await;
    let d = m.act(&d, Event::Dispute { reason: "Half done".into() }, M(pete)).await;
    m.act(&d, Event::Split { to_provider: Minutes(60), note: "Half each".into() }, Actor::Admin(admin)).await;
    let admin_paid = m.submit(rita, s(12), 60, "resumed, then paid by an admin").await;
    let d = m.act(&admin_paid, Event::Accept, M(pete)).await;
    let d = m.act(&d, Event::Dispute { reason: "Unclear".into() }, M(rita)).await;
    let d = m.act(&d, Event::Resume { note: "Talk first".into() }, Actor::Admin(admin)).await;
    let d = m.act(&d, Event::MarkStarted, M(pete)).await;
    let d = m.act(&d, Event::Dispute { reason: "Still unclear".into() }, M(rita)).await;
    m.act(&d, Event::PayProvider { note: "Work was done".into() }, Actor::Admin(admin)).await;

    // Waiting states, with their deadlines still ahead.
    let _awaiting = m.submit(rita, s(13), 60, "waiting for an answer").await;
    let neg = m.submit(rita, s(14), 60, "in negotiation, round 2").await;
    let neg = m.act(&neg, counter(90, 100, "longer?"), M(pete)).await;
    let _neg = m.act(&neg, counter(75, 125, "meet halfway"), M(rita)).await;
    let acc = m.submit(rita, s(15), 60, "accepted").await;
    let _acc = m.act(&acc, Event::Accept, M(pete)).await;
    let ps = m.submit(rita, s(16), 60, "start to confirm").await;
    let ps = m.act(&ps, Event::Accept, M(pete)).await;
    let _ps = m.act(&ps, Event::MarkStarted, M(pete)).await;
    let ip = m.submit(rita, s(17), 60, "in progress").await;
    let ip = m.act(&ip, Event::Accept, M(pete)).await;
    let ip = m.act(&ip, Event::MarkStarted, M(pete)).await;
    let _ip = m.act(&ip, Event::ConfirmStart, M(rita)).await;
    let pc = m.submit(rita, s(18), 60, "completion to confirm").await;
    let pc = m.act(&pc, Event::Accept, M(pete)).await;
    let pc = m.act(&pc, Event::MarkStarted, M(pete)).await;
    let pc = m.act(&pc, Event::ConfirmStart, M(rita)).await;
    let _pc = m.act(&pc, Event::MarkCompleted, M(pete)).await;
    let disp = m.submit(rita, s(19), 60, "disputed, deadline paused").await;
    let disp = m.act(&disp, Event::Accept, M(pete)).await;
    let disp = m.act(&disp, Event::MarkStarted, M(pete)).await;
    let _disp = m.act(&disp, Event::Dispute { reason: "Wrong day".into() }, M(rita)).await;

    // A member deactivated with a request open: it is cancelled.
    let with_gus = m.submit(rita, gus_service, 30, "Gus leaves").await;
    let _with_gus = m.act(&with_gus, Event::Accept, M(gone)).await;
    engine::deactivate_member(&m.db, &m.clock, admin, gone).await.unwrap();

    // An admin grant and a deduction.
    for (who, minutes, reason) in [(poor, 60, "Welcome gift"), (rita, -15, "Correction")] {
        let t = if minutes > 0 {
            app::domain::ledger::BalancedTransfer::grant(who, Minutes(minutes))
        } else {
            app::domain::ledger::BalancedTransfer::deduct(who, Minutes(-minutes))
        }
        .unwrap();
        let mut tx = m.db.write.begin().await.unwrap();
        let meta = TransferMeta {
            reason: reason.into(),
            request_id: None,
            actor_id: Some(admin.to_string()),
        };
        ledger_store::apply(&mut tx, &t, meta, m.clock.now()).await.unwrap();
        tx.commit().await.unwrap();
    }

    let audit = app::server::audit::audit(&m.db.read).await.unwrap();
    assert!(audit.is_clean(), "{audit}");
    println!("{audit}");
    println!("fixture written at clock {} ({})", m.clock.now().0, m.clock.now().to_utc_string());
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&m.db.write).await.unwrap();
    m.db.close().await;
    sqlx::any::install_default_drivers();
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let _ = std::fs::remove_file(path.with_extension("db-shm"));
}
