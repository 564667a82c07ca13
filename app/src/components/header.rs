//! The site header: who is signed in, their hours, and where they can go.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::auth::use_auth;
use crate::domain::Role;

#[component]
pub fn Header() -> impl IntoView {
    let auth = use_auth();
    let me = auth.me;
    view! {
        <header class="site-header">
            <a class="brand" href="/">"HourBank"</a>
            <nav aria-label="Main">
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match me.await {
                            Ok(Some(me)) => {
                                let is_admin = me.role == Role::Admin;
                                EitherOf3::A(view! {
                                    <a href="/services">"Services"</a>
                                    <a href="/requests">"My requests"</a>
                                    <a href="/inbox">"Inbox"</a>
                                    <a href="/my/services">"My services"</a>
                                    <a href="/notifications" data-testid="notifications-link">
                                        "Notifications"
                                        {(me.unread_notifications > 0).then(|| view! {
                                            <span class="count" data-testid="unread">{format!(" ({})", me.unread_notifications)}</span>
                                        })}
                                    </a>
                                    <a href="/settings">"Settings"</a>
                                    {is_admin.then(|| view! { <a href="/admin">"Admin"</a> })}
                                    <span class="who" data-testid="member-name">{me.display_name.clone()}</span>
                                    <a href="/balance" class="balance" data-testid="balance" title="Hours available (held in escrow in brackets)">
                                        {me.available.to_string()}
                                        {(me.held.0 > 0).then(|| format!(" ({} held)", me.held))}
                                    </a>
                                    <ActionForm action=auth.logout attr:class="inline">
                                        <button type="submit" class="link-button">"Log out"</button>
                                    </ActionForm>
                                })
                            }
                            Ok(None) => EitherOf3::B(view! {
                                <a href="/services">"Services"</a>
                                <a href="/login">"Log in"</a>
                                <a href="/signup">"Sign up"</a>
                            }),
                            Err(e) => EitherOf3::C(view! { <span class="form-error">{e.to_string()}</span> }),
                        }
                    })}
                </Transition>
            </nav>
        </header>
    }
}
