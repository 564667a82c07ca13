use crate::components::safe_text::PageTitle;
use crate::i18n::use_viewer;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let v = use_viewer();
    view! {
        <PageTitle text=v.t("pg-not-found-title")/>
        <section class="error-page">
            <h1>{v.t("pg-not-found-heading")}</h1>
            <p>{v.t("pg-not-found-text")}</p>
            <p><a href="/">{v.t("pg-not-found-back")}</a></p>
        </section>
    }
}
