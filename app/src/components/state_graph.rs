//! The lifecycle drawn from its definition: every state where the definition places it,
//! every row of the transition table an arrow, one request's path and current state
//! highlighted.

use leptos::prelude::*;

use crate::lifecycle::definition::{pausable, Target, TABLE};
use crate::lifecycle::{words, State};

const W: i32 = 128;
const H: i32 = 44;
const GAP_X: i32 = 28;
const GAP_Y: i32 = 40;

/// Column and row of a state (the definition's `graph`): the happy path runs along the top.
fn position(s: State) -> (i32, i32) {
    s.def().graph
}

fn center(s: State) -> (i32, i32) {
    let (c, r) = position(s);
    (c * (W + GAP_X) + W / 2 + 4, r * (H + GAP_Y) + H / 2 + 4)
}

/// Every (from, to) the table allows, once each; a dispute's resume goes back to each pausable state.
pub fn edges() -> Vec<(State, State)> {
    let mut out: Vec<(State, State)> = Vec::new();
    for row in TABLE {
        let targets: Vec<State> = match row.to {
            Target::To(s) => vec![s],
            Target::PausedState => pausable().collect(),
        };
        for to in targets {
            if to != row.from && !out.contains(&(row.from, to)) {
                out.push((row.from, to));
            }
        }
    }
    out
}

fn two_lines(label: &str) -> (String, String) {
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() < 3 {
        return (label.to_owned(), String::new());
    }
    let mid = words.len().div_ceil(2);
    (words[..mid].join(" "), words[mid..].join(" "))
}

/// `path`: the (from, to) pairs this request went through; `current`: where it is now.
#[component]
pub fn StateGraph(path: Vec<(State, State)>, current: Option<State>) -> impl IntoView {
    let v = crate::i18n::use_viewer();
    let visited: Vec<State> = path.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let width = 10 * (W + GAP_X);
    let height = 3 * (H + GAP_Y);
    let description = match current {
        Some(c) => {
            let went = path
                .iter()
                .map(|(_, b)| words::state(*b, &v))
                .reduce(|before, after| {
                    v.tr(
                        "lc-graph-then",
                        [("before", before.into()), ("after", after.into())],
                    )
                })
                .unwrap_or_default();
            v.tr(
                "lc-graph-went",
                [("path", went.into()), ("state", words::state(c, &v).into())],
            )
        }
        None => v.t("lc-graph-title"),
    };
    let lines = edges()
        .into_iter()
        .map(|(a, b)| {
            let (x1, y1) = center(a);
            let (x2, y2) = center(b);
            let taken = path.contains(&(a, b));
            view! {
                <line x1=x1 y1=y1 x2=x2 y2=y2 class=if taken { "edge taken" } else { "edge" } marker-end="url(#arrow)"/>
            }
        })
        .collect_view();
    let boxes = crate::lifecycle::State::ALL
        .into_iter()
        .map(|s| {
            let (c, r) = position(s);
            let (x, y) = (c * (W + GAP_X) + 4, r * (H + GAP_Y) + 4);
            let class = if Some(s) == current {
                "state current"
            } else if visited.contains(&s) {
                "state visited"
            } else {
                "state"
            };
            let (l1, l2) = two_lines(&words::state(s, &v));
            let one_line = l2.is_empty();
            view! {
                <g class=class>
                    <rect x=x y=y width=W height=H rx="8"/>
                    {if one_line {
                        view! { <text x=x + W / 2 y=y + H / 2 + 4 text-anchor="middle">{l1}</text> }.into_any()
                    } else {
                        view! {
                            <text x=x + W / 2 y=y + H / 2 - 3 text-anchor="middle">{l1}</text>
                            <text x=x + W / 2 y=y + H / 2 + 11 text-anchor="middle">{l2}</text>
                        }
                        .into_any()
                    }}
                </g>
            }
        })
        .collect_view();
    let label = description.clone();
    view! {
        <figure class="state-graph">
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=label data-testid="state-graph">
                <title>{description}</title>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z"/>
                    </marker>
                </defs>
                {lines}
                {boxes}
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edge_comes_from_the_table() {
        let e = edges();
        assert!(e.contains(&(State::AwaitingResponse, State::Negotiating)));
        assert!(
            e.contains(&(State::Disputed, State::InProgress)),
            "resume goes back to a paused state"
        );
        assert!(
            !e.iter().any(|(a, _)| a.is_terminal()),
            "nothing leaves a terminal state"
        );
    }
}
