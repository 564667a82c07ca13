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

/// The signed-in member's own services, every status.
#[server(endpoint = "services/mine")]
pub async fn my_services() -> Result<Vec<ServiceSummary>, AppError> {
    use crate::server::context::{app_state, require_member, respond};
    use crate::server::services_store;
    respond(
        async move {
            let actor = require_member()?;
            let state = app_state()?;
            Ok(services_store::list_for_provider(&state.db.read, actor.member_id).await?)
        }
        .await,
    )
}

#[server(endpoint = "services/create")]
pub async fn create_service(
    title: String,
    description: String,
    category: String,
    response_window_hours: i64,
) -> Result<String, AppError> {
    use crate::domain::service::ServiceFields;
    use crate::server::context::{app_state, internal, require_member, respond};
    use crate::server::services_store;
    respond(
        async move {
            let actor = require_member()?;
            let fields =
                ServiceFields::parse(&title, &description, &category, response_window_hours)?;
            let state = app_state()?;
            let mut tx = state.db.write.begin().await.map_err(internal)?;
            let id = services_store::insert(&mut tx, actor.member_id, &fields, state.clock.now())
                .await?;
            tx.commit().await.map_err(internal)?;
            Ok(id.to_string())
        }
        .await,
    )
}

#[server(endpoint = "services/update")]
pub async fn update_service(
    service_id: String,
    title: String,
    description: String,
    category: String,
    response_window_hours: i64,
) -> Result<(), AppError> {
    use crate::domain::service::ServiceFields;
    use crate::domain::ServiceId;
    use crate::server::context::{app_state, internal, require_member, respond};
    use crate::server::services_store;
    respond(
        async move {
            let actor = require_member()?;
            let id: ServiceId = service_id
                .parse()
                .map_err(|_| AppError::invalid("service_id", "That service id is malformed."))?;
            let fields =
                ServiceFields::parse(&title, &description, &category, response_window_hours)?;
            let state = app_state()?;
            let mut tx = state.db.write.begin().await.map_err(internal)?;
            if !services_store::update(&mut tx, actor.member_id, id, &fields).await? {
                return Err(AppError::NotFound(
                    "You have no such service (retired services can't be edited).".into(),
                ));
            }
            tx.commit().await.map_err(internal)?;
            Ok(())
        }
        .await,
    )
}

/// `status`: active, paused or retired. Pausing or retiring stops new requests only.
#[server(endpoint = "services/status")]
pub async fn set_service_status(service_id: String, status: String) -> Result<(), AppError> {
    use crate::domain::service::ServiceStatus;
    use crate::domain::ServiceId;
    use crate::server::context::{app_state, internal, require_member, respond};
    use crate::server::services_store;
    respond(
        async move {
            let actor = require_member()?;
            let id: ServiceId = service_id
                .parse()
                .map_err(|_| AppError::invalid("service_id", "That service id is malformed."))?;
            let status = ServiceStatus::parse(&status)
                .ok_or_else(|| AppError::invalid("status", "Choose active, paused or retired."))?;
            let state = app_state()?;
            let mut tx = state.db.write.begin().await.map_err(internal)?;
            if !services_store::set_status(&mut tx, actor.member_id, id, status).await? {
                return Err(AppError::NotFound(
                    "You have no such service (a retired service stays retired).".into(),
                ));
            }
            tx.commit().await.map_err(internal)?;
            Ok(())
        }
        .await,
    )
}
