use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::requests::{my_requests, RequestSummary};
use crate::components::errors::ErrorPage;
use crate::components::live::use_live;
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
    let live = use_live();
    let as_party = match party {
        Party::Requester => "requester",
        Party::Provider => "provider",
    };
    let list = Resource::new(
        move || live.get(),
        move |_| my_requests(as_party.to_owned()),
    );
    let base = match party {
        Party::Requester => "/requests",
        Party::Provider => "/inbox",
    };
    let counterpart = match party {
        Party::Requester => "Provider",
        Party::Provider => "Requester",
    };
    view! {
        <nav class="filters" aria-label="Filter by status">
            <a href=format!("{base}?show=open") aria-current=move || (show() == Show::Open).then_some("page")>"Open"</a>
            <a href=format!("{base}?show=closed") aria-current=move || (show() == Show::Closed).then_some("page")>"Closed"</a>
            <a href=format!("{base}?show=all") aria-current=move || (show() == Show::All).then_some("page")>"All"</a>
        </nav>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let mut rows: Vec<RequestSummary> = list.await?.into_iter().filter(|r| keep(show(), r)).collect();
                    // What waits for me first, then the nearest deadline.
                    rows.sort_by_key(|r| (!is_turn_of(&r.request, party), r.request.deadline.map(|d| d.0).unwrap_or(i64::MAX)));
                    if rows.is_empty() {
                        return Ok::<_, crate::AppError>(view! { <p>"Nothing here."</p> }.into_any());
                    }
                    Ok(view! {
                        <table class="requests">
                            <thead>
                                <tr>
                                    <th scope="col">"Service"</th>
                                    <th scope="col">{counterpart}</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col">"Hours"</th>
                                    <th scope="col">"Start"</th>
                                    <th scope="col">"Next deadline"</th>
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
                                                {words::state(r.request.state)}
                                                {waits_for_me.then(|| view! { <strong class="badge">" your turn"</strong> })}
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
    view! {
        <PageTitle text="My requests — HourBank"/>
        <h1>"My requests"</h1>
        <p>"Services you asked other members for. " <a href="/services">"Find a service"</a></p>
        <RequestList party=Party::Requester/>
    }
}

#[component]
pub fn InboxPage() -> impl IntoView {
    view! {
        <PageTitle text="Inbox — HourBank"/>
        <h1>"Inbox"</h1>
        <p>"Requests for your services. Those waiting for you come first."</p>
        <RequestList party=Party::Provider/>
    }
}
