use crate::components::safe_text::PageTitle;
use crate::domain::ledger::reason_words;
use leptos::prelude::*;

use crate::api::account::my_statement;
use crate::components::errors::ErrorPage;
use crate::i18n::Viewer;

/// A statement line's part of the account ("available" or "held"), in the reader's words.
pub(super) fn bucket_name(v: &Viewer, bucket: &str) -> String {
    match bucket {
        "available" => v.t("rq-bucket-available"),
        "held" => v.t("rq-bucket-held"),
        other => other.to_owned(),
    }
}

/// A statement line's kind of transfer, in the reader's words.
pub(super) fn kind_name(v: &Viewer, kind: &str) -> String {
    match kind {
        "grant" => v.t("rq-transfer-grant"),
        "deduct" => v.t("rq-transfer-deduct"),
        "hold" => v.t("rq-transfer-hold"),
        "post" => v.t("rq-transfer-post"),
        "void" => v.t("rq-transfer-void"),
        "adjust" => v.t("rq-transfer-adjust"),
        other => other.to_owned(),
    }
}

/// Available and held hours, and every ledger entry.
#[component]
pub fn BalancePage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let statement = Resource::new(|| (), |_| my_statement());
    view! {
        <PageTitle text=viewer.t("rq-balance-page-title")/>
        <h1>{viewer.t("rq-balance-heading")}</h1>
        <Transition fallback=move || view! { <p>{viewer.t("rq-loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let s = statement.await?;
                    Ok::<_, crate::AppError>(view! {
                        <dl class="balance-box">
                            <dt>{viewer.t("rq-balance-available")}</dt><dd data-testid="available">{s.available.to_string()}</dd>
                            <dt>{viewer.t("rq-balance-held")}</dt><dd data-testid="held">{s.held.to_string()}</dd>
                        </dl>
                        <p><a href="/balance.csv" download="hourbank-statement.csv">{viewer.t("rq-balance-download-csv")}</a></p>
                        <table class="statement">
                            <caption>{viewer.t("rq-balance-caption")}</caption>
                            <thead>
                                <tr><th scope="col">{viewer.t("rq-balance-col-when")}</th><th scope="col">{viewer.t("rq-balance-col-what")}</th><th scope="col">{viewer.t("rq-balance-col-part")}</th><th scope="col">{viewer.t("rq-balance-col-minutes")}</th><th scope="col">{viewer.t("rq-balance-col-request")}</th></tr>
                            </thead>
                            <tbody>
                                {s.lines.into_iter().map(|l| view! {
                                    <tr>
                                        <td>{viewer.time(l.at)}</td>
                                        <td>{format!("{} ({})", reason_words(&l.reason, &viewer), kind_name(&viewer, &l.kind))}</td>
                                        <td>{bucket_name(&viewer, &l.bucket)}</td>
                                        <td class="num">{format!("{:+}", l.amount.0)}</td>
                                        <td>{l.request_id.map(|r| view! { <a href=format!("/requests/{r}")>{viewer.t("rq-balance-open")}</a> })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
