//! The signed-in member, shared by the header and the pages. It is fetched again on
//! every navigation (login and signup redirect, so they are covered), after logout, and
//! when the server pushes a change (live updates).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::live::{provide_live, use_live};
use crate::api::auth::{get_me, Logout, Me};
use crate::AppError;

#[derive(Clone, Copy)]
pub struct Auth {
    pub me: Resource<Result<Option<Me>, AppError>>,
    pub logout: ServerAction<Logout>,
}

pub fn provide_auth() {
    let logout = ServerAction::<Logout>::new();
    let pathname = use_location().pathname;
    let signed_in = RwSignal::new(false);
    provide_live(signed_in.into());
    let live = use_live();
    let me = Resource::new(
        move || (pathname.get(), logout.version().get(), live.get()),
        |_| get_me(),
    );
    // Listen for live updates only while someone is signed in (browser only).
    Effect::new(move |_| {
        if let Some(Ok(m)) = me.get() {
            signed_in.set(m.is_some());
        }
    });
    // The page was written for one viewer (`<html data-tz>`). When that changes under it
    // — a log-in, a new zone in Settings, a log-out — load it again from the server, so
    // every time on it is in the right zone (browser only: effects do not run on the server).
    let page = crate::i18n::use_viewer();
    Effect::new(move |_| {
        let changed = match me.get() {
            Some(Ok(Some(m))) => m.zone != page.zone,
            _ => false,
        };
        let logged_out = logout.version().get() > 0 && matches!(logout.value().get(), Some(Ok(())));
        if logged_out {
            let _ = window().location().set_href("/");
        } else if changed {
            let _ = window().location().reload();
        }
    });
    provide_context(Auth { me, logout });
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
