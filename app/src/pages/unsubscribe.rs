use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::safe_text::PageTitle;
use crate::i18n::use_viewer;

/// Where an e-mail's "no more e-mails" link leads: one button, no login. The form posts
/// to `/unsubscribe/now`, the same address mail programs post to for a one-click
/// unsubscribe (`List-Unsubscribe-Post`).
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let v = use_viewer();
    let query = use_query_map();
    let param = move |k: &'static str| query.with(|q| q.get(k).unwrap_or_default());
    let action = move || {
        format!(
            "/unsubscribe/now?m={}&t={}",
            crate::domain::text::url_query_value(&param("m")),
            crate::domain::text::url_query_value(&param("t"))
        )
    };
    let done = move || param("done") == "1";
    let failed = move || param("done") == "0";
    view! {
        <PageTitle text=v.t("pg-unsubscribe-title")/>
        <h1>{v.t("pg-unsubscribe-heading")}</h1>
        {move || if done() {
            view! { <p role="status" data-testid="unsubscribed">{v.t("pg-unsubscribe-done")}</p> }.into_any()
        } else {
            view! {
                {failed().then(|| view! { <p class="form-error" role="alert">{v.t("pg-unsubscribe-invalid")}</p> })}
                <p>{v.t("pg-unsubscribe-question")}</p>
                <form method="post" action=action class="stack-form">
                    <button type="submit">{v.t("pg-unsubscribe-submit")}</button>
                </form>
            }.into_any()
        }}
    }
}
