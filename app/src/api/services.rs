//! The services directory.

use leptos::prelude::*;

use crate::domain::service::ServiceSummary;
use crate::AppError;

pub const DIRECTORY_LIMIT: i64 = 100;

/// Active services, newest first. Open to everyone, signed in or not.
#[server(endpoint = "services")]
pub async fn list_services() -> Result<Vec<ServiceSummary>, AppError> {
    use crate::server::context::{app_state, respond};
    use crate::server::services_store;
    respond(
        async move {
            let state = app_state()?;
            Ok(services_store::list_active(&state.db.read, DIRECTORY_LIMIT).await?)
        }
        .await,
    )
}
