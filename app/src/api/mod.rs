//! Server functions, grouped by who calls them. Each takes the actor from the session,
//! checks the actor may act, and returns a typed [`crate::AppError`].
//! Their bodies run only on the server; the browser gets a typed HTTP client.

pub mod account;
pub mod admin;
pub mod auth;
pub mod dashboard;
pub mod email;
pub mod requests;
pub mod services;
pub mod time;
