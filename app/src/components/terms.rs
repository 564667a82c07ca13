//! Showing and choosing terms.

use leptos::prelude::*;

use crate::domain::{Minutes, Timestamp};
use crate::i18n::{use_viewer, Viewer};
use crate::lifecycle::terms::{
    DURATION_MAX_MINUTES, DURATION_STEP_MINUTES, RATE_MAX, RATE_MIN, START_MAX_AHEAD_MS,
};
use crate::lifecycle::Terms;

/// Every duration a request may ask for: 15-minute steps to 8 h, then whole hours to 40 h.
pub fn duration_choices() -> Vec<i64> {
    let mut v: Vec<i64> = (1..=32).map(|n| n * DURATION_STEP_MINUTES).collect();
    v.extend((9..=DURATION_MAX_MINUTES / 60).map(|h| h * 60));
    v
}

/// A `<select>` of durations, `selected` preselected.
#[component]
pub fn DurationSelect(id: &'static str, selected: i64) -> impl IntoView {
    view! {
        <select id=id name="duration_minutes">
            {duration_choices()
                .into_iter()
                .map(|m| view! { <option value=m.to_string() selected=m == selected>{Minutes(m).to_string()}</option> })
                .collect_view()}
        </select>
    }
}

/// "1 h 30 min at rate 1.00 — costs 1 h 30 min"
pub fn terms_line(t: &Terms, v: &Viewer) -> String {
    v.tr(
        "rq-terms-line",
        [
            ("duration", Minutes(t.duration_minutes).into()),
            ("rate", v.decimal(t.rate).into()),
            ("cost", t.cost().into()),
        ],
    )
}

/// "Starts Tue, Dec 8, 2026, 10:00 AM EST" (or "Start: not set").
pub fn start_line(t: &Terms, v: &Viewer, agreed: bool) -> String {
    match (t.proposed_start, agreed) {
        (Some(s), true) => v.tr("rq-start-agreed", [("time", v.time(s).into())]),
        (Some(s), false) => v.tr("rq-start-proposed", [("time", v.time(s).into())]),
        (None, _) => v.t("rq-start-not-set"),
    }
}

/// The fields that propose terms' rate and start, for the request form and the
/// counter-offer: a rate ("1.25") and a date and time in the viewer's zone.
#[component]
pub fn RateAndStartFields(
    id_prefix: &'static str,
    rate: i64,
    start: Option<Timestamp>,
) -> impl IntoView {
    let v = use_viewer();
    let rate_id = format!("{id_prefix}-rate");
    let start_id = format!("{id_prefix}-start");
    let start_hint = format!("{start_id}-hint");
    view! {
        <label for=rate_id.clone()>{v.tr(
            "rq-rate-label",
            [("min", v.decimal(RATE_MIN).into()), ("max", v.decimal(RATE_MAX).into())],
        )}</label>
        <input
            id=rate_id
            name="rate"
            type="text"
            inputmode="decimal"
            value=v.decimal(rate)
        />
        <label for=start_id.clone()>{v.t("rq-start-optional")}</label>
        <input
            id=start_id
            name="start"
            type="datetime-local"
            aria-describedby=start_hint.clone()
            value=start.map(|s| v.local_input(s)).unwrap_or_default()
        />
        <p class="hint" id=start_hint>{v.tr(
            "rq-start-hint",
            [("zone", v.zone.name().into()), ("days", (START_MAX_AHEAD_MS / (24 * 3_600_000)).into())],
        )}</p>
    }
}

/// What the request form says a choice of terms will hold, with `{cost}` and `{after}`
/// where the amounts go: the sentence is the reader's, from the server's catalogue.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CostWords {
    pub sentence: String,
}

/// The request form's cost line, kept up to date as the member picks a duration or
/// types a rate (an island: the rest of the form is plain server-rendered HTML, and
/// posts the same with or without JavaScript). It listens on the document for the
/// fields named by id, since an island cannot own the server-rendered fields' handlers.
#[island]
pub fn CostPreview(
    words: CostWords,
    duration_id: String,
    rate_id: String,
    minutes: i64,
    rate: i64,
    available: Option<i64>,
) -> impl IntoView {
    let minutes = RwSignal::new(minutes);
    let rate = RwSignal::new(rate);
    #[cfg(feature = "hydrate")]
    {
        let edited = move |ev: web_sys::Event| {
            use wasm_bindgen::JsCast;
            let Some(field) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let value = event_target_value(&ev);
            if field.id() == duration_id {
                if let Ok(m) = value.parse::<i64>() {
                    minutes.set(m);
                }
            } else if field.id() == rate_id {
                if let Some(r) = crate::api::requests::parse_typed_rate(&value) {
                    rate.set(r);
                }
            }
        };
        let on_input = edited.clone();
        // The island lives as long as the page: its listeners are never removed.
        std::mem::forget(window_event_listener(leptos::ev::input, on_input));
        std::mem::forget(window_event_listener(leptos::ev::change, edited));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (duration_id, rate_id);
    let line = move || {
        let cost = Terms {
            duration_minutes: minutes.get(),
            rate: rate.get(),
            proposed_start: None,
            message: String::new(),
        }
        .cost();
        let after = available
            .map(|a| Minutes(a - cost.0).to_string())
            .unwrap_or_default();
        words
            .sentence
            .replace("{cost}", &cost.to_string())
            .replace("{after}", &after)
    };
    view! { <p class="cost" data-testid="cost-preview">{line}</p> }
}
