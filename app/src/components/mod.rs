pub mod auth;
pub mod errors;
pub mod header;
pub mod live;
pub mod services_list;
pub mod state_graph;
pub mod terms;
pub mod time;
