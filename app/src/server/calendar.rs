//! Agreed work in members' calendars: an `.ics` for one accepted request, and each
//! member's private feed of every request whose terms are agreed and that has a start.
//! Written with the `icalendar` crate; start and end carry the member's zone as TZID
//! (an IANA name, as calendar apps read it), so the event sits at the same instant in
//! every calendar, whatever zone the phone is in.

use crate::server::sql::Reads;
use chrono::{DateTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};

use super::requests_store::{self, RequestWithNames};
use super::StoreError;
use crate::domain::{MemberId, Minutes};
use crate::i18n::Viewer;
use crate::lifecycle::definition::terms_agreed;
use crate::lifecycle::{words, Party};

/// At most this many requests of each side in a feed (the newest).
pub const FEED_LIMIT: i64 = 500;

/// Whether `r` belongs in a calendar: its terms are agreed and it has a start.
pub fn in_calendar(r: &RequestWithNames) -> bool {
    terms_agreed(r.request.state) && r.request.terms.proposed_start.is_some()
}

fn when(viewer: &Viewer, ms: i64) -> Option<CalendarDateTime> {
    let utc = DateTime::<Utc>::from_timestamp_millis(ms)?;
    Some(CalendarDateTime::WithTimezone {
        date_time: utc.with_timezone(&viewer.zone.0).naive_local(),
        tzid: viewer.zone.name().to_owned(),
    })
}

/// One request as a calendar event, for `member` (one of its parties), or None when it
/// has no agreed start.
pub fn event(
    r: &RequestWithNames,
    member: MemberId,
    viewer: &Viewer,
    public_url: &str,
) -> Option<Event> {
    let req = &r.request;
    let start = req.terms.proposed_start.filter(|_| in_calendar(r))?;
    let end = start.plus_millis(req.terms.duration_minutes.saturating_mul(60_000));
    let title = r
        .service_title
        .clone()
        .unwrap_or_else(|| viewer.t("lc-cal-service"));
    let provider = r
        .provider_name
        .clone()
        .unwrap_or_else(|| viewer.t("lc-cal-the-provider"));
    let summary = match req.party_of(member) {
        Some(Party::Provider) => viewer.tr(
            "lc-cal-for",
            [
                ("title", title.into()),
                ("name", (&r.requester_name).into()),
            ],
        ),
        _ => viewer.tr(
            "lc-cal-with",
            [("title", title.into()), ("name", provider.into())],
        ),
    };
    let link = format!("{public_url}/requests/{}", req.id);
    let description = viewer.tr(
        "lc-cal-description",
        [
            ("duration", Minutes(req.terms.duration_minutes).into()),
            ("rate", viewer.decimal(req.terms.rate).into()),
            ("cost", req.terms.cost().into()),
            ("state", words::state(req.state, viewer).into()),
            ("link", link.as_str().into()),
        ],
    );
    let mut e = Event::new();
    e.uid(&format!("request-{}@hourbank", req.id))
        .summary(&summary)
        .description(&description)
        .url(&link)
        .starts(when(viewer, start.0)?)
        .ends(when(viewer, end.0)?);
    if let Some(stamp) = DateTime::<Utc>::from_timestamp_millis(req.updated_at.0) {
        e.timestamp(stamp);
    }
    Some(e.done())
}

/// A calendar of `events`, named `name`, in the viewer's zone.
pub fn calendar(name: &str, viewer: &Viewer, events: Vec<Event>) -> String {
    let mut cal = Calendar::new();
    cal.name(name).timezone(viewer.zone.name());
    for e in events {
        cal.push(e);
    }
    cal.done().to_string()
}

/// The member's feed: every request of theirs, on either side, whose terms are agreed
/// and that has a start, soonest first.
pub async fn feed(
    pool: &Reads,
    member: MemberId,
    viewer: &Viewer,
    bank_name: &str,
    public_url: &str,
) -> Result<String, StoreError> {
    let mut rows = requests_store::list_for(pool, member, Party::Requester, FEED_LIMIT).await?;
    rows.extend(requests_store::list_for(pool, member, Party::Provider, FEED_LIMIT).await?);
    rows.retain(in_calendar);
    rows.sort_by_key(|r| r.request.terms.proposed_start.map(|t| t.0));
    let events = rows
        .iter()
        .filter_map(|r| event(r, member, viewer, public_url))
        .collect();
    Ok(calendar(
        &viewer.tr("lc-cal-name", [("bank", bank_name.into())]),
        viewer,
        events,
    ))
}
