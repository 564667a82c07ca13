//! HourBank: shared domain types, pages and server functions.
//!
//! - `domain`: pure types and rules, compiled for the server and the browser alike.
//! - `api`: server functions (bodies run on the server only).
//! - `pages`, `components`: the UI, rendered on the server. Only islands (`#[island]`:
//!   live updates, the request form's cost preview, the sign-up zone guess) hydrate in
//!   the browser, so only their code is in the WASM bundle.
//! - `server` (feature `ssr`): database, stores, sessions — never in the WASM bundle.

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod lifecycle;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

pub use error::AppError;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use components::auth::provide_auth;
use components::header::Header;
use components::live::LiveSlot;
use components::safe_text::PageTitle;
use pages::{
    AdminDashboardPage, AdminDisputesPage, AdminMemberPage, AdminMembersPage, BalancePage,
    ForgotPasswordPage, HomePage, InboxPage, LoginPage, MyRequestsPage, MyServicesPage, NotFound,
    NotificationsPage, ProfilePage, RequestPage, ResetPasswordPage, ServicePage, ServicesPage,
    SettingsPage, SignupPage, UnsubscribePage, VerifyEmailPage,
};

/// In the browser, before the page's islands hydrate: starts the reactive system, and
/// marks the page as taken over by the WASM module, so browser tests can tell a hydrated
/// page from a server-rendered one.
#[cfg(feature = "hydrate")]
pub fn start_islands() {
    leptos::mount::hydrate_islands();
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    server::csp::set_page_policy();
    let viewer = i18n::page_viewer();
    view! {
        <!DOCTYPE html>
        <html lang=viewer.lang.code() data-tz=viewer.zone.name()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.ico"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options=options.clone() islands=true/>
                // The style sheet by its content-hashed name (cargo-leptos `hash-files`).
                <HashedStylesheet options id="leptos"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    i18n::provide_viewer();
    view! {
        <PageTitle text="HourBank"/>
        <Router>
            <Layout/>
        </Router>
    }
}

/// Everything inside the router: actions are created here so that a form posted without
/// JavaScript finds its error again in the URL it is redirected to.
#[component]
fn Layout() -> impl IntoView {
    provide_auth();
    let v = i18n::use_viewer();
    view! {
        <a class="skip-link" href="#main">{v.t("pg-skip-to-content")}</a>
        <Header/>
        <main id="main">
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/signup") view=SignupPage ssr=SsrMode::Async/>
                <Route path=path!("/admin") view=AdminDashboardPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/disputes") view=AdminDisputesPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/members") view=AdminMembersPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/members/:id") view=AdminMemberPage ssr=SsrMode::Async/>
                <Route path=path!("/services") view=ServicesPage ssr=SsrMode::Async/>
                <Route path=path!("/services/:id") view=ServicePage ssr=SsrMode::Async/>
                <Route path=path!("/members/:id") view=ProfilePage ssr=SsrMode::Async/>
                <Route path=path!("/my/services") view=MyServicesPage ssr=SsrMode::Async/>
                <Route path=path!("/requests") view=MyRequestsPage ssr=SsrMode::Async/>
                <Route path=path!("/requests/:id") view=RequestPage ssr=SsrMode::Async/>
                <Route path=path!("/inbox") view=InboxPage ssr=SsrMode::Async/>
                <Route path=path!("/balance") view=BalancePage ssr=SsrMode::Async/>
                <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                <Route path=path!("/settings") view=SettingsPage ssr=SsrMode::Async/>
                <Route path=path!("/forgot") view=ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/reset") view=ResetPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/verify") view=VerifyEmailPage ssr=SsrMode::Async/>
                <Route path=path!("/unsubscribe") view=UnsubscribePage ssr=SsrMode::Async/>
            </Routes>
        </main>
        <footer class="site-footer">{v.t("pg-footer")}</footer>
        <LiveSlot/>
    }
}
