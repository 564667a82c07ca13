//! The site header: who is signed in, their hours, and where they can go.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::auth::use_auth;
use crate::domain::Role;
use crate::i18n::{use_viewer, Lang};

/// The language switcher: a plain form to `/language` (the server keeps the choice and
/// sends the browser back here), so it works without JavaScript too.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let v = use_viewer();
    let location = leptos_router::hooks::use_location();
    let back = move || {
        let search = location.search.get();
        let q = if search.is_empty() { "" } else { "?" };
        format!("{}{q}{search}", location.pathname.get())
    };
    view! {
        <form method="post" action="/language" class="lang-switch">
            <label for="lang-select">{v.t("hd-language")}</label>
            <select id="lang-select" name="lang">
                {Lang::all().map(|l| view! {
                    <option value=l.code() selected=l == v.lang lang=l.code()>{l.own_name()}</option>
                }).collect_view()}
            </select>
            <input type="hidden" name="back" prop:value=back value=back/>
            <button type="submit" class="link-button">{v.t("hd-language-change")}</button>
        </form>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let auth = use_auth();
    let me = auth.me;
    let v = use_viewer();
    view! {
        <header class="site-header">
            <a class="brand" href="/">"HourBank"</a>
            <nav aria-label=v.t("hd-nav-main")>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match me.await {
                            Ok(Some(me)) => {
                                let is_admin = me.role == Role::Admin;
                                EitherOf3::A(view! {
                                    <a href="/services">{v.t("hd-services")}</a>
                                    <a href="/requests">{v.t("hd-my-requests")}</a>
                                    <a href="/inbox">{v.t("hd-inbox")}</a>
                                    <a href="/my/services">{v.t("hd-my-services")}</a>
                                    <a href="/notifications" data-testid="notifications-link">
                                        {v.t("hd-notifications")}
                                        {(me.unread_notifications > 0).then(|| view! {
                                            <span class="count" data-testid="unread">{format!(" ({})", me.unread_notifications)}</span>
                                        })}
                                    </a>
                                    <a href="/settings">{v.t("hd-settings")}</a>
                                    {is_admin.then(|| view! { <a href="/admin">{v.t("hd-admin")}</a> })}
                                    <span class="who" data-testid="member-name">{me.display_name.clone()}</span>
                                    <a href="/balance" class="balance" data-testid="balance" title=v.t("hd-balance-title")>
                                        {me.available.to_string()}
                                        {(me.held.0 > 0).then(|| v.tr("hd-held", [("held", me.held.into())]))}
                                    </a>
                                    <ActionForm action=auth.logout attr:class="inline">
                                        <button type="submit" class="link-button">{v.t("hd-log-out")}</button>
                                    </ActionForm>
                                })
                            }
                            Ok(None) => EitherOf3::B(view! {
                                <a href="/services">{v.t("hd-services")}</a>
                                <a href="/login">{v.t("hd-log-in")}</a>
                                <a href="/signup">{v.t("hd-sign-up")}</a>
                            }),
                            Err(e) => EitherOf3::C(view! { <span class="form-error">{e.words(&v)}</span> }),
                        }
                    })}
                </Transition>
            </nav>
            <LanguageSwitcher/>
        </header>
    }
}
