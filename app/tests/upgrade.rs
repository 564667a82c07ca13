//! Data already stored keeps loading. `tests/fixtures/upgrade-v1.db` is a bank written by
//! an earlier main (see `tests/fixtures/README.md`): every waiting and final state, their
//! history, holds, disputes, ratings, notifications and grants. Today's code opens it —
//! on SQLite as the file itself; on PostgreSQL by building the schema of that time with
//! the migrations of that time and copying every row in —, applies the migrations added
//! since, audits the whole bank (conservation, holds, every history replays), reads every
//! request, history and notification as the pages do, moves every open request one more
//! step, lets every remaining deadline fire, and audits again.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

use std::borrow::Cow;

use app::domain::{MemberId, Timestamp};
use app::lifecycle::machine::allowed_actions;
use app::lifecycle::{Actor, Event, EventKind, Request, Rules, State, Terms};
use app::server::audit::audit;
use app::server::db::{SqliteSync, MIGRATOR};
use app::server::testing::{backend_name, TestDb};
use app::server::{engine, notifications_store, requests_store, sweeper, Clock, Db};
use sqlx::Row;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/upgrade-v1.db");
/// Where the fixture's clock stopped.
const FIXTURE_NOW: Timestamp = Timestamp(1_795_876_800_000);
/// The tables of the fixture's schema, parents before children.
const TABLES: [&str; 12] = [
    "members",
    "sessions",
    "ledger_accounts",
    "ledger_transfers",
    "ledger_entries",
    "services",
    "requests",
    "request_events",
    "holds",
    "notifications",
    "disputes",
    "ratings",
];

/// The fixture opened read-only, as it was written.
async fn fixture() -> Db {
    Db::connect_with(&format!("sqlite://{FIXTURE}?mode=ro"), SqliteSync::Full)
        .await
        .expect("open the fixture")
}

/// The versions of the migrations the fixture was written under.
async fn fixture_migrations(old: &Db) -> Vec<i64> {
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
        .fetch_all(&old.write)
        .await
        .expect("fixture migrations")
}

enum Opened {
    Sqlite(std::path::PathBuf),
    Postgres(TestDb),
}

/// The fixture's bank on the backend under test, at the schema it was written with (not
/// migrated further yet).
async fn open_at_old_schema() -> (Db, String, Opened) {
    let old = fixture().await;
    let versions = fixture_migrations(&old).await;
    if backend_name() == "postgres" {
        // An empty database, then only the migrations the fixture had, then its rows.
        let t = TestDb::on_empty("postgres", SqliteSync::Full)
            .await
            .expect("postgres");
        let then = sqlx::migrate::Migrator {
            migrations: Cow::Owned(
                MIGRATOR
                    .iter()
                    .filter(|m| versions.contains(&m.version))
                    .cloned()
                    .collect(),
            ),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        then.run(&t.db.write).await.expect("old migrations");
        // The migrations seed rows of their own (the system account); the fixture has them.
        for table in TABLES.iter().rev() {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&t.db.write)
                .await
                .expect("empty");
        }
        for table in TABLES {
            copy_table(&old, &t.db, table).await;
        }
        old.close().await;
        let url = t.url.clone();
        (t.db.clone(), url, Opened::Postgres(t))
    } else {
        old.close().await;
        let dir =
            std::env::temp_dir().join(format!("hb_upgrade_{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("hourbank.db");
        std::fs::copy(FIXTURE, &path).expect("copy the fixture");
        let url = format!("sqlite://{}", path.display());
        let db = Db::connect_with(&url, SqliteSync::Full)
            .await
            .expect("open");
        (db, url, Opened::Sqlite(dir))
    }
}

/// Copies one table's rows from the SQLite fixture, column by column as declared.
async fn copy_table(from: &Db, to: &Db, table: &str) {
    let columns: Vec<(String, String)> = sqlx::query(&format!(
        "SELECT name, type FROM pragma_table_info('{table}') ORDER BY cid"
    ))
    .fetch_all(&from.write)
    .await
    .expect("columns")
    .into_iter()
    .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1).to_uppercase()))
    .collect();
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    let rows = sqlx::query(&format!("SELECT {} FROM {table}", names.join(", ")))
        .fetch_all(&from.write)
        .await
        .expect("rows");
    let params: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
    let insert = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        params.join(", ")
    );
    for row in &rows {
        let mut q = sqlx::query(&insert);
        for (i, (_, ty)) in columns.iter().enumerate() {
            q = if ty.contains("INT") {
                q.bind(row.get::<Option<i64>, _>(i))
            } else {
                q.bind(row.get::<Option<String>, _>(i))
            };
        }
        q.execute(&to.write)
            .await
            .unwrap_or_else(|e| panic!("{table}: {e}"));
    }
}

async fn members(db: &Db) -> Vec<(MemberId, String, bool)> {
    sqlx::query("SELECT id, role, active FROM members ORDER BY id")
        .fetch_all(&db.write)
        .await
        .expect("members")
        .into_iter()
        .map(|r| {
            (
                r.get::<String, _>(0).parse().expect("member id"),
                r.get::<String, _>(1),
                r.get::<i64, _>(2) == 1,
            )
        })
        .collect()
}

async fn all_requests(db: &Db) -> Vec<Request> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM requests ORDER BY created_at_ms, id")
        .fetch_all(&db.write)
        .await
        .expect("ids");
    let mut out = Vec::new();
    for id in ids {
        out.push(
            requests_store::get(&db.read, id.parse().expect("id"))
                .await
                .unwrap_or_else(|e| panic!("request {id} no longer loads: {e}")),
        );
    }
    out
}

/// The event that moves an open request on, and who takes it: the first step forward
/// the lifecycle allows its requester, its provider or an admin.
fn next_step(req: &Request, admin: MemberId) -> Option<(Event, Actor)> {
    let forward = [
        EventKind::Accept,
        EventKind::MarkStarted,
        EventKind::ConfirmStart,
        EventKind::MarkCompleted,
        EventKind::ConfirmCompletion,
        EventKind::Resume,
    ];
    let actors = [
        Actor::Member(req.requester),
        req.provider.map(Actor::Member).unwrap_or(Actor::System),
        Actor::Admin(admin),
    ];
    for kind in forward {
        for actor in actors {
            if allowed_actions(req, &actor)
                .iter()
                .any(|a| a.action == kind)
            {
                let event = match kind {
                    EventKind::Accept => Event::Accept,
                    EventKind::MarkStarted => Event::MarkStarted,
                    EventKind::ConfirmStart => Event::ConfirmStart,
                    EventKind::MarkCompleted => Event::MarkCompleted,
                    EventKind::ConfirmCompletion => Event::ConfirmCompletion,
                    _ => Event::Resume {
                        note: "after the upgrade".into(),
                    },
                };
                return Some((event, actor));
            }
        }
    }
    None
}

#[tokio::test]
async fn a_bank_written_by_an_earlier_main_opens_migrates_audits_and_moves_on() {
    let (db, url, opened) = open_at_old_schema().await;
    let before = all_requests(&db).await.len();
    db.migrate(&url)
        .await
        .expect("today's migrations over the old data");
    assert!(db.ready().await, "every migration applied");

    let a = audit(&db.read).await.expect("audit");
    assert!(a.is_clean(), "after the upgrade: {a}");
    assert_eq!(a.requests_checked, before);
    assert_eq!(a.events_replayed, 139, "every stored event replayed");

    // Every request, its history and every notification read as the pages read them.
    let requests = all_requests(&db).await;
    let mut states: Vec<State> = requests.iter().map(|r| r.state).collect();
    states.sort();
    states.dedup();
    assert_eq!(
        states.len(),
        12,
        "every waiting and final state is in the fixture: {states:?}"
    );
    for r in &requests {
        let h = requests_store::history(&db.read, r.id)
            .await
            .expect("history");
        assert_eq!(h.len() as i64, r.version);
        requests_store::get_with_names(&db.read, r.id)
            .await
            .expect("with names");
    }
    let people = members(&db).await;
    let mut notes = 0;
    for (m, _, _) in &people {
        notes += notifications_store::list(&db.read, *m, 1000)
            .await
            .expect("notifications")
            .len();
    }
    assert_eq!(notes, 113, "every stored notification still reads");

    // One more step for every open request, then every remaining deadline fires.
    let clock = Clock::manual(FIXTURE_NOW.plus_millis(60_000));
    let admin = people
        .iter()
        .find(|(_, role, active)| role == "admin" && *active)
        .map(|(id, _, _)| *id)
        .expect("an admin");
    let mut moved = 0;
    for r in requests.iter().filter(|r| !r.state.is_terminal()) {
        let Some((event, actor)) = next_step(r, admin) else {
            panic!("nothing moves {:?} {} on", r.state, r.id);
        };
        let next = engine::act(&db, &clock, r.id, Some(r.version), &event, &actor)
            .await
            .unwrap_or_else(|e| panic!("{:?} on {:?} {}: {e}", event.kind(), r.state, r.id));
        assert!(next.version > r.version);
        moved += 1;
    }
    assert_eq!(moved, 8, "one in each waiting state, two in progress");
    clock.advance_ms(200 * 3_600_000);
    let fired = sweeper::sweep_once(&db, &clock, 100).await.expect("sweep");
    assert!(fired.fired >= 3, "{fired:?}");
    assert_eq!(fired.failed, 0, "{fired:?}");
    let a = audit(&db.read).await.expect("audit");
    assert!(a.is_clean(), "after one more step and the deadlines: {a}");

    // Beside the old requests (none has a start), a new one proposing a start: stored,
    // accepted with it, read back, and replayed by the audit with the rest.
    let start = clock.now().plus_millis(3 * 24 * 3_600_000);
    let terms = Terms {
        duration_minutes: 15,
        rate: 100,
        proposed_start: Some(start),
        message: String::new(),
    };
    let services: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.id, s.provider_id FROM services s JOIN members m ON m.id = s.provider_id \
         WHERE s.status = 'active' AND m.active = 1 ORDER BY s.id",
    )
    .fetch_all(&db.write)
    .await
    .expect("services");
    let mut with_start = None;
    'found: for (requester, _, _) in people
        .iter()
        .filter(|(_, role, active)| *active && role == "member")
    {
        for (service, provider) in services.iter().filter(|(_, p)| *p != requester.to_string()) {
            let req = engine::submit(
                &db,
                &clock,
                &Rules::default(),
                *requester,
                service.parse().unwrap(),
                &terms,
            )
            .await
            .expect("submit");
            if req.state == State::AwaitingResponse {
                with_start = Some((req, provider.parse::<MemberId>().unwrap()));
                break 'found;
            }
        }
    }
    let (req, provider) = with_start.expect("someone can ask someone for a quarter hour");
    let accepted = engine::act(
        &db,
        &clock,
        req.id,
        Some(req.version),
        &Event::Accept,
        &Actor::Member(provider),
    )
    .await
    .expect("accept");
    assert_eq!(accepted.state, State::Accepted);
    let stored = requests_store::get_with_names(&db.read, req.id)
        .await
        .expect("read back");
    assert_eq!(
        stored.request.terms.proposed_start,
        Some(start),
        "the agreed start"
    );
    let a = audit(&db.read).await.expect("audit");
    assert!(a.is_clean(), "with a start beside the old requests: {a}");
    assert!(a.requests_checked > before);

    db.close().await;
    match opened {
        Opened::Sqlite(dir) => {
            let _ = std::fs::remove_dir_all(dir);
        }
        Opened::Postgres(t) => t.cleanup().await,
    }
}
