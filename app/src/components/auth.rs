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
    // The page was written for one viewer (`<html lang data-tz>`). When a member's own
    // language or zone differs from it — after logging in, or a new zone in Settings —
    // load it again from the server, so every word and time on it is theirs (browser
    // only: effects do not run on the server). After logging out the page stays as it
    // is until the next full load (a reload then would race the next navigation).
    let page = crate::i18n::use_viewer();
    Effect::new(move |_| {
        if let Some(Ok(Some(m))) = me.get() {
            if m.zone != page.zone || m.lang != page.lang {
                let _ = window().location().reload();
            }
        }
    });
    provide_context(Auth { me, logout });
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
