//! The services directory.

use leptos::prelude::*;

use crate::domain::service::ServiceSummary;
use crate::AppError;

pub const DIRECTORY_LIMIT: i64 = 100;
/// Longest search text the directory (and the admin member list) accepts.
pub const SEARCH_MAX_CHARS: usize = 100;

/// Refuses search text longer than [`SEARCH_MAX_CHARS`]; `field` names the form field.
pub fn check_search(field: &str, search: &str) -> Result<(), AppError> {
    if search.chars().count() > SEARCH_MAX_CHARS {
        let v = crate::i18n::page_viewer();
        return Err(AppError::invalid(
            field,
            v.tr("er-search-too-long", [("max", SEARCH_MAX_CHARS.into())]),
        ));
    }
    if crate::domain::text::has_unprintable(search) {
        let v = crate::i18n::page_viewer();
        return Err(AppError::invalid(field, v.t("er-search-unprintable")));
    }
    Ok(())
}

/// Active services matching `search`, newest first. Open to everyone, signed in or not.
#[server(endpoint = "services")]
pub async fn list_services(search: String) -> Result<Vec<ServiceSummary>, AppError> {
    use crate::server::context::serve;
    use crate::server::services_store;
    serve(|state| async move {
        check_search("q", &search)?;
        Ok(services_store::list_active(&state.db.read, &search, DIRECTORY_LIMIT).await?)
    })
    .await
}

#[server(endpoint = "services/get")]
pub async fn get_service(service_id: String) -> Result<ServiceSummary, AppError> {
    use crate::domain::ServiceId;
    use crate::server::context::serve;
    use crate::server::services_store;
    serve(|state| async move {
        let v = crate::i18n::page_viewer();
        let id: ServiceId = service_id
            .parse()
            .map_err(|_| AppError::NotFound(v.t("er-no-such-service")))?;
        Ok(services_store::get(&state.db.read, id).await?)
    })
    .await
}

/// A member as others see them: their services, average rating and reviews.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    pub display_name: String,
    pub services: Vec<ServiceSummary>,
    pub rating: Option<i64>,
    pub rating_count: i64,
    pub reviews: Vec<Review>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Review {
    pub stars: i64,
    pub comment: String,
    pub by: String,
    pub at: crate::domain::Timestamp,
}

#[server(endpoint = "members/profile")]
pub async fn member_profile(member_id: String) -> Result<Profile, AppError> {
    use crate::domain::service::ServiceStatus;
    use crate::domain::MemberId;
    use crate::server::context::serve;
    use crate::server::{members_store, services_store};
    serve(|state| async move {
        let v = crate::i18n::page_viewer();
        let id: MemberId = member_id
            .parse()
            .map_err(|_| AppError::NotFound(v.t("er-no-such-member")))?;
        let m = members_store::get(&state.db.read, id).await?;
        if !m.active {
            return Err(AppError::NotFound(v.t("er-no-such-member")));
        }
        let services: Vec<ServiceSummary> = services_store::list_for_provider(&state.db.read, id)
            .await?
            .into_iter()
            .filter(|s| s.status == ServiceStatus::Active)
            .collect();
        let reviews: Vec<Review> = services_store::reviews_of(&state.db.read, id, 100)
            .await?
            .into_iter()
            .map(|r| Review {
                stars: r.stars,
                comment: r.comment,
                by: r.by,
                at: r.at,
            })
            .collect();
        let rating_count = reviews.len() as i64;
        let rating = (rating_count > 0)
            .then(|| reviews.iter().map(|r| r.stars * 100).sum::<i64>() / rating_count);
        Ok(Profile {
            display_name: m.display_name,
            services,
            rating,
            rating_count,
            reviews,
        })
    })
    .await
}

/// The signed-in member's own services, every status.
#[server(endpoint = "services/mine")]
pub async fn my_services() -> Result<Vec<ServiceSummary>, AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::services_store;
    serve(|state| async move {
        let actor = require_member()?;
        Ok(services_store::list_for_provider(&state.db.read, actor.member_id).await?)
    })
    .await
}

#[server(endpoint = "services/create")]
pub async fn create_service(
    title: String,
    description: String,
    category: String,
    response_window_hours: i64,
) -> Result<String, AppError> {
    use crate::domain::service::ServiceFields;
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let actor = require_member()?;
        let fields = ServiceFields::parse(&title, &description, &category, response_window_hours)?;
        let id = state.tell(operations::create_service(&state, actor.member_id, &fields).await?);
        Ok(id.to_string())
    })
    .await
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
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let actor = require_member()?;
        let v = crate::i18n::page_viewer();
        let id: ServiceId = service_id
            .parse()
            .map_err(|_| AppError::invalid("service_id", v.t("er-service-id-malformed")))?;
        let fields = ServiceFields::parse(&title, &description, &category, response_window_hours)?;
        let found = operations::update_service(&state, actor.member_id, id, &fields).await?;
        if !state.tell(found) {
            return Err(AppError::NotFound(v.t("er-service-not-editable")));
        }
        Ok(())
    })
    .await
}

/// `status`: active, paused or retired. Pausing or retiring stops new requests only.
#[server(endpoint = "services/status")]
pub async fn set_service_status(service_id: String, status: String) -> Result<(), AppError> {
    use crate::domain::service::ServiceStatus;
    use crate::domain::ServiceId;
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let actor = require_member()?;
        let v = crate::i18n::page_viewer();
        let id: ServiceId = service_id
            .parse()
            .map_err(|_| AppError::invalid("service_id", v.t("er-service-id-malformed")))?;
        let status = ServiceStatus::parse(&status)
            .ok_or_else(|| AppError::invalid("status", v.t("er-service-status")))?;
        let found = operations::set_service_status(&state, actor.member_id, id, status).await?;
        if !state.tell(found) {
            return Err(AppError::NotFound(v.t("er-service-stays-retired")));
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_limited() {
        assert!(check_search("q", "").is_ok());
        assert!(check_search("q", &"é".repeat(SEARCH_MAX_CHARS)).is_ok());
        let err = check_search("q", &"é".repeat(SEARCH_MAX_CHARS + 1)).unwrap_err();
        assert_eq!(err.field(), Some("q"));
        assert_eq!(err.status_code(), 400);
        assert_eq!(check_search("q", "a\0").unwrap_err().field(), Some("q"));
    }
}
