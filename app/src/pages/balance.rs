use crate::components::safe_text::PageTitle;
use leptos::prelude::*;

use crate::api::account::my_statement;
use crate::components::errors::ErrorPage;
use crate::components::live::use_live;

/// Available and held hours, and every ledger entry.
#[component]
pub fn BalancePage() -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let live = use_live();
    let statement = Resource::new(move || live.get(), |_| my_statement());
    view! {
        <PageTitle text="Balance — HourBank"/>
        <h1>"Balance and statement"</h1>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors/> }>
                {move || Suspend::new(async move {
                    let s = statement.await?;
                    Ok::<_, crate::AppError>(view! {
                        <dl class="balance-box">
                            <dt>"Available"</dt><dd data-testid="available">{s.available.to_string()}</dd>
                            <dt>"Held in escrow"</dt><dd data-testid="held">{s.held.to_string()}</dd>
                        </dl>
                        <p><a href="/balance.csv" download="hourbank-statement.csv">"Download the statement as CSV"</a></p>
                        <table class="statement">
                            <caption>"Every movement of your hours, newest first"</caption>
                            <thead>
                                <tr><th scope="col">"When"</th><th scope="col">"What"</th><th scope="col">"Account part"</th><th scope="col">"Minutes"</th><th scope="col">"Request"</th></tr>
                            </thead>
                            <tbody>
                                {s.lines.into_iter().map(|l| view! {
                                    <tr>
                                        <td>{viewer.time(l.at)}</td>
                                        <td>{format!("{} ({})", l.reason, l.kind)}</td>
                                        <td>{l.bucket}</td>
                                        <td class="num">{format!("{:+}", l.amount.0)}</td>
                                        <td>{l.request_id.map(|r| view! { <a href=format!("/requests/{r}")>"open"</a> })}</td>
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
