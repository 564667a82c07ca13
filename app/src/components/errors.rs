//! Showing errors where the member acted.

use leptos::prelude::*;

use crate::i18n::use_viewer;
use crate::AppError;

/// The error of a form's last submission, if it belongs to `field`.
#[component]
pub fn FieldError(
    #[prop(into)] error: Signal<Option<AppError>>,
    field: &'static str,
) -> impl IntoView {
    let v = use_viewer();
    move || {
        error.get().filter(|e| e.field() == Some(field)).map(|e| {
            view! { <p class="field-error" id=format!("{field}-error") role="alert">{e.words(&v)}</p> }
        })
    }
}

/// The error of a form's last submission when it belongs to no single field.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let v = use_viewer();
    move || {
        error.get().filter(|e| e.field().is_none()).map(|e| {
            view! { <p class="form-error" role="alert">{e.words(&v)}</p> }
        })
    }
}

/// A readable page for an error that stopped a page from rendering.
#[component]
pub fn ErrorPage(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let v = use_viewer();
    view! {
        <section class="error-page" role="alert">
            <h1>{v.t("er-page-title")}</h1>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| {
                            let inner: &(dyn std::error::Error + Send + Sync + 'static) = &**e;
                            let words = match inner.downcast_ref::<AppError>() {
                                Some(app) => app.words(&v),
                                None => e.to_string(),
                            };
                            view! { <li>{words}</li> }
                        })
                        .collect_view()
                }}
            </ul>
            <p><a href="/">{v.t("er-page-back")}</a></p>
        </section>
    }
}
