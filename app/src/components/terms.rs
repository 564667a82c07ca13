//! Showing and choosing terms.

use leptos::prelude::*;

use crate::domain::Minutes;
use crate::lifecycle::terms::{DURATION_MAX_MINUTES, DURATION_STEP_MINUTES};
use crate::lifecycle::Terms;

/// Every duration a request may ask for: 15-minute steps to 8 h, then whole hours to 40 h.
pub fn duration_choices() -> Vec<i64> {
    let mut v: Vec<i64> = (1..=32).map(|n| n * DURATION_STEP_MINUTES).collect();
    v.extend((9..=DURATION_MAX_MINUTES / 60).map(|h| h * 60));
    v
}

/// A `<select>` of durations, `selected` preselected.
#[component]
pub fn DurationSelect(
    id: &'static str,
    selected: i64,
    #[prop(optional)] on_pick: Option<WriteSignal<i64>>,
) -> impl IntoView {
    view! {
        <select
            id=id
            name="duration_minutes"
            on:change=move |ev| {
                if let (Some(set), Ok(v)) = (on_pick, event_target_value(&ev).parse::<i64>()) {
                    set.set(v);
                }
            }
        >
            {duration_choices()
                .into_iter()
                .map(|m| view! { <option value=m.to_string() selected=m == selected>{Minutes(m).to_string()}</option> })
                .collect_view()}
        </select>
    }
}

/// "1 h 30 min at rate 1.00 — costs 1 h 30 min"
pub fn terms_line(t: &Terms) -> String {
    format!(
        "{} at rate {} — costs {}",
        Minutes(t.duration_minutes),
        t.rate_label(),
        t.cost()
    )
}
