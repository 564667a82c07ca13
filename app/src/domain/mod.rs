//! Domain types shared by the server and the browser: no I/O here.

pub mod account;
pub mod ids;
pub mod ledger;
pub mod minutes;
pub mod service;
pub mod text;
pub mod time;

pub use account::{DisplayName, Email, Password, Role};
pub use ids::{MemberId, RequestId, ServiceId};
pub use minutes::Minutes;
pub use time::Timestamp;
