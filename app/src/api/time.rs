//! A member's clock and calendar: their time zone, and the private address of their
//! calendar feed.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeSettingsView {
    /// The member's own zone; None: the bank's.
    pub zone: Option<String>,
    /// The bank's default zone.
    pub default_zone: String,
    /// The member's private calendar feed (agreed work), to subscribe to.
    pub feed_url: String,
}

#[server(endpoint = "me/time")]
pub async fn my_time_settings() -> Result<TimeSettingsView, AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::mail::tokens;
    use crate::server::members_store;
    serve(|state| async move {
        let me = require_member()?;
        let generation = members_store::calendar_generation(&state.db.read, me.member_id).await?;
        let secret = state.secret().await?;
        Ok(TimeSettingsView {
            zone: me.zone.map(|z| z.name().to_owned()),
            default_zone: state.config.default_zone.name().to_owned(),
            feed_url: format!(
                "{}/calendar/feed/{}.ics",
                state.config.public_url,
                tokens::calendar_token(&secret, me.member_id, generation)
            ),
        })
    })
    .await
}

/// Sets the member's zone (an IANA name such as `Europe/Madrid`); empty: the bank's.
#[server(endpoint = "me/time/zone")]
pub async fn set_time_zone(time_zone: String) -> Result<(), AppError> {
    use crate::i18n::Zone;
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let me = require_member()?;
        let name = time_zone.trim();
        let zone = if name.is_empty() {
            None
        } else {
            Some(Zone::parse(name).ok_or_else(|| {
                AppError::invalid("time_zone", crate::i18n::page_viewer().t("er-time-zone"))
            })?)
        };
        state.tell(operations::set_time_zone(&state, me.member_id, zone).await?);
        leptos_axum::redirect("/settings?zone_saved=1");
        Ok(())
    })
    .await
}

/// A new private address for the member's calendar feed; the old one stops working.
#[server(endpoint = "me/calendar/renew")]
pub async fn renew_calendar_address() -> Result<(), AppError> {
    use crate::server::context::{require_member, serve};
    use crate::server::operations;
    serve(|state| async move {
        let me = require_member()?;
        state.tell(operations::renew_calendar_address(&state, me.member_id).await?);
        leptos_axum::redirect("/settings?calendar_renewed=1");
        Ok(())
    })
    .await
}
