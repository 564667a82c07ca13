use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::requests::{get_request, RateRequest, RequestAction, RequestDetail};
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::components::live::use_live;
use crate::components::state_graph::StateGraph;
use crate::components::terms::{start_line, terms_line, DurationSelect, RateAndStartFields};
use crate::lifecycle::definition::{Input, OnFire};
use crate::lifecycle::machine::{waiting_for, Actor, Event, TEXT_MAX_CHARS};
use crate::lifecycle::request::Party;
use crate::lifecycle::terms::MESSAGE_MAX_CHARS;
use crate::lifecycle::{words, EventKind, State};
use crate::AppError;

fn actor_name(actor: &Actor, d: &RequestDetail) -> String {
    match actor {
        Actor::Member(m) if *m == d.request.requester => d.requester_name.clone(),
        Actor::Member(_) => d.provider_name.clone(),
        Actor::Admin(_) => "an admin".into(),
        Actor::Timer => "the timer".into(),
        Actor::System => "HourBank".into(),
    }
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let act = ServerAction::<RequestAction>::new();
    let rate = ServerAction::<RateRequest>::new();
    let live = use_live();
    let detail = Resource::new(
        move || (id(), act.version().get(), rate.version().get(), live.get()),
        |(id, ..)| get_request(id),
    );
    view! {
        <PageTitle text="Request — HourBank"/>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let d = detail.await?;
                    Ok::<_, AppError>(view! { <RequestView d act rate/> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn RequestView(
    d: RequestDetail,
    act: ServerAction<RequestAction>,
    rate: ServerAction<RateRequest>,
) -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let req = d.request.clone();
    let act_error = Signal::derive(move || act.value().get().and_then(|r| r.err()));
    let rate_error = Signal::derive(move || rate.value().get().and_then(|r| r.err()));
    let id = req.id.to_string();
    let version = req.version.to_string();
    let allowed: Vec<EventKind> = d.allowed.iter().map(|a| a.action).collect();
    let path: Vec<(State, State)> = d
        .history
        .iter()
        .filter_map(|h| h.from.map(|f| (f, h.to)))
        .collect();
    let rounds: Vec<(u32, String, String)> = d
        .history
        .iter()
        .filter_map(|h| match &h.recorded.event {
            Event::Counter { terms } => Some((terms, &h.recorded.actor)),
            _ => None,
        })
        .enumerate()
        .map(|(i, (t, a))| {
            let msg = if t.message.is_empty() {
                String::new()
            } else {
                format!(" — “{}”", t.message)
            };
            (
                i as u32 + 1,
                actor_name(a, &d),
                format!(
                    "{}{}{msg}",
                    terms_line(t, &viewer),
                    t.proposed_start
                        .map(|s| format!(", starting {}", viewer.time(s)))
                        .unwrap_or_default()
                ),
            )
        })
        .collect();
    let hold = words::hold(&req.hold);
    let role = match (d.viewer, d.viewer_is_admin) {
        (Some(Party::Requester), _) => "You asked for this service.",
        (Some(Party::Provider), _) => "You provide this service.",
        (None, true) => "You are viewing this request as an admin.",
        (None, false) => "",
    };
    // One form per allowed action, with the fields the definition's input asks for.
    let actions: Vec<AnyView> = allowed
        .iter()
        .map(|kind| {
            let kind = *kind;
            let field_id = format!("{}-text", kind.as_str());
            let fields = match kind.def().input {
                Input::Nothing => ().into_any(),
                Input::OptionalReason | Input::RequiredReason | Input::Note => view! {
                    <label for=field_id.clone()>{words::text_label(kind)}</label>
                    <textarea id=field_id name="text" rows="2" maxlength=TEXT_MAX_CHARS.to_string() required=kind.def().input.text_required()></textarea>
                }
                .into_any(),
                Input::Terms => view! {
                    <fieldset>
                        <legend>"Counter-offer"</legend>
                        <label for="counter-duration">"Hours"</label>
                        <DurationSelect id="counter-duration" selected=req.terms.duration_minutes/>
                        <RateAndStartFields id_prefix="counter" rate=req.terms.rate start=req.terms.proposed_start/>
                        <label for="counter-message">"Message"</label>
                        <textarea id="counter-message" name="message" rows="2" maxlength=MESSAGE_MAX_CHARS.to_string()></textarea>
                    </fieldset>
                }
                .into_any(),
                Input::SplitAndNote => view! {
                    <label for="split-minutes">{format!("Minutes to the provider (1 to {})", req.hold.amount.0 - 1)}</label>
                    <input id="split-minutes" name="minutes" type="number" min="1" max=(req.hold.amount.0 - 1).to_string()/>
                    <label for=field_id.clone()>{words::text_label(kind)}</label>
                    <textarea id=field_id name="text" rows="2" maxlength=TEXT_MAX_CHARS.to_string() required></textarea>
                }
                .into_any(),
            };
            let (id, version) = (id.clone(), version.clone());
            view! {
                <ActionForm action=act attr:class=format!("action action-{}", kind.as_str())>
                    <input type="hidden" name="request_id" value=id/>
                    <input type="hidden" name="version" value=version/>
                    <input type="hidden" name="action" value=kind.as_str()/>
                    {fields}
                    <button type="submit">{words::button(kind)}</button>
                </ActionForm>
            }
            .into_any()
        })
        .collect();
    let request_id = req.id.to_string();
    let waiting = waiting_for(&req);
    let deadline_line = waiting.until.map(|dl| {
        let then = req
            .state
            .def()
            .deadline
            .map(|d| words::on_fire(d.on_fire))
            .unwrap_or_default();
        format!(
            "Deadline: {} ({}), then {then}.",
            viewer.time(dl),
            viewer.remaining(dl, d.now),
        )
    });
    let is_admin = d.viewer_is_admin;
    // Past the negotiation, the terms on the request are the agreed ones.
    let agreed = crate::lifecycle::definition::terms_agreed(req.state);
    let calendar_link = (agreed && req.terms.proposed_start.is_some() && d.viewer.is_some())
        .then(|| format!("/calendar/requests/{}.ics", req.id));
    let auto_flags = [
        req.auto_confirmed_start
            .then_some("The start was confirmed automatically."),
        req.auto_confirmed_completion
            .then_some("Completion was confirmed automatically."),
    ];
    view! {
        <PageTitle text=format!("{} — request — HourBank", d.service_title)/>
        <h1>{d.service_title.clone()}</h1>
        <p class="lead">
            {format!("{} asked {} · ", d.requester_name, d.provider_name)} {role}
        </p>
        <section class="status-box" aria-labelledby="status-heading">
            <h2 id="status-heading">"Status: " <span data-testid="state" data-state=req.state.as_str()>{words::state(req.state)}</span></h2>
            <p data-testid="waiting-for">"Waiting for " {words::waiting_for(waiting.who, req.state, &d.requester_name, &d.provider_name)} "."</p>
            {deadline_line.map(|l| view! { <p data-testid="deadline">{l}</p> })}
            {req.end_reason.as_ref().map(|r| view! { <p class="end-reason" data-testid="end-reason">{words::end_reason(r)}</p> })}
            {auto_flags.into_iter().flatten().map(|f| view! { <p class="auto">{f}</p> }).collect_view()}
            <p>{terms_line(&req.terms, &viewer)}{(!req.terms.message.is_empty()).then(|| format!(" — “{}”", req.terms.message))}</p>
            <p data-testid="start">
                {start_line(&req.terms, &viewer, agreed)}
                {calendar_link.map(|href| view! { " · " <a href=href data-testid="ics">"Add to calendar (.ics)"</a> })}
            </p>
            <p data-testid="hold">{hold}</p>
        </section>

        <section aria-labelledby="actions-heading" class="actions">
            <h2 id="actions-heading">"What you can do"</h2>
            <FormError error=act_error/>
            <FieldError error=act_error field="text"/>
            <FieldError error=act_error field="terms"/>
            <FieldError error=act_error field="rate"/>
            <FieldError error=act_error field="start"/>
            <FieldError error=act_error field="minutes"/>
            {if actions.is_empty() {
                view! { <p>"Nothing right now."</p> }.into_any()
            } else {
                view! { <div class="action-list">{actions}</div> }.into_any()
            }}
        </section>

        {(!rounds.is_empty()).then(|| view! {
            <section aria-labelledby="negotiation-heading">
                <h2 id="negotiation-heading">"Negotiation"</h2>
                <ol class="rounds">
                    {rounds.into_iter().map(|(n, who, t)| view! { <li>{format!("Round {n}, {who}: {t}")}</li> }).collect_view()}
                </ol>
            </section>
        })}

        {(d.can_rate || !d.ratings.is_empty()).then(|| view! {
            <section aria-labelledby="ratings-heading">
                <h2 id="ratings-heading">"Ratings"</h2>
                <ul>
                    {d.ratings.iter().map(|r| {
                        let who = match r.by { Party::Requester => &d.requester_name, Party::Provider => &d.provider_name };
                        view! { <li>{format!("{who}: {} of 5{}", r.stars, if r.comment.is_empty() { String::new() } else { format!(" — “{}”", r.comment) })}</li> }
                    }).collect_view()}
                </ul>
                {d.can_rate.then(|| view! {
                    <ActionForm action=rate attr:class="stack-form">
                        <FormError error=rate_error/>
                        <input type="hidden" name="request_id" value=request_id.clone()/>
                        <label for="rate-stars">"Stars"</label>
                        <select id="rate-stars" name="stars">
                            <option value="5">"5 — excellent"</option>
                            <option value="4">"4 — good"</option>
                            <option value="3">"3 — fine"</option>
                            <option value="2">"2 — poor"</option>
                            <option value="1">"1 — bad"</option>
                        </select>
                        <FieldError error=rate_error field="stars"/>
                        <label for="rate-comment">"Comment (optional)"</label>
                        <textarea id="rate-comment" name="comment" rows="2" maxlength=TEXT_MAX_CHARS.to_string()></textarea>
                        <button type="submit">"Rate"</button>
                    </ActionForm>
                })}
            </section>
        })}

        <section aria-labelledby="history-heading">
            <h2 id="history-heading">"History"</h2>
            <ol class="timeline" data-testid="history">
                {d.history.iter().map(|h| {
                    // A deadline that confirmed rather than expired.
                    let auto = matches!(h.recorded.event, Event::Deadline { .. })
                        && h.from.and_then(|f| f.def().deadline).is_some_and(|d| d.on_fire != OnFire::Expire);
                    view! {
                        <li>
                            <time datetime=h.recorded.at.to_rfc3339()>{viewer.time(h.recorded.at)}</time>
                            " · " <strong>{actor_name(&h.recorded.actor, &d)}</strong> " · "
                            {words::verb(h.recorded.event.kind())}
                            {format!(" → {}", words::state(h.to))}
                            {h.recorded.event.typed_text().map(|t| view! { <q class="typed">{t.to_owned()}</q> })}
                            {auto.then(|| view! { <span class="badge">" auto-confirmed"</span> })}
                            // Admins see each event's full record, like an execution history.
                            {is_admin.then(|| view! {
                                <details class="payload">
                                    <summary>{format!("event {} details", h.recorded.seq)}</summary>
                                    <pre>{serde_json::to_string_pretty(&(&h.recorded.actor, &h.recorded.event)).unwrap_or_default()}</pre>
                                </details>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>

        <section aria-labelledby="graph-heading">
            <h2 id="graph-heading">"Where this request is in the lifecycle"</h2>
            <StateGraph path=path current=Some(req.state)/>
        </section>
    }
}
