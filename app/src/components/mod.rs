pub mod auth;
pub mod errors;
pub mod header;
pub mod services_list;
