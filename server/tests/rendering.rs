//! What pages make of member-written text, read by a real HTML5 parser (`scraper`, on
//! html5ever). Every field a member or an admin types — display names, service title /
//! description / category, request and counter-offer messages, decline / cancel /
//! dispute reasons, admin notes, grant reasons, rating comments, search terms — is
//! filled with a hostile string, in a bank that has a request in every state; then every
//! page that shows those fields is loaded as the person who sees it. For each page:
//!
//! - its element skeleton (every element and comment in document order, with its
//!   attribute *names*) equals the skeleton of the same page in a twin bank filled with
//!   plain words: a hostile string that became an element or an attribute, or that broke
//!   out of a `<script>` or an island's serialised props, would add or move something;
//! - the head holds exactly the elements the app puts there, and the title is text;
//! - the hostile text is on the page as text (or as a form field's value), so the page
//!   really shows the field.
//!
//! Pages hydrate only their islands, so the resources the server read are not serialised
//! into the page (a page that did so would show `<script>` data elements after the page;
//! the skeleton covers them). The CSV statement is parsed as CSV. With
//! `HOURBANK_RENDERED_PAGES_DIR` set, every hostile page is written there for the HTML
//! validator (`scripts/check-html.sh`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

mod common;

use std::collections::BTreeSet;

use app::api::requests::ActionResult;
use app::domain::service::ServiceFields;
use app::domain::Minutes;
use app::lifecycle::State;
use app::server::sweeper;
use common::{spawn_app_with, TestApp, PW};
use scraper::{ElementRef, Html, Node};

/// The hostile strings: closing tags of the raw-text and escapable-raw-text elements,
/// markup for the head, attribute breakers, a `javascript:` URL, a direction override,
/// a NUL, and comment / hydration-marker look-alikes.
const PAYLOADS: [(&str, &str); 10] = [
    (
        "title-meta-refresh",
        "</title><meta http-equiv=refresh content='0;url=https://evil.example'>",
    ),
    ("title-script", "</title><script>alert(1)</script>"),
    ("textarea-img", "</textarea><img src=x onerror=alert(1)>"),
    ("script-close", "</script><b id=pwn>bold</b>"),
    ("style-close", "</style><i id=pwn>it</i>"),
    ("attribute-breaker", "\"' onfocus=alert(1) autofocus x=\""),
    ("javascript-url", "javascript:alert(1)"),
    ("rtl-override", "\u{202E}txt.exe\u{202C} <u>u</u>"),
    ("nul", "nul\u{0}<s>s</s>"),
    ("comments", "<!-- <!> --> <!--"),
];

/// Every member- or admin-controlled field the pages show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    RequesterName,
    ProviderName,
    AdminName,
    ServiceTitle,
    ServiceDescription,
    ServiceCategory,
    RequestMessage,
    CounterMessage,
    DeclineReason,
    CancelReason,
    DisputeReason,
    AdminNote,
    GrantReason,
    RatingComment,
    Search,
}

impl Field {
    fn tag(self) -> &'static str {
        match self {
            Field::RequesterName => "rn",
            Field::ProviderName => "pn",
            Field::AdminName => "an",
            Field::ServiceTitle => "st",
            Field::ServiceDescription => "sd",
            Field::ServiceCategory => "sc",
            Field::RequestMessage => "rm",
            Field::CounterMessage => "cm",
            Field::DeclineReason => "dr",
            Field::CancelReason => "cr",
            Field::DisputeReason => "xr",
            Field::AdminNote => "ad",
            Field::GrantReason => "gr",
            Field::RatingComment => "rc",
            Field::Search => "se",
        }
    }
}

const FIELDS: [Field; 15] = [
    Field::RequesterName,
    Field::ProviderName,
    Field::AdminName,
    Field::ServiceTitle,
    Field::ServiceDescription,
    Field::ServiceCategory,
    Field::RequestMessage,
    Field::CounterMessage,
    Field::DeclineReason,
    Field::CancelReason,
    Field::DisputeReason,
    Field::AdminNote,
    Field::GrantReason,
    Field::RatingComment,
    Field::Search,
];

/// What each field holds in one bank: the payload, unless the field refused it (then
/// plain words, and the refusal is kept for the report).
struct Texts {
    payload: Option<&'static str>,
    refused: Vec<(Field, String)>,
    used: Vec<(Field, String)>,
}

impl Texts {
    fn plain(field: Field) -> String {
        format!("Plain {field:?}")
    }

    /// The payload with the field's tag after it, so a page showing one field cannot
    /// pass for showing another. (A search tagged so matches nothing in either bank, and
    /// both pages list the same.)
    fn first_try(&self, field: Field) -> String {
        match self.payload {
            Some(p) => format!("{p} ~{}", field.tag()),
            None => Texts::plain(field),
        }
    }

    fn value(&self, field: Field) -> &str {
        self.used
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("{field:?} was never set"))
    }

    fn set(&mut self, field: Field, value: String) {
        if !self.used.iter().any(|(f, _)| *f == field) {
            self.used.push((field, value));
        }
    }

    /// Runs `call` with the field's hostile text; if the field refuses it (a 400 that
    /// names a reason), runs it again with plain words.
    async fn try_field<T, F, Fut>(&mut self, field: Field, call: F) -> T
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<T, (u16, app::AppError)>>,
    {
        let first = self.first_try(field);
        match call(first.clone()).await {
            Ok(v) => {
                self.set(field, first);
                v
            }
            Err((400, e)) if self.payload.is_some() => {
                let msg = e.to_string();
                assert!(!msg.is_empty(), "{field:?}: a refusal without a message");
                self.refused.push((field, msg));
                let plain = Texts::plain(field);
                let v = call(plain.clone())
                    .await
                    .unwrap_or_else(|(s, e)| panic!("{field:?} with plain words: {s} {e}"));
                self.set(field, plain);
                v
            }
            Err((s, e)) => panic!("{field:?} = {first:?}: {s} {e}"),
        }
    }
}

/// One bank with a request in every state, its people and the pages to read.
struct Bank {
    app: TestApp,
    texts: Texts,
    requester: reqwest::Client,
    provider: reqwest::Client,
    admin: reqwest::Client,
    anonymous: reqwest::Client,
    requester_id: String,
    provider_id: String,
    service_id: String,
    /// (what it is, request id)
    requests: Vec<(&'static str, String)>,
}

const CREDIT: Minutes = Minutes(100 * 60);

async fn signup_as(app: &TestApp, texts: &mut Texts, field: Field, email: &str) -> reqwest::Client {
    let c = app.client();
    texts
        .try_field(field, |name| {
            let c = c.clone();
            async move { app.signup(&c, &name, email, PW).await }
        })
        .await;
    c
}

async fn act(
    app: &TestApp,
    who: &reqwest::Client,
    id: &str,
    action: &str,
    extra: &[(&str, &str)],
) -> Result<ActionResult, (u16, app::AppError)> {
    let detail: app::api::requests::RequestDetail = app
        .call(who, "requests/get", &[("request_id", id)])
        .await
        .expect("get");
    let v = detail.request.version.to_string();
    let mut form = vec![
        ("request_id", id),
        ("version", v.as_str()),
        ("action", action),
    ];
    form.extend_from_slice(extra);
    app.call(who, "requests/act", &form).await
}

async fn ok(r: Result<ActionResult, (u16, app::AppError)>) -> ActionResult {
    r.unwrap_or_else(|(s, e)| panic!("{s} {e}"))
}

impl Bank {
    async fn build(payload: Option<&'static str>) -> Bank {
        let app = spawn_app_with(|c| c.starting_credit = CREDIT).await;
        let mut texts = Texts {
            payload,
            refused: Vec::new(),
            used: Vec::new(),
        };
        let requester = signup_as(&app, &mut texts, Field::RequesterName, "r@example.org").await;
        let provider = signup_as(&app, &mut texts, Field::ProviderName, "p@example.org").await;
        let requester_id = app.me(&requester).await.expect("r").id.to_string();
        let provider_id = app.me(&provider).await.expect("p").id.to_string();
        let admin_name = texts.first_try(Field::AdminName);
        let admin_name =
            match server::startup::ensure_admin(&app.state, "admin@example.org", &admin_name, PW)
                .await
            {
                Ok(_) => admin_name,
                Err(e) => {
                    texts.refused.push((Field::AdminName, e.to_string()));
                    let plain = Texts::plain(Field::AdminName);
                    server::startup::ensure_admin(&app.state, "admin@example.org", &plain, PW)
                        .await
                        .expect("admin");
                    plain
                }
            };
        texts.set(Field::AdminName, admin_name);
        let admin = app.client();
        app.login(&admin, "admin@example.org", PW)
            .await
            .expect("admin login");

        // One service per request (a requester may have one open request per service).
        // Which service fields take the hostile text is decided by the server's own
        // parser, each field beside plain neighbours; the services are then made over HTTP.
        let mut service_text = Vec::new();
        for field in [
            Field::ServiceTitle,
            Field::ServiceDescription,
            Field::ServiceCategory,
        ] {
            let candidate = texts.first_try(field);
            let plain = |f: Field| {
                if f == field {
                    candidate.clone()
                } else {
                    Texts::plain(f)
                }
            };
            let value = match ServiceFields::parse(
                &plain(Field::ServiceTitle),
                &plain(Field::ServiceDescription),
                &plain(Field::ServiceCategory),
                2,
            ) {
                Ok(_) => candidate,
                Err(e) => {
                    texts.refused.push((field, e.message()));
                    Texts::plain(field)
                }
            };
            texts.set(field, value.clone());
            service_text.push(value);
        }
        let mut services = Vec::new();
        for _ in 0..13 {
            let id: String = app
                .call(
                    &provider,
                    "services/create",
                    &[
                        ("title", service_text[0].as_str()),
                        ("description", service_text[1].as_str()),
                        ("category", service_text[2].as_str()),
                        ("response_window_hours", "2"),
                    ],
                )
                .await
                .unwrap_or_else(|(s, e)| panic!("service: {s} {e}"));
            services.push(id);
        }

        let mut bank = Bank {
            service_id: services[0].clone(),
            app,
            texts,
            requester,
            provider,
            admin,
            anonymous: reqwest::Client::new(),
            requester_id,
            provider_id,
            requests: Vec::new(),
        };
        bank.anonymous = bank.app.client();
        bank.make_requests(&services).await;
        bank
    }

    async fn submit(&mut self, service: &str) -> String {
        let app = &self.app;
        let r = self.requester.clone();
        let service = service.to_owned();
        let submitted: ActionResult = self
            .texts
            .try_field(Field::RequestMessage, |m| {
                let (r, service) = (r.clone(), service.clone());
                async move {
                    app.call(
                        &r,
                        "requests/submit",
                        &[
                            ("service_id", service.as_str()),
                            ("duration_minutes", "60"),
                            ("message", m.as_str()),
                        ],
                    )
                    .await
                }
            })
            .await;
        assert_eq!(submitted.state, State::AwaitingResponse);
        submitted.id.to_string()
    }

    /// `who` takes `action` with the field's text in `text_field` (a reason or a note).
    async fn act_with_text(&mut self, who: Who, id: &str, action: &str, field: Field) {
        let app = &self.app;
        let c = self.client(who).clone();
        let id = id.to_owned();
        let action = action.to_owned();
        let minutes = "20".to_owned();
        self.texts
            .try_field(field, |t| {
                let (c, id, action, minutes) =
                    (c.clone(), id.clone(), action.clone(), minutes.clone());
                async move {
                    let mut extra = vec![("text", t.as_str())];
                    if action == "split" {
                        extra.push(("minutes", minutes.as_str()));
                    }
                    act(app, &c, &id, &action, &extra).await
                }
            })
            .await;
    }

    async fn steps(&self, id: &str, steps: &[(Who, &str)]) {
        for (who, action) in steps {
            ok(act(&self.app, self.client(*who), id, action, &[]).await).await;
        }
    }

    fn client(&self, who: Who) -> &reqwest::Client {
        match who {
            Who::Requester => &self.requester,
            Who::Provider => &self.provider,
            Who::Admin => &self.admin,
            Who::Anonymous => &self.anonymous,
        }
    }

    async fn make_requests(&mut self, s: &[String]) {
        use Who::{Admin, Provider as P, Requester as R};
        let started: [(Who, &str); 3] = [(P, "accept"), (P, "mark_started"), (R, "confirm_start")];

        // Expired first: moving the clock past its response window must not touch the others.
        let id = self.submit(&s[12]).await;
        self.app.state.clock.advance_ms(3 * 3_600_000);
        let swept = sweeper::sweep_once(&self.app.state.db, &self.app.state.clock, 100)
            .await
            .expect("sweep");
        assert_eq!(swept.fired, 1);
        self.requests.push(("expired", id));

        let id = self.submit(&s[0]).await;
        self.requests.push(("awaiting response", id));

        let id = self.submit(&s[1]).await;
        let counter_extra = |m: String| m;
        let app = &self.app;
        let p = self.provider.clone();
        let cid = id.clone();
        self.texts
            .try_field(Field::CounterMessage, |m| {
                let (p, cid) = (p.clone(), cid.clone());
                let m = counter_extra(m);
                async move {
                    act(
                        app,
                        &p,
                        &cid,
                        "counter",
                        &[
                            ("duration_minutes", "45"),
                            ("rate", "1.25"),
                            ("message", m.as_str()),
                        ],
                    )
                    .await
                }
            })
            .await;
        self.requests.push(("negotiating", id));

        let id = self.submit(&s[2]).await;
        self.steps(&id, &started[..1]).await;
        self.requests.push(("accepted", id));

        let id = self.submit(&s[3]).await;
        self.steps(&id, &started[..2]).await;
        self.requests.push(("start to be confirmed", id));

        let id = self.submit(&s[4]).await;
        self.steps(&id, &started).await;
        self.requests.push(("in progress", id));

        let id = self.submit(&s[5]).await;
        self.steps(&id, &started).await;
        self.steps(&id, &[(P, "mark_completed")]).await;
        self.requests.push(("completion to be confirmed", id));

        let id = self.submit(&s[6]).await;
        self.steps(&id, &started).await;
        self.act_with_text(R, &id, "dispute", Field::DisputeReason)
            .await;
        self.requests.push(("disputed", id));

        let id = self.submit(&s[7]).await;
        self.steps(&id, &started).await;
        self.steps(&id, &[(P, "mark_completed"), (R, "confirm_completion")])
            .await;
        for who in [R, P] {
            let app = &self.app;
            let c = self.client(who).clone();
            let rid = id.clone();
            self.texts
                .try_field(Field::RatingComment, |comment| {
                    let (c, rid) = (c.clone(), rid.clone());
                    async move {
                        app.call::<()>(
                            &c,
                            "requests/rate",
                            &[
                                ("request_id", rid.as_str()),
                                ("stars", "4"),
                                ("comment", comment.as_str()),
                            ],
                        )
                        .await
                    }
                })
                .await;
        }
        self.requests.push(("paid and rated", id));

        let id = self.submit(&s[8]).await;
        self.act_with_text(P, &id, "decline", Field::DeclineReason)
            .await;
        self.requests.push(("declined", id));

        let id = self.submit(&s[9]).await;
        self.steps(&id, &started[..1]).await;
        self.act_with_text(P, &id, "cancel", Field::CancelReason)
            .await;
        self.requests.push(("cancelled by the provider", id));

        let id = self.submit(&s[10]).await;
        self.steps(&id, &started).await;
        self.act_with_text(P, &id, "dispute", Field::DisputeReason)
            .await;
        self.act_with_text(Admin, &id, "split", Field::AdminNote)
            .await;
        self.requests.push(("resolved by a split", id));

        let id = self.submit(&s[11]).await;
        self.steps(&id, &started).await;
        self.act_with_text(R, &id, "dispute", Field::DisputeReason)
            .await;
        self.act_with_text(Admin, &id, "resume", Field::AdminNote)
            .await;
        self.act_with_text(R, &id, "dispute", Field::DisputeReason)
            .await;
        self.act_with_text(Admin, &id, "pay_provider", Field::AdminNote)
            .await;
        self.requests.push(("resumed, then paid by an admin", id));

        // An admin grant with a reason, kept in the ledger.
        let app = &self.app;
        let a = self.admin.clone();
        let member = self.requester_id.clone();
        self.texts
            .try_field(Field::GrantReason, |reason| {
                let (a, member) = (a.clone(), member.clone());
                async move {
                    app.call::<()>(
                        &a,
                        "admin/adjust_hours",
                        &[
                            ("member_id", member.as_str()),
                            ("minutes", "30"),
                            ("reason", reason.as_str()),
                        ],
                    )
                    .await
                }
            })
            .await;

        // Search terms are echoed back in the search box; a service search and a member
        // search must both accept the text.
        let anon = self.app.client();
        self.texts
            .try_field(Field::Search, |q| {
                let anon = anon.clone();
                async move {
                    app.call::<Vec<app::domain::service::ServiceSummary>>(
                        &anon,
                        "services",
                        &[("search", q.as_str())],
                    )
                    .await
                }
            })
            .await;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Requester,
    Provider,
    Admin,
    Anonymous,
}

/// One page to read: where, as whom, and the fields it must show.
struct Page {
    path: String,
    who: Who,
    shows: Vec<Field>,
}

fn pages(b: &Bank) -> Vec<Page> {
    use Field::*;
    let enc = app::domain::text::url_query_value;
    let search = enc(b.texts.value(Search));
    let service_fields = vec![
        ServiceTitle,
        ServiceDescription,
        ServiceCategory,
        ProviderName,
    ];
    let mut v = vec![
        Page {
            path: "/".into(),
            who: Who::Anonymous,
            shows: vec![ServiceTitle, ProviderName],
        },
        Page {
            path: "/services".into(),
            who: Who::Anonymous,
            shows: service_fields.clone(),
        },
        Page {
            path: format!("/services?q={search}"),
            who: Who::Anonymous,
            shows: vec![Search],
        },
        Page {
            path: format!("/services/{}", b.service_id),
            who: Who::Anonymous,
            shows: service_fields.clone(),
        },
        Page {
            path: format!("/services/{}", b.service_id),
            who: Who::Requester,
            shows: service_fields.clone(),
        },
        Page {
            path: format!("/members/{}", b.provider_id),
            who: Who::Anonymous,
            shows: vec![ProviderName, ServiceTitle, RatingComment],
        },
        Page {
            path: "/requests?show=all".into(),
            who: Who::Requester,
            shows: vec![ServiceTitle, ProviderName, RequesterName],
        },
        Page {
            path: "/inbox?show=all".into(),
            who: Who::Provider,
            shows: vec![ServiceTitle, RequesterName, ProviderName],
        },
        Page {
            path: "/notifications".into(),
            who: Who::Requester,
            shows: vec![RequesterName],
        },
        Page {
            path: "/notifications".into(),
            who: Who::Provider,
            shows: vec![ProviderName],
        },
        Page {
            path: "/balance".into(),
            who: Who::Requester,
            shows: vec![GrantReason],
        },
        Page {
            path: "/my/services".into(),
            who: Who::Provider,
            shows: vec![ServiceTitle, ServiceDescription, ServiceCategory],
        },
        Page {
            path: "/admin".into(),
            who: Who::Admin,
            shows: vec![AdminName],
        },
        Page {
            path: "/admin/disputes".into(),
            who: Who::Admin,
            shows: vec![ServiceTitle, DisputeReason, RequesterName, ProviderName],
        },
        Page {
            path: "/admin/members".into(),
            who: Who::Admin,
            shows: vec![RequesterName, ProviderName, AdminName],
        },
        Page {
            path: format!("/admin/members?q={search}"),
            who: Who::Admin,
            shows: vec![Search],
        },
        Page {
            path: format!("/admin/members/{}", b.requester_id),
            who: Who::Admin,
            shows: vec![RequesterName, ServiceTitle, ProviderName, GrantReason],
        },
    ];
    for (what, id) in &b.requests {
        // The history shows what was typed with each event: the request's message, a
        // counter-offer's, reasons and admins' notes.
        let mut shows = vec![ServiceTitle, RequesterName, ProviderName, RequestMessage];
        match *what {
            "negotiating" => shows.push(CounterMessage),
            "declined" => shows.push(DeclineReason),
            "cancelled by the provider" => shows.push(CancelReason),
            "paid and rated" => shows.push(RatingComment),
            "disputed" => shows.push(DisputeReason),
            "resolved by a split" | "resumed, then paid by an admin" => {
                shows.extend([DisputeReason, AdminNote])
            }
            _ => {}
        }
        for who in [Who::Requester, Who::Provider, Who::Admin] {
            v.push(Page {
                path: format!("/requests/{id}"),
                who,
                shows: shows.clone(),
            });
        }
    }
    v
}

/// Every element and comment in document order: `tag[attribute names]`, `#comment`.
/// Data streamed as `<script>` elements after the page (none in islands mode) would come
/// in as many elements as resources resolved apart, so a run of them counts as one.
fn skeleton(doc: &Html) -> Vec<String> {
    let mut s = elements_and_comments(doc);
    let data_script = "script[nonce]";
    let run = s.iter().rev().take_while(|e| *e == data_script).count();
    if run > 1 {
        s.truncate(s.len() - run + 1);
    }
    s
}

/// Every `<script>` carries this response's nonce (a script injected by a member could
/// not know it), and those after the page hold only the resources' data.
fn check_scripts(doc: &Html, at: &str) {
    let nonce = doc
        .select(&sel("head script[type=module]"))
        .next()
        .and_then(|s| s.value().attr("nonce"))
        .unwrap_or_else(|| panic!("{at}: no hydration script"))
        .to_owned();
    assert!(nonce.len() >= 16, "{at}: nonce {nonce:?}");
    for script in doc.select(&sel("script")) {
        assert_eq!(
            script.value().attr("nonce"),
            Some(nonce.as_str()),
            "{at}: a script without this response's nonce"
        );
        if script.value().attr("type").is_none() {
            let text: String = script.text().collect();
            assert!(
                [
                    "__RESOLVED_RESOURCES",
                    "__SERIALIZED_ERRORS",
                    "__INCOMPLETE_CHUNKS"
                ]
                .iter()
                .any(|p| text.starts_with(p)),
                "{at}: unexpected script {:?}",
                text.chars().take(80).collect::<String>()
            );
        }
    }
}

/// The only comments on a page are Leptos's own markers: `<!>` (an empty, "bogus"
/// comment that separates text nodes for hydration), `<!--<() />-->` (where an optional
/// part renders nothing) and `<!--HEAD-->`.
fn check_comments(doc: &Html, at: &str) {
    for n in doc.tree.root().descendants() {
        if let Node::Comment(c) = n.value() {
            let c: &str = c;
            assert!(["", "HEAD", "<() />"].contains(&c), "{at}: a comment {c:?}");
        }
    }
}

fn sel(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).expect("selector")
}

fn elements_and_comments(doc: &Html) -> Vec<String> {
    doc.tree
        .root()
        .descendants()
        .filter_map(|n| match n.value() {
            Node::Element(e) => {
                let mut names: Vec<&str> = e.attrs().map(|(n, _)| n).collect();
                names.sort_unstable();
                Some(format!("{}[{}]", e.name(), names.join(" ")))
            }
            Node::Comment(_) => Some("#comment".to_owned()),
            _ => None,
        })
        .collect()
}

/// The head's elements, as `tag[attribute names]`.
fn head_elements(doc: &Html) -> Vec<String> {
    let head = doc
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "head")
        .expect("a head");
    head.children()
        .filter_map(ElementRef::wrap)
        .map(|e| {
            let mut names: Vec<&str> = e.value().attrs().map(|(n, _)| n).collect();
            names.sort_unstable();
            format!("{}[{}]", e.value().name(), names.join(" "))
        })
        .collect()
}

/// What the app itself puts in every page's head, in order.
const HEAD: [&str; 8] = [
    "meta[charset]",
    "meta[content name]",
    "link[href rel]",
    "link[crossorigin href rel]",
    "link[as crossorigin href rel type]",
    "script[nonce type]",
    "link[href id rel]",
    "title[]",
];

/// All text of the page outside scripts, plus form fields' values.
fn visible_text(doc: &Html) -> String {
    let mut out = String::new();
    for n in doc.tree.root().descendants() {
        match n.value() {
            Node::Text(t) => {
                let in_script = n
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name() == "script"))
                    .unwrap_or(false);
                if !in_script {
                    out.push_str(t);
                    out.push('\n');
                }
            }
            Node::Element(e) => {
                if let Some(v) = e.attr("value") {
                    // HTML5 turns a NUL in an attribute value into U+FFFD.
                    out.push_str(&v.replace('\u{FFFD}', ""));
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
    out
}

/// How a string reads once parsed as text: NUL is dropped from text (HTML5 ignores it
/// in the body), leading and trailing space trimmed (every field is stored trimmed).
fn as_text(s: &str) -> String {
    s.replace('\0', "").trim().to_owned()
}

async fn get_page(b: &Bank, page: &Page) -> String {
    let res = b
        .client(page.who)
        .get(b.app.url(&page.path))
        .header("accept", "text/html")
        .send()
        .await
        .expect("page");
    assert_eq!(res.status(), 200, "{} as {:?}", page.path, page.who);
    res.text().await.expect("body")
}

#[derive(Default)]
struct Report {
    pages: usize,
    /// (payload, page, field): a hostile string the page showed, as text.
    shown: BTreeSet<(&'static str, usize, Field)>,
    refused: BTreeSet<(&'static str, Field, String)>,
}

async fn check_payload(
    name: &'static str,
    payload: &'static str,
    plain: &Bank,
    plain_pages: &[(String, Vec<String>)],
    report: &mut Report,
) {
    let hostile = Bank::build(Some(payload)).await;
    let list = pages(&hostile);
    assert_eq!(list.len(), plain_pages.len());
    let dump = std::env::var_os("HOURBANK_RENDERED_PAGES_DIR").map(std::path::PathBuf::from);
    for (i, (page, (plain_path, plain_skeleton))) in list.iter().zip(plain_pages).enumerate() {
        let html = get_page(&hostile, page).await;
        let doc = Html::parse_document(&html);
        let at = format!(
            "{name}: {} as {:?} (plain twin {plain_path})",
            page.path, page.who
        );
        assert_eq!(head_elements(&doc), HEAD, "{at}: the head");
        check_scripts(&doc, &at);
        check_comments(&doc, &at);
        let skeleton = skeleton(&doc);
        if skeleton != *plain_skeleton {
            let first = skeleton
                .iter()
                .zip(plain_skeleton.iter())
                .position(|(a, b)| a != b)
                .unwrap_or(skeleton.len().min(plain_skeleton.len()));
            panic!(
                "{at}: the hostile text changed the page's elements at element {first}: \
                 hostile {:?}, plain {:?}",
                &skeleton[first.saturating_sub(2)..(first + 3).min(skeleton.len())],
                &plain_skeleton[first.saturating_sub(2)..(first + 3).min(plain_skeleton.len())]
            );
        }
        let text = visible_text(&doc);
        for field in &page.shows {
            let value = as_text(hostile.texts.value(*field));
            assert!(
                text.contains(&value),
                "{at}: {field:?} = {value:?} is not shown as text"
            );
            if !hostile.texts.refused.iter().any(|(f, _)| f == field) {
                report.shown.insert((name, i, *field));
            }
        }
        if let Some(dir) = &dump {
            std::fs::create_dir_all(dir).expect("dump dir");
            let file = dir.join(format!(
                "{}-{}-{:?}.html",
                name,
                page.path
                    .trim_start_matches('/')
                    .replace(['/', '?', '=', '%', '&'], "_"),
                page.who
            ));
            std::fs::write(file, &html).expect("dump");
        }
        report.pages += 1;
    }
    let _ = plain;

    // The statement as CSV: every row has the header's seven fields, and the grant
    // reason is one whole field.
    let csv = hostile
        .requester
        .get(hostile.app.url("/balance.csv"))
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("csv body");
    let rows = parse_csv(&csv);
    assert!(rows.len() > 2, "{name}: CSV rows {rows:?}");
    assert!(rows.iter().all(|r| r.len() == 7), "{name}: CSV {rows:?}");
    let reason = as_text(hostile.texts.value(Field::GrantReason)).replace('\0', "");
    assert!(
        rows.iter()
            .any(|r| r[6] == reason || r[6] == format!("'{reason}")),
        "{name}: the grant reason {reason:?} is not one CSV field: {rows:?}"
    );
    for (field, why) in &hostile.texts.refused {
        report.refused.insert((name, *field, why.clone()));
    }
    hostile.app.cleanup().await;
}

/// RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[tokio::test]
async fn member_text_is_only_ever_text_on_every_page() {
    let plain = Bank::build(None).await;
    let mut plain_pages = Vec::new();
    for page in pages(&plain) {
        let html = get_page(&plain, &page).await;
        let doc = Html::parse_document(&html);
        assert_eq!(
            head_elements(&doc),
            HEAD,
            "{} as {:?}: the head",
            page.path,
            page.who
        );
        plain_pages.push((page.path.clone(), skeleton(&doc)));
    }
    let mut report = Report::default();
    for (name, payload) in PAYLOADS {
        check_payload(name, payload, &plain, &plain_pages, &mut report).await;
    }
    let fields: BTreeSet<Field> = report.shown.iter().map(|(_, _, f)| *f).collect();
    println!(
        "rendering on {}: {} pages read ({} per bank, {} payloads), {} of {} fields, \
         {} (payload, page, field) showings of a hostile string, all as text; 0 injections",
        app::server::testing::backend_name(),
        report.pages,
        plain_pages.len(),
        PAYLOADS.len(),
        fields.len(),
        FIELDS.len(),
        report.shown.len()
    );
    for (payload, field, why) in &report.refused {
        println!("  refused: {field:?} = {payload}: {why}");
    }
    // Every field took at least one hostile string: the test cannot pass by refusing all.
    for f in FIELDS {
        assert!(fields.contains(&f), "{f:?} never showed a hostile string");
    }
    plain.app.cleanup().await;
}

/// Every search box stops at the length a search may have, so a member typing a longer
/// one is held at the box instead of getting a page that only says the text was too long.
#[tokio::test]
async fn search_boxes_stop_at_the_length_a_search_may_have() {
    let bank = Bank::build(None).await;
    let max = app::api::services::SEARCH_MAX_CHARS.to_string();
    let mut boxes = Vec::new();
    for page in pages(&bank) {
        let html = get_page(&bank, &page).await;
        let doc = Html::parse_document(&html);
        for input in doc.select(&sel("input[type=search]")) {
            assert_eq!(
                input.value().attr("maxlength"),
                Some(max.as_str()),
                "{} as {:?}: the search box {:?}",
                page.path,
                page.who,
                input.value().attr("id")
            );
            boxes.push(input.value().attr("id").unwrap_or_default().to_owned());
        }
    }
    boxes.sort();
    boxes.dedup();
    assert_eq!(
        boxes,
        ["member-search", "service-search"],
        "the search boxes read"
    );
    bank.app.cleanup().await;
}
