use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::dashboard::{admin_dashboard, AdminRetryTimer, DayCounts, Percentiles, DAY_MS};
use crate::components::admin_only::AdminOnly;
use crate::components::errors::{ErrorPage, FormError};
use crate::domain::Timestamp;
use crate::i18n::Viewer;
use crate::lifecycle::definition::DAILY_COUNTS;
use crate::lifecycle::words;

/// The chart's colours, one per series of the definition's `DAILY_COUNTS`.
const COLOURS: [&str; 6] = [
    "#0f6f6b", "#2f8f3a", "#8a5a00", "#6b6f76", "#a4161a", "#5b2a86",
];

/// (label, colour) of each series.
fn series(v: Viewer) -> impl Iterator<Item = (String, &'static str)> {
    DAILY_COUNTS
        .iter()
        .map(move |s| words::daily_count(*s, &v))
        .zip(COLOURS)
}

fn values(c: &DayCounts) -> &[i64] {
    &c.counts
}

fn duration(ms: i64) -> String {
    let m = ms / 60_000;
    match (m / 60, m % 60) {
        (0, 0) => format!("{} s", ms / 1000),
        (0, m) => format!("{m} min"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn timing(p: &Option<Percentiles>, v: &Viewer) -> String {
    match p {
        Some(p) => v.tr(
            "ad-timing",
            [
                ("median", duration(p.median_ms).into()),
                ("p90", duration(p.p90_ms).into()),
                ("count", p.count.into()),
            ],
        ),
        None => v.t("ad-no-data-yet"),
    }
}

fn day_label(day: i64) -> String {
    Timestamp(day * DAY_MS).to_utc_string()[5..10].to_owned()
}

#[component]
fn DayChart(days: Vec<DayCounts>) -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let max = days
        .iter()
        .map(|d| values(d).iter().sum::<i64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let (bar, gap, height) = (34, 12, 160);
    let width = days.len() as i32 * (bar + gap) + gap;
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = gap + i as i32 * (bar + gap);
            let mut y = height;
            let segments = values(d)
                .iter()
                .zip(series(viewer))
                .filter(|(v, _)| **v > 0)
                .map(|(v, (_, color))| {
                    let h = (*v as i32 * (height - 10)) / max as i32;
                    y -= h;
                    view! { <rect x=x y=y width=bar height=h fill=color/> }
                })
                .collect_view();
            view! {
                <g>
                    {segments}
                    <text x=x + bar / 2 y=height + 14 text-anchor="middle" font-size="10">{day_label(d.day)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {width} {}", height + 20) role="img" aria-label=viewer.t("ad-chart-label") class="day-chart">
            {bars}
        </svg>
        <p class="legend">
            {series(viewer).map(|(name, color)| view! { <span><svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill=color/></svg>{name}</span> }).collect_view()}
        </p>
    }
}

#[component]
pub fn AdminDashboardPage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    view! {
        <PageTitle text=viewer.t("ad-dashboard-page-title")/>
        <AdminOnly>
            <DashboardBody/>
        </AdminOnly>
    }
}

#[component]
fn DashboardBody() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let retry = ServerAction::<AdminRetryTimer>::new();
    let data = Resource::new(move || retry.version().get(), |_| admin_dashboard());
    let retry_error = Signal::derive(move || retry.value().get().and_then(|r| r.err()));
    view! {
        <h1>{viewer.t("ad-dashboard-heading")}</h1>
        <p><a href="/admin/disputes">{viewer.t("ad-open-disputes")}</a> " · " <a href="/admin/members">{viewer.t("ad-members")}</a></p>
        <Transition fallback=move || view! { <p>{viewer.t("ad-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let d = data.await?;
                    let c = d.conservation.clone();
                    Ok::<_, crate::AppError>(view! {
                        <section class="cards">
                            <div class=if c.holds { "card ok" } else { "card bad" } data-testid="conservation">
                                <h2>{viewer.t("ad-conservation")}</h2>
                                <p>{if c.holds { viewer.t("ad-conservation-balanced") } else { viewer.t("ad-conservation-broken") }}</p>
                                <p class="small">{viewer.tr("ad-conservation-detail", [("total", c.total.into()), ("mismatched", c.mismatched_accounts.into()), ("negative", c.negative_accounts.into()), ("unbalanced", c.unbalanced_transfers.into())])}</p>
                                <p class="small">{viewer.t("ad-conservation-checked")} " " <time datetime=c.checked_at.to_rfc3339()>{viewer.time(c.checked_at)}</time></p>
                            </div>
                            <div class="card"><h2>{viewer.t("ad-in-escrow-now")}</h2><p data-testid="in-escrow">{d.in_escrow.to_string()}</p></div>
                            <div class="card"><h2>{viewer.t("ad-success-rate")}</h2><p data-testid="success-rate">{d.success_percent.map(|p| format!("{p} %")).unwrap_or_else(|| "—".into())}</p><p class="small">{viewer.t("ad-success-rate-hint")}</p></div>
                            <div class="card"><h2>{viewer.t("ad-auto-confirmed")}</h2><p data-testid="auto-confirmed">{viewer.tr("ad-auto-confirmed-counts", [("starts", d.auto_confirmed_start.into()), ("completions", d.auto_confirmed_completion.into())])}</p></div>
                        </section>
                        <section>
                            <h2>{viewer.t("ad-timings")}</h2>
                            <p class="small">{viewer.tr("ad-timings-window", [("count", d.per_day.len().into())])}</p>
                            <p data-testid="response-time">{viewer.tr("ad-response-time", [("timing", timing(&d.provider_response, &viewer).into())])}</p>
                            <p data-testid="payment-time">{viewer.tr("ad-payment-time", [("timing", timing(&d.time_to_payment, &viewer).into())])}</p>
                        </section>
                        <section>
                            <h2>{viewer.t("ad-requests-by-state")}</h2>
                            <table class="requests" data-testid="by-state">
                                <thead><tr><th scope="col">{viewer.t("ad-col-state")}</th><th scope="col">{viewer.t("ad-col-requests")}</th></tr></thead>
                                <tbody>
                                    {d.by_state.iter().map(|(s, n)| view! { <tr data-state=s.clone()><td>{s.clone()}</td><td class="num">{*n}</td></tr> }).collect_view()}
                                </tbody>
                            </table>
                        </section>
                        <section>
                            <h2>{viewer.tr("ad-last-days", [("count", d.per_day.len().into())])}</h2>
                            <DayChart days=d.per_day.clone()/>
                            <table class="requests" data-testid="per-day">
                                <thead><tr><th scope="col">{viewer.t("ad-col-day")}</th>{series(viewer).map(|(n, _)| view! { <th scope="col">{n}</th> }).collect_view()}</tr></thead>
                                <tbody>
                                    {d.per_day.iter().rev().filter(|c| values(c).iter().any(|v| *v > 0)).map(|c| view! {
                                        <tr><td>{day_label(c.day)}</td>{values(c).iter().map(|v| view! { <td class="num">{*v}</td> }).collect_view()}</tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </section>
                        <section aria-labelledby="alarms-heading">
                            <h2 id="alarms-heading">{viewer.t("ad-alarms")}</h2>
                            {if d.alarms.is_empty() {
                                view! { <p data-testid="alarms">{viewer.t("ad-alarms-none")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="alarms" data-testid="alarms">
                                        {d.alarms.clone().into_iter().map(|a| view! {
                                            <li><time datetime=a.raised_at.to_rfc3339()>{viewer.time(a.raised_at)}</time> " " {a.detail}</li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                        <section aria-labelledby="mail-heading">
                            <h2 id="mail-heading">{viewer.t("ad-mail")}</h2>
                            {match d.mail.clone() {
                                None => view! { <p data-testid="mail">{viewer.t("ad-mail-off")}</p> }.into_any(),
                                Some(q) => view! {
                                    <p data-testid="mail">{viewer.tr("ad-mail-queue", [("waiting", q.waiting.into()), ("sent", q.sent_today.into()), ("failing", q.failing.into())])}</p>
                                    {(!q.errors.is_empty()).then(|| view! {
                                        <ul class="mail-errors">
                                            {q.errors.into_iter().map(|(e, n)| view! { <li>{format!("{n} × {e}")}</li> }).collect_view()}
                                        </ul>
                                    })}
                                }.into_any(),
                            }}
                        </section>
                        <section>
                            <h2>{viewer.t("ad-needing-attention")}</h2>
                            <FormError error=retry_error/>
                            {if d.flagged.is_empty() {
                                view! { <p data-testid="attention">{viewer.t("ad-attention-none")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul data-testid="attention">
                                        {d.flagged.clone().into_iter().map(|f| view! {
                                            <li>
                                                <a href=format!("/requests/{}", f.request_id)>{format!("{} ({})", f.request_id, f.state)}</a>
                                                {format!(": {} ", f.error)}
                                                <ActionForm action=retry attr:class="inline">
                                                    <input type="hidden" name="request_id" value=f.request_id/>
                                                    <button type="submit">{viewer.t("ad-retry")}</button>
                                                </ActionForm>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
