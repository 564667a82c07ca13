//! The signed-in member, shared by the header and the pages, read once per page the
//! server renders (every page is a full load: see `live.rs` for live updates).

use leptos::prelude::*;

use crate::api::auth::{get_me, Logout, Me};
use crate::AppError;

#[derive(Clone, Copy)]
pub struct Auth {
    pub me: Resource<Result<Option<Me>, AppError>>,
    pub logout: ServerAction<Logout>,
}

pub fn provide_auth() {
    let logout = ServerAction::<Logout>::new();
    let me = Resource::new(move || logout.version().get(), |_| get_me());
    provide_context(Auth { me, logout });
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
