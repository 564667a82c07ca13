use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::requests::{my_requests, RequestSummary};
use crate::components::errors::ErrorPage;
use crate::domain::Minutes;
use crate::lifecycle::machine::is_turn_of;
use crate::lifecycle::{words, Party};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    Open,
    Closed,
    All,
}

fn show_from(q: Option<String>) -> Show {
    match q.as_deref() {
        Some("closed") => Show::Closed,
        Some("all") => Show::All,
        _ => Show::Open,
    }
}

fn keep(show: Show, r: &RequestSummary) -> bool {
    match show {
        Show::Open => !r.request.state.is_terminal(),
        Show::Closed => r.request.state.is_terminal(),
        Show::All => true,
    }
}

/// The signed-in member's requests as requester ("My requests") or provider ("Inbox").
#[component]
fn RequestList(party: Party) -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let query = use_query_map();
    let show = move || show_from(query.with(|q| q.get("show")));
    let as_party = match party {
        Party::Requester => "requester",
        Party::Provider => "provider",
    };
    let list = Resource::new(|| (), move |_| my_requests(as_party.to_owned()));
    let base = match party {
        Party::Requester => "/requests",
        Party::Provider => "/inbox",
    };
    let counterpart: &'static str = match party {
        Party::Requester => "rq-col-provider",
        Party::Provider => "rq-col-requester",
    };
    view! {
        <nav class="filters" aria-label=viewer.t("rq-filter-label")>
            <a href=format!("{base}?show=open") aria-current=move || (show() == Show::Open).then_some("page")>{viewer.t("rq-filter-open")}</a>
            <a href=format!("{base}?show=closed") aria-current=move || (show() == Show::Closed).then_some("page")>{viewer.t("rq-filter-closed")}</a>
            <a href=format!("{base}?show=all") aria-current=move || (show() == Show::All).then_some("page")>{viewer.t("rq-filter-all")}</a>
        </nav>
        <Transition fallback=move || view! { <p>{viewer.t("rq-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let mut rows: Vec<RequestSummary> = list.await?.into_iter().filter(|r| keep(show(), r)).collect();
                    // What waits for me first, then the nearest deadline.
                    rows.sort_by_key(|r| (!is_turn_of(&r.request, party), r.request.deadline.map(|d| d.0).unwrap_or(i64::MAX)));
                    if rows.is_empty() {
                        return Ok::<_, crate::AppError>(view! { <p>{viewer.t("rq-nothing-here")}</p> }.into_any());
                    }
                    Ok(view! {
                        <table class="requests">
                            <thead>
                                <tr>
                                    <th scope="col">{viewer.t("rq-col-service")}</th>
                                    <th scope="col">{viewer.t(counterpart)}</th>
                                    <th scope="col">{viewer.t("rq-col-status")}</th>
                                    <th scope="col">{viewer.t("rq-col-hours")}</th>
                                    <th scope="col">{viewer.t("rq-col-start")}</th>
                                    <th scope="col">{viewer.t("rq-col-next-deadline")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let waits_for_me = is_turn_of(&r.request, party);
                                    view! {
                                        <tr class:waiting=waits_for_me data-state=r.request.state.as_str()>
                                            <td><a href=format!("/requests/{}", r.request.id)>{r.service_title.clone()}</a></td>
                                            <td>{r.counterpart_name.clone()}</td>
                                            <td>
                                                {words::state(r.request.state, &viewer)}
                                                {waits_for_me.then(|| view! { <strong class="badge">{viewer.t("rq-your-turn-badge")}</strong> })}
                                            </td>
                                            <td>{Minutes(r.request.terms.duration_minutes).to_string()}</td>
                                            <td data-testid="list-start">{r.request.terms.proposed_start.map(|s| viewer.time(s)).unwrap_or_else(|| "—".into())}</td>
                                            <td>{r.request.deadline.map(|d| viewer.remaining(d, r.now)).unwrap_or_else(|| "—".into())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any())
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
pub fn MyRequestsPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    view! {
        <PageTitle text=viewer.t("rq-my-requests-page-title")/>
        <h1>{viewer.t("rq-my-requests")}</h1>
        <p>{viewer.t("rq-my-requests-intro")} <a href="/services">{viewer.t("rq-find-a-service")}</a></p>
        <RequestList party=Party::Requester/>
    }
}

#[component]
pub fn InboxPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    view! {
        <PageTitle text=viewer.t("rq-inbox-page-title")/>
        <h1>{viewer.t("rq-inbox")}</h1>
        <p>{viewer.t("rq-inbox-intro")}</p>
        <RequestList party=Party::Provider/>
    }
}
