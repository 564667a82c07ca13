//! Accounts over real HTTP: sign up, log in, log out, sessions, deactivation, admin checks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use app::i18n::Viewer;

/// An English refusal, as the catalogue words it.
fn en(key: &'static str) -> String {
    Viewer::default().t(key)
}
use app::domain::{Minutes, Role};
use app::server::ledger_store;
use app::AppError;
use common::spawn_app;

use common::PW;

#[tokio::test]
async fn signup_logs_in_and_header_data_shows_name_and_balance() {
    let app = common::spawn_app_with(|c| c.starting_credit = Minutes(150)).await;
    let ann = app.client();
    assert_eq!(app.me(&ann).await, None, "anonymous before signup");
    app.signup(&ann, "  Ann   Lee ", "Ann@Example.org", PW)
        .await
        .unwrap();
    let me = app.me(&ann).await.expect("signed in after signup");
    assert_eq!(me.display_name, "Ann Lee");
    assert_eq!(me.role, Role::Member);
    assert_eq!(me.available, Minutes(150), "starting credit from config");
    assert_eq!(me.held, Minutes(0));
    // The starting credit came from the system account: the bank still sums to zero.
    let c = ledger_store::conservation(&app.state.db.read)
        .await
        .unwrap();
    assert!(c.holds(), "{c:?}");
    assert_eq!(c.total, 0);
    app.cleanup().await;
}

#[tokio::test]
async fn bad_signups_get_field_messages_and_change_nothing() {
    let app = spawn_app().await;
    let c = app.client();
    app.signup(&c, "Ann", "ann@example.org", PW).await.unwrap();
    let before = app.member_count().await;
    let cases: &[(&str, &str, &str, &str)] = &[
        ("Bob", "bob@example.org", "short", "password"),
        ("Bob", "not-an-email", PW, "email"),
        ("", "bob@example.org", PW, "display_name"),
        ("Bob", "ANN@example.org", PW, "email"), // duplicate, case-insensitive
    ];
    for (name, email, pw, field) in cases {
        let fresh = app.client();
        let (status, err) = app.signup(&fresh, name, email, pw).await.unwrap_err();
        assert_eq!(status, 400, "{email}: {err:?}");
        assert_eq!(err.field(), Some(*field), "{err:?}");
        assert!(!err.to_string().is_empty());
        assert_eq!(
            app.me(&fresh).await,
            None,
            "a refused signup must not log in"
        );
    }
    let (_, dup) = app
        .signup(&app.client(), "Bob", "ann@example.org", PW)
        .await
        .unwrap_err();
    assert!(dup.to_string().contains("already exists"), "{dup}");
    let (_, weak) = app
        .signup(&app.client(), "Bob", "bob@example.org", "123456789")
        .await
        .unwrap_err();
    assert!(
        weak.to_string().contains("at least 10 characters"),
        "{weak}"
    );
    assert_eq!(
        app.member_count().await,
        before,
        "refused signups changed nothing"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn login_distinguishes_unknown_email_and_wrong_password() {
    let app = spawn_app().await;
    app.signup(&app.client(), "Ann", "ann@example.org", PW)
        .await
        .unwrap();
    let c = app.client();
    let (s, e) = app.login(&c, "nobody@example.org", PW).await.unwrap_err();
    assert_eq!(
        (s, e.to_string().as_str()),
        (400, en("er-login-unknown-email").as_str())
    );
    let (s, e) = app
        .login(&c, "ann@example.org", "wrong-password!")
        .await
        .unwrap_err();
    assert_eq!(
        (s, e.to_string().as_str()),
        (400, en("er-login-wrong-password").as_str())
    );
    assert_eq!(e.field(), Some("password"));
    assert_eq!(app.me(&c).await, None);
    app.login(&c, " ANN@example.org ", PW).await.unwrap();
    assert_eq!(app.me(&c).await.unwrap().display_name, "Ann");
    app.cleanup().await;
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let c = app.client();
    app.signup(&c, "Ann", "ann@example.org", PW).await.unwrap();
    // Keep a copy of the cookie to replay after logout.
    let res = c
        .post(app.url("/api/login"))
        .form(&[("email", "ann@example.org"), ("password", PW)])
        .send()
        .await
        .unwrap();
    let set_cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        !set_cookie.contains("Secure"),
        "plain http in tests: {set_cookie}"
    );
    let cookie = set_cookie.split(';').next().unwrap().to_owned();
    let _: () = app.call(&c, "logout", &[]).await.unwrap();
    assert_eq!(app.me(&c).await, None);
    let replay = reqwest::Client::new()
        .post(app.url("/api/me"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        replay, "null",
        "the old session id must be dead after logout"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn login_rotates_the_session_id() {
    let app = spawn_app().await;
    let c = app.client();
    app.signup(&c, "Ann", "ann@example.org", PW).await.unwrap();
    let sessions = |app: &common::TestApp| {
        let pool = app.state.db.write.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sessions")
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(sessions(&app).await, 1);
    app.login(&c, "ann@example.org", PW).await.unwrap();
    assert_eq!(
        sessions(&app).await,
        1,
        "logging in again replaces the session, it does not add one"
    );
    assert!(app.me(&c).await.is_some());
    app.cleanup().await;
}

#[tokio::test]
async fn deactivated_member_is_logged_out_and_cannot_log_in() {
    let app = spawn_app().await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let ann = app.client();
    app.signup(&ann, "Ann", "ann@example.org", PW)
        .await
        .unwrap();
    let ann_id = app.me(&ann).await.unwrap().id.to_string();

    let _: () = app
        .call(
            &admin,
            "admin/member_active",
            &[("member_id", &ann_id), ("active", "false")],
        )
        .await
        .unwrap();
    assert_eq!(
        app.me(&ann).await,
        None,
        "deactivation ends the member's sessions"
    );
    let (s, e) = app.login(&ann, "ann@example.org", PW).await.unwrap_err();
    assert_eq!(
        (s, e.to_string().as_str()),
        (400, en("er-login-deactivated").as_str())
    );

    let _: () = app
        .call(
            &admin,
            "admin/member_active",
            &[("member_id", &ann_id), ("active", "true")],
        )
        .await
        .unwrap();
    app.login(&ann, "ann@example.org", PW).await.unwrap();
    assert!(app.me(&ann).await.is_some());
    app.cleanup().await;
}

#[tokio::test]
async fn admin_functions_refuse_members_and_anonymous_users() {
    let app = spawn_app().await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    let ann = app.client();
    app.signup(&ann, "Ann", "ann@example.org", PW)
        .await
        .unwrap();
    let bob = app.client();
    app.signup(&bob, "Bob", "bob@example.org", PW)
        .await
        .unwrap();
    let bob_id = app.me(&bob).await.unwrap().id.to_string();

    let (s, e) = app
        .call::<()>(
            &ann,
            "admin/member_active",
            &[("member_id", &bob_id), ("active", "false")],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e), (403, AppError::Forbidden));
    let (s, e) = app
        .call::<()>(
            &app.client(),
            "admin/member_active",
            &[("member_id", &bob_id), ("active", "false")],
        )
        .await
        .unwrap_err();
    assert_eq!((s, e), (401, AppError::Unauthenticated));
    let (s, _) = app
        .call::<app::api::admin::MemberPage>(&ann, "admin/members", &[("search", "")])
        .await
        .unwrap_err();
    assert_eq!(s, 403);
    assert!(app.me(&bob).await.is_some(), "bob is untouched");

    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let all: app::api::admin::MemberPage = app
        .call(&admin, "admin/members", &[("search", "")])
        .await
        .unwrap();
    assert_eq!((all.members.len(), all.total), (3, 3));
    let found: app::api::admin::MemberPage = app
        .call(&admin, "admin/members", &[("search", "BOB")])
        .await
        .unwrap();
    assert_eq!(
        found
            .members
            .iter()
            .map(|m| m.email.as_str())
            .collect::<Vec<_>>(),
        ["bob@example.org"]
    );
    let (s, e) = app
        .call::<()>(
            &admin,
            "admin/member_active",
            &[("member_id", "not-a-uuid"), ("active", "false")],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 400, "{e:?}");
    let admin_id = app.me(&admin).await.unwrap().id.to_string();
    let (s, _) = app
        .call::<()>(
            &admin,
            "admin/member_active",
            &[("member_id", &admin_id), ("active", "false")],
        )
        .await
        .unwrap_err();
    assert_eq!(s, 400, "an admin cannot lock themselves out");
    app.cleanup().await;
}

#[tokio::test]
async fn plain_form_posts_work_without_javascript() {
    let app = spawn_app().await;
    app.signup(&app.client(), "Ann", "ann@example.org", PW)
        .await
        .unwrap();
    let browser = app.client();
    let post = |form: Vec<(&'static str, &'static str)>| {
        browser
            .post(app.url("/api/login"))
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", app.url("/login"))
            .form(&form)
            .send()
    };
    // A wrong password sends the browser back to the form with the error in the URL…
    let res = post(vec![
        ("email", "ann@example.org"),
        ("password", "wrong-password!"),
    ])
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 302);
    let back = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        back.starts_with(&app.url("/login")) && back.contains("__err="),
        "{back}"
    );
    // …and the server-rendered form shows it.
    let html = browser
        .get(&back)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(&en("er-login-wrong-password")),
        "the error is rendered on the form"
    );
    // The right password redirects home, logged in.
    let res = post(vec![("email", "ann@example.org"), ("password", PW)])
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 302);
    assert_eq!(res.headers()["location"], "/");
    let html = browser
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let name_tag = html
        .split("data-testid=\"member-name\"")
        .nth(1)
        .expect("header shows the member");
    assert!(
        name_tag.split("</span>").next().unwrap().ends_with(">Ann"),
        "server-rendered header names Ann"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn health_ready_and_not_found() {
    let app = spawn_app().await;
    let c = app.client();
    assert_eq!(
        c.get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        c.get(app.url("/readyz"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "ready"
    );
    let res = c.get(app.url("/no/such/page")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 404);
    assert!(res.text().await.unwrap().contains("Page not found"));
    app.cleanup().await;
}

/// The admin's member list at a size a bank grows to: fifty a page, by name, every member
/// on exactly one page, the search kept across pages, a bad page number refused.
#[tokio::test]
async fn the_member_list_comes_in_pages() {
    use app::api::admin::{MemberPage, MEMBERS_PER_PAGE};
    use app::domain::{DisplayName, Email};
    let app = spawn_app().await;
    server::startup::ensure_admin(&app.state, "admin@example.org", "Admin", PW)
        .await
        .unwrap();
    for i in 1..=119 {
        // Made out of name order, so the order on the pages is the list's own.
        let n = (i * 37) % 119 + 1;
        app::server::operations::create_member(
            &app.state,
            &Email::parse(&format!("m{n:03}@example.org")).unwrap(),
            &DisplayName::parse(&format!("Member {n:03}")).unwrap(),
            "not-a-real-hash",
            Role::Member,
            Minutes::ZERO,
        )
        .await
        .unwrap();
    }
    let admin = app.client();
    app.login(&admin, "admin@example.org", PW).await.unwrap();
    let page = |search: &'static str, page: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            let mut args = vec![("search", search)];
            if !page.is_empty() {
                args.push(("page", page));
            }
            app.call::<MemberPage>(admin, "admin/members", &args).await
        }
    };

    let first = page("", "").await.unwrap();
    assert_eq!(
        (first.page, first.per_page, first.total),
        (1, MEMBERS_PER_PAGE, 120)
    );
    assert_eq!(first.members.len(), 50);
    assert_eq!(first.members[0].display_name, "Admin");
    assert_eq!(first.members[1].display_name, "Member 001");
    assert_eq!(
        (first.shown(), first.has_previous(), first.has_next()),
        ((1, 50), false, true)
    );
    let mut seen: Vec<String> = Vec::new();
    for (n, expected) in [("1", 50), ("2", 50), ("3", 20)] {
        let p = page("", n).await.unwrap();
        assert_eq!((p.members.len(), p.total), (expected, 120), "page {n}");
        seen.extend(p.members.iter().map(|m| m.display_name.clone()));
    }
    let mut sorted = seen.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    sorted.dedup();
    assert_eq!(seen, sorted, "by name, nobody twice");
    assert_eq!(seen.len(), 120, "everybody once");
    let third = page("", "3").await.unwrap();
    assert_eq!(
        (third.shown(), third.has_next(), third.last_page()),
        ((101, 120), false, 3)
    );
    let past = page("", "9").await.unwrap();
    assert!(past.members.is_empty());
    assert_eq!(
        (past.total, past.shown(), past.last_page()),
        (120, (0, 0), 3)
    );

    let searched = page("member 11", "").await.unwrap();
    assert_eq!(searched.total, 10, "Member 110 to Member 119");
    assert!(!searched.has_next());
    assert!(searched
        .members
        .iter()
        .all(|m| m.display_name.starts_with("Member 11")));

    for bad in ["0", "abc", "-1", "1.5", "1000001"] {
        let (s, e) = page("", bad).await.unwrap_err();
        assert_eq!(s, 400, "page={bad}: {e:?}");
        assert_eq!(
            e,
            AppError::invalid(
                "page",
                "The page number must be a whole number from 1 to 1,000,000."
            ),
            "page={bad}"
        );
    }

    // The page as the admin's browser gets it, with and without a search.
    let html_with = |path: &'static str, status: u16| {
        let (app, admin) = (&app, &admin);
        async move {
            let res = admin.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status(), status, "{path}");
            res.text().await.unwrap()
        }
    };
    let html = |path: &'static str| html_with(path, 200);
    let second = html("/admin/members?page=2").await;
    assert!(second.contains("Members 51–100 of 120"), "{second}");
    assert!(second.contains(r#"href="/admin/members?page=1" rel="prev""#));
    assert!(second.contains(r#"href="/admin/members?page=3" rel="next""#));
    assert!(second.contains("Member 050") && !second.contains("Member 049<"));
    let searched = html("/admin/members?q=member%200&page=1").await;
    assert!(searched.contains("Members 1–50 of 99"), "{searched}");
    assert!(
        searched.contains(r#"href="/admin/members?page=2&amp;q=member%200" rel="next""#),
        "{searched}"
    );
    let bad = html_with("/admin/members?page=abc", 400).await;
    assert!(
        bad.contains("The page number must be a whole number from 1 to 1,000,000."),
        "{bad}"
    );
    // In Spanish the numbers are grouped as Spanish writes them.
    let res = admin
        .get(app.url("/admin/members?page=0"))
        .header("accept-language", "es")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let spanish = res.text().await.unwrap();
    assert!(
        spanish.contains("un número entero de 1 a 1.000.000."),
        "{spanish}"
    );
    let past = html("/admin/members?page=9").await;
    assert!(
        past.contains("No members on this page; 120 match in all."),
        "{past}"
    );
    assert!(past.contains(r#"href="/admin/members?page=3" rel="prev""#));
    app.cleanup().await;
}
