//! Who reads a page: their language and their time zone. The server decides it for each
//! request (the member's settings, else the bank's default) and puts it on `<html lang
//! data-tz>`; the browser reads it back from there, so both render the same words.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{format, Arg, Lang, Text, Zone};
use crate::domain::Timestamp;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub lang: Lang,
    pub zone: Zone,
}

impl Viewer {
    /// "Tue, Dec 8, 2026, 10:00 AM EST": an instant in the reader's zone, with its abbreviation.
    pub fn time(&self, t: Timestamp) -> String {
        format::date_time(self.lang, self.zone, t)
    }

    /// "Tue, Dec 8, 2026": the day an instant falls on in the reader's zone.
    pub fn date(&self, t: Timestamp) -> String {
        format::date(self.lang, self.zone, t)
    }

    /// The value an `<input type="datetime-local">` shows for `t`: "2026-12-08T10:00".
    pub fn local_input(&self, t: Timestamp) -> String {
        format::local_input(self.zone, t)
    }

    /// "2026-12-08 16:00 CET": sortable, for files (the statement CSV).
    pub fn sortable_time(&self, t: Timestamp) -> String {
        format::sortable(self.zone, t)
    }

    /// "in 23 h 5 min", "in 4 min", "overdue".
    pub fn remaining(&self, deadline: Timestamp, now: Timestamp) -> String {
        format::remaining(self.lang, deadline, now)
    }

    /// A rate or other amount in hundredths: 125 → "1.25".
    pub fn decimal(&self, hundredths: i64) -> String {
        format::decimal(self.lang, hundredths)
    }

    pub fn text(&self, t: &Text) -> String {
        t.render(self.lang, self.zone)
    }

    /// The catalogue's words for `key`, in the reader's language.
    pub fn t(&self, key: &'static str) -> String {
        Text::new(key).render(self.lang, self.zone)
    }

    /// The words for `key` with its arguments: `v.tr("req-round", [("n", n.into())])`.
    pub fn tr<const N: usize>(&self, key: &'static str, args: [(&'static str, Arg); N]) -> String {
        let mut t = Text::new(key);
        for (name, value) in args {
            t = t.with(name, value);
        }
        t.render(self.lang, self.zone)
    }
}

/// Puts the viewer in the context: on the server from the request (see
/// `server::viewer`), in the browser from the `<html>` element the server rendered.
pub fn provide_viewer() {
    provide_context(current());
}

/// The viewer as the request (server) or the rendered `<html>` (browser) has it: for the
/// shell, which renders `<html lang data-tz>` before any context exists.
pub fn page_viewer() -> Viewer {
    current()
}

/// The viewer of the page being rendered (English in UTC when there is none).
pub fn use_viewer() -> Viewer {
    use_context::<Viewer>().unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn current() -> Viewer {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<Viewer>().copied())
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn current() -> Viewer {
    let html = document().document_element();
    let attr = |name: &str| html.as_ref().and_then(|h| h.get_attribute(name));
    Viewer {
        lang: attr("lang")
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default(),
        zone: attr("data-tz")
            .and_then(|z| Zone::parse(&z))
            .unwrap_or_default(),
    }
}
