//! The signed-in member, shared by the header and the pages. It is fetched again on
//! every navigation (login and signup redirect, so they are covered) and after logout.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

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
    let me = Resource::new(
        move || (pathname.get(), logout.version().get()),
        |_| get_me(),
    );
    provide_context(Auth { me, logout });
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
