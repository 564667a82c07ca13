//! The service-request lifecycle as ONE pure state machine, shared by the browser (to
//! show exactly the actions allowed now) and the server (which enforces it).
//!
//! - `definition`: THE DEFINITION (start here) — states, events and transition rows, one
//!   line each, with whom a state waits for, the deadline it arms and what its firing
//!   does, what each row does to the hold and whom it tells.
//! - `machine`: `transition(request, event, actor, now)`, `allowed_actions`,
//!   `waiting_for`, effects.
//! - `checks`: the submit-time checks.
//! - `notices`: what notifications tell, as data.
//! - `words`: every word members and admins read about the lifecycle.
//! - `terms`, `request`, `rules`: the data.
//! - `replay`: rebuilding a request from its history.

pub mod checks;
pub mod definition;
pub mod machine;
pub mod notices;
pub mod refusals;
pub mod replay;
pub mod request;
pub mod rules;
pub mod terms;
pub mod words;

pub use definition::{ActorKind, EventKind, State, StateKind, TABLE};
pub use machine::{
    allowed_actions, create, transition, waiting_for, Actor, AllowedAction, Effect, Event,
    NewRequest, Rejection,
};
pub use notices::Notice;
pub use request::{HoldStatus, Party, Request};
pub use rules::Rules;
pub use terms::Terms;
