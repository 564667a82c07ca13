use crate::components::safe_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::requests::{get_request, RateRequest, RequestAction, RequestDetail};
use crate::components::errors::{ErrorPage, FieldError, FormError};
use crate::components::state_graph::StateGraph;
use crate::components::terms::{start_line, terms_line, DurationSelect, RateAndStartFields};
use crate::i18n::Viewer;
use crate::lifecycle::definition::{Input, OnFire};
use crate::lifecycle::machine::{waiting_for, Actor, Event, TEXT_MAX_CHARS};
use crate::lifecycle::request::Party;
use crate::lifecycle::terms::MESSAGE_MAX_CHARS;
use crate::lifecycle::{words, EventKind, State};
use crate::AppError;

fn actor_name(actor: &Actor, d: &RequestDetail, v: &Viewer) -> String {
    match actor {
        Actor::Member(m) if *m == d.request.requester => d.requester_name.clone(),
        Actor::Member(_) => d.provider_name.clone(),
        Actor::Admin(_) => v.t("rq-actor-admin"),
        Actor::Timer => v.t("rq-actor-timer"),
        Actor::System => "HourBank".into(),
    }
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let act = ServerAction::<RequestAction>::new();
    let rate = ServerAction::<RateRequest>::new();
    let detail = Resource::new(
        move || (id(), act.version().get(), rate.version().get()),
        |(id, ..)| get_request(id),
    );
    view! {
        <PageTitle text=viewer.t("rq-request-page-title")/>
        <Transition fallback=move || view! { <p>{viewer.t("rq-loading")}</p> }>
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
                actor_name(a, &d, &viewer),
                format!(
                    "{}{}{msg}",
                    terms_line(t, &viewer),
                    t.proposed_start
                        .map(|s| viewer.tr("rq-round-starting", [("time", viewer.time(s).into())]))
                        .unwrap_or_default()
                ),
            )
        })
        .collect();
    let hold = words::hold(&req.hold, &viewer);
    let role = match (d.viewer, d.viewer_is_admin) {
        (Some(Party::Requester), _) => viewer.t("rq-role-requester"),
        (Some(Party::Provider), _) => viewer.t("rq-role-provider"),
        (None, true) => viewer.t("rq-role-admin"),
        (None, false) => String::new(),
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
                    <label for=field_id.clone()>{words::text_label(kind, &viewer)}</label>
                    <textarea id=field_id name="text" rows="2" maxlength=TEXT_MAX_CHARS.to_string() required=kind.def().input.text_required()></textarea>
                }
                .into_any(),
                Input::Terms => view! {
                    <fieldset>
                        <legend>{viewer.t("rq-counter-offer")}</legend>
                        <label for="counter-duration">{viewer.t("rq-counter-hours")}</label>
                        <DurationSelect id="counter-duration" selected=req.terms.duration_minutes/>
                        <RateAndStartFields id_prefix="counter" rate=req.terms.rate start=req.terms.proposed_start/>
                        <label for="counter-message">{viewer.t("rq-counter-message")}</label>
                        <textarea id="counter-message" name="message" rows="2" maxlength=MESSAGE_MAX_CHARS.to_string()></textarea>
                    </fieldset>
                }
                .into_any(),
                Input::SplitAndNote => view! {
                    <label for="split-minutes">{viewer.tr("rq-split-minutes", [("max", (req.hold.amount.0 - 1).into())])}</label>
                    <input id="split-minutes" name="minutes" type="number" min="1" max=(req.hold.amount.0 - 1).to_string()/>
                    <label for=field_id.clone()>{words::text_label(kind, &viewer)}</label>
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
                    <button type="submit">{words::button(kind, &viewer)}</button>
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
            .map(|d| words::on_fire(d.on_fire, &viewer))
            .unwrap_or_default();
        viewer.tr(
            "rq-deadline",
            [
                ("time", viewer.time(dl).into()),
                ("remaining", viewer.remaining(dl, d.now).into()),
                ("then", then.into()),
            ],
        )
    });
    let is_admin = d.viewer_is_admin;
    // Past the negotiation, the terms on the request are the agreed ones.
    let agreed = crate::lifecycle::definition::terms_agreed(req.state);
    let calendar_link = (agreed && req.terms.proposed_start.is_some() && d.viewer.is_some())
        .then(|| format!("/calendar/requests/{}.ics", req.id));
    let auto_flags = [
        req.auto_confirmed_start.then(|| viewer.t("rq-auto-start")),
        req.auto_confirmed_completion
            .then(|| viewer.t("rq-auto-completion")),
    ];
    view! {
        <PageTitle text=viewer.tr("rq-detail-page-title", [("service", d.service_title.clone().into())])/>
        <h1>{d.service_title.clone()}</h1>
        <p class="lead">
            {viewer.tr("rq-lead", [("requester", d.requester_name.clone().into()), ("provider", d.provider_name.clone().into())])} {role}
        </p>
        <section class="status-box" aria-labelledby="status-heading">
            <h2 id="status-heading">{viewer.t("rq-status")} <span data-testid="state" data-state=req.state.as_str()>{words::state(req.state, &viewer)}</span></h2>
            <p data-testid="waiting-for">{viewer.tr("rq-waiting-for", [("who", words::waiting_for(waiting.who, req.state, &d.requester_name, &d.provider_name, &viewer).into())])}</p>
            {deadline_line.map(|l| view! { <p data-testid="deadline">{l}</p> })}
            {req.end_reason.as_ref().map(|r| view! { <p class="end-reason" data-testid="end-reason">{words::end_reason(r, &viewer)}</p> })}
            {auto_flags.into_iter().flatten().map(|f| view! { <p class="auto">{f}</p> }).collect_view()}
            <p>{terms_line(&req.terms, &viewer)}{(!req.terms.message.is_empty()).then(|| format!(" — “{}”", req.terms.message))}</p>
            <p data-testid="start">
                {start_line(&req.terms, &viewer, agreed)}
                {calendar_link.map(|href| view! { " · " <a href=href data-testid="ics">{viewer.t("rq-add-to-calendar")}</a> })}
            </p>
            <p data-testid="hold">{hold}</p>
        </section>

        <section aria-labelledby="actions-heading" class="actions">
            <h2 id="actions-heading">{viewer.t("rq-what-you-can-do")}</h2>
            <FormError error=act_error/>
            <FieldError error=act_error field="text"/>
            <FieldError error=act_error field="terms"/>
            <FieldError error=act_error field="rate"/>
            <FieldError error=act_error field="start"/>
            <FieldError error=act_error field="minutes"/>
            {if actions.is_empty() {
                view! { <p>{viewer.t("rq-nothing-right-now")}</p> }.into_any()
            } else {
                view! { <div class="action-list">{actions}</div> }.into_any()
            }}
        </section>

        {(!rounds.is_empty()).then(|| view! {
            <section aria-labelledby="negotiation-heading">
                <h2 id="negotiation-heading">{viewer.t("rq-negotiation")}</h2>
                <ol class="rounds">
                    {rounds.into_iter().map(|(n, who, t)| view! { <li>{viewer.tr("rq-round", [("n", n.into()), ("who", who.into()), ("terms", t.into())])}</li> }).collect_view()}
                </ol>
            </section>
        })}

        {(d.can_rate || !d.ratings.is_empty()).then(|| view! {
            <section aria-labelledby="ratings-heading">
                <h2 id="ratings-heading">{viewer.t("rq-ratings")}</h2>
                <ul>
                    {d.ratings.iter().map(|r| {
                        let who = match r.by { Party::Requester => &d.requester_name, Party::Provider => &d.provider_name };
                        view! { <li>{viewer.tr("rq-rating", [("who", who.into()), ("stars", r.stars.into()), ("comment", (if r.comment.is_empty() { String::new() } else { format!(" — “{}”", r.comment) }).into())])}</li> }
                    }).collect_view()}
                </ul>
                {d.can_rate.then(|| view! {
                    <ActionForm action=rate attr:class="stack-form">
                        <FormError error=rate_error/>
                        <input type="hidden" name="request_id" value=request_id.clone()/>
                        <label for="rate-stars">{viewer.t("rq-stars")}</label>
                        <select id="rate-stars" name="stars">
                            <option value="5">{viewer.t("rq-stars-5")}</option>
                            <option value="4">{viewer.t("rq-stars-4")}</option>
                            <option value="3">{viewer.t("rq-stars-3")}</option>
                            <option value="2">{viewer.t("rq-stars-2")}</option>
                            <option value="1">{viewer.t("rq-stars-1")}</option>
                        </select>
                        <FieldError error=rate_error field="stars"/>
                        <label for="rate-comment">{viewer.t("rq-rate-comment")}</label>
                        <textarea id="rate-comment" name="comment" rows="2" maxlength=TEXT_MAX_CHARS.to_string()></textarea>
                        <button type="submit">{viewer.t("rq-rate")}</button>
                    </ActionForm>
                })}
            </section>
        })}

        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{viewer.t("rq-history")}</h2>
            <ol class="timeline" data-testid="history">
                {d.history.iter().map(|h| {
                    // A deadline that confirmed rather than expired.
                    let auto = matches!(h.recorded.event, Event::Deadline { .. })
                        && h.from.and_then(|f| f.def().deadline).is_some_and(|d| d.on_fire != OnFire::Expire);
                    view! {
                        <li>
                            <time datetime=h.recorded.at.to_rfc3339()>{viewer.time(h.recorded.at)}</time>
                            " · " <strong>{actor_name(&h.recorded.actor, &d, &viewer)}</strong> " · "
                            {words::verb(h.recorded.event.kind(), &viewer)}
                            {format!(" → {}", words::state(h.to, &viewer))}
                            {h.recorded.event.typed_text().map(|t| view! { <q class="typed">{t.to_owned()}</q> })}
                            {auto.then(|| view! { <span class="badge">{viewer.t("rq-auto-confirmed-badge")}</span> })}
                            // Admins see each event's full record, like an execution history.
                            {is_admin.then(|| view! {
                                <details class="payload">
                                    <summary>{viewer.tr("rq-event-details", [("seq", h.recorded.seq.into())])}</summary>
                                    <pre>{serde_json::to_string_pretty(&(&h.recorded.actor, &h.recorded.event)).unwrap_or_default()}</pre>
                                </details>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>

        <section aria-labelledby="graph-heading">
            <h2 id="graph-heading">{viewer.t("rq-lifecycle-heading")}</h2>
            <StateGraph path=path current=Some(req.state)/>
        </section>
    }
}
