//! An HTTP fuzz run over every server function: malformed payloads — missing, extra and
//! repeated fields, wrong types, empty, huge and odd-unicode strings, negative and
//! overflowing numbers, injection attempts, other members' ids, bodies that are not
//! forms at all — sent anonymously and as a signed-in member. Whatever arrives, the
//! answer is never a 5xx; a refusal is a 4xx with a readable message; and a refusal
//! changes nothing in the database. The payloads come from a fixed seed, so a failure
//! names the exact call that broke.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

/// Payloads per server function: 40 in CI; `HOURBANK_FUZZ_ROUNDS=400` (as
/// `scripts/test.sh --long` sets) for a longer run, `HOURBANK_FUZZ_SEED` for other payloads.
fn rounds_per_endpoint() -> u32 {
    std::env::var("HOURBANK_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(40)
}

use app::domain::Minutes;
use common::{spawn_app_with, TestApp};

const ENDPOINTS: [&str; 28] = [
    "services",
    "services/get",
    "members/profile",
    "services/mine",
    "services/create",
    "services/update",
    "services/status",
    "requests/submit",
    "requests/rate",
    "requests/mine",
    "requests/get",
    "requests/act",
    "me",
    "signup",
    "login",
    "me/statement",
    "me/notifications",
    "me/notifications/read",
    "admin/dashboard",
    "admin/disputes",
    "admin/retry_timer",
    "admin/members",
    "admin/member_active",
    "admin/adjust_hours",
    "admin/member",
    "services/list",
    "no/such/function",
    // Last: it ends the attacker's session.
    "logout",
];

const FIELDS: [&str; 30] = [
    "request_id",
    "version",
    "action",
    "text",
    "duration_minutes",
    "rate",
    "message",
    "minutes",
    "service_id",
    "title",
    "description",
    "category",
    "response_window_hours",
    "status",
    "display_name",
    "email",
    "password",
    "id",
    "member_id",
    "active",
    "reason",
    "stars",
    "comment",
    "as_party",
    "search",
    "outcome",
    "note",
    "query",
    "amount_minutes",
    "zzz_extra",
];

/// xorshift64*: the same payloads on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

fn values(victim_id: &str, victim_request: &str, victim_service: &str) -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "0".into(),
        "-1".into(),
        "-9223372036854775808".into(),
        "9223372036854775807".into(),
        "9223372036854775808".into(),
        "99999999999999999999999999".into(),
        "1e309".into(),
        "NaN".into(),
        "1.5".into(),
        "true".into(),
        "null".into(),
        "[]".into(),
        "{\"a\":1}".into(),
        "x".repeat(60_000),
        "ä".repeat(3_000),
        "ｅｍａｉｌ@例え.jp".into(),
        "\u{202e}evil\u{200b}\u{feff}".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "👩‍👩‍👧‍👦".repeat(100),
        "Robert'); DROP TABLE members;--".into(),
        "<script>alert(1)</script>".into(),
        "=cmd|' /C calc'!A0".into(),
        "accept".into(),
        "split".into(),
        "provider".into(),
        "admin@example.org".into(),
        victim_id.into(),
        victim_request.into(),
        victim_service.into(),
        "00000000-0000-4000-8000-000000000000".into(),
        "not-a-uuid".into(),
    ]
}

/// Every table's row count and the sum of all balances: what "unchanged" means.
async fn snapshot(app: &TestApp) -> Vec<i64> {
    let mut out = Vec::new();
    for table in [
        "members",
        "services",
        "requests",
        "request_events",
        "holds",
        "ledger_transfers",
        "ledger_entries",
        "notifications",
        "disputes",
        "ratings",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&app.state.db.write)
            .await
            .unwrap();
        out.push(n);
    }
    let held: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(held_minutes), 0) AS BIGINT) FROM ledger_accounts",
    )
    .fetch_one(&app.state.db.write)
    .await
    .unwrap();
    out.push(held);
    let read: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE read_at_ms IS NOT NULL")
            .fetch_one(&app.state.db.write)
            .await
            .unwrap_or(0);
    out.push(read);
    out
}

#[tokio::test]
async fn no_payload_gets_a_server_error_and_refusals_change_nothing() {
    let app = spawn_app_with(|c| c.starting_credit = Minutes(600)).await;
    let (victim, victim_id) = app.signed_up("Vera").await;
    let service: String = app
        .call(
            &victim,
            "services/create",
            &[
                ("title", "Sewing"),
                ("description", "Hems"),
                ("category", "Crafts"),
                ("response_window_hours", "24"),
            ],
        )
        .await
        .unwrap();
    let (attacker, _) = app.signed_up("Mallory").await;
    let (other, _) = app.signed_up("Olga").await;
    let submitted: app::api::requests::ActionResult = app
        .call(
            &other,
            "requests/submit",
            &[
                ("service_id", &service),
                ("duration_minutes", "60"),
                ("message", "hi"),
            ],
        )
        .await
        .unwrap();
    let pool = values(&victim_id.to_string(), &submitted.id.to_string(), &service);
    let anonymous = app.client();

    let mut rng = Rng(std::env::var("HOURBANK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_1234_ABCD_0001));
    let (mut tried, mut refused, mut accepted) = (0u32, 0u32, 0u32);
    for endpoint in ENDPOINTS {
        for round in 0..rounds_per_endpoint() {
            let who = if round % 2 == 0 {
                &attacker
            } else {
                &anonymous
            };
            let before = snapshot(&app).await;
            let req = who.post(app.url(&format!("/api/{endpoint}")));
            let req = match round % 10 {
                // Not a form at all.
                7 => req
                    .header("content-type", "application/json")
                    .body("{\"request_id\": [1, 2], \"version\": {}}"),
                8 => req
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(vec![0xff, 0xfe, b'=', 0xc3, 0x28, b'&', b'%', b'z']),
                _ => {
                    let n = (rng.next() % 7) as usize;
                    let mut form: Vec<(&str, &str)> = Vec::new();
                    for _ in 0..n {
                        let field: &str = rng.pick::<&str>(&FIELDS);
                        form.push((field, rng.pick(&pool).as_str()));
                    }
                    req.form(&form)
                }
            };
            let res = req.send().await.expect("send");
            let status = res.status().as_u16();
            let body = res.text().await.unwrap_or_default();
            tried += 1;
            assert!(
                status < 500,
                "{endpoint} round {round} as {}: {status} {body:.300}",
                if round % 2 == 0 {
                    "member"
                } else {
                    "anonymous"
                }
            );
            if status >= 400 {
                refused += 1;
                assert!(
                    status == 404
                        || serde_json::from_str::<app::AppError>(&body).is_ok()
                        || status == 413,
                    "{endpoint} round {round}: {status} without a readable error: {body:.300}"
                );
                assert_eq!(
                    snapshot(&app).await,
                    before,
                    "{endpoint} round {round}: a refused call changed the database"
                );
            } else {
                accepted += 1;
            }
        }
    }
    println!("hostile input: {tried} calls, {refused} refused with 4xx, {accepted} accepted (well-formed by chance or read-only), 0 server errors");
    let a = app::server::audit::audit(&app.state.db.read).await.unwrap();
    assert!(a.is_clean(), "{a}");
    app.cleanup().await;
}
