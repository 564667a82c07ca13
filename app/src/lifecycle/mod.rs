//! The service-request lifecycle as ONE pure state machine, shared by the browser (to
//! show exactly the actions allowed now) and the server (which enforces it).
//!
//! - `table`: the transition table (start here), states, events, actors.
//! - `machine`: `transition(request, event, actor, now)`, `allowed_actions`, effects.
//! - `validation`: the submit-time checks.
//! - `terms`, `request`, `rules`: the data.
//! - `replay`: rebuilding a request from its history.

pub mod machine;
pub mod replay;
pub mod request;
pub mod rules;
pub mod table;
pub mod terms;
pub mod validation;

pub use machine::{
    allowed_actions, create, transition, Actor, AllowedAction, Effect, Event, NewRequest, Rejection,
};
pub use request::{HoldStatus, Party, Request};
pub use rules::Rules;
pub use table::{ActorKind, EventKind, State, TABLE};
pub use terms::Terms;
